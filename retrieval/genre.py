"""What kind of document an exported notes file is, as a student names it ("the blog", "the
outline"), read from the export itself before cleaning takes away what shows it: a web article's
read time ("16 min read") marks a blog post, and a topic outline (`clean.drop_outlines`: a long
run of bare topic titles) marks an outline. A question pointing at one of them ("per the blog",
"the outline's list") is read in that document (retrieval/material.py); a kind a document's own
title holds ("... Cheat Sheet") needs no mark here: its title tells it."""

from __future__ import annotations

from retrieval.clean import READ_TIME

BLOG = "blog"
OUTLINE = "outline"


def genre(raw: str, outlined: bool) -> tuple[str, ...]:
    """The kinds the export `raw` shows: a blog post when a line gives its read time, an outline
    when its topic outline was dropped (`outlined`)."""
    found = []
    if any(READ_TIME.match(line) for line in raw.splitlines()):
        found.append(BLOG)
    if outlined:
        found.append(OUTLINE)
    return tuple(found)
