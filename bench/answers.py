"""Answer quality on both corpora, next to a naive pipeline run in the same process.

For each corpus (the shipped `corpus/` and the team's raw notes in ../shared/seeds) and each part
of its question sets (tuning / held-out), per question kind: the key facts in the answer text,
in passage 1, in any of the first three passages; the share of off-topic and not-in-notes
questions declined and of covered questions wrongly declined; the share right per confidence
band; warm ask latency p50/p95. The naive baseline: 800-character windows of each file, bm25s
BM25 and MiniLM ranked separately and fused by reciprocal rank; its answer is the first sentence
of the top window, and it never declines.

Question files: bench/data/answers_*.yaml and bench/data/*_dev.yaml (each names its `corpus`),
bench/data/not_in_notes.yaml and bench/data/off_topic.yaml (used on every corpus). Extra files
can be named in STUDYBOT_BENCH_QUESTIONS (os.pathsep-separated). `--show N` prints N tuning-part
answers next to their questions; `--show-heldout` prints held-out ones too (only for the final
report: held-out answers are never read while tuning).
"""

from __future__ import annotations

import argparse
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from bench.common import ROOT, load_yaml, percentile, timed
from retrieval.answer import Answer
from retrieval.build import BuildOptions, build_index
from retrieval.clean import clean_text
from retrieval.embed import Embedder, load_embedder
from retrieval.load import discover, read_corpus
from retrieval.sentences import display_sentence, sentence_spans
from retrieval.service import Tutor

MODEL = "all-MiniLM-L6-v2"
WINDOW = 800
RRF_K = 60
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))
DATA = ROOT / "bench" / "data"
PARTS: list[tuple[str, bool]] = [("tune", False), ("held", True)]
FIT: list[tuple[tuple[float, ...], float]] = []  # tuning parts only: (features, right or not)


