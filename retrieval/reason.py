"""A why-ask's reason ("why tfidf and not just counts"). The quote is built on the sentences
nearest the ask, which say what the thing does ("The second function ... counts how frequently
a word appears in the whole corpus") and give no reason; its passage gives it in a sentence of
its own ("... a great way of giving weights to words as it penalizes generic words ..."). That
sentence is quoted after the quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import WHY, Candidate
from retrieval.drawback import quoted_stating
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

# A sentence giving a reason: "because", "since", "so that", "as it ...", "due to", "this is why".
REASON = re.compile(
    r"\b(?:because|since|so that|due to|thanks to|as (?:it|they|this)|this is why|that is why"
    r"|which is why)\b",
    re.I,
)


def reason_pick(
    composer: Composer, hits: Sequence[Hit], candidates: list[Candidate], chosen: list[Candidate]
) -> Candidate | None:
    """For a why-ask whose quote gives no reason (REASON), the best-scoring sentence of a quoted
    passage that gives one (`drawback.quoted_stating`)."""
    if composer.ask.kind == "scenario" or not WHY.search(composer.ask.text):
        return None
    return quoted_stating(composer, candidates, chosen, REASON)
