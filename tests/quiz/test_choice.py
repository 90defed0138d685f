"""The choice parser: the replies people really type, and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.choice import button_choice, read_choice

letters = st.sampled_from("ABCD")
# Filler words that are never a lone letter: two or more letters, none of them markers.
filler_word = st.from_regex(r"[e-z]{2,9}", fullmatch=True).filter(
    lambda w: w not in {"option", "answer", "choice", "pick", "choose", "with"}
)
filler = st.lists(filler_word, min_size=0, max_size=6).map(" ".join)
case = st.sampled_from([str.lower, str.upper])


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("B", "B"),
        ("b)", "B"),
        ("(b)", "B"),
        ("I think C", "C"),
        ("option c", "C"),
        ("c - because firehose", "C"),
        ("answer: d", "D"),
        ("a) kinesis streams", "A"),
        ("I think a queue is better, so b", "B"),
        ("Definitely D.", "D"),
        ("a is right", "A"),
    ],
)
def test_reads_the_letter(text: str, letter: str) -> None:
    assert read_choice(text).letter == letter


@pytest.mark.parametrize("text", ["A or B", "c or d?", "Option A or option B", "A, B or C?"])
def test_several_letters_are_ambiguous(text: str) -> None:
    reading = read_choice(text)
    assert reading.letter is None and reading.ambiguous


@pytest.mark.parametrize("text", ["", "no idea", "firehose", "I'd use a stream"])
def test_no_letter(text: str) -> None:
    reading = read_choice(text)
    assert reading.letter is None and not reading.ambiguous


@given(letter=letters, to_case=case, rest=filler)
def test_templates_with_one_letter_read_that_letter(letter: str, to_case, rest: str) -> None:  # type: ignore[no-untyped-def]
    shown = to_case(letter)
    for template in ("{l}", "{l})", "({l})", "I think {l}", "option {l}", "{l} - because {r}"):
        text = template.format(l=shown, r=rest)
        assert read_choice(text).letter == letter, text


@given(first=letters, second=letters, to_case=case, rest=filler)
def test_two_different_letters_are_never_graded(
    first: str, second: str, to_case, rest: str
) -> None:  # type: ignore[no-untyped-def]
    text = f"{to_case(first)} or {to_case(second)} {rest}"
    reading = read_choice(text)
    if first == second:
        assert reading.letter == first
    else:
        assert reading.letter is None and reading.ambiguous


@given(text=filler)
def test_text_without_letters_has_no_choice(text: str) -> None:
    assert read_choice(text).letters == ()


@given(text=st.text(max_size=60))
def test_any_text_reads_at_most_a_valid_letter(text: str) -> None:
    reading = read_choice(text)
    assert reading.letter in {None, "A", "B", "C", "D"}
    assert (reading.letter is not None) == (len(reading.letters) == 1)


def test_button_values() -> None:
    assert button_choice(" c ") == "C"
    assert button_choice("E") is None