def seeds_root() -> Path | None:
    """../shared/seeds relative to the repository root (also one level up, for worktrees)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    expect: list[list[str]]
    heldout: bool
    subject: str = ""


def load_questions(extra: list[Path]) -> dict[str, list[Question]]:
    """Covered questions by corpus, from every answers_*/..._dev file (missing ones noted)."""
    files = sorted(DATA.glob("answers_*.yaml")) + sorted(DATA.glob("*_dev.yaml")) + extra
    by_corpus: dict[str, list[Question]] = defaultdict(list)
    for path in files:
        if not path.is_file():
            print(f"note: {path} not found, skipped")
            continue
        data = load_yaml(path)
        for item in data["questions"]:
            by_corpus[data["corpus"]].append(
                Question(
                    item["id"],
                    item.get("kind", "casual"),
                    item["question"],
                    [[str(a) for a in group] for group in item["expect"]],
                    bool(item.get("heldout", False)),
                )
            )
    if not any(p.name.endswith("_dev.yaml") for p in files):
        print("note: no bench/data/*_dev.yaml yet (the seeds dev set arrives with the merge)")
    return by_corpus


def load_negatives() -> dict[str, list[Question]]:
    nin = load_yaml(DATA / "not_in_notes.yaml")["questions"]
    off = load_yaml(DATA / "off_topic.yaml")
    return {
        "not-in-notes": [
            Question(q["id"], "not-in-notes", q["question"], [], bool(q["heldout"]), q["subject"])
            for q in nin
        ],
        "off-topic": [
            Question(f"off-{i + 1:03d}", "off-topic", q, [], i % 5 in (1, 3))
            for i, q in enumerate(off)
        ],
    }


def matches(text: str, expect: list[list[str]]) -> bool:
    lowered = text.lower()
    return bool(expect) and all(any(a.lower() in lowered for a in group) for group in expect)


@dataclass
class Result:
    answer_right: bool
    p1: bool
    p3: bool
    declined: bool
    confidence: float
    seconds: float
    text: str
    features: tuple[float, ...] = ()


class Naive:
    """800-character windows, bm25s BM25 and MiniLM, fused by reciprocal rank."""

    def __init__(self, root: Path, embedder: Embedder) -> None:
        documents, _ = read_corpus(discover([root]))
        self.windows: list[str] = []
        for docs in documents.values():
            text = clean_text("\n".join(d.text for d in docs))
            self.windows += [text[i : i + WINDOW] for i in range(0, len(text), WINDOW)]
        self.embedder = embedder
        self.vectors = embedder.encode(self.windows)
        self.bm25 = bm25s.BM25()
        tokens = bm25s.tokenize(self.windows, stopwords="en", show_progress=False)
        self.bm25.index(tokens, show_progress=False)

    def ask(self, question: str) -> tuple[str, list[str]]:
        vector = self.embedder.encode([question])[0]
        dense = np.argsort(-(self.vectors @ vector))[:50]
        tokens = bm25s.tokenize([question], stopwords="en", return_ids=False, show_progress=False)
        scores = self.bm25.get_scores(tokens[0])
        lexical = [int(r) for r in np.argsort(-scores)[:50] if scores[r] > 0]
        fused: dict[int, float] = defaultdict(float)
        for ranking in (dense.tolist(), lexical):
            for rank, row in enumerate(ranking):
                fused[row] += 1 / (RRF_K + rank + 1)
        top = sorted(fused, key=lambda r: -fused[r])[:3]
        passages = [self.windows[r] for r in top]
        spans = sentence_spans(passages[0]) if passages else []
        first = display_sentence(passages[0][slice(*spans[0])]) if spans else ""
        return first, passages


def run_ours(tutor: Tutor, q: Question) -> Result:
    seconds, answer = timed(lambda: tutor.ask(q.text))
    assert isinstance(answer, Answer)
    texts = [f"{p.heading}\n{p.text}" for p in answer.passages]
    text = answer.text if answer.covered else ""
    return Result(
        matches(text, q.expect),
        bool(texts) and matches(texts[0], q.expect),
        any(matches(t, q.expect) for t in texts[:3]),
        not answer.covered,
        answer.confidence,
        seconds,
        answer.reply() if hasattr(answer, "reply") else text,
        getattr(answer, "features", ()),
    )


def run_naive(naive: Naive, q: Question) -> Result:
    seconds, (first, passages) = timed(lambda: naive.ask(q.text))
    return Result(
        matches(first, q.expect),
        bool(passages) and matches(passages[0], q.expect),
        any(matches(p, q.expect) for p in passages[:3]),
        False,
        1.0,
        seconds,
        first,
    )


def share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.2f}" if values else "  - "


def build_tutor(name: str, root: Path, embedder: Embedder) -> Tutor:
    index_dir = ROOT / "data" / "bench-answers" / name
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _m: embedder)
    return Tutor(index_dir, MODEL, embedder=embedder)


Row = tuple[str, str, str, str, str]


def evaluate(
    name: str,
    tutor: Tutor,
    naive: Naive,
    questions: list[Question],
    negatives: dict[str, list[Question]],
    shown: list[tuple[str, Question, Result]],
) -> list[Row]:
    rows: list[Row] = []
    tutor.ask("warm up")
    naive.ask("warm up")
    latency: dict[str, list[float]] = {"ours": [], "naive": []}
    for part, held in PARTS:
        subset = [q for q in questions if q.heldout == held]
        if not subset:
            continue
        ours = [run_ours(tutor, q) for q in subset]
        base = [run_naive(naive, q) for q in subset]
        latency["ours"] += [r.seconds for r in ours]
        latency["naive"] += [r.seconds for r in base]
        shown += [(part, q, r) for q, r in zip(subset, ours, strict=True)]
        if not held:
            FIT.extend((r.features, float(r.answer_right)) for r in ours)
        kinds = sorted({q.kind for q in subset})
        for kind in ["all", *kinds]:
            pick = [i for i, q in enumerate(subset) if kind in ("all", q.kind)]
            for metric, get in (
                ("answer", lambda r: r.answer_right),
                ("passage 1", lambda r: r.p1),
                ("any of 3", lambda r: r.p3),
            ):
                rows.append(
                    (
                        f"{name}/{part}/{kind} ({len(pick)})",
                        metric,
                        share([get(ours[i]) for i in pick]),
                        share([get(base[i]) for i in pick]),
                        "",
                    )
                )
        declined = [r.declined for r in ours]
        rows.append((f"{name}/{part}/covered", "wrongly declined", share(declined), "0.00", ""))
        for band in BANDS:
            inside = [r.answer_right for r in ours if band[0] <= r.confidence < band[1]]
            rows.append(
                (
                    f"{name}/{part}/conf {band[0]:.2f}-{min(band[1], 1):.2f}",
                    "share right",
                    share(inside),
                    "",
                    f"n={len(inside)}",
                )
            )
        for label, items in negatives.items():
            subset_n = [q for q in items if q.heldout == held]
            results = [run_ours(tutor, q) for q in subset_n]
            rows.append(
                (
                    f"{name}/{part}/{label} ({len(subset_n)})",
                    "declined",
                    share([r.declined for r in results]),
                    "0.00",
                    "",
                )
            )
            shown += [(part, q, r) for q, r in zip(subset_n, results, strict=True)]
            if not held:
                FIT.extend((r.features, 0.0) for r in results)
    for who, values in latency.items():
        ms = [v * 1000 for v in values]
        rows.append(
            (
                f"{name}/warm ask ms",
                f"{who} p50 / p95",
                f"{percentile(ms, 50):.1f}",
                f"{percentile(ms, 95):.1f}",
                "",
            )
        )
    return rows


def print_table(rows: list[Row]) -> None:
    print(f"\n{'set (n)':42} {'metric':18} {'ours':>6} {'naive':>6}  note")
    previous = ""
    for where, metric, ours, naive, note in rows:
        print(f"{where if where != previous else '':42} {metric:18} {ours:>6} {naive:>6}  {note}")
        previous = where


def show(samples: list[tuple[str, Question, Result]], count: int, heldout: bool) -> None:
    picked = [s for s in samples if heldout or s[0] == "tune"]
    step = max(1, len(picked) // max(count, 1))
    for part, q, r in picked[::step][:count]:
        mark = "ok " if r.answer_right or (r.declined and not q.expect) else "BAD"
        print(f"\n[{mark}] {q.id} ({part}, {q.kind}) conf {r.confidence:.2f}: {q.text}")
        print("   ", re.sub(r"\s+", " ", r.text)[:600])


def fit_confidence(steps: int = 20000, lr: float = 0.5) -> None:
    """Logistic fit of 'the answer is right' on the tuning parts (covered questions answered
    right = 1; wrong answers, off-topic and not-in-notes = 0), balanced by class."""
    x = np.asarray([f for f, _ in FIT if f], dtype=np.float64)
    y = np.asarray([label for f, label in FIT if f], dtype=np.float64)
    design = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(design @ weights)))
        weights -= lr * design.T @ (balance * (p - y)) / len(y)
    p = 1 / (1 + np.exp(-(design @ weights)))
    print(
        f"\nfitted on {len(y)} tuning answers: weights {np.round(weights[:-1], 2).tolist()} "
        f"bias {weights[-1]:.2f}"
    )
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        print(
            f"  threshold {threshold}: right kept {((p >= threshold) & (y == 1)).sum()}/"
            f"{int(y.sum())}, rest declined {((p < threshold) & (y == 0)).sum()}/"
            f"{int((y == 0).sum())}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--show-heldout", action="store_true")
    parser.add_argument("--fit", action="store_true", help="refit confidence on tuning parts")
    parser.add_argument("--tune-only", action="store_true", help="skip the held-out parts")
    parser.add_argument("--corpus", choices=("shipped", "seeds"), action="append")
    args = parser.parse_args(argv)
    if args.tune_only:
        PARTS[:] = [("tune", False)]
    extra = [Path(p) for p in os.environ.get("STUDYBOT_BENCH_QUESTIONS", "").split(os.pathsep) if p]
    questions = load_questions(extra)
    negatives = load_negatives()
    embedder = load_embedder(MODEL)
    roots: dict[str, Path | None] = {"shipped": ROOT / "corpus", "seeds": seeds_root()}
    rows: list[Row] = []
    shown: list[tuple[str, Question, Result]] = []
    for name, root in roots.items():
        if args.corpus and name not in args.corpus:
            continue
        if root is None:
            print(f"note: ../shared/seeds not found, corpus {name} skipped")
            continue
        if not questions.get(name):
            print(f"note: no questions for corpus {name}; only declines and latency measured")
        tutor = build_tutor(name, root, embedder)
        naive = Naive(root, embedder)
        rows += evaluate(name, tutor, naive, questions.get(name, []), negatives, shown)
    print_table(rows)
    if args.fit:
        fit_confidence()
    if args.show:
        show(shown, args.show, args.show_heldout)


if __name__ == "__main__":
    main()
