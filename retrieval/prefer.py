""" "When should I pick X over Y?": the answer is about X, the option preferred, and the condition
that makes it the better pick; a sentence about Y alone (Y's thresholds, Y's features) does not
answer it, however closely it matches the question's words."""

from __future__ import annotations

import re

from retrieval.compose import PRODUCT_PREFIX
from retrieval.documents import Chunk
from retrieval.lexical import tokenize
from retrieval.terse import bare_label

PREFER = re.compile(
    r"\b(?:pick|choose|use|prefer|attach|go with|select)\s+(?P<x>.+?)\s+"
    r"(?:over|instead of|rather than)\s+(?:using\s+)?(?:an?\s+|the\s+)?(?P<y>.+?)[?.!\s]*$",
    re.I,
)
NAMED = 0.5  # share of an option's words a sentence (with its labels) must hold to name it


def options(text: str) -> tuple[str, str] | None:
    """The preferred and the other option of "... pick X over Y", else None."""
    found = PREFER.search(text)
    return (found["x"].strip(), found["y"].strip()) if found else None


def preference(preferred: tuple[set[str], set[str]], text: str, chunk: Chunk, start: int) -> float:
    """+1 for a sentence naming the preferred option (itself, by its bare label or its passage's
    heading), -1 for one naming only the other option, 0 otherwise."""
    x, y = preferred
    words = set(tokenize(f"{bare_label(chunk, start)} {text}"))
    heading = set(tokenize(" ".join(chunk.heading)))
    if _named(x, words) or (_named(x, heading) and not _named(y, words)):
        return 1.0
    return -1.0 if _named(y, words | heading) else 0.0


def option_terms(option: str) -> set[str]:
    return set(tokenize(option)) - PRODUCT_PREFIX


def _named(option: set[str], words: set[str]) -> bool:
    return bool(option) and len(option & words) / len(option) >= NAMED
