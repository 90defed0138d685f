"""Retrieval quality and speed on the shipped corpus, each figure next to a naive baseline run
in the same process: torch MiniLM (sentence-transformers, fp32) + a flat index + rank fusion (RRF).

Prints: the full `build_index` of the shipped corpus into a fresh data dir, as `make run` does it
(with the committed vectors) and from scratch, against the same build on torch; hit@1/3/5 and
MRR per mode on the tuning and the held-out part of bench/data/dev_questions.yaml (every fifth
question is held out and used for nothing but this report); how many held-out answers move
against the torch fp32 path; per-stage warm latency (embed, dense, BM25, fuse, answer) p50/p95
with CPU time per ask and the load average, alone and with 4 concurrent askers (the median of
3 rounds that alternate ours and the baseline); cold start as the median of 5 fresh processes,
with their RSS and whether torch was imported; and the confidence calibration fitted on the
tuning part and scored on the held-out part.

Run: .venv/bin/python -m bench.retrieval
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.common import ROOT, heading_matches, load_yaml, percentile
from common.config import Settings
from retrieval.answer import SENTENCE_POOL, _best_sentences, calibrated
from retrieval.build import BuildOptions, BuildReport, build_index
from retrieval.embed import DEFAULT_PRECISION, Embedder, load_torch_embedder
from retrieval.known_vectors import SHIPPED_DIR
from retrieval.search import CANDIDATES, Searcher, _top_positive
from retrieval.service import NotesIndex

MODES = ("bm25", "dense", "rrf", "hybrid")
HELD_OUT_EVERY = 5  # every fifth dev (and off-topic) question is held out of all tuning
CONCURRENT_ASKERS = 4
COLD_RUNS = 5
LATENCY_ROUNDS = 3  # warm ask: ours and the baseline alternate, each side's median round
STAGES = ("embed", "dense", "bm25", "fuse", "answer")


def split(items: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """(tuning part, held-out part): a fixed, order-based split."""
    tuning = [x for i, x in enumerate(items) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    held_out = [x for i, x in enumerate(items) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    return tuning, held_out


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f}"


# -- building ---------------------------------------------------------------------------------


def timed_build(
    settings: Settings,
    data_dir: Path,
    factory: Callable[[str], Embedder] | None,
    known_vectors: bool = False,
) -> tuple[BuildReport, float, float]:
    """A first index into an empty data dir: wall and CPU seconds of the whole `build_index`,
    with or without the vectors committed for the shipped notes (retrieval.known_vectors)."""
    options = BuildOptions(
        settings.corpus,
        data_dir / "index",
        settings.embed_model,
        known_vectors_dir=SHIPPED_DIR if known_vectors else None,
    )
    wall, cpu = time.perf_counter(), time.process_time()
    report = build_index(options, embedder_factory=factory)
    return report, time.perf_counter() - wall, time.process_time() - cpu


# -- quality ----------------------------------------------------------------------------------


def rank_of(tutor: NotesIndex, item: dict, mode: str) -> int | None:
    hits = tutor.search(item["question"], k=10, mode=mode)  # type: ignore[arg-type]
    return next(
        (
            i + 1
            for i, h in enumerate(hits)
            if heading_matches(h.chunk.source, h.chunk.heading, item["file"], item["heading"])
        ),
        None,
    )


def quality(tutor: NotesIndex, dev: list[dict], modes: Sequence[str] = MODES) -> dict[str, dict]:
    results: dict[str, dict] = {}
    for mode in modes:
        ranks = [rank_of(tutor, item, mode) for item in dev]
        n = len(ranks)
        results[mode] = {
            "hit@1": sum(r == 1 for r in ranks if r) / n,
            "hit@3": sum(1 for r in ranks if r and r <= 3) / n,
            "hit@5": sum(1 for r in ranks if r and r <= 5) / n,
            "mrr": sum(1 / r for r in ranks if r) / n,
        }
    return results


def print_quality(name: str, results: dict[str, dict]) -> None:
    for mode, r in results.items():
        print(
            f"{name:28} {mode:7} {r['hit@1']:6.3f} {r['hit@3']:6.3f} {r['hit@5']:6.3f} "
            f"{r['mrr']:6.3f}"
        )


# -- latency ----------------------------------------------------------------------------------


def staged_ask(searcher: Searcher, question: str) -> dict[str, float]:
    """One ask, timed stage by stage (ms); the same steps as Searcher.search + the answer."""
    t0 = time.perf_counter()
    query, vector = searcher.prepare(question)
    t1 = time.perf_counter()
    searcher._dense_candidates(vector)
    t2 = time.perf_counter()
    lexical = searcher.files.lexical.scores(query)
    _top_positive(lexical, CANDIDATES)
    t3 = time.perf_counter()
    hits = searcher.search(question, k=6, prepared=(query, vector))
    t4 = time.perf_counter()
    _, best = _best_sentences(searcher, hits[:SENTENCE_POOL], (query, vector))
    calibrated((best, max(h.dense for h in hits[:SENTENCE_POOL]), 0.0))
    t5 = time.perf_counter()
    # search() repeats dense and BM25 internally: its own cost beyond them is the fusion.
    fuse = max(0.0, (t4 - t3) - (t3 - t1))
    stages = (t1 - t0, t2 - t1, t3 - t2, fuse, t5 - t4)
    return {name: s * 1000 for name, s in zip(STAGES, stages, strict=True)}


def stage_latency(tutor: NotesIndex, questions: list[str]) -> dict[str, tuple[float, float]]:
    samples: dict[str, list[float]] = {name: [] for name in STAGES}
    for q in questions:
        for name, ms in staged_ask(tutor.searcher, q).items():
            samples[name].append(ms)
    return {name: (percentile(v, 50), percentile(v, 95)) for name, v in samples.items()}


def ask_latency(tutor: NotesIndex, questions: list[str], askers: int) -> tuple[float, float, float]:
    """p50, p95 of `tutor.ask` (ms) with `askers` concurrent threads, and CPU ms per ask."""

    def one(q: str) -> float:
        started = time.perf_counter()
        tutor.ask(q)
        return (time.perf_counter() - started) * 1000

    cpu = time.process_time()
    if askers == 1:
        samples = [one(q) for q in questions]
    else:
        with ThreadPoolExecutor(askers) as pool:
            list(pool.map(lambda _: time.sleep(0.01), range(askers)))  # threads started first
            samples = list(pool.map(one, questions))
    cpu_ms = (time.process_time() - cpu) * 1000 / len(questions)
    return percentile(samples, 50), percentile(samples, 95), cpu_ms


def interleaved(
    ours: Callable[[], tuple[float, float, float]],
    baseline: Callable[[], tuple[float, float, float]],
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Each side's figures as the median over rounds that alternate ours and the baseline: on a
    shared machine a slow spell lands on both sides instead of on one single run."""
    rounds = [(ours(), baseline()) for _ in range(LATENCY_ROUNDS)]

    def median(side: int) -> tuple[float, ...]:
        return tuple(statistics.median(r[side][i] for r in rounds) for i in range(3))

    return median(0), median(1)


