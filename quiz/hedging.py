"""Which option a free-text answer picks: the right one, another one, or a hedge between them.

An option is named by its distinctive words (not shared with the other options; scenario words
of the stem left out when others remain) or, for the right one, by a key point term that only
the right option contains. "not X", "rather than X" and "instead of X" do not name X.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quiz.answer_text import NEGATION_SCOPE, negated_at, normalise, stems, term_positions, words
from quiz.bank import KeyPoint

HEDGE_REACH = 6
UNSURE = re.compile(r"\b(?:either|whichever|both|not sure|unsure|depending|depends|maybe)\b")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "as",
        "at",
        "is",
        "are",
        "be",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "all",
        "any",
        "use",
        "using",
        "set",
        "into",
        "than",
        "then",
        "so",
        "only",
        "one",
        "aws",
        "amazon",
        "sagemaker",
    ]
)
CONTRAST = frozenset({"rather", "instead", "unlike", "than"})


@dataclass(frozen=True)
class Choices:
    """The question's options as context for free text: the right one, the others, the stem."""

    right: str
    others: tuple[str, ...]
    stem: str = ""

    @classmethod
    def of(cls, options: Mapping[str, str], answer: str, stem: str = "") -> Choices:
        others = tuple(text for letter, text in sorted(options.items()) if letter != answer)
        return cls(options[answer], others, stem)


@dataclass(frozen=True)
class Reading:
    hedged: bool = False
    other_choice: str | None = None


@dataclass(frozen=True)
class _Names:
    """What names the right option (loosely) and each other option (strictly) in an answer."""

    right: frozenset[str]
    right_terms: tuple[str, ...]
    others: tuple[frozenset[str], ...]


def _content_stems(text: str) -> set[str]:
    return set(stems([w for w in words(text) if w not in STOPWORDS and len(w) > 1]))


@lru_cache(maxsize=1024)
def _names(choices: Choices, key_points: tuple[KeyPoint, ...]) -> _Names:
    texts = (choices.right, *choices.others)
    sets = [_content_stems(t) for t in texts]
    scenario = _content_stems(choices.stem)
    distinct = []
    for index, own in enumerate(sets):
        rest = set().union(*(s for i, s in enumerate(sets) if i != index))
        mine = own - rest
        distinct.append(frozenset(mine - scenario or mine))
    right_tokens = words(choices.right)
    other_tokens = [words(t) for t in choices.others]
    right_terms = tuple(
        term
        for kp in key_points
        for term in kp.terms
        if term_positions(term, right_tokens)
        and not any(term_positions(term, tokens) for tokens in other_tokens)
    )
    return _Names(distinct[0], right_terms, tuple(distinct[1:]))


def choice_terms(choices: Choices | None, key_points: Sequence[KeyPoint]) -> frozenset[str]:
    """Key point terms that name the right option (only it contains them)."""
    if choices is None:
        return frozenset()
    return frozenset(_names(choices, tuple(key_points)).right_terms)


def _unnegated(tokens: Sequence[str], positions: Sequence[int]) -> bool:
    for start in positions:
        before = tokens[max(0, start - NEGATION_SCOPE) : start]
        if not negated_at(tokens, start, start + 1) and not CONTRAST & set(before):
            return True
    return False


def _names_right(names: _Names, tokens: Sequence[str], token_stems: Sequence[str]) -> bool:
    """Loosely: any distinctive word of the right option, or a term only it contains."""
    hits = [i for i, s in enumerate(token_stems) if s in names.right]
    if hits and _unnegated(tokens, hits):
        return True
    return any(_unnegated(tokens, term_positions(t, tokens)) for t in names.right_terms)


def _names_other(option: frozenset[str], tokens: Sequence[str], token_stems: Sequence[str]) -> bool:
    """Strictly: two distinctive words of the option, or half of them, not negated."""
    hits = [i for i, s in enumerate(token_stems) if s in option]
    found = len({token_stems[i] for i in hits})
    named = found >= 2 or (found >= 1 and found * 2 >= len(option))
    return named and _unnegated(tokens, hits)


def read_choice(
    choices: Choices | None, key_points: Sequence[KeyPoint], parts: Sequence[str]
) -> Reading:
    """Whether the answer hedges between the right option and another, or picks another."""
    if choices is None or not parts:
        return Reading()
    names = _names(choices, tuple(key_points))
    whole = parts[-1]
    tokens = words(whole)
    token_stems = stems(tokens)
    split = parts[:-1] if len(parts) > 1 else parts
    if any(_or_hedge(names, part, bool(UNSURE.search(normalise(whole)))) for part in split):
        return Reading(hedged=True)
    if _names_right(names, tokens, token_stems):
        return Reading()
    for option, text in zip(names.others, choices.others, strict=True):
        if _names_other(option, tokens, token_stems):
            return Reading(other_choice=text)
    return Reading()


def _or_hedge(names: _Names, part: str, unsure: bool) -> bool:
    """An "or" with the right option on one side and another option (or, when the answer
    sounds unsure, anything else) on the other."""
    tokens = words(part)
    token_stems = stems(tokens)
    for index, token in enumerate(tokens):
        if token != "or":
            continue
        left = slice(max(0, index - HEDGE_REACH), index)
        after = slice(index + 1, index + 1 + HEDGE_REACH)
        for mine, theirs in ((left, after), (after, left)):
            if not _names_right(names, tokens[mine], token_stems[mine]):
                continue
            other_tokens, other_stems = tokens[theirs], token_stems[theirs]
            if any(_names_other(o, other_tokens, other_stems) for o in names.others):
                return True
            if unsure and other_tokens and not _names_right(names, other_tokens, other_stems):
                return True
    return False
