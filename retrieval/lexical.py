"""BM25 keyword search over chunks with bm25s (English stemming, stopwords), saved beside FAISS."""

from __future__ import annotations

import os
import re
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
TOKEN_CACHE = 8192  # texts; a few MB at most
# Short technical tokens (s3, ec2, k, f1) carry meaning here; only true stopwords are dropped:
# bm25s's English list as tokens, plus chat words (tests/retrieval/test_stopwords.py says how and
# keeps them from drifting). Written out so that tokenizing never imports bm25s.
STOPWORDS = frozenset(
    {
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "u",
        "ur",
        "pls",
        "plz",
        "thx",
        "thanks",
        "hey",
        "hi",
    }
)


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens without stopwords, stemmed; hyphenated terms also kept whole."""
    return list(_tokens(text))


@lru_cache(maxsize=TOKEN_CACHE)
def _tokens(text: str) -> tuple[str, ...]:
    # An answer tokenizes the same pooled sentences and headings many times over (each side
    # of a comparison, each rule): the cache makes the repeats a lookup.
    words: list[str] = []
    for token in TOKEN.findall(text.lower()):
        if token in STOPWORDS:
            continue
        words.append(token)
        if "-" in token or "_" in token or "." in token:
            words.extend(p for p in re.split(r"[-_.]", token) if p and p not in STOPWORDS)
    return tuple(_stemmer().stemWords(words))


def _bm25s() -> Any:
    """bm25s, imported without what it never uses here, to keep a serving process light.

    - tqdm: bm25s's progress bars are off in every call here; `tqdm.auto` costs ~10 MB.
    - scipy: bm25s imports `scipy.sparse` whenever it is installed (it is: the install-time
      ONNX export needs sentence-transformers, which needs scipy), yet with its default
      `csc_backend="numpy"`, ours, never calls it; it costs ~19 MB and 0.4 s of start-up. It is
      hidden only for that import, and only when nothing else has imported scipy already.
    """
    if "bm25s" in sys.modules:
        return sys.modules["bm25s"]
    os.environ.setdefault("DISABLE_TQDM", "1")  # read by bm25s when it is first imported
    hide_scipy = "scipy" not in sys.modules
    if hide_scipy:
        sys.modules["scipy"] = None  # type: ignore[assignment]  # `import scipy...` fails
    try:
        import bm25s
    finally:
        if hide_scipy:
            del sys.modules["scipy"]
    return bm25s


class LexicalIndex:
    """BM25 scores of every chunk for a query."""

    def __init__(self, bm25: object) -> None:
        self._bm25 = bm25

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        bm25 = _bm25s().BM25()
        bm25.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)
        return cls(bm25)

    def scores(self, query: str) -> np.ndarray:
        vocab = self._bm25.vocab_dict  # type: ignore[attr-defined]
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)  # type: ignore[attr-defined]

    @property
    def size(self) -> int:
        return int(self._bm25.scores["num_docs"])  # type: ignore[attr-defined]

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        return cls(_bm25s().BM25.load(str(directory), show_progress=False))
