"""Answer quality on both corpora, next to a naive pipeline run in the same process.

For each corpus (the shipped `corpus/` and the team's raw notes in ../shared/seeds) and each part of
its question sets (tuning / held-out / blind), per question kind, in one table: the key facts in the
answer text, in passage 1, in any of the first three passages; the share of off-topic and
not-in-notes questions declined and of covered questions wrongly declined; warm ask latency p50/p95.
The naive baseline: 800-character windows of each file, bm25s BM25 and MiniLM ranked separately
and fused by reciprocal rank; its answer is the first sentence of the top window, and it never
declines.

Confidence: `--fit` fits it on the tuning parts only (what retrieval/confidence.py and the gate
in retrieval/answer.py are fitted on); the reliability table (share right per confidence band) is
printed for every part of each corpus, and the AUC for every part, both corpora together and each
alone (each earlier blind round's file too under `--split-held`), so a fit is judged on parts it
never saw.

Question files: bench/data/answers_*.yaml and bench/data/*_dev.yaml (each names its `corpus`;
`heldout` marks the held-out part), bench/data/blind_*.yaml (the blind part: written in one sitting
by someone who had never run the system nor read its code; never tuned on, never read item by item
while tuning), bench/data/not_in_notes.yaml and bench/data/off_topic.yaml (used on every corpus),
bench/data/negatives_*.yaml (more held-out ones: earlier blind negatives) and
bench/data/blind_negatives.yaml (the blind negatives).
Extra files can be named in STUDYBOT_BENCH_QUESTIONS (os.pathsep-separated). `--show N` prints N
tuning-part answers next to their questions; `--show-heldout` prints held-out and blind ones too
(only for the final report: they are never read while tuning); `--parts tune,b8` prints those
parts' only (the ones read this round, with --split-held). `--split-held` reports each earlier
blind round's held-out file (b5, b6, ...) as a column of its own. `--ids` prints, per corpus and
part, the ids answered right and wrong (no question text), to compare two runs.
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
from retrieval.embed import Embedder, load_embedder
from retrieval.load import discover, read_corpus
from retrieval.sentences import display_sentence, sentence_spans
from retrieval.service import NotesIndex

MODEL = "all-MiniLM-L6-v2"
WINDOW = 800
RRF_K = 60
# Below 0.5 the gate declines; an answered question's confidence spans 0.5-1.
BANDS = ((0.0, 0.5), (0.5, 0.75), (0.75, 0.85), (0.85, 0.95), (0.95, 1.01))
AUC_DRAWS = 1000  # bootstrap draws for the AUC's interval
DATA = ROOT / "bench" / "data"
# tune: what composition is tuned on; held: held out by a rule fixed before tuning (reported,
# never tuned on, though its aggregate has been read at every stop); blind: bench/data/blind_*.yaml,
# written apart by someone who never ran the system or read its code, reported only.
PARTS: list[str] = ["tune", "held", "blind"]
# The sets were written in different rounds: one kind, two spellings, one row in the table.
KIND_ALIASES = {"howto": "how-to", "when": "when-to-use"}


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
    part: str = ""

    def __post_init__(self) -> None:
        if not self.part:
            object.__setattr__(self, "part", "held" if self.heldout else "tune")


def load_questions(extra: list[Path], split_held: bool = False) -> dict[str, list[Question]]:
    """Covered questions by corpus, from every answers_*/..._dev file (missing ones noted). With
    `split_held`, a held-out file from an earlier blind round (`_b5`, `_b6` in its name) is its
    own part, named after the round."""
    files = (
        sorted(DATA.glob("answers_*.yaml"))
        + sorted(DATA.glob("*_dev.yaml"))
        + sorted(p for p in DATA.glob("blind_*.yaml") if p.name != "blind_negatives.yaml")
        + extra
    )
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
                    KIND_ALIASES.get(item.get("kind", "casual"), item.get("kind", "casual")),
                    item["question"],
                    [[str(a) for a in group] for group in item["expect"]],
                    bool(item.get("heldout", False)),
                    part=_part_of(path, split_held),
                )
            )
    if not any(p.name.endswith("_dev.yaml") for p in files):
        print("note: no bench/data/*_dev.yaml yet (the seeds dev set arrives with the merge)")
    return by_corpus


def _part_of(path: Path, split_held: bool) -> str:
    if path.name.startswith("blind_"):
        return "blind"
    round_ = re.search(r"_(b\d+)", path.stem)
    if split_held and round_ and "held" in PARTS:  # not with --tune-only
        if round_.group(1) not in PARTS:  # rounds in number order (b9 before b10), before blind
            rounds = [p for p in PARTS if re.fullmatch(r"b\d+", p)] + [round_.group(1)]
            rounds.sort(key=lambda p: int(p[1:]))
            at = PARTS.index("blind") if "blind" in PARTS else len(PARTS)
            PARTS[:] = [p for p in PARTS[:at] if p not in rounds] + rounds + PARTS[at:]
        return round_.group(1)
    return ""


def load_negatives(split_held: bool = False) -> dict[str, list[Question]]:
    """Not-in-notes and off-topic questions: tuning and held-out parts from not_in_notes.yaml and
    off_topic.yaml, more held-out ones from negatives_*.yaml (blind sets whose answers were read;
    with `split_held`, each its round's own part, beside that round's covered questions), and the
    blind part from blind_negatives.yaml when it is there."""
    nin = load_yaml(DATA / "not_in_notes.yaml")["questions"]
    off = load_yaml(DATA / "off_topic.yaml")
    negatives = {
        "not-in-notes": [
            Question(q["id"], "not-in-notes", q["question"], [], bool(q["heldout"]), q["subject"])
            for q in nin
        ],
        "off-topic": [
            Question(f"off-{i + 1:03d}", "off-topic", q, [], i % 5 in (1, 3))
            for i, q in enumerate(off)
        ],
    }
    blind = DATA / "blind_negatives.yaml"
    extra = [
        (path, _part_of(path, split_held) or "held")
        for path in sorted(DATA.glob("negatives_*.yaml"))
    ]
    extra += [(blind, "blind")] if blind.is_file() else []
    for path, part in extra:
        data = load_yaml(path)
        negatives["not-in-notes"] += [
            Question(q["id"], "not-in-notes", q["question"], [], True, q["subject"], part)
            for q in data["not_in_notes"]
        ]
        negatives["off-topic"] += [
            Question(f"{path.stem}-off-{i + 1:03d}", "off-topic", q, [], True, part=part)
            for i, q in enumerate(data["off_topic"])
        ]
    return negatives


# Typography that states no fact: a dash or an apostrophe as the notes or a flashcard typed it
# ("1–5 minutes" in the notes, "1-5 minutes" on the card that restates them; "CPU’s only").
PLAIN_TYPOGRAPHY = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
    }
)


# An arrow as typed ("->", "-->", "=>") or as the answer shows it ("→", the notes' "->" set in
# type by `retrieval.sentences`), with the spaces around it.
ANY_ARROW = re.compile(r"\s*(?:-{1,2}>|=>|\u2192)\s*")


def plain(text: str) -> str:
    """The text lowered, its dashes, quotes and arrows in one plain form each."""
    return ANY_ARROW.sub(" -> ", text.lower().translate(PLAIN_TYPOGRAPHY))


def matches(text: str, expect: list[list[str]]) -> bool:
    """Every group of `expect` has an alternative the text holds, case and typography aside."""
    lowered = plain(text)
    return bool(expect) and all(any(plain(a) in lowered for a in group) for group in expect)


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
    """800-character windows of each notes file's raw text, bm25s BM25 and MiniLM, fused by
    reciprocal rank. It reads the same files as studybot but none of its reading (no export
    residue removed, no cards or outlines recognised), as a plain pipeline would."""

    def __init__(self, root: Path, embedder: Embedder) -> None:
        files = discover([root])
        documents, _ = read_corpus(files)
        paths = {file.source: file.path for file in files}
        self.windows: list[str] = []
        for source in documents:
            text = paths[source].read_text(encoding="utf-8", errors="replace")
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


def run_ours(tutor: NotesIndex, q: Question) -> Result:
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


def build_tutor(name: str, root: Path, embedder: Embedder) -> NotesIndex:
    index_dir = ROOT / "data" / "bench-answers" / name
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _m: embedder)
    return NotesIndex(index_dir, MODEL, embedder=embedder)


@dataclass
class Part:
    """One corpus's part (tuning or held-out): covered questions with our and the naive
    results, and the declined sets (ours only: the naive pipeline never declines)."""

    questions: list[Question]
    ours: list[Result]
    naive: list[Result]
    negatives: dict[str, list[tuple[Question, Result]]]


def still_absent(
    tutor: NotesIndex, negatives: dict[str, list[Question]]
) -> dict[str, list[Question]]:
    """The not-in-notes questions whose subject these notes still never mention: notes grow
    (the shipped corpus gained Bedrock and foundation models after the set was written), and a
    question they now answer is no longer a decline to expect. Dropped ones are printed."""
    text = " ".join(f"{' '.join(c.heading)} {c.text}" for c in tutor.searcher.files.chunks).lower()
    kept = [q for q in negatives["not-in-notes"] if q.subject.lower() not in text]
    dropped = [q.id for q in negatives["not-in-notes"] if q not in kept]
    if dropped:
        print(f"note: now in {tutor.index_dir.name}'s notes, not counted: {dropped}")
    return {**negatives, "not-in-notes": kept}


def evaluate(
    tutor: NotesIndex, naive: Naive, questions: list[Question], negatives: dict[str, list[Question]]
) -> dict[str, Part]:
    tutor.ask("warm up")
    naive.ask("warm up")
    parts: dict[str, Part] = {}
    for part in PARTS:
        subset = [q for q in questions if q.part == part]
        ours = [run_ours(tutor, q) for q in subset]
        base = [run_naive(naive, q) for q in subset]
        declines = {
            label: [(q, run_ours(tutor, q)) for q in items if q.part == part]
            for label, items in negatives.items()
        }
        parts[part] = Part(subset, ours, base, declines)
    return parts


def cell(values: list[bool], baseline: list[bool] | None = None) -> str:
    ours = share(values)
    return f"{ours} / {share(baseline)}" if baseline is not None else ours


def ms(results: list[Result], q: float) -> str:
    return f"{percentile([r.seconds * 1000 for r in results], q):.1f}" if results else "-"


def print_table(results: dict[str, dict[str, Part]]) -> None:
    """One table: a column per corpus and part, a row per kind and measure; "ours / naive"."""
    columns = [(c, p) for c in results for p in results[c]]
    kinds = sorted({q.kind for c, p in columns for q in results[c][p].questions})
    header = [f"{c} {p}" for c, p in columns]
    width = 16
    print(f"\n{'kind':14} {'measure':22} " + " ".join(f"{h:>{width}}" for h in header))
    print("(each cell: ours / naive; n = questions in that cell)")

    def line(kind: str, measure: str, cells: list[str]) -> None:
        print(f"{kind:14} {measure:22} " + " ".join(f"{x:>{width}}" for x in cells))

    for kind in ["all", *kinds]:
        picks = {
            (c, p): [i for i, q in enumerate(results[c][p].questions) if kind in ("all", q.kind)]
            for c, p in columns
        }
        line(kind, "n", [str(len(picks[c, p])) for c, p in columns])
        for measure, get in (
            ("key fact in answer", lambda r: r.answer_right),
            ("key fact in passage 1", lambda r: r.p1),
            ("key fact in any of 3", lambda r: r.p3),
        ):
            cells = []
            for c, p in columns:
                part, pick = results[c][p], picks[c, p]
                cells.append(
                    cell([get(part.ours[i]) for i in pick], [get(part.naive[i]) for i in pick])
                    if pick
                    else "-"
                )
            line("", measure, cells)
    line(
        "covered",
        "wrongly declined",
        [cell([r.declined for r in results[c][p].ours]) for c, p in columns],
    )
    for label in ("off-topic", "not-in-notes"):
        cells = []
        for c, p in columns:
            items = results[c][p].negatives.get(label, [])
            cells.append(f"{cell([r.declined for _, r in items])} (n={len(items)})")
        line(label, "declined", cells)
    line(
        "warm ask",
        "p50 ms ours / naive",
        [f"{ms(results[c][p].ours, 50)} / {ms(results[c][p].naive, 50)}" for c, p in columns],
    )
    line(
        "",
        "p95 ms ours / naive",
        [f"{ms(results[c][p].ours, 95)} / {ms(results[c][p].naive, 95)}" for c, p in columns],
    )


def labelled(
    results: dict[str, dict[str, Part]], pick
) -> list[tuple[tuple[float, ...], float, float]]:  # type: ignore[no-untyped-def]
    """(features, right, confidence) of the answers `pick(question, part)` selects: covered
    questions answered right count 1; wrong answers and every declined-set question 0."""
    out = []
    for corpus in results.values():
        for name, part in corpus.items():
            for q, r in zip(part.questions, part.ours, strict=True):
                if pick(q, name):
                    out.append((r.features, float(r.answer_right), r.confidence))
            for items in part.negatives.values():
                for q, r in items:
                    if pick(q, name):
                        out.append((r.features, 0.0, r.confidence))
    return [row for row in out if row[0]]


def _in_part(name: str):  # type: ignore[no-untyped-def]
    return lambda q, part: part == name


def print_reliability(results: dict[str, dict[str, Part]]) -> None:
    """Share right per confidence band, a row per corpus and part (the confidence is fitted on
    the parts read while tuning, so the others are the honest figures); then the AUC on every
    part, both corpora together and each on its own, each earlier blind round's file too under
    --split-held."""
    print(
        "\nconfidence reliability: share right (n) per band; declined-set questions count as wrong"
    )
    print(
        f"{'corpus part':18} " + " ".join(f"{f'{lo:.2f}-{min(hi, 1):.2f}':>14}" for lo, hi in BANDS)
    )
    for name in results:
        for label in PARTS:
            rows = labelled({name: results[name]}, _in_part(label))
            if rows:
                cells = [band_cell(rows, low, high) for low, high in BANDS]
                print(f"{f'{name} {label}':18} " + " ".join(f"{x:>14}" for x in cells))
    for label in PARTS:
        rows = labelled(results, _in_part(label))
        if not rows:
            continue  # a part with no questions this run (no blind files between rounds)
        given = answered(results, _in_part(label))
        each = ", ".join(
            f"{name} {auc(answered({name: results[name]}, _in_part(label))):.2f}"
            for name in results
        )
        low, high = auc_interval(given)
        print(
            f"{label}: AUC {auc(rows):.2f} over {len(rows)} answers (both corpora); among the "
            f"{len(given)} answered (not declined), AUC {auc(given):.2f} "
            f"[90 % {low:.2f}-{high:.2f}] ({each})"
        )


def band_cell(rows: list[tuple[tuple[float, ...], float, float]], low: float, high: float) -> str:
    """The share right (and how many) of the `rows` whose confidence is in [low, high)."""
    inside = [right for _, right, c in rows if low <= c < high]
    return f"{share([bool(x) for x in inside])} (n={len(inside)})"


def answered(
    results: dict[str, dict[str, Part]], pick
) -> list[tuple[tuple[float, ...], float, float]]:  # type: ignore[no-untyped-def]
    """(features, right, confidence) of the covered questions `pick` selects that were answered,
    not declined: whether confidence tells a right answer from a wrong one."""
    return [
        (r.features, float(r.answer_right), r.confidence)
        for corpus in results.values()
        for name, part in corpus.items()
        for q, r in zip(part.questions, part.ours, strict=True)
        if pick(q, name) and not r.declined
    ]


def auc(rows: list[tuple[tuple[float, ...], float, float]]) -> float:
    """Chance that a right answer gets a higher confidence than a wrong one."""
    right = [c for _, y, c in rows if y == 1]
    wrong = [c for _, y, c in rows if y == 0]
    if not right or not wrong:
        return float("nan")
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def auc_interval(
    rows: list[tuple[tuple[float, ...], float, float]], draws: int = AUC_DRAWS
) -> tuple[float, float]:
    """The 90 % bootstrap interval of `auc` (the rows drawn again with replacement, a fixed
    seed): a part with two wrong answers moves by a tenth when one of them moves, so a change
    is read against this width, not against the point alone."""
    if not any(y == 1 for _, y, _ in rows) or not any(y == 0 for _, y, _ in rows):
        return float("nan"), float("nan")
    labels = np.asarray([y for _, y, _ in rows])
    scores = np.asarray([c for _, _, c in rows])
    rng = np.random.default_rng(0)
    found = []
    for _ in range(draws):
        pick = rng.integers(0, len(rows), len(rows))
        right, wrong = scores[pick][labels[pick] == 1], scores[pick][labels[pick] == 0]
        if right.size and wrong.size:
            diff = right[:, None] - wrong[None, :]
            found.append(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)
    low, high = np.percentile(found, [5, 95])
    return float(low), float(high)


def show(
    results: dict[str, dict[str, Part]], count: int, parts: set[str], misses: bool = False
) -> None:
    """`count` answers spread over `parts`; with `misses`, every wrong one instead."""
    picked = []
    for name, corpus in results.items():
        for part_name, part in corpus.items():
            if part_name not in parts:
                continue
            picked += [
                (name, part_name, q, r) for q, r in zip(part.questions, part.ours, strict=True)
            ]
            for items in part.negatives.values():
                picked += [(name, part_name, q, r) for q, r in items]
    if misses:
        picked = [p for p in picked if not _right(p[2], p[3])]
        count = len(picked)
    step = max(1, len(picked) // max(count, 1))
    for name, part, q, r in picked[::step][:count]:
        mark = "ok " if _right(q, r) else "BAD"
        print(f"\n[{mark}] {name} {q.id} ({part}, {q.kind}) conf {r.confidence:.2f}: {q.text}")
        print("   ", re.sub(r"\s+", " ", r.text)[:600])
        if misses:
            print("    expected:", q.expect)


def print_ids(results: dict[str, dict[str, Part]]) -> None:
    """Per corpus and part, the ids answered right and the ids missed (declined-set questions:
    right when declined), one line each, so two runs compare with a diff."""
    for name, corpus in results.items():
        for part_name, part in corpus.items():
            pairs = list(zip(part.questions, part.ours, strict=True))
            pairs += [pair for items in part.negatives.values() for pair in items]
            for verdict, want in (("right", True), ("wrong", False)):
                ids = sorted(q.id for q, r in pairs if _right(q, r) == want)
                print(f"ids {name} {part_name} {verdict} ({len(ids)}): {' '.join(ids)}")


def _right(q: Question, r: Result) -> bool:
    return r.answer_right or (r.declined and not q.expect)


def fit_confidence(
    rows: list[tuple[tuple[float, ...], float, float]], steps: int = 20000, lr: float = 0.5
) -> None:
    """Logistic fit of 'the answer is right' on the tuning parts (both corpora), balanced by
    class; printed for retrieval/answer.py's CONFIDENCE_WEIGHTS / CONFIDENCE_BIAS."""
    x = np.asarray([f for f, _, _ in rows], dtype=np.float64)
    y = np.asarray([label for _, label, _ in rows], dtype=np.float64)
    design = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(design @ weights)))
        weights -= lr * design.T @ (balance * (p - y)) / len(y)
    p = 1 / (1 + np.exp(-(design @ weights)))
    print(
        f"\nfitted on {len(y)} tuning-part answers ({int(y.sum())} right): weights "
        f"{np.round(weights[:-1], 2).tolist()} bias {weights[-1]:.2f}"
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
    parser.add_argument("--misses", action="store_true", help="print every tuning-part miss")
    parser.add_argument(
        "--parts",
        help="comma-separated parts whose answers --show/--misses print (default: tune; "
        "--show-heldout: all), e.g. tune,b8 to read misses of one earlier blind round only",
    )
    parser.add_argument("--fit", action="store_true", help="refit confidence on the tuning parts")
    parser.add_argument("--ids", action="store_true", help="ids right and wrong, per part")
    parser.add_argument("--tune-only", action="store_true", help="skip the held-out parts")
    parser.add_argument("--corpus", choices=("shipped", "seeds"), action="append")
    parser.add_argument(
        "--split-held",
        action="store_true",
        help="report each earlier blind round's held-out file (b5, b6) as its own part "
        "(confidence figures then leave them out of the held-out halves)",
    )
    args = parser.parse_args(argv)
    if args.tune_only:
        PARTS[:] = ["tune"]
    extra = [Path(p) for p in os.environ.get("STUDYBOT_BENCH_QUESTIONS", "").split(os.pathsep) if p]
    questions = load_questions(extra, args.split_held)
    unknown = set(args.parts.split(",")) - set(PARTS) if args.parts else set()
    if unknown:
        parser.error(f"--parts: no part {', '.join(sorted(unknown))}; parts: {', '.join(PARTS)}")
    negatives = load_negatives(args.split_held)
    embedder = load_embedder(MODEL)
    roots: dict[str, Path | None] = {"shipped": ROOT / "corpus", "seeds": seeds_root()}
    results: dict[str, dict[str, Part]] = {}
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
        asked = still_absent(tutor, negatives)
        results[name] = evaluate(tutor, naive, questions.get(name, []), asked)
    print_table(results)
    print_reliability(results)
    if args.fit:
        fit_confidence(labelled(results, _in_part("tune")))
    if args.ids:
        print_ids(results)
    if args.show or args.misses:
        shown = set(PARTS) if args.show_heldout else {"tune"}
        show(results, args.show, set(args.parts.split(",")) if args.parts else shown, args.misses)


if __name__ == "__main__":
    main()
