"""Who a key point's claim is about: an answer that says the claim of another of the question's
subjects swaps their roles ("NTM is the cheap one since it only runs on CPU" against "LDA trains
on CPU only"; "keep the KPL, because it sends each record immediately" against "the SDK
PutRecord call sends each record immediately").

A subject is a name that opens a piece of a key point ("The KPL buffers ...", "NTM supports
..."), written in full or by its initials ("FM", "KDA"); the platform's own words ("AWS",
"SageMaker") name no subject. A clause's subject is a subject word it opens with, or, for a
clause that opens with a pronoun ("it", "they"), the first subject word of the clause right
before it ("keep the KPL, because it sends ...").

Two points may open with two things of a kind ("The online store serves ...", "The offline
store keeps ..."): a clause that opens with one and reads like the other's point says that
point's claim of the wrong thing ("the offline store serves the latest values"). A point that
sets apart a thing only another option names ("SSML only affects the document it is written
in") is taken back by a clause that gives that thing what another has ("SSML would also fix
every document").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quiz.answer_text import (
    FUNCTION_WORDS,
    NEGATORS,
    acronyms_of,
    change_of,
    normalise,
    stems,
    term_positions,
    words,
)
from quiz.bank import KeyPoint
from quiz.names_in_text import names as names_in
from retrieval.lexical import PRODUCT_WORDS

# Where a key point's pieces part: each piece may have a subject of its own, and a denial past a
# comma is about another thing (`grade`).
PIECES = re.compile(r"[,;:]")
# A clause opening with one of these speaks of the subject of the clause before.
PRONOUNS = frozenset({"it", "they"})
# Words before a clause's subject that are no part of it ("the online store keeps ...").
ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=4096)
def point_subjects(kp: KeyPoint) -> list[tuple[frozenset[str], tuple[str, ...]]]:
    """Per piece of the point that opens with a name: the name's words (and initials) and the
    point's terms said in that piece beyond the name (what the piece claims of it)."""
    found = []
    for piece in PIECES.split(kp.point):
        subject = _opening_name(piece)
        tokens = words(normalise(piece))
        claims = tuple(
            term
            for term in kp.terms
            if not set(words(term)) & subject and term_positions(term, tokens)
        )
        if subject and claims:
            found.append((subject, claims))
    return found


def _opening_name(piece: str) -> frozenset[str]:
    """The words of the name the piece opens with and its initials ("Factorization Machines"
    -> factorization, machines, fm)."""
    tokens = [t for t in words(piece) if t not in FUNCTION_WORDS | PRODUCT_WORDS]
    for name in names_in(piece):
        named = [t for t in words(name) if t not in FUNCTION_WORDS | PRODUCT_WORDS]
        if named and tokens and tokens[0] in named:
            return frozenset(named) | frozenset(acronyms_of([" ".join(named)]))
    return frozenset()


def question_subjects(key_points: Sequence[KeyPoint]) -> frozenset[str]:
    """The words of every name that opens a piece of one of the question's key points."""
    return frozenset(w for kp in key_points for name, _ in point_subjects(kp) for w in name)


def swaps_roles(
    kp: KeyPoint, subjects: frozenset[str], tokens: Sequence[Sequence[str]], own: Sequence[int]
) -> bool:
    """Whether a clause (one of `own`; the last of `tokens` is the whole answer) says a term of
    a piece of the point that opens with a name, of another of the question's `subjects`,
    and names the piece's own subject nowhere."""
    pieces = point_subjects(kp)
    if not pieces:
        return False
    starts = {i: _start(tokens[i], tokens[-1]) for i in own}
    for index in own:
        subject = _clause_subject(index, tokens, starts, subjects)
        for name, claims in pieces:
            if subject is None or subject in name or _names(name, tokens[index]):
                continue
            if any(_claimed_at(term, tokens[index]) for term in claims):
                return True
    return False


