"""The words a student adds beside a comparison that only frame it: a remark on the names ("the
names sound alike"), a doubt that they are the same ("not the same thing, right?"), "actually",
"what separates the two". They name no side and no asked aspect, so no note could hold them: the
answered share (`answer.answered_share`) does not count them against a comparison's answer, and
a side read from the question does not keep them ("ElastiCache sound alike" names ElastiCache,
"macro f1 or a different score" names macro f1).
"""

from __future__ import annotations

import re

# "sound alike", "look similar", "seem like the same thing": a remark on the names, not a side.
ALIKE = re.compile(
    r"\s*\b(?:sounds?|looks?|seems?)\s+(?:alike|similar|(?:like\s+)?the\s+same(?:\s+thing)?)\b",
    re.I,
)
# "or a different score", "or something else": the ask's other answer, not a side.
OR_ELSE = re.compile(
    r",?\s+or\s+(?:is\s+it\s+)?(?:(?:a|an)\s+)?(?:different|separate|distinct|something\s+else)"
    r"\b.*$",
    re.I,
)
# The remarks beside the ask. The words that ask to compare ("vs", "which one", "the difference")
# stay: the gate was fit with them counted in every comparison, and left out they let answers
# through that name one side only ("X or Y: which of the two ...").
_FRAMING = re.compile(
    rf"(?:\b(?:the|their|both)\s+names?\b)?{ALIKE.pattern}|\bactually\b"
    r"|\b(?:not\s+)?the\s+same\s+thing\b,?(?:\s*right\b)?"
    r"|\bwhat\s+(?:separates|distinguishes|sets\s+apart)\s+(?:the\s+two|them|these)\b",
    re.I,
)


def unframed(text: str) -> str:
    """A comparison's text without the words that only frame it (see the module)."""
    return re.sub(r"\s{2,}", " ", _FRAMING.sub(" ", text)).strip()
