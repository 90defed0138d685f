"""Reading a free-text answer: words, stems, clauses, terms with typos, negation scope, the
polarity of a claim, which way a change goes, and acronyms of the question's own phrases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from quiz.spelling import american

FUZZY_CUTOFF = 85.0
EXACT_TERM_MAX_CHARS = 4
# A name written joined or apart spans at most this many words ("fast file", "k means").
JOINED_MAX_WORDS = 3
NEGATION_SCOPE = 3
# "not"/"never" deny a verb and what it governs: "does not change it to additive", "are not
# limited to a single instance" ("not only"/"not just" deny nothing).
DENIAL_SCOPE = 5
ALSO = frozenset({"only", "just", "merely"})
POINT_DIRECTION_SCOPE = 6
# An identifier is one word: "num_samples_per_tree", "random_cut_forest".
WORD = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
CAMEL = re.compile(r"[a-z][A-Z]")
GLUED = re.compile(r"(?<=\d)(?=[a-z]{2})")
# A "." or ":" inside a name ("ml.p3.16xlarge", "sagemaker:InstanceTypes", "3.5") ends nothing.
CLAUSE_SPLIT = re.compile(
    r"[;!?()\n]+|[.:]+(?!\S)|\s+-\s+|,\s+(?:and|but|so|because|since|while|whereas|though|although)\s+"
    r"|\s+(?:because|since|whereas|although|though|unlike|but)\s+"
    r"|,\s+(?=(?:it|which|they|this)\s)"
)
ASIDE = re.compile(r"\(\s*([^()\s]+(?:\s+[^()\s]+)?)\s*\)")
PIECE_SPLIT = re.compile(r",\s+|\s+and\s+|\s+so\s+")
CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (
        re.compile(r"\b(do|does|did|is|are|was|were|has|have|had|should|would|could)n'?t\b"),
        r"\1 not",
    ),
    (re.compile(r"n't\b"), " not"),
)
# Words after which a lone "n" is a count, not chat for "and".
_COUNTED_N = ")(?<!".join(
    rf"\b{word} " for word in ("top", "first", "last", "the", "of", "every", "each", "over")
)
# A working may write a sum where the key writes its total: "80 / (80 + 20)" is "80 / 100".
BRACKETED_SUM = re.compile(r"\(\s*(\d+(?:\.\d+)?)\s*\+\s*(\d+(?:\.\d+)?)\s*\)")
# Ordinals in digits: "the 1st column" is "the first column".
ORDINALS = (
    (re.compile(r"\b1st\b"), "first"),
    (re.compile(r"\b2nd\b"), "second"),
    (re.compile(r"\b3rd\b"), "third"),
)
# Chat spelling: only forms that are never a word of the notes ("r" and "u" as words, "4"
# only before a word that a number never counts).
CHAT = (
    (re.compile(r"\bw/o\b"), "without"),
    (re.compile(r"\bw/(?=\s|\w)"), "with "),
    # a lone "n" or "w" between two words is chat for "and" / "with" ("flips n crops", "w random
    # flips"); a hyphen or an identifier after it ("n-grams", "n_estimators") is a name, and so
    # is an "n" that counts ("the top n features", "the last n days", "every n steps")
    (re.compile(rf"(?<=[a-z0-9,] )(?<!{_COUNTED_N})n(?= [a-z0-9])"), "and"),
    (re.compile(r"(?<=[a-z0-9,] )w(?= [a-z0-9])"), "with"),
    (re.compile(r"\s[+&]\s"), " and "),
    (re.compile(r"\b(?:cuz|coz|bc|cos)\b"), "because"),
    (re.compile(r"\bu\b(?!-)"), "you"),
    (re.compile(r"\bur\b"), "your"),
    (re.compile(r"\br\b(?!-)"), "are"),
    (re.compile(r"\bb4\b"), "before"),
    (re.compile(r"\bem\b"), "them"),
    (re.compile(r"\bthru\b"), "through"),
    (re.compile(r"\b2\s*(?:x|times)(?![\w.])"), "twice"),
    # spans of time said in words: "a quarter of an hour" is 15 minutes
    (re.compile(r"\b(?:a\s+)?quarter\s+of\s+an\s+hour\b"), "15 minutes"),
    (re.compile(r"\b(?:an\s+)?hour\s+and\s+a\s+half\b"), "90 minutes"),
    (re.compile(r"\b(?:a\s+)?half\s+(?:an\s+)?hour\b"), "30 minutes"),
    (
        re.compile(
            r"\b4\s+(?=(?:the|a|an|all|any|each|every|it|its|them|that|this|those|these|new|your|my|our|their|me|us|you)\b)"
        ),
        "for ",
    ),
)
DENIALS = frozenset({"not", "never", "cannot"})
NEGATORS = frozenset(
    {"not", "no", "never", "without", "nor", "neither", "cannot", "none", "nobody", "nothing"}
)
# "instead of X", "rather than X", "unlike X" set X aside as "not X" does: "the variance grows
# instead of staying constant" says it is not constant.
CONTRAST_SCOPE = 4
CONTRAST = re.compile(r"instead of|rather than|place of")
# Words inside the phrase set aside: "instead of just the full copy".
NOUN_PHRASE = frozenset({"the", "a", "an", "its", "their", "your", "just", "only", "s", "all"})
# Words that take a thing away rather than pick it ("drop X", "get rid of X", "X is gone").
REMOVING = frozenset({"drop", "dropping", "remove", "removing", "ditch", "rid", "scrap"})
# A removal reaches over a short noun phrase: "get rid of enhanced fan-out".
REMOVAL_REACH = 4
# Verbs with which an option itself removes ("Delete the endpoint ..."), beside REMOVING.
REMOVAL_VERBS = frozenset({"delete", "eliminate", "exclude", "disable", "discard", "strip"})
# "headerless", "serverless": the word's thing is lacking (a stem of four letters or more).
LACKING = re.compile(r"\w{4,}less")
# Words that shut a thing off as a negator denies it: "blocks all outbound network access"
# says what "no outbound network" says, "closed to new customers" what "no longer takes new
# customers" says, "keeps PII out of stored text" what "never lands in the stored text" says.
BLOCKING = frozenset(
    {"block", "blocks", "blocked", "blocking", "prevent", "prevents", "prevented", "closed"}
    | {"forbid", "forbids", "forbidden", "disallow", "disallows", "disallowed", "out"}
)
# Words with which a point puts the thing after it down, as a shut-off does: "an online copy
# beats shipping Snowball devices" says what "no need to ship Snowball devices" says.
BEATING = frozenset({"beat", "beats", "outperform", "outperforms"})
# "little history" says what "no history" says: next to nothing of it.
SCARCE = frozenset({"little", "scarce", "scant", "minimal"})
# Words too common to carry a claim or to be read as an acronym.
FUNCTION_WORDS = frozenset(
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
        "been",
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
        "so",
        "than",
        "then",
        "into",
        "only",
        "one",
        "can",
        "will",
        "would",
        "should",
        "could",
        "may",
        "must",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "was",
        "were",
        "not",
        "no",
        "you",
        "your",
        "we",
        "our",
        "they",
        "their",
        "there",
        "here",
        "up",
        "if",
        "us",
        "me",
        "my",
        "go",
        "he",
        "she",
        "his",
        "her",
        "them",
        "which",
        "what",
        "when",
        "who",
        "how",
        "also",
        "just",
        "more",
        "less",
        "very",
        "too",
    ]
)
COMPARISON_REACH = 6
EQUALLY = frozenset({"equally"})
# A thing done for you, and a thing left to you.
CAREFREE = frozenset({"handles", "handle", "automatically", "automatic", "managed", "built"})
BURDEN = frozenset({"yourself", "manually", "manual", "yourselves"})
# Which way a change goes: "increase max_depth" says the opposite of "reduce max_depth".
UP = frozenset(
    {"increase", "increasing", "raise", "raising", "more", "higher", "larger", "bigger"}
    | {"add", "adding", "grow", "extend", "longer", "maximise", "maximize", "up", "strengthen"}
    | {"amplify", "amplifies"}
)
# "boosts the common words" raises them; "boosting" (the ensemble method) raises nothing.
RAISES = frozenset({"boost", "boosts", "boosted"})
DOWN = frozenset(
    {"decrease", "decreasing", "reduce", "reducing", "lower", "lowering", "less", "fewer"}
    | {"smaller", "remove", "cut", "drop", "shrink", "shorter", "minimise", "minimize", "down"}
    | {"weaken", "loosen", "soften"}
)
KEEP = frozenset({"keep", "keeping", "leave", "leaving", "retain", "unchanged"})
# "need no rewrite" says what "don't need a rewrite" says: the denial of a need may sit on the
# verb or on its object, so the verb's own polarity tells nothing.
NEED = frozenset({"need", "needs", "needed", "require", "requires", "required"})
# Prefixes that make a word its opposite, with the shortest word each may negate.
OPPOSING_PREFIXES = (("un", 4), ("non", 4), ("de", 5), ("dis", 5), ("a", 6), ("in", 6))
# Words that say the opposite of each other (in any form): "optional" denies "needs".
OPPOSITES = (
    ({"before", "pre"}, {"after", "post"}),
    ({"needs", "required", "requires", "mandatory"}, {"optional"}),
    ({"supervised"}, {"unsupervised"}),
    ({"sparse"}, {"dense"}),
    ({"stateless"}, {"stateful"}),
    # a place said the other way: "__label__ at the end of the line", "demand above P90"
    ({"start", "starts", "begin", "begins"}, {"end", "ends"}),
    ({"below", "beneath"}, {"above"}),
)
# A level said after the thing: "keep parallelism low" is "lower parallelism".
HIGH = frozenset({"high", "higher", "large", "larger", "big", "bigger"})
LOW = frozenset({"low", "lower", "small", "smaller", "little"})
LEVEL_REACH = 2
# Verbs by which a thing keeps another from happening ("high parallelism stops Bayesian search
# from learning"), and how far past the level word's thing one may stand.
HARMING = frozenset({"stop", "stops", "prevent", "prevents", "hinder", "hinders"})
HARM_REACH = 2
# How many words of what the point says is harmed a clause says when it gives the harm too.
HARM_WORDS = 2
# Words that dismiss what comes before them when denied: "isn't needed", "won't help", "can't be".
DISMISSALS = frozenset(
    {"be", "help", "helps", "work", "works", "needed", "necessary", "required", "matter"}
    | {"fix", "solve", "apply", "useful", "enough", "possible", "supported", "used", "use"}
)
DISMISS_REACH = 6
# Words that end the noun phrase a dismissal could be about.
CONTRAST_WORDS = frozenset({"instead", "rather", "unlike", "but", "than"})
CLAUSE_VERBS = frozenset({"so", "because", "since", "which", "that", "when", "while", "if"})
# "X is not ..." denies X ("json isn't accepted"); "X does not <verb>" denies the verb ("outliers
# don't wreck it", "the apps don't need rewriting") unless the verb dismisses X ("won't help").
COPULAS = frozenset({"is", "are", "was", "were"})
SUBJECTS = frozenset({"it", "they", "we", "you", "i", "he", "she"})
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "do", "does", "did", "has", "have", "can", "will"}
    | {"would", "should", "must", "could", "may", "need", "needs"}
)


def words(text: str) -> list[str]:
    """The words of a text; "×" is the word "times" ("trend × seasonality"), and a number
    written against a word is two words ("1.5iqr", "10gb")."""
    return WORD.findall(GLUED.sub(" ", text.lower().replace("\u00d7", " times ")))


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Lowercase with contractions and chat spelling spelt out, so "doesn't" and "doesnt" read
    as "does not", "w/ cat feats 4 the new items" as "with cat feats for the new items"; a
    number written another way reads as the key writes it ("1st" as "first", a sum in brackets
    as its total: "80 / (80 + 20)" as "80 / 100")."""
    text = BRACKETED_SUM.sub(_total, text.lower().replace("\u2019", "'"))
    for pattern, replacement in ORDINALS:
        text = pattern.sub(replacement, text)
    for pattern, replacement in CONTRACTIONS + CHAT:
        text = pattern.sub(replacement, text)
    return text


