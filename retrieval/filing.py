"""Where the notes file an ask: the labels they repeat under many subjects' headings ("DeepAR:
Instance Types", "Seq2Seq: Instance Types", "IP Insights: Instance Types"), and the words most
passages under one label hold ("cpu", "gpu" under "Instance Types"). A question asking "cpu or
gpu" of two algorithms asks what each one's "Instance Types" card says, in the notes' own term
for it, even where a line there ("Can only use GPU instance types") leaves "cpu" unsaid.
Computed once per loaded build.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict

from retrieval.documents import Chunk
from retrieval.lexical import tokenize
from retrieval.search import Searcher

# "Subject: Label" as a passage's deepest heading; the label a short phrase of its own.
LABELLED = re.compile(r"^(?P<subject>[^:]{1,40}):\s+(?P<label>[^:]{3,60})$")
# A label written under this many subjects' headings is the notes' filing scheme ("Instance
# Types" under eight algorithms), not one subject's own heading ("Rekognition: The Nitty Gritty").
LABEL_SUBJECTS = 3
# A word most of a label's passages hold (more than half) is what that label files ("gpu" in 7 of
# 8 "Instance Types" cards); one a few hold is a fact of some subjects only.
HOME_SHARE = 0.5

_HOMES: weakref.WeakKeyDictionary[Searcher, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


def label_of(chunk: Chunk) -> str:
    """The label of a passage's "Subject: Label" heading, lower-cased, or "" when it has none."""
    found = LABELLED.match(chunk.heading[-1].strip()) if chunk.heading else None
    return found.group("label").strip().lower() if found else ""


def label_homes(searcher: Searcher) -> dict[str, frozenset[str]]:
    """Each repeated label (`LABEL_SUBJECTS`) and the words most of its passages hold
    (`HOME_SHARE`), the label's own words aside."""
    found = _HOMES.get(searcher)
    if found is None:
        found = homes_of(searcher.files.chunks)
        _HOMES[searcher] = found
    return found


def homes_of(chunks: list[Chunk]) -> dict[str, frozenset[str]]:
    """`label_homes` for a list of passages."""
    subjects: dict[str, set[str]] = defaultdict(set)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    passages: Counter[str] = Counter()
    for chunk in chunks:
        label = label_of(chunk)
        if not label:
            continue
        found = LABELLED.match(chunk.heading[-1].strip())
        assert found is not None
        subjects[label].add(found.group("subject").strip().lower())
        words[label].update(set(tokenize(chunk.text)))
        passages[label] += 1
    homes: dict[str, frozenset[str]] = {}
    for label, named in subjects.items():
        if len(named) < LABEL_SUBJECTS:
            continue
        own = set(tokenize(label))
        held = {w for w, n in words[label].items() if n > HOME_SHARE * passages[label]}
        homes[label] = frozenset(held - own)
    return homes


def filed_words(chunk: Chunk, homes: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words the passage's label files (`label_homes`), none when its heading has no
    repeated label."""
    return homes.get(label_of(chunk), frozenset())
