"""Whether the notes mention what a question is about: the words of the notes, and the question's
key subject (a product or term) when none of the notes' words matches it.

A question word counts as known when the notes hold it, its stem, a longer word it starts
("xgb" -> "xgboost", "async" -> "asynchronous"), two neighbouring letters swapped ("npts" for
"ntps"), or, for long words, a one-letter typo of one.
An unknown word is the key subject when it names a product ("amazon bedrock", "sagemaker
hyperpod"), when it is what a definition or a comparison asks about or stands first in what a
short question asks about ("how does lookout for vision find defects"), or when it is a long
coined word (the embedding model's whole-word vocabulary says which words are English). Known
words name an absent product when the notes never put them together after a prefix and one is
rare in the notes ("sagemaker studio lab" in notes that only have "SageMaker Studio"). A
product's feature typed after it is absent when the notes write its word only as another name's
("cloudtrail lake" beside "AWS Lake Formation"), never near that product.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from retrieval.compose import covers, respell
from retrieval.lexical import PRODUCT_WORDS, STOPWORDS, tokenize

WORD = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*")
# A question's words with its sentence ends kept as "." tokens: a product's name never runs on
# across one ("... runs on Amazon Connect. Supervisors want ..." names no "amazon connect
# supervisors"), nor across a comma, a colon or a dash between spaces, where `capitalised_names`
# ends a name too ("In Amazon Forecast, CNN-QR and DeepAR+ ...", "sagemaker debugger - live
# insight while training").
CASED_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")
# A comparison side's words as the student cased them ("Ray Tune", "plain accuracy").
CASED_SIDE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
TITLED = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+\b")  # a capitalised word inside a sentence
CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*|[0-9]+[A-Z][A-Za-z0-9]*")
WORD_OR_END = re.compile(WORD.pattern + r"|[.!?;](?=\s|$)|[,:](?=\s)|(?<=\s)-(?=\s)")
# An identifier as the notes write it in code or an API ("MaxWaitTimeInSeconds", "maxRetries"),
# and the parts its capitals mark.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*")
IDENTIFIER_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
# A run-together name of two capitalised parts is a product's ("SageMaker", "CloudWatch",
# "CatBoost"): its parts are no words of the notes. An API's field has three parts or more
# ("MaxRuntimeInSeconds") or opens in small letters ("instanceType").
IDENTIFIER_PARTS = 3
# A coined word this long that is no English word and not in the notes names a product
# ("codewhisperer") in any kind of question; a shorter one ("appflow", "netapp") does too unless
# it is one letter away from an English or a notes word (a typo: "lamda", "wich"); shorter
# still, it may be chat ("tbh") or an abbreviation.
COINED_MIN_LETTERS = 8
SHORT_COINED_LETTERS = 4
ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")
FORM_ENDINGS = ("s", "es", "ed", "ing")  # a verb's or a plural's: "-er" makes another word
# English prefixes that make a new everyday word of an everyday word ("reshuffle", "unpack",
# "downtime"): a model's word list holds the short word but seldom the prefixed one.
PREFIXES = ("re", "un", "dis", "mis", "pre", "non", "over", "under", "out", "up", "down")
PREFIXED_MIN_LETTERS = 4  # the word after the prefix: "re" + "do" is no everyday word's making
# A chat word is one of the commonest English words: the model's vocabulary lists its whole words
# by how often they occur, so a word's place there is its rank in general English, not in the
# notes. The chat words that blocked covered asks on the tuning parts and b8-b14 ("grab", "pick",
# "attack", "effort", "spread", "plus") all rank within the first 4,300; the lower-case subject
# words no notes sentence holds in the read negatives rank past 10,000 ("urgent", "dunn",
# "pumps", "flex"), so 5,000 leaves room on both sides.
COMMON_WORDS = 5_000
FORM_MIN_LETTERS = 3  # what an ending leaves of a chat word's form: "bed" is no form of "b"
# What may follow a product's name in a question ("aws clean rooms for ml"); anything else means
# the words go on as a sentence ("the aws pipeline look like").
PRODUCT_FOLLOWERS = frozenset({"for", "vs", "versus", "or", "and", "in", "on", "with"})
# Words a student adds around the subject that say nothing about it.
FILLER = frozenset(
    [
        "please",
        "thanks",
        "hi",
        "hey",
        "hello",
        "ok",
        "okay",
        "yes",
        "no",
        "pls",
        "explain",
        "tell",
        "know",
        "need",
        "want",
        "use",
        "using",
        "used",
        "run",
        "runs",
        "running",
        "try",
        "get",
        "work",
        "works",
        "working",
        "does",
        "do",
        "did",
        "thing",
        "things",
        "stuff",
        "way",
        "ways",
        "good",
        "bad",
        "best",
        "better",
        "like",
        "just",
        "also",
        "really",
        "actually",
        "quick",
        "question",
        "help",
        "pros",
        "cons",
        "advantages",
        "disadvantages",
        "mean",
        "means",
        "vs",
        "versus",
        "difference",
        "whats",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "who",
    ]
)
# A word of a product's name is rare when the notes hold it at most once per this many words
# (10 times in the shipped notes, twice in the team's): "lab" of "SageMaker Studio Lab", "cards" of
# "model cards", against "jobs" of "Glue jobs" or "hyperparameters" of "XGBoost hyperparameters".
RARE_PER_WORDS = 8_000
# A short question's last content word is what it asks about ("how long does it take to learn
# guitar"): unknown to the notes, the question is about something they never mention.
SHORT_QUESTION_WORDS = 12
NAME_WORDS = 2  # words of a product's name after its prefix ("sagemaker studio lab")
TAIL_DASH = " - "  # a spaced dash: the question's tail opens after it ("X vs Y - which is cheaper")
# Words that follow a prefix to speak of its offerings in general, not to name one ("which aws
# services fit together").
KINDS_OF_OFFERING = frozenset(
    [
        "service",
        "services",
        "tool",
        "tools",
        "feature",
        "features",
        "product",
        "products",
        "solution",
        "solutions",
        "offering",
        "offerings",
        "option",
        "options",
    ]
)
# Words after a thing that ask for its kinds, its steps or their order ("window types", "build
# steps", "lex order"): such a pair names no term of its own but asks something of the word before
# it, and the notes list those kinds or steps in their own words, seldom with the student's word
# after it. So the pair is no term, nor longer product name, the notes must write.
ASKED_OF_A_THING = frozenset(
    [
        *("type", "types", "kind", "kinds", "sort", "sorts"),
        *("step", "steps", "stage", "stages", "phase", "phases", "order"),
    ]
)
# Words before a subject that make the word after it a verb ("does sagemaker bill ...").
AUXILIARIES = frozenset(["does", "do", "did", "can", "could", "will", "would", "should", "shall"])
NAME_ENDS = frozenset({"per", "each", "every", "via", "vs", "versus"})
ARTICLES = frozenset({"a", "an", "the"})  # what opens a noun phrase: the thing a subject names
# What opens a verb's object right after it ("picking a bigger gpu instance", "eyeballing the
# plot"), and the prepositions that open a participle's complement ("shipped as a container").
DETERMINERS = ARTICLES | frozenset({"my", "our", "your", "their", "its", "this", "these", "those"})
COMPLEMENT_PREPOSITIONS = frozenset({"as", "in", "on", "into", "to", "from", "by", "with", "at"})
# Before a gerund in its clause, these make it the clause's subject, a technique named ("is label
# smoothing a regulariser", "how does pruning a network work"), not the student's own action.
SUBJECT_MAKERS = AUXILIARIES | frozenset({"is", "are", "was", "were", "am", "be", "been"})
VERB_STEM = 3  # a verb form's letters before its ending at least: "thing" is no gerund of "th"
CONJOINING = frozenset({"and", "or", "vs", "versus"})  # words that set two kinds side by side
ASIDE = re.compile(r"\([^()]*\)")  # "multi-class (one label per document) and multi-label"
# A run-together name's first part has this many letters at least ("guard" + "duty"); a chat
# word clipped after a stem this long ("distr-o") is that stem's notes word.
JOINED_PART = 3
# What `unknown_subject` names when most of the question's words are unknown: another subject
# altogether, or another language; the question is declined without naming its words.
MOSTLY_UNKNOWN = "this"
CLIPPED_STEM = 5
NEAR_MIN_LETTERS = 6  # a word one letter from a notes word this long is a typo of it
# A chat aside that opens or closes a sentence is an initialism this long at most ("afaik",
# "imho", "tldr", "iirc"): a longer made-up word there is the question's subject ("zoneout").
ASIDE_MAX_LETTERS = 5
CLIPPED_MIN = 3  # a clipped word's letters at least ("xgb"), as `knows_as_written` reads one
PLURAL_STEM = 2  # a plural's word without its "s" ("db" of "dbs"), as `clipped_plural` reads one
CLIPPED_MAX = 3  # chat clips a word to its first syllable ("pic", "doc", "vid"), then adds an "s"
# A comparison side's two words that share at least this share of the rarer one's passages name
# a product and its own part ("polly ssml": both SSML passages are Polly's; "xgboost alpha",
# "word2vec cbow" 0.67-1.0), not a term the notes lack ("group normalization", "S3 Select",
# "storage gateway": 0.0-0.3). Picked on the tuning parts and b8-b12.
SHARED_PASSAGES = 0.5
# "the highest gini impurity": a value asked of a term, not a kind of it; "rule based": the word
# before a participle is its complement, no modifier of it.
SUPERLATIVE = "est"
PARTICIPLE = "ed"
# A question that opens with its topic and asks of it after a spaced dash, a colon or a comma
# ("modified z-score - why use ...", "spot fleet for cheap gpu runs, how do i set one up").
TOPIC_FIRST = re.compile(r"^\s*([^,:?]+?)(?:\s+-\s+|:\s|,\s)")
# A word of letters then a number ("float64", "int8"): a type or a version of a family the notes
# name with another number ("float32"). Its letters are a word of three at least, so instance
# sizes ("p4" beside "p3") stay apart.
NUMBERED = re.compile(r"([a-z]{3,})([0-9]+)")
# A name of letters joined by a number ("graph2vec", "node2vec"), as the notes' own "word2vec" and
# "object2vec" are: a coined name, no word of English.
NUMBERED_NAME = re.compile(r"[a-z]{3,}[0-9]+[a-z]{2,}")
# A name the question capitalises that ends in a version number ("Detectron2"): coined too when
# its letters are no English word, where "Python3" or "Windows10" is a known thing's version.
VERSIONED_NAME = re.compile(r"\b[A-Z][a-z]{2,}[0-9]+\b")
# A letter joined by a hyphen to a word ("k-prototypes", "x-means"): a technique's coined name,
# as the notes' own "k-means" and "k-NN" are.
LETTERED_NAME = re.compile(r"[a-z]-[a-z]{4,}")
# A word in capitals this long is a name ("CRPS", "OPTICS"); shorter ones are abbreviations of
# anything ("ML", "I").
NAME_MIN_LETTERS = 3
# A name's word is capitalised in one of this many of the notes' uses at least: "lake" 10 of 26
# in the shipped notes (a data lake, AWS Lake Formation), "blocks" 6 of 16 (Elastic Block Store),
# "insights" 25 of 34 (IP Insights), where a part every product has is capitalised in under a
# fifth ("endpoint" 0 of 171, 2 of 17 in the team's notes: VPC Endpoint; "cost" 5 of 89).
# Picked on the tuning parts and b8-b21.
NAME_USES = 3
# A word written in small letters throughout, not a part of a name cased inside ("lo" of "GloVe").
LOWERED_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*(?![A-Za-z0-9])")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")  # where a sentence's first word starts
EDGE_MARKS = "\"'`“”‘’[]{}?!*"  # marks around a word the student typed, not part of it
# The endings a word's inflected forms differ by ("LSTMs" of "LSTM", "failed" of "fail",
# "Standard's"): forms of one word, where a shared stem may join two ("optics", "optical").
INFLECTIONS = ("'s", "s", "es", "ed", "d", "ing")
_CACHE: weakref.WeakKeyDictionary[object, NotesVocabulary] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Spelled:
    """How the question itself spells its words: all of them (lowercased), and its compounds
    written with a capital inside ("zero-ETL", "LF-Tags", "Mask R-CNN"), which name a term."""

    words: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # words written as a name (`cased_names`)
    versioned: frozenset[str] = frozenset()  # names ending in a number (`VERSIONED_NAME`)


def spelled(question: str, words: Iterable[str]) -> Spelled:
    """How the question spells its `words` (lowercased, as `WORD_OR_END` finds them)."""
    versioned = frozenset(w.lower() for w in VERSIONED_NAME.findall(question))
    return Spelled(
        frozenset(words), capitalised_compounds(question), cased_names(question), versioned
    )


def capitalised_compounds(question: str) -> frozenset[str]:
    """The question's hyphenated words with a capital after their first letter, lowercased: a
    name's spelling ("LF-Tags"), not a sentence's first word ("One-hot or ...")."""
    return frozenset(
        w.lower() for w in CASED_WORD.findall(question) if "-" in w and not w[1:].islower()
    )


def cased_names(question: str) -> frozenset[str]:
    """The question's words it writes as a name, lowercased: capitalised past a sentence's first
    word ("How does the Theta method ...", "Amazon Detective") or in capitals throughout
    wherever they stand ("OPTICS or k-means", "CRPS"). A student who types a name so means that
    name, not another word that shares its stem ("optical", "detection"). A product prefix is
    no such name (the notes often drop it), and a short word in capitals ("I", "ML") may be an
    abbreviation of anything."""
    names: set[str] = set()
    for sentence in re.split(r"[.!?;:,()]\s*|\s+-\s+", question):
        for place, token in enumerate(sentence.split()):
            word = token.strip(EDGE_MARKS)
            if not CASED_SIDE_WORD.fullmatch(word):
                continue  # no word: "A/B", or one glued to another alphabet's letter ("Cramér's")
            capitals = word.isupper() and len(word) >= NAME_MIN_LETTERS
            if not (capitals or (place > 0 and word[0].isupper() and word[1:].islower())):
                continue
            plain = word.lower().removesuffix("'s")
            if plain.isalpha() and plain not in PRODUCT_WORDS and plain not in STOPWORDS:
                names.add(word.lower())
    return frozenset(names)


def capitalised_names(question: str) -> list[str]:
    """Neighbouring words the question capitalises, two at a time, past each sentence's first
    word: a name's spelling ("can S3 Object Lambda redact PII" gives "Object Lambda" and "S3
    Object"), not a sentence's start. A product prefix and the word after it are left out: notes
    often drop the prefix ("Amazon Machine" of "Amazon Machine Learning")."""
    names: list[str] = []
    for sentence in re.split(r"[.!?;:,()]\s*|\s+-\s+", question):
        words = sentence.split()[1:]
        names += [
            f"{a} {b}"
            for a, b in itertools.pairwise(words)
            if _capitalised(a) and _capitalised(b) and a.lower() not in PRODUCT_WORDS
        ]
    return names


def _runs(pairs: Iterable[str]) -> list[str]:
    """Neighbouring pairs of `capitalised_names` joined into the whole name they spell ("Glacier
    Deep" and "Deep Archive" into "Glacier Deep Archive"), so a decline names all of it."""
    runs: list[list[str]] = []
    for first, second in (pair.split() for pair in pairs):
        if runs and runs[-1][-1] == first:
            runs[-1].append(second)
        else:
            runs.append([first, second])
    return [" ".join(run) for run in runs]


def prefixes_before_prose(question: str) -> frozenset[int]:
    """Where, among the question's words and sentence ends (`WORD_OR_END`), a product prefix
    stands that the question capitalises inside a sentence and follows with a word in small
    letters: a student who writes "SageMaker" or "AWS" so spells a name's words with capitals
    too, and "Our SageMaker notebook sits in a private VPC" or "Which AWS device fits better"
    goes on in everyday words (a part, a verb), not with a product the notes lack ("SageMaker
    Studio Lab"). A question in small letters throughout says nothing either way."""
    cased = [question[m.start() : m.end()] for m in WORD_OR_END.finditer(question.lower())]
    return frozenset(
        i
        for i in range(1, len(cased) - 1)
        if cased[i].lower() in PRODUCT_WORDS
        and not cased[i].islower()
        and cased[i - 1] not in ".!?;"
        and cased[i + 1].islower()
    )


def goes_on_as_sentence(question: str, phrase: str) -> bool:
    """A phrase found as unknown that opens with a product prefix the question writes as
    `prefixes_before_prose` reads it ("Which SageMaker capability should they turn on?"): the
    words after the prefix are the sentence's, not a name the notes lack."""
    words = phrase.split()
    if len(words) < 2 or words[0] not in PRODUCT_WORDS:
        return False
    tokens = [m.group(0) for m in WORD_OR_END.finditer(question.lower())]
    return any(tokens[i : i + 2] == words[:2] for i in prefixes_before_prose(question))


def identifier_words(text: str) -> list[list[str]]:
    """The words of each code identifier in `text`, lowercased: "MaxWaitTimeInSeconds" gives
    max, wait, time, in, seconds. The notes name a setting so ("set MaxWaitTimeInSeconds") where
    a student writes its words ("max wait time"); snake_case is split by `WORD` already. A
    product's two-part name ("SageMaker", "CatBoost") is left whole (`IDENTIFIER_PARTS`)."""
    found: list[list[str]] = []
    for identifier in IDENTIFIER.findall(text):
        parts = [p.lower() for p in IDENTIFIER_PART.findall(identifier)]
        if len(parts) >= IDENTIFIER_PARTS or identifier[0].islower():
            found.append(parts)
    return found


def _capitalised(word: str) -> bool:
    return bool(CAPITALISED.fullmatch(word))


@lru_cache(maxsize=32)
def _passage_words(passage: str) -> frozenset[str]:
    """The answer's passage's words (tokens): every side of a question, and the two checks of a
    comparison's sides and of capitalised names, read the same passage."""
    return frozenset(tokenize(passage))


def _forms(found: list[str], hyphened: set[tuple[str, str]]) -> set[str]:
    """The words a passage holds: each word found, its hyphen and apostrophe parts, and it with
    its hyphens dropped; each hyphenated compound's neighbouring parts go into `hyphened`."""
    here: set[str] = set()
    for word in found:
        here.add(word)
        hyphened.update(itertools.pairwise(p for p in word.split("-") if p))
        here.update(p for p in re.split(r"[-']", word) if p)
        here.add(word.replace("-", ""))
    return here


class NotesVocabulary:
    def __init__(self, texts: Iterable[str], english: Collection[str]) -> None:
        words: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        hyphened: set[tuple[str, str]] = set()  # neighbouring parts of the notes' compounds
        conjoined: set[frozenset[str]] = set()  # words the notes set side by side (`_conjoined`)
        counts: Counter[str] = Counter()
        places: dict[str, list[int]] = {}
        self.named: Counter[str] = Counter()  # uses written capitalised inside a sentence
        self.cased: Counter[str] = Counter()  # all uses in the lines `_count_cases` reads
        self.capped: Counter[str] = Counter()  # uses with a capital anywhere ("S3", "CloudTrail")
        # words written in small letters somewhere, headings too: "GloVe" only is a name's word
        self.lowered: set[str] = set()
        for number, text in enumerate(texts):
            self._count_cases(text)
            self.lowered.update(LOWERED_WORD.findall(text))
            found = WORD.findall(text.lower())
            pairs.update(itertools.pairwise(found))
            conjoined.update(_conjoined(WORD.findall(ASIDE.sub(" ", text.lower()))))
            for parts in identifier_words(text):
                pairs.update(itertools.pairwise(parts))
                found.extend(parts)
            counts.update(found)
            here = _forms(found, hyphened)
            words |= here
            for word in here:
                places.setdefault(word, []).append(number)
        self.places = places
        self.words = words
        self.pairs = pairs
        self.hyphened = hyphened
        self.conjoined = conjoined
        self.counts = counts
        self.rare = sum(counts.values()) // RARE_PER_WORDS
        self.sorted = sorted(words)
        self.stems = set(tokenize(" ".join(words)))
        self.english = set(english)
        self.ranks: Mapping[str, int] = english if isinstance(english, Mapping) else {}
        self._by_length: dict[int, list[str]] | None = None  # for `_slip`, made when first needed
        self._stemmed: set[tuple[str, str]] | None = None  # for `together`

    def _count_cases(self, text: str) -> None:
        """Count how each word is cased past its sentence's first word, in the text's lines that
        are prose: a heading in title case ("Performance and Cost") capitalises every word."""
        for line in text.splitlines():
            tokens = CASED_SIDE_WORD.findall(line)
            if sum(t[0].isupper() for t in tokens) * 2 > len(tokens):
                continue  # a heading, or a list of names
            for sentence in SENTENCE_END.split(line):
                for token in CASED_SIDE_WORD.findall(sentence)[1:]:
                    word = token.lower()
                    self.cased[word] += 1
                    if token[0].isupper() and not token.isupper():
                        self.named[word] += 1
                    if not token.islower():
                        self.capped[word] += 1

    def name_word(self, word: str) -> bool:
        """A word the notes write as a name's word: capitalised inside a sentence in one of
        `NAME_USES` of its uses at least, in either number ("Lake" of "AWS Lake Formation",
        "Lens" of "Contact Lens", "Insights" of "IP Insights"), where a part every product has
        ("endpoint", "cost") is written in small letters."""
        forms = (word, f"{word}s", word.removesuffix("s"))
        forms = tuple(dict.fromkeys(f for f in forms if f))
        cased = sum(self.cased[f] for f in forms)
        return cased > 0 and NAME_USES * sum(self.named[f] for f in forms) >= cased

    def everyday(self, word: str) -> bool:
        """An everyday English word: a whole word of the model's vocabulary, or one made of an
        English prefix and such a word ("reshuffle", "unpack", "downtime"), which a student's
        chat holds as often as the word itself and which names no product; or a plural or a
        verb's form of such a word ("plugs"), which the model's word list seldom holds whole."""
        if word in self.english or any(
            len(form) >= FORM_MIN_LETTERS and form in self.english for form in _form_stems(word)
        ):
            return True  # a plural or a verb's form ("plugs") is as everyday as its word
        return any(
            word.startswith(prefix)
            and len(word) - len(prefix) >= PREFIXED_MIN_LETTERS
            and word[len(prefix) :] in self.english
            for prefix in PREFIXES
        )

    def chat(self, word: str) -> bool:
        """A chat word: one of the `COMMON_WORDS` commonest English words (in one of its forms:
        "grabs" of "grab") that the notes never write, in any form. The notes' own common words
        ("model", "data") and their rare ones are what a question asks about; a common word they
        lack is how a student talks ("where do i grab a lambda blueprint")."""
        if word in self.words or set(tokenize(word)) <= self.stems:
            return False
        cut = (word[: -len(e)] for e in ENDINGS if word.endswith(e))
        forms = [word, *(form for form in cut if len(form) >= FORM_MIN_LETTERS)]
        return any(self.ranks.get(form, COMMON_WORDS) < COMMON_WORDS for form in forms)

    def knows(self, word: str) -> bool:
        word = word.lower()
        if word in self.words or word.replace("-", "") in self.words:
            return True
        parts = [p for p in re.split(r"[-']", word) if p and p not in STOPWORDS]
        if len(parts) > 1:  # "sequence-to-vector" where the notes write "sequence to vector"
            return all(self.knows(part) for part in parts)
        if self.knows_as_written(word) or self.near_spelling(word):
            return True
        return len(word) >= 4 and (
            self._swapped(word)
            or self._reshaped(word)
            or self._renumbered(word)
            or self._inflected(word)
        )

    def knows_name(self, word: str) -> bool:
        """Whether the notes know a word the question writes as a name (`cased_names`). An
        English word so written is spelt as meant: the notes must write it or one of its
        inflected forms ("LSTMs", "Standard's"), or a longer word it starts ("Auto" of
        "autopilot"), not only another word that shares its stem ("OPTICS" and "optical") nor
        one a letter away ("Amazon Detective" is no "defective"). Any other word is known as
        `knows` has it ("Featurization" is the notes' "feature" made a noun)."""
        if self._written_form(word) or self._written_form(respell(word)):
            return True
        if word in self.english:
            return self.knows_as_written(word, stems=False)
        return self.knows(word)

    def _written_form(self, word: str) -> bool:
        """The notes write the word in one of its inflected forms (`INFLECTIONS`): "fail" or
        "failing" for "failed", "lstm" for "LSTMs"."""
        bases = {word} | {word[: -len(e)] for e in INFLECTIONS if word.endswith(e)}
        bases = {base for base in bases if len(base) >= FORM_MIN_LETTERS}
        return any(f"{base}{e}" in self.words for base in bases for e in ("", *INFLECTIONS))

    def _inflected(self, word: str) -> bool:
        """Another form of a word the notes write longer: the word less a verb's or a plural's
        ending (`FORM_ENDINGS`) starts a notes word ("embeds" of "embedding", "params" of
        "parameters"): a student turns the notes' noun into a verb, or clips it and adds a
        plural. The stem is no English word (an everyday word's form is `everyday`'s) and has
        `SHORT_COINED_LETTERS` at least, so it names no other word by chance; "-er" is left
        out, as it makes another word, often a name ("access analyzer" of "analyze")."""
        return any(
            len(stem) >= SHORT_COINED_LETTERS
            and stem not in self.english
            and next(self._starting(stem), None) is not None
            for stem in _form_stems(word)
        )

    def remade(self, word: str) -> bool:
        """An everyday word made of a word the notes write by English morphology: an English
        prefix before a word they use often ("resample", "resamples" of "sample"), or a
        comparative ending after an everyday adjective they write ("quicker" of "quick": the
        model's vocabulary holds its adverb, "quickly"). The word speaks of what the notes
        speak of, not of a subject they lack. The prefixed word's rest is a notes word written
        more than rarely (`rare`): a product the notes mention once in passing ("redash" beside
        one "dash") stays a name; an agent noun ("tuner", "teacher") is no comparative and often
        names a thing."""
        for prefix in PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= PREFIXED_MIN_LETTERS:
                if rest in self.english and self._often(rest):
                    return True
                if any(stem in self.english and self._often(stem) for stem in _form_stems(rest)):
                    return True
        return any(
            word.endswith(end) and self._adjective(stem) and stem in self.words
            for end, stem in (("er", word[:-2]), ("est", word[:-3]))
        )

    def chat_about_term(self, question: str, missing: str) -> bool:
        """`missing` is chat, not a subject: its words and every other word of the question the
        notes lack are chat words (`chat`: "textract gives back the text plus what", "besides
        dropout what else stops overfitting", "what do the exam scenarios throw at you"),
        written in small letters, and the question names a term of the notes no common English
        word is ("textract", "dropout", "exam"). The chat words say how the student asks about
        that term, not what about. An off-topic ask ("how long does it take to learn guitar")
        names no such term; a name ("Ray Tune", "sagemaker model cards") is capitalised or has
        a word that is no chat word."""
        said = WORD.findall(missing)
        written = set(CASED_SIDE_WORD.findall(question))  # as the student cased them
        words = [w for w in WORD.findall(question.lower()) if _content_word(w) and len(w) >= 3]
        unknown = [w for w in words if not self.knows(w)]
        if not said or any(not self.chat(w) or w not in written for w in [*said, *unknown]):
            return False
        return any(self._term(w) for w in words)

    def _term(self, word: str) -> bool:
        """A word the notes write that is no common English word (`COMMON_WORDS`): a name or a
        term of their subject ("textract", "dropout", "exam"), not how anyone talks."""
        if "'" in word:
            return False  # a contraction ("won't") is how anyone talks
        return word in self.words and self.ranks.get(word, COMMON_WORDS) >= COMMON_WORDS

    def _often(self, word: str) -> bool:
        """The notes write the word more than rarely (`rare`), in this form."""
        return self.counts[word] > self.rare

    def knows_as_written(self, word: str, stems: bool = True) -> bool:
        """The notes hold the (lowercased) word as it is spelled, in another form of it (its
        stem, a plural), or a longer word it starts ("xgb" of "xgboost"): no slip of a letter."""
        if word in self.words or word.replace("-", "") in self.words:
            return True
        if stems and set(tokenize(word)) <= self.stems and tokenize(word):
            return True
        if self.clipped_plural(word):
            return True
        return len(word) >= CLIPPED_MIN and next(self._starting(word), None) is not None

    def clipped_plural(self, word: str, written: Collection[str] | None = None) -> bool:
        """A plural a student makes of a short word the notes write (`written`: their words by
        default) with a bare "s", which a stemmer does not undo: of the word as written ("dbs"
        of "db", "built-ins" of "built-in"), or of a clipped one that starts a longer notes word
        (`CLIPPED_MIN` to `CLIPPED_MAX` letters, as for "xgb": "pics" of "pictures")."""
        stem = word[:-1]
        if not word.endswith("s") or len(stem) < PLURAL_STEM or stem.endswith("s"):
            return False
        if stem in (self.words if written is None else written):
            return True
        clipped = CLIPPED_MIN <= len(stem) <= CLIPPED_MAX  # "chronos" is no clipped "chronological"
        return written is None and clipped and any(self._starting(stem))

    def near_spelling(self, word: str) -> str | None:
        """The notes word a long word is one letter from (a typo: "tunning" of "tuning"), the
        notes' commonest when several are; None for a shorter word, where one letter often makes
        another term."""
        if len(word) < NEAR_MIN_LETTERS:
            return None
        near = [
            known
            for known in self._starting(word[:2])
            if abs(len(known) - len(word)) <= 1 and Levenshtein.distance(known, word) <= 1
        ]
        return max(near, key=lambda known: self.counts[known], default=None)

    def _starting(self, prefix: str) -> Iterator[str]:
        """The notes' words that start with `prefix`, in order."""
        at = bisect.bisect_left(self.sorted, prefix)
        return itertools.takewhile(
            lambda known: known.startswith(prefix), itertools.islice(self.sorted, at, None)
        )

    def _reshaped(self, word: str) -> bool:
        """A name the notes write as two words, run together ("guardduty" for "Guard Duty"), or
        a word clipped in chat whose stem starts a notes word ("distro" for "distribution")."""
        if any((word[:i], word[i:]) in self.pairs for i in range(JOINED_PART, len(word) - 2)):
            return True
        stem = word[:-1]
        if len(stem) < CLIPPED_STEM or not word.endswith("o"):
            return False  # chat clips a word with an "o" (distro, convo): "proton" is no "protobuf"
        return next(self._starting(stem), None) is not None

    def _renumbered(self, word: str) -> bool:
        """The notes write the word's letters with another number: "float64" where they have
        "float32", the same family in another width."""
        found = NUMBERED.fullmatch(word)
        if not found:
            return False
        letters = found.group(1)
        return any(known[len(letters) :].isdigit() for known in self._starting(letters))

    def _swapped(self, word: str) -> bool:
        """Two neighbouring letters swapped, in the notes or the question ("npts" for the
        notes' "NTPS")."""
        return any(
            f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2 :]}" in self.words
            for i in range(1, len(word) - 1)
        )

    def unknown_subject(
        self, question: str, key_phrases: Iterable[str] = (), coined: bool = True
    ) -> str | None:
        """The question's key subject when the notes never mention it, else None.

        `coined=False` for a scenario's long stem: a made-up word there is its setting (a
        company, a vendor's product), not what it asks, so only a product's name counts.

        An unknown word is the key subject when it names a product ("amazon bedrock"), leads one
        of `key_phrases` (a comparison's side, the X of "what is X", what a short question asks
        about), or is no everyday English word and stands in one of them."""
        words = [w if w[0].isalpha() else "." for w in WORD_OR_END.findall(question.lower())]
        phrases = [WORD.findall(phrase.lower()) for phrase in key_phrases]
        key = {w for phrase in phrases for w in phrase}
        leading = {lead[0] for phrase in phrases if (lead := self._content(phrase))}
        asked = spelled(question, words)
        unknown, content = self._unknown_words(words, asked)
        if len(unknown) > max(2, content // 2):
            return MOSTLY_UNKNOWN
        named = [
            i
            for i in unknown
            if not self._takes_object(words, i)
            and self._names_subject(words, i, key, leading, coined, asked)
        ]
        if not named:
            prose = prefixes_before_prose(question)
            found = (
                self._unknown_product(words, prose)
                or self._unknown_name(words, prose)
                or self._short_name(words)
                or self._unknown_feature(words, asked.names)
            )
            if found or not coined:
                return found
            named = [i for i in unknown if self._lone_name(words, i, asked)]
            if not named:
                return None
        return self._named_run(words, unknown, named[0])

    def _named_run(self, words: list[str], unknown: list[int], first: int) -> str:
        """The subject the unknown word at `first` names: with a product word before it and the
        unknown words after it ("amazon bedrock agents")."""
        start = first - 1 if first > 0 and words[first - 1] in PRODUCT_WORDS else first
        end = first + 1
        while end < len(words) and end in unknown:
            end += 1
        if end + 1 < len(words) and words[end] == "for" and self._names_on(words[end + 1]):
            end += 2  # "lookout for vision": a name that goes on with "for"
        return " ".join(words[start:end])

    def _lone_name(self, words: list[str], index: int, asked: Spelled) -> bool:
        """An unknown word the question writes as a name of one word (`cased_names`: "How does
        the Theta method forecast ...", "how is CRPS used ..."): the subject, though an everyday
        word or one letter from one, when nothing else names one. A capitalised word beside
        another is part of a longer name, which the checks of capitalised names decline whole
        ("Delta Lake"); one of the commonest English words (`COMMON_WORDS`) capitalised is most
        often a language, a month or a place, the question's setting ("sentiment in Spanish
        reviews"), not what it asks about."""
        word = words[index]
        if word not in asked.names or self.ranks.get(word, COMMON_WORDS) < COMMON_WORDS:
            return False
        beside = (
            words[index - 1] if index > 0 else ".",
            words[index + 1] if index + 1 < len(words) else ".",
        )
        return not any(other in asked.names for other in beside)

    def _unknown_words(self, words: list[str], asked: Spelled) -> tuple[list[int], int]:
        """Where the question's unknown content words stand, and how many content words it has.
        A capitalised compound the notes never write joined counts as unknown though each part
        is known ("zero-ETL": the notes have "zero" and "ETL", never together)."""
        unknown: list[int] = []
        content = 0
        for index, word in enumerate(words):
            if word in STOPWORDS or word in FILLER or len(word) < 3 or word.isdigit():
                continue
            content += 1
            joined = word not in asked.compounds or self._joined(word)
            named = word not in asked.names or self.knows_name(word)
            if not (self.knows(word) and joined and named) or self._variant(word, asked.words):
                unknown.append(index)
        return unknown, content

    def _variant(self, word: str, spelled: frozenset[str]) -> bool:
        """A word known only as a one-letter slip of a notes word (`near_spelling`) that the
        question spells too ("DeepVAR vs DeepAR"): a student who writes the notes' word right
        beside it names another thing by the other, a variant the notes lack."""
        if self.knows_as_written(word):
            return False
        near = self.near_spelling(word)
        return near is not None and near != word and near in spelled

    def _takes_object(self, words: list[str], index: int) -> bool:
        """The word is a verb's form with what it acts on right after it, so it says what the
        student does, not what the question is about: a gerund before its object ("besides
        eyeballing a residual plot", "elastic inference vs just picking a bigger gpu instance")
        or a past form (`_past_form`) before its complement ("lambda shipped as a container
        image"). A gerund after a form of "be" or an auxiliary in its clause is the clause's
        subject, a technique named ("is label smoothing a regulariser", "how does pruning a
        network work"), and stays one."""
        word = words[index]
        after = [*words[index + 1 : index + 3], ".", "."]
        gerund = word.endswith("ing") and len(word) - len("ing") >= VERB_STEM
        if gerund and after[0] in DETERMINERS:
            clause = itertools.takewhile(lambda w: w != ".", reversed(words[:index]))
            return not any(w in SUBJECT_MAKERS for w in clause)
        complement = after[0] in COMPLEMENT_PREPOSITIONS and after[1] in DETERMINERS
        return complement and self._past_form(word)

    def _past_form(self, word: str) -> bool:
        """A verb's past form: the word less "ed" or "d" ("trained", "stored"), a doubled last
        consonant undone ("shipped"), is an English word; "nosebleed" is none."""
        if not word.endswith("ed"):
            return False
        stems = {word[:-2], word[:-1]}
        if len(word) > len("ed") + 1 and word[-3] == word[-4]:
            stems.add(word[:-3])
        return any(len(stem) >= VERB_STEM and stem in self.english for stem in stems)

    def _joined(self, compound: str) -> bool:
        """The notes write a hyphenated compound's parts together: hyphenated, run together or
        as neighbouring words ("sequence to vector" for "sequence-to-vector")."""
        if compound in self.words or compound.replace("-", "") in self.words:
            return True
        parts = [p for p in compound.split("-") if p]
        return all(
            pair in self.pairs or pair in self.hyphened for pair in itertools.pairwise(parts)
        )

    @staticmethod
    def _names_on(word: str) -> bool:
        """A word after "for" that goes on with a name ("lookout for vision"), not a stopword nor
        a gerund that opens what the name is for ("cyclegan for turning photos into ...")."""
        return word not in STOPWORDS and not word.endswith("ing")

    def absent_side(self, sides: Iterable[str], names_only: bool = False) -> str | None:
        """A comparison's side the notes never name, though they know each of its words: words
        they never put together, nor in any one passage ("isolation forest" in notes that have
        network isolation and random forests). A word the notes hold only in another form
        ("optimisation" for "optimization") leaves the side to the other checks."""
        for side, words in self._unwritten(list(sides), names_only=names_only):
            shared = set(self._places(words[0]))
            for word in words[1:]:
                shared.intersection_update(self._places(word))
            if not shared:
                return side
        return None

    def unwritten_sides(self, sides: Iterable[str], passage: str = "") -> list[str]:
        """The comparison sides named by words the notes each hold but never write together
        ("storage gateway" in notes with "storage" and "API Gateway"): a name of two to four
        words, not a question misread as a side. A side `side_held` finds held, in the notes or
        in `passage` (the answer's passage), is not one of them."""
        return [side for side, _ in self._unwritten(list(sides), passage)]

    def _unwritten(
        self, sides: list[str], passage: str = "", names_only: bool = False
    ) -> list[tuple[str, list[str]]]:
        """Each of `unwritten_sides` with the words it is checked by (its `plain_kinds` words,
        numbers left out)."""
        found = []
        for index, (side, plain) in enumerate(zip(sides, self.plain_kinds(sides), strict=True)):
            said = WORD.findall(side.lower())  # its length as asked: a name, not a question
            words = [w for w in self._content(WORD.findall(plain)) if not w.isdigit()]
            if _misread_side(side, sides[:index]) or len(words) < 2:
                continue  # a side is a name: a question misread as a side is left to the others
            if names_only and any(w in STOPWORDS for w in said[1:-1]):
                continue  # a phrase ("the hardware for training"), no name: left to the others
            if not all(w in self.places for w in words):
                continue
            others = [other for other in sides if other != side]
            if not self.side_held(side, words, others, passage):
                found.append((side, words))
        return found

    def side_held(
        self, side: str, words: Sequence[str], others: Sequence[str], passage: str
    ) -> bool:
        """Whether the notes hold a comparison's side named by notes words (`words`, its plain
        kind's), the one judgement every check of a side makes (`absent_side`, `unwritten_sides`):
        the notes write two of its words together in some form (`together`), it is a product's
        part (`_named_part`: "object2vec endpoints"), or `passage`, the passage the answer
        quotes, holds every word in some form ("rnn cell" beside a passage on the LSTM cell,
        "part of RNN"): the notes speak of the side there in their own words."""
        if any(self.together(a, b) for a, b in itertools.pairwise(words)):
            return True
        if self._named_part(side, others):
            return True
        held = _passage_words(passage)
        return bool(held) and all(set(tokenize(w)) <= held for w in words)

    def _named_part(self, side: str, others: Sequence[str]) -> bool:
        """A side that is a product's part: a name the notes write that is no English word
        ("object2vec", "deepar") and one word after it, in small letters, that the notes write
        often ("object2vec endpoints"). The notes speak of a product's endpoints, parameters or
        instances in its passages in their own words, seldom after its name. A capitalised part
        names a feature ("S3 Select"), and a name another side holds too makes the part what the
        comparison is about ("gini coefficient" beside "gini impurity")."""
        found = [w for w in CASED_SIDE_WORD.findall(side) if w.lower() not in STOPWORDS]
        if len(found) != 2 or not found[1].islower():
            return False
        name, part = found[0].lower(), found[1]
        if name in self.english or name not in self.words or not self._often(part):
            return False
        return all(name not in WORD.findall(other.lower()) for other in others)

    def split_side(self, sides: Sequence[str]) -> str | None:
        """A comparison's side named by two notes words the notes never write as that term, while
        another side is one they write: "group normalization vs batch normalization", "S3 Select
        vs Athena" (the notes have groups, selects and normalization, never "group normalization"
        nor "S3 Select"). Both words are notes words as written (a typo or a word held only in
        another form is left to the other checks), never together in any form (`together`), and
        seldom in one passage (`_seldom_together`): a product and its own part ("polly ssml",
        "xgboost alpha") share the part's passages though the notes never write them side by
        side. The answer would be about the other side or a sibling its words find."""
        # a side is read as its plain kind: "a plain autoencoder" is one the notes write
        plain = self.plain_kinds(sides)
        written = [self._side_written(side) for side in plain]
        if True not in written and not any(self._name_written(side) for side in plain):
            return None  # no side the notes write: the comparison may be phrased, not named
        if written[-1] is False and _one_word_before(sides) and self._shares_head(plain):
            written[-1] = None  # "supervised vs unsupervised ML": "ML" may be both sides' head
        return next((s for s, w in zip(sides, written, strict=True) if w is False), None)

    def _shares_head(self, sides: Sequence[str]) -> bool:
        """A last side that may share its head word with a one-word side before it (as
        `_one_word_before` reads it: "supervised vs unsupervised ML", "glove vs bert
        embeddings"): the head is a kind of thing the notes write often ("ML", "embeddings",
        "endpoints"), or one they write in a passage with that one-word side, and so is the last
        side's own first word, the kind set against the one-word side ("unsupervised", "bert",
        "object2vec"). A rare head no passage sets beside the other side is the last side's own
        term ("k-means or mean shift": "shift" is no kind of k-means), and so is a head after a
        word the notes seldom write and never beside that side ("PCA or factor analysis", "t-SNE
        vs multi-dimensional scaling": no kind of PCA or t-SNE): the notes must write that term."""
        words = _content_words(sides[-1])
        ones = [w[0] for side in sides[:-1] if len(w := _content_words(side)) == 1]
        return bool(words) and all(self._kind_beside(w, ones) for w in (words[-1], words[0]))

    def _kind_beside(self, word: str, ones: Sequence[str]) -> bool:
        """A word the notes write often, or in a passage with one of `ones` (`_shares_head`)."""
        return self._often(word) or any(self._places(one) & self._places(word) for one in ones)

    def _side_written(self, side: str) -> bool | None:
        """`_term_written` for a comparison's side, and False for a side with a hyphenated word
        whose parts the notes hold but never write together in any form (`together`: "one-class
        svm" in notes with "one", "class" and SVMs, never "one class"): the student spells a term
        the notes lack. "micro-averaged" is written as "micro averaging"."""
        for word in _content_words(side):
            parts = [p for p in word.split("-") if p]
            if len(parts) < 2 or self.knows_as_written(word):
                continue
            if all(self.knows_as_written(p) for p in parts) and not self._in_a_row(parts):
                return False
        return self._term_written(side)

    def _name_written(self, side: str) -> bool:
        """A side of three or four notes words that the notes write one after another ("random
        cut forest"): a name they give, though too long for `_term_written` to weigh as a term."""
        words = _content_words(side)
        if not 2 < len(words) <= NAME_WORDS + 2:
            return False
        return all(self.knows_as_written(w) for w in words) and self._in_a_row(words)

    def _in_a_row(self, words: Sequence[str]) -> bool:
        """The notes write each of `words` right after the one before it (`together`)."""
        return all(self.together(a, b) for a, b in itertools.pairwise(words))

    def plain_kinds(self, sides: Sequence[str]) -> list[str]:
        """The comparison's sides, lowercased, each without a leading word that only says "the
        ordinary kind" of what the rest names ("plain accuracy" beside F1, "plain mean
        imputation" beside MICE): the student sets the rest against the other side, a kind of
        it, and the notes write the rest, never with that word. Such a word is an everyday
        adjective (the model's vocabulary holds its adverb: "plainly"), written in small letters
        (a capital names a product: "Ray Tune"), and the notes put the rest's head word in a
        passage with the other side's. A side whose head word the notes lack keeps the check."""
        plain = [self._plain_kind(side, sides[:i] + sides[i + 1 :]) for i, side in enumerate(sides)]
        return self._without_shared_head(plain)

    def _without_shared_head(self, sides: list[str]) -> list[str]:
        """Two sides ending in one head word, each side's word before it one the notes set side
        by side with the other's (`_conjoined`: "classification and regression", "multi-class or
        multi-label", "RNN vs LSTM"), read without the head: the head is what the comparison
        asks about in both ("classification trees vs regression trees", "multi-class mode vs
        multi-label mode", "lstm cell vs rnn cell"), and the notes speak of the two kinds in
        their own words, seldom with the student's head after each. Kinds the notes never set
        side by side keep the check ("group normalization vs batch normalization")."""
        words = [WORD.findall(side) for side in sides]
        if len(sides) != 2 or any(len(w) < 2 for w in words) or words[0][-1] != words[1][-1]:
            return sides
        if frozenset((words[0][-2], words[1][-2])) not in self.conjoined:
            return sides
        return [side[: side.rindex(w[-1])].strip() for side, w in zip(sides, words, strict=True)]

    def _plain_kind(self, side: str, others: Sequence[str]) -> str:
        """One side as `plain_kinds` reads it: lowercased, its leading adjective dropped when
        the rest's head word shares a passage with a word of the `others`."""
        found = [m for m in CASED_SIDE_WORD.finditer(side) if m[0].lower() not in STOPWORDS]
        lowered = side.lower()
        if len(found) < 2 or not found[0][0].islower() or not self._adjective(found[0][0]):
            return lowered
        head = found[-1][0].lower()
        other = {w for o in others for w in _content_words(o)}
        if not any(self._places(head) & self._places(w) for w in other if w != head):
            return lowered  # the notes never set the rest beside the other side
        return lowered[found[0].end() :].strip()

    def _adjective(self, word: str) -> bool:
        """An everyday adjective: the model's vocabulary holds its adverb ("plainly", "simply")."""
        return word in self.english and any(
            adverb in self.english for adverb in (f"{word}ly", f"{word[:-1]}y", f"{word}ally")
        )

    def split_name(self, names: Iterable[str]) -> str | None:
        """The first of the names a question capitalises (`capitalised_names`, joined into runs)
        that is two notes words the notes never write as that name and seldom in one passage
        ("EventBridge Pipes" in notes with EventBridge rules and SageMaker pipelines), as
        `split_side` reads a comparison's side."""
        return next((name for name in _runs(names) if self._term_written(name) is False), None)

    def _term_written(self, term: str) -> bool | None:
        """Whether the notes write a term: one notes word, or two that stand together or share
        most passages (`_seldom_together`); None when the term is no such short name (three
        words or more are often a phrase: "linear traffic shifting"), or ends in a word a
        student adds (`FILLER`: "pca used"). Such a word before a notes word may open a term
        ("mean shift"), which the notes must write as any other."""
        words = _content_words(term)
        if not 0 < len(words) <= 2 or any(w in STOPWORDS for w in words) or words[-1] in FILLER:
            return None
        if not all(self.knows_as_written(w) for w in words):
            return None
        return len(words) == 1 or not self._seldom_together(*words)

    def _seldom_together(self, first: str, second: str) -> bool:
        """Two words the notes never write side by side, and that share few of the passages the
        rarer one stands in (under SHARED_PASSAGES of them)."""
        if self.together(first, second):
            return False
        one, other = self._places(first), self._places(second)
        rarer = min(len(one), len(other))
        return not rarer or len(one & other) < SHARED_PASSAGES * rarer

    def together(self, first: str, second: str) -> bool:
        """The notes write `second` right after `first`, in any casing, hyphenation or form
        ("batch normalisation layers" for "batch normalization", "one-hot" for "one hot"), or
        the two run together as one word ("guardduty")."""
        if (first, second) in self.pairs or (first, second) in self.hyphened:
            return True
        if first + second in self.words:
            return True
        return (_stem(first), _stem(second)) in self._stem_pairs()

    def _stem_pairs(self) -> set[tuple[str, str]]:
        """The notes' neighbouring words (and compounds' parts) as stems, made when first needed."""
        if self._stemmed is None:
            neighbours = self.pairs | self.hyphened
            stems = {w: _stem(w) for w in {w for pair in neighbours for w in pair}}
            self._stemmed = {(stems[a], stems[b]) for a, b in neighbours}
        return self._stemmed

    def unknown_in_name(self, names: Iterable[str]) -> str | None:
        """The first of the names a question capitalises (`capitalised_names`) holding a word the
        notes never use in any form (`knows`): "Keras Tuner", "Delta Lake". The notes cannot
        write that name, yet its other word ("tuner", "lake") lets search find a sibling they do
        cover. A name whose words the notes all know is left to `unwritten_sides`."""
        for name in _runs(names):
            words = self._content(WORD.findall(name.lower()))
            if any(not (word.isdigit() or self.knows(word)) for word in words):
                return name
        return None

    def unwritten_lead(self, question: str) -> str | None:
        """The two-word term a question opens with (`TOPIC_FIRST`, up to its first stopword, a
        product prefix left out), an everyday word before a notes word, when the notes never
        write that term (`_term_written`: "modified z-score", "gradient accumulation", "spot
        fleet" in notes with z-scores, gradients and spot instances): a technique or a feature
        named in the notes' own words that the notes lack. A product's own word first
        ("object2vec endpoint", "knn endpoint") names its part, and a longer opening ("forecast
        weekly demand for ...") is a sentence, not a term: both are left to the other checks."""
        found = TOPIC_FIRST.match(question)
        if not found:
            return None
        words: list[str] = []
        opening = WORD.findall(found[1].lower())
        for index, word in enumerate(opening):
            if word in STOPWORDS:
                break
            if self._takes_object(opening, index):
                return None  # "lambda shipped as a container image": a clause and its verb
            if word not in PRODUCT_WORDS:
                words.append(word)
        return self._unwritten_term(words)

    def unwritten_subject(self, asked: str) -> str | None:
        """The two-word term a subject opens with after an article ("a foundation model", "the
        gap statistic pick ..." of what a definition or a how-to asks), an everyday word before
        a notes word, when the notes never write that term (`_term_written`), as for
        `unwritten_lead`: the article opens a noun phrase, and its first two words name the
        thing asked about. A stopword or a product prefix ends the term; an everyday adjective
        first describes a thing ("a proper caffe latte", "the usual way"), it names none."""
        words = WORD.findall(asked.lower())
        if len(words) < 2 or words[0] not in ARTICLES or f"{words[1]}ly" in self.english:
            return None  # an adjective: the model's vocabulary holds its adverb ("properly")
        named = itertools.takewhile(
            lambda w: w not in STOPWORDS and w not in PRODUCT_WORDS, words[1:]
        )
        return self._unwritten_term(list(named)[:2])

    def _unwritten_term(self, words: list[str]) -> str | None:
        """Two words, an everyday one first, as a term the notes never write (`_term_written`),
        or cannot: one of its words is none of theirs in any form ("the kernel trick", "the gap
        statistic" in notes without "trick" or "gap"), though the other finds a passage."""
        if len(words) != 2 or not self.everyday(words[0]) or words[1] in ASKED_OF_A_THING:
            return None  # "window types": the kinds of a window asked, no term
        term = " ".join(words)
        if not all(self.knows(w) for w in words):
            return term
        return term if self._term_written(term) is False else None

    def unwritten_kind(
        self, words: Sequence[str], said: Collection[str] | None = None
    ) -> str | None:
        """A kind of a notes term named by an English word before it that the notes write seldom
        or never ("spatial dropout", "balanced accuracy", "population based training" in notes
        on dropout, accuracy and training): a technique of its own the notes never write as that
        term (`_term_written`), not one they cover, so the answer their term finds is about the
        plain kind. The first word is written rarely at most (`rare`), in small letters (a name's
        word, "GloVe", names its own thing and its attribute after it), and the term's head word
        often: a rare word before a rare one is a name of two words, left to the other checks.
        A participle after the first word ("population based") describes the head after it, and
        a head the notes write a word after goes on to that word ("edited nearest neighbours")."""
        if len(words) < 2 or not words[0].isalpha() or words[0] not in self.english:
            return None
        first, second = words[:2]
        if self._gerund(first):
            return None  # the student's action on a thing ("adding filters to a layer, any catch")
        described = len(words) > 2 and second.endswith("ed")
        head = words[2] if described else second
        if self.counts[first] > self.rare or self.counts[head] <= self.rare:
            return None
        if self.counts[first] and not self._small_lettered(first):
            return None
        if self.knows(first) and self._kind_written(first, second, said):
            return None
        goes_on = len(words) > 2 and (described or self.together(second, words[2]))
        return " ".join(words[:3] if goes_on else words[:2])

    def _kind_written(self, first: str, second: str, said: Collection[str] | None) -> bool:
        """The notes write the kind `unwritten_kind` reads: the two words side by side in some
        form (`together`), a pair `_term_written` cannot weigh, or two that share most of the
        rarer one's passages (`_term_written`) when `said` (the words and stems of the answer
        and its passage; None when no answer is read) holds the first word: the shared passage
        speaks of the kind ("census data" beside the notes' census records). One the answer
        lacks shares them by chance: the first word is rare in the notes, so one passage that
        holds both ("temperature" in a passage on scaling) makes half its passages."""
        written = self._term_written(f"{first} {second}")
        if written is not True or said is None or self.together(first, second):
            return written is not False
        return set(tokenize(first)) <= set(said)

    def unwritten_modifier(self, words: Sequence[str]) -> str | None:
        """A modifier and the term after it (and the term's next word, when the notes write the
        two together): the modifier letters only (or two words hyphened the notes never join,
        `_unjoined_compound`: "field-aware factorization machines"), no verb's "-ing" form (the
        student's action), a superlative (a value asked of the term) nor an everyday adjective
        (`_adjective`: "plain", "usual": the ordinary kind, which the notes put in other words),
        written rarely at most
        (`rare`) and never right before the term's head, which the notes know and write more
        often, sharing few passages with it (`_seldom_together`); or a term's own word the notes
        write often, never in a passage with the head (`_term_word_apart`: "incremental PCA")."""
        if len(words) < 2 or not (words[0].isalpha() or self._unjoined_compound(words[0])):
            return None
        first, head = words[:2]
        if self._gerund(first) or self._superlative(first):
            return None
        if self._adjective(first):
            return None  # an everyday adjective: the ordinary kind ("a plain rnn cell"), a quality
        apart = self._term_word_apart(first, head)
        if (self.counts[first] > self.rare and not apart) or not self.knows(head):
            return None
        if not (self.knows_as_written(first) or "-" in first):
            return None  # a word the notes never write in any form is left to the other checks
        # (a hyphened modifier is `_unjoined_compound`: unwritten as a whole, whatever its parts)
        if head.endswith(PARTICIPLE) or (self.counts[head] <= self.counts[first] and not apart):
            return None  # "rule based": the word first is the participle's complement
        if self.together(first, head) or not self._seldom_together(first, head):
            return None
        goes_on = len(words) > 2 and self.together(head, words[2])
        return " ".join(words[:3] if goes_on else words[:2])

    def _unjoined_compound(self, word: str) -> bool:
        """Two words of letters hyphened that the notes never write together in any form
        (`_joined`): a modifier coined for a term ("field-aware"), as a side's "one-class" is. A
        phrase hyphened into an adjective ("concept-by-concept", "state-of-the-art") holds a
        small word and names no kind."""
        parts = word.split("-")
        plain = all(p.isalpha() and p not in STOPWORDS for p in parts)
        return len(parts) == 2 and plain and not self._joined(word)

    def _term_word_apart(self, first: str, head: str) -> bool:
        """A term's own word (no English word, written in small letters: "incremental",
        "stochastic") that the notes write often but never in a passage with `head`: the two
        name a technique the notes lack ("incremental PCA", "stochastic depth"), however often
        the notes write the modifier before other terms. An English word ("full", "whole") or a
        name's ("CNN") qualifies many things the notes write apart without naming a term."""
        if first in self.english or not self._small_lettered(first):
            return False
        return not self._places(first) & self._places(head)

    def _superlative(self, word: str) -> bool:
        """An adjective's "-est" form, its comparative an English word too ("highest", "higher")."""
        stem = word.removesuffix(SUPERLATIVE)
        return stem != word and any(f"{s}er" in self.english for s in _undone(stem) if len(s) >= 2)

    def _gerund(self, word: str) -> bool:
        """A verb's "-ing" form: the word less its ending, with an "e" back or a doubled last
        letter undone, is an English word ("adding", "tuning", "running")."""
        stem = word.removesuffix("ing")
        if stem == word or len(stem) < VERB_STEM:
            return False
        return any(s in self.english for s in _undone(stem))

    def _small_lettered(self, word: str) -> bool:
        """The notes write the word in small letters, somewhere and in most of their sentences'
        uses: no name's word ("GloVe", "Stochastic Gradient Descent")."""
        named = self.name_word(word) or 2 * self.capped[word] > self.cased[word]
        return word in self.lowered and not named

    def unfound_product(self, question: str, passages: Iterable[str]) -> str | None:
        """A product the question names, a prefix and a name that is no everyday English word
        ("amazon q", "aws trainium"), that none of the passages search found names: the notes
        have nothing on it to quote, and an answer would be about something else ("what is amazon
        q" quoted a legacy Amazon ML sentence). The name counts as named in any form the
        passages' words take (its stem, a plural, a longer word it starts).

        An everyday word is a name too when the question capitalises it and the notes never
        write it ("Amazon Detective" in notes that only detect): it names a product they lack,
        and then only that word itself, or its plural, names it in a passage ("detects" is no
        Detective)."""
        words = [w if w[0].isalpha() else "." for w in WORD_OR_END.findall(question.lower())]
        titled = self._titled_unwritten(question)
        names = [
            (prefix, name)
            for i, (prefix, name) in enumerate(itertools.pairwise(words))
            if prefix in PRODUCT_WORDS
            and name not in PRODUCT_WORDS
            and name != "."
            and not (name in self.english and len(name) > 1 and name not in titled)  # "pricing"
            and name not in STOPWORDS
            and name not in FILLER
            and not (self.everyday(name) and name not in titled and _holds_verb(words, i))
        ]  # "amazon rewrote": a verb; a capitalised word the notes lack is a name, not a verb
        if not names:
            return None  # most questions: the passages need not be read
        found: set[str] = set()
        for passage in passages:
            found.update(WORD.findall(passage.lower()))
        stems = set(tokenize(" ".join(found)))
        for prefix, name in names:
            if self.clipped_plural(name, found):
                continue  # "sagemaker built-ins" where the passages write "built-in"
            if name in titled:
                if name not in found and f"{name}s" not in found:
                    return f"{prefix} {name}"
            elif name not in found and covers(set(tokenize(name)), stems) < 1:
                return f"{prefix} {name}"
        return None

    def _titled_unwritten(self, question: str) -> frozenset[str]:
        """The everyday words the question capitalises (not opening it) that the notes never
        write in any casing: each may name a product ("Detective", "Shield")."""
        return frozenset(
            w.lower()
            for w in TITLED.findall(question)
            if w.lower() in self.english and w.lower() not in self.words
        )

    def _places(self, word: str) -> set[int]:
        """The passages holding a word in either spelling ("optimisation", "optimization")."""
        found: set[int] = set()
        for spelling in {word, respell(word)}:
            found.update(self.places.get(spelling, ()))
        return found

    def unknown_ending(self, question: str) -> str | None:
        """The last content word of a short question when the notes never use it: what the
        question asks about ("how long does it take to learn guitar")."""
        words = WORD.findall(question.lower())
        content = self._content(words)
        if not content or len(words) > SHORT_QUESTION_WORDS or content[-1].isdigit():
            return None
        return None if self.knows(content[-1]) else content[-1]

    def _names_subject(
        self,
        words: list[str],
        index: int,
        key: set[str],
        leading: set[str],
        coined: bool,
        asked: Spelled | None = None,
    ) -> bool:
        """An unknown word names the subject after a product prefix; when it leads what the
        question asks about (an English word too: "lookout for vision", "vertex ai vs
        sagemaker"); when it is no English word and stands in what is asked; or when coined."""
        word = words[index]
        after_prefix = index > 0 and words[index - 1] in PRODUCT_WORDS
        if after_prefix and self.everyday(word) and _holds_verb(words, index - 1):
            return False  # the clause's verb: "the algorithms sagemaker ships built in"
        if after_prefix or word in leading:
            return True
        inside = 0 < index < len(words) - 1 and "." not in (words[index - 1], words[index + 1])
        return word not in self.english and (
            word in key or (coined and self._coined(word, inside, asked))
        )

    @staticmethod
    def _content(words: list[str]) -> list[str]:
        return [w for w in words if w not in STOPWORDS and w not in FILLER and len(w) >= 3]

    def _coined(self, word: str, inside: bool = True, asked: Spelled | None = None) -> bool:
        """A made-up word ("codewhisperer", "netapp"): letters only, or letters joined by a
        number (`NUMBERED_NAME`: "graph2vec"), no English or notes word with an ending added
        ("auditors", "labelled", "cnns"), and, when shorter than
        `COINED_MIN_LETTERS`, no one-letter slip of an English or notes word (a typo) and
        `inside` its sentence or longer than a chat aside (`ASIDE_MAX_LETTERS`: "afaik", "imho",
        "tldr" open or close one; "zoneout for an lstm - how does it work" opens with its
        subject). A word one letter from a word the question spells itself is no slip of it: a
        student who writes "rmse" right does not mistype it beside it ("rmsle instead of
        rmse"). A compound the question capitalises inside ("LF-Tags", "R-CNN") is a name too."""
        asked = asked or Spelled()
        if len(word) < SHORT_COINED_LETTERS:
            return False
        if word in asked.compounds:
            return inside
        if not (word.isalpha() or self._name_form(word, asked)):
            return False
        for end in ENDINGS:
            stem = word[: len(word) - len(end)]
            if word.endswith(end) and (stem in self.english or stem in self.words):
                return False
        if len(word) >= COINED_MIN_LETTERS:
            return True
        aside = not inside and len(word) <= ASIDE_MAX_LETTERS
        return not aside and not self._slip(word, asked.words)

    def _name_form(self, word: str, asked: Spelled) -> bool:
        """A word that is no plain letters yet a coined name's form: letters joined by a number
        (`NUMBERED_NAME`: "graph2vec"), a capitalised name ending in a version number whose
        letters are no English word (`VERSIONED_NAME`: "Detectron2"), or a letter hyphened to a
        word (`LETTERED_NAME`: "k-prototypes"). Each varies a name the notes may hold
        ("word2vec", "detection", "k-means") by a part they never write with it."""
        if NUMBERED_NAME.fullmatch(word) or LETTERED_NAME.fullmatch(word):
            return True
        return word in asked.versioned and word.rstrip("0123456789") not in self.english

    def _slip(self, word: str, spelled: frozenset[str] = frozenset()) -> bool:
        """One letter away from an English or a notes word other than the `spelled` ones: a
        typo, not a name. Only words one letter longer or shorter at most can be, so only those
        are compared (rapidfuzz, in C)."""
        if self._by_length is None:
            self._by_length = {}
            for known in self.english | self.words:
                self._by_length.setdefault(len(known), []).append(known)
        near = (self._by_length.get(len(word) + step, []) for step in (-1, 0, 1))
        choices = [known for known in itertools.chain(*near) if known not in spelled]
        found = process.extractOne(word, choices, scorer=Levenshtein.distance, score_cutoff=1)
        return found is not None

    def _unknown_name(self, words: list[str], prose: frozenset[int] = frozenset()) -> str | None:
        """A product's longer name the notes never give ("sagemaker studio lab" where the notes
        have only "SageMaker Studio"): a prefix and two words the notes never put together, one
        of them rare in the notes (a name's own word, not an attribute such as "jobs"), the first
        one either named after the prefix in the notes, rare itself, or kept apart from the
        second (`_apart`: "sagemaker edge manager" in notes with edge devices and no manager
        near them). After "does" or "can", a rare word before a common one is the verb ("does
        sagemaker bill training"), not a name's modifier ("how do sagemaker model cards work"
        ends in its rare word). A rare word the notes write after the prefix, then a common one,
        is their own product and its attribute (`_named_with_attribute`)."""
        for i, prefix in enumerate(words):
            if prefix not in PRODUCT_WORDS or i in prose:
                continue
            name = [prefix]
            for word in words[i + 1 : i + 1 + NAME_WORDS]:
                if word in STOPWORDS or word in FILLER or word in NAME_ENDS or word.isdigit():
                    break
                if word == ".":  # a sentence end
                    break
                name.append(word)
            if len(name) < 3:
                continue
            first, second = (self._notes_form(word) for word in name[1:])
            if first in KINDS_OF_OFFERING or second in ASKED_OF_A_THING:
                continue  # "sagemaker build steps": what is asked of the notes' "build process"
            if self._named_with_attribute(prefix, first, second):
                continue
            if self.together(first, second) or min(self.counts[first], self.counts[second]) > (
                self.rare
            ):
                continue
            verb = i > 0 and words[i - 1] in AUXILIARIES and self.counts[second] > self.rare
            named = (prefix, first) in self.pairs or self.counts[first] <= self.rare
            if verb or _holds_verb(words, i):
                continue
            if named or self._apart(first, second):
                return " ".join(name)
        return None

    def _named_with_attribute(self, prefix: str, first: str, second: str) -> bool:
        """A product the notes name, a prefix and a rare word they write after it ("SageMaker
        hosting"), then a word the notes use often ("sagemaker hosting endpoint http or https"):
        the name's only rare word is the notes' own name's, and the common word after it is an
        attribute of that product (as "jobs" is), so the question names no longer one. A rare
        second word still makes a longer name ("sagemaker studio lab" where the notes write
        "SageMaker Studio" once and "lab" seldom or never)."""
        named = (prefix, first) in self.pairs
        return named and self.counts[first] <= self.rare < self.counts[second]

    def _notes_form(self, word: str) -> str:
        """The notes' own spelling of a name's word they seldom write as the student does: the
        compound unhyphenated ("k-NN" where the notes write "KNN") or the longer word a clipped
        one starts ("async" of "asynchronous"), whichever the notes write most. A student's
        spelling is no rarer name than the notes' own ("sagemaker async inference" is the notes'
        "asynchronous inference"). An everyday word is left as it is: "lab" is no clipped
        "label"."""
        if self.counts[word] > self.rare or word in self.english or len(word) < CLIPPED_MIN:
            return word
        forms = [word.replace("-", ""), *self._starting(word)]
        best = max(forms, key=lambda form: self.counts[form])
        return best if self.counts[best] > self.counts[word] else word

    def _apart(self, first: str, second: str) -> bool:
        """A name's rare last word that never shares a passage with the word before it: the
        notes hold the first word elsewhere ("edge" devices) and have nothing where the second
        stands ("manager") on the two together, so the name is a product they lack."""
        return self.counts[second] <= self.rare and not self._places(first) & self._places(second)

    def _short_name(self, words: list[str]) -> str | None:
        """A product named by a prefix and a letter the notes never write after it
        ("amazon q"): too short to be weighed as a word of its own."""
        for prefix, name in itertools.pairwise(words):
            if (
                prefix in PRODUCT_WORDS
                and len(name) == 1
                and name.isalpha()
                and name not in STOPWORDS
                and (prefix, name) not in self.pairs
            ):
                return f"{prefix} {name}"
        return None

    def _unknown_feature(self, words: list[str], names: frozenset[str]) -> str | None:
        """A feature of a product the notes name, typed after it, that the notes never write
        ("cloudwatch logs insights", "s3 storage lens", "cloudtrail lake"): the product's name
        (a notes word that is no English word, and any words the notes write right after it),
        then a word the notes write as a name's word (`name_word`) yet never after that name nor
        in any passage holding the product. A part every product has ("knn endpoint", "emr
        cost") is written in small letters: the notes speak of it in the product's passages in
        their own words, or under another name. A feature the question capitalises (`names`:
        "S3 Object Lambda") is left to the checks of capitalised names, which name it as typed."""
        for start, product in enumerate(words):
            if not self._product_name(product):
                continue
            end = start + 1
            while end < min(len(words), start + NAME_WORDS) and self._name_goes_on(words, end):
                end += 1
            feature = words[end] if end < len(words) else "."
            if not _content_word(feature) or feature in CONJOINING | NAME_ENDS | names:
                continue
            if self.together(words[end - 1], feature) or not self.name_word(feature):
                continue
            if not self._places(product) & self._places(feature):
                return " ".join(words[start : end + 1])
        return None

    def _product_name(self, word: str) -> bool:
        """A product's name the notes write that is no English word, with a capital in half of
        its uses at least ("CloudTrail", "S3"), where a term of theirs is written in small
        letters ("overfit"); a prefix names no product of its own, nor does a contraction
        ("What's")."""
        return (
            2 * self.capped[word] >= self.cased[word] > 0
            and word not in self.english
            and word not in PRODUCT_WORDS
            and _content_word(word)
            and word.isalnum()
            and word[0].isalpha()
            and len(word) >= PLURAL_STEM
        )

    def _name_goes_on(self, words: list[str], index: int) -> bool:
        """The word at `index` goes on with the name before it: the notes write it right after
        ("cloudwatch logs", "s3 storage")."""
        word = words[index]
        if not _content_word(word) or word in CONJOINING:
            return False
        return self.together(words[index - 1], word)

    def _unknown_product(self, words: list[str], prose: frozenset[int] = frozenset()) -> str | None:
        """A product named by a prefix and everyday words the notes never put together ("aws
        clean rooms", "aws entity resolution"), though each word is known on its own."""
        for i in range(len(words) - 2):
            if i in prose or _holds_verb(words, i):
                continue
            prefix, first, second = words[i : i + 3]
            after = words[i + 3] if i + 3 < len(words) else ""
            if (
                (after in ("", ".") or after in PRODUCT_FOLLOWERS)
                and prefix in PRODUCT_WORDS
                and second != "."
                and first in self.english
                and first not in STOPWORDS
                and first not in KINDS_OF_OFFERING
                and second not in STOPWORDS
                and second not in FILLER
                and second not in ASKED_OF_A_THING
                and (prefix, first) not in self.pairs
                and (first, second) not in self.pairs
            ):
                return f"{prefix} {first} {second}"
        return None


def _holds_verb(words: list[str], start: int) -> bool:
    """A prefix and one or two words that open a clause as its subject and leave it without a
    verb: the prefix stands after an auxiliary ("does sagemaker offer mlflow", "can amazon
    translate figure out ...") or after a word the clause qualifies ("the algorithms sagemaker
    ships built in", "something amazon rewrote, or ..."), and the clause ends, or goes on with a
    stopword, right after those words. A clause so opened needs a verb after its subject, and only
    those words are left to hold it ("offer", "ships", "rewrote", "figure"), so they name no
    product. A name goes on with a verb or an adverb ("does sagemaker edge manager work on a
    pi", "Does SageMaker Training Compiler actually speed up"), or is an object after a
    determiner or a preposition ("our sagemaker execution roles", "from AWS Certificate
    Manager")."""
    before = words[start - 1] if start > 0 else "."
    if not (before in AUXILIARIES or _content_word(before)):
        return False
    after = [*words[start + 1 : start + 2 + NAME_WORDS], "."]  # up to three words, then the end
    for offset, word in enumerate(after[: NAME_WORDS + 1]):
        if not _content_word(word):
            closes = word in STOPWORDS and word not in FILLER and word not in NAME_ENDS
            return offset > 0 and (word == "." or closes)
    return False


def _content_word(word: str) -> bool:
    """A word that may be a name's or a verb's: no stopword, filler word nor sentence end."""
    return not (word in STOPWORDS or word in FILLER or word == ".")


def _conjoined(words: list[str]) -> Iterator[frozenset[str]]:
    """Two words a text sets side by side: next to each other ("multi-class/multi-label") or
    joined by "and", "or" or "vs" ("classification and regression")."""
    for first, middle, last in zip(words, words[1:], words[2:], strict=False):
        if middle in CONJOINING:
            yield frozenset((first, last))
    for first, second in itertools.pairwise(words):
        yield frozenset((first, second))


def _misread_side(side: str, before: Sequence[str]) -> bool:
    """A stretch of the question misread as a comparison's side, not a name: longer than a name
    (`NAME_WORDS` + 1 words past a product prefix: "curved pattern vs a few isolated huge
    residuals" describes what a plot shows), or an alternative the question's tail offers after
    a side that runs on past a spaced dash into that tail ("SSE-C vs client-side encryption -
    does S3 keep my key, or see the plaintext": "see the plaintext" is no thing compared). Such a
    stretch names nothing the notes must write, so the checks of absent sides leave it out."""
    if len(_content_words(side)) > NAME_WORDS + 1:
        return True
    return any(TAIL_DASH in earlier for earlier in before)


def _one_word_before(sides: Sequence[str]) -> bool:
    """A side before the last is one word: "F1 vs plain accuracy" may be read as "F1 accuracy vs
    plain accuracy", the last side's head shared (as `compose.shared_head` reads it), so the last
    side's own word ("plain") is all it needs the notes to write."""
    return any(len(_content_words(side)) == 1 for side in sides[:-1])


def _content_words(term: str) -> list[str]:
    """A term's words past a product prefix, numbers left out ("amazon athena": the notes often
    drop the prefix)."""
    words = [w for w in WORD.findall(term.lower()) if not w.isdigit()]
    while words and words[0] in PRODUCT_WORDS:
        words = words[1:]
    return words


def _stem(word: str) -> str:
    """A word's stem in one spelling ("normalisation" and "normalizations" give one stem), the
    word itself when it is a stopword."""
    stems = tokenize(min(word, respell(word)))  # either spelling gives the same one
    return stems[0] if stems else word


def english_words(model_path: Path) -> dict[str, int]:
    """Everyday English words: the whole words of a BERT-style model's vocabulary, each with its
    rank among them (the vocabulary lists them by how often its training text used them)."""
    vocab = model_path / "vocab.txt"
    if not vocab.is_file():
        return {}
    words = (w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower())
    return {w: rank for rank, w in enumerate(dict.fromkeys(words))}


def vocabulary_for(owner: object, texts: Iterable[str], model_path: Path | None) -> NotesVocabulary:
    """One vocabulary per searcher over a loaded build (kept as long as the searcher is)."""
    found = _CACHE.get(owner)
    if found is None:
        found = NotesVocabulary(texts, english_words(model_path) if model_path else {})
        _CACHE[owner] = found
    return found


def _form_stems(word: str) -> Iterator[str]:
    """The word less each verb's or plural's ending it has (`FORM_ENDINGS`: "embeds": "embed")."""
    return (word[: -len(end)] for end in FORM_ENDINGS if word.endswith(end))


def _undone(stem: str) -> set[str]:
    """What a word less an ending ("-ing", "-est") may stand for: the stem, with an "e" back, or
    with a doubled last letter undone ("tun" of "tuning", "runn" of "running")."""
    return {stem, f"{stem}e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