def _total(match: re.Match[str]) -> str:
    total = float(match[1]) + float(match[2])
    return str(int(total)) if total.is_integer() else f"{total:g}"


def american_text(text: str) -> str:
    """The text with British spellings made American, so a clause embeds the same however it is
    spelt ("regularisation", "regularization")."""
    return re.sub(r"[a-z]+", lambda m: american(m[0]), text)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stems(tokens: Sequence[str]) -> list[str]:
    """Snowball stems of the words, British spellings read as American ("normalise" and
    "normalize" share a stem)."""
    return list(_stemmer().stemWords([american(t) for t in tokens]))


def clauses(text: str) -> list[str]:
    """The answer's lead clause and its other clauses of two words or more, normalised; then the
    pieces of those clauses between commas and "and" (a point is often one conjunct of a longer
    clause); then the whole answer. The lead is where an answer names its pick."""
    # a short aside names the same thing ("SMOTE (synthetic ...)", "(KPL)"); a longer one is a
    # clause of its own ("(it is discontinued)")
    text = ASIDE.sub(r" \1 ", normalise(text))
    split = [p.strip() for p in CLAUSE_SPLIT.split(text) if p and words(p)]
    # the lead may be one word ("Boosting, it ..."): it names the pick
    parts = split[:1] + [p for p in split[1:] if len(words(p)) >= 2]
    # a clause that leaves things to you leaves each of them ("the scheduling and checksums
    # have to be scripted yourself"): its conjuncts are no clauses of their own
    pieces = [
        piece.strip()
        for part in parts
        if not BURDEN & set(words(part))
        for piece in PIECE_SPLIT.split(part)
        if len(words(piece)) >= 2 and piece.strip() not in parts
    ]
    parts = list(dict.fromkeys([*parts, *pieces]))
    whole = " ".join(text.split())
    # the whole answer comes last even when it is also the lead: every part before it is a
    # clause proper ("fastfile mode, no code changes, starts instantly" and its pieces)
    if not whole or parts == [whole]:
        return parts
    return [*parts, whole] if not parts or parts[-1] != whole else parts


