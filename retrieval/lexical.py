"""BM25 keyword search over chunks with bm25s (English stemming, stopwords), saved beside FAISS."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
TOKEN_CACHE = 8192  # texts; a few MB at most
# Short technical tokens (s3, ec2, k, f1) carry meaning here; only true stopwords are dropped:
# bm25s's English list (NLTK's), in the words this tokenizer produces - no contraction ("don't"
# is two tokens here) and none of the pieces one splits into, since a single letter or "won" can
# be a term in notes (the t of t-SNE) - plus the chat words members type and two modals.
CONTRACTION_PIECES = frozenset(
    [
        "ain",
        "aren",
        "couldn",
        "d",
        "didn",
        "doesn",
        "don",
        "hadn",
        "hasn",
        "haven",
        "isn",
        "ll",
        "m",
        "ma",
        "mightn",
        "mustn",
        "needn",
        "o",
        "re",
        "s",
        "shan",
        "shouldn",
        "t",
        "ve",
        "wasn",
        "weren",
        "won",
        "wouldn",
        "y",
    ]
)
CHAT_AND_MODALS = frozenset(
    ["could", "would", "hey", "hi", "pls", "plz", "thanks", "thx", "u", "ur"]
)


def _bm25s_english() -> tuple[str, ...]:
    """bm25s's `STOPWORDS_EN_PLUS`, read from its `stopwords.py` (a plain list, no imports)
    without importing the bm25s package, which a process that only tokenizes need not load."""
    package = importlib.util.find_spec("bm25s")
    if package is None or not package.submodule_search_locations:
        raise ImportError("bm25s is not installed")
    path = Path(next(iter(package.submodule_search_locations))) / "stopwords.py"
    spec = importlib.util.spec_from_file_location("_bm25s_stopwords", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot read {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.STOPWORDS_EN_PLUS)


STOPWORDS = (
    frozenset(w for w in _bm25s_english() if "'" not in w) - CONTRACTION_PIECES
) | CHAT_AND_MODALS


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens without stopwords, stemmed; hyphenated terms also kept whole."""
    return list(_tokens(text))


@lru_cache(maxsize=TOKEN_CACHE)
def _tokens(text: str) -> tuple[str, ...]:
    # An answer tokenizes the same pooled sentences and headings many times over (each side
    # of a comparison, each rule): the cache makes the repeats a lookup.
    words: list[str] = []
    for token in TOKEN.findall(text.lower()):
        if token in STOPWORDS:
            continue
        words.append(token)
        if "-" in token or "_" in token or "." in token:
            words.extend(p for p in re.split(r"[-_.]", token) if p and p not in STOPWORDS)
    return tuple(_stemmer().stemWords(words))


def _bm25s() -> Any:
    """bm25s, imported without what it never uses here, to keep a serving process light.

    - tqdm: bm25s's progress bars are off in every call here; `tqdm.auto` costs ~10 MB.
    - scipy: bm25s imports `scipy.sparse` whenever it is installed (it is: the install-time
      ONNX export needs sentence-transformers, which needs scipy), yet with its default
      `csc_backend="numpy"`, ours, never calls it; it costs ~19 MB and 0.4 s of start-up. It is
      hidden only for that import, and only when nothing else has imported scipy already.
    """
    if "bm25s" in sys.modules:
        return sys.modules["bm25s"]
    os.environ.setdefault("DISABLE_TQDM", "1")  # read by bm25s when it is first imported
    hide_scipy = "scipy" not in sys.modules
    if hide_scipy:
        sys.modules["scipy"] = None  # type: ignore[assignment]  # `import scipy...` fails
    try:
        import bm25s
    finally:
        if hide_scipy:
            del sys.modules["scipy"]
    return bm25s


class LexicalIndex:
    """BM25 scores of every chunk for a query."""

    def __init__(self, bm25: object) -> None:
        self._bm25 = bm25

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        bm25 = _bm25s().BM25()
        bm25.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)
        return cls(bm25)

    def scores(self, query: str) -> np.ndarray:
        vocab = self._bm25.vocab_dict  # type: ignore[attr-defined]
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)  # type: ignore[attr-defined]

    def holding(self, terms: Iterable[str], rows: Sequence[int]) -> np.ndarray:
        """How many of `terms` (tokens, as `tokenize` gives them) each of `rows` holds, read
        from the index's postings (bm25s keeps each term's passages in row order, so a binary
        search per row): no pass over the corpus, nor over a term's passages."""
        scores = self._bm25.scores  # type: ignore[attr-defined]
        vocab = self._bm25.vocab_dict  # type: ignore[attr-defined]
        wanted = np.asarray(rows, dtype=np.int64)
        counts = np.zeros(len(wanted), dtype=np.int32)
        for term in set(terms):
            column = vocab.get(term)
            if column is None:
                continue
            start, end = int(scores["indptr"][column]), int(scores["indptr"][column + 1])
            if end > start:
                posting = scores["indices"][start:end]
                at = np.minimum(np.searchsorted(posting, wanted), end - start - 1)
                counts += posting[at] == wanted
        return counts

    @property
    def size(self) -> int:
        return int(self._bm25.scores["num_docs"])  # type: ignore[attr-defined]

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        return cls(_bm25s().BM25.load(str(directory), show_progress=False))


# Words that open a product's name ("Amazon Comprehend", "SageMaker Autopilot"), never the subject
# a question asks about on their own: as written (PRODUCT_WORDS) and as `tokenize` makes them.
PRODUCT_WORDS = frozenset({"amazon", "aws", "sagemaker"})
PRODUCT_PREFIX = frozenset(tokenize(" ".join(sorted(PRODUCT_WORDS))))
