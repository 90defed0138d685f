"""Read a model's symptoms in a question: a training score well above the validation score is
overfitting, both low and close is underfitting. Students describe the symptoms ("99 % on the
training set but only 70 % on validation") and the notes file the remedies under the diagnosis;
without it, "train longer" (an underfitting fix) was quoted at 0.91 for an overfitting model.
Symptoms told in words count too ("scores almost perfectly on the training set but badly on
validation", "does badly even on the rows it was trained on"): without a number no diagnosis
was named, and the answer quoted the stem's setting (a lifecycle overview, a data split's
definition) instead of what the symptoms mean."""

from __future__ import annotations

import re

PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)", re.I)
TRAINING = re.compile(r"\btrain(?:ing)?\b", re.I)
HELD_OUT = re.compile(
    r"\b(?:validation|valid|val|test(?:ing)?|hold-?out|dev|unseen|new data)\b", re.I
)
ERROR = re.compile(r"\b(?:error|loss|rmse|mse|mae)\b", re.I)
# A sentence telling how a model did: a performance verb ("scores", "performs", "does"); only
# there does a word of how it went count ("badly imbalanced classes" tells nothing of a score).
PERFORMS = re.compile(
    r"\b(?:do|does|did|doing|performs?|performed|performing|scores?|scored|scoring|works?"
    r"|worked|fares?|fared|predicts?|predicted)\b",
    re.I,
)
HOW = re.compile(r"\b(?:badly|poorly|terribly|perfectly|excellently|very well)\b", re.I)
GOOD_WORDS = ("perfectly", "excellently", "very well")
SAID_GOOD, SAID_BAD = 99.0, 50.0  # the scores words stand for, on the percentage scale
# The training split named by what was trained on it ("the very rows it was trained on"); not
# "trained" alone, which names the model ("a model trained on last year's data gets 92 % ...").
TRAINED_ON = re.compile(r"\b(?:it|they) (?:was|were) trained on\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.?!;])\s+")
GAP = 10.0  # points between training and held-out accuracy that mean overfitting
LOW = 75.0  # accuracy under this on both, within GAP of each other, is underfitting
WORDS = ("overfitting", "underfitting")


def diagnosis(text: str) -> str:
    """ "overfitting", "underfitting" or "" from the scores a question gives per data split."""
    if any(word in text.lower() for word in WORDS):
        return ""  # the student named it already
    scores = _scores(text)
    if len(scores) < 2:
        return _said(text, scores)
    train, held = scores["train"], scores["held"]
    error = bool(ERROR.search(text))
    gap = held - train if error else train - held  # an error is better when lower
    if gap >= GAP:
        return "overfitting"
    if not error and max(train, held) < LOW and abs(gap) < GAP:
        return "underfitting"
    return ""


def _said(text: str, scores: dict[str, float]) -> str:
    """The diagnosis of symptoms told in words, the percentages beside them (`scores`, read by
    `_scores`) counting as they read ("99 % on training data and badly on the test set"): a
    training score told bad is underfitting whatever the held-out one (the model cannot fit the
    rows it has seen); good on training and bad on held-out data is overfitting."""
    scores = dict(scores)  # the words' scores join a copy
    if scores and ERROR.search(text):
        return ""  # an error's numbers read the other way from the words beside them
    said = False
    for sentence in SENTENCE_END.split(text):
        verb = PERFORMS.search(sentence)
        if verb is None:
            continue
        for how in HOW.finditer(sentence, verb.end()):
            split = _split_of(sentence, how.start())
            if split and split not in scores:
                good = how[0].lower() in GOOD_WORDS
                scores[split], said = SAID_GOOD if good else SAID_BAD, True
    if not said or "train" not in scores:
        return ""  # no symptom told in words; a held-out score alone tells nothing of the fit
    if scores["train"] < LOW:
        return "underfitting"
    if scores.get("held", scores["train"]) <= scores["train"] - GAP:
        return "overfitting"
    return ""


def _split_of(sentence: str, at: int) -> str:
    """The split a word of how a model did at `at` is about: the next one the sentence names
    ("badly on validation"), else the last one before it ("the training run went badly")."""
    named = sorted(
        [(m.start(), "train") for m in TRAINING.finditer(sentence)]
        + [(m.start(), "train") for m in TRAINED_ON.finditer(sentence)]
        + [(m.start(), "held") for m in HELD_OUT.finditer(sentence)]
    )
    after = [split for place, split in named if place > at]
    before = [split for place, split in named if place < at]
    return after[0] if after else (before[-1] if before else "")


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
