"""What a question asks about its subject beyond the subject's name (its facet: "retention" of
"kinesis data streams retention"), and how far a sentence, read with its heading, holds it."""

from __future__ import annotations

import re

from retrieval.lexical import tokenize

# Words that ask for a remedy, one term for a list's lead-in ("Fixes for ...", "How to avoid ...").
REMEDY_WORDS = frozenset(
    tokenize("fix fixes prevent avoid reduce handle deal combat solve cure address tackle remedy")
)
REMEDY_TERM = "fix"

# A facet that asks for a kind of value ("how long ... retain", "biggest", "availability",
# "how many", "format") is held by a sentence that states such a value, whatever words it uses:
# "data storage for 1 to 365 days" answers "how long can it retain records", "Max object size is
# 5TB" answers "biggest object". Keys are the question's words; each names the value's shape.
# "Which content types does it accept" asks for formats too ("text/csv - application/x-recordio-
# protobuf" holds neither "content" nor "type"); "type" alone asks for any kind of thing.
_NUMBER = r"(?<![A-Za-z])\d[\d,.]*\s*"
DURATION = re.compile(
    _NUMBER + r"(?:(?:to|-)\s*\d[\d,.]*\s*)?(?:ms|milliseconds?|sec(?:ond)?s?|min(?:ute)?s?"
    r"|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
SIZE = re.compile(_NUMBER + r"(?:[KMGTP]i?B|bytes?)\b", re.I)
SHARE = re.compile(_NUMBER + r"%|\bpercent\b", re.I)
COUNT = re.compile(
    r"(?<![A-Za-z.])\d+(?![\d.]*\s*(?:[KMGTP]i?B|%|ms|s\b|sec|min|h\b|hours?|days?|x\b))"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|single)\b",
    re.I,
)
FORMAT = re.compile(
    r"\b(?:csv|json(?: ?lines)?|jsonl|parquet|orc|avro|protobuf|recordio|libsvm|tfrecords?"
    r"|jpe?g|png|mp[34]|wav|flac|gzip|h\.?26[45]|float32|utf-?8|xml|yaml|plain text)\b",
    re.I,
)
# A unit the question counts in ("how many days without access", "how many ms of latency") asks
# for a number of that unit: "30 and 90 days", not "three Availability Zones" nor "53 minutes".
# Keys are the unit's tokens, each with the spellings the notes write it in.
_UNIT_SPELLINGS = {
    "ms millisecond": r"ms|milliseconds?",
    "second sec": r"s|secs?|seconds?",
    "minut min": r"mins?|minutes?",
    "hour hrs": r"h|hrs?|hours?",
    "day": r"days?",
    "week": r"weeks?",
    "month": r"months?",
    "year": r"years?",
    "kb": r"KB|KiB|kilobytes?",
    "mb": r"MB|MiB|megabytes?",
    "gb": r"GB|GiB|gigabytes?",
    "tb": r"TB|TiB|terabytes?",
}
UNITS: dict[str, re.Pattern[str]] = {
    token: re.compile(
        rf"(?<![A-Za-z])\d[\d,.]*(?:\s*(?:to|and|-|or)\s*\d[\d,.]*)?[\s-]*(?:{forms})\b", re.I
    )
    for tokens, forms in _UNIT_SPELLINGS.items()
    for token in tokens.split()
}
VALUE_KINDS: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(tokenize("long retain retention keep kept timeout duration expire"), DURATION),
    **dict.fromkeys(tokenize("big biggest large largest size payload"), SIZE),
    **dict.fromkeys(tokenize("availability durability percent percentage"), SHARE),
    **dict.fromkeys(tokenize("many"), COUNT),
    **dict.fromkeys(tokenize("format formats encoding encoded content"), FORMAT),
}


def states_value(term: str, text: str) -> bool:
    """The sentence states a value of the kind `term` asks for (a duration for "retain")."""
    kind = VALUE_KINDS.get(term)
    return kind is not None and kind.search(text) is not None


def facet_share(
    facet: set[str],
    words: frozenset[str],
    about: set[str],
    text: str = "",
    weights: dict[str, float] | None = None,
) -> float:
    """`covers(facet, words | about)` with remedy words as one and a value-kind term held by a
    sentence stating such a value, in set operations: it runs for every pooled sentence of every
    ask. `about` holds the facet terms its passage's heading gives (`facet_in`). With `weights`
    (`rarity.held_weights`) each term counts by its rarity: the rare word asked ("mIoU", "charged",
    "lowercasing") outweighs the question's common ones ("output", "mode", "text")."""
    if not facet:
        return 0.0
    held = (facet & words) | about
    if REMEDY_TERM in facet and not REMEDY_WORDS.isdisjoint(words):
        held.add(REMEDY_TERM)
    if text:
        held |= {t for t in facet - held if states_value(t, text)}
    whole = sum(weights.get(t, 0.0) for t in facet) if weights else 0.0
    if whole and weights:
        return sum(weights.get(t, 0.0) for t in held) / whole
    return len(held) / len(facet)


def facet_in(facet: set[str], about: set[str]) -> set[str]:
    """The facet terms a heading gives, whole or as a short form of a longer word ("async")."""
    return {
        t
        for t in facet
        if t in about or (len(t) >= 3 and any(len(w) >= 4 and w.startswith(t) for w in about))
    }


def remedies(terms: set[str]) -> set[str]:
    """Terms with every word for remedying something as one ("prevent overfitting" asks for the
    "Fixes for overfitting:" list)."""
    return {REMEDY_TERM if t in REMEDY_WORDS else t for t in terms}