@lru_cache(maxsize=1024)
def paired_subjects(key_points: tuple[KeyPoint, ...]) -> tuple[tuple[str, str] | None, ...]:
    """Per point that opens with a term naming one of two things of a kind, two points'
    terms of two words or more with the same last word ("The online store serves ...", "The
    offline store keeps ..."): the point's own term and the other point's; else None."""
    openings = [_opening_term(kp) for kp in key_points]
    paired: list[tuple[str, str] | None] = []
    for index, term in enumerate(openings):
        others = [
            other
            for at, other in enumerate(openings)
            if at != index and term and other and _of_a_kind(term, other)
        ]
        paired.append((term, others[0]) if term and len(others) == 1 else None)
    return tuple(paired)


def _opening_term(kp: KeyPoint) -> str | None:
    """The point's term of two words or more that the point opens with, past an article."""
    tokens = _past_articles(words(normalise(kp.point)))
    return next(
        (t for t in kp.terms if len(words(t)) >= 2 and 0 in term_positions(t, tokens)), None
    )


def _of_a_kind(term: str, other: str) -> bool:
    """Two terms that name two things of one kind: "online store" and "offline store"."""
    mine, theirs = words(term), words(other)
    return mine[-1] == theirs[-1] and bool(set(mine) - set(theirs))


def _past_articles(tokens: Sequence[str]) -> Sequence[str]:
    return tokens[1:] if tokens and tokens[0] in ARTICLES else tokens


def swaps_paired_roles(
    pair: tuple[str, str] | None,
    tokens: Sequence[Sequence[str]],
    own: Sequence[int],
    nearest: Sequence[bool],
) -> bool:
    """Whether a clause that opens with the other thing of the point's pair (`pair`: the
    point's term and the other's), writes nothing that tells the point's own thing from it and
    reads closest to this point of all, close enough to make it (`nearest`), says the point's
    claim of the other thing: "the offline store serves the latest values" against "the online
    store serves the latest values with low latency"."""
    if pair is None:
        return False
    term, other = pair
    distinct = set(words(term)) - set(words(other))
    for index in own:
        clause = _past_articles(tokens[index])
        if not nearest[index] or 0 not in term_positions(other, clause):
            continue
        if not any(term_positions(word, clause) for word in distinct):
            return True
    return False


# Words that give a thing what another has ("SSML would also fix every document").
ADDITIVES = frozenset({"also", "too", "either"})
# Words that set a piece's subject apart ("SSML only affects ...", "Fargate has no GPUs").
LIMITS = NEGATORS | {"only"}


def grants_the_limit(
    kp: KeyPoint, offered: frozenset[str], tokens: Sequence[Sequence[str]], own: Sequence[int]
) -> bool:
    """Whether a clause that opens with a thing that only another option names (`offered`, by
    stem) and that a piece of the point sets apart ("SSML only affects the document it is
    written in", "Fargate has no GPUs") gives it what another has ("SSML would also fix every
    document at once", "Fargate would give them GPUs too")."""
    limited = {_head(piece) for piece in PIECES.split(kp.point)} & offered
    return any(
        clause and stems(clause[:1])[0] in limited and ADDITIVES & set(clause)
        for clause in (_past_articles(tokens[index]) for index in own)
    )


def _head(piece: str) -> str | None:
    """The stem of the word a piece that sets its subject apart opens with."""
    tokens = _past_articles(words(normalise(piece)))
    if not tokens or not LIMITS & set(tokens):
        return None
    return stems(tokens[:1])[0]


# Words after which a conjunct opens with a subject of its own: "KDA for SQL is discontinued and
# Flink has no built-in function" says nothing of KDA about Flink.
CONJUNCTIONS = frozenset({"and", "but", "while", "whereas"})


def _claimed_at(term: str, tokens: Sequence[str]) -> bool:
    """Whether the clause says the term where it is claimed of the clause's subject: not where
    the term stands as a subject itself, opening the clause ("Kafka Connect connectors move
    over unchanged") or a conjunct ("... and Flink has no built-in function")."""
    return any(
        start > 0 and tokens[start - 1] not in CONJUNCTIONS
        for start in term_positions(term, tokens)
    )


