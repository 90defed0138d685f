"""Where a question names the thing it asks about by its opening words, and whether those words
are a kind of a notes term the notes never write ("spatial dropout in a cnn, what does it drop",
"what is balanced accuracy", "how does population based training tune ..."): the answer its head
word finds is about the plain kind (dropout, accuracy, training), not the term asked about; and
whether a modifier the notes never write with its term is one the answer lacks ("nested
cross-validation" answered by k-fold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from retrieval.compound import holds_parts, said_words
from retrieval.coverage import FILLER, NAME_ENDS, TOPIC_FIRST, WORD_OR_END, NotesVocabulary
from retrieval.lexical import PRODUCT_WORDS, STOPWORDS
from retrieval.understand import Ask, key_phrases, one_sentence, topic

# "how does X ...": X, the clause's subject, is what is asked about; "how do i X ..." opens with
# the student's verb instead.
SUBJECT_ASKED = re.compile(
    r"^\s*how\s+(?:does|do|is|are|can|could|would|will)\s+(?!(?:i|we|you|it|they|one)\b)", re.I
)
ARTICLES = frozenset({"a", "an", "the"})
# A preposition that opens an aside before the question ("besides S3, which sources ..."): the
# words after it name what the question sets aside, not what it asks about.
ASIDE_OPENERS = frozenset(
    ["besides", "except", "unlike", "beyond", "despite", "without", "within", "like", "apart"]
)


def modified_term(
    vocabulary: NotesVocabulary, ask: Ask, texts: Iterable[str] | None = None
) -> str | None:
    """The first opening (`openings`) that names a kind of a notes term the notes never write
    (`NotesVocabulary.unwritten_kind`), read against `texts` (the answer and its passage) when
    given. A long scenario's opening is its setting."""
    if ask.kind == "scenario" and not one_sentence(ask):
        return None
    said = None if texts is None else said_words(texts)
    for words in openings(ask):
        term = vocabulary.unwritten_kind(words, said)
        if term:
            return term
    return None


def openings(ask: Ask) -> Iterator[list[str]]:
    """The words that open what the question asks about, up to the first stopword or sentence
    mark: the topic a question opens with before a dash, a colon or a comma (`TOPIC_FIRST`),
    a definition's subject, a how-to's subject after "how does", each without its article or
    a product prefix. A comparison's sides are left to the checks of sides."""
    if ask.kind == "comparison":
        return
    lead = TOPIC_FIRST.match(ask.text)
    if lead:
        yield _opening(lead[1], articles=False)
    if ask.kind == "definition":
        yield from (_opening(phrase) for phrase in key_phrases(ask))
    elif ask.kind == "howto" and SUBJECT_ASKED.match(ask.text):
        yield _opening(topic(ask))


def _opening(phrase: str, articles: bool = True) -> list[str]:
    """A phrase's words up to its first stopword or sentence mark, a leading product prefix (and
    article, when `articles`) left out. A lead's article is kept: "our app logs use ..." opens a
    sentence, not a term."""
    words = [w if w[0].isalpha() else "." for w in WORD_OR_END.findall(phrase.lower())]
    while words and ((articles and words[0] in ARTICLES) or words[0] in PRODUCT_WORDS):
        words = words[1:]
    opening: list[str] = []
    for word in words:
        if word in STOPWORDS or word in FILLER or word in NAME_ENDS or word == ".":
            break
        if word in ASIDE_OPENERS:
            break
        opening.append(word)
    return opening


# "when do i need X ...", "when should we use X ...": X, what the student would use, is what a
# when-to-use ask asks about.
WHEN_USED = re.compile(
    r"^\s*when\s+(?:do|does|should|would|could|can|is it worth)\s+(?:i|we|you|one)?\s*"
    r"(?:really\s+|actually\s+)?(?:need|use|pick|choose|want|apply|prefer|try)\s+",
    re.I,
)
# "... nested cross-validation instead of a single k-fold loop": the subject ends where the
# alternative it is set against begins.
ALTERNATIVE = re.compile(r"\b(?:instead|rather|over|versus|vs)\b", re.I)
# "plain PCA or incremental PCA when the feature matrix is too big ...": a question that opens
# with two options joined by "or" asks about each, though its sentence runs on too long to be
# read as a comparison.
OPTIONS_FIRST = re.compile(r"^\s*([^,:?]+?)\s+or\s+([^,:?]+)", re.I)


def unheld_modifier(vocabulary: NotesVocabulary, ask: Ask, texts: Iterable[str]) -> str | None:
    """The first opening of what the question asks about (`openings`, a when-to-use ask's
    subject, a comparison's side) that sets a modifier the notes write rarely before a term
    they write more often, never the two together (`NotesVocabulary.unwritten_modifier`: "nested
    cross-validation", "stochastic depth", "edited nearest neighbours"), when neither the answer
    nor its passage (`texts`) holds the modifier in any form: the answer is about the plain
    term (k-fold, ResNet's skip connections, nearest-neighbour undersampling). Unlike
    `modified_term`, the modifier may be a name's word or no English word at all ("stochastic"
    of "Stochastic Gradient Descent"): the answer, not the word, tells that it is unheld."""
    if ask.kind == "scenario" and not one_sentence(ask):
        return None
    said = said_words(texts)
    for words in _subject_openings(vocabulary, ask):
        term = vocabulary.unwritten_modifier(words)
        if term and not holds_parts(term.split()[0].split("-"), said, clipped=True):
            return term
    return None


def _subject_openings(vocabulary: NotesVocabulary, ask: Ask) -> Iterator[list[str]]:
    """`openings`, then a when-to-use ask's subject ("when do i need nested cross-validation
    instead of ..."), and each of a comparison's sides ("edited nearest neighbours vs tomek
    links"; a side misread as a whole "how does X ... compared with Y" is read from X),
    without a word saying it is the ordinary kind ("a plain rnn cell": `plain_kinds`), or of
    the options another ask opens with (`OPTIONS_FIRST`: "plain PCA or incremental PCA
    when ...")."""
    yield from openings(ask)
    if ask.kind == "when":
        used = WHEN_USED.match(ask.text)
        if used:
            yield _opening(ALTERNATIVE.split(ask.text[used.end() :])[0])
    if ask.kind == "comparison":
        # a side misread as the whole "how does X ... compared with Y": X opens it
        sides = (SUBJECT_ASKED.sub("", side, count=1) for side in ask.subjects)
        yield from (_opening(side) for side in vocabulary.plain_kinds(list(sides)))
    elif options := OPTIONS_FIRST.match(ask.text):
        yield from (_opening(option) for option in options.groups())
