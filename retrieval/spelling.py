"""Typos made plain before a question is searched and weighed: a word that neither the notes nor
everyday English know becomes the notes word it is one slip from ("infernce" -> "inference",
"wich" -> "which", "teh" -> "the"). Left as typed, such a word matches nothing in BM25 or the
embedding, lowers the share of the question an answer holds, and is taken for a subject the notes
never mention; the question is declined or answered from another passage.

Two slips a dropped letter does not explain are read too: a letter changed inside a word whose
stem the notes hold ("inferance", "specifity": search's stems match, the embedding's do not, so
the gate fell short), and any one-letter slip of a notes word in a long word that is no form of
a common English word ("tunning" reads as "tun" + "ning"; `NotesVocabulary.near_spelling`, which
the coverage check already takes for the notes word).

Past those, a long word is read as the one notes word it is a slip of (`_misspelt`): a letter
added or changed from eight letters on ("wrangeler" for "wrangler"; shorter, such a slip of a notes
word is as often another English word the model's list lacks: "decile", "tickle"), or vowels
left out ("sagemkr" for "sagemaker"); and a British spelling is read as the notes' American one,
or the other way (`_spelt_otherwise`: "personalise" for "personalize"). As typed, each was taken
for a subject the notes lack and the question declined.

A name typed in a form the notes never write is read in theirs too: run together where they
write two words ("guardduty", "GuardDuty" for "Guard Duty": as typed it matches neither word, and
search found the exam post instead), typed closed where they hyphenate it ("realtime", "builtin"
for "real-time", "built-in": `_hyphenated`), and slipped with a number inside ("objec2vec" for
"object2vec", as a letters-only word's slip is read). So is a two-word term the notes never write
as typed but write after the same first word in a longer form (`_in_notes_form`): a number as a
Roman numeral ("type 1 error" for "Type I error"), a word as a compound ending in it ("test set"
for "test dataset") or in full ("train val" for "train validation"). As typed, the term is taken
for one the notes lack and the question is declined, or search finds its first word's passages.

A word is otherwise left alone when the notes hold it in any written form
(`NotesVocabulary.knows_as_written`: its stem, a plural, a longer word it starts, as "xgb" starts
"xgboost"), when it is an English word, when the student types it with a capital inside ("RMSLE",
"DeepAR": a name as spelled) or it stands in a hyphenated name. A target is a notes word the notes
write in small letters at least once: one they only write in capitals is an acronym, and acronyms
one letter apart are distinct terms (RMSE and RMSLE, SSD and MSD), not slips of each other. A word
the question spells itself is no target either: a student who writes "rmse" right does not mistype
it beside it.
"""

from __future__ import annotations

import functools
import itertools
import re
import weakref
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from retrieval.coverage import COMMON_WORDS, ENDINGS, JOINED_PART, PREFIXES, NotesVocabulary
from retrieval.lexical import STOPWORDS, tokenize

