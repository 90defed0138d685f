"""A scenario's answer: the pooled passage whose sentences meet most of the stem's requirements,
quoted where they meet them, with the service or approach it is about named ahead; a second
option when the ask wants two services, and a line for each need of a two-need stem whose ask
wants two things (`two_needs`)."""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from retrieval.asked_kind import asked_kind, states_kind
from retrieval.challenge import with_limitation
from retrieval.compose import (
    ASK_ONLY,
    ASKED_KIND_WEIGHT,
    CONSTRAINT_MET,
    COVER_MARGIN,
    FOCUS_WEIGHT,
    GENERIC_HEADING,
    LEXICAL_MET_SCALE,
    MAX_SENTENCES,
    NEW_WORDS_WEIGHT,
    PLACE_PENALTY,
    PLURAL_ASK,
    PRODUCT_PREFIX,
    PRONOUN,
    SCENARIO_POOL,
    SENTENCE_MARGIN,
    Candidate,
    Composition,
    _card_subject,
    _names_thing,
    _words_in,
    covers,
    heading_terms,
    is_title,
    sentence_words,
    subject_of,
)
from retrieval.documents import Chunk
from retrieval.lexical import tokenize
from retrieval.rarity import rarity_weights, sentence_counts
from retrieval.remedy import states_remedy, tells_failure
from retrieval.search import Hit, Searcher
from retrieval.thing import with_thing
from retrieval.two_needs import asks_two, other_need_line

if TYPE_CHECKING:
    from retrieval.compose import Composer

# A passage headed by what the stem's symptoms mean ("Overfitting" for 99 % training / 70 %
# validation) is where the remedies are: the stem's words match the "Underfitting" passage as
# well, which quoted "train longer" for an overfitting model.
DIAGNOSIS_WEIGHT = 0.5
# How close a pooled passage is to the stem: its cosine and search's fused score (cosine and
# BM25) in these shares. A long stem dilutes the cosine, and the passage holding the stem's rare
# words ("highly correlated ... variance": the PCA passage; "Rekognition ... label": the card
# saying it cannot create training labels) ranked first in search yet lost to one with a closer
# cosine. Tuning parts: 0.5 scores best, 0.25 and 1 a question lower, 0 (the cosine alone) three
# lower.
FUSED_SHARE = 0.5
# How much the stem's requirements met (rarity-weighted cosines above CONSTRAINT_MET, summed) weigh
# against closeness. A distractor restates the stem's setting or symptom and so meets its
# requirements while search's clearly closer passage holds the answer; met in full, they picked
# Data Leakage for a stem asking how to split, and left out, a camera-feed stem lost the line that
# video must come from Kinesis Video Streams. Read on tune and b8-b14: 0.25-0.75 score the same.
MET_WEIGHT = 0.5
# A requirement whose every word is in more than this share of the notes' sentences is met
# everywhere ("no model of their own": "model").
COMMON_SHARE = 0.02
COMMON_FLOOR = 5  # in a small set of notes, a word in a handful of sentences still tells
# A sentence closer to the ask ("What kind of instances should the multi-instance job use?") than
# to the whole question answers it; one closer to the whole question restates the stem ("As of
# XGBoost 1.2, single-instance GPU training is available" for a stem planning a GPU fleet).
# Tuning parts: 1.0-1.5 score the same (seeds +4, shipped +1, none lost), 0.5 gains two, 2.0
# loses a shipped scenario.
ASK_WEIGHT = 1.0
# How much of the stem's requirements (rarity-weighted shares, summed) a sentence must hold beyond
# the quoted ones to be quoted as well (`with_unmet`). Tuning parts (tune, b8-b13): 0.1 and 0.2
# gain five scenarios, 0.3 four; none lost. The larger adds fewer sentences.
UNMET_GAIN = 0.2
# How much a sentence naming a thing the stem does not name weighs when the ask wants a name
# ("Which required hyperparameter did they leave out?"): the stem's own names are its setting
# ("The team set epochs, context_length and prediction_length"), and the sentences restating
# them matched the stem best while the one naming `time_freq` answered.
NEW_NAME_WEIGHT = 0.3
# A passage naming the asked kind is lifted only when it already fits within this of the best
# passage: the notes use a kind word in other senses too ("step size" and "Steps shrink ..." for
# "Which step did the team skip?", "odd metric values" for "Which num_samples_per_tree
# value ...?"), and such a word lifted a passage from far behind over the one holding the answer
# (the log transform's "invert the predictions with the exponential"; the RCF hyperparameters'
# 256). Tuning parts (tune, b8-b17): 0.2 gains those two and changes no other answer; 0.15 also
# loses a team's scenario whose "status of transformed data:" passage sat that far behind; 0.25
# keeps only the second gain; 0.3 or more is the unbounded lift.
KIND_RIVAL_MARGIN = 0.2
# How much of the stem's requirements (rarity-weighted shares, summed, as `with_unmet` reads them)
# a remedy line must hold to be quoted after a failure stem's quote (`with_remedy`): a remedy line
# about something else the passage covers holds little of the stem ("For development, stop idle
# notebook instances ..." for a radiology endpoint). Read on tune and b8-b20: 0.3 gains three
# (Instance fleets at 0.32 over "Use Spot on the master ... because" at 0.28; Workgroups at 0.34;
# EMRFS at 0.37) and changes no other answer; 0.2 also adds a line to two right answers; 0.4
# gains none.
REMEDY_SHARE = 0.3
# An ask for a setting by what is done with it ("What should we configure?", "What must every
# request carry?") wants a name as "Which setting?" does: the sentence naming the parameter
# ("... with the TargetContainerHostname parameter") answers, the one describing the service
# restates the stem. Not "add" nor "change": what is added or changed is as often a step (an
# imputation, a flag column) as a named thing. Read on tune and b8-b21: +1 (the parameter a
# request carries), two other answers changed (a right one gained a line), none lost; with
# "add", two answers already wrong also lost their best line.
SETTING_ASK = re.compile(
    r"\bwhat\s+(?:should|must|do|does|would|could|can)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:configure|set|enable|turn on|switch on|carry|pass|specify|include)\b",
    re.I,
)

