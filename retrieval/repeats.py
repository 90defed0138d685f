"""An answer says each thing once: a quoted sentence whose words another quoted sentence already
holds is left out (two notes files that say the same thing in nearly the same words, a list item
a header brought along that was also picked on its own, a side's pick quoted again after the
other's), and the fuller of the two is the one kept."""

from __future__ import annotations

from retrieval.lexical import tokenize
from retrieval.sides import covers

# A sentence whose terms another quoted sentence holds at this share says nothing new. Read on
# the tuning and b8-b13 parts: the pairs at 0.86-1.0 are restatements ("Reverse logarithmic
# suits ranges near 1, such as momentum." beside "Reverse logarithmic: for continuous ranges
# between 0 and 1 where values near 1 matter most, such as momentum 0.9 to 0.999."); at 0.8 two
# facts of one card differ by one word ("Identify logins from anomalous IP's." / "Identify
# accounts creating resources from anomalous IP's.").
REPEAT_SHARE = 0.85


def said_once(sentences: list[str], extra: int = 0) -> tuple[list[str], int]:
    """`sentences` without those another one already says (`REPEAT_SHARE` of their terms), the
    one with more terms kept (the earlier on a tie), in their order; and how many of the
    `extra` trailing ones are left."""
    words = [set(tokenize(s)) for s in sentences]
    kept: list[int] = []
    for i in sorted(range(len(sentences)), key=lambda i: (-len(words[i]), i)):
        if not any(covers(words[i], words[k]) >= REPEAT_SHARE for k in kept):
            kept.append(i)
    first_extra = len(sentences) - extra
    order = sorted(kept)
    return [sentences[i] for i in order], sum(i >= first_extra for i in order)
