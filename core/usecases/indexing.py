"""The index of the notes as the console keeps it: build or bring it up to date, say what an
update is about to do, open it for answers, and a conversation of follow-up questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.clock import utc_now
from core.bootstrap import build_options, load_notes_index

# The errors a front end words itself: a model that cannot load, a blank question.
from retrieval.embed import EmbedderError as EmbedderError
from retrieval.intake import EmptyQuestionError as EmptyQuestionError

if TYPE_CHECKING:
    from common.clock import Clock
    from common.config import Settings
    from retrieval.build import BuildReport, EmbedProgress
    from retrieval.embed import Embedder
    from retrieval.service import Conversation, NotesIndex


def update_index(
    settings: Settings,
    *,
    strict: bool = False,
    force: bool = False,
    progress: EmbedProgress | None = None,
    embedder: Embedder | None = None,
    now: Clock | None = None,
) -> BuildReport:
    """Build the index of `settings.corpus`, or update what changed (only changed files are
    embedded again); a build that cannot be made raises a StudybotError saying why. An
    `embedder` already loaded (the scheduler's) is used instead of loading the model."""
    from retrieval.build import build_index

    options = build_options(settings, strict=strict, force=force)
    factory = None if embedder is None else (lambda _name: embedder)
    return build_index(options, progress=progress, embedder_factory=factory, now=now or utc_now)


def has_index(settings: Settings) -> bool:
    from retrieval.index_store import current_build

    return current_build(settings.index_dir) is not None


def index_is_of_other_notes(settings: Settings) -> bool:
    """True when the index was built from none of the notes now given (another --corpus), so
    an update rebuilds it; a corpus path that does not exist is left to the build to name."""
    from retrieval.index_store import read_manifest
    from retrieval.load import discover

    manifest = read_manifest(settings.index_dir)
    try:
        sources = {file.source for file in discover(settings.corpus)}
    except FileNotFoundError:
        return False
    return manifest is not None and not sources & set(manifest.digests)


def open_index(settings: Settings) -> NotesIndex:
    """The notes index over the built index (raises ValueError for one of another model)."""
    return load_notes_index(settings)


def conversation(notes_index: NotesIndex) -> Conversation:
    """One student's run of questions, each read against the last answer's subject."""
    from retrieval.service import Conversation

    return Conversation(notes_index)
