"""Session-wide fixtures: the real embedding model, loaded once per test run, $HOME in the run's
temp dir, and a check that the test run wrote nothing into the repository (tests write under
their own temp dirs only)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from common.config import DEFAULT_EMBED_MODEL
from retrieval.embed import SentenceTransformerEmbedder, load_embedder

REPO = Path(__file__).resolve().parents[1]
# Ignored by git, yet a test writing there would change what `make run` uses.
WATCHED_IGNORED = ("data",)


@pytest.fixture(scope="session")
def embedder(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> SentenceTransformerEmbedder:
    """The default all-MiniLM-L6-v2 model, shared by every test (and by in-process CLI runs).
    Its ONNX export is kept in pytest's own cache (git-ignored), never in $HOME/.cache."""
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("studybot-index") if cache is not None else tmp_path_factory.mktemp("ix")
    return load_embedder(DEFAULT_EMBED_MODEL, folder)


@pytest.fixture(scope="session", autouse=True)
def home_in_a_temp_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """$HOME and the XDG cache point into the run's temp dir, so what a test, or a `studybot`
    it runs, writes under the user's home (the ONNX export cache, say) lands there instead."""
    home = tmp_path_factory.mktemp("home")
    patch = pytest.MonkeyPatch()
    patch.setenv("HOME", str(home))
    patch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    yield
    patch.undo()


def repo_tree() -> list[str]:
    """What git sees as changed or new (ignored files aside), plus every file under data/, each
    with its modification time (a file already changed before the run may change again)."""
    status = subprocess.run(
        ["git", "status", "--porcelain=v1", "--untracked-files=all", "-z"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    paths = [REPO / entry[3:] for entry in status if entry[3:]]
    paths += [path for name in WATCHED_IGNORED for path in sorted((REPO / name).rglob("*"))]
    return [f"{path.relative_to(REPO)} {_mtime(path)}" for path in paths]


def _mtime(path: Path) -> int | None:
    return path.stat().st_mtime_ns if path.exists() else None


@pytest.fixture(scope="session", autouse=True)
def repo_tree_unchanged() -> Iterator[None]:
    """Fails the run (an error at teardown) when a test created, changed or deleted a file in
    the repository or under data/."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        yield
        return
    before = repo_tree()
    yield
    after = repo_tree()
    changed = sorted(set(before) ^ set(after))
    assert not changed, "the tests changed the repository tree:\n" + "\n".join(changed)
