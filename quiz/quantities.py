"""Numbers with their units in free text: "24 hours" and "one day" are the same quantity,
"6 MB" is another size than "1 GB", and a clause that gives another value in a unit the key
point counts in states a wrong fact."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from quiz.answer_text import FUNCTION_WORDS, normalise, stems, words

# "90-day", "a 10-minute window": a hyphen may join a number to its unit.
NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?:-(?=[a-z])|\s*)(%|[a-z]+)?")
# Spelt-out numbers; "a"/"an" count as one only before a unit of time or size ("a year").
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
# "a week" is one week after these ("over a month", "in a day"); after a count it is a rate
# ("100k runs an hour", "5 GB a day").
SPAN_WORDS = FUNCTION_WORDS | {"about", "over", "under", "within", "after", "around", "past"}
OF_THEM = re.compile(r"\s+(?:them|those|these|which)\b")
ARTICLES = frozenset({"a", "an"})
SECOND, BYTE, PERCENT = "second", "byte", "percent"
# Unit word -> (what it measures, how many base units it is).
SCALED = {
    "%": (PERCENT, 1.0),
    "x": ("times", 1.0),
    "times": ("times", 1.0),
    "percent": (PERCENT, 1.0),
    "kb": (BYTE, 1e3),
    "mb": (BYTE, 1e6),
    "gb": (BYTE, 1e9),
    "tb": (BYTE, 1e12),
    "pb": (BYTE, 1e15),
    "ms": (SECOND, 1e-3),
    "millisecond": (SECOND, 1e-3),
    "milliseconds": (SECOND, 1e-3),
    "s": (SECOND, 1.0),
    "sec": (SECOND, 1.0),
    "secs": (SECOND, 1.0),
    "second": (SECOND, 1.0),
    "seconds": (SECOND, 1.0),
    "min": (SECOND, 60.0),
    "mins": (SECOND, 60.0),
    "minute": (SECOND, 60.0),
    "minutes": (SECOND, 60.0),
    "h": (SECOND, 3600.0),
    "hr": (SECOND, 3600.0),
    "hrs": (SECOND, 3600.0),
    "hour": (SECOND, 3600.0),
    "hours": (SECOND, 3600.0),
    "day": (SECOND, 86400.0),
    "days": (SECOND, 86400.0),
    "week": (SECOND, 604800.0),
    "weeks": (SECOND, 604800.0),
    "month": (SECOND, 2592000.0),
    "months": (SECOND, 2592000.0),
    "year": (SECOND, 31536000.0),
    "years": (SECOND, 31536000.0),
    "yr": (SECOND, 31536000.0),
}
Quantity = tuple[str, float]
# The value a working comes to: the number after an "=".
RESULT = re.compile(r"=\s*(?:about\s+|~\s*)?(\d+(?:\.\d+)?)")


def _unit(word: str) -> tuple[str, float]:
    """What a unit word measures and its size; any other word is its own unit ("records")."""
    if word in SCALED:
        return SCALED[word]
    if word == "k":
        return ("", 1e3)  # "800k" is a bare 800,000
    # "to 4 so ...", "256 and": a function word after a number is no unit
    return (stems([word])[0], 1.0) if word and word not in FUNCTION_WORDS else ("", 1.0)


def spell_numbers(text: str, *, articles: bool = True) -> str:
    """Spelt-out numbers as digits: "one day" -> "1 day", "a year" -> "1 year" (unless not
    `articles`)."""
    tokens = text.split()
    out = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1].strip(",.;:()") if index + 1 < len(tokens) else ""
        word = token.lower()
        bare = word.strip(",.;:()")
        if bare in NUMBER_WORDS:
            # punctuation around it stays ("(up to five)" -> "(up to 5)")
            out.append(word.replace(bare, str(NUMBER_WORDS[bare])))
        elif (
            articles
            and word in ARTICLES
            and SCALED.get(following.lower(), ("",))[0] in (SECOND, BYTE)
            and (index == 0 or tokens[index - 1].lower().strip(",.;:()") in SPAN_WORDS)
        ):
            out.append("1")
        else:
            out.append(token)
    return " ".join(out)


def quantities(text: str, *, spelt: bool = False) -> set[Quantity]:
    """The numbers of a text, each as (unit, value in base units): "24 hours" and "1 day" are
    both ("second", 86400.0); a bare number has the unit "". With `spelt`, spelt-out numbers
    count too ("one day", "a year")."""
    found = set()
    text = text.lower().replace("\u00d7", " x ")
    last = ""
    for match in NUMBER.finditer(spell_numbers(text) if spelt else text):
        number, unit = match[1], match[2] or ""
        # "10,000 events, 400 of them fraud": a part counts in the whole's unit
        if unit == "of" and OF_THEM.match(text if not spelt else spell_numbers(text), match.end()):
            unit = last
        kind, size = _unit(unit)
        last = unit if kind else last
        found.add((kind, float(number.replace(",", "")) * size))
    return found


def _same(one: float, other: float) -> bool:
    return math.isclose(one, other, rel_tol=0.02)


def numbers_agree(point: str, clause: str) -> bool:
    """False when the clause gives a number in a unit the point also counts in (sizes with
    sizes, durations with durations), and the point never gives that amount ("7 days" against
    "24 hours ... 365 days"; "6 MB" against "1 GB")."""
    stated = _said(point)
    kinds = {kind for kind, _ in stated if kind}
    return all(
        any(kind == k and _same(value, v) for k, v in stated)
        for kind, value in _said(clause)
        if kind and kind in kinds
    )


def bare_numbers_agree(point: str, clause: str) -> bool:
    """False when the point gives numbers (a formula, a result: "80 / 120 = 0.67", a limit:
    "at least 10,000 events") and the clause gives one the point never does ("80/100 = 0.80",
    "at least 400", "2 MB/s" for "about 70 ms"): a clause that reads like the point but gives
    another value is not the point."""
    stated = [value for _, value in _said(point)]
    return not stated or all(
        any(_same(value, v) for v in stated) for _, value in quantities(clause)
    )


@lru_cache(maxsize=16384)
def _said(clause: str) -> frozenset[Quantity]:
    """The clause's numbers, and its spelt-out numbers of time, size or share ("ten minutes";
    not "a", which is seldom a count: "a quarter of an hour")."""
    text = normalise(clause)
    return frozenset(quantities(text) | quantities(spell_numbers(text)))


MIN_COUNT = 3


def _counts(text: str) -> set[float]:
    """The plain numbers a text gives (no unit of time, size or share), spelt ones included."""
    return {value for kind, value in _said(text) if kind not in (SECOND, BYTE, PERCENT)}


def gives_the_count(point: str, clause: str) -> bool:
    """The clause gives one of the point's plain numbers ("up to 5" for "(up to five)")."""
    return any(_same(v, w) for v in _counts(point) for w in _counts(clause))


