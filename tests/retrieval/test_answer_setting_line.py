"""A setting asked for by what it does ("xgb knob for sampling columns per tree"): the notes'
"name: what it does" line whose description holds the asked words is quoted, with its name
(`retrieval.setting`), over a line sharing fewer of them and a passage search ranked first."""

from __future__ import annotations

from retrieval.service import NotesIndex
from retrieval.setting import setting_line
from tests.retrieval.test_answer_attribute_tiers import blazingtext  # noqa: F401 (fixture)


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
    assert setting_line("**CategoricalParameter**: a list of choices")[0] == (  # type: ignore[index]
        "CategoricalParameter"
    )
    assert setting_line("Hardware: LDA trains on CPU only") is None  # a label, not a setting
