"""Extractive answers: the one to three sentences that best answer a question, the passages
they come from with citations, and a calibrated confidence."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from retrieval.lexical import tokenize
from retrieval.search import Hit, Searcher
from retrieval.sentences import display_sentence

SENTENCE_POOL = 5  # passages whose sentences may be quoted
MAX_SENTENCES = 3
SENTENCE_MARGIN = 0.06
# Logistic calibration of confidence on (best sentence cosine, best passage cosine), fitted by
# bench/retrieval.py on dev questions (covered) against off-topic questions (not covered).
CONFIDENCE_WEIGHTS = (9.0, 6.0)
CONFIDENCE_BIAS = -7.2


@dataclass(frozen=True)
class Passage:
    text: str
    source: str
    heading: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "source": self.source,
            "heading": self.heading,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Answer:
    question: str
    sentences: list[str]
    passages: list[Passage]
    confidence: float
    covered: bool
    more: list[Passage] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text if self.covered else "",
            "confidence": round(self.confidence, 4),
            "passages": [p.as_dict() for p in self.passages],
        }


class EmptyQuestionError(ValueError):
    def __init__(self) -> None:
        super().__init__("The question is empty: type a question about your notes.")


def answer_question(
    searcher: Searcher, question: str, *, k: int = 3, min_confidence: float = 0.5, more: int = 3
) -> Answer:
    if not question.strip():
        raise EmptyQuestionError()
    prepared = searcher.prepare(question)
    hits = searcher.search(question, k=max(k + more, SENTENCE_POOL), prepared=prepared)
    if not hits:
        return Answer(question, [], [], 0.0, False)
    sentences, best_sentence = _best_sentences(searcher, hits[:SENTENCE_POOL], prepared)
    confidence = _confidence(best_sentence, max(h.dense for h in hits[:SENTENCE_POOL]))
    passages = [_passage(h) for h in hits]
    return Answer(
        question=question,
        sentences=sentences,
        passages=passages[:k],
        confidence=confidence,
        covered=confidence >= min_confidence,
        more=passages[k : k + more],
    )


def _passage(hit: Hit) -> Passage:
    return Passage(hit.chunk.text, hit.chunk.source, hit.chunk.heading_path, hit.score)


def _best_sentences(
    searcher: Searcher, hits: list[Hit], prepared: tuple[str, np.ndarray]
) -> tuple[list[str], float]:
    query, vector = prepared
    files = searcher.files
    query_terms = set(tokenize(query))
    candidates: list[tuple[float, float, int, int, str]] = []
    for rank, hit in enumerate(hits):
        rows = np.flatnonzero(files.sentence_chunk == hit.row)
        similarities = files.sentence_vectors[rows] @ vector
        for row, similarity in zip(rows.tolist(), similarities.tolist(), strict=True):
            start, end = files.sentence_spans[row].tolist()
            text = display_sentence(hit.chunk.text[start:end])
            overlap = len(query_terms & set(tokenize(text))) / max(len(query_terms), 1)
            score = similarity + 0.1 * overlap + 0.04 / (rank + 1)
            candidates.append((score, similarity, rank, start, text))
    if not candidates:
        return [], 0.0
    candidates.sort(key=lambda c: -c[0])
    best = candidates[0][0]
    chosen = [candidates[0]]
    for candidate in candidates[1:]:
        if len(chosen) == MAX_SENTENCES or candidate[0] < best - SENTENCE_MARGIN:
            break
        if all(_distinct(candidate[4], c[4]) for c in chosen):
            chosen.append(candidate)
    chosen.sort(key=lambda c: (c[2], c[3]))
    return [_as_sentence(c[4]) for c in chosen], max(c[1] for c in candidates)


def _distinct(a: str, b: str) -> bool:
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return len(words_a & words_b) / max(min(len(words_a), len(words_b)), 1) < 0.7


def _as_sentence(text: str) -> str:
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if re.search(r"[.!?:)]$", text) else f"{text}."


def _confidence(best_sentence: float, best_passage: float) -> float:
    w_sentence, w_passage = CONFIDENCE_WEIGHTS
    z = w_sentence * best_sentence + w_passage * best_passage + CONFIDENCE_BIAS
    return 1 / (1 + math.exp(-z))