# The ask's own word (`with_ask_word`) counts only when at most this share of the notes' sentences
# hold it: "flapping", "dictionary", "built-in" on the team's notes name what is asked, while
# "set", "train", "ml", "aws" are said everywhere and brought lines beside the point
# ("Training channel, optional validation ...", "If the source language is set to auto ...").
# Read on tune and b8-b24: with no bound, 22 answers changed (+3, about seven with a stray line);
# at 0.01, 12 changed (the same +3, one line beside the point: "Gradient clipping does not help
# here" under a weight initialisation ask).
ASK_WORD_SHARE = 0.01
# How far a passage's closest sentence to the question (its plain sentence score) must lead every
# quoted reason to be quoted too (`with_closest`): the reasons' bonuses (a name the question does
# not hold, a word of the ask, a requirement's words) lift lines that restate the setting
# ("Amazon Translate is the neural machine translation service ...") over the line that answers
# ("Formality and profanity masking settings exist ...", "Choose it when the shape or area of a
# region matters ..."). Read on tune and b8-b25: 0, 0.03 and 0.05 gain the same three; 0 changes
# 27 answers, 0.05 changes 11 (two of them already wrong gain a line beside the point).
CLOSEST_LEAD = 0.05
# What an ask sets its want against ("... for text, as opposed to flipping or cropping images"):
# not what it asks for.
CONTRAST = re.compile(r"\b(?:as opposed to|rather than|instead of|unlike)\b[^?.;]*", re.I)

