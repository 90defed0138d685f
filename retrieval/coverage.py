"""Whether the notes mention what a question is about: the words of the notes, and the question's
key subject (a product or term) when none of the notes' words matches it.

A question word counts as known when the notes hold it, its stem, a longer word it starts
("xgb" -> "xgboost", "async" -> "asynchronous"), or, for long words, a one-letter typo of one.
An unknown word is the key subject when it names a product ("amazon bedrock", "sagemaker
hyperpod"), or when it is no everyday English word (the embedding model's whole-word vocabulary)
and is what a definition or a comparison asks about.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from retrieval.lexical import STOPWORDS, tokenize

WORD = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*")
PRODUCT_PREFIX = frozenset({"amazon", "aws", "sagemaker"})
# A coined word this long that is no English word and not in the notes names a product
# ("codewhisperer") in any kind of question; shorter ones may be chat or typos.
COINED_MIN_LETTERS = 8
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
_CACHE: weakref.WeakKeyDictionary[object, NotesVocabulary] = weakref.WeakKeyDictionary()


class NotesVocabulary:
    def __init__(self, texts: Iterable[str], english: set[str]) -> None:
        words: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for text in texts:
            found = WORD.findall(text.lower())
            pairs.update(itertools.pairwise(found))
            for word in found:
                words.add(word)
                words.update(p for p in re.split(r"[-']", word) if p)
                words.add(word.replace("-", ""))
        self.words = words
        self.pairs = pairs
        self.sorted = sorted(words)
        self.stems = set(tokenize(" ".join(words)))
        self.english = english

    def knows(self, word: str) -> bool:
        word = word.lower()
        if word in self.words or word.replace("-", "") in self.words:
            return True
        if set(tokenize(word)) <= self.stems and tokenize(word):
            return True
        if len(word) >= 3:
            at = bisect.bisect_left(self.sorted, word)
            if at < len(self.sorted) and self.sorted[at].startswith(word):
                return True
        if len(word) >= 6:
            near = self.sorted[max(0, bisect.bisect_left(self.sorted, word[:2])) :]
            for known in near:
                if not known.startswith(word[:2]):
                    break
                if abs(len(known) - len(word)) <= 1 and Levenshtein.distance(known, word) <= 1:
                    return True
        return False

    def unknown_subject(self, question: str, key_phrases: Iterable[str] = ()) -> str | None:
        """The question's key subject when the notes never mention it, else None.

        An unknown word is the key subject when it names a product ("amazon bedrock"), or is no
        everyday English word and stands in `key_phrases` (a comparison's side, the X of
        "what is X")."""
        words = WORD.findall(question.lower())
        key = {w for phrase in key_phrases for w in WORD.findall(phrase.lower())}
        unknown: list[int] = []
        content = 0
        for index, word in enumerate(words):
            if word in STOPWORDS or word in FILLER or len(word) < 3 or word.isdigit():
                continue
            content += 1
            if not self.knows(word):
                unknown.append(index)
        if not unknown:
            return self._unknown_product(words)
        named = [i for i in unknown if self._names_subject(words, i, key)]
        if not named:
            return self._unknown_product(words)
        if len(unknown) > max(2, content // 2):
            return "this"  # mostly unknown words: another subject, or another language
        first = named[0]
        start = first - 1 if first > 0 and words[first - 1] in PRODUCT_PREFIX else first
        end = first + 1
        while end < len(words) and end in unknown:
            end += 1
        return " ".join(words[start:end])

    def _names_subject(self, words: list[str], index: int, key: set[str]) -> bool:
        if index > 0 and words[index - 1] in PRODUCT_PREFIX:
            return True
        if words[index] in self.english:
            return False
        return words[index] in key or self._coined(words[index])

    def _coined(self, word: str) -> bool:
        """A long made-up word ("codewhisperer"): letters only, and no English word with an
        ending added ("auditors", "labelled")."""
        if len(word) < COINED_MIN_LETTERS or not word.isalpha():
            return False
        return not any(
            word.endswith(end) and word[: len(word) - len(end)] in self.english
            for end in ("s", "es", "ed", "d", "ing", "ly", "er", "ers")
        )

    def _unknown_product(self, words: list[str]) -> str | None:
        """A product named by a prefix and everyday words the notes never put together ("aws
        clean rooms", "aws entity resolution"), though each word is known on its own."""
        for i in range(len(words) - 2):
            prefix, first, second = words[i : i + 3]
            after = words[i + 3] if i + 3 < len(words) else ""
            if (
                (not after or after in PRODUCT_FOLLOWERS)
                and prefix in PRODUCT_PREFIX
                and first in self.english
                and first not in STOPWORDS
                and second not in STOPWORDS
                and second not in FILLER
                and (prefix, first) not in self.pairs
                and (first, second) not in self.pairs
            ):
                return f"{prefix} {first} {second}"
        return None


def english_words(model_path: Path) -> set[str]:
    """Everyday English words: the whole words of a BERT-style model's vocabulary."""
    vocab = model_path / "vocab.txt"
    if not vocab.is_file():
        return set()
    return {w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()}


def vocabulary_for(owner: object, texts: Iterable[str], model_path: Path | None) -> NotesVocabulary:
    """One vocabulary per searcher over a loaded build (kept as long as the searcher is)."""
    found = _CACHE.get(owner)
    if found is None:
        found = NotesVocabulary(texts, english_words(model_path) if model_path else set())
        _CACHE[owner] = found
    return found