def term_positions(
    term: str, answer_words: Sequence[str], vocabulary: frozenset[str] = frozenset()
) -> list[int]:
    """Where `term` starts in the answer: same words or stems, a typo of it (over 4
    characters), a cut-short form or its initials spelt out; a word of the question's own
    `vocabulary` is a word, not a typo ("shard" vs "shared")."""
    return list(_term_positions(term, tuple(answer_words), vocabulary))


@lru_cache(maxsize=65536)
def _term_positions(
    term: str, answer_words: tuple[str, ...], vocabulary: frozenset[str]
) -> tuple[int, ...]:
    term_words = words(term)
    size = len(term_words)
    if not term_words or len(answer_words) < size:
        return []
    term_stems = stems(term_words)
    target, target_stems = " ".join(term_words), " ".join(term_stems)
    # "UpdateEndpoint" is one name: "update" is another word, not it cut short
    identifier = bool(CAMEL.search(term))
    answer_stems = stems(answer_words)
    found = []
    for start in range(len(answer_words) - size + 1):
        window = " ".join(answer_words[start : start + size])
        stemmed = " ".join(answer_stems[start : start + size])
        if (
            window == target
            or stemmed == target_stems
            or (size > 1 and _same_words(answer_stems[start : start + size], term_stems))
            or (size == 1 and target in window.split("_"))
            or (
                answer_words[start][:4] == term_words[0][:4]
                and not identifier
                and _cut_short(answer_words[start : start + size], term_words)
            )
            or _typo_of(answer_words[start : start + size], term_words, vocabulary)
        ):
            found.append(start)
    joined = found or _joined_at(term_words, answer_words)
    return tuple(joined or _initials_at(term_words, answer_words))


