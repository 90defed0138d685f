"""The words the notes write in lower case somewhere. A sentence's first word is capitalised by
position, so its case says nothing; a capitalised word the notes never write in lower case is a
name wherever it stands ("Formality and profanity masking settings exist ..."), while one they
do write so ("Parallel data ...": "parallel") is not known to be one. Read once per loaded build."""

from __future__ import annotations

import re
import weakref

from retrieval.search import Searcher

_LOWER = re.compile(r"\b[a-z][a-z]+\b")
_FOUND: weakref.WeakKeyDictionary[Searcher, frozenset[str]] = weakref.WeakKeyDictionary()


def lower_words(searcher: Searcher) -> frozenset[str]:
    """The words the notes write in lower case, their headings and card fronts included."""
    found = _FOUND.get(searcher)
    if found is None:
        words: set[str] = set()
        for chunk in searcher.files.chunks:
            words.update(_LOWER.findall(" ".join((*chunk.heading, chunk.text))))
        found = _FOUND[searcher] = frozenset(words)
    return found
