"""Session-wide fixtures: the real embedding model, loaded once per test run."""

from __future__ import annotations

import pytest

from bot.config import DEFAULT_EMBED_MODEL
from retrieval.embed import SentenceTransformerEmbedder, load_embedder


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    """The default all-MiniLM-L6-v2 model, shared by every test (and by in-process CLI runs)."""
    return load_embedder(DEFAULT_EMBED_MODEL)
