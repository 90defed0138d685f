"""A comparison whose notes set its two sides out on two lines next to each other, each line saying
something of one side alone, is answered with that pair (`Composer._paired`), not with a line that
names a side only with its passage's help ("Large batch sizes ..." under "Effect of learning rate"
for "large learning rate")."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Training

## Effect of learning rate

- Small batch sizes tend not to get stuck in local minima
- Large batch sizes can converge on the wrong solution at random
- Large learning rates can overshoot the correct solution
- Small learning rates increase training time

## Learning rate

The learning rate sets how far each update moves the weights. Choosing the learning rate is
challenging as a value too small may result in a long training process that could get stuck,
whereas a value too large may result in learning a sub-optimal set of weights too fast or an
unstable training process.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "side-pair", {"notes.md": NOTES})


def test_two_lines_setting_the_sides_out_answer_both(tutor: NotesIndex) -> None:
    answer = tutor.ask("large learning rate vs small learning rate, what goes wrong with each")
    assert answer.covered, answer.missing
    assert "Large learning rates can overshoot" in answer.text  # not "Large batch sizes ..."
    assert "Small learning rates increase training time" in answer.text