def gives_another_count(point: str, clause: str) -> bool:
    """The point gives one plain count (three or more: "one model", "two classes" and a formula
    such as "1 / x" count nothing) and the clause gives only others ("ten" for "five")."""
    wanted, said = _counts(point), _counts(clause)
    if len(wanted) != 1 or min(wanted) < MIN_COUNT:
        return False
    return bool(said) and not any(_same(v, w) for v in wanted for w in said)


def states_a_number_of(point: str, clause: str) -> bool:
    """The clause gives one of the point's own amounts in its unit ("1 MB/s" for "1 MB/s")."""
    stated = {(k, v) for k, v in _said(point) if k}
    return any(
        any(k == kind and _same(v, value) for k, v in stated)
        for kind, value in _said(clause)
        if kind
    )


# A bare count this large may be written with a "k" ("10k" for 10,000).
THOUSANDS = 1000.0


def quantity_positions(term: str, tokens: Sequence[str]) -> list[int]:
    """Where the answer gives the amount a quantity term names, in any unit of the same kind
    ("one day" for the term "24 hours"), or the thousands a bare count names however written
    ("10k" for the term "10,000"); [] when the term is no single such quantity."""
    wanted = [
        q
        for q in quantities(term)
        if q[0] in (SECOND, BYTE, PERCENT) or (not q[0] and q[1] >= THOUSANDS)
    ]
    if len(wanted) != 1:
        return []
    kind, value = wanted[0]
    if not kind:
        # one word holds the count: "10k"
        return [i for i, token in enumerate(tokens) if _among(("", value), _said(token))]
    found = []
    for index in range(len(tokens) - 1):
        amount = quantities(f"{tokens[index]} {tokens[index + 1]}", spelt=True)
        if any(k == kind and _same(v, value) for k, v in amount):
            found.append(index)
    return found


def replaces_a_number(point: str, clause: str, answer: str) -> bool:
    """The clause gives one of the point's amounts, and in the unit of another of them that the
    answer never gives, an amount the point never gives: the new amount stands in its place
    ("1-minute points are kept for 3 days" for "1-minute points for 15 days", "1 to 30 fps" for
    "5 to 30 fps"). An amount in another unit is a working or another thing's ("15 minutes, and
    this job takes two hours" against "15 minutes and 10,240 MB"), and so is a working that
    comes to the point's result ("80/(80+40) = 0.67" for "80 / 120 = about 0.67")."""
    wanted, said, whole = _said(point), _said(clause), _said(answer)
    if not any(_among(amount, wanted) for amount in said) or _comes_to(wanted, clause):
        return False
    missing = {kind for kind, value in wanted if not _among((kind, value), whole)}
    return any(kind in missing and not _among((kind, value), wanted) for kind, value in said)


