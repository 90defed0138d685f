"""An ask whether a thing is on a list ("linear regression on sagemakers builtin algo list", "pca
and kmeans both builtin", "image classification one of the builtin algos?"). The notes answer
with a list: its lead-in line names the list ("Built-in algorithms:") and one of its items names
the thing ("- linear regression"). Neither line alone matches the ask well (the item is two words,
the lead-in holds none of the thing's words), so a sentence about the thing itself was quoted
("SageMaker Linear Learner: Regression ...") and said nothing of the list. The lead-in is quoted
with the items that name the thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.lexical import tokenize
from retrieval.search import Hit
from retrieval.sentences import display_sentence

# The ask puts a thing on a list: "on the list", "listed", "both ...", "one of", "among", "part of".
ON_A_LIST = re.compile(r"\b(?:list(?:ed)?|both|one of|among|part of)\b", re.I)
# Words that ask whether a thing is on a list, not what the list or the thing is.
LIST_WORDS = frozenset(tokenize("list listed both one among part too also again"))
MAX_ASK_WORDS = 12  # a terse ask; a longer one says more than whether a thing is listed
MAX_ITEM_WORDS = 6  # an item that names a thing, not a sentence of its own
# A lead-in that names a list ("Built-in algorithms:"), not a sentence ending in one ("Firehose
# is a fully managed service for delivering ... to destinations such as:"), which is quoted with
# its whole list as it is (`Composer.single_passage`): one of its items alone is half its answer.
MAX_LEAD_WORDS = 4
MIN_ITEMS = 3  # a list, not a line and its note
MAX_ITEMS = 40
ITEM = re.compile(r"^\s*(?:[-*+•·]|\d+[.)])\s+(.*)$")
BULLET = re.compile(r"^[-*+•·]\s+")


@dataclass(frozen=True)
class Listed:
    """A list whose lead-in names the list asked about, and its items naming the thing asked."""

    rank: int  # the passage's place among the hits
    sentence: str  # the lead-in with the items naming the thing


def words(text: str) -> set[str]:
    """A text's terms, a hyphenated word read closed ("k-means" as "kmeans", "built-in" as
    "builtin"), as a student types it."""
    return set(tokenize(text.replace("-", "")))


def asks_membership(text: str) -> bool:
    """A terse ask that puts a thing on a list (ON_A_LIST)."""
    return bool(ON_A_LIST.search(text)) and len(text.split()) <= MAX_ASK_WORDS


def listed(text: str, hits: Sequence[Hit]) -> Listed | None:
    """The first pooled list whose lead-in line (a label, MAX_LEAD_WORDS) holds an asked word and
    whose items name the rest of the ask's words, at least half of them (the ask may name the
    list's owner too: "sagemaker" of "sagemakers builtin algo list"); quoted with the items
    naming the most of those words ("linear regression", not "logistic regression" too)."""
    asked = words(text) - LIST_WORDS
    for rank, hit in enumerate(hits):
        found = _in_passage(asked, hit)
        if found is not None:
            return Listed(rank, found)
    return None


def _in_passage(asked: set[str], hit: Hit) -> str | None:
    lines = hit.chunk.text.split("\n")
    for at, line in enumerate(lines):
        header = BULLET.sub("", display_sentence(line.strip()))
        if not header.endswith(":") or len(header.split()) > MAX_LEAD_WORDS:
            continue
        if not (named := words(header) & asked):
            continue
        thing = asked - named
        items = _items(lines[at + 1 :])
        most = max((len(words(item) & thing) for item in items), default=0)
        naming = [item for item in items if most and len(words(item) & thing) == most]
        said = set().union(*(words(item) for item in naming)) & thing if naming else set()
        if len(items) >= MIN_ITEMS and thing and 2 * len(said) >= len(thing):
            return f"{header} {'; '.join(naming)}."
    return None


def _items(lines: list[str]) -> list[str]:
    """The short list items right under a lead-in line, up to a blank line after them."""
    items: list[str] = []
    for line in lines:
        if not line.strip():
            if items:
                break
            continue
        marker = ITEM.match(line)
        if not marker or marker.group(1).rstrip().endswith(":") or len(items) == MAX_ITEMS:
            break
        item = marker.group(1).strip().rstrip(".;,")
        if len(item.split()) > MAX_ITEM_WORDS:
            break
        items.append(item)
    return items