# A word as typed: letters (a number inside: "objec2vec"), a capital at most first, not part of a
# hyphenated or dotted name ("t-SNE", "ml.p3") nor of a contraction ("isn't").
TYPED = re.compile(r"(?<![\w\-.'’])([A-Za-z][a-z]+(?:[0-9]+[a-z]+)?)(?![\w\-'’]|\.\w)")
# A name typed run together in two capitalised parts ("GuardDuty").
CAMEL = re.compile(r"(?<![\w\-.'’])([A-Z][a-z]{2,})([A-Z][a-z]{2,})(?![\w\-'’]|\.\w)")
NOTES_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Two words typed side by side: a word, then a word or a small number ("test set", "type 1").
# The second word is looked ahead at, so that it may be the first of the next pair too.
PAIR = re.compile(r"(?<![\w\-.'’])([A-Za-z][a-z]+)(?=\s+(([a-z]{2,}|[1-4])(?![\w\-'’]|\.\w)))")
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
# How many slips (a letter dropped, added, changed, or two neighbours swapped) a typed word of
# this many letters may hold: one up to seven letters, two from eight on ("infernce" is one from
# "inference"; a long word keeps enough letters to be recognised with two slips).
SHORTEST = 3
TWO_SLIPS_FROM = 8
# A word this long may hold any one slip, a letter added or changed too ("wrangeler" for
# "wrangler"): shorter, one letter changed or added makes another English word as often as a slip
# ("decile" and "decide", "tickle" and "pickle", "linkage" and "lineage", "triplet" and
# "triples": all past the model's word list, all in the read negatives at six or seven letters).
ANY_SLIP_FROM = 8
# A word typed without some of its vowels ("sagemkr" for "sagemaker"), this long at least: a
# shorter one is as often an abbreviation of anything.
UNVOWELLED_FROM = 6
VOWELS = frozenset("aeiou")
# The letters British spelling writes where American writes others, before a vowel
# ("personalise", "analyse", "generalisation"): a spelling of the same word, not a slip.
BRITISH = re.compile(r"(?<=[a-z])(is|iz|ys|yz)(?=[aeiy])")
OTHER_SPELLING = {"is": "iz", "iz": "is", "ys": "yz", "yz": "ys"}
# A word's last letters, which a slip inside it leaves alone and another form of it changes.
ENDING_LETTERS = 2
_TARGETS: weakref.WeakKeyDictionary[NotesVocabulary, list[str]] = weakref.WeakKeyDictionary()
_CLOSED: weakref.WeakKeyDictionary[NotesVocabulary, dict[str, str]] = weakref.WeakKeyDictionary()
# Each vocabulary's typo targets by length, and by first letter and length (`_Shapes`).
_SHAPES: weakref.WeakKeyDictionary[NotesVocabulary, _Shapes] = weakref.WeakKeyDictionary()
_FOLLOWERS: weakref.WeakKeyDictionary[NotesVocabulary, dict[str, set[str]]] = (
    weakref.WeakKeyDictionary()
)


def targets_for(vocabulary: NotesVocabulary, texts: Iterable[str]) -> list[str]:
    """The notes' words a typo may stand for: those of `vocabulary` that the notes' `texts` write
    in small letters at least once (not acronyms only). Made once per vocabulary."""
    found = _TARGETS.get(vocabulary)
    if found is None:
        small = {t.lower() for text in texts for t in NOTES_TOKEN.findall(text) if not t.isupper()}
        found = sorted(w for w in small & vocabulary.words if _spelled_word(w))
        _TARGETS[vocabulary] = found
    return found


