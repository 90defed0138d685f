"""One question put to two notes subjects that a scenario, a how-to or a casual ask names on the
way ("... a DeepAR forecaster and a semantic segmentation model. Can both endpoints run on CPU
instances?", "one for an Object2Vec model and one for a Random Cut Forest model. Which instance
type for each?", "how should the records be ordered for Linear Learner and for Object2Vec?"): a
comparison of the two, asked what its asking sentence asks. Read as a scenario or a how-to, the
ask was answered from one of them only.

The two are read where the ask joins them by "and", each after the same preposition ("for X and
for Y", "pairs with X, and themes with Y") or each after an article or a possessive ("a X ... and
a Y ...", "our X job and our Y job"), and only when each is a notes subject with passages of its
own: the run of its words naming the heading subject that heads the most passages ("semantic
segmentation" of "a semantic segmentation model", under "Semantic Segmentation: Instance
Types"). Joined by articles, the ask must take them
one at a time ("each", "both", "either", "which of the two", "which one", "which job gets
which"), as must two named after the same preposition with other words between ("pairs with X,
and themes with Y"). A limit ask keeps its reading: its composer quotes the number stated as a
bound, which a side's pick does not look for.

The stem before the asking sentence stays with the comparison (as its constraints), without the
words each side is typed with ("a DeepAR forecaster" says what the side is): its telling words
are asked too, since a vague ask leaves the detail to it ("only one P3 GPU instance is free.
Which of the two jobs can make use of it?").

The comparison stands only when it answers the ask for each side (`sides_answered`): each side's
quoted line holds a telling asked word ("cpu", "instance"); else its lines say what a side is
("Linear Learner: Classification: regression" for "which of the two has to be preprocessed"),
and the ask is answered as first read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from retrieval.aspect import TELLING_SHARE, asked_clauses, with_stem
from retrieval.attribute import FRAME_TERMS
from retrieval.compose import ASKING_WORDS, Composer, Composition, _about_terms, sentence_words
from retrieval.confidence import sides_named
from retrieval.lexical import PRODUCT_PREFIX, tokenize
from retrieval.rarity import sentence_counts
from retrieval.sides import COMPARING, covers
from retrieval.understand import Ask

_WORD = r"[^\s,.;:?!()]+"
_NAME = rf"(?:{_WORD}\s+){{0,5}}?{_WORD}"  # a side as typed, with what follows its name
_LAST = rf"{_WORD}(?:\s+{_WORD}){{0,4}}"  # the last side runs on to the clause's end
_DETERMINER = r"(?:(?:an?|the|one|our|their|its|each)\s+)?"
# "for X and for Y", "one for an X model and one for a Y model", "pairs with X, and themes with Y":
# the same preposition before each side, up to three words of what each is put to between.
_SAME_PREPOSITION = re.compile(
    rf"\b(?P<prep>for|with)\s+{_DETERMINER}(?P<first>{_NAME})\s*,?\s+and\s+"
    rf"(?P<between>(?:{_WORD}\s+){{0,3}}?)(?P=prep)\s+{_DETERMINER}(?P<second>{_LAST})",
    re.I,
)
# "a X forecaster and a Y model", "of an X job and an Y model", "our X job and our Y job": an
# article or a possessive before each side.
_ARTICLE = r"(?:an?|our|my|their|your)"
_ARTICLES = re.compile(
    rf"\b{_ARTICLE}\s+(?P<first>{_NAME})\s*,?\s+and\s+{_ARTICLE}\s+(?P<second>{_LAST})", re.I
)
# The ask takes the two one at a time.
_EACH = re.compile(
    r"\b(?:each|both|either|which of (?:the two|them)|which one"
    r"|which (?:\w+\s+){0,2}?(?:gets?|goes?|takes?|needs?|wants?)\s+which)\b",
    re.I,
)
_ONE = re.compile(r"^one\s*$", re.I)  # "and one for ...": nothing put between the two
# Words of an asking clause that ask nothing of the notes: a modal, the count of the sides, "get"
# of "which job gets which".
_FRAMING = frozenset(tokenize("must shall may might two get"))
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(])")


def two_asked(ask: Ask, names: HeadingNames) -> Ask:
    """`ask` as a comparison of the two notes subjects it puts one question to (see the module),
    asked what its last asking sentence asks; else as it was. `names` are the notes' subjects."""
    if ask.kind in ("comparison", "limit"):
        return ask
    sentences = _SENTENCE.split(ask.text)
    focus = ask.focus if ask.kind == "scenario" else sentences[-1]
    found = _sides(ask.text, bool(_EACH.search(focus)), lambda typed: _named(typed, names))
    if found is None:
        return ask
    sides, joined = found
    # the stem is kept, but for the words the sides are typed with ("a DeepAR forecaster"): a
    # vague ask ("which one can still be trained") leaves the detail to it
    stem = ask.constraints if ask.kind == "scenario" else tuple(sentences[:-1])
    stem = tuple(_unnamed(_without(part, joined), names) for part in stem)
    return replace(
        ask, kind="comparison", focus=focus, subjects=sides, constraints=stem, places=(), topic=""
    )


