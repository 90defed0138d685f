"""The rarity-weighted share of a question's terms an answer holds, and whether it holds the
rarest one (`retrieval.rarity`)."""

from __future__ import annotations

from collections import Counter

from retrieval.facets import facet_share
from retrieval.rarity import held_weights, rarest_held, weighted_share

# 1,000 sentences: "work" is in many of them, "deepar" in a few, "gemini" in none.
COUNTS = Counter({"work": 300, "deepar": 4, "forecast": 20})
TOTAL = 1000


def test_the_rare_subject_weighs_more_than_a_common_word() -> None:
    terms = {"deepar", "work"}
    held_subject = weighted_share(terms, {"deepar", "forecast"}, COUNTS, TOTAL)
    held_common = weighted_share(terms, {"work", "forecast"}, COUNTS, TOTAL)
    assert held_subject > 0.75 > 0.25 > held_common
    assert weighted_share(terms, {"deepar", "work"}, COUNTS, TOTAL) == 1.0


def test_a_word_the_notes_never_hold_weighs_as_the_rarest() -> None:
    # a question about something absent keeps a low share though its common words are held
    assert weighted_share({"gemini", "work"}, {"work"}, COUNTS, TOTAL) < 0.25


def test_a_short_form_counts_for_the_longer_word() -> None:
    assert weighted_share({"forecast"}, {"forecasting"}, COUNTS, TOTAL) == 1.0
    assert weighted_share(set(), {"work"}, COUNTS, TOTAL) == 0.0


def test_the_rarest_word_held_says_the_answer_is_about_what_was_asked() -> None:
    # "deepar, how does it work": the common word matches nothing, the subject is quoted
    assert rarest_held({"deepar", "work"}, {"deepar", "forecast"}, COUNTS)
    assert not rarest_held({"deepar", "work"}, {"work", "forecast"}, COUNTS)


def test_an_absent_word_is_the_rarest_and_is_never_held() -> None:
    # "gemini vs deepar": the notes never hold gemini, so holding deepar is not enough (a chat
    # word the notes never hold blocks it too: this only lets through questions made of notes
    # words)
    assert not rarest_held({"gemini", "deepar"}, {"deepar", "gemini"}, COUNTS)
    assert not rarest_held(set(), {"deepar"}, COUNTS)


def test_a_facet_share_weighs_the_rare_word_asked_over_the_common_ones() -> None:
    # "deepar forecast work": a sentence holding the rare word alone answers more of the ask
    # than one holding the two common words; "gemini", which no sentence holds, weighs nothing
    weights = held_weights({"deepar", "forecast", "work", "gemini"}, COUNTS, TOTAL)
    assert weights["gemini"] == 0.0
    facet = {"deepar", "forecast", "work", "gemini"}
    rare = facet_share(facet, frozenset({"deepar"}), set(), "", weights)
    common = facet_share(facet, frozenset({"forecast", "work"}), set(), "", weights)
    assert rare > common
    assert facet_share(facet, frozenset({"deepar"}), set()) < facet_share(
        facet, frozenset({"forecast", "work"}), set()
    )  # unweighted, the two common words won


def test_a_kept_term_weighs_though_no_sentence_holds_it() -> None:
    # the remedy term stands for every remedy word, none of which is spelt "fix"
    assert held_weights({"fix"}, COUNTS, TOTAL, ("fix",))["fix"] > 0
