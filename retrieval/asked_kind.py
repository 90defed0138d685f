"""What kind of thing an ask in other words than the notes' wants stated, and whether a sentence
states one. "which query engine does Athena run on under the hood" wants a name ("built on
Presto"), "what sizes do EI accelerators come in" an amount ("ml.eia1.medium / large"); a
sentence merely near the ask by embedding ("you pay only for the queries that you run", "F1
measure, precision, recall, or accuracy." under an audit-trail ask) states none that the quote
and the question do not already hold. An ask of no kind read here wants nothing checkable.
"""

from __future__ import annotations

import re
from typing import Literal

AskedKind = Literal["name", "amount"]

# "how much cheaper", "what sizes", "how many", "how long": a number or a token holding one
# (a percentage, an instance type "ml.eia1.medium").
_AMOUNT_ASK = re.compile(
    r"\bhow (?:much|many|long|big|large|small|fast|often)\b"
    r"|\b(?:cheaper|faster|slower|bigger|smaller|sizes?|costs?|prices?|percent(?:age)?"
    r"|maximum|minimum)\b",
    re.I,
)
# "which engine / framework / parameter / setting", "uses what under the hood": a name. The
# nouns are the kinds of named thing the notes name (services, settings, algorithms, metrics).
_NAME_ASK = re.compile(
    r"\b(?:which|what)\b(?:\s+[\w-]+){0,2}?\s+(?:engines?|frameworks?|algorithms?"
    r"|(?:hyper)?parameters?|settings?|options?|metrics?|services?|protocols?|librar(?:y|ies)"
    r"|tools?|languages?|models?|methods?|techniques?)\b"
    r"|\bunder the hood\b|\b(?:uses?|using|runs? on|built on|based on)\s+(?:what|which)\b",
    re.I,
)
# A named thing as the notes write one: an acronym or mixed-case name ("IPsec", "HBase",
# "MinConfidence"), a code-like token ("vector_dim", "ml.eia1.medium", "eia1"), or a capitalised
# word inside a sentence ("built on Presto"; a sentence's first word is capitalised anyway).
_NAME_TOKEN = re.compile(
    r"\b[A-Z]{2,}[A-Za-z0-9]*\b|\b[A-Za-z]+[a-z][A-Z][A-Za-z0-9]*\b|\b\w+(?:[_.]\w+)+\b"
    r"|\b[A-Za-z]+\d\w*\b|(?<=[a-z0-9,;(/&] )[A-Z][a-z]+\b"
)
# An amount as the notes write one: a number standing alone ("75 %", "5TB", "1,024") or an
# instance type or size ("ml.eia1.medium"); a name holding a digit ("EC2", "S3") is none.
_NUMBER_TOKEN = re.compile(r"(?<![A-Za-z])\d[\d,.]*%?|\bml\.\w+(?:\.\w+)?")


def asked_kind(question: str) -> AskedKind | None:
    """The kind of thing the question asks for: an amount before a name ("how much cheaper
    ... which instance" wants the amount), None when it asks for neither."""
    if _AMOUNT_ASK.search(question):
        return "amount"
    if _NAME_ASK.search(question):
        return "name"
    return None


def states_kind(kind: AskedKind, text: str, known: str) -> bool:
    """The sentence states a thing of the asked kind that `known` (the question and the quote)
    does not hold: a name, or a number, neither of which the student has read already."""
    pattern = _NAME_TOKEN if kind == "name" else _NUMBER_TOKEN
    seen = {t.lower().strip(".") for t in re.findall(r"[\w.%$]+", known) + pattern.findall(known)}
    return any(
        token.lower().strip(".") not in seen for token in pattern.findall(text) if token.strip(".")
    )
