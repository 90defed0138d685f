"""A setting asked for by what it does ("xgb knob for sampling columns per tree"): the notes'
"name: what it does" line whose description holds the asked words is quoted, with its name
(`retrieval.setting`), over a line sharing fewer of them and a passage search ranked first. A
value asked of a setting the question names ("xgboost subsample - what values can it take") is
quoted from that setting's list item: its line stating one."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.setting import setting_line
from tests.retrieval.conftest import tutor_over
from tests.retrieval.test_answer_attribute_tiers import (
    FILLER,
    blazingtext,  # noqa: F401 (fixture)
)


def test_the_setting_line_describing_the_ask_is_quoted(shipped: NotesIndex) -> None:
    answer = shipped.ask("xgb knob for sampling columns per tree")
    assert answer.covered
    assert "colsample_bytree" in answer.text


def test_the_setting_line_answers_alone_over_the_passage_search_ranked_first(
    blazingtext: NotesIndex,  # noqa: F811
) -> None:
    answer = blazingtext.ask(
        "blazingtext word2vec: which setting drops words that hardly ever appear in the corpus?"
    )
    assert answer.sentences == ["`min_count`: drop words rarer than this."]


def test_a_setting_line_names_a_code_like_setting_and_says_what_it_does() -> None:
    assert setting_line("`k` (required): number of nearest neighbours") == (
        "k",
        "number of nearest neighbours",
    )
    assert setting_line("Word_ngrams: (how many words we are putting together)") == (
        "Word_ngrams",
        "(how many words we are putting together)",
    )
    assert setting_line("- eta [default=0.3, alias: learning_rate]: step size") == (
        "eta",
        "step size",
    )
    assert setting_line("DeepAR: forecasting with RNNs") is None  # a product, not a setting
    assert setting_line("Hardware: LDA trains on CPU only") is None  # a label, not a setting


XGBOOST_PARAMETERS = (
    "# XGBoost parameters\n\n"
    "- subsample [default=1]\n"
    "    Subsample ratio of the training instances. Setting it to 0.5 means that XGBoost "
    "samples half of the training data before growing trees.\n"
    "    range: (0,1]\n"
    "- eta [default=0.3, alias: learning_rate]\n"
    "    Step size shrinkage used in each update to prevent overfitting.\n"
    "    range: [0,1]\n"
    "- gamma [default=0, alias: min_split_loss]\n"
    "    Minimum loss reduction required to make a further split.\n"
    "    range: [0,inf]\n"
)


@pytest.fixture(scope="module")
def parameters(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"xgboost.md": XGBOOST_PARAMETERS + "\n" + FILLER}
    return tutor_over(tmp_path_factory, embedder, "setting-values", files)


def test_a_named_settings_value_line_is_quoted_with_its_item(parameters: NotesIndex) -> None:
    answer = parameters.ask("xgboost subsample - what values can it take?")
    assert "(0,1]" in answer.text
    assert "[0,1]" not in answer.text.replace("(0,1]", "")  # not eta's range


def test_a_stem_asking_a_named_settings_value_gets_the_line_stating_one(
    shipped: NotesIndex,
) -> None:
    answer = shipped.ask(
        "About 0.4 % of the events in our stream are anomalies. What num_samples_per_tree value "
        "should our Random Cut Forest model use?"
    )
    assert "256" in answer.text
