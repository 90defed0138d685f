"""The student's pointer at their own study material ("on the flashcards", "according to these
notes", "what do the cards say", "what does the redshift card say"): it names where the answer is
to come from, not what is asked, so it is left out of the question before it is searched and
checked. Left in, its word is taken for a subject the notes never write ("Your notes don't mention
flashcards", where the notes are flashcards), and search weighs it beside the real subject and
finds another card. A unit named by its subject ("the redshift card", "recall card vs precision
card") also says where to read: the hits headed by that subject (`named_hits`). Placed after the
two sides that open a comparison ("dynamodb vs elasticache on the services overview card", "mysql
vs mongodb in the blog's database list"), a unit or a document's part is where both sides are read,
and its subject words go with it (`_placed`): left, they were read as words of the last side.

One document of the notes named by its kind ("in the blog", "the cheat sheet's list", "per the
outline") is a pointer too, unless the notes' own titles hold that name: a document titled
"... Cheat Sheet" is found by it (its passages' titles hold the words, and search weighs them),
so there the name stays and does its work; where no title holds it ("blog" in notes titled by
their subject), its words only pull search to another passage ("firehose input format in the
blog json or csv" found a Data Pipeline line about JSON) and go (`title_words`).
Either way its kind is kept (`Pointed.documents`): the answer is read in the documents of that
kind (`documents_of`: those whose export shows it, retrieval/genre.py, or whose title holds it)
when it came from another (retrieval/answer.py).

A pointer at the cards ("per the deck", "on the flashcards", "from the card", "the reinforcement
learning card") also says which passages to read first: the notes' flashcards (`Pointed.cards`),
which search raises a little (retrieval/search.py)."""

from __future__ import annotations

import re
import weakref
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from retrieval.documents import Chunk
from retrieval.lexical import PRODUCT_PREFIX, tokenize


class _Headed(Protocol):
    @property
    def chunk(self) -> Chunk: ...


_HitT = TypeVar("_HitT", bound=_Headed)

