"""Sentence spans inside a passage: the units an answer is made of."""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.lexical import PRODUCT_PREFIX, tokenize

# Bump when how a passage splits into sentences changes: a built index stores each passage's
# sentences and their vectors, and an incremental build keeps them for every passage whose text
# did not change, so without a bump an upgraded install would quote the old splits. The version
# is one of the chunking parameters (`chunk.ChunkingParams`): an index built with another is
# rebuilt. tests/retrieval/test_sentences_version.py fails when the shipped notes split
# differently under the same version.
SENTENCES_VERSION = 4

# Not after "e.g." or "i.e.": "boosting (e.g. XGBoost) are the main ensembles" is one sentence,
# and cut there it quoted "... boosting (e.g." and "XGBoost) are the main ...".
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<![eE]\.[gG]\.)(?<![iI]\.[eE]\.)[\"”')\]]?\s+(?=[A-Z0-9(\"“])"
)
MIN_WORDS = 3


# A paragraph hard-wrapped by an editor: a line that starts in lower case goes on from the line
# before when that one ends without a stop or a colon ("... while the" / "job runs, ...").
ENDS_OPEN = re.compile(r"[^\s.!?:;]\s*$")
STARTS_LOWER = re.compile(r"^[ \t]*[a-z]")
# A line ending in a comma or in a word no sentence ends on goes on from there whatever case the
# next line starts in: a slide's text box wraps a name's own capitals ("Fully managed Ingest," /
# "Transform, Load (ITL) solution"), and cut there the quote lost "Ingest". Not into a list
# item, a heading or a card's label, nor into a line all in capitals (a slide's title).
ENDS_MIDWAY = re.compile(r"(?:,|\b(?:and|or|of|the|a|an|to|for|with|by|from|into|than)) *$", re.I)
STARTS_UPPER = re.compile(r"^[ \t]*[A-Z]")


def led_sentence(heading: tuple[str, ...], sentence: str) -> str:
    """A note's sentence as a build embeds it: led by its own heading ("Pipe mode: ..."), which
    says what a terse line is about."""
    return f"{heading[-1]}: {sentence}" if heading else sentence


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item with at least MIN_WORDS words; a paragraph's
    hard-wrapped lines are one line, and so are a setting's name and the line explaining it. A
    flashcard's one-line front, and a line of its back that repeats it, are no sentences."""
    spans: list[tuple[int, int]] = []
    offset = 0
    front = _card_front(text)
    for line in _lines(text):
        start = offset
        offset += len(line) + 1
        if front and _shown(line) == front:
            continue
        cursor = 0
        pieces = [None] if is_listed(line) else [*SENTENCE_END.finditer(line), None]
        for match in pieces:
            end = match.start() if match else len(line)
            piece = line[cursor:end]
            stripped = piece.strip()
            lead = len(piece) - len(piece.lstrip())
            whole = cursor == 0 and match is None and "\n" not in line
            if is_quotable(stripped) or (whole and _owned(text, start, stripped)):
                spans.append((start + cursor + lead, start + cursor + lead + len(stripped)))
            cursor = match.end() if match else len(line)
    return spans


def _card_front(text: str) -> str:
    """A flashcard's front when it is one line ("Q: Deploying Trained Models\nA: ..."): a
    title or a question, never an answer, and not when its back repeats it either."""
    first, _, rest = text.partition("\n")
    return _shown(first) if first.startswith("Q:") and rest.startswith("A:") else ""


def _shown(line: str) -> str:
    return display_sentence(line).rstrip("?:").strip().lower()


LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def is_quotable(piece: str) -> bool:
    """A piece of a line that can stand as a sentence of an answer: MIN_WORDS words, or one
    word fewer for a list item ("- 5-30 FPS", "- CPU-only for inference": a card's facts are
    often that short), while a line of that length on its own is mostly a title ("Random
    Forest", "Hash size"); never a signpost (`is_signpost`)."""
    shown = display_sentence(piece)
    words = len(shown.split())
    long_enough = words >= MIN_WORDS or (words == MIN_WORDS - 1 and bool(LIST_MARKER.match(piece)))
    return long_enough and not is_signpost(shown)


