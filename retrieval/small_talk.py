"""A message with nothing to look up: a greeting, a thanks, or only function words ("both?",
"what is it", "- vs -"). Each gets a short reply saying what to ask, not a search whose decline
names a function word ("Your notes don't mention hi", "... don't mention both")."""

from __future__ import annotations

import re

from retrieval.lexical import STOPWORDS

WORD = re.compile(r"\w+")
GREETINGS = frozenset(
    ["hi", "hey", "hello", "hiya", "howdy", "yo", "morning", "evening", "afternoon"]
)
THANKS = frozenset(["thanks", "thank", "thx", "thnx", "ty", "cheers", "ta", "tysm"])
# Said to the bot around a greeting or a thanks ("hey there", "thanks a lot studybot").
ADDRESS = frozenset(
    ["good", "there", "all", "everyone", "team", "studybot", "bot", "lot", "much", "so"]
)
# Joining words that name nothing when nothing stands on either side ("- vs -").
JOINERS = frozenset(["vs", "versus", "v"])

GREETING_REPLY = (
    "Hi! Ask me anything about your notes, such as a service, an algorithm or a term, and "
    "I'll answer from them and show where it came from."
)
THANKS_REPLY = "You're welcome! Ask another question whenever you like."
NOTHING_REPLY = "There's nothing in that to look up: name the service, algorithm or term you mean."


def small_talk(question: str) -> str | None:
    """The reply to a message with nothing to look up, or None when it names something.

    A word outside English's function words names something, whatever the language it is in
    (a question in another language is searched, then answered or declined)."""
    words = WORD.findall(question.lower())
    if words and set(words) <= GREETINGS | ADDRESS and set(words) & GREETINGS:
        return GREETING_REPLY
    if words and set(words) <= THANKS | ADDRESS | {"you", "u", "a", "very"} and set(words) & THANKS:
        return THANKS_REPLY
    if all(w in STOPWORDS or w in JOINERS for w in words):
        return NOTHING_REPLY
    return None
