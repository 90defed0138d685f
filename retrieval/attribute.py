"""The asked attribute of one subject ("ip insights vector_dim - what if I set it too large",
"firehose: what file formats can it convert records to on the fly"): the question's words that
do not name the subject (`Composer._facet`) and that no quoted sentence holds yet. The sentence
built on the subject often says what the subject is ("Vector_dim - Size of embedding vectors")
and leaves the asked attribute to another sentence about the same subject ("Too large results
in overfitting", "outputs Parquet or ORC on the fly"); that sentence is quoted after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.asked_kind import asked_kind, states_kind
from retrieval.aspect import as_returned
from retrieval.compose import (
    EMPHASIS_TERMS,
    MAX_SENTENCES,
    Candidate,
    _about_terms,
    covers,
    heading_terms,
    sentence_words,
)
from retrieval.lexical import PRODUCT_PREFIX, tokenize
from retrieval.rarity import rarest_terms, rarity_weights, sentence_counts
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer
    from retrieval.documents import Chunk

ATTRIBUTE_KINDS = frozenset({"casual", "limit", "howto", "definition"})
# Words that frame an ask ("what happens if", "give me", "tell me", "the way to") or stress it
# ("exactly"): they ask nothing of the notes, and a sentence holding one says no attribute.
FRAME_TERMS = (
    frozenset(tokenize("happen give tell want need way thing stuff come")) | EMPHASIS_TERMS
)
SUBJECT_HELD = 0.5  # a passage whose heading holds this much of the subject's words is about it
# An asked word held by more of the notes' sentences than this share ("one", "layer", "set")
# says too little to pick a sentence by when the rarer asked words are in none.
RARE_SHARE = 0.012
# How much closer, by cosine to the asking clause, a sentence about the subject must be than
# every quoted sentence to be added when no sentence holds an asked word (`closest`). Picked on
# the read parts: the largest margin keeping their gains; even among sentences stating the
# asked kind, at 0.08 two of three more additions are beside the point ("augmentation_type" for
# the required hyperparameters), and below 0.03 most are.
CLOSER_MARGIN = 0.11
FORM_STEM = 4  # letters an asked word and another form of it share at least ("stor" of "store")
FORM_SLACK = 2  # letters another form may add ("storag" of "store"); more make a compound


def unheld(composer: Composer, hits: Sequence[Hit], chosen: list[Candidate], said: str) -> set[str]:
    """The asked attribute words the quote (`said`, with what it brought along) does not hold,
    nor the quoted passages' headings (a heading word names what the quote is about, not what
    it says of it)."""
    held = quote_words(composer, hits, chosen, said)
    asked = as_returned(composer._facet(hits) - FRAME_TERMS)
    return {t for t in asked if not covers({t}, as_returned(held))}


def quote_words(
    composer: Composer, hits: Sequence[Hit], chosen: list[Candidate], said: str
) -> set[str]:
    """The words the quote (`said`, with what it brought along) and its passages' headings hold."""
    words = sentence_words(composer.searcher)
    held = set(tokenize(said))
    for c in chosen:
        held |= words[c.row] | heading_terms(hits[c.rank].chunk)
    return held


def attribute_pick(
    composer: Composer,
    hits: Sequence[Hit],
    candidates: list[Candidate],
    chosen: list[Candidate],
    said: str,
) -> Candidate | None:
    """The best-scoring sentence, in a passage headed by the asked subject, that holds one of the
    rarest asked attribute words the quote lacks (`rarity.rarest_terms`: as rare as each other,
    "set" and "large" of "set it too large" are alternatives). When no sentence holds those,
    the next rarest ones, while they are rare (RARE_SHARE): "whole" of "one vector for a whole
    sentence or a document" is in no sentence about word2vec, "sentence" and "document" are
    ("it only works on individual words, not sentences or documents"). None when the quote
    holds every one, or no such sentence is distinct from the quoted ones."""
    if composer.ask.kind not in ATTRIBUTE_KINDS:
        return None
    subject = subject_named(composer, hits, chosen)
    if not subject:
        return None
    missing = unheld(composer, hits, chosen, said)
    if not missing:
        return None
    words = sentence_words(composer.searcher)
    counts, total = sentence_counts(composer.searcher, words)
    looser = False
    while rarest := rarest_terms(missing, counts):
        if looser and max(counts[t] for t in rarest) > RARE_SHARE * total:
            break
        strict = looser or len(chosen) >= MAX_SENTENCES  # see `_holding`
        found = _holding(composer, hits, candidates, chosen, rarest, subject, strict)
        if found and not looser:
            return max(found, key=lambda c: c.score)
        if found:  # the one holding most of what is still asked ("sentences or documents")
            weights = rarity_weights(missing, counts, total)
            return max(found, key=lambda c: (held_weight(weights, words[c.row]), c.score))
        missing -= rarest
        looser = True
    return closest(composer, hits, candidates, chosen, subject, said)


