from retrieval.clean import clean_text, drop_outlines, normalize_for_dedupe, outline_items
from retrieval.load import read_numbered_cards
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


def test_bullets_flattened_into_one_line_become_items_of_their_own() -> None:
    # A slide deck exported to flashcards runs its bullets together on one line.
    cleaned = clean_text("Can use CPU or GPU • Only helps with larger models\n• Single • Multi")
    assert cleaned.split("\n") == [
        "Can use CPU or GPU",
        "- Only helps with larger models",
        "- Single",
        "- Multi",
    ]


def test_a_middle_dot_between_words_is_not_a_bullet() -> None:
    assert clean_text("cost = rate · hours") == "cost = rate · hours"


OUTLINE = """Study notes, one page
Below is an overview; details are in other files
- Model lifecycle
- Overfitting
- Regularisation (L1 & L2)
- Cross-validation
2. Data
- Feature selection
- One-hot encoding
- Spot training uses spare capacity, so it is cheaper.
- Optimized containers:
- Apache MXNet
- Tensorflow
- Chainer
- PyTorch
- Scikit-learn
- XGBoost"""


def test_a_topic_outline_is_dropped_but_an_announced_list_is_kept() -> None:
    kept = drop_outlines(OUTLINE).split("\n")
    assert "- Overfitting" not in kept and "2. Data" not in kept
    assert "- Spot training uses spare capacity, so it is cheaper." in kept
    assert kept[-7:] == OUTLINE.split("\n")[-7:]  # "Optimized containers:" and its six items


def test_an_outline_item_glossed_by_more_than_its_initials_is_kept() -> None:
    # "Regularisation (L1 & L2)" says what regularisation comes as; "(PCA)" only spells the
    # title's initials, and "Overfitting" names a topic: both go with the outline.
    text = OUTLINE.replace("- Overfitting", "- Principal Component Analysis (PCA)")
    kept = drop_outlines(text).split("\n")
    assert "- Regularisation (L1 & L2)" in kept
    assert "- Principal Component Analysis (PCA)" not in kept
    assert "- Model lifecycle" not in kept and "2. Data" not in kept
    assert "- Specificity (TNR)" in drop_outlines(
        text.replace("- Cross-validation", "- Specificity (TNR)")
    )


def test_a_list_under_a_heading_line_is_not_an_outline() -> None:
    # A bare title above a blank line heads the list: its items are the notes under it.
    text = "Plot types\n\n- scatter plot\n- bubble chart (three features)\n" + "\n".join(
        f"- {name} plot" for name in ("pairs", "swarm", "cat", "box", "violin", "strip")
    )
    assert drop_outlines(text) == text


def test_a_short_run_of_titles_is_kept() -> None:
    text = "Some prose line\n- One\n- Two\n- Three\n- Four\n- Five"
    assert drop_outlines(text) == text


def test_a_cards_answer_keeps_its_half_after_a_line_of_dashes() -> None:
    # A flashcard app's export of one card comparing two services: the dashes part the answer's
    # two halves, and the half after them is the second service's, not an author's footer.
    export = (
        "134\nQ\n\nFirehose vs Streams\n\nA\nFirehose\n• Near real time\n• Automated Scaling\n"
        "No data storage\n\n————————\n\nStreams\n• Real time\n"
        "• Data Storage for 1 to 365 days, replay capability, multi consumers\n\n"
        "135\nQ\n\nAWS Glue\n\nA\nServerless data integration.\n"
    )
    card = read_numbered_cards(export, "cards.txt")[0].text
    assert "No data storage" in card and "replay capability" in card
    assert "————" not in card


def test_the_outline_titles_dropped_are_kept_apart() -> None:
    # What `drop_outlines` takes out, list markers gone; a glossed title stays in the text.
    text = OUTLINE.replace("- Cross-validation", "- Specificity (TNR)")
    items = outline_items(text)
    assert "Overfitting" in items and "Data" in items
    assert "Specificity (TNR)" not in items
    kept = drop_outlines(text).split("\n")
    assert all(f"- {item}" not in kept for item in items) and "2. Data" not in kept
