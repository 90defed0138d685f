from pathlib import Path

import pytest

from retrieval.answer import EmptyQuestionError
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL


@pytest.fixture(scope="module")
def tutor(built_index: Path, embedder) -> NotesIndex:  # type: ignore[no-untyped-def]
    return NotesIndex(built_index, MODEL, embedder=embedder)


@pytest.mark.parametrize(
    ("question", "source", "heading"),
    [
        ("when do i use pipe mode??", "blog.txt", "Training input modes"),
        ("how do i fix a classifier that ignores the rare fraud class", "imbalance.md", "SMOTE"),
        ("wat does rcf do", "cards.txt", "Random Cut Forest"),
        ("how much can 1 shard ingest per second", "cards.txt", "Kinesis shard limits"),
        ("why is parquet cheaper in athena", "athena.html", "Cost"),
        ("where do endpoint metrics and alarms go", "imbalance.md", "CloudWatch"),
    ],
)
def test_the_right_passage_comes_first(
    tutor: NotesIndex, question: str, source: str, heading: str
) -> None:
    answer = tutor.ask(question)
    first = answer.passages[0]
    assert (first.source, first.heading.split(" › ")[-1]) == (source, heading)
    assert answer.covered and 1 <= len(answer.sentences) <= 3


def test_acronyms_are_expanded_from_the_notes_glossary(tutor: NotesIndex) -> None:
    query, _ = tutor.searcher.prepare("is smote good")
    assert "Synthetic Minority Oversampling Technique" in query


@pytest.mark.parametrize("question", ["when do i use pipe mode??", "what is smote", "rcf?"])
def test_answer_sentences_are_quoted_from_retrieved_passages(
    tutor: NotesIndex, question: str
) -> None:
    answer = tutor.ask(question)
    passages = " ".join(" ".join(p.text.split()) for p in answer.passages + answer.more)
    for sentence in answer.sentences:
        assert sentence.rstrip(".")[:60] in passages


def test_an_off_topic_question_says_the_notes_do_not_cover_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("what temperature should I bake sourdough bread at")
    assert not answer.covered
    assert answer.confidence < 0.5 and answer.passages
    assert answer.as_dict()["answer"] == ""


def test_empty_question_is_refused(tutor: NotesIndex) -> None:
    with pytest.raises(EmptyQuestionError):
        tutor.ask("   \n ")


def test_a_ten_thousand_character_question_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("how does pipe mode stream data from s3 " * 260)
    assert answer.passages and 0.0 <= answer.confidence <= 1.0


def test_search_modes_all_rank_and_score_in_range(tutor: NotesIndex) -> None:
    for mode in ("hybrid", "rrf", "dense", "bm25"):
        hits = tutor.search("kinesis shard write limit", k=3, mode=mode)  # type: ignore[arg-type]
        assert hits and hits[0].chunk.heading == ("Kinesis shard limits",), mode


def test_refresh_swaps_in_a_new_build_without_a_restart(tmp_path: Path, build, embedder) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.md").write_text("# Glue\n\n## Crawlers\n\nA Glue crawler infers table schemas.\n")
    build([root], tmp_path / "index")
    tutor = NotesIndex(tmp_path / "index", MODEL, embedder=embedder)
    old_searcher = tutor.searcher
    assert tutor.refresh() is False
    (root / "b.md").write_text(
        "# Athena\n\n## Pricing\n\nAthena bills per terabyte of data scanned.\n"
    )
    build([root], tmp_path / "index")
    assert tutor.refresh() is True
    assert tutor.ask("how is athena billed").passages[0].heading.endswith("Pricing")
    assert (
        old_searcher.search("crawler", k=1)[0].chunk.heading[-1] == "Crawlers"
    )  # in-flight still works


def test_a_when_question_is_answered_by_the_sentence_that_says_when(tutor: NotesIndex) -> None:
    answer = tutor.ask("when do i use pipe mode??")
    assert answer.sentences[0].startswith("Use pipe mode when the dataset is large")


def test_flashcard_questions_are_never_quoted_as_answers(tutor: NotesIndex) -> None:
    answer = tutor.ask("which metric for a fraud detector that must miss few frauds")
    assert all(not s.endswith("?") and not s.startswith("Q:") for s in answer.sentences)
    assert any("Recall" in s for s in answer.sentences)


@pytest.mark.parametrize(
    ("question", "sentence", "matches"),
    [
        ("when do i use pipe mode", "Use Pipe mode when data is large.", True),
        ("why scale features", "Scale them because distances depend on units.", True),
        ("lambda max memory?", "Memory goes up to 10,240 MB.", True),
        ("kds vs firehose", "Firehose loads data, whereas KDS needs consumers.", True),
        ("when do i use pipe mode", "Pipe mode streams data.", False),
    ],
)
def test_question_cues_match_the_answer_shape(question: str, sentence: str, matches: bool) -> None:
    from retrieval.answer import QUESTION_CUES

    cues = [answer for asks, answer in QUESTION_CUES if asks.search(question)]
    assert cues and any(c.search(sentence) for c in cues) is matches
