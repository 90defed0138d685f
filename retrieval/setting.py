"""A setting asked for by what it does ("xgb knob for sampling columns per tree", "which
blazingtext setting controls how many words get grouped together"): the notes list settings as
"name: what it does" lines ("`subsample` (default 1): fraction of rows sampled for each tree ...
`colsample_bytree` does the same for columns", "Word_ngrams: (how many words we are putting
together)"), and the line whose description holds what was asked answers, quoted with its name.
Scored as an ordinary sentence, such a line loses to a fluent one sharing the question's common
words, or to a number in a "how many" ask ("one training sentence per line"). A setting the
question names already is what it asks about, not what it asks for: its line is left to the
ordinary choice ("xgboost gamma param meaning").

A value asked of a setting the question names ("xgboost eta - whats the allowed range of
values", "which num_samples_per_tree value should the job start from") sits in that setting's
list item, on a line of its own ("range: [0,1]" under "eta [default=0.3, ...]") or in the
item's example ("if about 0.4 % of records are anomalies, use roughly 256 samples per tree"):
that line is quoted, where the ordinary choice quoted the item's description or the same line
of the next setting, and a scenario's quoted what the algorithm is for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import sentence_words
from retrieval.lexical import tokenize
from retrieval.rarity import held_weight, held_weights, sentence_counts
from retrieval.sentences import owner_of

if TYPE_CHECKING:
    from retrieval.compose import Candidate, Composer
    from retrieval.search import Hit

# The question asks for a setting: it names the kind ("which hyperparameter", "param", "knob").
SETTING_ASK = re.compile(r"\b(?:(?:hyper)?param(?:eter)?s?|settings?|knobs?)\b", re.I)
# A setting's name as notes write one: as code ("`k`", "`num_samples_per_tree`"), with an
# underscore ("Word_ngrams", "max_depth"), or followed by its default or "required" in brackets
# ("eta [default=0.3, alias: learning_rate]", "subsample (default 1)"). A plain word before a colon
# is a label ("Hardware: LDA trains on CPU only", "range: [0,1]"), and a name with a capital or
# a digit inside is mostly a product's ("DeepAR: ...", "Word2vec - ..."), not a setting.
_NAME = (
    r"^[-*+•·\s]*(?:\*\*)?(?:`([^`\s]{1,40})`|([A-Za-z]\w*_\w+)"
    r"|([A-Za-z][\w.]*)(?=\s*[\[(](?:default|required)))(?:\*\*)?"
)
# A line opening with a setting's name, then what it does: "`k` (required): ...", "Word_ngrams:
# (how many words we are putting together)", "max_depth - ...".
SETTING_LINE = re.compile(_NAME + r"(?:\s*[\[(][^\])]*[\])])?\s*(?::|\s[-–]\s)\s*(.+)$")
# The asking clause wants a setting's value: "which num_samples_per_tree value", "what values is
# it allowed to take", "the allowed range of values".
VALUE_ASK = re.compile(r"\b(?:values?|range)\b", re.I)
# A list item naming a setting (the `_NAME` forms): the lines under it are that setting's.
SETTING_ITEM = re.compile(_NAME)
NUMBER = re.compile(r"(?<![A-Za-z_])\d")  # a value, not the 2 of "Alpha2" or "S3"
# How many asked words the line's description must hold at least: one shared word (often a
# common one, "data", "model") says nothing of which setting, or which named thing
# (`thing.thing_pick`), was asked for.
HELD_WORDS = 2


def setting_line(text: str) -> tuple[str, str] | None:
    """The setting's name and what the line says it does, or None when the line names none."""
    match = SETTING_LINE.match(text)
    return (name_of(match), match[4]) if match else None


def name_of(match: re.Match[str]) -> str:
    """The name a `_NAME` match found, in whichever of its forms."""
    return next(g for g in match.groups()[:3] if g)


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
            others = max(others, held_weight(weights, words[c.row]))
            continue
        held = held_weight(weights, said)
        if best is None or (held, c.score) > best[:2]:
            best = (held, c.score, c)
    return best[2] if best and best[0] >= others else None


def item_setting(text: str, start: int) -> str:
    """The setting whose list item the sentence at `start` belongs to: its own line's, when that
    line opens with a setting's name ("- `num_samples_per_tree`: ... use roughly 256 samples per
    tree"), else the item it is indented under ("range: [0,1]" under "- eta [default=0.3]");
    "" when neither names a setting."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    for head in (line, owner_of(text, start)):
        found = SETTING_ITEM.match(head)
        if found:
            return name_of(found)
    return ""


def value_pick(
    composer: Composer, candidates: Sequence[Candidate], hits: Sequence[Hit]
) -> Candidate | None:
    """For an ask for a value of a setting the question names ("which num_samples_per_tree
    value", "xgboost eta - allowed range of values"), the sentence of that setting's list item
    that states a number (`states_named_value`): one naming the values first, then the one
    holding most of the question by rarity, then the best-scoring; None when no such sentence
    is pooled. The caller has seen the ask want a value (`VALUE_ASK`)."""
    stating = [
        c
        for c in candidates
        if states_named_value(hits[c.rank].chunk.text, c.start, c.text, composer.terms)
    ]
    words = sentence_words(composer.searcher)
    counts, total = sentence_counts(composer.searcher, words)
    weights = held_weights(composer.terms, counts, total)

    def fit(c: Candidate) -> tuple[bool, float, float]:
        # A line saying what the values are ("range: (0,1]") over one using a value ("Setting
        # it to 0.5 means ..."), then the one holding more of the question ("if about 0.4 % of
        # records are anomalies, use roughly 256" for a stem expecting 0.4 % anomalies).
        return bool(VALUE_ASK.search(c.text)), held_weight(weights, words[c.row]), c.score

    return max(stating, key=fit, default=None)


def states_named_value(text: str, start: int, sentence: str, asked: set[str]) -> bool:
    """The sentence at `start` states a number and belongs to the item of a setting the
    question names (`asked`: its terms)."""
    if not NUMBER.search(sentence):
        return False
    name = set(tokenize(item_setting(text, start)))
    return bool(name) and name <= asked