def respelled(question: str, vocabulary: NotesVocabulary, targets: list[str]) -> str:
    """`question` with each typo (`_typo`) replaced by the notes word it is a slip of (the one
    the notes hold most often when several are as near); `targets` are the notes words a typo
    may stand for (`targets_for`)."""
    if not vocabulary.english:
        return question  # without everyday English, every word outside the notes looks a typo
    reader = _Reader(question, vocabulary, targets)

    def apart(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        joined = _joined(first.lower() + second.lower(), vocabulary)
        return f"{first} {second}" if joined == (first.lower(), second.lower()) else match.group(0)

    return _noted(CAMEL.sub(apart, TYPED.sub(reader.plain, question)), vocabulary)


class _Reader:
    """One question's typed words read as the notes words they slip from (`respelled`)."""

    def __init__(self, question: str, vocabulary: NotesVocabulary, targets: list[str]) -> None:
        self.vocabulary = vocabulary
        self.targets = targets
        self.spelled = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", question))

    @functools.cached_property
    def choices(self) -> list[str]:
        """The notes words a typo here may stand for, made once and only when a word looks like
        one: most questions hold none, and the list runs to thousands of words."""
        return [t for t in self.targets if t not in self.spelled]

    def unspelled(self, words: Iterable[str]) -> list[str]:
        """Those of `words` a typo here may stand for, as for `choices`."""
        return [w for w in words if w not in self.spelled]

    def usable(self, word: str) -> bool:
        """`word` is one a typo here may stand for (in `choices`), looked up, not scanned for."""
        return word in _shapes(self.vocabulary, self.targets).words and word not in self.spelled

    def plain(self, match: re.Match[str]) -> str:
        """The typed word as the notes write it: hyphenated, as two words, or its typo read."""
        typed = match.group(1)
        word, vocabulary = typed.lower(), self.vocabulary
        if (written := _hyphenated(word, vocabulary)) is not None:
            return written.capitalize() if typed[0].isupper() else written
        if (parts := _joined(word, vocabulary)) is not None:
            return " ".join(p.capitalize() if typed[0].isupper() else p for p in parts)
        if _typo(word, vocabulary):
            found = (
                _nearest(word, self.choices, vocabulary)
                or _spelt_otherwise(word, self.usable)
                or _misspelt(word, _shapes(vocabulary, self.targets), self.unspelled)
            )
        elif (
            _long_typo(word, vocabulary)
            and (near := vocabulary.near_spelling(word)) in self.choices
        ):
            found = near
        elif _stem_typo(word, vocabulary):
            found = _nearest(word, self.choices, vocabulary, same_stem=True)
        else:
            return typed
        if not found:
            return typed
        return found.capitalize() if typed[0].isupper() else found


def _noted(question: str, vocabulary: NotesVocabulary) -> str:
    """`question` with each second word of a pair the notes write in a longer form
    (`_in_notes_form`) in that form."""
    found = [
        (match.start(2), match.end(2), form)
        for match in PAIR.finditer(question)
        if (form := _in_notes_form(match.group(1).lower(), match.group(3), vocabulary))
    ]
    for start, end, form in reversed(found):
        question = question[:start] + form + question[end:]
    return question


def _in_notes_form(first: str, second: str, vocabulary: NotesVocabulary) -> str | None:
    """The notes' form of the term `first second` when they never write it as typed
    (`together`) but write `first` before one longer form of `second`: a number's Roman numeral
    ("type 1" -> "type I"), a compound of a notes word and `second` ("test set" -> "test
    dataset"; an English prefix's word, "subset", is another word), or the word `second`, which
    the notes never write, is clipped from ("train val" -> "train validation"). A small word
    first ("a set") names no term, nor one second ("index or" is no "index predictor")."""
    if first in STOPWORDS or second in STOPWORDS or vocabulary.together(first, second):
        return None
    after = _followers(vocabulary).get(first, set())
    if second in ROMAN:
        return ROMAN[second] if ROMAN[second].lower() in after else None
    compounds = [
        word
        for word in after
        if word.endswith(second)
        and (head := word[: -len(second)]) in vocabulary.words
        and len(head) >= JOINED_PART
        and head not in PREFIXES
    ]
    if compounds:
        return compounds[0] if len(compounds) == 1 else None
    if second in vocabulary.words or len(second) < JOINED_PART:
        return None  # a word of the notes' own ("object" of "object detection") is no clipping
    # a clipped word: its full forms all start with the shortest ("validation", "validations")
    full = sorted((word for word in after if word.startswith(second)), key=len)
    return full[0] if full and all(word.startswith(full[0]) for word in full) else None


def _followers(vocabulary: NotesVocabulary) -> dict[str, set[str]]:
    """Each notes word's next words as the notes write them. Made once per vocabulary."""
    found = _FOLLOWERS.get(vocabulary)
    if found is None:
        found = {}
        for first, second in vocabulary.pairs:
            found.setdefault(first, set()).add(second)
        _FOLLOWERS[vocabulary] = found
    return found


def _hyphenated(word: str, vocabulary: NotesVocabulary) -> str | None:
    """The notes' hyphenated form of a word typed closed ("realtime" for the notes' "real-time",
    "builtin" for "built-in"), when the notes never write it closed and it is no English word.
    Search reads "real-time" as "real" and "time" and the closed word as one word of its own, so
    as typed it matches no passage that says it ("can emr handle realtime streaming": the EMR
    line "Real-time streaming" went unfound)."""
    if word in vocabulary.english or vocabulary.counts.get(word, 0):
        return None
    return _closed_forms(vocabulary).get(word)


def _closed_forms(vocabulary: NotesVocabulary) -> dict[str, str]:
    """Each hyphenated notes word by its closed form, the most written one when several close
    alike. Made once per vocabulary."""
    found = _CLOSED.get(vocabulary)
    if found is None:
        found = {}
        for written, _ in vocabulary.counts.most_common():
            if "-" in written.strip("-") and (closed := written.replace("-", "")).isalpha():
                found.setdefault(closed, written)
        _CLOSED[vocabulary] = found
    return found


def _spelled_word(word: str) -> bool:
    """A word a typo may stand for: letters, or letters with a number inside ("object2vec")."""
    return word.isalnum() and word[0].isalpha() and word[-1].isalpha()


def _joined(word: str, vocabulary: NotesVocabulary) -> tuple[str, str] | None:
    """The two words the notes write side by side that `word` runs together ("guardduty" of the
    notes' "Guard Duty"), when the notes never write it as one word and it is no English word:
    searched as typed it matches neither word. An English prefix before a word is one word made
    of the two ("pretraining"), not a name."""
    if word in vocabulary.english or word in vocabulary.words:
        return None
    splits = [
        (word[:i], word[i:])
        for i in range(JOINED_PART, len(word) - JOINED_PART + 1)
        if (word[:i], word[i:]) in vocabulary.pairs and word[:i] not in PREFIXES
    ]
    return splits[0] if len(splits) == 1 else None


def _typo(word: str, vocabulary: NotesVocabulary) -> bool:
    """A word that may be a typo: long enough, and neither English nor in the notes in any form
    (an English word with an ending, "invoices", "fixes", "calories", is one too)."""
    return (
        len(word) >= SHORTEST
        and word not in vocabulary.english
        and not vocabulary.knows_as_written(word)
        and not _inflected(word, vocabulary.english)
    )


def _long_typo(word: str, vocabulary: NotesVocabulary) -> bool:
    """A long word that is no English word, that the notes never write in any form, though they
    write a word one letter from it (`NotesVocabulary.near_spelling`): the coverage check reads it
    as that word ("tunning" of "tuning"), so search should too. It may look like an English
    word's form ("tun" + "ning"): a rare word's rare form is less likely than a slip."""
    if word in vocabulary.english or vocabulary.knows_as_written(word):
        return False
    return all(vocabulary.ranks.get(base, COMMON_WORDS) >= COMMON_WORDS for base in _bases(word))


def _stem_typo(word: str, vocabulary: NotesVocabulary) -> bool:
    """A word the notes hold only through its stem, as no form of theirs: "inferance" and
    "specifity" stem as "inference" and "specificity" do, so search's words match, yet the
    embedding reads them as strangers and the gate falls short. Neither English nor a notes word
    with an ending ("embeddings" beside "embedding" is a form, not a slip)."""
    if len(word) < SHORTEST or word in vocabulary.english or word in vocabulary.words:
        return False
    if not set(tokenize(word)) <= vocabulary.stems or _inflected(word, vocabulary.english):
        return False
    return not _inflected(word, vocabulary.words)


def _inflected(word: str, english: Collection[str]) -> bool:
    """An English word with an ending: the vocabulary holds whole words, few of their forms."""
    return any(form in english for form in _bases(word))


def _bases(word: str) -> Iterator[str]:
    """The words `word` may be a form of, by its ending ("fixes": fix, fixe; "running": run)."""
    for end in ENDINGS:
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= SHORTEST:
            yield from {stem, f"{stem}e", f"{stem[:-1]}y" if stem.endswith("i") else stem}
            if stem[-1] == stem[-2]:
                yield stem[:-1]  # "unpopped", "running"


def _nearest(
    word: str, choices: list[str], vocabulary: NotesVocabulary, same_stem: bool = False
) -> str | None:
    """The notes word `word` is fewest slips from (within what its length allows), the most
    frequent in the notes among the nearest ones. With `same_stem`, any slip of a notes word with
    `word`'s stem (`_stem_typo`): the stem shows which word it is, whatever letter changed."""
    most = 2 if len(word) >= TWO_SLIPS_FROM else 1
    stem = tokenize(word) if same_stem else []
    near = [
        (distance, not _slipped(word, known), -vocabulary.counts.get(known, 0), known)
        for known, distance, _ in process.extract(
            word, choices, scorer=OSA.distance, score_cutoff=most, limit=None
        )
        if (_respelt(word, known, stem) if same_stem else _slipped(word, known))
    ]
    return min(near)[-1] if near else None


def _spelt_otherwise(word: str, usable: Callable[[str], bool]) -> str | None:
    """The notes word `word` is another spelling of: British "-ise", "-yse" where the notes write
    American "-ize", "-yze" ("amazon personalise", "analyse", "generalisation"), or the other way.
    The stem tells search it is the same word, yet the embedding reads it as another and the
    coverage check as a word the notes lack: the question was declined."""
    for found in BRITISH.finditer(word):
        other = f"{word[: found.start()]}{OTHER_SPELLING[found.group(0)]}{word[found.end() :]}"
        if usable(other):
            return other
    return None


@dataclass(frozen=True)
class _Shapes:
    """A vocabulary's typo targets by length and by first letter and length: `_misspelt` compares
    a word only with those a slip or left-out vowels may have made it from, not with thousands;
    and as a set, to look one spelling up (`_spelt_otherwise`)."""

    by_length: dict[int, list[str]]
    by_start: dict[tuple[str, int], list[str]]
    words: frozenset[str]


def _shapes(vocabulary: NotesVocabulary, targets: list[str]) -> _Shapes:
    """`targets` by shape (`_Shapes`). Made once per vocabulary."""
    found = _SHAPES.get(vocabulary)
    if found is None:
        by_length: dict[int, list[str]] = {}
        by_start: dict[tuple[str, int], list[str]] = {}
        for word in targets:
            by_length.setdefault(len(word), []).append(word)
            by_start.setdefault((word[0], len(word)), []).append(word)
        found = _SHAPES[vocabulary] = _Shapes(by_length, by_start, frozenset(targets))
    return found


def _misspelt(
    word: str, shapes: _Shapes, usable: Callable[[Iterable[str]], list[str]]
) -> str | None:
    """The one notes word a long word is a slip of past what `_nearest` reads: a letter added or
    changed in a word of `ANY_SLIP_FROM` letters ("wrangeler" for "wrangler"), or vowels left out
    ("sagemkr" for "sagemaker"). Only when no other notes word is as near: with two, the typed
    word says neither. `usable` keeps the targets a typo here may stand for (not the words the
    question spells itself)."""
    near: set[str] = set()
    if len(word) >= ANY_SLIP_FROM:
        lengths = (shapes.by_length.get(len(word) + step, []) for step in (-1, 0, 1))
        near.update(
            known
            for known, _, _ in process.extract(
                word,
                usable(itertools.chain(*lengths)),
                scorer=OSA.distance,
                score_cutoff=1,
                limit=None,
            )
        )
    if len(word) >= UNVOWELLED_FROM:
        longer = range(len(word) + 1, len(word) + len(word) // 2 + 1)
        starting = (shapes.by_start.get((word[0], length), []) for length in longer)
        near.update(
            known for known in usable(itertools.chain(*starting)) if _unvowelled(word, known)
        )
    return near.pop() if len(near) == 1 else None


def _unvowelled(typed: str, known: str) -> bool:
    """`typed` is `known` with some of its vowels left out, nothing else, its first letter kept."""
    if len(known) <= len(typed) or typed[0] != known[0]:
        return False
    rest = iter(known)
    dropped: list[str] = []
    for letter in typed:
        for kept in rest:
            if kept == letter:
                break
            dropped.append(kept)
        else:
            return False  # a letter typed that the notes word does not hold here
    dropped.extend(rest)
    return all(letter in VOWELS for letter in dropped)


def _respelt(typed: str, known: str, stem: list[str]) -> bool:
    """`known` has `typed`'s stem and ends as it does: the slip is inside the word ("inferance",
    "specifity"), not another form of it ("statistic" beside "statistical", "iterating" beside
    "iteration"), which the notes' stem already matches."""
    return tokenize(known) == stem and typed[-ENDING_LETTERS:] == known[-ENDING_LETTERS:]


def _slipped(typed: str, known: str) -> bool:
    """`typed` is `known` with letters dropped or neighbours swapped, nothing else: every letter
    typed is one of the word's. A letter changed or added may make another term ("rmsle" is
    "rmse" and an "l"; "smape" and "shape"), a dropped one seldom does. A three-letter word is
    only taken for two letters swapped ("teh"): one dropped from a four-letter word leaves an
    abbreviation as often as a slip."""
    if len(typed) == SHORTEST and len(known) != SHORTEST:
        return False
    return len(known) >= len(typed) and not Counter(typed) - Counter(known)
