"""Which option a free-text answer picks: the right one, another one, or a hedge between them.

An option is named by its distinctive words (not shared with the other options; scenario words
of the stem left out when others remain); the right one also by the terms of its naming point
(the first key point with a term only the right option contains, synonyms included). A rival is
a word of another option that the right one lacks, or the subject of a key point that contrasts
another thing ("Softmax forces ...", "Mean imputation is ..."). "not X", "rather than X" and
"instead of X" do not name X, nor does a word the key itself says of the right option in a
clause that names the right one ("a lifecycle configuration with an OnStart script" against "a
lifecycle configuration with only an OnCreate script"), nor a verb any option may use ("deploy
the model as a shadow variant" names no "canary deployment"). The pick is what the answer's first
clause names first; an "or" between the right option and a rival, or a thing the key never
mentions, is a hedge, and so is naming another option beside the right one and saying it would
do as well ("one of them will alert"; "probably X, though Y might also work"). A key point's
subject named with another term of its point states that point: in an answer that names the
right option strictly it is no pick.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quiz.answer_text import (
    FUNCTION_WORDS,
    NEGATION_SCOPE,
    REMOVAL_REACH,
    REMOVAL_VERBS,
    REMOVING,
    acronyms_of,
    known_word,
    misspells,
    negated_at,
    normalise,
    prefixed_opposite,
    removal_stems,
    stems,
    term_positions,
    words,
)
from quiz.bank import KeyPoint
from quiz.dismissal import turns_down
from quiz.names_in_text import LEAD_VERBS, lead_clause
from quiz.names_in_text import names as names_in
from quiz.quantities import NUMBER_WORDS, SCALED, quantities, spell_numbers

HEDGE_REACH = 6
# An option this short is a name ("Amazon Bedrock", "Feature attribution drift monitoring").
NAME_WORDS = 4
# An answer states its pick up front: the first clauses that name anything decide it.
LEAD_CLAUSES = 2
UNSURE = re.compile(r"\b(?:either|whichever|both|not sure|unsure|depending|depends|maybe)\b")
# Says that another pick would do as well ("either should work", "whichever works", "one of
# them will alert").
BOTH_DO = re.compile(
    r"\b(?:either (?:should|would|could|will|works?|is fine|one)|whichever works"
    r"|one of (?:them|the two|those) (?:will|would|should|could|might))\b"
)
# Says that another thing would work too ("might also work", "could do it too"): a hedge only
# in an answer that doubts its pick ("probably X, though Y might also work"); a sure answer
# that says it ("Athena; Redshift Spectrum would also work") states a wrong detail.
ALSO_DOES = re.compile(
    r"\b(?:(?:might|may|could|would|should) (?:also work|work (?:too|as well))"
    r"|(?:might|may|could|would|should) (?:also )?do (?:it|that|this|the job))\b"
)
DOUBTS_PICK = re.compile(r"\b(?:probably|not sure|unsure|maybe|perhaps)\b")
# Unsure enough that a key term on one side of an "or" and anything on the other is a hedge.
DOUBT = re.compile(r"\b(?:either|whichever|not sure|unsure|depending|depends|maybe|perhaps)\b")
# Beyond answer_text.FUNCTION_WORDS (always excluded alongside): verbs and names that any
# option may use, so they tell no option apart.
STOPWORDS = frozenset(
    {"add", "amazon", "apply", "aws", "choose", "configure", "create", "deploy", "enable", "keep"}
    | {"make", "pick", "put", "run", "sagemaker", "set", "switch", "turn", "use", "using"}
)
# Adverbs and determiners an option may end on that any answer says in passing ("host them
# together", "the new ones", "first"): they describe, they name no option.
GENERIC = frozenset(
    {"together", "separately", "directly", "automatically", "instead", "first", "new", "ones"}
    | {"same", "own", "per", "still", "already", "always", "again", "every", "each", "other"}
)
# Prepositions beyond FUNCTION_WORDS: a word before one is not a modifier of what follows it.
PREPOSITIONS = frozenset(
    {"about", "across", "after", "along", "around", "before", "behind", "below", "beside"}
    | {"between", "beyond", "during", "inside", "onto", "over", "per", "through", "under"}
    | {"via", "within", "without"}
)
# Words that count what follows them: "several GPUs" is as many GPUs, not another kind of GPU.
QUANTIFIERS = frozenset({"several", "multiple", "many", "few", "some", "most", *NUMBER_WORDS})
# Words that say nothing beside "not sure" in a lead ("hmm, not really sure").
FILLERS = frozenset({"hmm", "um", "well", "honestly", "really", "totally", "i", "m", "am"})
# Words that start another conjunct: "add X and Y or Z" hedges between Y and Z only.
CONJUNCTIONS = frozenset({"and", "then", "plus", "also"})
CONTRAST = frozenset({"rather", "instead", "unlike", "than"})
GONE = frozenset({"gone", "discontinued", "deprecated", "retired", "removed"})
# Words with which an answer turns from the thing its lead spoke of to its pick.
TURNING = frozenset({"instead"}) | REMOVING | REMOVAL_VERBS
# What an option changes: "from X to Y", "replace X with Y", "swap X for Y"; and keeping it.
REPLACED = re.compile(r"\b(?:from|replace|swap)\s+(.+?)\s+(?:to|with|for)\b")
KEEP = frozenset({"keep", "keeping", "stay", "stick", "leave", "retain"})
KEEP_REACH = 3
# Words that end an option's opening name as a function word does ("... against the baseline").
LINKS = frozenset(
    {"against", "per", "over", "across", "via", "through", "after", "before", "using", "under"}
    | {"between", "plus", "without", "within", "followed", "instead", "so", "that", "where"}
)
# What is left of "Rekognition's" once the apostrophe splits it.
POSSESSIVE = "s"
COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
AMOUNT = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|[a-z]+)")
# A number standing alone (not inside a name such as "q3" or "ml.m5"), with what follows it.
BARE = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?![\w.])(?:\s*(?:%|[a-z]+))?")


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
    """What names the right option (loosely), each other option (strictly), and the rivals."""

    right: frozenset[str]
    right_terms: tuple[str, ...]
    others: tuple[frozenset[str], ...]
    naming_point: int | None
    naming_terms: tuple[str, ...]
    rivals: tuple[frozenset[str], ...]
    subjects: tuple[str, ...]
    known: frozenset[str]
    mentioned: frozenset[str]
    term_words: frozenset[str] = frozenset()
    option_words: frozenset[str] = frozenset()
    endorsed: tuple[str, ...] = ()
    # the words of the right option and of its naming terms as written, for their misspellings
    right_words: frozenset[str] = frozenset()
    # no other option removes anything ("Drop every row ...", "Remove the column"): taking a
    # rival away ("drop enhanced fan-out") is then no pick of it
    taking_away: bool = False
    # the stems either side of each "or" the right option says ("for one or three years"): the
    # pick's own alternatives
    own_ors: frozenset[tuple[str, str]] = frozenset()
    # per subject, the other terms of the key points it opens: said with the subject, they
    # state its point rather than pick it (`_states_its_point`)
    subject_terms: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _content_stems(text: str, stopwords: frozenset[str] = STOPWORDS) -> set[str]:
    content = [w for w in words(text) if w not in stopwords and w not in FUNCTION_WORDS]
    return set(stems([w for w in content if len(w) > 1 and w not in GENERIC]))


@lru_cache(maxsize=1024)
def _option_stems(choices: Choices) -> tuple[frozenset[str], ...]:
    """Each option's content stems; when that leaves the right option nothing of its own
    ("A SageMaker Savings Plan" against "A Compute Savings Plan"), the common names count."""
    options = (choices.right, *choices.others)
    sets = [_content_stems(t) for t in options]
    if not sets[0] - set().union(*sets[1:]):
        sets = [_content_stems(t, frozenset()) for t in options]
    return tuple(frozenset(s) for s in sets)


@lru_cache(maxsize=1024)
def _names(choices: Choices, key_points: tuple[KeyPoint, ...]) -> _Names:
    sets = _option_stems(choices)
    scenario = _scenario_stems(choices.stem)
    distinct = _distinctive(sets, scenario)
    right_terms = _right_terms(choices, key_points)
    naming_point, naming_terms = _naming(choices, key_points, right_terms, distinct[0])
    opening = openings(choices)[0]
    if naming_point is not None and opening is not None and opening not in naming_terms:
        # the right option's own opening name names it ("model quality monitor")
        naming_terms = (*naming_terms, opening)
    known = sets[0] | set().union(*(_content_stems(kp.point) for kp in key_points))
    terms = [_content_stems(term) for kp in key_points for term in kp.terms]
    subjects = _subjects(key_points, naming_point, sets[0], naming_terms, choices)
    return _Names(
        right=distinct[0],
        right_terms=right_terms,
        others=tuple(distinct[1:]),
        naming_point=naming_point,
        naming_terms=naming_terms,
        rivals=_rivals(sets, distinct, scenario),
        subjects=subjects,
        known=frozenset(known),
        mentioned=frozenset(known.union(*(sets[1:]), scenario, *terms)),
        term_words=frozenset(set().union(*terms)),
        option_words=frozenset(sets[0]),
        endorsed=_endorsed(choices, key_points, subjects),
        right_words=frozenset(words(" ".join((choices.right, *naming_terms)))),
        taking_away=not any(_removes(text) for text in choices.others),
        own_ors=_ors(choices.right),
        subject_terms=_subject_terms(key_points, subjects),
    )


def _subject_terms(
    key_points: Sequence[KeyPoint], subjects: Sequence[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each subject with the other terms of the key points it opens."""
    return tuple(
        (
            subject,
            tuple(t for kp in key_points if subject in kp.terms for t in kp.terms if t != subject),
        )
        for subject in subjects
    )


