"""Two values of one setting set side by side: "KNN with k = 1 vs k = 50", "probability cut-off at
0.3 vs 0.7", "quicksight standard or enterprise", "is a clarify global explanation the same as a
local one". The student names the subject once, with its first value, and the other value alone
(a number, a common word, or a word before "one" standing for the first side's head); read as
two subjects to find, the first side was a name the notes never write ("quicksight standard",
"probability cut-off at 0.3") and the question was declined, and a bare number was a side of no
words that the composer matched to any line holding it ("precision above 0.7").

Read as values, what must be in the notes is the subject (`TwoValues.owner`: "quicksight",
"clarify", "probability cut-off"), and two numbers ask what the setting's low and high values do:
the question is answered about the subject, its numbers left out (`without_numbers`), from the
line that says what a small or a large value does ("Small k fits noise; large k smooths the
decision"). Word values are kept: the answer states one of them ("Enterprise edition adds
row-level security").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from retrieval.understand import Ask, understand

_NUMBER = r"\d+(?:\.\d+)?\s*%?"
# A side closing on a number, after the setting it sets ("k = 1", "cut-off at 0.3"): the link
# words between are neither subject nor value.
_NUMBERED = re.compile(
    rf"^(?P<subject>.*?[^\W\d]\S*?)(?:\s+(?:at|of|is|to|set to))?(?:\s*=\s*|\s+)"
    rf"(?P<value>{_NUMBER})$",
    re.I,
)
# The last side: a number alone, or set to the setting's name again ("k = 50"). A number typed
# after a name is part of it ("type 1 vs type 2", "l1 vs l2"), no value.
_BARE = re.compile(rf"^(?:(?P<setting>[^\W\d][\w-]*)\s*=\s*)?(?P<value>{_NUMBER})$", re.I)
# "a local one": the word stands for the first side's head ("clarify global explanation").
_ONE = frozenset({"one", "ones"})
# Words that link an owner to its value and name neither ("dropout during training").
_LINKS = frozenset({"at", "of", "in", "on", "for", "with", "during", "is", "to", "the", "a", "an"})
_WORD = re.compile(r"[\w][\w.%-]*")


@dataclass(frozen=True)
class TwoValues:
    """A comparison read as two values of one setting: `owner` names what they belong to (the
    notes must mention it), `values` are the two as typed, `numbers` whether both are numbers."""

    owner: str
    values: tuple[str, str]
    numbers: bool


def two_values(sides: Sequence[str], common: Callable[[str], bool]) -> TwoValues | None:
    """`sides` read as two values of one setting (see the module), else None. `common` says a
    word is an everyday English word: only such words (or numbers) are values, never a name
    ("sagemaker unified studio vs studio", "vertex ai vs sagemaker" keep their sides)."""
    if len(sides) != 2:
        return None
    return two_numbers(sides) or _words(*sides, common)


def two_numbers(sides: Sequence[str]) -> TwoValues | None:
    """Two numbers of one setting: the first after the setting's name, the last alone or after
    the same name ("k = 1 vs k = 50")."""
    if len(sides) != 2:
        return None
    first, last = sides
    opened, other = _NUMBERED.match(first.strip()), _BARE.match(last.strip())
    if not opened or not other:
        return None
    owner = opened["subject"].strip()
    setting = other["setting"]
    if setting and not owner.lower().endswith(setting.lower()):
        return None  # "accuracy 0.93 vs precision 0.40": two settings, not two values of one
    return TwoValues(owner, (opened["value"].strip(), other["value"].strip()), True)


def _words(first: str, last: str, common: Callable[[str], bool]) -> TwoValues | None:
    """A common word closing the first side (or standing before its head, when the last side
    says "one") and a common word alone as the last: "quicksight standard or enterprise"."""
    said, other = _WORD.findall(first.lower()), _WORD.findall(last.lower())
    if other and other[0] in _LINKS:
        other = other[1:]
    head = other[-1:] if other[-1:] and other[-1] in _ONE else []
    other = other[: len(other) - len(head)]
    at = len(said) - 1 - len(head)  # where the first side's value stands
    if len(other) != 1 or at < 1:
        return None
    value, alone = said[at], other[0]
    if value == alone or alone in said or not (common(value) and common(alone)):
        return None
    owner = said[:at]
    while owner and owner[-1] in _LINKS:
        owner.pop()
    return TwoValues(" ".join(owner), (value, alone), False) if owner else None


def setting_asked(ask: Ask) -> Ask:
    """A comparison of two numbers of one setting read as the question asked of the setting
    (`without_numbers`), else `ask` as it was."""
    found = two_numbers(ask.subjects) if ask.kind == "comparison" else None
    if found is None:
        return ask
    text = without_numbers(ask.text, found)
    return ask if text == ask.text else understand(text)


def without_numbers(text: str, found: TwoValues) -> str:
    """The question asked of the setting itself: the two numbers (and the last one's repeated
    setting name) taken out, "KNN with k = 1 vs k = 50 - what happens ..." read as "KNN with k -
    what happens ..."."""
    first, last = (re.escape(v) for v in found.values)
    owner = re.escape(found.owner)
    pattern = (
        rf"(?P<owner>{owner})(?:\s+(?:at|of|is|to|set to))?(?:\s*=\s*|\s+){first}"
        rf"\s+(?:vs\.?|versus|or|and)\s+(?:[^\W\d][\w-]*\s*=\s*)?{last}"
    )
    return re.sub(pattern, lambda m: m["owner"], text, count=1, flags=re.I)
