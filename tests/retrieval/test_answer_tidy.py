"""A quoted answer reads as a tutor's: it says each thing once (`retrieval.repeats`), quotes no
line that only points elsewhere in the notes (`sentences.is_signpost`), and no sentence ends on a
lead-in colon with nothing after it (`compose.closed`)."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.repeats import said_once
from retrieval.sentences import display_sentence, is_signpost, sentence_spans
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

POISSON = (
    "# Statistics\n\n## Poisson distribution\n\n"
    "The Poisson distribution gives the probability of a number of events in a fixed time "
    "period when events arrive independently at a known average rate. The Poisson probability "
    "mass function gives the probability of observing k events in a period given the average "
    "events per period:\n\n"
    "P(k) = lambda^k e^-lambda / k!\n"
)
TRAINING = (
    "# Training\n\n## Managed spot training\n\n"
    "Managed spot training runs training jobs on spare capacity and can cut cost by up to 90 %. "
    "SageMaker Clarify and Neo are covered in the deployment notes.\n"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"stats.md": POISSON, "training.md": TRAINING}
    return tutor_over(tmp_path_factory, embedder, "tidy", files)


def test_a_sentence_another_already_says_is_left_out_and_the_fuller_kept() -> None:
    short = "Linear Learner can normalize automatically with normalize_data (and normalize_label)."
    full = (
        "Linear Learner can do this for you automatically: `normalize_data` scales features and "
        "`normalize_label` scales the regression target, using statistics from a sample."
    )
    other = "Its input should be shuffled."
    assert said_once([short, full, other]) == ([full, other], 0)
    # an extra trailing sentence left out is counted off the extras
    assert said_once([full, short], extra=1) == ([full], 0)


def test_two_facts_that_differ_by_their_subject_are_both_kept() -> None:
    facts = [
        "Identify logins from anomalous IP's.",
        "Identify accounts creating resources from anomalous IP's.",
    ]
    assert said_once(facts) == (facts, 0)


def test_a_line_that_only_points_elsewhere_is_no_sentence() -> None:
    assert is_signpost("SageMaker Clarify and Neo are covered in the deployment notes.")
    assert is_signpost("More on this later in the section on tuning.")
    assert not is_signpost("The term MLP is sometimes used to refer to networks of perceptrons.")
    assert not is_signpost("Data is described in JSON lines.")
    text = "Spot training cuts cost. SageMaker Clarify and Neo are covered in the deployment notes."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Spot training cuts cost."]


def test_a_pointer_inside_a_sentence_of_facts_is_not_shown() -> None:
    shown = display_sentence(
        "An object can be up to 5 TB and carry 10 tags (see the next two sections)."
    )
    assert shown == "An object can be up to 5 TB and carry 10 tags."
    shown = display_sentence(
        "Ground Truth belongs to data preparation; see the modeling notes for details."
    )
    assert shown == "Ground Truth belongs to data preparation."


def test_the_answer_quotes_no_signpost(tutor: NotesIndex) -> None:
    answer = tutor.ask("managed spot training")
    assert answer.covered and "90 %" in answer.text
    assert "covered in" not in answer.text


def test_a_lead_in_with_nothing_after_it_in_the_answer_ends_with_a_stop(tutor: NotesIndex) -> None:
    answer = tutor.ask("poisson distribution")
    assert answer.covered and "observing k events" in answer.text
    assert not answer.text.rstrip().endswith(":")


def test_a_sentence_is_not_cut_inside_an_example_aside() -> None:
    card = (
        "A model that combines several learners to predict better than any one of them alone. "
        "Bagging (e.g. random forest) and boosting (e.g. XGBoost) are the main families."
    )
    assert [card[a:b] for a, b in sentence_spans(card)] == [
        "A model that combines several learners to predict better than any one of them alone.",
        "Bagging (e.g. random forest) and boosting (e.g. XGBoost) are the main families.",
    ]


def test_a_list_items_own_comma_is_not_left_before_the_answers_punctuation() -> None:
    """Notes that write a list as one running sentence end each item with a comma ("- Splunk,"):
    quoted, the items join with "; " and the last ends with a stop, never ",;" or ",."."""
    from retrieval.compose import as_sentence, list_items

    text = (
        "Firehose delivers to destinations such as:\n- Amazon S3,\n- Amazon Redshift,\n- Splunk,\n"
    )
    assert list_items(text, text.index(":") + 1) == ["Amazon S3", "Amazon Redshift", "Splunk"]
    quoted = as_sentence("ResNet and DenseNet models trained in MXNet and TensorFlow,")
    assert quoted == "ResNet and DenseNet models trained in MXNet and TensorFlow."
