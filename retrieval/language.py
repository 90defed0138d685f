"""Whether a question is written in another language than English: the notes and the embedding
model are English, so a declined question in Spanish or German is named by none of its words
("Your notes don't mention Was ist Amazon Bedrock" while the notes cover Bedrock)."""

from __future__ import annotations

import re

# Function words of the languages students most often switch to, none of them an English word
# or a common AWS/ML term: "was", "die", "son", "con", "pour", "cos", "um" are English too, and
# "es", "des", "il" name things (Elasticsearch, the DES cipher).
_BY_LANGUAGE = {
    "es": "qué que cuál cuándo cómo dónde por para porque una los las del el está puedo debo "
    "usar entre cuando sobre",
    "de": "ist sind wie wann warum welche welcher welches wo der das und ein eine einen nicht "
    "mit für ich wir kann soll benutze verwende zwischen oder",
    "fr": "qu quoi quel quelle quand comment pourquoi où est-ce c'est le les une est sont avec "
    "dans je nous utiliser ou",
    "pt/it": "é uma não quando qual como che cosa cos'è è della dei sono quale perché uso",
}
FOREIGN_WORDS = frozenset(word for words in _BY_LANGUAGE.values() for word in words.split())
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# A question this share of whose words are another language's function words is in that language.
FOREIGN_SHARE = 0.25


def looks_foreign(question: str) -> bool:
    """A quarter of the question's words are function words of another language ("¿Cuándo
    uso el modo pipe?", "Was ist Amazon Bedrock?")."""
    words = [w.lower().replace("’", "'") for w in WORD.findall(question)]
    foreign = sum(w in FOREIGN_WORDS for w in words)
    return foreign > 0 and foreign >= FOREIGN_SHARE * len(words)
