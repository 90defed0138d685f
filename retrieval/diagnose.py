"""Read a model's symptoms in a question: a training score well above the validation score is
overfitting, both low and close is underfitting. Students describe the symptoms ("99 % on the
training set but only 70 % on validation") and the notes file the remedies under the diagnosis;
without it, "train longer" (an underfitting fix) was quoted at 0.91 for an overfitting model."""

from __future__ import annotations

import re

PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)", re.I)
TRAINING = re.compile(r"\btrain(?:ing)?\b", re.I)
HELD_OUT = re.compile(
    r"\b(?:validation|valid|val|test(?:ing)?|hold-?out|dev|unseen|new data)\b", re.I
)
ERROR = re.compile(r"\b(?:error|loss|rmse|mse|mae)\b", re.I)
GAP = 10.0  # points between training and held-out accuracy that mean overfitting
LOW = 75.0  # accuracy under this on both, within GAP of each other, is underfitting
WORDS = ("overfitting", "underfitting")


def diagnosis(text: str) -> str:
    """ "overfitting", "underfitting" or "" from the scores a question gives per data split."""
    if any(word in text.lower() for word in WORDS):
        return ""  # the student named it already
    scores = _scores(text)
    if len(scores) < 2:
        return ""
    train, held = scores["train"], scores["held"]
    error = bool(ERROR.search(text))
    gap = held - train if error else train - held  # an error is better when lower
    if gap >= GAP:
        return "overfitting"
    if not error and max(train, held) < LOW and abs(gap) < GAP:
        return "underfitting"
    return ""


def _scores(text: str) -> dict[str, float]:
    """Each percentage with the split it is about: the split named since the previous
    percentage ("training set 99 %"), else the next one named ("99 % on the training set")."""
    events = sorted(
        [(m.start(), "train") for m in TRAINING.finditer(text)]
        + [(m.start(), "held") for m in HELD_OUT.finditer(text)]
        + [(m.start(), m[1]) for m in PERCENT.finditer(text)]
    )
    scores: dict[str, float] = {}
    named, pending = "", ""
    for _, what in events:
        if what in ("train", "held"):
            if pending:
                scores.setdefault(what, float(pending))
                pending, named = "", ""
            else:
                named = what
        elif named:
            scores.setdefault(named, float(what))
            named = ""
        else:
            pending = what
    return scores
