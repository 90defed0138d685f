from retrieval.clean import clean_text, normalize_for_dedupe
from tests.retrieval.fixtures import BLOG_TEXT, WIDGET


def test_rating_widget_is_removed_wherever_it_stands() -> None:
    assert "Perfectly" not in clean_text(f"Answer text\n{WIDGET}Next")
    assert "Not at all" not in clean_text(
        "x How well did you know this? 1 Not at all 2 3 4 5 Perfectly"
    )


def test_blog_residue_and_byline_and_footer_are_removed() -> None:
    cleaned = clean_text(BLOG_TEXT)
    for residue in ("min read", "Responses (3)", "Pat Writer", "coffee", "\n--\n"):
        assert residue not in cleaned
    assert cleaned.startswith("Exam Notes From A Blog")
    assert "Pipe mode streams the training data" in cleaned


def test_mojibake_and_odd_bullets_are_fixed() -> None:
    cleaned = clean_text("Itâ€™s fast\n· one\n• two")
    assert "It’s fast" in cleaned or "It's fast" in cleaned
    assert "- one" in cleaned and "- two" in cleaned


def test_a_long_text_after_dashes_is_not_a_footer() -> None:
    text = "Intro\n\n--\n\n" + "Real content sentence here. " * 40
    assert "Real content" in clean_text(text)


def test_dedupe_key_folds_case_spacing_and_bullets() -> None:
    assert normalize_for_dedupe("- Pipe  Mode\nstreams") == normalize_for_dedupe(
        "pipe mode streams"
    )


def test_markdown_dash_lines_are_syntax_not_residue() -> None:
    # A setext heading's underline, and a thematic break before a short last section: both
    # are markdown, and the section after the break is notes, not an author's footer.
    notes = "# Kinesis\n\nFan-out\n-------\n\nTwo MB/s each.\n\n---\n\nRetention is 24 hours."
    cleaned = clean_text(notes, markdown=True)
    assert "Fan-out\n-------" in cleaned
    assert cleaned.endswith("Retention is 24 hours.")
    assert "Retention" not in clean_text(notes.replace("---\n\nRet", "--\n\nRet"))