# Words that join or weigh two things rather than sit inside one name: "full or partial control"
# is no "full control".
JOINERS = frozenset({"and", "or", "nor", "but", "than", "versus", "vs"})


def gapped_positions(term: str, answer_words: Sequence[str]) -> list[int]:
    """Where the answer says a term of two words or more with one more word inside it ("full
    root control" for "full control", "stopping the under-performing" for "stops
    under-performing", "little labeled data" for "little data"); a word that denies, scants,
    changes or joins ("little or no data", "little more data") breaks the term."""
    term_words = words(term)
    size = len(term_words)
    if size < 2 or len(answer_words) <= size:
        return []
    term_stems, answer_stems = stems(term_words), stems(answer_words)
    return [
        start
        for start in range(len(answer_words) - size)
        if any(
            _same_words(
                answer_stems[start : start + gap]
                + answer_stems[start + gap + 1 : start + size + 1],
                term_stems,
            )
            and not _breaks_a_term(answer_words[start + gap])
            for gap in range(1, size)
        )
    ]


def _breaks_a_term(word: str) -> bool:
    return word in NEGATORS | SCARCE | JOINERS or bool(_change(word))


def _typo_of(window: Sequence[str], term_words: Sequence[str], vocabulary: frozenset[str]) -> bool:
    """The window misspells the term (over 4 characters): close in spelling, not only words
    of the question's own vocabulary, the same small words, typos only in long words, and no
    word the term's word with a negating prefix ("deregister" is no typo of "register")."""
    target = " ".join(term_words)
    return (
        len(target) > EXACT_TERM_MAX_CHARS
        and fuzz.ratio(target, " ".join(window)) >= FUZZY_CUTOFF
        and not any(prefixed_opposite(w, t) for w, t in zip(window, term_words, strict=True))
        and not set(window) <= vocabulary
        and _small_words(window) == _small_words(term_words)
        and _typos_in_long_words(window, term_words)
    )


def misspells(word: str, among: frozenset[str]) -> bool:
    """Whether the word is one slip (a letter added, dropped, changed, or two swapped) from a
    word of `among` of over 4 letters with the same first letter: "bacth" for batch, "kendera"
    for Kendra. A swap scores low on `fuzz.ratio` in a short word, one slip is still a typo."""
    return len(word) > EXACT_TERM_MAX_CHARS and any(
        known != word
        and len(known) > EXACT_TERM_MAX_CHARS
        and known[0] == word[0]
        and OSA.distance(word, known, score_cutoff=1) <= 1
        for known in among
    )


def _same_words(window: Sequence[str], term_stems: Sequence[str]) -> bool:
    """Each word the term's word in another form ("binary classifier", "binary classification")."""
    return all(same_word(w, t) for w, t in zip(window, term_stems, strict=True))


def _joined_at(term_words: Sequence[str], answer_words: Sequence[str]) -> list[int]:
    """Where the answer writes the term's words joined or apart ("fastfile" for "fast file",
    "batch skipgram" for batch_skipgram)."""
    compact = "".join(term_words).replace("_", "")
    if len(compact) <= EXACT_TERM_MAX_CHARS:
        return []
    return [
        start
        for size in range(1, JOINED_MAX_WORDS + 1)
        if size != len(term_words)
        for start in range(len(answer_words) - size + 1)
        if "".join(answer_words[start : start + size]).replace("_", "") == compact
    ]


def _cut_short(window: Sequence[str], term_words: Sequence[str]) -> bool:
    """The answer shortens a word of the term ("batch norm", "async" for asynchronous): each
    word is the term's word or its start (5 letters alone, 4 beside a whole word)."""
    whole = [w == t for w, t in zip(window, term_words, strict=True)]
    shortest = 4 if any(whole) else 5
    return not all(whole) and all(
        w == t or (len(w) >= shortest and len(t) - len(w) >= 2 and t.startswith(w))
        for w, t in zip(window, term_words, strict=True)
    )


def _initials_at(term_words: Sequence[str], answer_words: Sequence[str]) -> list[int]:
    """Where the answer spells out an acronym term ("random cut forest" for RCF), reading the
    initials of its content words."""
    if len(term_words) != 1 or not 3 <= len(term_words[0]) <= 5 or not term_words[0].isalpha():
        return []
    letters = term_words[0]
    content = [(i, w) for i, w in enumerate(answer_words) if w not in FUNCTION_WORDS]
    return [
        content[j][0]
        for j in range(len(content) - len(letters) + 1)
        if "".join(w[0] for _, w in content[j : j + len(letters)]) == letters
        and content[j + len(letters) - 1][0] - content[j][0] < 2 * len(letters)
    ]


def _typos_in_long_words(window: Sequence[str], term_words: Sequence[str]) -> bool:
    """A typo is in a word long enough to misspell: "tp fp" is no typo of "tp fn"."""
    return all(
        w == t or min(len(w), len(t)) > EXACT_TERM_MAX_CHARS
        for w, t in zip(window, term_words, strict=True)
    )


def _small_words(tokens: Sequence[str]) -> list[str]:
    """A typo is in a content word: "of shards" is no typo of "no shards"."""
    return [t for t in tokens if t in FUNCTION_WORDS or t in NEGATORS]


def term_matches(term: str, answer_words: Sequence[str]) -> bool:
    """Whether `term` occurs in the answer: exact for short terms, fuzzy for longer ones."""
    return bool(term_positions(term, answer_words))