# How notes name a storage or data location ("Data Storage for Machine Learning > Amazon S3",
# "DynamoDB: a NoSQL database", "Redshift is a data warehouse"), in a heading or the opening
# sentence of a passage about it. Not "stored": "analyses videos stored in S3" names a service
# that reads data kept elsewhere.
STORAGE = re.compile(
    r"\b(?:stor(?:e|es|age)|buckets?|databases?|data ?lakes?|data ?warehous\w*|file ?systems?)\b",
    re.I,
)
# Per index (its searcher, as rarity's counts are kept): the subjects its notes name storage.
_STORES: weakref.WeakKeyDictionary[Searcher, frozenset[str]] = weakref.WeakKeyDictionary()


def compose_scenario(composer: Composer, hits: Sequence[Hit]) -> Composition:
    """The passage meeting most of the stem's requirements, quoted where it meets them."""
    pool = list(hits[:SCENARIO_POOL])
    best = best_fit(composer, pool)
    candidates = [c for c in composer.candidates(pool) if best and c.rank == best[0]]
    if best is None or not candidates:
        return composer.single_passage(pool, composer.candidates(pool), 0.0)
    rank, sims = best
    hit = pool[rank]
    chosen = composer._with_antecedent(reasons(composer, hit, candidates, sims, pool), candidates)
    chosen = composer._leaning_placed(chosen, candidates)
    lead = named(hit.chunk)
    sentences = composer._render(chosen, pool)
    if GENERIC_HEADING.match(lead) or lead.lower() in " ".join(sentences).lower():
        lead = ""
    ranks = [rank]
    second = second_option(composer, pool, rank) if PLURAL_ASK.search(composer.ask.focus) else None
    if asks_two(composer.ask.focus):
        quoted = [*chosen, *([second] if second is not None else [])]
        needed = other_need_line(composer, pool, rank, quoted)
        if needed is not None:
            own, second = needed
            sentences = composer._render(own, pool)
    if second is not None:
        ranks.append(second.rank)
        name = subject_of(pool[second.rank].chunk) or _card_subject(pool[second.rank].chunk)
        text = composer._render([second], pool)[0]
        sentences.append(text if name.lower() in text.lower() else f"{name}: {text}")
    return Composition(
        sentences,
        ranks,
        max(c.context for c in candidates),
        covers(composer.terms, heading_terms(hit.chunk)),
        lead,
    )


def best_fit(composer: Composer, pool: list[Hit]) -> tuple[int, np.ndarray] | None:
    """The pooled passage that fits the stem best, with how far each of its sentences
    meets each requirement: requirements met (`MET_WEIGHT`), closeness (`FUSED_SHARE`), search
    rank, the asked kind named (`names_kind`, for a close rival only: `KIND_RIVAL_MARGIN`), less
    a passage about where the data sits. Met
    requirements weigh half: the sentences that hold a requirement's words most often restate
    the stem's symptom or setting ("validation scores look excellent but production performance
    is poor" on the data leakage passage for a stem asking how to split; "choose Kinesis Data
    Firehose for simple delivery" on the Glue passage for a stem whose events go through
    Firehose). A sentence giving advice ("use", "choose") earns nothing: a distractor says it as
    often (Glue streaming ETL's "Choose Glue streaming ETL when ..." for a serverless SQL stem
    Athena answers). Met requirements also pick the passage's sentences (`reasons`)."""
    needs = requirements(composer)
    fits: list[tuple[float, bool, int, np.ndarray]] = []
    for rank, hit in enumerate(pool):
        rows = composer.files.sentence_rows(hit.row)
        if rows.size == 0:
            continue
        sims = constraints_met(composer, hit, rows, needs)
        fits.append((_fit(composer, hit, rank, sims), names_kind(composer, hit.chunk), rank, sims))
    if not fits:
        return None
    rival = max(fit for fit, *_ in fits) - KIND_RIVAL_MARGIN
    best = max(fits, key=lambda f: f[0] + ASKED_KIND_WEIGHT * (f[1] and f[0] >= rival))
    return best[2], best[3]


