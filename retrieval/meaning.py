"""Asks for what a term means, measures or stands for, in the orders students type them: "X means
what", "relu is short for what", "X, what does that even mean", "dropout what does it do to the
neurons", "what does s3 availability measure": the term asked about. Such an ask wants the
sentence defining its term, whatever other words it holds (a limit's "availability", a chat line's
lead-in), so it is read as a definition of that term.
"""

from __future__ import annotations

import re

# What the ask wants of the term: what it means, measures or stands for, what it does.
_VERB = r"(?:mean|measure|stand for|do)"
# "what does X mean ...", after a lead-in naming the term or its topic ("dropout what does it do
# ...", "cnns are '...', what does that mean"); a word between the term and the verb is emphasis
# ("even", "actually", typed "actualy").
_ASKING_FIRST = re.compile(
    rf"^(?P<lead>.*?)\bwhat\s+(?:does|do|did)\s+(?P<subject>.+?)\s+(?:(?:even|\w+ly)\s+)?{_VERB}\b",
    re.I,
)
# "X means what", "X measures what exactly", "X stands for what", "relu is short for what",
# "what is X short for".
_TERM_FIRST = re.compile(
    r"^(?P<subject>.+?)\s+(?:means|measures|stands for|(?:is|are) short for)\s+what\b"
    r"|^what(?:'s|\s+is|\s+are)\s+(?P<short>.+?)\s+short for\b",
    re.I,
)
# A term referred to, not named: the lead-in before the ask names it ("glove embeddings, what
# does the name even stand for").
_POINTER = re.compile(
    r"^(?:it|that|this|they|these|those|the\s+(?:name|term|word|acronym|abbreviation|phrase))\b",
    re.I,
)
_LEAD_END = re.compile(r"[\s,:;\u2013-]+$")
_OPENER = re.compile(r"^(?:so|ok|okay|and|but|hey|hi)\b[,\s]*", re.I)
# Two sides asked together ("what does each one measure", "the mean and the variance"): a
# comparison's or a list's ask, not one term's.
_MANY = re.compile(r"\b(?:each|both|and)\b", re.I)
# "what did the notes mean by alpha endpoints": the term follows "by".
_MEANT_BY = re.compile(r"\bmean\s+by\s+(?P<term>[^,?]+)", re.I)
# A term the student quotes ("cnns are 'feature-location invariant', what does that mean").
_QUOTED = re.compile(r"['\"\u2018\u201c](?P<term>[^'\"\u2019\u201d]{3,60})['\"\u2019\u201d]")
LEAD_WORDS = 6  # a longer lead-in is a scene, not the term's name


def meaning_subject(text: str) -> str:
    """The term a meaning ask asks about, as the student wrote it; "" for another ask."""
    text = text.strip()
    found = _TERM_FIRST.match(text)
    if found:
        subject = found["subject"] or found["short"]
        return "" if _MANY.search(subject) else _named(subject)
    found = _ASKING_FIRST.match(text)
    if not found:
        return ""
    lead = _LEAD_END.sub("", _OPENER.sub("", found["lead"]))
    subject = found["subject"]
    meant = _MEANT_BY.search(text, found.end("subject"))
    if meant:
        return _named(meant["term"])
    if _POINTER.match(subject):
        subject = lead  # "dropout what does it do": the lead-in names it
    elif lead and not re.search(r"[,:\u2013]|\s-", found["lead"]):
        return ""  # a running sentence ("how does it know what x means"), not a lead-in
    if not subject or len(subject.split()) > LEAD_WORDS or _MANY.search(subject):
        return ""
    return _named(subject)


def _named(words: str) -> str:
    """The term in the student's words: the phrase they quote when they quote one."""
    quoted = _QUOTED.search(words)
    return (quoted["term"] if quoted else words).strip(" ?'\"")
