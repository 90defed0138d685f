"""A scenario stem that tells of a failure ("the one instance type we ask for often has no Spot
capacity left", "the results are gone every morning after the cluster shuts down", "finance keeps
getting surprised by the bill") asks for its remedy: what to change, what is required, or what
causes it. Its scenario's quote is built on the sentences that meet the stem best, and those
restate the setting ("... Spot task nodes added for peaks such as a nightly Spark job"); the
passage states the remedy in a sentence of its own ("Instance fleets can mix several instance
types to improve the chance of getting Spot capacity"). This module reads both shapes; the pick
is `scenario.with_remedy`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A failure or a bad result the stem tells of: an error or a refusal, a crash, data or results
# lost, a job slow, idle or unstable, a model that fits badly, a surprise on the bill.
SYMPTOM = re.compile(
    r"\b(?:fail(?:s|ed|ing|ures?)?|crash(?:es|ed|ing)?|runs? out of|ran out of"
    r"|out of (?:memory|room|space|capacity)|errors?|access denied|denied|refuse[sd]?"
    r"|reject(?:s|ed)?|will not|won't|cannot|can't|breaks?|broke|useless|nonsense|garbage"
    r"|badly|poorly"
    r"|too (?:slow|long|much|many|high|low|large|big)|slow(?:ly|er)?|unstable|sits? idle|gone"
    r"|lost|los(?:es|ing)|nan|wrong|surprised|memori[sz]es|overfit\w*|underfit\w*|dominat\w*"
    r"|stuck|time(?:s|d)? out|timeouts?|throttl\w*|no (?:data|capacity|vectors?|spot|results?)"
    r"|keeps? (?:failing|getting|crashing)|still (?:reads|scans|fails)|mislabel\w*|noisy"
    r"|diverg\w*|explod\w*|degrad\w*|drift\w*|spik\w*)\b",
    re.I,
)
# A line stating a remedy: a requirement ("must", "should", "needs to", "make sure", "at least",
# "only accepts", "otherwise"), a fix by what it achieves ("to improve the chance of getting Spot
# capacity", "to control spend"), or a cause ("because", "due to", "leads to"). Not "instead":
# "Use Batch Transform instead when ..." names another option's situation, not the remedy.
REMEDY = re.compile(
    r"\b(?:must|should|needs? to|requires?|required|make sure|ensure|at least|otherwise|or else"
    r"|only (?:accepts?|works?|supports?|reads?)|can only|cannot|can't|won't"
    r"|to (?:improve|avoid|prevent|reduce|fix|control|cut|speed up|lower|raise|increase|keep)"
    r"|fix(?:es)?|because|since|so that|due to|as it|causes?|leads? to)\b",
    re.I,
)


def tells_failure(constraints: Sequence[str]) -> bool:
    """The stem (its requirements) tells of a failure or a bad result (`SYMPTOM`)."""
    return any(SYMPTOM.search(c) for c in constraints)


def states_remedy(text: str) -> bool:
    """The line states a requirement, a fix or a cause (`REMEDY`)."""
    return bool(REMEDY.search(text))