def closest(
    composer: Composer,
    hits: Sequence[Hit],
    candidates: list[Candidate],
    chosen: list[Candidate],
    subject: set[str],
    said: str,
) -> Candidate | None:
    """When no sentence about the subject holds an asked word, the asked attribute is in other
    words than the notes' ("what engine does Athena run on under the hood": "built on Presto";
    "what sizes do EI accelerators come in": "ml.eia1.medium / large / xlarge"): of the
    sentences about the subject (`_about_subject`) that state a thing of the asked kind
    (`asked_kind`: a name, an amount) the quote and the question do not hold, the one closest
    by embedding to the asking clause without the words the subject and the quote already hold
    (those pull the quote's own sentences closer), if it is CLOSER_MARGIN closer than every
    quoted sentence and fits beside the whole quote. Nearness alone added sentences beside the
    point ("F1 measure, precision, recall, or accuracy." under an audit-trail ask)."""
    kind = asked_kind(composer.ask.text)
    clause = asking_clause(composer.ask.text, subject | quote_words(composer, hits, chosen, said))
    if kind is None or not clause:
        return None
    known = f"{composer.ask.text} {said}"
    pool = [
        c
        for c in _about_subject(composer, hits, candidates, chosen, subject)
        if states_kind(kind, c.text, known)
    ]
    if not pool:
        return None
    best, lead = closest_to(composer, clause, pool, chosen)
    # A pick by closeness alone takes no quoted sentence's place (`spare`), with what it leans on.
    if lead < CLOSER_MARGIN or not has_room(composer, best, candidates, chosen):
        return None
    return best


def _about_subject(
    composer: Composer,
    hits: Sequence[Hit],
    candidates: list[Candidate],
    chosen: list[Candidate],
    subject: set[str],
) -> list[Candidate]:
    """The sentences, no earlier than the quote and distinct from it, of a quoted passage or
    of one whose own heading names the subject and nothing else ("Amazon Athena" for "athena
    runs on what engine"). A heading naming more ("Choosing an AI service over a custom model"
    for an Augmented AI ask) is about another subject, as is a bare product's ("Amazon
    SageMaker"): what it says of its own subject states a thing of the asked kind only by
    chance ("Cannot read from Elasticache" under an Elastic Inference ask)."""
    first = min(c.rank for c in chosen)
    quoted = {c.rank for c in chosen}
    return [
        c
        for c in candidates
        if not c.neighbour
        and c.rank >= first
        and (c.rank in quoted or _headed_by(hits[c.rank].chunk, subject))
        and all(composer._distinct(c.row, o.row) for o in chosen)
    ]


def _headed_by(chunk: Chunk, subject: set[str]) -> bool:
    """The passage's own heading names the subject and nothing else but product words."""
    own = set(tokenize(chunk.heading[-1])) - PRODUCT_PREFIX if chunk.heading else set()
    return bool(own) and own <= subject


def asking_clause(question: str, held: set[str]) -> str:
    """The question without the words in `held` (its subject's, the quote's): what it asks of
    the subject that the quote does not say."""
    kept = [w for w in question.split() if not set(tokenize(w)) & held]
    return " ".join(kept) if set(tokenize(" ".join(kept))) else ""