# A determiner, then a word for the notes themselves, with the preposition that places the ask in
# them ("on the flashcards", "of the notes", "according to our notes") and a possessive mark
# ("the flashcards' service list"). Only after a determiner: "model cards", "release notes" and
# "Anki deck export" are subjects of their own.
_DETERMINER = r"\b(?:the|my|our|these|those|your)\s+"
_MATERIAL = r"(?:notes|flashcards?|cards|deck|slides)"
_PLACING = r"(?:\b(?:according\s+to|in|on|from|of)\s+)?"
POINTER = re.compile(rf"{_PLACING}{_DETERMINER}{_MATERIAL}(?:['’]s?)?(?![\w'’-])", re.I)
# One unit of the notes named by what it is about ("the redshift card", "on the services overview
# card", "the kms section"), or, in chat, bare as a label ("svm card: ...", "recall card vs
# precision card"): the unit word says where to look and goes, with its determiner and preposition;
# the words before it name the subject and stay ("what does redshift say", "recall vs precision").
# Singular only: "the sagemaker model cards" may be the very thing asked about.
_UNIT = r"(?:card|flashcard|slide|section)"
NAMED_UNIT = re.compile(
    rf"(?P<place>{_PLACING})(?P<det>\b(?:the|my|our|these|those|your|this))\s+"
    rf"(?P<head>(?:[\w-]+\s+){{0,2}}?)(?P<unit>{_UNIT})(?=(?P<after>\s+[\w-]+)?)(?![\w'’-])",
    re.I,
)
# The bare label form: only where a label stands, at the start or after a side's mark ("vs",
# "or", a comma, a dash), and before one (or the question's end): "an ID card." or "card
# transactions" are things, not places in the notes.
_SIDE_MARK = r"\b(?:vs\.?|versus|or|and)\s+"
BARE_UNIT = re.compile(
    rf"(?P<lead>^|[,:;]\s*|\s[-–]\s+|{_SIDE_MARK})(?P<head>[\w-]+(?:\s+[\w-]+)??)\s+"
    rf"(?P<unit>{_UNIT})(?=\s*(?:[:,;?!.]|[-–]\s|{_SIDE_MARK}|$))(?P<after>)",
    re.I,
)
# "what does 'availability' mean when the flashcards talk about s3": a clause whose subject is the
# notes, with its verb ("talk", "say"), is all pointer; what it is about stays ("about s3"). Left
# with its verb alone ("mean when talk about s3") the ask reads as another kind.
REPORTING_CLAUSE = re.compile(
    rf"\b(?:when|where|whenever|wherever|as)\s+{_DETERMINER}{_MATERIAL}\s+[a-z]+\b(?!['’])",
    re.I,
)
# "In the flashcards' service list, what is DMS?": an opening place in the notes' own part, up to
# its comma, is all pointer.
OPENING_PLACE = re.compile(
    rf"^\s*(?:in|on|from)\s+{_DETERMINER}{_MATERIAL}['’]s?\s+[^,?]{{1,40}},\s*", re.I
)
# A part of a document named after its possessive, up to the clause's end ("the blog's database
# list - which ...", "the blog's list?"): read as a place only after a comparison (`_placed`).
_PART = r"(?:[\w-]+\s+){0,2}?[\w-]+(?=\s*(?:[,:;?!.]|[-–]\s|$))"
# A comparison's two sides opening the sentence, the last one running up to a placed unit or
# document part after it ("dynamodb vs elasticache on the services overview card", "mysql vs
# mongodb in the blog's database list"): the place is where both sides are read, so its subject
# words are no words of the last side. Left there, "elasticache services overview" was a side the
# notes never write and the question was declined by it. The sides open their sentence, as
# `understand` reads names joined before an ask: a question word or a person opening it makes the
# "and" join what someone does ("how do i train and deploy on the sagemaker card"), and a stem's
# earlier sentence ("dropout and early stopping are in place.") compares nothing the place holds.
_COMPARED = re.compile(
    r"^\s*(?!(?:how|what|which|when|why|where|who|can|could|do|does|did|is|are|was|were|will"
    r"|would|should|may|might|must|i|we|you|they|my|our|your|their)\b)"
    r"(?:[\w'’-]+\s+){1,4}?(?:vs\.?|versus|and|or)\s+[\w-]",
    re.I,
)
_SENTENCE_END = re.compile(r"[.?!:;]\s")
# One document named by its kind, after a determiner ("in the blog", "the cheat sheet's
# regularisation list", "per the outline"): not "the outline of every car", a thing's outline.
_DOCUMENT = r"(?P<kind>blog(?:\s+(?:notes|post))?|cheat\s+sheet|outline)"
_KIND_TAIL = frozenset({"notes", "post"})  # "the blog notes", "the blog post": the blog
DOCUMENT_POINTER = re.compile(
    rf"(?P<place>\b(?:according\s+to|in|on|from|per)\s+)?{_DETERMINER}{_DOCUMENT}"
    rf"(?:['’]s?(?:\s+(?P<part>{_PART}))?)?(?![\w'’-])(?!\s+of\b)",
    re.I,
)
# "In the outline's algorithm types, ...": an opening place in one document's part, as
# `OPENING_PLACE` reads one in the notes'.
DOCUMENT_OPENING = re.compile(
    rf"^\s*(?:in|on|from)\s+{_DETERMINER}{_DOCUMENT}['’]s?\s+[^,?]{{1,40}},\s*", re.I
)
# A pointer at the cards: the deck or the cards as a whole ("per the deck", "on the flashcards"),
# or one card, named by its subject or not ("from the card", "the reinforcement learning card").
# Plural only right after the determiner, as for `NAMED_UNIT`: "the sagemaker model cards" may be
# the very thing asked about.
CARDS_NAMED = re.compile(
    rf"{_DETERMINER}(?:(?:flashcards|cards|deck)|(?:[\w-]+\s+){{0,3}}?(?:flash)?card)(?![\w-])",
    re.I,
)
_MENTION = re.compile(rf"\b(?:{_MATERIAL}|{_UNIT}|blog|sheet|outline)(?![\w-])", re.I)
_UNIT_WORD = re.compile(rf"\b{_UNIT}(?![\w-])", re.I)
# What taking the pointer out leaves behind: a comma before the question's end or another comma.
_LEFT_COMMA = re.compile(r"\s*,\s*(?=[,?.!]|$)")
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Pointed:
    """A question read for its pointers: the text left to search and check, the subjects of the
    units of the notes it names ("redshift" of "the redshift card"), where to look, and whether
    it points at the cards ("per the deck"), which are then read first."""

    text: str
    units: tuple[str, ...] = ()
    cards: bool = False
    documents: tuple[str, ...] = ()  # the kinds of document named ("blog", "cheat sheet")


def without_pointer(
    question: str,
    written: Collection[tuple[str, str]] = frozenset(),
    titled: Collection[str] = frozenset(),
) -> str:
    """The question without its pointers at the study material; as written when it is nothing
    else ("my notes")."""
    return read_pointer(question, written, titled).text


def read_pointer(
    question: str,
    written: Collection[tuple[str, str]] = frozenset(),
    titled: Collection[str] = frozenset(),
) -> Pointed:
    """The question without its pointers, the units it names by their subjects, and whether it
    points at the cards (`CARDS_NAMED`). `written`: the word pairs the notes write, which keep a
    unit word the notes use as a word of their own ("the card numbers", "the card" of notes that
    say it) in place; `titled`: the words of the notes' titles (`title_words`), which keep a
    document's name they hold in place."""
    units: list[str] = []
    documents: list[str] = []
    left = question
    cards = False
    if _MENTION.search(left):  # most questions name no material: read them no further
        cards = CARDS_NAMED.search(left) is not None
        left = REPORTING_CLAUSE.sub("", OPENING_PLACE.sub("", left))
        for unit in (NAMED_UNIT, BARE_UNIT) if _UNIT_WORD.search(left) else ():
            left = unit.sub(lambda found: _unit_left(found, written, units), left)
        for document in (DOCUMENT_OPENING, DOCUMENT_POINTER):
            left = document.sub(lambda found: _document_left(found, titled, documents), left)
        left = POINTER.sub(" ", left)
    left = _LEFT_COMMA.sub("", " ".join(left.split()))
    left = re.sub(r"\s+(?=[?.!,])", "", left).strip(" ,")
    if not re.search(r"\w", left):
        return Pointed(question, cards=cards, documents=tuple(documents))
    return Pointed(left, tuple(units), cards, tuple(documents))


