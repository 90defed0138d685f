"""Retrieval agreement of the question bank: for each scenario question, does `ask` on its stem
rank the notes passage the question cites (file and heading) in the top 5? Target: 100 %.
Prints the rate per domain and every miss with what came first instead; BM25 only runs beside
it as the naive baseline."""

from __future__ import annotations

from collections import defaultdict

from bench.common import heading_matches
from common.config import Settings
from quiz.bank import load_bank, question_files
from retrieval.build import BuildOptions, build_index
from retrieval.service import NotesIndex

TOP = 5


def rank_of(tutor: NotesIndex, stem: str, file: str, heading: str, mode: str) -> int | None:
    hits = tutor.search(stem, k=10, mode=mode)  # type: ignore[arg-type]
    return next(
        (
            i + 1
            for i, h in enumerate(hits)
            if heading_matches(h.chunk.source, h.chunk.heading, file, heading)
        ),
        None,
    )


def main() -> None:
    settings = Settings()
    build_index(BuildOptions(settings.corpus, settings.index_dir, settings.embed_model))
    tutor = NotesIndex(settings.index_dir, settings.embed_model)
    questions = load_bank(question_files(settings.corpus))
    by_domain: dict[str, list[bool]] = defaultdict(list)
    baseline: list[bool] = []
    misses = []
    for q in questions:
        rank = rank_of(tutor, q.stem, q.source.file, q.source.heading, "hybrid")
        hit = rank is not None and rank <= TOP
        by_domain[q.domain].append(hit)
        bm25 = rank_of(tutor, q.stem, q.source.file, q.source.heading, "bm25")
        baseline.append(bm25 is not None and bm25 <= TOP)
        if not hit:
            first = tutor.search(q.stem, k=1)[0].chunk
            misses.append(
                (
                    q.id,
                    rank,
                    f"{q.source.file} › {q.source.heading}",
                    f"{first.source} › {first.heading[-1]}",
                )
            )
    total = sum(sum(v) for v in by_domain.values())
    count = sum(len(v) for v in by_domain.values())
    print(
        f"cited passage in top {TOP}: hybrid {total}/{count} = {total / count:.3f} "
        f"| baseline BM25 only {sum(baseline)}/{count} = {sum(baseline) / count:.3f}"
    )
    for domain, hits in sorted(by_domain.items()):
        print(f"  {domain:32} {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.3f}")
    for bank_id, rank, cited, first in misses:
        print(f"miss {bank_id}: cited {cited} at rank {rank or '>10'}; first was {first}")


if __name__ == "__main__":
    main()
