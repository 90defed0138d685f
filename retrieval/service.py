"""The live question-answering service: loads the current build once, answers from it, and
swaps in a newer build without a restart (queries in flight finish on the one they started on)."""

from __future__ import annotations

import threading
from pathlib import Path

from retrieval.answer import Answer, answer_question
from retrieval.embed import Embedder, load_embedder
from retrieval.followup import refers_back
from retrieval.index_store import BuildFiles, current_build, load_current
from retrieval.search import Mode, Searcher


class NotesIndex:
    """The team's notes as the built index answers from them: search, ask, and swap in a newer
    build. Named for what it serves (not `Tutor`: the console tutor is `studybot chat`)."""

    def __init__(
        self,
        index_dir: Path,
        model: str,
        *,
        embedder: Embedder | None = None,
        min_confidence: float = 0.5,
    ) -> None:
        self.index_dir = index_dir
        self.model = model
        self.min_confidence = min_confidence
        self._embedder = embedder
        self._lock = threading.Lock()
        build, files = load_current(index_dir)
        self._build = build
        self._searcher = self._make_searcher(files)

    def _make_searcher(self, files: BuildFiles) -> Searcher:
        built_with = files.manifest.model if files.manifest is not None else None
        if built_with != self.model:
            raise ValueError(
                f"the index was built with {built_with!r}, not {self.model!r}: run `studybot index`"
            )
        if self._embedder is None:
            self._embedder = load_embedder(self.model, self.index_dir)
        return Searcher(files, self._embedder)

    @property
    def searcher(self) -> Searcher:
        return self._searcher

    @property
    def build(self) -> Path:
        return self._build

    def ask(self, question: str, *, k: int = 3, previous: Answer | None = None) -> Answer:
        """Answer `question`; with `previous`, a follow-up ("its input format?") is read as
        being about the previous answer's subject."""
        return answer_question(
            self._searcher, question, k=k, min_confidence=self.min_confidence, previous=previous
        )

    def ask_in_thread(self, question: str, earlier: str, *, k: int = 3) -> Answer:
        """A reply in a thread that started with `earlier`: a follow-up is answered about the
        subject of the earlier question's answer, anything else on its own."""
        previous = self.ask(earlier, k=k) if earlier and refers_back(question) else None
        return self.ask(question, k=k, previous=previous)

    def search(self, question: str, *, k: int = 5, mode: Mode = "hybrid") -> list:  # type: ignore[type-arg]
        return self._searcher.search(question, k=k, mode=mode)

    def refresh(self) -> bool:
        """Load the live build if it changed since this index loaded; True when it swapped."""
        with self._lock:
            latest = current_build(self.index_dir)
            if latest is None or latest == self._build:
                return False
            build, files = load_current(self.index_dir)
            self._searcher = self._make_searcher(files)
            self._build = build
            return True


class Conversation:
    """One student's run of questions (the console): each question is read against the last
    answer that had a subject (a declined one too, unless its subject was unknown), so "and what
    about its input format?" stays on topic."""

    def __init__(self, notes_index: NotesIndex) -> None:
        self.notes_index = notes_index
        self.last: Answer | None = None

    def ask(self, question: str, *, k: int = 3) -> Answer:
        answer = self.notes_index.ask(question, k=k, previous=self.last)
        if answer.subject and not answer.missing and not answer.notice:
            self.last = answer
        return answer
