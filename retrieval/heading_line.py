"""A line of the notes that only heads the lines indented under it ("Rekognition: The Nitty
Gritty" over "- Images come from S3, or provide image bytes ...", "Transient vs Long-Running
Clusters" over "- Can spin up task nodes using Spot instances ...", "The usual deep learning
ones…" over "- Dropout, early stopping, ..."): a slide's or a list's title, which states nothing
itself. Scored as a sentence it matches a question by the subject's name alone and was quoted as
the whole answer ("Which Rekognition capability fits?": "Rekognition: The Nitty Gritty."), or
ahead of the fact in place of another; its items, which hold the facts, are quoted on their own.
"""

from __future__ import annotations

import re

from retrieval.sentences import display_sentence, heads_lines

# Words a title leaves in small letters ("Transient vs Long-Running Clusters").
SMALL_WORDS = frozenset("a an and as at by for from in of on or the to vs with".split())
WORD = re.compile(r"[A-Za-z][\w'-]*")
TITLE_WORDS = 2  # capitalised words a title holds at least: one is a name ("Rekognition")
# A line trailing off into the lines under it ("The usual deep learning ones…").
TRAILS_OFF = re.compile(r"(?:…|\.\.\.)\.?$")


def only_heads(text: str, start: int, end: int) -> bool:
    """The sentence at `start`-`end` of a passage's `text` is its whole line, heads the lines
    indented under it (`sentences.heads_lines`, a card's first line too), and states nothing:
    no verb or number (`compose.VERB`), written as a title or trailing off into its items. A
    name line alone ("Amazon Forecast CNN-QR", `compose.is_title`) is quoted with the line under
    it, and a line ending in a colon leads into its list: both are left to those rules."""
    from retrieval.compose import VERB, is_title

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    shown = display_sentence(line)
    if not shown or shown != display_sentence(text[start:end]) or shown.endswith(":"):
        return False
    if VERB.search(shown) or is_title(shown):
        return False
    if not (is_titled(shown) or TRAILS_OFF.search(shown)):
        return False
    return heads_lines(text, line_start, card_first=True)


def is_titled(line: str) -> bool:
    """Every word of the line but the small ones opens with a capital, as a title is written
    ("Rekognition: The Nitty Gritty"); a fact written as a label keeps its small letters
    ("Hosting Services: Persistent HTTPS endpoint for predictions")."""
    words = [w for w in WORD.findall(line) if w.lower() not in SMALL_WORDS]
    return len(words) >= TITLE_WORDS and all(w[0].isupper() for w in words)
