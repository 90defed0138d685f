"""A setting the question names ("xgboost gamma param meaning", "when would I turn up XGBoost's
alpha", "deepar dynamic_feat arrays - how long does each one have to be?"): the notes write it as
a list item, its name line ("gamma [default=0, alias: min_split_loss]", "`dynamic_feat`
(optional): ...") with what it does on the lines under it, and that item is the answer, quoted
in the notes' order. Scored sentence by sentence, the item's lines lose: the first line under
the name rarely repeats it ("Minimum loss reduction required to make a further partition", "L1
regularization term on weights"), so a later line naming it ("The larger gamma is ...") or a
line of another subject holding the question's common words was quoted instead, or, for a
limit, an example with numbers in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.attribute import RARE_SHARE
from retrieval.compose import MAX_SENTENCES, _plain, sentence_words
from retrieval.lexical import tokenize
from retrieval.rarity import sentence_counts
from retrieval.setting import SETTING_ITEM, VALUE_ASK, item_setting, name_of, setting_line

if TYPE_CHECKING:
    from retrieval.compose import Candidate, Composer, Composition
    from retrieval.search import Hit

# The kinds whose answer is the named setting's item: a comparison weighs each side, a scenario
# names what the stem lacks, and a casual ask is answered by its own rules.
ITEM_KINDS = frozenset({"definition", "when", "limit", "howto"})


def item_answer(
    composer: Composer, hits: Sequence[Hit], composed: Composition
) -> Composition | None:
    """The named setting's item (`named_item`) in place of `composed` when that lacks the line
    saying what the setting does: its name line when that says it ("`k` (required): number of
    clusters"), else the first line under it. None when the question names no setting the
    pooled passages list, or asks a value of it (`setting.value_pick` answers that)."""
    ask = composer.ask
    if ask.kind not in ITEM_KINDS or VALUE_ASK.search(ask.text) or not composed.sentences:
        return None
    item = named_item(composer, hits)
    if not item:
        return None
    opening = item[0] if setting_line(item[0].text) or len(item) == 1 else item[1]
    if _plain(opening.text) in _plain(" ".join(composed.sentences)):
        return None
    chosen = item[:MAX_SENTENCES]
    return composer.from_passage(
        composer._render(chosen, hits), chosen[0].rank, hits, composed.best_similarity
    )


def named_item(composer: Composer, hits: Sequence[Hit]) -> list[Candidate]:
    """The sentences of the pooled list item of a setting the question names, in the notes'
    order; of several such items, the one holding the best-scoring sentence. A setting is named
    when every word of its name is typed and the name is rare in the notes' sentences
    (RARE_SHARE): one the notes write everywhere ("mode", "loss", "k") is typed for what it
    says. Empty when there is none."""
    names = _typed_names(composer, hits)
    if not names:
        return []
    items: dict[tuple[int, str], list[Candidate]] = {}
    for c in composer.candidates(hits):
        name = _setting_of(hits[c.rank].chunk.text, c.start).lower()
        if name in names:
            items.setdefault((c.rank, name), []).append(c)
    if not items:
        return []
    best = max(items.values(), key=lambda item: max(c.score for c in item))
    return sorted(best, key=lambda c: c.start)


def _typed_names(composer: Composer, hits: Sequence[Hit]) -> set[str]:
    """The settings the pooled passages list (`setting.SETTING_ITEM` lines) whose names the
    question types and the notes seldom write."""
    typed = set(tokenize(composer.ask.text))
    counts, total = sentence_counts(composer.searcher, sentence_words(composer.searcher))
    names = set()
    for hit in hits:
        for line in hit.chunk.text.split("\n"):
            found = SETTING_ITEM.match(line)
            words = tokenize(name_of(found)) if found else []
            if words and set(words) <= typed and counts[words[0]] <= RARE_SHARE * total:
                names.add(name_of(found).lower())
    return names


def _setting_of(text: str, start: int) -> str:
    """The setting whose item the sentence at `start` belongs to: the one its line opens with
    (the name line itself: "gamma [default=0, ...]", "- `dynamic_feat` (optional): ..."), else
    `setting.item_setting`'s."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    found = SETTING_ITEM.match(text[line_start : line_end if line_end >= 0 else len(text)])
    return name_of(found) if found else item_setting(text, start)
