"""A built index stores each passage's sentences and their vectors, and an incremental build
keeps them for every passage whose text did not change: a change to how text splits into
sentences reaches an existing install only through `SENTENCES_VERSION`, one of the chunking
parameters that rebuild an index. Session 17 found benches and installs quoting the splits of an
older build after the splitter changed.

The fingerprints are of the splits of the shipped notes and flashcards and of the team's raw
notes in ../shared/seeds (when present: their short lines, cards and lists are the shapes a
splitter change most often touches; the shipped notes have few of them). When this test fails,
the splitter changed: bump `SENTENCES_VERSION` in retrieval/sentences.py and record the new
fingerprints under the new version (keep the old entries; a version never comes back)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bench.answers import seeds_root
from retrieval.chunk import ChunkingParams
from retrieval.load import discover, read_corpus
from retrieval.sentences import SENTENCES_VERSION, sentence_spans

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [ROOT / "corpus" / "notes", ROOT / "corpus" / "flashcards"]
SPLITS = {
    2: {
        "shipped": "ab10c89b4e86e7711f9990a0fb3e05b78ebd7cfd1c94951e8d45d2618d59d641",
        "seeds": "4921c9d73ab10ca1018d7c9ac4fb1785d13a1098926546653c3430b681fd13fc",
    },
    # a flashcard's answer keeps its half after a line of dashes (`clean_text(card=True)`)
    3: {
        "shipped": "ab10c89b4e86e7711f9990a0fb3e05b78ebd7cfd1c94951e8d45d2618d59d641",
        "seeds": "e39d7c173fb89cdfa9be4996e409a28f53e4d8de979f1b4eadbc4888d7c605d6",
    },
    # a line ending in a comma or a joining word runs on into a capitalised next line
    4: {
        "shipped": "ab10c89b4e86e7711f9990a0fb3e05b78ebd7cfd1c94951e8d45d2618d59d641",
        "seeds": "3c46023af8d0a383637e3d95de5b9a70d55009f488e4575d97a655761da57815",
    },
}


def _fingerprint(roots: list[Path]) -> str:
    documents, _skipped = read_corpus(discover(roots))
    digest = hashlib.sha256()
    for source in sorted(documents):
        for document in documents[source]:
            digest.update(f"{source}\0{sentence_spans(document.text)}\0".encode())
    return digest.hexdigest()


@pytest.mark.parametrize("corpus", ["shipped", "seeds"])
def test_the_splits_change_only_with_a_new_sentences_version(corpus: str) -> None:
    seeds = seeds_root()
    if corpus == "seeds" and seeds is None:
        pytest.skip("../shared/seeds is not beside the repository")
    roots = SHIPPED if corpus == "shipped" else [seeds]
    assert SPLITS.get(SENTENCES_VERSION, {}).get(corpus) == _fingerprint(roots), (
        f"the {corpus} notes split into sentences differently: bump SENTENCES_VERSION in "
        "retrieval/sentences.py and record the new fingerprints under it"
    )


def test_the_sentences_version_rebuilds_an_index() -> None:
    params = ChunkingParams("all-MiniLM-L6-v2", 0).as_dict()
    assert params["sentences"] == SENTENCES_VERSION