# A line too short to be a sentence ("EMR Notebooks", "- Num_layers_encoder", "range: [0,1]") is
# still a fact when it sits under a line naming what it belongs to: the list item or lead-in it is
# indented under ("- Perplexity" over "  - Cross-entropy", "- eta [default=0.3]" over "    range:
# [0,1]"), or, at the top level of a flashcard's back, the card's front ("Amazon EMR"). Quoted with
# that line ahead ("Perplexity: Cross-entropy"), it says what it is about; a short line of a note
# with no such line above it is a title ("Random Forest") and stays out.
WEB_ADDRESS = re.compile(r"\b[\w-]+\.(?:com|org|net|io)\b", re.I)
WORDED = re.compile(r"[A-Za-z]{2}")
CODE_PUNCTUATION = re.compile(r"[{}\"]")
OWNER_WORDS = 4  # a question front's subject label ("Object2Vec: What's it for?")


def _owned(text: str, line_start: int, stripped: str) -> bool:
    """A whole line too short to quote alone that has an owner line (`owner_of`)."""
    shown = display_sentence(stripped)
    if not shown or stripped.startswith("Q:") or shown.endswith(":") or is_signpost(shown):
        return False
    if WEB_ADDRESS.search(shown) or not WORDED.search(shown) or CODE_PUNCTUATION.search(shown):
        return False  # a slide's footer ("sundog-education.com"), a line of JSON or a formula
    if heads_lines(text, line_start):
        return False
    owner = owner_of(text, line_start)
    return bool(owner) and bool(_words(shown) - _words(owner) - PRODUCT_PREFIX)


def _words(text: str) -> set[str]:
    """A line's words, a compound name's parts only ("sagemaker.xgboost" is sagemaker and
    xgboost): a line naming nothing but its owner's subject ("Sagemaker.xgboost" on an XGBoost
    card) says nothing of it."""
    return {w for w in tokenize(text) if not re.search(r"[._]", w)}


def heads_lines(text: str, line_start: int) -> bool:
    """The next line with words is indented deeper than the line at `line_start`: this line
    is their heading ("- Perplexity" over "  - Cross-entropy"), not a fact of its own. Not
    told of a card's first line, whose indentation the card's "A:" label took."""
    if text.startswith("A:", line_start):
        return False
    end = _line_end(text, line_start)
    depth = _depth(text[line_start:end])
    for line in text[end + 1 :].split("\n"):
        if line.strip():
            return _depth(line) > depth
    return False


