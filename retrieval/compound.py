"""A hyphenated compound that names a term the notes never write ("a q-q plot", "skip-thought
vectors", "a multi-armed bandit", "one-cycle learning rate policy - how does it ...",
"pseudo-labeling with our own model"): its parts are notes words, or some are, yet the notes
never join them, so a passage its parts find is about something else (residual plots,
skip-gram, A/B testing, learning-rate schedules, Ground Truth's labelling), and whether an
answer names it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from retrieval.coverage import (
    ARTICLES,
    COMMON_WORDS,
    FILLER,
    PREFIXES,
    TOPIC_FIRST,
    WORD,
    NotesVocabulary,
)
from retrieval.lexical import STOPWORDS, tokenize

GERUND_STEM = 3  # letters before "-ing" in a verb's form: "thing" and "king" are none

# Words English joins after any word to describe a thing by it ("canary-style rollout", "tree-based
# model", "GPU-bound job"): such a compound speaks of its first word, which the notes may well
# cover, not of a term of its own.
DESCRIBING = frozenset(
    [
        "based",
        "style",
        "like",
        "driven",
        "aware",
        "specific",
        "friendly",
        "level",
        "wise",
        "related",
        "free",
        "heavy",
        "only",
        "ready",
        "powered",
        "enabled",
        "sized",
        "intensive",
        "bound",
        "oriented",
        "centric",
        "facing",
        "focused",
        "native",
    ]
)


def unjoined_compound(vocabulary: NotesVocabulary, asked: str) -> str | None:
    """The first compound in `asked` (what the question asks about) that modifies a term's word
    after it, its parts letters and no stopword ("on-prem" is a phrase clipped), that the notes
    never write joined in any form (hyphenated, run together, as neighbouring words, or in
    another form of either word: "micro averaging" for "micro-averaged"), with that word:
    "q-q plot". A compound last or before an article is a verb's or an adverb's ("cross-validate
    a", "mid-conversation"); a plural the notes write as one ("built-ins") is theirs; an English
    prefix first ("non-stationary") or a describing word or a verb's "-ing" form last
    ("canary-style", "fraud-scoring") makes a word of the notes again or describes a thing."""
    words = WORD.findall(asked.lower())
    for word, after in itertools.pairwise(words):
        parts = word.split("-")
        if not _names_term(parts) or _gerund(parts[-1]):
            continue  # a notes word made again ("non-stationary"), or described ("canary-style")
        if after in STOPWORDS or after in FILLER or _joined(vocabulary, word, parts):
            continue
        return f"{word} {after}"
    return None


def opening_compound(vocabulary: NotesVocabulary, question: str) -> str | None:
    """The compound a question's lead opens with (`TOPIC_FIRST`: "one-cycle learning rate policy
    - how does it ramp ...", "g-mean as the metric for ..., how do i compute it") when the notes
    never write it joined, with the word after it unless that is a stopword ("one-cycle
    learning"): the student names the term first and asks about it after the mark, so it is
    what the question asks about whatever follows it. A lead that opens with a verb's compound
    before its object ("re-train the model, ...", "cross-validate a model: ...") or with a
    compound `unjoined_compound` reads as no term is left to the other checks."""
    lead = TOPIC_FIRST.match(question)
    words = WORD.findall(lead[1].lower()) if lead else []
    while words and words[0] in ARTICLES:
        words = words[1:]
    if not words:
        return None
    word, after = words[0], (words[1:] or [""])[0]
    parts = word.split("-")
    if not _names_term(parts) or _gerund(parts[-1]) or after in ARTICLES:
        return None
    if _joined(vocabulary, word, parts):
        return None
    return word if after in STOPWORDS or after in FILLER or not after else f"{word} {after}"


def coined_compound(vocabulary: NotesVocabulary, question: str) -> str | None:
    """The first compound naming a technique by what it does, a verb's "-ing" form last after a
    word the notes never write in any form and that is none of the commonest English words
    (`COMMON_WORDS`: "pseudo-labeling", "meta-learning" in notes without "pseudo" or "meta"): a
    method of its own, not the notes' labelling or learning; the notes cannot write it, though
    its last part finds their passages. A common word first says how the thing is done
    ("fine-tuning", "hand-labelling"), which notes may put in other words, and an English
    prefix first ("re-training", "pre-processing") makes the notes' word again."""
    for word in WORD.findall(question.lower()):
        parts = word.split("-")
        if len(parts) != 2 or not _names_term(parts) or not _gerund(parts[-1]):
            continue
        first, last = parts
        if vocabulary.ranks.get(first, COMMON_WORDS) < COMMON_WORDS:
            continue
        if not vocabulary.knows(first) and vocabulary.knows(last):
            return word
    return None


def _names_term(parts: list[str]) -> bool:
    """A compound's parts that may name a term: two or more, letters and no stopword ("on-prem"
    is a phrase clipped), no English prefix first ("non-stationary" makes a notes word again)
    nor a describing word last ("canary-style")."""
    if len(parts) < 2 or not all(p.isalpha() and p not in STOPWORDS for p in parts):
        return False
    return parts[0] not in PREFIXES and parts[-1] not in DESCRIBING


def _gerund(part: str) -> bool:
    """A verb's "-ing" form last in a compound before a noun says what that thing does ("a
    fraud-scoring pipeline", "an image-processing step"): a description, not a term's name (a
    technique so named stands alone: "how does self-training work")."""
    return part.endswith("ing") and len(part) - len("ing") >= GERUND_STEM


def _joined(vocabulary: NotesVocabulary, word: str, parts: list[str]) -> bool:
    """The notes write the compound's parts together in some form, or the compound as a plural
    of one they write ("built-ins" of "built-in")."""
    if vocabulary.clipped_plural(word) or word.replace("-", "") in vocabulary.words:
        return True
    return all(vocabulary.together(a, b) for a, b in itertools.pairwise(parts))


def compound_named(compound: str, texts: Iterable[str]) -> bool:
    """Whether `texts` (the answer and its passage) hold every part of the compound in some form
    (its stems; a part of one letter as itself): they speak of it in their own words."""
    return holds_parts(compound.split()[0].split("-"), said_words(texts))


def said_words(texts: Iterable[str]) -> set[str]:
    """The words of `texts`, as written and as stems."""
    said: set[str] = set()
    for text in texts:
        said.update(tokenize(text))
        said.update(WORD.findall(text.lower()))
    return said


def holds_parts(parts: Iterable[str], said: set[str], clipped: bool = False) -> bool:
    """Whether `said` (`said_words`) holds each part as its stems (a part of one letter as
    itself), or, with `clipped`, as the start of a longer word it clips ("async" of
    "asynchronous")."""
    return all(
        (set(tokenize(part)) or {part}) <= said
        or (clipped and any(w.startswith(part) for w in said))
        for part in parts
    )