def _among(amount: Quantity, amounts: frozenset[Quantity]) -> bool:
    return any(amount[0] == kind and _same(amount[1], value) for kind, value in amounts)


def _comes_to(wanted: frozenset[Quantity], clause: str) -> bool:
    """Whether the clause works something out ("... = 0.67") to one of the point's values."""
    results = [float(found) for found in RESULT.findall(normalise(clause))]
    return any(_same(result, v) for result in results for _, v in wanted)


# A parameter and its value: "multi_label set to 1", "num_models is forced to 1".
SETTING_REACH = 5


def _settings(tokens: Sequence[str]) -> dict[str, set[float]]:
    """The plain numbers said a few words after each parameter name ("num_models": {1.0})."""
    found: dict[str, set[float]] = {}
    for index, token in enumerate(tokens):
        if "_" not in token:
            continue
        for later in tokens[index + 1 : index + 1 + SETTING_REACH]:
            if later.isdigit():
                found.setdefault(stems([token])[0], set()).add(float(later))
                break
    return found


def gives_another_setting(point: str, clause: str) -> bool:
    """The clause gives a parameter the point sets to a number another number, and never the
    point's: "multi_label set to 12" for "multi_label set to 1" (a count too small for
    gives_another_count to judge, but a value all the same)."""
    wanted = _settings(words(spell_numbers(normalise(point), articles=False)))
    said = _settings(words(spell_numbers(normalise(clause), articles=False)))
    return any(thing in said and not said[thing] & values for thing, values in wanted.items())


# A point that sets a parameter by its inverse: "1 / num_samples_per_tree should approximate the
# anomaly ratio", "set num_samples_per_tree so its inverse approximates the anomaly ratio".
RECIPROCAL = re.compile(
    r"\b1\s*/\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)+)|\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b[^.;]*\binverse\b"
)
# How far after the parameter's name its value may come ("set to about 25", "equal to the
# anomaly ratio, 0.004").
VALUE_REACH = 6
# An inverse "close to" a share: 1/256 for 0.4 %, 1/200 for 0.5 %; 1/25 for 0.4 % is not.
RECIPROCAL_TOLERANCE = 0.5
SHARE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(%|percent\b)?")


def _reciprocal_parameter(point: str) -> str | None:
    found = RECIPROCAL.search(normalise(point))
    return (found[1] or found[2]) if found else None


def _values_of(parameter: str, clause: str) -> list[float]:
    """The numbers said within a few words after the parameter's name ("to about 25"); not
    after its inverse ("1/num_samples_per_tree is 0.004"), nor an inverse's "1/"."""
    pattern = (
        rf"(?<!/)(?<!/ )\b{re.escape(parameter)}\b\W+(?:[a-z_]+\W+){{0,{VALUE_REACH}}}?"
        r"(\d+(?:\.\d+)?)(?!\s*/)"
    )
    return [float(found[1]) for found in re.finditer(pattern, normalise(clause))]


def _shares(text: str) -> list[float]:
    """The shares a text gives: "0.4 %" and "0.004" are both 0.004 (a bare number of 1 or more
    is a count, no share)."""
    found = []
    for match in SHARE.finditer(normalise(text)):
        value = float(match[1]) / (100.0 if match[2] else 1.0)
        if value < 1.0:
            found.append(value)
    return found


def gives_another_reciprocal(point: str, clause: str, answer: str) -> bool:
    """The point sets a parameter by its inverse (a share: "1 / num_samples_per_tree should
    approximate the anomaly ratio") and the clause gives the parameter a value that is the share
    itself ("num_samples_per_tree = 0.005"), or whose inverse is another share than the one the
    answer gives ("about 25 so it matches the 0.4 % anomaly rate": 1/25 is 4 %)."""
    parameter = _reciprocal_parameter(point)
    values = [v for v in _values_of(parameter, clause) if v > 0.0] if parameter else []
    shares = _shares(answer)
    return bool(values) and all(_another_inverse(v, shares) for v in values)


def _another_inverse(value: float, shares: Sequence[float]) -> bool:
    """A value below 1 is a share given for the count; a count's inverse must be near a share
    the answer gives, if it gives one (the count itself is none)."""
    if value < 1.0:
        return True
    return bool(shares) and not any(
        math.isclose(1.0 / value, s, rel_tol=RECIPROCAL_TOLERANCE) for s in shares
    )
