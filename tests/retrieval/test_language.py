"""Telling a question in another language from an English one (`retrieval.language`)."""

from __future__ import annotations

import pytest

from retrieval.language import looks_foreign


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué es SMOTE?",
        "Was ist Amazon Bedrock?",
        "Qu'est-ce que le mode pipe ?",
        "wann benutze ich pipe mode",
        "Che cos'è la regolarizzazione L1?",
        "o que é o Amazon Comprehend?",
    ],
)
def test_another_language_is_told(question: str) -> None:
    assert looks_foreign(question)


@pytest.mark.parametrize(
    "question",
    [
        "what is the difference between l1 and l2",
        "when do i use pipe mode??",
        "des vs aes encryption for s3",
        "is es the same as opensearch",
        "recall formula pls",
        "con of using spot instances?",
    ],
)
def test_english_with_words_other_languages_share_is_english(question: str) -> None:
    assert not looks_foreign(question)