# -- cold start -------------------------------------------------------------------------------

# Peak RSS from /proc (VmHWM): ru_maxrss would carry the parent's peak across fork and exec.
COLD_SCRIPT = """
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from retrieval.service import NotesIndex
{setup}
tutor = NotesIndex(Path(sys.argv[1]), sys.argv[2], **kwargs)
answer = tutor.ask("when do i use pipe mode??")
print(json.dumps({{
    "seconds": time.perf_counter() - started,
    "rss_mb": next(
        int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")
    ) / 1024,
    "torch": "torch" in sys.modules,
    "covered": answer.covered,
}}))
"""
OURS_SETUP = "kwargs = {}"
TORCH_SETUP = (
    "from retrieval.embed import load_torch_embedder\n"
    "kwargs = {'embedder': load_torch_embedder(sys.argv[2])}"
)


def cold_start(index_dir: Path, model: str, setup: str) -> dict[str, Any]:
    """Median over fresh processes of interpreter start to first answer, as a process sees it."""
    runs = []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT.format(setup=setup), str(index_dir), model],
            capture_output=True,
            cwd=ROOT,
            text=True,
        )
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)
        runs.append({**json.loads(proc.stdout.strip().splitlines()[-1]), "wall": wall})
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "rss_mb": statistics.median(r["rss_mb"] for r in runs),
        "torch": any(r["torch"] for r in runs),
    }


