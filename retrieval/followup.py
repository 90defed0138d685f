"""Follow-up questions: "and what about its input format?", "that one", "and for async?" are
rewritten to name the subject of the previous answer before they are searched."""

from __future__ import annotations

import re

PRONOUN = re.compile(
    r"\b(?:its|it's|it|that one|this one|that|this|they|them|their|those|these|the same)\b", re.I
)
SWAP = re.compile(
    r"^(?:ok(?:ay)?,?\s+|so\s+|but\s+)?(?:and\s+)?(?:what about|how about|and|same for|for)\s+"
    r"(?:for\s+|with\s+|in\s+)?(?P<new>.+?)[?.!\s]*$",
    re.I,
)
LEAD = re.compile(r"^(?:ok(?:ay)?,?\s+|so\s+|but\s+)?(?:and\s+)?(?:what about|how about)\s+", re.I)
MAX_FOLLOWUP_WORDS = 12


def refers_back(question: str) -> bool:
    """A short question that leans on the one before: a pronoun, or 'and for X?'."""
    words = question.split()
    if not words or len(words) > MAX_FOLLOWUP_WORDS:
        return False
    return bool(PRONOUN.search(question)) or (bool(SWAP.match(question)) and len(words) <= 6)


def resolve(question: str, previous_question: str, previous_subject: str) -> str:
    """The question as it would be asked on its own, given the previous question and subject."""
    if not previous_subject or not refers_back(question):
        return question
    if PRONOUN.search(question):
        text = LEAD.sub("", question.strip())
        text = PRONOUN.sub(previous_subject, text, count=1)
        return text if len(text.split()) > len(previous_subject.split()) else f"what is {text}"
    new = SWAP.match(question.strip())
    assert new is not None
    swapped = re.sub(re.escape(previous_subject), new["new"], previous_question, flags=re.I)
    if swapped != previous_question:
        return swapped
    words = set(previous_subject.lower().split())
    kept = [w for w in previous_question.split() if w.lower().strip("?,.") not in words]
    return f"{' '.join(kept)} {new['new']}".strip()
