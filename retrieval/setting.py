"""A setting asked for by what it does ("xgb knob for sampling columns per tree", "which
blazingtext setting controls how many words get grouped together"): the notes list settings as
"name: what it does" lines ("`subsample` (default 1): fraction of rows sampled for each tree ...
`colsample_bytree` does the same for columns", "Word_ngrams: (how many words we are putting
together)"), and the line whose description holds what was asked answers, quoted with its name.
Scored as an ordinary sentence, such a line loses to a fluent one sharing the question's common
words, or to a number in a "how many" ask ("one training sentence per line"). A setting the
question names already is what it asks about, not what it asks for: its line is left to the
ordinary choice ("xgboost gamma param meaning").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from retrieval.compose import sentence_words
from retrieval.lexical import tokenize
from retrieval.rarity import held_weights, sentence_counts

if TYPE_CHECKING:
    from retrieval.compose import Candidate, Composer

# The question asks for a setting: it names the kind ("which hyperparameter", "param", "knob").
SETTING_ASK = re.compile(r"\b(?:(?:hyper)?param(?:eter)?s?|settings?|knobs?)\b", re.I)
# A line opening with a setting's name, then what it does: "`k` (required): ...",
# "**CategoricalParameter**: ...", "Word_ngrams: ...", "max_depth - ...". The name is written as
# code (backticks) or looks like one (an underscore, a digit, an inner capital): a plain word
# before a colon is a label ("Hardware: LDA trains on CPU only"), not a setting.
SETTING_LINE = re.compile(
    r"^[-*+•·\s]*(?:\*\*)?(`[^`\s]{1,40}`|[A-Za-z][\w.]*(?:_\w+|\d\w*|[a-z][A-Z]\w*))(?:\*\*)?"
    r"(?:\s*[\[(][^\])]*[\])])?\s*(?::|\s[-–]\s)\s*(.+)$"
)
# How many asked words the line's description must hold at least: one shared word (often a
# common one, "data", "model") says nothing of which setting was asked for.
HELD_WORDS = 2


def setting_line(text: str) -> tuple[str, str] | None:
    """The setting's name and what the line says it does, or None when the line names none."""
    match = SETTING_LINE.match(text)
    return (match[1].strip("`"), match[2]) if match else None


def setting_pick(
    composer: Composer, candidates: Sequence[Candidate], asked: set[str]
) -> Candidate | None:
    """For a setting ask, the setting line whose description holds the most of the `asked` words
    (each weighted by its rarity, `rarity.held_weights`), when it holds HELD_WORDS of them and
    no other pooled sentence holds more: the ask describes the setting, and the line naming it
    says so in the same words. None when no line does."""
    ask = SETTING_ASK.search(composer.ask.text)
    if ask is None:
        return None
    asked = asked - set(tokenize(ask[0]))  # "setting" asks for one, it is no word of the meaning
    words = sentence_words(composer.searcher)
    counts, total = sentence_counts(composer.searcher, words)
    weights = held_weights(asked, counts, total)
    typed = set(tokenize(composer.ask.text))
    best: tuple[float, float, Candidate] | None = None
    others = 0.0
    for c in candidates:
        found = setting_line(c.text)
        said = set(tokenize(found[1])) if found else set()
        if found is None or set(tokenize(found[0])) <= typed or len(said & asked) < HELD_WORDS:
            others = max(others, _held(weights, words[c.row]))
            continue
        held = _held(weights, said)
        if best is None or (held, c.score) > best[:2]:
            best = (held, c.score, c)
    return best[2] if best and best[0] >= others else None


def _held(weights: dict[str, float], words: Iterable[str]) -> float:
    """How much of the asked words a sentence holds: their rarity weights, summed."""
    return sum(weights.get(t, 0.0) for t in set(words))