def _clause_subject(
    index: int,
    tokens: Sequence[Sequence[str]],
    starts: dict[int, int | None],
    subjects: frozenset[str],
) -> str | None:
    """The subject word the clause opens with, or the one a pronoun opening it refers to: the
    first subject word of the clause that ends nearest before it."""
    clause = tokens[index]
    if not clause or clause[0] not in subjects | PRONOUNS:
        return None
    if clause[0] in subjects:
        return clause[0]
    start = starts[index]
    before = [
        (begin + len(tokens[j]), begin, j)
        for j, begin in starts.items()
        if begin is not None and start is not None and begin + len(tokens[j]) <= start
    ]
    if not before:
        return None
    previous = tokens[max(before)[2]]
    return next((t for t in previous if t in subjects), None)


def _start(clause: Sequence[str], whole: Sequence[str]) -> int | None:
    """Where the clause's words begin in the whole answer's, if they occur there in a row."""
    size = len(clause)
    return next(
        (j for j in range(len(whole) - size + 1) if list(whole[j : j + size]) == list(clause)),
        None,
    )


def _names(name: frozenset[str], tokens: Sequence[str]) -> bool:
    """Whether the clause writes a word of the name, a typo of it included ("greengras")."""
    return any(term_positions(word, tokens) for word in name)


# What a point says of each of two things changed opposite ways ("recall rises and precision
# falls"): the change words of answer_text, and the verbs of a level that moves by itself.
RISES = frozenset({"rise", "rises", "rising", "climb", "climbs"})
FALLS = frozenset({"fall", "falls", "falling", "sink", "sinks"})
# How near a change word stands to the thing it changes ("raises precision", "recall rises").
CHANGE_REACH = 2


def reverses_roles(point_tokens: Sequence[str], tokens: Sequence[str]) -> bool:
    """The point relates two things and the clause relates the same two the other way round:
    it divides them the other way ("positives divided by negatives" against "negative cases
    divided by positive cases"), or changes each the way the point changes the other ("raises
    precision and lowers recall" against "recall rises and precision falls")."""
    return _ratio_reversed(point_tokens, tokens) or _changes_reversed(point_tokens, tokens)


def _ratio_reversed(point_tokens: Sequence[str], tokens: Sequence[str]) -> bool:
    wanted, said = _ratio(point_tokens), _ratio(tokens)
    if wanted is None or said is None:
        return False
    (top, bottom), (said_top, said_bottom) = wanted, said
    return bool((said_top & bottom) - top) and bool((said_bottom & top) - bottom)


def _ratio(tokens: Sequence[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The stems of the content words just before and just after "divided by"."""
    for index in range(len(tokens) - 1):
        if tokens[index] == "divided" and tokens[index + 1] == "by":
            before = tokens[max(0, index - CHANGE_REACH) : index]
            after = tokens[index + 2 : index + 2 + CHANGE_REACH]
            return _content_stems(before), _content_stems(after)
    return None


def _content_stems(tokens: Sequence[str]) -> frozenset[str]:
    return frozenset(stems([t for t in tokens if t not in FUNCTION_WORDS]))


def _changes_reversed(point_tokens: Sequence[str], tokens: Sequence[str]) -> bool:
    wanted = _changed(point_tokens)
    if set(wanted.values()) != {1, -1}:
        return False
    said = _changed(tokens)
    shared = [w for w in wanted if w in said]
    return {wanted[w] for w in shared} == {1, -1} and all(said[w] == -wanted[w] for w in shared)


def _changed(tokens: Sequence[str]) -> dict[str, int]:
    """Per content word (by stem), the way the nearest change word within reach changes it."""
    ways = [_way(t) for t in tokens]
    found: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token in FUNCTION_WORDS or ways[index]:
            continue
        near = sorted(
            (abs(j - index), ways[j])
            for j in range(max(0, index - CHANGE_REACH), min(len(tokens), index + CHANGE_REACH + 1))
            if ways[j]
        )
        if near:
            found.setdefault(stems([token])[0], near[0][1])
    return found


def _way(token: str) -> int:
    """+1 for a word that raises, -1 for one that lowers, else 0."""
    if token in RISES:
        return 1
    if token in FALLS:
        return -1
    return change_of(token)