def contrasted(tokens: Sequence[str], index: int) -> bool:
    """The word is in the phrase that "instead of", "rather than" or "unlike" sets aside: "AUC
    instead of accuracy", "rather than SMOTE's local neighbours" (not "accuracy to judge")."""
    for at in range(index - 1, max(-1, index - CONTRAST_SCOPE - 1), -1):
        if CONTRAST.fullmatch(" ".join(tokens[max(0, at - 1) : at + 1])) or tokens[at] == "unlike":
            return True
        if tokens[at] in FUNCTION_WORDS and tokens[at] not in NOUN_PHRASE:
            return False
    return False


def negated_at(tokens: Sequence[str], start: int, end: int) -> bool:
    """A negator shortly before tokens[start:end] (a denied verb reaches further: "does not
    change it to additive"), or "X is not" right after ("clustering, not classification"
    negates the classification only)."""
    return negated_before(tokens, start) or contrasted(tokens, start) or denied_after(tokens, end)


def denied_after(tokens: Sequence[str], end: int) -> bool:
    """ "X is not" right after X denies X ("X is no-code", "X has no brokers" deny what follows,
    not X), and so does a predicate that dismisses it a few words on: "CDC isn't needed", "a log
    transform of the target won't help", "a promotion flag can't be given". A denied verb of
    its own says what X does and does not deny X: "outliers don't wreck it", "the container
    can not call out", and a new subject's denial is that subject's ("the columns they don't
    use")."""
    after = tokens[end : end + 3]
    if after[:2] in (["is", "too"], ["are", "too"]):
        return True  # "spot is too risky" turns X down
    if len(after) >= 2 and after[0] in AUXILIARIES and after[1] in DENIALS:
        return len(after) == 2 or after[2] in DISMISSALS or after[0] in COPULAS
    for at in range(end, min(end + DISMISS_REACH, len(tokens) - 2)):
        if tokens[at] in NEGATORS | CONTRAST_WORDS | SUBJECTS or tokens[at] in CLAUSE_VERBS:
            return False
        if tokens[at] in AUXILIARIES:
            return tokens[at + 1] in DENIALS and tokens[at + 2] in DISMISSALS
    return False


def negated_before(tokens: Sequence[str], index: int) -> bool:
    """A negator shortly before the word, or a denial of the verb further back ("are not
    limited to a single instance"): the word is what is denied. (The subject of a denied
    predicate, "the container can not call out", is not itself denied.)"""
    before = tokens[max(0, index - NEGATION_SCOPE) : index]
    if any(t in NEGATORS or t in SCARCE for t in before):
        return True
    # a denial reaches along a list: "no brokers to choose or size", "without retries or logs"
    if index >= 2 and tokens[index - 1] in ("or", "nor") and negated_before(tokens, index - 2):
        return True
    start = max(0, index - DENIAL_SCOPE)
    return any(
        token in DENIALS and tokens[at + 1 : at + 2] != [] and tokens[at + 1] not in ALSO
        for at, token in enumerate(tokens[start:index], start=start)
    )


def direction_before(tokens: Sequence[str], index: int, scope: int = NEGATION_SCOPE) -> int:
    """+1 when the nearest change word shortly before the word raises it ("increase the batch
    size", "adds noise", "high parallelism"), -1 when it lowers it ("reduces noise"), 0 when
    none does."""
    for token in reversed(tokens[max(0, index - scope) : index]):
        change = _change(token)
        if change:
            return change
    return 0


@lru_cache(maxsize=1)
def _change_stems() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(stems(sorted(UP | HIGH))), frozenset(stems(sorted(DOWN | LOW)))


@lru_cache(maxsize=16384)
def _change(token: str) -> int:
    """+1 for a word that raises or says high, -1 for one that lowers or says low, any form."""
    if token in FUNCTION_WORDS - UP - DOWN:
        return 0
    if token in RAISES:
        return 1
    up, down = _change_stems()
    stem = stems([token])[0]
    return 1 if stem in up else -1 if stem in down else 0


def change_of(token: str) -> int:
    """+1 for a word that raises or says high, -1 for one that lowers or says low, else 0."""
    return _change(token)


def _level_after(tokens: Sequence[str], index: int) -> int:
    """+1 or -1 for a level said right after the word ("keep parallelism low", "batch size
    large"), 0 when none is."""
    for token in tokens[index + 1 : index + 1 + LEVEL_REACH]:
        if token in HIGH:
            return 1
        if token in LOW:
            return -1
    return 0


def opposite_direction(point_tokens: Sequence[str], at: int, tokens: Sequence[str], i: int) -> bool:
    """The point changes its word one way and the clause changes it the other way. A point is
    one short claim, so its change word may stand further back ("Raise regularization such as
    gamma, lambda")."""
    wanted = direction_before(point_tokens, at, POINT_DIRECTION_SCOPE) or _level_after(
        point_tokens, at
    )
    said = direction_before(tokens, i) or _level_after(tokens, i)
    # keeping the thing as it is changes it neither way ("keep the regularization as it is")
    kept = any(t in KEEP for t in tokens[max(0, i - NEGATION_SCOPE) : i])
    return bool(wanted and (said or kept) and wanted != said)


def harm_condition(point_tokens: Sequence[str]) -> bool:
    """The point says what a thing at some level keeps from happening: a level or change word,
    its thing, then a verb of `HARMING` ("High parallelism stops Bayesian search from learning
    from completed jobs"). The level is the cause of the harm, not a change the point asks
    for."""
    return _harmed(tuple(point_tokens)) is not None