def _unit_left(found: re.Match[str], written: Collection[tuple[str, str]], units: list[str]) -> str:
    """What stays of a named unit: its head words (with a bare label's lead), or the whole as
    written when the notes write the unit word beside its neighbour (a term of theirs)."""
    unit = found["unit"].lower()
    before = (found.groupdict().get("det") or "").split() + found["head"].split()
    after = _WORD.findall(found["after"] or "")
    if (before and (before[-1].lower(), unit) in written) or (
        after and (unit, after[0].lower()) in written
    ):
        return found[0]
    head = found["head"].strip()
    if head:
        units.append(head)
    if _placed(found):
        return " "  # "dynamodb vs elasticache on the services overview card": where, not a side
    return f"{found.groupdict().get('lead') or ''}{head}"


def _document_left(found: re.Match[str], titled: Collection[str], documents: list[str]) -> str:
    """A document named by its kind stays when the notes' titles hold each of its words; so does
    the part of it named after its possessive ("per the blog's MSK note"), unless it is where a
    comparison's sides are read (`_placed`). Its kind ("blog" of "the blog notes") joins
    `documents`."""
    words = found["kind"].lower().split()
    documents.append(" ".join(w for w in words if w not in _KIND_TAIL))
    if all(word in titled for word in words):
        return found[0]
    part = found.groupdict().get("part") or ""
    return " " if not part or _placed(found) else f" {part}"


def _placed(found: re.Match[str]) -> bool:
    """Whether a pointer, brought in by a preposition ("on the ... card", "in the blog's ...
    list"), follows a comparison's sides in its sentence (`_COMPARED`)."""
    if not found.groupdict().get("place"):
        return False
    before = found.string[: found.start()]
    ends = list(_SENTENCE_END.finditer(before))
    return _COMPARED.search(before[ends[-1].end() if ends else 0 :]) is not None


_TITLES: weakref.WeakKeyDictionary[object, frozenset[str]] = weakref.WeakKeyDictionary()


def title_words(owner: object, chunks: Iterable[Chunk]) -> frozenset[str]:
    """The words (small letters) of the notes' titles: the first heading of each note's passages
    (a card's heading is its front, no title). Kept per `owner`, the searcher over a build."""
    found = _TITLES.get(owner)
    if found is None:
        titles = {c.heading[0] for c in chunks if c.kind == "note" and c.heading}
        found = frozenset(w.lower() for title in titles for w in _WORD.findall(title))
        _TITLES[owner] = found
    return found


_NAMED: weakref.WeakKeyDictionary[object, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


def documents_of(owner: object, chunks: Sequence[Chunk], kinds: Sequence[str]) -> frozenset[str]:
    """The sources of the notes' documents of the named kinds ("blog", "cheat sheet"): those
    whose export shows the kind (`Chunk.genre`, retrieval/genre.py) and those whose title (a
    note's first heading) holds each of its words. Kept per `owner` and kind."""
    known = _NAMED.setdefault(owner, {})
    found: set[str] = set()
    for kind in kinds:
        if kind not in known:
            words = kind.split()
            known[kind] = frozenset(
                c.source
                for c in chunks
                if kind in c.genre
                or (
                    c.kind == "note"
                    and c.heading
                    and all(w in {t.lower() for t in _WORD.findall(c.heading[0])} for w in words)
                )
            )
        found |= known[kind]
    return frozenset(found)


def named_hits(hits: Sequence[_HitT], units: Sequence[str]) -> list[_HitT]:
    """The hits that are the named units: each passage whose own heading (less a product word:
    "Amazon Redshift") opens with a unit's subject; none unless every unit has one among them (a
    comparison of two cards keeps both sides)."""
    wanted = [tokenize(unit) for unit in units]
    if not wanted or not all(wanted):
        return []
    found = [h for h in hits if any(_opens_with(h, words) for words in wanted)]
    every = all(any(_opens_with(h, words) for h in found) for words in wanted)
    return found if every else []


def _opens_with(hit: _Headed, words: list[str]) -> bool:
    heading = hit.chunk.heading
    own = [t for t in tokenize(heading[-1]) if t not in PRODUCT_PREFIX] if heading else []
    return own[: len(words)] == words
