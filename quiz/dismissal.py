"""Whether an answer's lead turns down the thing it names before the answer picks another.

"Mechanical Turk is out because ...", "Lambda can't take this because ...", "rewriting every
client for Kinesis is what they want to avoid", "Although BlazingText also makes embeddings
...", "Rather than gluing Step Functions and Lambda together, ...", "Skip the cron job: ...",
"Grid or random search would spend all 200 epochs on every configuration, so ...": the lead
names another option or rival only to set it aside, and the pick follows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from quiz.answer_text import AUXILIARIES, DENIALS, FUNCTION_WORDS, stems, words

# "X is out", "X can't ...", "X won't ...", "X is never ...": a verb denied of the thing.
TURNED_DOWN = DENIALS | {"out"}
# "... what they want to avoid": the lead rejects what it just named.
AVOIDING = frozenset({"avoid", "avoided", "avoiding"})
# A lead that opens by conceding ("Although X also makes embeddings, ...") or by setting X
# against what follows ("Rather than gluing X and Lambda together, ...", "Instead of X, ...")
# names X to set it aside: what follows is the pick.
CONCEDING = (["although"], ["though"], ["even", "though"], ["rather", "than"], ["instead", "of"])
# A lead that opens by telling the reader to pass the thing by ("Skip the cron job: create an
# EventBridge rule ...") sets it aside, when the thing comes before another conjunct.
PASSING_BY = frozenset({"skip", "avoid", "forget", "ditch"})
# "Grid search would spend all 200 epochs ...", "regular mode would be exact but slow here":
# what the thing would do is said of a thing the answer does not pick; unless what it would do
# is to serve ("X would work", "X would be best", "X would also do").
HYPOTHETICAL = "would"
SERVING = frozenset({"work", "suffice", "also", "best", "better", "ideal", "fine", "enough"})
# The denied verb follows the thing at once ("Lambda can't", "k-NN is out"), its auxiliary at
# most this many words on ("Lambda alone can't").
VERB_REACH = 3
# Words that start another conjunct, about another thing: "keep sigmoid and add more layers,
# residual connections don't help" turns down the residual connections, not sigmoid.
CONJUNCTS = frozenset({"and", "but", "then", "plus", "while", "whereas"})


def turns_down(lead: str, named: str) -> bool:
    """Whether the lead clause sets aside what it names (`named`: the other option or rival it
    was read as picking): it opens conceding or setting it against what follows ("rather
    than", "instead of") or passing it by ("skip"), or right after the thing says a denied
    verb of it ("is out", "can not take this"), what it would do ("would spend all 200
    epochs") or, before another conjunct, that it is to be avoided. A denial further on is
    another thing's ("keep sigmoid and add layers, residual connections don't help")."""
    tokens = words(lead)
    if any(tokens[: len(opening)] == opening for opening in CONCEDING):
        return True
    wanted = set(stems([w for w in words(named) if w not in FUNCTION_WORDS]))
    token_stems = stems(tokens)
    # each place the thing is said, up to the end of its name ("Mechanical Turk")
    ends = [
        i
        for i, s in enumerate(token_stems)
        if s in wanted and (i + 1 == len(tokens) or token_stems[i + 1] not in wanted)
    ]
    # "skip X and use Y": the thing passed by is the one before the next conjunct
    first_conjunct = next((i for i, t in enumerate(tokens) if t in CONJUNCTS), len(tokens))
    if tokens[:1] and tokens[0] in PASSING_BY and ends and ends[0] < first_conjunct:
        return True
    for end in ends:
        rest = list(itertools.takewhile(lambda t: t not in CONJUNCTS, tokens[end + 1 :]))
        if (
            AVOIDING & set(rest)
            or _denied_verb(rest[: VERB_REACH + 1])
            or _hypothetical(rest[:VERB_REACH])
        ):
            return True
    return False


def _hypothetical(tokens: Sequence[str]) -> bool:
    """Whether the words right after the thing say what it would do, not that it would serve."""
    if HYPOTHETICAL not in tokens:
        return False
    at = tokens.index(HYPOTHETICAL)
    return not SERVING & set(tokens[at + 1 : at + 3])


def _denied_verb(tokens: Sequence[str]) -> bool:
    return any(
        one in AUXILIARIES and other in TURNED_DOWN for one, other in itertools.pairwise(tokens)
    )