def _holding(
    composer: Composer,
    hits: Sequence[Hit],
    candidates: list[Candidate],
    chosen: list[Candidate],
    asked: set[str],
    subject: set[str],
    strict: bool,
) -> list[Candidate]:
    """The candidates holding one of the `asked` words, in a passage the quote quotes or one
    headed by the subject (by at least SUBJECT_HELD of its words), each distinct from the
    quoted sentences. Another passage that only mentions the subject is about another one:
    its sentence holding an asked word says it of that one (XGBoost's "extended it to accept
    recordIO-protobuf and Parquet" after Random Cut Forest's training input, Firehose's "can
    output parquet" after Batch Transform's formats). `strict`, for a pick by a less rare word
    or one taking a full quote's place: also searched no earlier than the quote's first one,
    so the citations keep their order."""
    words = sentence_words(composer.searcher)
    first = min(c.rank for c in chosen)
    quoted = {c.rank for c in chosen}
    return [
        c
        for c in candidates
        if not c.neighbour
        and holds_asked(asked, as_returned(words[c.row]))
        and (c.rank in quoted or covers(subject, _about_terms(hits[c.rank].chunk)) >= SUBJECT_HELD)
        and not (strict and c.rank < first)
        and all(composer._distinct(c.row, o.row) for o in chosen)
    ]


def holds_asked(asked: set[str], words: set[str]) -> bool:
    """The sentence's words hold an asked word, or another form of it that the stemmer keeps
    apart ("stores" / "storage": "store", "storag"): a word opening with the asked word less its
    last letter (at least FORM_STEM letters), as long as the asked word or up to FORM_SLACK
    letters longer: "mode" is no form of "model", nor "elasticache" of "elastic"."""
    if asked & words:
        return True
    stems = {t[:-1] for t in asked if len(t) > FORM_STEM}
    return any(
        w.startswith(s) and len(s) + 1 <= len(w) <= len(s) + 1 + FORM_SLACK
        for s in stems
        for w in words
    )


def spare(
    composer: Composer, hits: Sequence[Hit], chosen: list[Candidate], over: int
) -> int | None:
    """Where the quote's sentence is that may give way to the asked attribute's (`over` is how
    many too many there are; only one gives way): the lowest-scoring one after the first whose
    asked attribute words the others all hold. It was brought along for scoring near the first
    ("Continuous Bag of Words predicts a word ..." after "subword embeddings ... words" for
    "which setting drops words that hardly ever appear"), and says nothing asked that the quote
    would lose; a sentence alone in holding an asked word stays ("Lambda [default=1 ...]")."""
    if over != 1:
        return None
    words = sentence_words(composer.searcher)
    asked = as_returned(composer._facet(hits) - FRAME_TERMS)
    said = [as_returned(words[c.row]) & asked for c in chosen]
    spares = [
        i
        for i in range(1, len(chosen))
        if said[i] <= set().union(*(s for j, s in enumerate(said) if j != i))
    ]
    return min(spares, key=lambda i: chosen[i].score, default=None)


def held_weight(weights: dict[str, float], words: frozenset[str]) -> float:
    """How much of the asked attribute a sentence holds: its missing words' rarity weights."""
    return sum(w for t, w in weights.items() if t in as_returned(words))


def subject_named(composer: Composer, hits: Sequence[Hit], chosen: list[Candidate]) -> set[str]:
    """The asked words that name what the quote is about: those its first passage's heading or
    card front holds, else the asked words that are no attribute (none when all are). Another
    passage holding an asked attribute word ("file" of "what file format does autopilot take")
    is about another subject unless it holds these too."""
    named = composer.terms & _about_terms(hits[chosen[0].rank].chunk)
    return named or composer.terms - composer._facet(hits)


def closest_to(
    composer: Composer, clause: str, pool: list[Candidate], chosen: list[Candidate]
) -> tuple[Candidate, float]:
    """The sentence of `pool` closest in meaning to the asking `clause`, and by how much it is
    closer than the closest quoted one (`chosen`; negative when it is further)."""
    vector = composer.searcher.embedder.encode([clause])[0]
    vectors = composer.files.sentence_vectors
    near = {c.row: float(vectors[c.row].astype("float32") @ vector) for c in pool + chosen}
    best = max(pool, key=lambda c: near[c.row])
    return best, near[best.row] - max(near[c.row] for c in chosen)


def has_room(
    composer: Composer, pick: Candidate, candidates: list[Candidate], chosen: list[Candidate]
) -> bool:
    """Whether `pick`, with the sentence it leans on, fits beside the quote."""
    return len(chosen) + len(composer._leaning_placed([pick], candidates)) <= MAX_SENTENCES
