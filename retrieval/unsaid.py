"""A follow-on quoted after a one-sentence answer says only what the answer does not: the
items of a list it brings that a topic line already brought along are left out ("Convert to
protobuf. Packs into integer tensors." is not followed by "Packs into integer tensors; ...")."""

from __future__ import annotations


def unsaid(follow: str, said: str) -> str:
    """`follow` without its "; "-joined items already in `said` (plain words); "" when none is
    left."""
    from retrieval.compose import _plain, as_sentence

    parts = [part for part in follow.split("; ") if _plain(part) not in said]
    return as_sentence("; ".join(parts)) if parts else ""
