"""An ask for how something works ("multi-model endpoint - how does a request pick which of the
models answers it?", "iot core: how do messages from devices get passed on to kinesis or s3?"):
its answer is the line saying how it works ("the caller names the model with the TargetModel
parameter", "The IoT rules engine ... routes them to other services"), not a line advising when to
use the thing ("Use IoT Core whenever ...", "Choose multi-model endpoints for ..."), which holds
the ask's subject and its other words as well and often scores higher."""

from __future__ import annotations

import re

from retrieval.understand import Ask

# "how does/do/is ..." with a third-person subject asks how something works; "how do I ..." asks
# what to do (the line advising it may be the answer: "Use TargetVariant when ..."), and "how is
# it used" asks what it is used for.
WORKINGS = re.compile(
    r"\bhow (?:does|do|did|is|are|would) (?!(?:i|we|you|u|people|ppl)\b)(?!.*\bused\b)", re.I
)
# What an advice line loses against the ask's other lines: as much as a sentence about the option
# not preferred loses in "pick X over Y" (`compose.PREFER_WEIGHT`). 0.1-0.3 change the same
# answers on the read parts.
ADVICE_WEIGHT = 0.2


def asks_workings(ask: Ask) -> bool:
    """The ask asks how something works (`WORKINGS`). A comparison's "how do X and Y differ" asks
    what sets its sides apart, where a line advising one side is an answer; a scenario's stem
    asks for an option to use."""
    return ask.kind not in ("comparison", "scenario") and bool(WORKINGS.search(ask.text))