def owner_of(text: str, start: int) -> str:
    """What the line at `start` belongs to, as shown: the nearest line above it that is less
    indented, when that is a list item or a lead-in; at a flashcard back's top level, its "A:"
    line when that leads in, else the card's subject; "" for anything else."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.startswith("A:", line_start):
        return _card_subject(text)  # the back's first line
    depth = _depth(text[line_start : _line_end(text, line_start)])
    cursor = line_start
    while cursor > 0:
        above_start = text.rfind("\n", 0, cursor - 1) + 1
        above, cursor = text[above_start : cursor - 1], above_start
        if not above.strip() or (_depth(above) >= depth and not above.startswith(("Q:", "A:"))):
            continue
        if above.startswith("A:"):
            lead = display_sentence(above)
            return lead.rstrip(":") if lead.endswith(":") else _card_subject(text)
        if above.startswith("Q:") or not (LIST_MARKER.match(above) or above.rstrip().endswith(":")):
            return ""
        return display_sentence(above).rstrip(":")
    return ""


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _depth(line: str) -> int:  # a card's "A:" label is no indentation
    body = CARD_LABEL.sub("", line)
    return len(body) - len(body.lstrip())


def _card_subject(text: str) -> str:
    """A flashcard's front as the subject of its back's lines: the front itself, or the label
    ahead of its question ("Object2Vec" of "Object2Vec: What's it for?"); "" for a note."""
    first = text.partition("\n")[0]
    if not first.startswith("Q:"):
        return ""
    front = CARD_LABEL.sub("", first).strip().rstrip(":")
    if "?" not in front:
        return front
    label = front.split(":", 1)[0] if ":" in front else ""
    return label.strip() if 0 < len(label.split()) <= OWNER_WORDS else ""


def shown_sentence(text: str, start: int, end: int) -> str:
    """The sentence at `start`-`end` of a passage as an answer shows it: a line too short to
    stand alone has what it belongs to ahead of it ("Amazon EMR: EMR Notebooks")."""
    return with_owner(text, start, end) or display_sentence(text[start:end])


def with_owner(text: str, start: int, end: int) -> str:
    """A line too short to stand alone, shown after its owner (`owner_of`); "" for any other."""
    if is_quotable(text[start:end].strip()):
        return ""
    owner = owner_of(text, start)
    shown = display_sentence(text[start:end])
    return f"{owner}{', ' if ':' in shown else ': '}{shown}" if owner else ""


# A sentence that only points elsewhere in the notes ("SageMaker Clarify and Neo are covered in
# the deployment notes.", "See below.", "More on this later."): quoted, it tells the student
# where to read instead of what is so. It says its subject is treated somewhere ("is covered
# in", "see", "more on this"), and that somewhere is a place in the notes.
POINTS_ELSEWHERE = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:covered|discussed|described|explained|detailed|treated)"
    r"\s+(?:in|under|later|below|above|elsewhere)\b"
    r"|^(?:see|more on (?:this|that|these|those|it)|for (?:more|details))\b",
    re.I,
)
PLACE_IN_NOTES = re.compile(
    r"\b(?:notes?|sections?|chapters?|below|above|later|elsewhere|figure|page|lectures?|modules?)\b",
    re.I,
)
# The same pointer inside a sentence of facts: "(see below)", "(see the modeling notes for
# details)", "; see the data engineering and modeling notes for details". Shown without it.
SEE_ASIDE = re.compile(
    r"\s*\((?:see|more on|cf\.)\s[^()]*\)|\s*\((?:\w+\s)?(?:below|above)\)?$"
    r"|;\s*see\s[^.;]*\b(?:notes?|sections?|below|above)\b[^.;]*",
    re.I,
)


def is_signpost(sentence: str) -> bool:
    """The sentence only says where in the notes something is treated (`POINTS_ELSEWHERE`)."""
    found = POINTS_ELSEWHERE.search(sentence)
    return bool(found) and bool(PLACE_IN_NOTES.search(sentence, found.start()))


def _lines(text: str) -> list[str]:
    """The text's lines, each hard-wrapped line joined to the one it goes on from, and a
    setting's name standing alone joined to the line that explains it; joined with the line
    breaks themselves, so offsets into the text are kept."""
    lines: list[str] = []
    for line in _listed_lines(text.split("\n")):
        if lines and _goes_on(lines[-1], line):
            lines[-1] = f"{lines[-1]}\n{line}"
        else:
            lines.append(line)
    return lines


# A lead-in too short to be a sentence ("train Input:", "- Modes:") over a list of terse facts,
# each a value or a name rather than a sentence ("- text/csv", "• GPU"): neither the lead-in nor
# its items could be quoted, so the lead-in and its items are one sentence ("train Input:
# text/csv; application/json"). A longer lead-in ("Choice of 3 algorithms:") is a sentence of its
# own, and the answer already lists the items under it (compose.list_items).
LEAD_IN = re.compile(r"^\s*(?:(?:[-*+•·]|\d+[.)])\s+)?(?P<words>[^\n]+):\s*$")
LEAD_IN_WORDS = MIN_WORDS - 1
FACT_ITEM = re.compile(r"^\s*(?:[-*+•·]|\d+[.)])\s+(?P<fact>\S[^\n]*)$")
FACT_WORDS = 4  # "application/x-recordio-protobuf (vector of projections)" is one value
FACT_ITEMS = 8  # a longer list is a list of subjects, each item its own sentence


def _listed_lines(lines: list[str]) -> list[str]:
    """The lines, each lead-in followed by its list of terse facts (blank lines between them
    allowed) joined into one line with the line breaks kept."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = _facts_end(lines, index)
        out.append("\n".join(lines[index:end]))
        index = end
    return out