@lru_cache(maxsize=4096)
def _harmed(point_tokens: tuple[str, ...]) -> frozenset[str] | None:
    """The stems of what the point says is harmed (the content words after its harming verb),
    when it says a level is the cause of a harm (`harm_condition`); else None."""
    for index, token in enumerate(point_tokens):
        verbs = [
            at
            for at in range(index + 2, min(len(point_tokens), index + 2 + HARM_REACH))
            if point_tokens[at] in HARMING
        ]
        if _change(token) and verbs:
            after = [t for t in point_tokens[verbs[0] + 1 :] if t not in FUNCTION_WORDS]
            return frozenset(stems(after))
    return None


def _kept_from(point_tokens: Sequence[str], index: int) -> bool:
    """The word is what a harm point (`harm_condition`) says the level keeps from happening:
    "learning" in "high parallelism stops Bayesian search from learning", which says the search
    does not learn ("Bayesian search can't learn from results")."""
    if index < 1 or point_tokens[index - 1] != "from" or not harm_condition(point_tokens):
        return False
    before = point_tokens[: index - 1]
    verb = next((at for at, t in enumerate(before) if t in HARMING), None)
    return verb is not None and "from" not in before[verb:]


def gives_the_harm(point_tokens: Sequence[str], tokens: Sequence[str]) -> bool:
    """The point says a level is the cause of a harm (`harm_condition`) and the clause says
    `HARM_WORDS` words or more of what is harmed: "fewer parallel jobs: Bayesian search can't
    learn from results when all 50 run at once" gives the remedy with its reason. The point's
    word set the other way (`opposite_direction`) says nothing against the point then, nor the
    point itself: it is no evidence either way, and the clause is judged by what else it says.
    The remedy alone ("lower max parallel jobs") still says the thing the other way. Callers
    ask it once per clause: it reads the whole clause."""
    harmed = _harmed(tuple(point_tokens))
    return harmed is not None and len(harmed & set(stems(tokens))) >= HARM_WORDS


def is_negated(tokens: Sequence[str]) -> bool:
    return any(t in NEGATORS for t in tokens)


def claim_polarity(
    point: str,
    clause_tokens: Sequence[str],
    ignore: frozenset[str] = frozenset(),
    affirmed: frozenset[str] = frozenset(),
) -> bool | None:
    """Whether the clause says the point's words the point's way: None when it shares no content
    word with the point, False when a shared word is said only with the opposite negation
    ("rewritten" against "without rewrites"), else True. Stems in `ignore` (the words that name
    the pick) carry no claim; stems in `affirmed` (the right option's words) said plainly
    repeat the option, so only denying them is a claim against the point ("on-demand capacity
    mode" does not deny "without shard capacity planning")."""
    point_tokens = words(normalise(point))
    point_stems, clause_stems = stems(point_tokens), stems(clause_tokens)
    uses = _shared_uses(point_tokens, clause_tokens, ignore, affirmed)
    anchors = _anchors(point_tokens, clause_tokens, uses)
    # a word the point says twice is said its way when either use agrees ("no-code data
    # preparation with data profiling" against "profile the data")
    agrees: dict[str, bool] = {}
    for index, negated, found in uses:
        stem = point_stems[index]
        agrees[stem] = agrees.get(stem, False) or any(
            not turned
            and (
                denied == negated
                or _slipped(index, i, negated, anchors)
                or (denied and shut_off(point_tokens, index, clause_tokens))
            )
            for i, denied, turned in found
        )
    if not all(agrees.values()):
        return False
    shared = bool(agrees)
    if shared and (
        _says_the_opposite(point_stems, clause_stems)
        or left_to_you(point_tokens, clause_tokens)
        or changes_otherwise(point_tokens, clause_tokens)
    ):
        return False
    return True if shared else None


def shut_off(point_tokens: Sequence[str], index: int, clause_tokens: Sequence[str]) -> bool:
    """The point shuts its word off with a word of `BLOCKING` shortly before it ("blocks all
    outbound network access", "keeps PII out of stored text"), or puts it down with one of
    `BEATING` ("beats shipping Snowball devices"), which the clause does not say: a clause that
    denies the word says the same ("the container has no outbound network", "no need for a
    Snowball").
    Like a removal, it reaches over a short noun phrase; "out" shuts off only as "out of"."""
    before = point_tokens[max(0, index - REMOVAL_REACH) : index]
    blockers = {
        t
        for at, t in enumerate(before)
        if (t in BLOCKING or t in BEATING) and (t != "out" or before[at + 1 : at + 2] == ["of"])
    }
    return bool(blockers) and not blockers & set(clause_tokens)


# How far from a word both deny a denial may run on in one text and not the other.
SLIP = 2