def _ors(text: str) -> frozenset[tuple[str, str]]:
    """The stems right before and right after each "or" of the text, numbers as digits."""
    token_stems = _numerals(stems(words(normalise(text))))
    return frozenset(
        (token_stems[i - 1], token_stems[i + 1])
        for i in range(1, len(token_stems) - 1)
        if token_stems[i] == "or"
    )


def _numerals(token_stems: Sequence[str]) -> list[str]:
    """The stems with spelt-out numbers as digits: "1 or 3 yrs" joins what "one or three
    years" joins."""
    return [str(NUMBER_WORDS[s]) if s in NUMBER_WORDS else s for s in token_stems]


def _removes(option: str) -> bool:
    """Whether the option removes something: "Drop every row ...", "Remove the column ..."."""
    return bool(set(stems(words(normalise(option)))) & removal_stems())


def _scenario_stems(stem: str) -> set[str]:
    """The stem's content words and the initials of its names: a stem that says "Kinesis
    Producer Library" sets the scene for "KPL" too, so "the KPL holds records back" describes
    the scenario rather than naming the option that raises KPL aggregation."""
    initials = acronyms_of(re.findall(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+", stem))
    return _content_stems(stem) | set(initials)


def _distinctive(sets: Sequence[frozenset[str]], scenario: set[str]) -> list[frozenset[str]]:
    """Each option's stems that no other option has, the stem's scenario words left out when
    others remain."""
    distinct = []
    for index, own in enumerate(sets):
        rest = set().union(*(s for i, s in enumerate(sets) if i != index))
        mine = own - rest
        distinct.append(frozenset(mine - scenario or mine))
    return distinct


def _rivals(
    sets: Sequence[frozenset[str]], distinct: Sequence[frozenset[str]], scenario: set[str]
) -> tuple[frozenset[str], ...]:
    """Each other option's distinctive stems, and the stems it shares with another wrong option
    but not with the right one ("additive" when two wrong options are additive models)."""
    wrong = sets[1:]
    shared = [
        {s for s in own if any(s in other for j, other in enumerate(wrong) if j != i)}
        - sets[0]
        - scenario
        for i, own in enumerate(wrong)
    ]
    return tuple(mine | more for mine, more in zip(distinct[1:], shared, strict=True))


def _endorsed(
    choices: Choices, key_points: Sequence[KeyPoint], subjects: Sequence[str]
) -> tuple[str, ...]:
    """Terms of the key points that no other option says and that name no alternative the key
    argues against: things the key itself offers ("batch normalization ... also helps")."""
    others = [words(text) for text in choices.others]
    return tuple(
        term
        for kp in key_points
        for term in kp.terms
        if term not in subjects and not any(term_positions(term, t) for t in others)
    )


def _right_terms(choices: Choices, key_points: Sequence[KeyPoint]) -> tuple[str, ...]:
    """Key point terms the right option contains and no other option does."""
    right_tokens = words(choices.right)
    other_tokens = [words(t) for t in choices.others]
    return tuple(
        term
        for kp in key_points
        for term in kp.terms
        if term_positions(term, right_tokens)
        and not any(term_positions(term, tokens) for tokens in other_tokens)
    )


def _naming(
    choices: Choices,
    key_points: Sequence[KeyPoint],
    right_terms: Sequence[str],
    right: frozenset[str],
) -> tuple[int | None, tuple[str, ...]]:
    """The naming point and the terms that name the pick: its own terms, then the head words
    of its multi-word terms that only the right option says."""
    naming_point = next(
        (i for i, kp in enumerate(key_points) if set(kp.terms) & set(right_terms)), None
    )
    naming_terms = key_points[naming_point].terms if naming_point is not None else ()
    # a term that another option says names that option too ("ProcessingFailed means ...")
    other_tokens = [words(t) for t in choices.others]
    naming_terms = tuple(
        t for t in naming_terms if not any(term_positions(t, tokens) for tokens in other_tokens)
    )
    if naming_point is None:
        naming_point, naming_terms = _named_in_point(key_points, right, choices.right)
    else:
        # the option's own name in the naming point ("Clarify measures ...") names it too
        said = _named_in_point(key_points[naming_point : naming_point + 1], right, choices.right)
        naming_terms = (*naming_terms, *(t for t in said[1] if t not in naming_terms))
    if naming_point is None:
        return None, naming_terms
    said_elsewhere = set().union(
        *(
            _content_stems(" ".join((kp.point, *kp.terms)))
            for i, kp in enumerate(key_points)
            if i != naming_point
        )
    )
    heads = _head_words(naming_terms, right - said_elsewhere)
    # not a near spelling of another option's word ("personalised" in "Personalize")
    heads = tuple(h for h in heads if not any(term_positions(h, t) for t in other_tokens))
    return naming_point, (*naming_terms, *heads)


def _head_words(terms: Sequence[str], right: frozenset[str]) -> tuple[str, ...]:
    """The words of a multi-word naming term that only the right option says (and no other key
    point): "registry" of "model registry", "fsx" of "FSx for Lustre" name the pick alone."""
    found = []
    for term in terms:
        tokens = words(term)
        if len(tokens) > 1:
            found += [
                w
                for w, s in zip(tokens, stems(tokens), strict=True)
                if s in right and len(w) >= 3 and w not in FUNCTION_WORDS and w not in STOPWORDS
            ]
    return tuple(w for w in dict.fromkeys(found) if w not in terms)


def _named_in_point(
    key_points: Sequence[KeyPoint], right: frozenset[str], option: str
) -> tuple[int | None, tuple[str, ...]]:
    """When no term tells the right option apart, the first key point whose text says the
    option's distinctive name ("Bedrock is a serverless API ..." for "Amazon Bedrock"), with
    those words as its naming terms. A name is a short option or a capitalised word of it: a
    verb of a longer option ("Decrease the batch size ...") names nothing."""
    short = len(words(option)) <= NAME_WORDS
    capitalised = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][\w-]*", option)}
    named = {w for c in capitalised for w in words(c)}
    for index, kp in enumerate(key_points):
        tokens = words(normalise(kp.point))
        runs: list[list[str]] = [[]]
        for token, stem in zip(tokens, stems(tokens), strict=True):
            if stem in right and token not in FUNCTION_WORDS:
                runs[-1].append(token)
            elif runs[-1]:
                runs.append([])
        found = tuple(" ".join(run) for run in runs if run and (short or named & set(run)))
        if found:
            return index, found
    return None, ()


def _subjects(
    key_points: Sequence[KeyPoint],
    naming: int | None,
    right: set[str],
    naming_terms: Sequence[str],
    choices: Choices,
) -> tuple[str, ...]:
    """Terms that open a key point about an alternative the question offers or describes
    ("Softmax ..." when the stem says the model uses softmax), not about the right option."""
    # when every option is an amount, what the stem names is the thing the amounts are of
    # ("What should num_entity_vectors be set to?"), not an alternative to the right one
    values = all(BARE.search(normalise(text)) for text in (choices.right, *choices.others))
    elsewhere = [words(text) for text in (*choices.others, *([] if values else [choices.stem]))]
    found = []
    for index, kp in enumerate(key_points):
        tokens = words(normalise(kp.point))
        for term in kp.terms:
            if index == naming or term in naming_terms or 0 not in term_positions(term, tokens):
                continue
            offered = any(term_positions(term, tokens) for tokens in elsewhere)
            if offered and not _content_stems(term) & right:
                found.append(term)
    return tuple(found)


def naming_point(
    choices: Choices | None, key_points: Sequence[KeyPoint]
) -> tuple[int | None, tuple[str, ...]]:
    """The key point that introduces the right option, and its terms (which name it)."""
    if choices is None:
        return None, ()
    names = _names(choices, tuple(key_points))
    return names.naming_point, names.naming_terms


def adds_to_the_pick(point: str, choices: Choices | None) -> bool:
    """Whether the point says more than the right option and the scenario do: "Kendra answers
    natural language questions" adds to "Amazon Kendra", "Use a multiplicative model" does not
    add to "A multiplicative model of trend and seasonality"."""
    if choices is None:
        return False
    given = _content_stems(choices.right) | _content_stems(choices.stem)
    return bool(_content_stems(point) - given)


def rival_terms(choices: Choices | None, key_points: Sequence[KeyPoint]) -> frozenset[str]:
    """Terms of the key points that name an alternative: a subject the key argues against
    ("softmax") or a term another option says ("lambda" where one option is AWS Lambda)."""
    if choices is None:
        return frozenset()
    names = _names(choices, tuple(key_points))
    others = [words(text) for text in choices.others]
    offered = [
        term
        for kp in key_points
        for term in kp.terms
        if any(term_positions(term, tokens) for tokens in others)
    ]
    return frozenset((*names.subjects, *offered))


def _unnegated(tokens: Sequence[str], positions: Sequence[int]) -> bool:
    return bool(_unnegated_at(tokens, positions))


def _unnegated_at(
    tokens: Sequence[str], positions: Sequence[int], taking_away: bool = False
) -> list[int]:
    """The positions not denied or set aside; with `taking_away`, nor taken away: "drop
    enhanced fan-out" and "hotspots is gone" name no pick of fan-out or HOTSPOTS."""
    found = []
    for start in positions:
        before = set(tokens[max(0, start - NEGATION_SCOPE) : start])
        if negated_at(tokens, start, start + 1) or CONTRAST & before:
            continue
        if not (taking_away and _taken_away(tokens, start)):
            found.append(start)
    return found


def _taken_away(tokens: Sequence[str], start: int) -> bool:
    taken = set(tokens[max(0, start - REMOVAL_REACH) : start])
    return bool(REMOVING & taken or GONE & set(tokens[start + 1 : start + 1 + REMOVAL_REACH]))


def _right_at(names: _Names, tokens: Sequence[str], token_stems: Sequence[str]) -> list[int]:
    """Where the answer names the right option: a distinctive word or a naming term."""
    hits = [i for i, s in enumerate(token_stems) if _abbreviates(s, names.right)]
    for term in (*names.right_terms, *names.naming_terms):
        hits.extend(term_positions(term, tokens))
    return _unnegated_at(tokens, sorted(set(hits)))


def _names_option(names: _Names, tokens: Sequence[str], token_stems: Sequence[str]) -> bool:
    """Strictly the right option, not a property of it: its distinctive words (one slip
    allowed: "inference recomender") or the terms only it contains ("Standard-IA or Glacier"
    names no option)."""
    # the slip is read on the words as written: "frequent" is no slip of "frequency"
    written = frozenset(w for w in names.right_words if stems([w])[0] in names.right)
    hits = [
        i for i, s in enumerate(token_stems) if s in names.right or misspells(tokens[i], written)
    ]
    hits += [i for term in names.right_terms for i in term_positions(term, tokens)]
    return bool(_unnegated_at(tokens, hits))


def _abbreviates(stem: str, vocabulary: frozenset[str]) -> bool:
    """The stem is a word of the vocabulary or cuts one short ("async" for asynchronous)."""
    return stem in vocabulary or (
        len(stem) >= 5 and any(word.startswith(stem) for word in vocabulary)
    )


def _said_of(
    option: frozenset[str], tokens: Sequence[str], token_stems: Sequence[str]
) -> list[int]:
    """Where the answer says a word of the option's stems. A verb any option may use names
    none, though another option's noun shares its stem: "deploy the new model as a shadow
    variant" names no "canary deployment"."""
    return [i for i, s in enumerate(token_stems) if s in option and tokens[i] not in STOPWORDS]


def _rival_at(
    names: _Names, tokens: Sequence[str], token_stems: Sequence[str]
) -> list[tuple[int, str | None]]:
    """Where the answer names a rival: (position, the option it belongs to, if any)."""
    hits: list[tuple[int, str | None]] = []
    for rival, index in zip(names.rivals, range(len(names.rivals)), strict=True):
        positions = _said_of(rival, tokens, token_stems)
        hits.extend((i, str(index)) for i in _unnegated_at(tokens, positions, names.taking_away))
    for term in names.subjects:
        at = term_positions(term, tokens)
        hits.extend((i, None) for i in _unnegated_at(tokens, at, names.taking_away))
    return sorted(hits, key=lambda hit: hit[0])


def _names_other(
    option: frozenset[str],
    tokens: Sequence[str],
    token_stems: Sequence[str],
    skipped: frozenset[int] = frozenset(),
) -> bool:
    """Strictly: two distinctive words of the option, or half of them, not negated (nor at a
    `skipped` position)."""
    hits = [i for i in _said_of(option, tokens, token_stems) if i not in skipped]
    found = len({token_stems[i] for i in hits})
    named = found >= 2 or (found >= 1 and found * 2 >= len(option))
    return named and _unnegated(tokens, hits)


def read_choice(
    choices: Choices | None, key_points: Sequence[KeyPoint], parts: Sequence[str], text: str = ""
) -> Reading:
    """Whether the answer hedges between the right option and another, or picks another (an
    option, or a name in the lead that the question never says). `text` is the answer as
    written, capitals kept, where names are read."""
    if choices is None or not parts:
        return Reading()
    names = _names(choices, tuple(key_points))
    split = parts[:-1] if len(parts) > 1 else parts
    # the pick is stated in the lead: an "or" further on joins details of the claim
    # ("move them to Standard-IA or Glacier"), not two picks; a clause right after the lead
    # that opens with "or" ("Step Functions; or a Glue workflow") is a second pick
    lead = split[0]
    if len(split) > 1 and (words(split[1])[:1] == ["or"] or _only_unsure(lead)):
        lead = f"{lead} {split[1]}"
    if _or_hedge(names, key_points, lead, normalise(parts[-1])) or _both_do(
        names, choices, parts[-1]
    ):
        return Reading(hedged=True)
    outright = (
        _named_outright(choices, split[0])
        or _named_by_opening(names, choices, split[0])
        or _keeps_the_old(choices, split[0])
    )
    if outright and not _sets_aside(names, split, 0, outright):
        return Reading(other_choice=outright)
    return Reading(other_choice=_pick(names, choices, split, text) or None)


def _both_do(names: _Names, choices: Choices, whole: str) -> bool:
    """The answer names the right option and another one (strictly, or each by its own opening
    name: "model quality monitoring or data quality monitoring"), and says another would do as
    well ("a heat map, though a tree map could also show it, either should work", "probably X,
    though a bigger buffer might also work"): no "or" is needed for a hedge."""
    said = normalise(whole)
    if not BOTH_DO.search(said) and not (ALSO_DOES.search(said) and DOUBTS_PICK.search(said)):
        return False
    tokens = words(whole)
    token_stems = stems(tokens)
    right = _names_option(names, tokens, token_stems) or _opening_at(choices, tokens)
    return bool(right) and (
        any(_names_other(option, tokens, token_stems) for option in names.others)
        or any(
            opening is not None and _unnegated(tokens, _said_exactly(opening, tokens))
            for opening in openings(choices)[1:]
        )
    )


def _only_unsure(lead: str) -> bool:
    """A lead that only says the answer is unsure ("Not sure:", "hmm, maybe") leaves the pick
    to the clause after it, where an "or" is a hedge."""
    rest = UNSURE.sub(" ", DOUBT.sub(" ", lead))
    return rest != lead and not [w for w in words(rest) if w not in FUNCTION_WORDS | FILLERS]


def _keeps_the_old(choices: Choices, lead: str) -> str | None:
    """What the right option changes ("random" in "Set init_method from random to kmeans++",
    "sigmoid" in "Replace sigmoid with ReLU ..."), when the lead keeps it ("Keep init_method
    random", "Keep sigmoid and add more layers"): keeping it is the pick."""
    found = REPLACED.search(normalise(choices.right))
    if found is None:
        return None
    old = [w for w in words(found[1]) if w not in FUNCTION_WORDS]
    old_stems = set(stems(old))
    tokens = words(normalise(lead))
    token_stems = stems(tokens)
    for at, token in enumerate(tokens):
        if token not in KEEP or negated_at(tokens, at, at + 1):
            continue
        if old_stems & set(token_stems[at + 1 : at + 1 + KEEP_REACH]):
            return " ".join(old)
    return None


@lru_cache(maxsize=1024)
def openings(choices: Choices) -> tuple[str | None, ...]:
    """Each option's opening name, when it has one of its own: the words before its first
    function word, two at least, not opening with a verb ("Data quality monitoring" of "Data
    quality monitoring against the training baseline"; none for "Set init_method to ...")."""
    found: list[str | None] = []
    for option in (choices.right, *choices.others):
        tokens = words(option)
        tokens = tokens[1:] if tokens[:1] in (["a"], ["an"], ["the"]) else tokens
        head = list(itertools.takewhile(lambda t: t not in FUNCTION_WORDS | LINKS, tokens))
        verb = head[:1] and (head[0] in STOPWORDS or head[0] in LEAD_VERBS)
        found.append(" ".join(head) if len(head) >= 2 and not verb else None)
    return tuple(f if f is not None and found.count(f) == 1 else None for f in found)


def _opening_at(choices: Choices, tokens: Sequence[str]) -> list[int]:
    """Where the clause says the right option's opening name word for word, not denied
    ("Rekognition content moderation gives moderation labels ...")."""
    opening = openings(choices)[0]
    return _unnegated_at(tokens, _said_exactly(opening, tokens)) if opening is not None else []


def _said_exactly(phrase: str, tokens: Sequence[str]) -> list[int]:
    """Where the tokens say the phrase word for word (stems alike; no typos, a name is exact).
    A possessive's "s" is no word between: "Rekognition's content moderation" says
    "Rekognition content moderation"."""
    wanted = stems(words(phrase))
    kept = [i for i, t in enumerate(tokens) if t != POSSESSIVE or i == 0]
    said = stems([tokens[i] for i in kept])
    size = len(wanted)
    return [kept[i] for i in range(len(said) - size + 1) if said[i : i + size] == wanted]


def _named_by_opening(names: _Names, choices: Choices, lead: str) -> str | None:
    """The other option whose opening name the lead says first, before the right one's: "Data
    quality monitoring with ground truth labels" picks data quality monitoring. An opening of
    words other options share names none ("a warm start tuning job" against a right option
    that is a TRANSFER_LEARNING warm start and another that is a new tuning job)."""
    tokens = words(normalise(lead))
    options = (choices.right, *choices.others)
    sets = _option_stems(choices)
    said = [
        (min(at), index)
        for index, opening in enumerate(openings(choices))
        if opening is not None
        and (
            index == 0
            or set(stems(words(opening))) - set().union(*sets[:index], *sets[index + 1 :])
        )
        and (at := _unnegated_at(tokens, _said_exactly(opening, tokens)))
    ]
    if not said:
        return None
    index = min(said)[1]
    if (
        index
        and _right_at(names, tokens, stems(tokens))
        and _said_by_the_key(names, choices, index)
    ):
        return None
    return options[index] if index else None


def _said_by_the_key(names: _Names, choices: Choices, index: int) -> bool:
    """Whether the key points say every word of the option's opening name ("lifecycle
    configuration" when the key says "lifecycle configurations run shell scripts"): a lead
    that also names the right option describes it in the key's words, it picks no other."""
    opening = openings(choices)[index]
    return opening is not None and set(stems(words(opening))) <= _key_words(names)


def _key_words(names: _Names) -> frozenset[str]:
    """Stems the right option and its key points say, less the subjects of points that argue
    against an alternative ("Lambda is limited to 15 minutes", "Softmax forces ..."): those
    name the alternative, not the right option."""
    return names.known - _stems_of_terms(names.subjects)


@lru_cache(maxsize=1024)
def _stems_of_terms(terms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stems([w for term in terms for w in words(term)]))


def _pick(names: _Names, choices: Choices, split: Sequence[str], text: str) -> str | None:
    """What the lead clauses pick: "" for the right option, another option's text or a name,
    None when they name nothing."""
    for index, part in enumerate(split[:LEAD_CLAUSES]):
        tokens = words(part)
        token_stems = stems(tokens)
        picked = _lead_pick(names, choices, tokens, token_stems, loose=index == 0)
        together = index == 0 and _named_together(choices, token_stems)
        if picked is None and together:
            picked = ""
        if not picked and index == 0:
            picked = _foreign_first(names, choices, lead_clause(text), tokens, picked)
        named = together or _names_option(names, tokens, token_stems)
        if picked == "" and index == 0 and not named:
            picked = _remedy(names, choices, split[1:2]) or picked
        if picked and (
            _turns_to_the_right(names, split[: index + 1], split[index + 1 :])
            or _sets_aside(names, split, index, picked)
            or _states_its_point(names, split, index, picked)
        ):
            return ""
        if picked is not None:
            return picked
    return None


def _turns_to_the_right(names: _Names, lead: Sequence[str], following: Sequence[str]) -> bool:
    """The lead says what the other thing is or was ("Kinesis Data Analytics for SQL has been
    discontinued", "the Lambda reader is registered as an enhanced fan-out consumer") and the
    answer then turns from it to the right option: a later clause names the right option
    strictly and no other, and the answer says it is gone, replaces it ("instead") or takes it
    away ("drop EFO", "deregister it" for "registered"). A pick is stated, not undone."""
    if not any(_names_only_the_right(names, part) for part in following):
        return False
    lead_tokens = [t for part in lead for t in words(part)]
    later = [t for part in following for t in words(part)]
    if GONE & set(lead_tokens + later) or TURNING & set(later):
        return True
    lead_stems, later_stems = set(stems(lead_tokens)), set(stems(later))
    return any(prefixed_opposite(one, other) for one in later_stems for other in lead_stems)


def _sets_aside(names: _Names, split: Sequence[str], index: int, picked: str) -> bool:
    """The lead clause that names the other thing (`picked`) turns it down ("Mechanical Turk
    is out because ...", "Lambda can't take this", "Although BlazingText also makes
    embeddings") and a later clause names the right option strictly and no other ("so set up a
    private workforce"): the answer picks the right one."""
    return turns_down(split[index], picked) and any(
        _names_only_the_right(names, part) for part in split[index + 1 :]
    )


def _states_its_point(names: _Names, split: Sequence[str], index: int, picked: str) -> bool:
    """The lead clause that names a key point's subject (`picked`) says another term of that
    point ("Softmax returns one label per photo", "Linear Learner reads the problem type from
    predictor_type") and the answer names the right option strictly, in that clause or a later
    one: the lead states the subject's point, a fact of the setting or of the alternative, and
    the pick is the right option."""
    others = dict(names.subject_terms).get(picked, ())
    tokens = words(split[index])
    spans = {
        i
        for start in term_positions(picked, tokens)
        for i in range(start, start + len(words(picked)))
    }
    said = any(set(term_positions(term, tokens)) - spans for term in others)
    return said and any(_names_only_the_right(names, part) for part in split[index:])


def _names_only_the_right(names: _Names, part: str) -> bool:
    tokens = words(part)
    token_stems = stems(tokens)
    return _names_option(names, tokens, token_stems) and not any(
        _names_other(option, tokens, token_stems) for option in names.others
    )


def _named_together(choices: Choices, token_stems: Sequence[str]) -> bool:
    """Whether the lead says words of the right option that, together, no other option says:
    "Macie with a custom data identifier" when another option is Macie with managed
    identifiers only and another a custom classifier."""
    sets = _option_stems(choices)
    said = sets[0] & set(token_stems)
    return len(said) >= 2 and not any(said <= other for other in sets[1:])


def _remedy(names: _Names, choices: Choices, following: Sequence[str]) -> str | None:
    """A lead that only diagnoses ("Vanishing gradients", a key point's words, not the right
    option's) is followed by the pick: another option named strictly in the next clause ("so
    apply gradient clipping with a small threshold") is the pick."""
    for part in following:
        tokens = words(part)
        token_stems = stems(tokens)
        if _names_option(names, tokens, token_stems):
            return None
        strictly = zip(names.others, choices.others, strict=True)
        return next(
            (text for option, text in strictly if _names_other(option, tokens, token_stems)), None
        )
    return None


def _foreign_first(
    names: _Names, choices: Choices, lead: str, tokens: Sequence[str], picked: str | None
) -> str | None:
    """A name the question never says, first in a lead that names no option, is the pick
    ("Apache Airflow on MWAA"). In a lead that names the right option (`picked` is "") it is
    the pick when it comes before the right option's first word and no name in the lead names
    the right one: "AWS Transfer Family with ongoing replication", "SageMaker Asynchronous
    Inference", "Linear Learner as a classifier" (not "Use Lambda to start a Step Functions
    state machine", where a name says the pick)."""
    foreign = _foreign_pick(names, lead, tokens)
    if foreign is None or picked is None:
        return foreign[1] if foreign is not None else picked
    # the right option's own opening name says it too ("Rekognition's content moderation API")
    right = _right_at(names, tokens, stems(tokens)) or _opening_at(choices, tokens)
    if (right and right[0] < foreign[0]) or _right_by_name(names, lead):
        return picked
    return foreign[1]


def _right_by_name(names: _Names, lead: str) -> bool:
    """A name in the lead (as written) that names the right option and says nothing else."""
    for name in names_in(lead):
        content = [w for w in words(name) if w not in STOPWORDS and w not in FUNCTION_WORDS]
        content_stems = stems(content)
        if all(known_word(s, names.mentioned) for s in content_stems) and _right_at(
            names, content, content_stems
        ):
            return True
    return False


def _foreign_pick(names: _Names, lead: str, tokens: Sequence[str]) -> tuple[int, str] | None:
    """Where the lead first says a name with a word that no option, key point or the stem says,
    and the name: a pick that is no option ("Apache Airflow" where the options are Step
    Functions, Glue, EMR and Batch)."""
    for name in names_in(lead):
        # a unit ("TB", "MB") is no name of a thing
        content = [
            w
            for w in words(name)
            if w not in STOPWORDS and w not in FUNCTION_WORDS and w not in SCALED
        ]
        if not content or known_word(stems(["".join(content)])[0], names.mentioned):
            continue  # "k-NN" is "knn"
        if names.term_words & set(stems(content)):
            continue  # a name with a word of the key's terms is about the key ("Clarify SHAP")
        # the lead's first word is capitalised as any sentence opens ("Since Athena ...")
        opening = tokens[:1] if lead.split()[:1] == name.split()[:1] else []
        # the right option's name misspelt ("AWS Bacth", "amazon kendera") is no other pick
        foreign = [
            w
            for w, s in zip(content, stems(content), strict=True)
            if len(s) > 1
            and not known_word(s, names.mentioned)
            and w in tokens[len(opening) :]
            and not misspells(w, names.right_words)
        ]
        if foreign:
            return tokens.index(foreign[0]), name
    return None


def _named_outright(choices: Choices, lead: str) -> str | None:
    """The option the lead names by something only that option has: a hyphenated name
    ("SSE-S3" against "SSE-KMS") or an amount ("three shards" against "5 shards"); "" for the
    right option (the words of the lead still decide then: "Firehose with a 7 day buffer"),
    None when the lead names none that way."""
    options = (choices.right, *choices.others)
    marks = [set(_marks(text)) - _scenario_marks(choices.stem) for text in options]
    own = [
        mark - set().union(*(m for j, m in enumerate(marks) if j != i))
        for i, mark in enumerate(marks)
    ]
    for mark in _marks(lead, ordered=True):
        owners = [i for i, found in enumerate(own) if mark in found]
        if owners:
            return "" if owners[0] == 0 else options[owners[0]]
    return None


@lru_cache(maxsize=1024)
def _scenario_marks(stem: str) -> frozenset[object]:
    """Amounts the stem already states ("40 numeric features"), under any word of the stem
    ("40 features"): an answer or option that repeats them restates the scenario, it names no
    option by them."""
    amounts = {mark for mark in _marks(stem) if isinstance(mark, tuple)}
    values = {mark[1] for mark in amounts}
    stem_words = set(stems(words(normalise(stem))))
    # an amount with a unit ("20 GB of memory", "45 minutes") is the same amount in an option
    return frozenset(amounts | {(unit, value) for unit in stem_words for value in values})


def _marks(text: str, *, ordered: bool = False) -> list[object]:
    """Hyphenated names and amounts with a unit, in the order the text says them, leaving out
    those after "not", "rather than", "instead of"."""
    text = normalise(text)
    found: list[tuple[int, object]] = []
    for match in COMPOUND.finditer(text):
        found.append((match.start(), match[0]))
    spelt = spell_numbers(text)
    for match in AMOUNT.finditer(spelt):
        found.extend((match.start(), q) for q in quantities(match[0]) if q[0])
    for match in BARE.finditer(spelt):
        # a plain number is told apart by what it counts: "precision 0.67" against "0.80"
        slot = [w for w in words(spelt[: match.start()]) if w not in FUNCTION_WORDS][-1:]
        if slot and not any(kind for kind, _ in quantities(match[0])):
            value = float(match[1].replace(",", ""))
            found.append((match.start(), (f"@{stems(slot)[0]}", value)))
    kept = []
    for start, mark in sorted(found, key=lambda f: f[0]):
        source = spelt if not isinstance(mark, str) else text
        before = words(source[:start])[-NEGATION_SCOPE:]
        if not (set(before) & (CONTRAST | {"not", "no", "never"})):
            kept.append(mark)
    return kept if ordered else list(dict.fromkeys(kept))


def _lead_pick(
    names: _Names,
    choices: Choices,
    tokens: Sequence[str],
    token_stems: Sequence[str],
    *,
    loose: bool,
) -> str | None:
    """What a lead clause names first: "" for the right option, the rival's option (or the
    rival itself), or None when it names neither. Past the first clause (`loose` False) one
    word of another option is not enough: only a rival subject or strict naming."""
    right = _right_at(names, tokens, token_stems)
    # a word right before the right option's name is part of that name's phrase ("the type
    # TRANSFER_LEARNING"), not a pick of the option it also belongs to
    rivals = [hit for hit in _rival_at(names, tokens, token_stems) if hit[0] + 1 not in right]
    right = right or _opening_at(choices, tokens)
    if right:
        # "a lifecycle configuration with an OnStart script": a word the key itself says of
        # the right option is no pick of another option that also says it
        rivals = [hit for hit in rivals if token_stems[hit[0]] not in _key_words(names)]
    if not loose:
        rivals = [hit for hit in rivals if hit[1] is None]
    if not rivals or (right and right[0] <= rivals[0][0]):
        if right:
            return ""
        strictly = zip(names.others, choices.others, strict=True)
        return next(
            (text for option, text in strictly if _names_other(option, tokens, token_stems)), None
        )
    position, option = rivals[0]
    if option is not None:
        return choices.others[int(option)]
    return next(t for t in names.subjects if position in term_positions(t, tokens))


def _or_hedge(names: _Names, key_points: Sequence[KeyPoint], part: str, whole: str) -> bool:
    """An "or" with the right option on one side and, on the other, another option, a rival,
    a thing the key never mentions, or (when the answer sounds unsure) anything at all."""
    tokens = words(part)
    token_stems = stems(tokens)
    unsure, doubt = bool(UNSURE.search(whole)), bool(DOUBT.search(whole))
    own = names.option_words
    for index, token in enumerate(tokens):
        if token != "or" or _own_or(names, token_stems, index):
            continue
        joined = [i for i in range(index) if tokens[i] in CONJUNCTIONS]
        left = slice(max(0, index - HEDGE_REACH, joined[-1] + 1 if joined else 0), index)
        after = slice(index + 1, index + 1 + HEDGE_REACH)
        if _two_options(names, tokens[:index], tokens[index + 1 :]):
            return True
        for mine, theirs in ((left, after), (after, left)):
            if not _names_option(names, tokens[mine], token_stems[mine]) and not (
                doubt and _says_a_term(key_points, tokens[mine])
            ):
                continue
            other_tokens, other_stems = tokens[theirs], token_stems[theirs]
            # "serverless or asynchronous inference": a word the key never says before the
            # right option's word makes it another thing of that kind
            right = _right_at(names, other_tokens, other_stems)
            if right and not (
                theirs is after and _foreign(names, _modifier(other_tokens, right[0]))
            ):
                continue
            # the right option's own "or" ("for one or three years") is no second pick
            if (unsure or doubt) and not _content_stems(" ".join(other_tokens)) <= own:
                return True
            # "residual connections or batch normalisation" when the key says both
            if any(term_positions(term, other_tokens) for term in names.endorsed):
                continue
            if _rival_at(names, other_tokens, other_stems) or _foreign(names, other_tokens):
                return True
    return False


def _own_or(names: _Names, token_stems: Sequence[str], index: int) -> bool:
    """The "or" at `index` joins what the right option joins with its own "or" ("a one- or
    three-year term" or "1 or 3 yrs" for "for one or three years"): no second pick."""
    if index == 0 or index + 1 >= len(token_stems):
        return False
    return tuple(_numerals(token_stems[index - 1 : index + 2 : 2])) in names.own_ors


def _two_options(names: _Names, before: Sequence[str], after: Sequence[str]) -> bool:
    """The right option named strictly on one side of the "or" and another option strictly on
    the other, however long each is ("Use the Kinesis Producer Library to aggregate and batch
    records or use the Kinesis Client Library ..."), not by words of a term the key itself
    offers (`_Names.endorsed`)."""
    for mine, theirs in ((before, after), (after, before)):
        mine_stems, their_stems = stems(mine), stems(theirs)
        named = _names_option(names, mine, mine_stems)
        # "clip the gradient norm, or lower the learning rate" when the key says lowering it
        # helps too: words inside a thing the key offers name no other option ("increase the
        # learning rate")
        offered = _endorsed_spans(names, theirs)
        other = any(_names_other(option, theirs, their_stems, offered) for option in names.others)
        if named and other and not _names_option(names, theirs, their_stems):
            return True
    return False


def _endorsed_spans(names: _Names, tokens: Sequence[str]) -> frozenset[int]:
    """The positions of the tokens inside a term the key itself offers (`_Names.endorsed`)."""
    return frozenset(
        i
        for term in names.endorsed
        for start in term_positions(term, tokens)
        for i in range(start, start + len(words(term)))
    )


def _modifier(tokens: Sequence[str], end: int) -> list[str]:
    """The words right before `end` that qualify the word there ("serverless" in "serverless
    inference"): back to the first function word or preposition. A word further back is the
    rest of the clause, not another kind of the right option's thing: "layers or tensors over
    several GPUs" and "in its own code or by calling a SageMaker RCF endpoint" join two details
    of one pick. A count ("several", "two") says how many, not which kind."""
    run: list[str] = []
    for token in reversed(tokens[:end]):
        if token in FUNCTION_WORDS or token in PREPOSITIONS:
            break
        if token not in QUANTIFIERS and not token.isdigit():
            run.append(token)
    return run[::-1]


def _says_a_term(key_points: Sequence[KeyPoint], tokens: Sequence[str]) -> bool:
    return any(term_positions(t, tokens) for kp in key_points for t in kp.terms)


def _foreign(names: _Names, tokens: Sequence[str]) -> bool:
    """A content word that neither the right option nor any key point says."""
    content = [w for w in tokens if w not in STOPWORDS and w not in FUNCTION_WORDS and len(w) > 2]
    return any(not known_word(s, names.known) for s in stems(content))
