"""The names an answer says as it wrote them: runs of capitalised words past the first
("Apache Airflow", "Chain Lambda functions"), acronyms and mixed-case words ("SNS", "SageMaker"),
and the word after "AWS"/"Amazon" however it is spelt ("aws config")."""

from __future__ import annotations

import re

from quiz.answer_text import CLAUSE_SPLIT, FUNCTION_WORDS

TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")
LEAD_SPLIT = re.compile(CLAUSE_SPLIT.pattern, re.IGNORECASE)
VENDORS = frozenset({"aws", "amazon"})
# Verbs that open an answer with a capital: "Chain Lambda functions" names Lambda, not "Chain".
LEAD_VERBS = frozenset(
    {"add", "apply", "build", "call", "chain", "choose", "configure", "create", "deploy", "enable"}
    | {"go", "host", "keep", "make", "move", "pick", "put", "run", "send", "set", "store"}
    | {"switch", "train", "try", "turn", "use", "write"}
)


def lead_clause(text: str) -> str:
    """The answer's first clause, as written (capitals kept)."""
    return next((p for p in LEAD_SPLIT.split(text) if p and TOKEN.search(p)), "")


def names(text: str) -> list[str]:
    """The names in the text, in order; none when it is written in capitals only."""
    if not re.search(r"[a-z]", text):
        return []
    tokens = TOKEN.findall(text)
    # in Title Case ("Train On The Older Years") a capital says nothing: only acronyms and
    # vendor names count then
    title_case = any(t[0].isupper() and t.lower() in FUNCTION_WORDS for t in tokens[1:])
    marked = [_is_name(tokens, i, plain=title_case) for i in range(len(tokens))]
    found: list[list[str]] = [[]]
    for token, name in zip(tokens, marked, strict=True):
        if name:
            found[-1].append(token)
        elif found[-1]:
            found.append([])
    return [" ".join(run) for run in found if run]


def _is_name(tokens: list[str], index: int, *, plain: bool = False) -> bool:
    token = tokens[index]
    if len(token) > 1 and any(c.isupper() for c in token[1:]):
        return True  # "SNS", "MWAA", "SageMaker"
    if index > 0 and tokens[index - 1].lower() in VENDORS:
        return True
    capitalised = token[0].isupper() and len(token) > 1 and not plain
    if index == 0:
        # a capital opens the sentence; it is a name only beside another ("Apache Airflow")
        opens = capitalised and token.lower() not in LEAD_VERBS
        return opens and len(tokens) > 1 and _is_name(tokens, 1, plain=plain)
    return capitalised