def _fit(composer: Composer, hit: Hit, rank: int, sims: np.ndarray) -> float:
    """How well a pooled passage fits the stem, the asked kind aside (`best_fit`)."""
    met = float(np.clip(sims.max(axis=0) - CONSTRAINT_MET, 0, None).sum()) if sims.size else 0
    return (
        MET_WEIGHT * met
        + (1 - FUSED_SHARE) * hit.dense
        + FUSED_SHARE * hit.score
        + 0.1 / (rank + 1)
        - PLACE_PENALTY * (is_place(composer, hit.chunk) or about_rejected(composer, hit.chunk))
        + DIAGNOSIS_WEIGHT * diagnosed(composer, hit.chunk)
    )


def reasons(
    composer: Composer, hit: Hit, candidates: list[Candidate], sims: np.ndarray, pool: list[Hit]
) -> list[Candidate]:
    """The passage's one or two sentences that best say why it fits: score plus the
    requirements each meets; a second one when close, or when it holds stem words the
    first lacks and is within COVER_MARGIN. An ask for one named thing by its kind ("Which
    permission ...?") gets the sentence naming it (`thing.with_thing`)."""
    reason = {c.row: c.score for c in candidates}
    rows = composer.files.sentence_rows(hit.row).tolist()
    if sims.size:
        for index, row in enumerate(rows):
            if row in reason:
                reason[row] += float(np.clip(sims[index] - CONSTRAINT_MET, 0, None).sum())
    focus = set(tokenize(composer.ask.focus))
    for row, closer in closer_to_ask(composer, candidates).items():
        reason[row] += ASK_WEIGHT * closer
    for c in candidates:
        words = composer._words(c.row, hit)
        if words:  # says something the stem does not: an answer, not the problem again
            reason[c.row] += NEW_WORDS_WEIGHT * len(words - composer.terms) / len(words)
        reason[c.row] += FOCUS_WEIGHT * bool(focus & words)  # "what must we set?": "set"
        reason[c.row] += ASKED_KIND_WEIGHT * composer.names_kind(c.row, hit)
    for row in names_new(composer, candidates):
        reason[row] += NEW_NAME_WEIGHT
    ordered = sorted(candidates, key=lambda c: (not composer._usable(c, pool), -reason[c.row]))
    first = ordered[0]
    chosen = [first]
    for candidate in ordered[1:]:
        if len(chosen) >= 2:
            break
        close = reason[candidate.row] >= reason[first.row] - 2 * SENTENCE_MARGIN
        adds = bool(stem_terms(composer, candidate.row, hit) - stem_terms(composer, first.row, hit))
        reasonable = reason[candidate.row] >= reason[first.row] - COVER_MARGIN
        if (close or (adds and reasonable)) and composer._distinct(candidate.row, first.row):
            chosen.append(candidate)
    usable = [c for c in ordered if composer._usable(c, pool)]
    chosen = with_unmet(composer, hit, usable, with_asked(composer, hit, usable, chosen))
    chosen = with_remedy(composer, hit, usable, with_ask_word(composer, hit, usable, chosen))
    chosen = with_limitation(composer, usable, with_thing(composer, usable, chosen))
    return sorted(with_closest(composer, hit, usable, chosen), key=lambda c: c.start)


def names_new(composer: Composer, candidates: list[Candidate]) -> set[int]:
    """The rows of the sentences naming a thing the question does not name, when the ask wants
    a name (`asked_kind`, or a setting by what is done with it: `SETTING_ASK`); none otherwise."""
    question = composer.ask.text
    if asked_kind(question) != "name" and not SETTING_ASK.search(composer.ask.focus):
        return set()
    return {c.row for c in candidates if states_kind("name", c.text, question)}