def _shared_uses(
    point_tokens: Sequence[str],
    clause_tokens: Sequence[str],
    ignore: frozenset[str],
    affirmed: frozenset[str],
) -> list[tuple[int, bool, list[tuple[int, bool, bool]]]]:
    """Per content word of the point that the clause says: its index, whether the point denies
    it, and each place the clause says it, whether the clause denies it there and whether it
    changes it the other way."""
    point_stems, clause_stems = stems(point_tokens), stems(clause_tokens)
    harm_given = gives_the_harm(point_tokens, clause_tokens)
    uses = []
    for index, stem in enumerate(point_stems):
        if point_tokens[index] in FUNCTION_WORDS | NEED or len(stem) < 3 or stem in ignore:
            continue
        negated = (
            negated_before(point_tokens, index)
            or contrasted(point_tokens, index)
            or _kept_from(point_tokens, index)
        )
        found = [i for i, s in enumerate(clause_stems) if same_word(s, stem)]
        if negated and stem in affirmed:
            found = [i for i in found if negated_before(clause_tokens, i)]
        turned = {i: opposite_direction(point_tokens, index, clause_tokens, i) for i in found}
        # a remedy given with its harm (`gives_the_harm`) is no evidence either way
        found = [i for i in found if not (harm_given and turned[i])]
        if found:
            said = [(i, _denies(clause_tokens, i, confirm=negated), turned[i]) for i in found]
            uses.append((index, negated, said))
    return uses


def _anchors(
    point_tokens: Sequence[str],
    clause_tokens: Sequence[str],
    uses: Sequence[tuple[int, bool, list[tuple[int, bool, bool]]]],
) -> list[tuple[int, int]]:
    """Where point and clause deny the same word, each right before it: a denial that runs a
    word or two further in one of them ("no endpoint left running", "not an instance
    reservation") is the same denial."""
    return [
        (index, i)
        for index, negated, found in uses
        for i, denied, _ in found
        if negated
        and denied
        and _denied_near(point_tokens, index)
        and _denied_near(clause_tokens, i)
    ]


def _denied_near(tokens: Sequence[str], index: int) -> bool:
    """A negator right before the word ("no endpoint", "not an instance reservation") or a
    phrase that sets it aside: a denial of the word itself, not one reached from further back
    ("such as not appear in many default lists" mentions "not", it denies no list)."""
    before = tokens[max(0, index - NEGATION_SCOPE) : index]
    return any(t in NEGATORS for t in before) or contrasted(tokens, index)


def _slipped(index: int, i: int, negated: bool, anchors: Sequence[tuple[int, int]]) -> bool:
    """The word is denied in one text only, next to a word both deny: the denial that covers
    that word runs on over it in one text (at `index` in the point, `i` in the clause). The
    word right after the denied one is its noun phrase's head ("no capacity scaling" denies the
    scaling): that one is denied, no run-on."""
    if negated:
        return any(_near(index, at) for at, _ in anchors)
    return any(_near(i, at) for _, at in anchors)


def _near(word: int, anchor: int) -> bool:
    return word != anchor + 1 and 0 < abs(word - anchor) <= SLIP


def changes_otherwise(point_tokens: Sequence[str], clause_tokens: Sequence[str]) -> bool:
    """The point changes or rates things one way only ("common words are down-weighted",
    "higher mAP means a better match") and the clause only the other way ("boosts the common
    words", "a lower mAP means a better match")."""
    if gives_the_harm(point_tokens, clause_tokens):
        return False  # a remedy given with the harm it cures changes nothing back
    wanted = {_change(t) for t in point_tokens} - {0}
    said = {_change(t) for t in clause_tokens} - {0}
    return len(wanted) == 1 and said == {-d for d in wanted}


def compares_otherwise(point_tokens: Sequence[str], clause_tokens: Sequence[str]) -> bool:
    """The point compares one way ("less sensitive to outliers than RMSE") and the clause, about
    the same thing, the other way ("more affected by outliers than RMSE") or as equals ("just as
    sensitive as RMSE")."""
    wanted, said = _comparison(point_tokens), _comparison(clause_tokens)
    if not wanted or said is None or said == wanted:
        return False
    content = {w for w in point_tokens if w not in FUNCTION_WORDS and len(w) > 2}
    return bool(set(stems(sorted(content))) & set(stems(clause_tokens)))


def _comparison(tokens: Sequence[str]) -> int | None:
    """+1 for "more/higher ... than", -1 for "less/lower ... than", 0 for "as ... as" or
    "equally"; None when the tokens compare nothing."""
    for index, token in enumerate(tokens):
        if token == "than":
            for before in reversed(tokens[max(0, index - COMPARISON_REACH) : index]):
                if _change(before):
                    return _change(before)
        if token in EQUALLY or (token == "as" and "as" in tokens[index + 2 : index + 5]):
            return 0
    return None


def left_to_you(point_tokens: Sequence[str], clause_tokens: Sequence[str]) -> bool:
    """The point says something is done for you ("It handles scheduling", "scales
    automatically") and the clause leaves it to you ("the scheduling has to be scripted
    yourself", "you still plan the capacity by hand"): the clause says the opposite."""
    return bool(
        BURDEN & set(clause_tokens)
        and CAREFREE & set(point_tokens)
        and not BURDEN & set(point_tokens)
    )


def _denies(tokens: Sequence[str], index: int, *, confirm: bool) -> bool:
    """Whether the clause denies its word; setting it aside ("instead of staying constant")
    confirms a point that denies it, and contradicts none that states it ("downloads a subset
    instead of the full copy that FullyReplicated gives" still says FullyReplicated copies)."""
    return negated_before(tokens, index) or (
        confirm and (contrasted(tokens, index) or does_without(tokens, index))
    )


@lru_cache(maxsize=1)
def removal_stems() -> frozenset[str]:
    """The stems of the words that take a thing away (`REMOVING`, `REMOVAL_VERBS`)."""
    return frozenset(stems(sorted(REMOVING | REMOVAL_VERBS)))


