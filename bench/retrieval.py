"""Retrieval quality and speed on the shipped corpus.

Prints, for BM25 only, dense only, the tuned score blend and hybrid RRF: hit@1/3/5 and MRR on
bench/data/dev_questions.yaml; warm `ask` latency p50/p95 per mode; indexing throughput
(length-sorted batches against a naive one-text-at-a-time baseline); cold start of
`studybot ask`; and a refit of the confidence calibration (dev questions vs off-topic ones).
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np

from bench.common import ROOT, heading_matches, load_yaml, percentile, timed
from bot.config import Settings
from retrieval.answer import CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS, _best_sentences, answer_question
from retrieval.build import BuildOptions, build_index
from retrieval.embed import load_embedder
from retrieval.service import Tutor

MODES = ("bm25", "dense", "rrf", "hybrid")


def quality(tutor: Tutor, dev: list[dict]) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for mode in MODES:
        ranks: list[int | None] = []
        for item in dev:
            hits = tutor.search(item["question"], k=10, mode=mode)
            rank = next(
                (
                    i + 1
                    for i, h in enumerate(hits)
                    if heading_matches(
                        h.chunk.source, h.chunk.heading, item["file"], item["heading"]
                    )
                ),
                None,
            )
            ranks.append(rank)
        n = len(ranks)
        results[mode] = {
            "hit@1": sum(r == 1 for r in ranks if r) / n,
            "hit@3": sum(1 for r in ranks if r and r <= 3) / n,
            "hit@5": sum(1 for r in ranks if r and r <= 5) / n,
            "mrr": sum(1 / r for r in ranks if r) / n,
            "misses@3": [d["question"] for d, r in zip(dev, ranks, strict=True) if not r or r > 3],  # type: ignore[dict-item]
        }
    return results


def latency(tutor: Tutor, questions: list[str], repeats: int = 2) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for mode in MODES:
        samples = []
        for _ in range(repeats):
            for q in questions:
                seconds, _ = timed(lambda q=q, mode=mode: tutor.search(q, k=5, mode=mode))
                samples.append(seconds * 1000)
        out[f"search {mode}"] = (percentile(samples, 50), percentile(samples, 95))
    samples = []
    for _ in range(repeats):
        for q in questions:
            seconds, _ = timed(lambda q=q: tutor.ask(q))
            samples.append(seconds * 1000)
    out["ask (hybrid + answer)"] = (percentile(samples, 50), percentile(samples, 95))
    return out


def throughput(tutor: Tutor, sample: int = 160) -> tuple[float, float]:
    """Texts/s embedding a random mix of passages and sentences as the index build does
    (length-sorted batches of 16) against one text at a time; warmed up, best of two."""
    files = tutor.searcher.files
    embedder = tutor.searcher.embedder
    texts = [c.embed_text() for c in files.chunks]
    texts += [
        files.chunks[row].text[start:end]
        for row, (start, end) in zip(
            files.sentence_chunk.tolist(), files.sentence_spans.tolist(), strict=True
        )
    ]
    mix = random.Random(7).sample(texts, sample)
    embedder.encode(mix[:16])

    def best(run: Callable[[], object]) -> float:
        return min(timed(run)[0] for _ in range(2))

    batched = best(lambda: embedder.encode(mix))
    naive = best(lambda: [embedder.encode([t]) for t in mix])
    return len(mix) / batched, len(mix) / naive


def cold_start(settings: Settings) -> tuple[float, float]:
    command = [sys.executable, "-m", "bot.cli", "ask", "when do i use pipe mode??", "--json"]
    env_args = ["--data-dir", str(settings.data_dir)]
    seconds, proc = timed(lambda: subprocess.run(command + env_args, capture_output=True, cwd=ROOT))
    assert proc.returncode == 0, proc.stderr.decode()
    bare, _ = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], cwd=ROOT))
    return seconds, bare


def calibration_features(tutor: Tutor, questions: list[str]) -> np.ndarray:
    rows = []
    searcher = tutor.searcher
    for q in questions:
        prepared = searcher.prepare(q)
        hits = searcher.search(q, k=5, prepared=prepared)
        _, best_sentence = _best_sentences(searcher, hits, prepared)
        rows.append((best_sentence, max(h.dense for h in hits)))
    return np.asarray(rows, dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, steps: int = 20000, lr: float = 0.5) -> np.ndarray:
    design = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(design @ weights)))
        weights -= lr * design.T @ (balance * (p - y)) / len(y)
    return weights


def accuracy(x: np.ndarray, y: np.ndarray, weights: tuple[float, float], bias: float) -> float:
    z = x @ np.asarray(weights) + bias
    return float(((1 / (1 + np.exp(-z)) >= 0.5) == (y == 1)).mean())


def main() -> None:
    settings = Settings()
    print(f"corpus: {', '.join(map(str, settings.corpus))}; data dir: {settings.data_dir}")
    report = build_index(
        BuildOptions(settings.corpus, settings.index_dir, settings.embed_model),
        embedder_factory=load_embedder,
    )
    print(f"index: {report.chunks} chunks ({'up to date' if report.up_to_date else 'built'})")
    tutor = Tutor(settings.index_dir, settings.embed_model)
    dev = load_yaml(ROOT / "bench/data/dev_questions.yaml")
    off_topic = load_yaml(ROOT / "bench/data/off_topic.yaml")
    tutor.ask("warm up")

    print(f"\n== quality on {len(dev)} dev questions ==")
    print(f"{'mode':8} {'hit@1':>6} {'hit@3':>6} {'hit@5':>6} {'MRR':>6}")
    results = quality(tutor, dev)
    for mode, r in results.items():
        print(f"{mode:8} {r['hit@1']:6.3f} {r['hit@3']:6.3f} {r['hit@5']:6.3f} {r['mrr']:6.3f}")
    print("hybrid misses at 3:", *results["hybrid"]["misses@3"], sep="\n  ")  # type: ignore[arg-type]

    print("\n== warm latency, ms (p50 / p95) ==")
    for name, (p50, p95) in latency(tutor, [d["question"] for d in dev]).items():
        print(f"{name:24} {p50:7.2f} / {p95:7.2f}")

    batched, naive = throughput(tutor)
    print("\n== indexing throughput (embedding passages and sentences) ==")
    print(
        f"length-sorted batches of 16 {batched:7.1f} texts/s | naive one at a time "
        f"{naive:7.1f} texts/s | ratio {batched / naive:.1f}x"
    )

    cold, bare = cold_start(settings)
    print("\n== cold start ==")
    print(
        f"`studybot ask` process start to first answer {cold:.2f} s (bare interpreter {bare:.2f} s)"
    )

    x = np.vstack(
        [
            calibration_features(tutor, [d["question"] for d in dev]),
            calibration_features(tutor, off_topic),
        ]
    )
    y = np.array([1] * len(dev) + [0] * len(off_topic), dtype=np.float64)
    fitted = fit_logistic(x, y)
    print("\n== confidence calibration (dev = covered, off-topic = not covered) ==")
    print(
        f"in code: weights {CONFIDENCE_WEIGHTS} bias {CONFIDENCE_BIAS}: "
        f"accuracy {accuracy(x, y, CONFIDENCE_WEIGHTS, CONFIDENCE_BIAS):.3f}"
    )
    w = (round(float(fitted[0]), 2), round(float(fitted[1]), 2))
    b = round(float(fitted[2]), 2)
    print(f"refit:   weights {w} bias {b}: accuracy {accuracy(x, y, w, b):.3f}")
    covered = [answer_question(tutor.searcher, q).covered for q in off_topic]
    print(f"off-topic questions answered as covered: {sum(covered)}/{len(covered)}")
    print(
        f"(sigmoid check: {1 / (1 + math.exp(-0)):.1f} at z=0; {time.strftime('%Y-%m-%d %H:%M')})"
    )


if __name__ == "__main__":
    main()
