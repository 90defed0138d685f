"""Terse notes: a bare line of one to three words names the subject of the line under it
("Spearman's correlation coefficient" above "Also used when you have a non-Gaussian relationship").
The sentence index holds no line that short, so the quote would lose its subject; it is named
ahead of the quote instead. Glossary-like notes ("DeepLens: camera by Amazon", then "Athena:
Serverless Query of your data") give one term's fact per line: the next line is another term."""

from __future__ import annotations

from retrieval.compose import BULLET, LABEL, LIST_ITEM, is_title
from retrieval.documents import Chunk
from retrieval.index_store import BuildFiles
from retrieval.sentences import MIN_WORDS


def bare_label(chunk: Chunk, start: int) -> str:
    """The bare line right above the sentence at `start` of a notes passage, when the sentence
    opens its line and that line names a subject too short for the sentence index (capitalised,
    no verb, not a list item, not a label); else "". A flashcard's front is its heading."""
    if chunk.kind != "note":
        return ""
    text = chunk.text
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip(" \t-*+•·"):
        return ""
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1].strip()
    if not above or len(above.split()) >= MIN_WORDS or LIST_ITEM.match(above):
        return ""
    if ":" in above or not above[0].isupper():  # a card's "Q:"/"A:", a broken line's tail
        return ""
    return BULLET.sub("", above) if is_title(above) else ""


def sibling_facts(files: BuildFiles, row: int, following: str) -> bool:
    """The sentence at `row` and the one after it are lines about different terms."""
    return other_terms(files.sentence_text(row), following)


def other_terms(line: str, following: str) -> bool:
    """Two "Term: fact" lines about different terms: the second says nothing more of the first."""
    mine = LABEL.match(BULLET.sub("", line.strip()))
    theirs = LABEL.match(BULLET.sub("", following.strip()))
    return bool(mine and theirs) and mine[1].strip().lower() != theirs[1].strip().lower()