def does_without(tokens: Sequence[str], index: int) -> bool:
    """The clause does without its word: says it is lacking ("keep the CSV headerless") or takes
    it away ("delete the header row", "drop the header"), as a point that denies it does ("the
    CSV has no header")."""
    if LACKING.fullmatch(tokens[index]):
        return True
    before = tokens[max(0, index - REMOVAL_REACH) : index]
    return bool(set(stems(before)) & removal_stems())


def opposite_only(point_tokens: Sequence[str], tokens: Sequence[str]) -> bool:
    """The text says the opposite of a content word of the point ("synchronous" for
    "asynchronous", "after" for "before"), not denied ("no dependency" agrees with
    "independently"), and that word nowhere."""
    content = stems([t for t in point_tokens if t not in FUNCTION_WORDS and len(t) > 2])
    said = stems(tokens)
    plain = [s for i, s in enumerate(said) if not negated_before(tokens, i)]
    return _says_the_opposite([s for s in content if s not in said], plain)


def _says_the_opposite(point_stems: Sequence[str], clause_stems: Sequence[str]) -> bool:
    """The clause says the opposite of a word of the point and not the word itself ("after
    training" for "before training", "optional" for "needs", "asynchronous" for
    "synchronous")."""
    opposites = _opposite_stems()
    said, own = set(clause_stems), set(point_stems)
    unsaid, others = own - said, said - own
    return (
        any(opposites.get(stem, frozenset()) & said for stem in unsaid)
        or any(_prefixed_in(one, among) for one, among in ((o, unsaid) for o in others))
        or any(_prefixed_in(stem, others) for stem in unsaid)
    )


def _prefixed_in(word: str, among: set[str]) -> bool:
    """Whether the word is a word of `among` with a negating prefix (prefixed_opposite, one
    way round)."""
    return any(
        word.startswith(prefix)
        and len(word) - len(prefix) >= least
        and word[len(prefix) :] in among
        for prefix, least in OPPOSING_PREFIXES
    )


def prefixed_opposite(one: str, other: str) -> bool:
    """One word is the other with a prefix that negates it: "asynchronous", "deregister",
    "unsupervised", "non-linear" (a word too short to tell, "along" for "long", is not)."""
    longer, shorter = (one, other) if len(one) > len(other) else (other, one)
    return any(
        longer == prefix + shorter and len(shorter) >= least for prefix, least in OPPOSING_PREFIXES
    )


@lru_cache(maxsize=1)
def _opposite_stems() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for one, other in OPPOSITES:
        for side, against in ((one, other), (other, one)):
            for stem in stems(sorted(side)):
                found.setdefault(stem, set()).update(stems(sorted(against)))
    return {stem: frozenset(against) for stem, against in found.items()}


def same_word(one: str, other: str) -> bool:
    """Same stem, or the same first six letters ("rewritten", "rewrit" for rewrites)."""
    return one == other or (min(len(one), len(other)) >= 6 and one[:6] == other[:6])


def known_word(stem: str, vocabulary: frozenset[str]) -> bool:
    """Whether a stem is in the vocabulary, or abbreviates a word of it ("norm" for normal)."""
    return stem in vocabulary or any(
        same_word(stem, known) or (len(stem) >= 4 and known.startswith(stem))
        for known in vocabulary
    )


def acronyms_of(phrases: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each multi-word phrase's initials ("kds" -> kinesis data streams), skipping any that spell
    a common word."""
    found: dict[str, tuple[str, ...]] = {}
    for phrase in phrases:
        tokens = [w for w in words(phrase) if w not in FUNCTION_WORDS]
        initials = "".join(w[0] for w in tokens)
        if len(tokens) >= 2 and initials not in FUNCTION_WORDS:
            found.setdefault(initials, tuple(tokens))
    return found


# What a denial may keep for the subject: "Athena does not need a cluster" says what Athena is.
KEPT_BY_DENIAL = NEED | ALSO | {"have", "has", "had"}
# Words that may open a subject without being it: "the", "amazon".
SUBJECT_OPENERS = frozenset({"the", "a", "an", "amazon", "aws", "sagemaker"})


def denies_the_subject(point_tokens: Sequence[str], tokens: Sequence[str]) -> bool:
    """The clause opens with what the point is about and denies it right away: "GetEventPrediction
    cannot answer in time", "Secrets Manager does not rotate them" against a point that says what
    GetEventPrediction or Secrets Manager does. (A point that itself denies, or a subject that is
    a pronoun, is left to the other checks; "does not need" and "not only" deny nothing.)"""
    if is_negated(point_tokens):
        return False
    at = next((i for i, t in enumerate(tokens) if t in DENIALS), None)
    if at is None or at + 1 >= len(tokens) or tokens[at + 1] in KEPT_BY_DENIAL:
        return False
    subject = [t for t in tokens[:at] if t not in SUBJECT_OPENERS]
    while subject and subject[-1] in AUXILIARIES:
        subject.pop()
    if not subject or any(t in FUNCTION_WORDS or t in SUBJECTS for t in subject):
        return False
    if at - len(subject) > 3:
        return False
    # the subject may drop the point's first word: "bookmarks" for "job bookmarks"
    opening = stems([t for t in point_tokens if t not in SUBJECT_OPENERS][: len(subject) + 1])
    said = stems(subject)
    return said in (opening[: len(said)], opening[1 : len(said) + 1])
