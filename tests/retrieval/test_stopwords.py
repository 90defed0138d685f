"""The BM25 stopwords: bm25s's English list (NLTK's, `STOPWORDS_EN_PLUS`) in the words the
tokenizer produces, plus chat words; read from bm25s without importing the package."""

from __future__ import annotations

import subprocess
import sys

from bm25s.stopwords import STOPWORDS_EN_PLUS

from retrieval.lexical import CHAT_AND_MODALS, CONTRACTION_PIECES, STOPWORDS, tokenize


def test_every_whole_word_of_bm25s_english_list_is_a_stopword() -> None:
    words = {w for w in STOPWORDS_EN_PLUS if "'" not in w and w not in CONTRACTION_PIECES}
    assert words <= STOPWORDS
    assert {"the", "which", "between", "ourselves"} <= STOPWORDS


def test_chat_words_are_stopwords_and_contraction_pieces_are_not() -> None:
    assert CHAT_AND_MODALS <= STOPWORDS
    assert not STOPWORDS & CONTRACTION_PIECES
    assert not any("'" in w for w in STOPWORDS)


def test_letters_of_technical_terms_stay_searchable() -> None:
    assert "t" in tokenize("t-SNE keeps local structure")
    tokens = tokenize("pls which is better, the s3 or ebs")
    assert "s3" in tokens
    assert not {"pls", "which", "is", "the", "or"} & set(tokens)


def test_tokenizing_does_not_import_bm25s() -> None:
    code = "import sys, retrieval.lexical as l; l.tokenize('hi'); print('bm25s' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
