"""Covered questions declined, per part and corpus, with what declined them (the subject named
missing, or the confidence gate alone), the gate's value, whether the terse allowance found the
question's rarest word in the answer and whether the withheld draft holds the key fact; and the
negatives (not-in-notes, off-topic) with their gate values, to see what a looser gate would let
through. Questions and answers are printed only for the parts whose answers may be read (tune,
b8-b13); the other parts show ids and figures only.

    python -m bench.declined_gate [shipped] [seeds]
"""

from __future__ import annotations

import sys
from typing import Any

import retrieval.answer as answer_module
from bench.answers import (
    MODEL,
    ROOT,
    Question,
    build_tutor,
    load_negatives,
    load_questions,
    matches,
    seeds_root,
)
from retrieval.embed import load_embedder
from retrieval.service import NotesIndex

READABLE = {"tune", "b8", "b9", "b10", "b11", "b12", "b13"}
_SEEN: dict[str, Any] = {}
_original = answer_module._passes


def _recording(composer: Any, composition: Any, main: Any, gate: float, floor: float) -> bool:
    """`answer._passes`, noting the gate and whether the answer holds the rarest word."""
    passes = _original(composer, composition, main, gate, floor)
    rarest = answer_module._holds_rarest(composer.ask, composition, main, composer.searcher)
    _SEEN.update(gate=gate, rarest=rarest)
    return passes


def _covered_line(q: Question, tutor: NotesIndex) -> str:
    _SEEN.clear()
    a = tutor.ask(q.text)
    if a.covered or not _SEEN:
        return ""
    head = f"COV {q.part:5} {q.id:10} gate={_SEEN['gate']:.3f} rarest={_SEEN['rarest']!s:5}"
    head += f" draft_right={matches(a.text, q.expect)!s:5}"
    if q.part not in READABLE:
        return f"{head} missing={bool(a.missing)}"
    return f"{head} missing={a.missing!r} kind={a.kind} | {q.text} || {a.text[:160]}"


def _negative_line(label: str, q: Question, tutor: NotesIndex) -> str:
    _SEEN.clear()
    a = tutor.ask(q.text)
    head = f"NEG {label:12} {q.part:5} {q.id:22} gate={_SEEN.get('gate', -1.0):.3f}"
    head += f" rarest={_SEEN.get('rarest')!s:5} covered={a.covered!s:5}"
    if q.part not in READABLE:
        return f"{head} missing={bool(a.missing)}"
    return f"{head} missing={a.missing!r} | {q.text}"


def main() -> None:
    answer_module._passes = _recording  # type: ignore[assignment]
    questions = load_questions([], split_held=True)
    negatives = load_negatives(split_held=True)
    embedder = load_embedder(MODEL)
    roots = {"shipped": ROOT / "corpus", "seeds": seeds_root()}
    for name in sys.argv[1:] or list(roots):
        root = roots[name]
        if root is None:
            continue
        tutor = build_tutor(name, root, embedder)
        print(f"== {name}")
        lines = [_covered_line(q, tutor) for q in questions.get(name, [])]
        lines += [_negative_line(k, q, tutor) for k, items in negatives.items() for q in items]
        print("\n".join(line for line in lines if line))


if __name__ == "__main__":
    main()