def _facts_end(lines: list[str], index: int) -> int:
    """Past the last fact item under the lead-in at `index`; index + 1 when it is none."""
    lead = LEAD_IN.match(lines[index])
    if not lead or len(lead["words"].split()) > LEAD_IN_WORDS or CARD_LABEL.match(lines[index]):
        return index + 1
    end, facts, terse, cursor = index + 1, 0, False, index + 1
    while cursor < len(lines) and facts < FACT_ITEMS + 1:
        line = lines[cursor]
        cursor += 1
        if not line.strip():
            continue
        item = FACT_ITEM.match(line)
        if not item or item["fact"].rstrip().endswith(":"):
            break
        if len(item["fact"].split()) > FACT_WORDS:
            return index + 1  # a list of sentences: each item stands on its own
        end, facts = cursor, facts + 1
        terse = terse or len(item["fact"].split()) < MIN_WORDS - 1
    # Items that are all quotable list items ("- linear regression") stay sentences of their own.
    return end if terse and facts <= FACT_ITEMS else index + 1


def is_listed(line: str) -> bool:
    """The line is a lead-in joined with its terse facts by `_listed_lines`."""
    first, newline, rest = line.partition("\n")
    return bool(newline) and _facts_end([first, *rest.split("\n")], 0) > 1


def _list_display(text: str) -> str:
    """A lead-in and its facts as one line: "train Input: text/csv; application/json"."""
    first, _, rest = text.partition("\n")
    facts = [FACT_ITEM.match(line) for line in rest.split("\n") if line.strip()]
    return f"{first.rstrip()} {'; '.join(f['fact'].strip() for f in facts if f)}"


# A setting's name on a line of its own, its meaning on the next (a hyperparameter list exported
# from slides: "- Num_trees" / "- Increasing reduces noise", "Wd" / "- Weight decay"): a name in
# code style, with an underscore ("max_depth") or a digit after letters ("Alpha0"), even as a
# list item; or any one word on a line of its own, when a list item follows it.
NAME_LINE = re.compile(r"^\s*(?:A:\s*)?(?:[-*+]\s+)?(?:[A-Za-z]+_\w+|[A-Za-z]+\d+)\s*$")
WORD_LINE = re.compile(r"^\s*(?:A:\s*)?[A-Za-z][\w-]{0,30}\s*$")


def _goes_on(before: str, line: str) -> bool:
    """Whether `line` continues `before`: a hard-wrapped line, or what follows a setting's name
    standing alone (blank lines, then the first line that is not another name)."""
    if NAME_LINE.match(line) or is_listed(before) or is_listed(line):
        return False
    if ENDS_OPEN.search(before) and STARTS_LOWER.match(line):
        return True
    if _wraps_midway(before, line):
        return True
    name = before.strip()
    if "\n" in before and line.strip() and not _explains(line):
        return False  # past a blank line: what comes is not this name's meaning
    if NAME_LINE.match(name):
        return not _next_entry(name, line)
    if WORD_LINE.match(name) and (not line.strip() or LIST_MARKER.match(line)):
        return True
    return _is_term(before) and bool(DEFINITION.match(line))


def _wraps_midway(before: str, line: str) -> bool:
    """`before` stops on a comma or a joining word, `line` goes on in capitals (`ENDS_MIDWAY`)."""
    last = before.rpartition("\n")[2]
    if not ENDS_MIDWAY.search(last) or not STARTS_UPPER.match(line) or line.isupper():
        return False
    headed = last.lstrip().startswith("#") or line.lstrip().startswith("#")
    return not (headed or LIST_MARKER.match(line) or CARD_LABEL.match(line))


# A list item after a setting's name item that is another entry of the same list, not the
# name's meaning: it opens with another name in code style ("- Optimizer_type (adam, sgd,
# rmsprop)" after "- Batch_size") or leads into a list of its own ("- Can optimize on:" after
# "- Num_layers_decoder").
CODE_NAME_ITEM = re.compile(r"^\s*(?:[-*+]\s+)(?:[A-Za-z]+_\w+|[A-Za-z]+\d+)\b")


def _next_entry(name: str, line: str) -> bool:
    """`line` is the next entry of the list the name item `name` is in (`CODE_NAME_ITEM`)."""
    if not LIST_MARKER.match(CARD_LABEL.sub("", name)):
        return False
    return bool(CODE_NAME_ITEM.match(line)) or line.rstrip().endswith(":")


def _explains(line: str) -> bool:
    """A line after a blank line that still explains the name above it: a list item or a short
    phrase ("Hash size"), not a list's lead-in ("Text classification:", "- Choice of
    backbones:") nor a paragraph of its own ("Each runs on an encoder backbone ...")."""
    stripped = line.rstrip()
    if stripped.endswith(":"):
        return False
    return bool(LIST_MARKER.match(line)) or not re.search(r"[.!?]$", stripped)


