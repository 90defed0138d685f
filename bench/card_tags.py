"""Matches flashcards to the notes heading each comes from, so `bank check` can test every card.

A card is matched to the notes section whose text embeds closest to the card's front and back;
among the three closest, the one its figures and code names agree with wins (fewest
`disagreements`). The rule is scored on the hand-tagged cards first (top-1 agreement, next to
the naive baseline of the closest section alone), then, with `--write`, every untagged card of
the shipped deck gets a `notes::<file>::<Heading_with_underscores>` tag, written atomically.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from common.config import DEFAULT_EMBED_MODEL
from quiz.bank import BankFlashcard, load_flashcards
from quiz.check import NOTES_TAG, disagreements
from quiz.notes import CitedSection, sections
from retrieval.embed import Embedder, load_embedder

CORPUS = Path(__file__).parent.parent / "corpus"
DECK = CORPUS / "flashcards" / "aws-ml.csv"
SHORTLIST = 3


def notes_sections(notes_dir: Path) -> list[CitedSection]:
    """Every notes section with text of its own (a heading that only groups others is skipped)."""
    found = []
    for path in sorted(notes_dir.glob("*.md")):
        found += [s for s in sections(path).values() if len(s.text.split()) >= 20]
    return found


def tag_of(section: CitedSection) -> str:
    return f"{NOTES_TAG}::{section.file}::{section.heading.replace(' ', '_')}"


def card_text(card: BankFlashcard) -> str:
    return f"{card.front} {card.back}"


def match(
    cards: Sequence[BankFlashcard], found: Sequence[CitedSection], embedder: Embedder
) -> list[tuple[CitedSection, CitedSection, float]]:
    """For each card: (chosen section, closest section, cosine of the chosen one)."""
    section_vectors = embedder.encode([f"{s.heading}. {s.text}" for s in found])
    card_vectors = embedder.encode([card_text(c) for c in cards])
    similarity = np.asarray(card_vectors @ section_vectors.T)
    matches = []
    for card, row in zip(cards, similarity, strict=True):
        shortlist = [int(i) for i in np.argsort(-row)[:SHORTLIST]]
        chosen = min(shortlist, key=lambda i: (len(disagreements(card.back, found[i])), -row[i]))
        matches.append((found[chosen], found[shortlist[0]], float(row[chosen])))
    return matches


def score_on_hand_tags(
    cards: Sequence[BankFlashcard], found: Sequence[CitedSection], embedder: Embedder
) -> tuple[int, int, int, list[tuple[str, str, str]]]:
    """How often the rule (and the closest section alone) picks a hand-tagged card's heading."""
    tagged = [c for c in cards if c.tag(NOTES_TAG) is not None]
    results = match(tagged, found, embedder)
    expected = [f"{NOTES_TAG}::{c.tag(NOTES_TAG)}" for c in tagged]
    chosen = [tag_of(section) for section, _, _ in results]
    closest = [tag_of(section) for _, section, _ in results]
    rule = sum(a == b for a, b in zip(chosen, expected, strict=True))
    naive = sum(a == b for a, b in zip(closest, expected, strict=True))
    misses = [
        (card.front, want, got)
        for card, want, got in zip(tagged, expected, chosen, strict=True)
        if want != got
    ]
    return len(tagged), rule, naive, misses


def write_tags(deck: Path, tags: dict[str, str]) -> int:
    """Append a notes tag to each row whose front is in `tags`; other rows are copied unchanged."""
    lines = deck.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = "\n".join(line for line in lines if not line.startswith("#"))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    changed = 0
    for row in csv.reader(io.StringIO(body)):
        if row and row[0].strip() in tags and NOTES_TAG + "::" not in row[2]:
            row[2] = f"{row[2]} {tags[row[0].strip()]}".strip()
            changed += 1
        writer.writerow(row)
    text = "\n".join(header) + "\n" + out.getvalue()
    handle, temporary = tempfile.mkstemp(dir=deck.parent, prefix=f".{deck.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, deck)
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="tag the untagged cards of the deck")
    args = parser.parse_args()
    embedder = load_embedder(DEFAULT_EMBED_MODEL)
    cards = load_flashcards(DECK)
    found = notes_sections(CORPUS / "notes")
    total, rule, naive, misses = score_on_hand_tags(cards, found, embedder)
    print(
        f"hand-tagged cards matched to their heading: rule {rule}/{total} = {rule / total:.3f} "
        f"| baseline closest section {naive}/{total} = {naive / total:.3f}"
    )
    for front, expected, got in misses:
        print(f"  miss {front[:60]!r}: tagged {expected}, rule chose {got}")
    untagged = [c for c in cards if c.tag(NOTES_TAG) is None]
    results = match(untagged, found, embedder)
    print(f"untagged cards: {len(untagged)} of {len(cards)}")
    if args.write:
        tags = {c.front: tag_of(s) for c, (s, _, _) in zip(untagged, results, strict=True)}
        print(f"tagged {write_tags(DECK, tags)} cards in {DECK.name}")


if __name__ == "__main__":
    main()