# -- calibration ------------------------------------------------------------------------------


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    settings = Settings()
    dev_all = load_yaml(ROOT / "bench/data/dev_questions.yaml")
    off_all = load_yaml(ROOT / "bench/data/off_topic.yaml")
    dev_tune, dev_held = split(dev_all)
    off_tune, off_held = split(off_all)
    print(f"corpus: {', '.join(map(str, settings.corpus))}; {load()}")
    print(
        f"dev questions: {len(dev_tune)} tuning + {len(dev_held)} held out; off-topic: "
        f"{len(off_tune)} + {len(off_held)}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        ours_dir, torch_dir = Path(tmp) / "ours", Path(tmp) / "torch"
        print("\n== first index of the shipped corpus (fresh data dir, whole build_index) ==")
        first, wall_k, cpu_k = timed_build(settings, Path(tmp) / "first", None, known_vectors=True)
        print(
            f"ours as `make run` does it (committed vectors for {first.known} texts): "
            f"{wall_k:6.1f} s wall, {cpu_k:6.1f} s CPU ({first.chunks} chunks); {load()}"
        )
        report, wall, cpu = timed_build(settings, ours_dir, None)
        print(
            f"ours from scratch (ONNX {DEFAULT_PRECISION}, every text embedded): {wall:6.1f} s "
            f"wall, {cpu:6.1f} s CPU ({report.chunks} chunks); {load()}"
        )
        _, wall_t, cpu_t = timed_build(settings, torch_dir, load_torch_embedder)
        torch_embedder = load_torch_embedder(settings.embed_model)
        print(
            f"baseline (torch fp32 incl. loading):  {wall_t:6.1f} s wall, {cpu_t:6.1f} s CPU; "
            f"ratio ours/baseline wall {wall / wall_t:.2f}, CPU {cpu / cpu_t:.2f}; as `make run`: "
            f"wall {wall_k / wall_t:.3f}; {load()}"
        )

        ours = NotesIndex(ours_dir / "index", settings.embed_model)
        naive = NotesIndex(torch_dir / "index", settings.embed_model, embedder=torch_embedder)
        ours.ask("warm up")
        naive.ask("warm up")

        print("\n== quality (hit@1 hit@3 hit@5 MRR) ==")
        print_quality("ours, tuning part", quality(ours, dev_tune))
        print_quality("ours, HELD-OUT part", quality(ours, dev_held))
        print_quality("baseline torch, tuning", quality(naive, dev_tune, ("rrf", "hybrid")))
        print_quality("baseline torch, HELD-OUT", quality(naive, dev_held, ("rrf", "hybrid")))
        moved = [
            d["question"]
            for d in dev_held
            if ours.ask(d["question"]).text != naive.ask(d["question"]).text
        ]
        print(
            f"held-out answers that differ from the torch fp32 path (both float16 sentences): "
            f"{len(moved)}/{len(dev_held)}",
            *moved,
            sep="\n  ",
        )

        questions = [d["question"] for d in dev_all]
        print(f"\n== warm latency per stage, ms p50 / p95 ({len(questions)} asks); {load()} ==")
        for name, (p50, p95) in stage_latency(ours, questions).items():
            print(f"  {name:7} {p50:7.2f} / {p95:7.2f}")
        torch_ms = torch_embed_ms(naive, questions)
        print(
            f"  {'embed':7} {percentile(torch_ms, 50):7.2f} / {percentile(torch_ms, 95):7.2f}"
            "  baseline (torch)"
        )
        print(
            f"\n== warm ask (search + answer), ms p50 / p95, CPU ms per ask, median of "
            f"{LATENCY_ROUNDS} interleaved rounds; {load()} =="
        )
        for askers in (1, CONCURRENT_ASKERS):
            o, n = interleaved(
                lambda a=askers: ask_latency(ours, questions, a),
                lambda a=askers: ask_latency(naive, questions, a),
            )
            print(
                f"  {askers} asker(s): ours {o[0]:7.2f} / {o[1]:7.2f} (CPU {o[2]:6.2f}) | "
                f"baseline {n[0]:7.2f} / {n[1]:7.2f} (CPU {n[2]:6.2f}) | "
                f"p95 ratio {o[1] / n[1]:.2f}"
            )

        print(f"\n== cold start: median of {COLD_RUNS} fresh processes to the first answer ==")
        ours_cold = cold_start(ours_dir / "index", settings.embed_model, OURS_SETUP)
        naive_cold = cold_start(torch_dir / "index", settings.embed_model, TORCH_SETUP)
        for name, c in (("ours", ours_cold), ("baseline torch", naive_cold)):
            print(
                f"  {name:15} {c['wall']:5.2f} s, peak RSS {c['rss_mb']:6.0f} MB, "
                f"torch imported: {c['torch']}"
            )
        print(f"  ratio {ours_cold['wall'] / naive_cold['wall']:.2f}; {load()}")

        # Confidence is fitted and scored per kind of ask, held-out apart, by bench/answers.py.


def torch_embed_ms(tutor: NotesIndex, questions: list[str]) -> list[float]:
    samples = []
    for q in questions:
        started = time.perf_counter()
        tutor.searcher.prepare(q)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


if __name__ == "__main__":
    main()
