"""The bench's key-fact match reads a fact, not its typography: the notes write "1–5 minutes"
and the flashcard restating them "1-5 minutes", and an expect typed with a curly apostrophe
("CPU’s only") never matched the notes' straight one, so right answers were scored wrong. The
answer sets the notes' "->" as "→", and an expect copied from the notes keeps "->"."""

from __future__ import annotations

import pytest

from bench.answers import matches


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("expedited about 1-5 minutes, bulk 5-12 hours", [["1–5 minutes"], ["5–12 hours"]]),
        ("expedited about 1–5 minutes", [["1-5 minutes"]]),
        ("Inference: CPU's only", [["CPU’s only"]]),
        ("NO LABELS needed", [["no labels"]]),
        ("Amazon Lex: Utterance → intent → lambda", [["utterance -> intent"]]),
        ("step one --> step two", [["step one → step two"]]),
    ],
)
def test_a_fact_matches_whatever_its_dashes_apostrophes_and_case(
    text: str, expect: list[list[str]]
) -> None:
    assert matches(text, expect)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("expedited about 1-5 minutes", [["1–5 minutes"], ["5–12 hours"]]),
        ("expedited about 15 minutes", [["1–5 minutes"]]),
        ("anything at all", []),
        ("Utterance → slot", [["utterance -> intent"]]),
    ],
)
def test_a_missing_fact_or_an_empty_expect_does_not_match(
    text: str, expect: list[list[str]]
) -> None:
    assert not matches(text, expect)
