"""The BM25 stopwords are bm25s's English list (NLTK's, `STOPWORDS_EN_PLUS`) kept in words the
tokenizer can produce: no contraction ("don't" is two tokens here) and none of the pieces a
contraction splits into, since a single letter or "won" can be a term in notes (the t of t-SNE);
plus the chat words members type ("thx", "pls") and "could"/"would". Written out in
`retrieval/lexical.py` so tokenizing never imports bm25s; this test keeps the two from drifting."""

from __future__ import annotations

from bm25s.stopwords import STOPWORDS_EN_PLUS

from retrieval.lexical import STOPWORDS, tokenize

CONTRACTION_PIECES = frozenset(
    {
        "ain",
        "aren",
        "couldn",
        "d",
        "didn",
        "doesn",
        "don",
        "hadn",
        "hasn",
        "haven",
        "isn",
        "ll",
        "m",
        "ma",
        "mightn",
        "mustn",
        "needn",
        "o",
        "re",
        "s",
        "shan",
        "shouldn",
        "t",
        "ve",
        "wasn",
        "weren",
        "won",
        "wouldn",
        "y",
    }
)
CHAT_AND_MODALS = frozenset(
    {
        "could",
        "would",
        "hey",
        "hi",
        "pls",
        "plz",
        "thanks",
        "thx",
        "u",
        "ur",
    }
)


def test_the_stopwords_are_bm25s_english_list_as_tokens() -> None:
    as_tokens = {word for word in STOPWORDS_EN_PLUS if "'" not in word}
    assert (as_tokens - CONTRACTION_PIECES) | CHAT_AND_MODALS == STOPWORDS


def test_letters_of_technical_terms_stay_searchable() -> None:
    assert "t" in tokenize("t-SNE keeps local structure")
