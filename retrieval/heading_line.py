"""A line of the notes that only heads the lines indented under it, written as a title
("Rekognition: The Nitty Gritty" over "- Images come from S3, or provide image bytes as part of
request", "- Video must come from Kinesis Video Streams"): it states nothing itself. Scored as a
sentence it matches a question by the subject's name alone, and it was quoted as the whole
answer ("Which Rekognition capability fits?": "Rekognition: The Nitty Gritty.") or ahead of the
fact, in the place of one of the items that hold the facts; those are quoted on their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.sentences import display_sentence, heads_lines

# Words a title leaves in small letters ("Model Training and Tuning", "The Nitty Gritty").
SMALL_WORD = re.compile(r"(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|vs|with)$", re.I)
WORD = re.compile(r"[A-Za-z][\w'-]*")
TITLE_WORDS = 2  # capitalised words a title holds at least: one alone is a name ("Rekognition")
# Every pooled sentence of every ask is checked; the notes do not change under a running index,
# and a passage's text is one string object, so a check repeated across asks is a lookup.
CACHED_CHECKS = 65_536


@lru_cache(maxsize=CACHED_CHECKS)
def only_heads(text: str, start: int, end: int) -> bool:
    """The sentence at `start`-`end` of a passage's `text` is its whole line, written as a title
    (`is_titled`), with no verb or number (`compose.VERB`), and heads the lines indented under
    it (`sentences.heads_lines`). A short name line ("Amazon Forecast CNN-QR", `compose.is_title`)
    is quoted with the line under it, which says what it is, and a line ending in a colon leads
    into its list: both are left to those rules."""
    from retrieval.compose import VERB, is_title

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    shown = display_sentence(text[line_start : len(text) if line_end < 0 else line_end])
    if not shown or shown != display_sentence(text[start:end]) or shown.endswith(":"):
        return False
    if VERB.search(shown) or is_title(shown) or not is_titled(shown):
        return False
    return heads_lines(text, line_start)


def is_titled(line: str) -> bool:
    """Every word of the line but the small ones opens with a capital, as a title is written
    ("Rekognition: The Nitty Gritty"); a fact written after a label keeps its small letters
    ("Hosting Services: Persistent HTTPS endpoint for predictions")."""
    words = [w for w in WORD.findall(line) if not SMALL_WORD.match(w)]
    return len(words) >= TITLE_WORDS and all(w[0].isupper() for w in words)