def sides_answered(composer: Composer, composition: Composition) -> bool:
    """Each side of the ask read as two-sided has a quoted sentence that names it and holds an
    asked word telling enough to file what was asked (`aspect.TELLING_SHARE`: "cpu", "instance",
    not "train"), in itself or in a heading that files the ask alone (`_filed`: "Object2Vec:
    Instance Types"): the comparison then answers the ask for each. Else its lines say what a
    side is, not what was asked, and the ask is answered as first read."""
    ask, searcher = composer.ask, composer.searcher
    counts, total = sentence_counts(searcher, sentence_words(searcher))
    named = ASKING_WORDS | COMPARING | FRAME_TERMS | _FRAMING
    sides = set(tokenize(" ".join(ask.subjects)))
    asked = set(tokenize(asked_clauses(ask.focus))) - named - sides
    stem = set(tokenize(" ".join(ask.constraints))) - named - sides

    def is_telling(term: str) -> bool:
        return 0 < counts.get(term, 0) <= TELLING_SHARE * total

    asked = with_stem(asked, stem, is_telling)
    telling = {t for t in asked if is_telling(t)}
    picked = composition.picked
    # a quoted example ("For example P3.") may follow the picks: each pick opens the sentences
    if not telling or len(picked) > len(composition.sentences):
        return False
    quoted = [
        (sentence, _own_words(sentence, chunk.heading), _about_terms(chunk))
        for sentence, chunk in (
            (sentence, composition.pool[rank].chunk)
            for sentence, rank in zip(composition.sentences[: len(picked)], picked, strict=True)
        )
    ]
    return all(
        any(
            sides_named([side], sentence, about)[0]
            and _holds(telling, own | _filed(about - sides, asked))
            for sentence, own, about in quoted
        )
        for side in ask.subjects
    )


def _holds(telling: set[str], words: set[str]) -> bool:
    """The words hold a telling asked word, a plural the stemmer leaves whole counting for its
    singular ("GPUs" for "gpu": `covers`)."""
    return any(covers({t}, words) >= 1 for t in telling)


def _own_words(sentence: str, heading: tuple[str, ...]) -> set[str]:
    """The quoted sentence's words without the heading label it is quoted under ("Linear Learner
    input formats and hyperparameters: `feature_dim` ..."): what the line itself says."""
    for level in reversed(heading):
        for label in (level, level.split(":", 1)[0]):
            if label and sentence.startswith(f"{label}:"):
                return set(tokenize(sentence[len(label) + 1 :]))
    return set(tokenize(sentence))


def _filed(heading: set[str], asked: set[str]) -> set[str]:
    """A heading's words past the sides' names, when every one is asked: a card front filing
    the ask ("Instance Types" of "Object2Vec: Instance Types"), not a section holding it among
    other things ("Factorization Machines input formats and hyperparameters")."""
    return heading if heading <= asked else set()


class HeadingNames:
    """Which runs of words name a notes subject with passages of its own, and how many: a
    heading's subject (each heading level, up to a card front's colon: "DeepAR" of "DeepAR:
    Instance Types"), product prefix aside, all of its words ("Random Cut Forest", "Kinesis Data
    Stream"), counted by the passages it heads; or else one word of it that is no everyday English
    word ("Firehose" of "Kinesis Firehose"). A heading's everyday word alone ("model" of "Model
    fitting") names nothing."""

    def __init__(self, headings: Iterable[tuple[str, ...]], everyday: Callable[[str], bool]):
        self._subjects: Counter[frozenset[str]] = Counter()
        for path in headings:
            subjects = {
                frozenset(tokenize(level.split(":", 1)[0])) - PRODUCT_PREFIX for level in path
            }
            self._subjects.update(s for s in subjects if s)
        self._words = {w for subject in self._subjects for w in subject}
        self._everyday = everyday

    def passages(self, run: str) -> int:
        """How many passages the subject `run` names heads: 0 when it names none, or is one
        everyday word ("training" of "Training on SageMaker")."""
        held = frozenset(tokenize(run)) - PRODUCT_PREFIX
        if len(held) == 1 and all(self._everyday(w.lower()) for w in run.split()):
            return 0
        return self._subjects.get(held, 0)

    def names_word(self, word: str) -> bool:
        """A heading's word that is no everyday English word names its subject alone."""
        return set(tokenize(word)) <= self._words and not self._everyday(word.lower())


def _sides(
    text: str, each: bool, named: Callable[[str], str]
) -> tuple[tuple[str, str], tuple[str, ...]] | None:
    """The two sides the text names, each cut to its notes name, when a join reads them; with
    the join's text and each side as typed."""
    for pattern in (_SAME_PREPOSITION, _ARTICLES):
        for found in pattern.finditer(text):
            between = found.groupdict().get("between", "")
            if not each and (pattern is _ARTICLES or (between.strip() and not _ONE.match(between))):
                continue
            first, second = named(found["first"]), named(found["second"])
            if first and second and not _within(first, second) and not _within(second, first):
                return (first, second), (found[0], found["first"], found["second"])
    return None


def _without(text: str, typed: tuple[str, ...]) -> str:
    """`text` without the join of the sides, or each side as typed where the join runs past it."""
    for run in typed:
        text = text.replace(run, " ")
    return text


def _unnamed(text: str, names: HeadingNames) -> str:
    """`text` without the words naming a notes subject or the platform ("a TensorFlow model",
    "SageMaker"): the stem's setting, which a side's line holds without answering the ask."""
    return " ".join(
        w
        for w in text.split()
        if not names.names_word(w.strip(",.;:")) and not set(tokenize(w)) & PRODUCT_PREFIX
    )


def _named(typed: str, names: HeadingNames) -> str:
    """The run of `typed`'s words that names the notes subject heading the most passages ("DeepAR"
    of "DeepAR forecaster", over the one "DeepAR Forecasting" section), of equals the one with more
    words of the notes and fewer others ("Object2Vec" of "Object2Vec before a"); else its first
    word that names a subject alone; empty when none does."""
    words = typed.split()
    runs = [
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
    ]
    counted = [(names.passages(run), len(tokenize(run)), -len(run.split()), run) for run in runs]
    best = max(counted, key=lambda c: c[:3])
    if best[0]:
        return best[3]
    return next((word for word in words if names.names_word(word)), "")


def _within(side: str, other: str) -> bool:
    return set(tokenize(side)) <= set(tokenize(other))