def closer_to_ask(composer: Composer, candidates: list[Candidate]) -> dict[int, float]:
    """How much closer each sentence is to the scenario's ask alone than to the whole question
    (its stem and ask), by row; nothing when the question has no ask apart from its stem."""
    ask = composer.ask.focus.strip()
    if not ask or ask == composer.ask.text.strip() or not candidates:
        return {}
    vector = composer.searcher.prepare(ask)[1]
    rows = [c.row for c in candidates]
    to_ask = composer.files.sentence_vectors[rows].astype(np.float32) @ vector
    return {
        c.row: max(0.0, float(cosine) - c.similarity)
        for c, cosine in zip(candidates, to_ask.tolist(), strict=True)
    }


def with_asked(
    composer: Composer, hit: Hit, ordered: list[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """The reasons hold what the ask names ("what must we set?": "Must set tree_method to
    gpu_hist"); when none does, the passage's best sentence that does is quoted too."""
    asked = set(tokenize(composer.ask.focus)) - ASK_ONLY
    if not asked or any(asked & composer._words(c.row, hit) for c in chosen):
        return chosen
    extra = next(
        (
            c
            for c in ordered
            if asked & composer._words(c.row, hit)
            and all(composer._distinct(c.row, o.row) for o in chosen)
        ),
        None,
    )
    return chosen if extra is None else [*chosen, extra][:MAX_SENTENCES]


def with_ask_word(
    composer: Composer, hit: Hit, usable: list[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """The ask's own rarest word, one the stem and the passage's heading do not hold ("Which
    setting stops this flapping?": "flapping"; "What should I use if I need real dictionary
    words?": "dictionary"), names what the answer is about; when no quoted sentence holds it, the
    passage's best sentence that does is quoted too, while there is room: the quoted ones met the
    stem by restating its setting or symptom."""
    if _slots(composer, chosen, usable) >= MAX_SENTENCES:
        return chosen
    stem = set(tokenize(" ".join(composer.ask.constraints)))
    asked = CONTRAST.sub("", composer.ask.focus)
    own = set(tokenize(asked)) - ASK_ONLY - stem - _given(composer, hit)
    counts, total = _sentence_rarity(composer)
    rare = {t for t in own if counts.get(t, 0) <= max(ASK_WORD_SHARE * total, 1)}
    held = {t for t in rare for c in usable if t in composer._words(c.row, hit)}
    if not held:
        return chosen
    rarest = min(held, key=lambda t: (counts.get(t, 0), t))
    if any(rarest in composer._words(c.row, hit) for c in chosen):
        return chosen
    extra = next(
        (
            c
            for c in usable
            if rarest in composer._words(c.row, hit) and _adds(composer, c, chosen, hit, set())
        ),
        None,
    )
    return chosen if extra is None else [*chosen, extra]


def with_unmet(
    composer: Composer, hit: Hit, usable: list[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """The passage's sentence that meets a stem requirement the quoted ones leave unmet is quoted
    too: the best-scored sentences restate the setting ("P family: GPUs for large training
    jobs" for a stem on GPU instances) while the one holding the stem's other words answers
    ("Trn1: AWS chips built for training" for "the chips AWS built for training"). Each
    requirement is read without the passage's own heading words and the stem's places, which
    every sentence of the passage says; its other words weigh by rarity."""
    if _slots(composer, chosen, usable) >= MAX_SENTENCES or not composer.ask.constraints:
        return chosen
    needs = unmet_needs(composer, hit)
    quoted = np.max([requirement_shares(composer, c.row, hit, needs) for c in chosen], axis=0)
    suggested = rejected_terms(composer)
    best: tuple[float, Candidate] | None = None
    for candidate in usable:
        if not _adds(composer, candidate, chosen, hit, suggested):
            continue
        shares = requirement_shares(composer, candidate.row, hit, needs)
        gain = float(np.clip(shares - quoted, 0, None).sum())
        if gain >= UNMET_GAIN and (best is None or gain > best[0]):
            best = (gain, candidate)
    return chosen if best is None else [*chosen, best[1]]


def with_remedy(
    composer: Composer, hit: Hit, usable: list[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """For a stem telling of a failure (`remedy.tells_failure`), the passage's line stating a
    remedy (`remedy.states_remedy`) that holds the most of the stem's requirements, at least
    REMEDY_SHARE and more than any quoted remedy line, is quoted too while there is room: the
    quoted sentences meet the stem by restating its setting ("On-Demand or Reserved Instances for
    the steady master and core capacity, and Spot task nodes added for peaks such as a nightly
    Spark job" for Spot capacity that runs out), and the remedy line answers it ("Instance fleets
    can mix several instance types to improve the chance of getting Spot capacity")."""
    if not tells_failure(composer.ask.constraints) or _slots(composer, chosen, usable) >= (
        MAX_SENTENCES
    ):
        return chosen
    needs = unmet_needs(composer, hit)

    def held(c: Candidate) -> float:
        return float(requirement_shares(composer, c.row, hit, needs).sum())

    said = max((held(c) for c in chosen if states_remedy(c.text)), default=0.0)
    quoted = {c.row for c in chosen}
    lines = [
        (held(c), c)
        for c in usable
        if c.row not in quoted and states_remedy(c.text) and _adds(composer, c, chosen, hit, set())
    ]
    best = max(lines, key=lambda line: line[0], default=None)
    if best is None or best[0] < max(REMEDY_SHARE, said + 1e-9):
        return chosen
    return [*chosen, best[1]]


def with_closest(
    composer: Composer, hit: Hit, usable: list[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """The passage's sentence closest to the question (the best plain score) is quoted too, while
    there is room, when it leads every quoted one by CLOSEST_LEAD: the reasons' bonuses picked
    lines restating the stem's setting over it. When it makes the same point as one quoted line
    (`_distinct` fails), it is quoted in that line's place ("The Tf-Idf ... penalizes generic
    words ..." for "an algorithm used to convert text data into ... numerical representation")."""
    if not usable or _slots(composer, chosen, usable) >= MAX_SENTENCES:
        return chosen
    closest = max(usable, key=lambda c: c.score)
    if closest.score < max(c.score for c in chosen) + CLOSEST_LEAD:
        return chosen
    same = [c for c in chosen if not composer._distinct(closest.row, c.row)]
    if len(same) == 1 and not composer._leans(closest):  # the same point, said closer
        return [closest if c is same[0] else c for c in chosen]
    return [*chosen, closest] if _adds(composer, closest, chosen, hit, set()) else chosen


def _slots(composer: Composer, chosen: list[Candidate], usable: list[Candidate]) -> int:
    """The sentences the quoted ones will take: each, and the sentence before one that leans on
    it ("This is the standard fix" needs "Gradient clipping: ..."), which `_leaning_placed`
    brings only while there is room and otherwise drops the leaning one, the reason itself."""
    rows = {c.row for c in chosen}
    leaning = [c for c in chosen if (b := composer._antecedent(c, usable)) and b.row not in rows]
    return len(chosen) + len(leaning)


def _adds(
    composer: Composer, candidate: Candidate, chosen: list[Candidate], hit: Hit, suggested: set[str]
) -> bool:
    """The sentence may be quoted beside the chosen ones: distinct from each, not leaning on the
    one before it (its antecedent would take the room), and not naming the option the stem says
    someone suggested ("S3 -> Lake Formation -> QuickSight" when "the BI team suggests
    QuickSight")."""
    if composer._leans(candidate) or composer._words(candidate.row, hit) & suggested:
        return False
    return all(composer._distinct(candidate.row, c.row) for c in chosen)


def rejected_terms(composer: Composer) -> set[str]:
    """The words of the stem's clauses naming a suggested option that no other clause nor the
    ask holds: the option's name ("quicksight" of "The BI team suggests QuickSight")."""
    rejected = set(tokenize(" ".join(composer.ask.rejected)))
    if not rejected:
        return set()
    kept = " ".join((*composer.ask.constraints, composer.ask.focus))
    return rejected - set(tokenize(kept))


def unmet_needs(composer: Composer, hit: Hit) -> list[dict[str, float]]:
    """Each stem requirement's terms beyond the passage's heading and the stem's places,
    weighted by their rarity in the notes."""
    given = _given(composer, hit)
    counts, total = _sentence_rarity(composer)
    return [
        rarity_weights(set(tokenize(c)) - given, counts, total) for c in composer.ask.constraints
    ]


def _given(composer: Composer, hit: Hit) -> set[str]:
    """The terms every sentence of the passage says as far as the stem goes: its heading's, and
    the stem's places (where the data sits)."""
    return heading_terms(hit.chunk) | set(tokenize(" ".join(composer.ask.places)))


def _sentence_rarity(composer: Composer) -> tuple[Counter[str], int]:
    """How many of the notes' sentences hold each term, and how many sentences there are."""
    return sentence_counts(composer.searcher, sentence_words(composer.searcher))


def requirement_shares(
    composer: Composer, row: int, hit: Hit, needs: list[dict[str, float]]
) -> np.ndarray:
    """The rarity-weighted share of each requirement's terms the sentence holds."""
    words = composer._words(row, hit)
    return np.array(
        [
            sum(w for t, w in need.items() if t in words) / sum(need.values()) if need else 0.0
            for need in needs
        ]
    )


def second_option(composer: Composer, pool: list[Hit], first: int) -> Candidate | None:
    """For an ask that wants two or more services ("Which services?"), the best sentence of
    the pooled passage about another subject that holds the most stem terms the first
    passage does not: translate reviews and then find their sentiment needs two services."""
    subject = subject_of(pool[first].chunk) or _card_subject(pool[first].chunk)
    held = set(tokenize(" ".join([pool[first].chunk.text, *pool[first].chunk.heading])))
    stem = set(tokenize(" ".join(composer.ask.constraints))) - held
    best: tuple[int, float, int] | None = None
    for rank, hit in enumerate(pool):
        other = subject_of(hit.chunk) or _card_subject(hit.chunk)
        if rank == first or not other or other == subject or is_place(composer, hit.chunk):
            continue
        if about_rejected(composer, hit.chunk):
            continue
        if GENERIC_HEADING.match(other):
            continue
        words = set(tokenize(" ".join([hit.chunk.text, *hit.chunk.heading])))
        adds = len(stem & words)
        if adds and (best is None or (adds, hit.dense) > (best[0], best[1])):
            best = (adds, hit.dense, rank)
    if best is None:
        return None
    own = [
        c
        for c in composer.candidates(pool)
        if c.rank == best[2] and not PRONOUN.match(c.text) and not is_title(c.text)
    ]
    return max(own, key=lambda c: c.score, default=None)


def is_place(composer: Composer, chunk: Chunk) -> bool:
    """The passage is about where the stem says the data sits ("50 TB of images in S3"), or
    about the platform alone ("SageMaker"): a given of the scenario, not what it asks for.
    Only a storage the notes name as such is where data sits (`stores_data`): a service the stem
    works in ("face recognition in our Rekognition app", "predictors in Amazon Forecast") is
    often where the answer is."""
    name = subject_of(chunk) or _card_subject(chunk)
    named = set(tokenize(name))
    subject = named - PRODUCT_PREFIX
    if named and not subject:
        return True  # the platform itself ("SageMaker"): the setting, never the answer
    placed = bool(subject) and any(
        subject <= set(tokenize(place)) - PRODUCT_PREFIX for place in composer.ask.places
    )
    return placed and name.lower() in stores_data(composer)


def stores_data(composer: Composer) -> frozenset[str]:
    """The subjects (lower-cased) the notes name as a storage or data location (`STORAGE`) in a
    heading or the opening sentence of a passage about them; read once per index."""
    found = _STORES.get(composer.searcher)
    if found is None:
        names = set()
        files = composer.files
        for row, chunk in enumerate(files.chunks):
            name = subject_of(chunk) or _card_subject(chunk)
            rows = files.sentence_rows(row)
            opening = files.sentence_text(int(rows[0])) if rows.size else ""
            if name and STORAGE.search(" ".join([*chunk.heading, opening])):
                names.add(name.lower())
        found = _STORES[composer.searcher] = frozenset(names)
    return found


def about_rejected(composer: Composer, chunk: Chunk) -> bool:
    """The passage is about the option the stem says someone suggested ("Someone suggested
    Rekognition", "Redshift was proposed"): the plausible wrong answer, not what is asked for."""
    subject = set(tokenize(subject_of(chunk) or _card_subject(chunk))) - PRODUCT_PREFIX
    return bool(subject) and any(
        subject <= set(tokenize(clause)) for clause in composer.ask.rejected
    )


def stem_terms(composer: Composer, row: int, hit: Hit) -> set[str]:
    """The stem's terms a sentence holds, beyond the passage's subject and the stem's places
    (what a second sentence would add to the answer)."""
    stem = set(tokenize(" ".join(composer.ask.constraints))) - _given(composer, hit)
    return stem & composer._words(row, hit)


def requirements(composer: Composer) -> list[dict[str, float]]:
    """The stem's requirements, each as its terms weighted by their rarity in the notes
    (`rarity`). A requirement of common words only ("no model of their own") is met by nearly
    every passage, so it tells none apart: it is kept with no terms and counts for none."""
    needs = [n for n in (set(tokenize(c)) for c in composer.ask.constraints) if n]
    counts, total = _sentence_rarity(composer)
    common = max(COMMON_SHARE * total, COMMON_FLOOR)
    return [
        rarity_weights(need, counts, total) if min(counts.get(t, 0) for t in need) <= common else {}
        for need in needs
    ]


def constraints_met(
    composer: Composer, hit: Hit, rows: np.ndarray, needs: list[dict[str, float]]
) -> np.ndarray:
    """How far each sentence of a passage meets each of the stem's requirements (`requirements`):
    the rarity-weighted share of the requirement's terms it holds, on the cosine scale
    CONSTRAINT_MET is set on. Read from the words the index already holds, so a scenario costs
    no embedding beyond the question's own."""
    out = np.zeros((rows.size, len(needs)), dtype=np.float32)
    for i, row in enumerate(rows.tolist()):
        words = composer._words(row, hit)
        for j, weight in enumerate(needs):
            if weight:
                held = sum(w for t, w in weight.items() if t in words)
                out[i, j] = LEXICAL_MET_SCALE * held / sum(weight.values())
    return out


def names_kind(composer: Composer, chunk: Chunk) -> bool:
    """The passage names the kind of value the ask asks for (`compose.ASKED_KIND`), in its
    headings or its text: "Evaluation Metrics > Log loss" is a metric for "Which evaluation
    metric should the team watch?" though none of its sentences says "metric", while the XGBoost
    passage whose sentence pairs it "with an evaluation metric that suits imbalance" had won
    on that sentence alone."""
    return bool(composer.asked_kind) and composer.asked_kind <= _words_in(chunk)


def diagnosed(composer: Composer, chunk: Chunk) -> bool:
    """The passage is headed by the diagnosis the stem's symptoms give."""
    found = composer.ask.diagnosis
    return bool(found) and bool(set(tokenize(found)) & heading_terms(chunk))


def named(chunk: Chunk) -> str:
    """The service or approach a passage is about, to name ahead of its reasons: its deepest
    heading when that names a product ("AWS Lake Formation" under "Data lakes"; not "Model
    quality monitoring" under "SageMaker Model Monitor"), else its section or card's subject."""
    deepest = chunk.heading[-1] if chunk.kind == "note" and chunk.heading else ""
    if _names_thing(deepest) and set(tokenize(deepest)) & PRODUCT_PREFIX:
        return deepest
    return subject_of(chunk) or _card_subject(chunk)
