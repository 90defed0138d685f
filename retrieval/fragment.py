"""A terse note's afterthought: a short piece right after a quoted sentence that finishes it and
that the sentence index cannot tie to it: a sentence of one or two words, too short for the index
("... separated by spaces. No labels.", "Requires provisioning!" on the line under a database's
description), or a list's lone short item, which a one-sentence answer does not go on to
("Per-word log likelihood" as the item after "Optional test channel can be used for scoring
results"). Left out, the quote loses the very fact it leads up to; quoted with it, the answer
says it."""

from __future__ import annotations

import re

from retrieval.sentences import MIN_WORDS, WEB_ADDRESS, WORDED, display_sentence

FRAGMENT_WORDS = 3  # "No labels.", "Per-word log likelihood": no more than a phrase
FULL_WORDS = 4  # a quote this long states a fact of its own that the afterthought adds to
ITEM = re.compile(r"^\s*(?:[-*+•·]|\d+[.)])\s+")
ENDS_SENTENCE = re.compile(r"[.!]$")
# What makes a phrase a statement rather than a title or a sign-off ("All the Best!"): a verb or
# a negation of the kind terse notes use.
STATES = re.compile(
    r"\b(?:no|not|only|never|always|requires?|needs?|must|can(?:not|'t)?|is|are|has|have|"
    r"uses?|supports?|works?|runs?)\b",
    re.I,
)


def trailing_fragment(text: str, start: int, end: int, shown: str) -> tuple[str, bool]:
    """The afterthought right after the sentence at `start`-`end` of a passage's `text`, quoted
    as `shown`, and whether it is a list item (joined to the quote as one more item); ("", False)
    when there is none. A sentence's afterthought is the rest of its line, or the next line when
    the sentence ends its own, and ends as a sentence does ("." or "!") and states something: a
    short line without a stop is a title. A list item's is the next item, when it is the only
    short item of its list: in a list of short items ("Image moderation", "Facial analysis") the
    next one is a sibling fact, not the end of the quoted one."""
    if len(display_sentence(shown).split()) < FULL_WORDS:
        return "", False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if (cut := text.find("\n", end)) < 0 else cut
    rest = text[end:line_end].strip()
    if rest:
        return (rest, False) if _statement(rest) else ("", False)
    following = _next_line(text, line_end)
    item, under = ITEM.match(following), ITEM.match(text[line_start:end])
    if item and under:
        piece = following[item.end() :].strip()
        return (piece, True) if _phrase(piece) and _alone(text, line_end) else ("", False)
    if item or under:
        return "", False
    piece = following.strip()
    return (piece, False) if _statement(piece) else ("", False)


def _next_line(text: str, line_end: int) -> str:
    for line in text[line_end + 1 :].split("\n"):
        if line.strip():
            return line
    return ""


def _alone(text: str, line_end: int) -> bool:
    """The list item on the line after `line_end` is the only item of one to three words in its
    block of lines (up to a blank line), and heads no line of its own under it ("- Amazon
    Forecast DeepAR+" over "    large datasets")."""
    lines = text.split("\n")
    at = text.count("\n", 0, line_end) + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    low, high = at, at
    while low > 0 and lines[low - 1].strip():
        low -= 1
    while high + 1 < len(lines) and lines[high + 1].strip():
        high += 1
    if at < high and not ITEM.match(lines[at + 1]):
        return False
    short = [line for line in lines[low : high + 1] if _short_item(line)]
    return len(short) == 1


def _short_item(line: str) -> bool:
    item = ITEM.match(line)
    return bool(item) and len(display_sentence(line[item.end() :]).split()) <= FRAGMENT_WORDS


def _phrase(piece: str) -> bool:
    """One to three words of text (no page number, web footer, card label, lead-in or list of
    names)."""
    shown = display_sentence(piece)
    words = len(shown.split())
    if not 0 < words <= FRAGMENT_WORDS or not WORDED.search(shown) or WEB_ADDRESS.search(shown):
        return False
    if "," in shown:  # "`epochs`, `mini_batch_size`": names listed, not a phrase
        return False
    return not shown.startswith(("Q:", "A:")) and not shown.rstrip().endswith((":", "?"))


def _statement(piece: str) -> bool:
    """A phrase too short for the sentence index (a longer one is quoted, or not, by the rules for
    whole sentences: never "Uses Gremlin queries." after an example) that ends as a sentence and
    states something (no sign-off)."""
    shown = display_sentence(piece)
    if len(shown.split()) >= MIN_WORDS or not ENDS_SENTENCE.search(piece.strip()):
        return False
    return _phrase(piece) and bool(STATES.search(shown))
