from pathlib import Path

from retrieval.chunk import chunk_documents
from retrieval.embed import load_tokenizer
from retrieval.load import SourceFile, discover, read_corpus
from retrieval.sections import split_sections
from tests.retrieval.fixtures import write_bad_files, write_good_corpus


def read(root: Path):  # type: ignore[no-untyped-def]
    return read_corpus(discover([root]))


def test_every_supported_format_is_read(tmp_path: Path) -> None:
    documents, skipped = read(write_good_corpus(tmp_path / "c"))
    assert [s for s in skipped if s.warning] == []
    assert set(documents) == {
        "cards.txt",
        "blog.txt",
        "imbalance.md",
        "athena.html",
        "deck.csv",
        "lustre.pdf",
        "ml.apkg",
    }
    assert "FSx for Lustre" in documents["lustre.pdf"][0].text
    assert (
        documents["ml.apkg"][0].text
        == "Q: What is k-means?\nA: An unsupervised clustering algorithm."
    )


def test_numbered_card_export_drops_widgets_and_empty_cards(tmp_path: Path) -> None:
    documents, _ = read(write_good_corpus(tmp_path / "c"))
    cards = documents["cards.txt"]
    # The duplicate third card is kept by the reader; the build drops and counts it.
    assert [c.heading for c in cards] == [
        ("Kinesis shard limits",),
        ("Random Cut Forest",),
        ("Kinesis shard limits",),
    ]
    assert cards[0].text == cards[2].text
    assert all(c.kind == "flashcard" for c in cards)
    assert all("Perfectly" not in c.text and "How well" not in c.text for c in cards)
    assert cards[0].text.startswith("Q: Kinesis shard limits\nA: Each shard accepts 1 MB/s")


def test_csv_cards_skip_anki_headers_and_empty_rows(tmp_path: Path) -> None:
    documents, _ = read(write_good_corpus(tmp_path / "c"))
    cards = documents["deck.csv"]
    assert len(cards) == 2
    assert cards[0].heading == ("What does Kinesis Data Firehose do?",)


def test_bare_title_lines_become_headings(tmp_path: Path) -> None:
    documents, _ = read(write_good_corpus(tmp_path / "c"))
    sections = split_sections(documents["blog.txt"][0])
    headings = [s.heading for s in sections]
    assert ("Exam Notes From A Blog", "Training input modes") in headings
    assert ("Exam Notes From A Blog", "Data related", "Scaling methods") in headings
    pipe = next(s for s in sections if "Pipe mode streams" in s.text)
    assert pipe.heading[-1] == "Training input modes"


def test_markdown_and_html_headings_give_heading_paths(tmp_path: Path) -> None:
    documents, _ = read(write_good_corpus(tmp_path / "c"))
    md = [s.heading for s in split_sections(documents["imbalance.md"][0])]
    assert md == [
        ("Imbalanced data", "SMOTE"),
        ("Imbalanced data", "Undersampling"),
        ("Monitoring", "CloudWatch"),
    ]
    html = split_sections(documents["athena.html"][0])
    assert [s.heading for s in html] == [("Amazon Athena",), ("Amazon Athena", "Cost")]
    assert all("Home | About" not in s.text and "Copyright" not in s.text for s in html)


def test_section_offsets_point_into_the_document(tmp_path: Path) -> None:
    documents, _ = read(write_good_corpus(tmp_path / "c"))
    for docs in documents.values():
        for document in docs:
            for section in split_sections(document):
                assert document.text[section.start : section.end] == section.text


def test_each_bad_file_is_skipped_with_its_reason(tmp_path: Path) -> None:
    root = tmp_path / "bad"
    expected = write_bad_files(root)
    (root / "good.md").write_text("# Title\n\nSome real notes about Amazon S3 storage classes.\n")
    documents, skipped = read(root)
    assert set(documents) == {"good.md"}
    reasons = {s.source: s.reason for s in skipped}
    assert set(reasons) == set(expected)
    for source, words in expected.items():
        assert words in reasons[source], (source, reasons[source])


def test_question_bank_files_and_folder_readmes_are_not_notes(tmp_path: Path) -> None:
    (tmp_path / "bank.yaml").write_text("- id: x\n")
    (tmp_path / "README.md").write_text("# Export\n\nThese files came from the study app.\n")
    files = [SourceFile(tmp_path / n, n) for n in ("bank.yaml", "README.md")]
    documents, skipped = read_corpus(files)
    assert documents == {} and [s.warning for s in skipped] == [False, False]


def test_tsv_flashcards_with_tags(tmp_path: Path) -> None:
    (tmp_path / "deck.tsv").write_text(
        "front\tback\ttags\nWhat is AUC?\tArea under the ROC curve.\tmetrics\n"
        "What is RMSE?\tRoot mean squared error.\n"
    )
    documents, skipped = read(tmp_path)
    assert skipped == []
    assert [d.heading for d in documents["deck.tsv"]] == [("What is AUC?",), ("What is RMSE?",)]
    assert documents["deck.tsv"][0].text == "Q: What is AUC?\nA: Area under the ROC curve."


def test_long_sections_are_split_within_the_token_limit(tmp_path: Path) -> None:
    body = " ".join(
        f"Sentence {i} explains shard throughput and partition keys." for i in range(120)
    )
    (tmp_path / "long.md").write_text(f"# Kinesis\n\n## Shards\n\n{body}\n")
    documents, _ = read(tmp_path)
    tokenizer = load_tokenizer("all-MiniLM-L6-v2")
    chunks = chunk_documents(documents["long.md"], tokenizer, 254)
    assert len(chunks) > 3
    assert all(tokenizer.count_tokens(c.embed_text()) <= 254 for c in chunks)
    text = documents["long.md"][0].text
    assert all(text[c.start : c.end] == c.text for c in chunks)
    assert all(c.heading == ("Kinesis", "Shards") for c in chunks)