# A term on a line of its own right above its definition, with no blank line between (a
# rendered definition list: "Ridge regression" / "Will reduce the coefficients ... to 0.").
TERM_WORDS = 3
DEFINITION = re.compile(r"^[ \t]*[A-Z][^\n]*[.!?][ \t]*$")


def _is_term(line: str) -> bool:
    words = line.split()
    return (
        "\n" not in line
        and 0 < len(words) <= TERM_WORDS
        and not re.search(r"[.!?:;,]\s*$", line)
        and not LIST_MARKER.match(line)
        and not line.startswith(("Q:", "A:"))
    )


def opens_with_term(sentence: str) -> bool:
    """The sentence (its raw text) starts with a term on a line of its own that the lines after
    it explain ("Relational" / "- SQL", "Wd" / "- Weight decay"): it names its own subject, so
    the heading it sits under is not what it is about."""
    first, newline, rest = sentence.partition("\n")
    return bool(newline and rest.strip()) and bool(
        NAME_LINE.match(first) or WORD_LINE.match(first) or _is_term(first)
    )


CARD_LABEL = re.compile(r"^\s*(?:Q|A):\s*")
ITEM_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A term and its definition joined into one sentence read "term: definition".
TERM_BREAK = re.compile(r"(?<=[^\s.!?:;,])[ \t]*(?:\n[ \t]*)+(?=[A-Z])")
LINE_BREAK = re.compile(r"[ \t]*(?:\n[ \t]*)+")  # a wrapped sentence reads as one line


# Markdown emphasis the notes write around a term ("**Stacking** trains a meta-model ..."): shown
# as plain words in an answer, where the markers are noise in a console and Slack's mrkdwn reads
# double asterisks as a literal one around bold. Underscores stay: "__label__" is BlazingText's
# prefix, not emphasis.
BOLD = re.compile(r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])")


def without_emphasis(text: str) -> str:
    """`text` with markdown's bold markers removed and their words kept."""
    return BOLD.sub(r"\1", text)


# Typed shorthand the notes carry over into a quote: an ASCII arrow ("Utterance -> intent ->
# lambda", "Encoder -> Decoder") and a copied web page's reference markers ("softargmax[1]: 184
# or normalized exponential function,[2]: 198 is ..."). A student reads the arrow as one and the
# markers, which point at no list the answer has, as noise. A bracketed value stays ("[0,1]",
# "x[1]", "weights[0]" of code: a marker follows a word of three letters or more or punctuation,
# and holds a number from 1 alone, with a page after its colon or nothing).
ARROW = re.compile(r"[ \t]*(?:-{1,2}|=)>[ \t]*")
REFERENCE_MARK = re.compile(
    r"(?:(?<=[a-z]{3})|(?<=[.,;)\"”]))\[[1-9]\d{0,2}\](?::\s*\d+(?:[-–]\d+)?)?(?=[\s.,;:]|$)"
)
LOOSE_SPACE = re.compile(r"[^\S\n]{2,}")  # a copied page's no-break spaces too
# A marker the copy cut off at the line's end ("... alone.[" on a card), shown with the stop
# the quote then gained ("alone.[."): no reference follows it.
CUT_MARK = re.compile(r"(?<=[.!?])\[\.?$")


def as_read(text: str) -> str:
    """A quoted sentence as a student reads it: bold markers gone (`without_emphasis`), an ASCII
    arrow shown as an arrow, reference markers dropped (one cut off at the end too)."""
    text = CUT_MARK.sub("", REFERENCE_MARK.sub("", without_emphasis(text).rstrip()))
    return LOOSE_SPACE.sub(" ", ARROW.sub(" → ", text)).strip()


@lru_cache(maxsize=16384)
def display_sentence(text: str) -> str:
    """A sentence as shown in an answer: list markers and 'Q:'/'A:' labels removed. Cached: every
    pooled sentence of every ask is shown this way to be scored, and the notes do not change
    under a running index."""
    if is_listed(text.strip()):
        text = _list_display(text.strip())
    text = ITEM_MARKER.sub("", CARD_LABEL.sub("", text))
    return SEE_ASIDE.sub("", LINE_BREAK.sub(" ", TERM_BREAK.sub(": ", text))).strip()
