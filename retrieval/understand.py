"""Question understanding: chat spelling made plain, the kind of ask, its subjects, and for a long
exam-style stem, the ask separated from the constraints that come before it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from retrieval.framing import ALIKE, OR_ELSE
from retrieval.meaning import meaning_subject

Kind = Literal["definition", "comparison", "limit", "when", "scenario", "howto", "casual"]

# Chat spelling and the plain word it stands for. Only whole words, never inside a term.
CHAT_WORDS: dict[str, str] = {
    "pls": "please",
    "plz": "please",
    "u": "you",
    "r": "are",
    "ur": "your",
    "shud": "should",
    "shld": "should",
    "cud": "could",
    "wud": "would",
    "thx": "thanks",
    "thnx": "thanks",
    "ty": "thanks",
    "wat": "what",
    "wot": "what",
    "whats": "what is",
    "wats": "what is",
    "hows": "how is",
    "diff": "difference",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "b/w": "between",
    "w/": "with",
    "w/o": "without",
    "idk": "i don't know",
    "algo": "algorithm",
    "algos": "algorithms",
    # Clipped and chat-spelt words for a notes word: as typed, each matches no notes sentence
    # ("on prem" for the notes' "on-premises", "the vocab" for "the vocabulary", "the infra" for
    # the infrastructure, "collab filtering", "deepar tst metrics", "will ppl see docs"), so the
    # line that answers lost to one holding the ask's other words, or the question was declined.
    # Left out: clippings the notes write themselves ("data prep" heads a team's card) and ones
    # that are words of their own ("net" of "Elastic Net"), which read as the full word brought
    # in lines beside the point.
    "vocab": "vocabulary",
    "prem": "premises",
    "infra": "infrastructure",
    "collab": "collaborative",
    "recsys": "recommender system",
    "docs": "documents",
    "tst": "test",
    "thru": "through",
    "ppl": "people",
    "btw": "by the way",
    "nah": "no",
    "ya": "yes",
    "yep": "yes",
    "y": "why",
    "im": "i am",
    "dont": "don't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "whens": "when is",
    "sth": "something",
    "smth": "something",
    "tho": "though",
    "rn": "right now",
    "lol": "",
    "omg": "",
    "pleeease": "please",
}
# A chat word stands alone: not a letter of a hyphenated name ("R-CNN", "U-Net", "y-axis").
_CHAT = re.compile(
    r"(?<![\w/-])("
    + "|".join(re.escape(w) for w in sorted(CHAT_WORDS, key=len, reverse=True))
    + r")(?![\w/-])",
    re.I,
)
# A lone "n" typed for "and" between two words ("cm n inches", "word2vec n seq2seq"): a
# small-letter n with a word on each side, not a count ("top n features", "n = 5", "n-grams") nor
# an option set against another ("sample variance n or n-1").
_CHAT_AND = re.compile(
    r"(?<=[a-z0-9] )(?<!\btop )(?<!\bfirst )(?<!\blast )(?<!\bthe )(?<!\bof )"
    r"n(?= (?!(?:or|and|vs)\b)[a-z])"
)
# A negation typed without its apostrophe ("cant", "wont", "wasnt"): the auxiliary's contraction,
# not a word the notes lack ("if firehose cant keep up" asked about a missing "cant").
_UNAPOSTROPHISED = re.compile(
    r"(?<![\w'’-])(ca|wo|do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)"
    r"nt(?![\w'’-])",
    re.I,
)
# Words a student adds for emphasis or politeness that ask nothing of the notes ("deepar does
# what exactly"): left out when weighing how much of the question an answer holds.
EMPHASIS = frozenset(
    {
        "exactly",
        "actually",
        "really",
        "basically",
        "literally",
        "honestly",
        "seriously",
        "simply",
        "kinda",
        "sorta",
        "anyway",
        "anyways",
        "even",
        "still",
        "lol",
        "please",
        "thanks",
        "ok",
        "okay",
        "hey",
        "guys",
        "quick",
        "quickly",
    }
)
# A chat word written in capitals (PLS, UR) may be a real acronym: it is left alone.
_ALL_CAPS = re.compile(r"^[A-Z]{2,}$")

_COMPARE = re.compile(
    r"\bvs\.?(?=\s|$)|\bversus\b|\bdifferen(?:ce|t)\b|\bcompare[ds]?\b|\bcomparison\b"
    r"|\bwhen (?:do|should|would|to) (?:i|you|we)? ?(?:use|pick|choose) (?:each|which)\b"
    r"|\bwhich (?:one|is better)\b|\b(?:better|worse|cheaper|faster|slower) than\b"
    r"|\b(?:separates?|distinguish(?:es)?|differs?)\s.*\bfrom\b",
    re.I,
)
# "what separates X from Y", "how does X differ from Y", "how does X compare to Y", "is X the same
# thing as Y, or ...": the two sides around the link (read as one side, "how does kinesis
# compare", the ask lost its other).
_FROM = re.compile(
    r"\b(?:separates?|distinguish(?:es)?)\s+(.+?)\s+from\s+(.+)$"
    r"|^(?:how|in what way|what)\s+(?:does|do|is|are)\s+(.+?)\s+differ(?:ent)?\s+from\s+(.+)$"
    r"|^(?:how|in what way)\s+(?:does|do|would|will)\s+(.+?)\s+compare\s+(?:to|with|against)"
    r"\s+(.+)$"
    r"|^(?:is|are)\s+(.+?)\s+(?:basically\s+)?the same(?: thing)? as\s+(.+)$",
    re.I,
)
# Two short names joined by "and" that the ask then sets apart ("redshift and athena - which one
# has to be provisioned ahead of time?"): the sides, when no other word parts them.
_TWO_NAMED = re.compile(r"^((?:\S+\s+){0,3}\S+)\s+and\s+((?:\S+\s+){0,3}\S+)$", re.I)
# "How do LDA and NTM each measure quality?": two subjects that the ask takes one at a time.
_EACH_OF_TWO = re.compile(
    r"^\w+ (?:do|does|did|are|is|would|should|can) (.+?) and (.+?) each\b", re.I
)
# "how do covariance and spearman differ in ...", "lightgbm and catboost are both gradient boosting,
# so what's different ...", "pca and kmeans both builtin": two short names joined by "and" that open
# the ask and that "differ" or "both" then takes side by side. The word that sets them side by side
# follows both names, so no other pattern reads them as two sides (the ask was read as one
# subject's how-to, casual line or scenario), and an answer named only one of them. A name opens
# with no person ("we keep images and labels both in s3, ..." says what a scene holds).
_JOINED_SIDES = re.compile(
    r"^(?:(?:how|in what way) (?:do|does|are|is) )?"
    r"(?!(?:i|we|you|they|my|our|your|their)\s)((?:[^\s,]+\s+){0,3}?[^\s,]+) and "
    r"((?:[^\s,]+\s+){0,3}?[^\s,]+)\s+(?:differ\b|(?:(?:are|is)\s+)?both\b)",
    re.I,
)
# "snowball or datasync to get our files into aws - what is each one meant for?", "firehose and
# kinesis data streams - which of them scales by itself?": two names joined by "and" or "or", then,
# after a dash, a colon or a comma, an ask that takes them one at a time ("each", "which of them",
# "which of the two"). The sides open the question and the ask follows them, so no other pattern
# read them (the ask was read as a casual line, a scenario's stem or a limit) and an answer quoted
# one side only. The names are short (a use after the last one, "to get ...", is trimmed from the
# side), and a person opens no name ("we keep images and labels in s3 - ...").
_JOINED_THEN_EACH = re.compile(
    r"^(?!(?:i|we|you|they|my|our|your|their)\s)(?:[^\s,:]+\s+){1,4}?(?:and|or)\s+[^,:]{2,80}?"
    r"(?::|,|\s[-\u2013]+)\s+[^,:]*?\b(?:each|which of (?:them|the two))\b",
    re.I,
)
# A one-sentence ask that names its sides and asks about each ("small batch vs large batch, what
# do you gain and lose with each?") is a comparison however long: it asks for both sides.
_ASKS_EACH = re.compile(r"\b(?:vs\.?|versus|difference between)\s.*\beach\b", re.I)
# ... and so is one that opens with its sides and then asks of them after a colon, a comma or a
# dash ("bagging vs boosting: which one trains its models one after another, and which ...");
# sides put to a use ("xgboost for forecasting many series, which ...") set a scenario's scene.
_SIDE_WORDS = r"(?:(?!\b(?:for|as)\s)[^,:?]){2,60}"
_SIDES_THEN_ASK = re.compile(
    rf"^{_SIDE_WORDS}\s(?:vs\.?|versus)\s{_SIDE_WORDS}?(?::|,|\s[-–]+)\s*"
    r"(?:which|what|how|when|why|does|do|is|are)\b",
    re.I,
)
# "sagemaker k-means: which distribution type for the train channel, and which for the test
# channel?": a topic, then two asks of it, each naming its aspect after a preposition; the aspects
# are the sides (nothing else parts them, and the ask was read as a scenario's stem).
_ASPECT_ASK = r"(?:which|what)\b[^,:]*?\s(?:for|at|during|in|on)\s[^,:]+?"
_TWO_ASPECTS = re.compile(
    rf"^[^:,]{{2,60}}:\s+({_ASPECT_ASK}),\s+and\s+({_ASPECT_ASK})[?.!\s]*$", re.I
)
# "kcl for producers or consumers", "xgboost trains on several instances - cpu or gpu then?",
# "xgboost alpha is l1 or l2": the options follow a link (a preposition, "is", a dash) from the
# subject named before it, so they are two values of that subject's attribute, not two subjects.
# Both are short and no comma parts the subject from the first ("for tabular data, xgboost or
# linear learner" sets a topic); an asking opener's words are no subject ("which is better in").
_OWNED_OPTIONS = re.compile(
    r"^(?!(?:which|what|whats|should|would|could)\b)(?P<subject>[^,]*?\w)"
    r"\s+(?:in|on|for|at|with|as|is|are|-|–)\s+(?P<value>(?:[^\s,]+\s+){0,2}[^\s,]+),?"
    r"\s+or\s+(?P<other>(?:[^\s,]+\s+){0,3}[^\s,]+?)[\s?!.]*$",
    re.I,
)
# "max" and "min" ask for a limit, not inside a hyphenated name ("max-abs scaling", "min-max").
_LIMIT = re.compile(
    r"(?<!-)\b(?:max(?:imum)?|min(?:imum)?)\b(?!-)|\blimits?\b"
    r"|\bhow (?:many|much|long|big|large|fast|often)\b"
    r"|\bpayload\b|\bsize\b|\bquotas?\b|\bthroughput\b|\bup to\b|\bretention\b|\bretain\b"
    r"|\b(?:biggest|largest|smallest|longest|shortest)\b|\bavailability\b|\bdurability\b",
    re.I,
)
_DEFINITION = re.compile(
    r"^(?:so )?(?:what(?:'s| is| are| does| do)\s+(?!the (?:difference|best|max))|define\b"
    r"|explain\b|meaning of\b|what's\b)",
    re.I,
)
_DEFINITION_TAIL = re.compile(
    r"\b(?:what is it|what's that|what does it do|meaning|(?:does|means|is) what(?: exactly)?)"
    r"\??$",
    re.I,
)
# "what does eta do in xgb": the subject is what does something, not the rest of the ask.
_DOES_TAIL = re.compile(r"^(?P<subject>.+?)\s+(?:do|mean|measure|stand for)\b.*$", re.I)
_WHEN = re.compile(r"^when\b|\bwhen (?:should|do|to|would|is it|does it make sense)\b", re.I)
_HOWTO = re.compile(r"^how (?:do|can|to|should|would)\b|^how\b(?! (?:many|much|long|big))", re.I)
_ASK = re.compile(r"\b(?:which|what|how|should|recommend|best|most|choose|select)\b|\?$", re.I)
# The words that part two sides; beside one, a slash is inside a side ("shadow testing or A/B
# testing", "RDS/Aurora vs Redshift", "sin/cos encoding"), and alone it parts them too.
_WORD_SPLIT = re.compile(
    r"\s+(?:vs\.?|versus|or|(?:better|worse|cheaper|faster|slower) than)\s+", re.I
)
_SIDE_SPLIT = re.compile(rf"{_WORD_SPLIT.pattern}|\s*/\s*", re.I)
_LEADING = re.compile(
    r"^(?:what(?: is|'s)? the (?:difference|diff) (?:between|b/w)|difference between|compare"
    r"|which (?:one )?is (?:better|best)[,:]?"
    r"|should (?:i|we|you) (?:use|pick|choose)|do (?:i|we) (?:use|need)|is it|is|are|use)\s+",
    re.I,
)
# What follows the last side and is no part of its name: when, what or which it is asked for, the
# use or condition it is weighed for ("for a big spark job", "if i want parquet files written
# out": "kinesis data streams or firehose if I want ..." names "firehose"), where it is used.
_TRAILING = re.compile(
    r"(?:,|\s-|\s–|\s)\s*(?:when .*|if .*|what does each .*|which .*|for .*|to \w+(?: \S+){3,}"
    r"|what(?:'s| is) the diff.*|whats the diff.*|in .*"
    r"|(?:the )?pros(?: and |/| & )cons|(?:the )?trade-?offs?|(?:dis)?advantages\b.*)$",
    re.I,
)
# "firehose vs kinesis data streams - what is the actual difference": what follows a dash or a
# comma and opens with a question word is the ask, not part of the last side.
# So is a yes/no ask that takes the sides one at a time ("deepar vs seq2seq - is a gpu optional or
# required for training each?": its "or" parts no sides).
_ASK_AFTER_DASH = re.compile(
    r"\s*(?:,|\s[-–]+)\s*(?:what|which|when|how|why"
    r"|(?:can|could|do|does|is|are|will|would|should)\b[^,:]*?\b(?:either|each|both)\b).*$",
    re.I,
)
# ... and after a colon that follows the sides, whatever its first word ("seq2seq vs random cut
# forest: what kind of instances ...", "RDS/Aurora vs Redshift: does each one store ...",
# "TabTransformer vs CatBoost: both are meant for ..."): a name holds no colon and a space; a
# colon before the sides names a topic (`_TOPIC`), one inside a name no space ("test:msd").
_ASK_AFTER_COLON = re.compile(r":\s+\S.*$|:\s*(?:what|which|when|how|why)\b.*$", re.I)
# What is not part of a side: a remark after the last one ("ElastiCache - not the same thing
# right", "unsupervised learning, short version please") and a topic before a colon ("s3 lifecycle
# rules: transition actions vs expiration actions", "in a GAN, ... vs ..."). The aspect asked is
# still read from the whole question.
_REMARK = re.compile(r"(?:,|\s[-–]+)\s+.*$")
# An aspect named after the last side ("kinesis data streams on message size - which ...", "...
# when it comes to CPUs - what ..."): no part of its name when an ask follows the sides' clause
# (`aspect.SIDES_ASPECT` reads it as asked); in "how does A compare to B on small objects" the
# one clause both names the sides and asks.
_ASPECT_TAIL = re.compile(r"\s+(?:when it comes to|in terms of|on)\s+(?!the\b)\S.*$", re.I)
_TOPIC = re.compile(
    r"^(?P<named>[^:]{2,60}):\s+|^(?:in|for|with|on|about) (?P<set>[^,]{2,40}),\s*", re.I
)
# A side asked as a clause ("deepar: which hardware for training vs for inference", "what it
# accepts at inference") names its aspect after the clause's first preposition.
# Prepositions may stack ("what format goes in for training").
_ASPECT_CLAUSE = re.compile(
    r"^(?:(?:which|what|if|how)\b.*?\s)?(?:(?:for|at|during|in|on)\s+)+(?:the\s+)?", re.I
)
# "for ip insights: ..." names the topic "ip insights": the preposition sets it, names nothing.
_TOPIC_PREPOSITION = re.compile(r"^(?:in|for|with|on|about)\s+", re.I)
EITHER_OR_WORDS = 16  # "glue or emr for a big spark job?", not a list in a long sentence
SCENARIO_WORDS = 15  # a stem of two or more sentences
SCENARIO_ONE_SENTENCE = 22
TOPIC_WORDS = 2  # small-letter words before a written name that make a topic, not a name's part
STEM_WORDS = 4  # "kinesis data streams: ..." names a topic; "we stream clicks to S3, ..." a stem


@dataclass(frozen=True)
class Ask:
    """What the student asked: the plain-spelled text, its kind, and the parts that matter."""

    text: str
    kind: Kind
    focus: str  # the ask itself (a scenario's last question; else the whole text)
    subjects: tuple[str, ...] = ()  # a comparison's sides
    constraints: tuple[str, ...] = ()  # a scenario's stem, one requirement per item
    places: tuple[str, ...] = ()  # where a scenario's data sits or lands ("in S3"): not the answer
    diagnosis: str = ""  # what the symptoms a question gives mean ("overfitting")
    rejected: tuple[str, ...] = ()  # a stem's clauses naming a suggested option (`rejected`)
    topic: str = ""  # what a comparison's sides belong to ("deepar" of "deepar: training vs ...")


def normalise(question: str) -> str:
    """Chat spelling replaced by plain words ("recall formula pls" -> "recall formula please"),
    in compatibility letters made plain (NFKC: full-width "ＳａｇｅＭａｋｅｒ" is "SageMaker", the
    ligature "ﬁ" is "fi"), which the notes' words would otherwise never match."""

    def plain(match: re.Match[str]) -> str:
        word = match.group(1)
        if _ALL_CAPS.match(word) and len(word) > 1:
            return word
        return CHAT_WORDS[word.lower()]

    text = _CHAT.sub(plain, " ".join(unicodedata.normalize("NFKC", question).split()))
    text = _CHAT_AND.sub("and", text)
    return re.sub(r"\s{2,}", " ", _contracted(text)).strip()


def _contracted(text: str) -> str:
    """Negations typed without their apostrophe given it back ("cant" -> "can't"); one in
    capitals is left as written (an acronym)."""

    def apostrophised(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.isupper() else f"{word[:-1]}'{word[-1]}"

    return _UNAPOSTROPHISED.sub(apostrophised, text)


def understand(question: str) -> Ask:
    """The ask, with the diagnosis its symptoms give named (`diagnose`)."""
    from retrieval.brevity import without_brevity
    from retrieval.diagnose import diagnosis
    from retrieval.rejected import split_rejected

    plain, _ = without_brevity(normalise(question))
    found = diagnosis(plain)
    ask = _understand(f"{plain} ({found})" if found else plain)
    if ask.kind == "scenario":
        constraints, rejected = split_rejected(ask.constraints)
        ask = replace(ask, constraints=constraints, rejected=rejected)
    return replace(ask, diagnosis=found) if found else ask


def _understand(text: str) -> Ask:
    sentences = _split_sentences(text)
    words = len(text.split())
    if words >= SCENARIO_WORDS and len(sentences) >= 2:
        focus_at = _focus_index(sentences)
        stem = " ".join(sentences[:focus_at])
        focus = " ".join(sentences[focus_at:])
        return Ask(text, "scenario", focus, (), tuple(_clauses(stem)), _places(stem, focus))
    asks_sides = (_ASKS_EACH, _EACH_OF_TWO, _SIDES_THEN_ASK, _TWO_ASPECTS, _JOINED_THEN_EACH)
    if any(p.search(text) for p in asks_sides) or _joined(text):
        return Ask(text, "comparison", text, _sides(text), topic=_topic(text))
    if not _asks_detail(text) and (
        words >= SCENARIO_ONE_SENTENCE
        or (words >= SCENARIO_WORDS and (_asks_after_stem(text) or _is_stated_stem(text)))
    ):
        stem, focus = _ask_clause(text)
        asked = "" if focus == text else focus
        return Ask(text, "scenario", focus, (), tuple(_clauses(stem)), _places(stem, asked))
    if _kind(text) == "comparison":
        return Ask(text, "comparison", text, _sides(text), topic=_topic(text))
    return Ask(text, _kind(text), text)


def _kind(text: str) -> Kind:
    if _COMPARE.search(text) or _is_either_or(text):
        return "comparison"
    if meaning_subject(text):  # "what does s3 availability measure": no limit's ask
        return "definition"
    if _LIMIT.search(text):
        return "limit"
    if _WHEN.search(text):
        return "when"
    if _DEFINITION.search(text) or _DEFINITION_TAIL.search(text):
        return "definition"
    if _HOWTO.search(text):
        return "howto"
    return "casual"


def asks_when(text: str) -> bool:
    """The question asks when to use something ("robust vs maxabs - when do i use each")."""
    return bool(_WHEN.search(text))


def _is_either_or(text: str) -> bool:
    """ "glue or emr for a big spark job?": two short named options, not a list in a sentence."""
    if not re.search(r"\bor\b", text, re.I) or len(text.split()) > EITHER_OR_WORDS:
        return False
    if _OWNED_OPTIONS.match(text):
        return False  # one subject's two values ("kcl for producers or consumers")
    sides = _sides(text)
    return len(sides) >= 2 and all(1 <= len(s.split()) <= 4 for s in sides)


def offered_values(ask: Ask) -> tuple[str, ...]:
    """The two values an ask offers for one subject's attribute ("producers", "consumers" of
    "kcl for producers or consumers"), of which a right answer states one; else none."""
    if ask.kind in ("comparison", "scenario") or len(ask.text.split()) > EITHER_OR_WORDS:
        return ()
    found = _OWNED_OPTIONS.match(ask.text)
    return (found["value"], found["other"]) if found else ()


def _sides_clause(plain: str) -> str:
    """The question without the ask after the sides' dash, comma or colon."""
    core = _ASK_AFTER_DASH.sub("", plain)
    # A remark on the names ("ElastiCache sound alike") or the ask's other answer ("macro f1 or a
    # different score") closing the sides is no part of the last one.
    core = OR_ELSE.sub("", ALIKE.sub("", core)) or core
    asked = _ASK_AFTER_COLON.search(core)
    if asked and _SIDE_SPLIT.search(core[: asked.start()]):
        core = core[: asked.start()]
    return core


def _sides(text: str) -> tuple[str, ...]:
    plain = text.strip().rstrip("?!. ")
    core = _sides_clause(plain)
    # an ask after the sides' clause: an aspect closing that clause is asked (`_ASPECT_TAIL`)
    ask_follows = core != plain
    between = (
        re.search(r"\bbetween (.+?) and (.+)$", core, re.I)
        or _EACH_OF_TWO.search(core)
        or _joined(core)
    )
    around = _FROM.search(core)
    two_asks = _TWO_ASPECTS.match(core)
    if two_asks:
        parts = list(two_asks.groups())
    elif between:
        parts = list(between.groups())
    elif around:
        parts = [g for g in around.groups() if g]
    else:
        parts = _WORD_SPLIT.split(core)
        parts = parts if len(parts) >= 2 else _SIDE_SPLIT.split(core)
    named = _TWO_NAMED.match(parts[0].strip()) if len(parts) == 1 else None
    if named:
        parts = list(named.groups())
    if len(parts) >= 2:
        parts[0] = _TOPIC.sub("", parts[0])
        parts[0] = _named_value(parts[0], parts[-1])
        parts[-1] = _REMARK.sub("", parts[-1]) or parts[-1]
    whole = [_side(part, trail=False) for part in parts]
    sides = [_side(part, trail=True) for part in parts]
    if ask_follows and len(sides) >= 2:
        sides[-1] = _ASPECT_TAIL.sub("", sides[-1]) or sides[-1]
    return _told_apart(sides, whole)


def _told_apart(sides: list[str], whole: list[str]) -> tuple[str, ...]:
    """The first three sides, each as typed in full (`whole`) where trimming it left only words
    another side holds ("early stopping in a tuning job vs ... in a training job"). Only the
    three kept are compared, each with every other side's words read once: a question of
    thousands of "1 vs 2" took a minute comparing every pair."""
    held = [set(other.lower().split()) for other in whole]
    kept = [i for i, side in enumerate(sides) if side][:3]
    told = [
        whole[i]
        if any(_within(sides[i], whole[j], held[j]) for j in range(len(whole)) if j != i)
        else sides[i]
        for i in kept
    ]
    return tuple(side for side in told if side)


def _named_value(first: str, last: str) -> str:
    """The first side of two written names ("Dropped" of "firehose transformed record status
    Dropped vs ProcessingFailed"): two or more small-letter words before it name what the values
    belong to, a topic, not a part of the side. Only when both sides are one word written with a
    capital and the words before are all in small letters: "random forest vs RCF" keeps its side,
    and so does a name's one small-letter word ("leaky ReLU vs PReLU")."""
    words = first.split()
    named = [w for w in (words[-1:] + last.split()) if w[:1].isupper() or not w.islower()]
    if len(words) < TOPIC_WORDS + 1 or len(last.split()) != 1 or len(named) != 2:
        return first
    return words[-1] if all(w.islower() for w in words[:-1]) else first


def _joined(text: str) -> re.Match[str] | None:
    """ "how do covariance and spearman differ ...": the two names `_JOINED_SIDES` reads, in a short
    ask only (a long sentence's "we keep images and labels both in S3" lists what a scene holds)."""
    return _JOINED_SIDES.search(text) if len(text.split()) <= EITHER_OR_WORDS else None


def _topic(text: str) -> str:
    """What the sides belong to, named before them ("deepar: training vs inference", "for xgboost,
    M or C instances"): a short name, not a stem that states a situation."""
    found = _TOPIC.match(text.strip())
    if not found or not (_SIDE_SPLIT.search(text[found.end() :]) or _TWO_ASPECTS.match(text)):
        return ""
    if _SIDE_SPLIT.search(found[0]) or _COMPARE.search(found[0]):
        return ""  # the sides themselves ("rds vs redshift: does each ..."), not a topic
    topic = _TOPIC_PREPOSITION.sub("", (found["named"] or found["set"]).strip())
    return topic if len(topic.split()) <= STEM_WORDS else ""


def _side(part: str, *, trail: bool) -> str:
    """One side as named: no asking words before it, no ask or place after it (`trail`)."""
    part = _LEADING.sub("", part.strip(" ,-–?"))
    part = _ASPECT_CLAUSE.sub("", part)
    if trail:
        part = _TRAILING.sub("", part).strip(" ,-–?")
    return re.sub(r"^(?:the|a|an)\s+", "", part, flags=re.I)


def _within(side: str, other: str, other_words: set[str]) -> bool:
    """Every word of `side` is in `other` (its words `other_words`): trimmed that far, it no
    longer tells them apart."""
    words = set(side.lower().split())
    return bool(words) and words <= other_words and side != other


def _split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(])", text) if s.strip()]


# "object detection or instance segmentation if I need the exact outline of every car?": two
# short options joined by "or" open the ask, then the condition they are weighed under. Read as a
# one-sentence scenario (the condition makes it long), it compares the two all the same.
_OPTIONS_FIRST = re.compile(
    r"^(?!(?:i|we|you|they|my|our|your|their)\s)(?:[^\s,:;]+\s+){0,3}?[^\s,:;]+\s+or\s+"
    r"(?:[^\s,:;]+\s+){0,3}?[^\s,:;]+\s+(?:if|when|whenever|given|since|because|while)\b",
    re.I,
)


def compared_sides(ask: Ask) -> tuple[str, ...]:
    """The options a one-sentence scenario compares ("EMR on EKS vs a regular EMR cluster for our
    nightly Spark jobs, which is cheaper?", "fast file mode or pipe mode if my script ..."): named
    like a comparison's sides, for checking that the notes name them; a stem of its own compares
    nothing by name."""
    if ask.kind != "scenario" or not one_sentence(ask):
        return ()
    if not (_COMPARE.search(ask.text) or _OPTIONS_FIRST.match(ask.text)):
        return ()
    return _sides(ask.text)


# "is X the same (thing) as Y", "is X basically identical to Y": two things set side by side as
# a comparison's sides are, asked in one clause; what follows Y ("in decision trees", "for our
# docs") is where they are used, not Y's name.
_EQUATED = re.compile(
    r"\b(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:basically\s+|really\s+|just\s+)?"
    r"(?:the\s+same(?:\s+thing)?|identical)\s+(?:as|to)\s+(?:an?\s+|the\s+)?([^,?;]+?)"
    r"(?:\s+(?:in|for|on|when|or)\b[^,?;]*)?[?.!]?$",
    re.I,
)

# An aside in brackets after the question ("is AIC the same thing as AUC? (akaike information
# criterion, ...)") spells out what was asked; the question before it holds the two things.
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)[?.!]?$")


def equated_sides(ask: Ask) -> tuple[str, ...]:
    """The two things a question asks whether they are the same ("is the gini coefficient the
    same thing as gini impurity in decision trees?" gives "gini coefficient" and "gini
    impurity"): read as a comparison's sides for checking that the notes name both. A question
    already read as a comparison has its sides (`Ask.subjects`)."""
    if ask.kind == "comparison":
        return ()
    found = _EQUATED.search(_TRAILING_ASIDE.sub("", ask.text.strip()))
    return (found[1], found[2]) if found else ()


def one_sentence(ask: Ask) -> bool:
    """The ask is one sentence: a scenario read from it has no stem of its own that sets a scene
    ("efficientnet vs resnet as a backbone ..., which is more accurate per flop?")."""
    return len(_split_sentences(ask.text)) < 2


def _focus_index(sentences: list[str]) -> int:
    """Where the ask starts: the last sentence that asks something (usually the last one)."""
    for index in range(len(sentences) - 1, 0, -1):
        if _ASK.search(sentences[index]):
            return index
    return len(sentences) - 1


# The ask of a one-sentence stem: its last clause that asks ("..., which built in algorithm").
_ASK_CLAUSE = re.compile(
    r"[,;:]\s*(?:so\s+|and\s+)?((?:which|what|how|should)\b[^,;:]*)[?.!]?$"
    r"|[;:]\s*([^,;:]+\bor\b[^,;:]+)\?$",  # "...; Kinesis Data Streams or Firehose?"
    re.I,
)
# Where data sits or lands in a stem ("images in S3", "land in S3 as parquet", "from DynamoDB"):
# one name after the preposition (two after "amazon"/"aws").
_PLACE = re.compile(
    r"(?<![\w-])(?:in|into|from|onto)\s+(?:an?\s+|the\s+|our\s+|their\s+|its\s+)?"
    r"((?:amazon\s+|aws\s+)?[a-z][\w-]*)",
    re.I,
)


# The clauses of a stem written as statements ("we want cheap GPU training, interruptions are
# fine, but we cannot lose hours of progress"): requirements one after another.
_CLAUSE_BREAK = re.compile(r"[;,]\s+(?:but\s+|and\s+|so\s+)?|\s+but\s+", re.I)
STATED_CLAUSES = 2
# An asking clause that wants a detail of the subject named, not an option to pick: how it works,
# how much, whether there is something, or how I (we) do something with it ("For object
# detection, how do I tell it where each bounding box sits?"): the answer is a step or setting of
# the subject named, not an option the stem leaves open. "How should we ..." after a stem still
# asks which option to take.
_DETAIL_ASK = re.compile(
    r"^(?:so\s+)?(?:how (?:does|long|many|much|often|big|large|(?:do|can) (?:i|we))|is there"
    r"|are there)\b",
    re.I,
)
# A question that only asks about something ("does the tuning work with my own algo or only
# built in ones") is not a stem: it opens with an asking word.
_OPENS_ASKING = re.compile(
    r"^(?:what|which|how|when|why|where|who|does|do|is|are|can|could|should|would|will)\b", re.I
)


def _is_stated_stem(text: str) -> bool:
    """A long one-sentence ask written as requirements, not as a question about something:
    two or more clauses, and it does not open with an asking word."""
    if _OPENS_ASKING.match(text):
        return False
    clauses = [c for c in _CLAUSE_BREAK.split(text) if len(c.split()) >= 2]
    return len(clauses) >= STATED_CLAUSES


def _asks_detail(text: str) -> bool:
    """The one sentence's asking clause (its last clause) asks a detail of what it names: how it
    works, how long or how many, whether there is something, how to do something with it ("PCA
    in randomized mode is less precise, is there a setting to win accuracy back?", "On a
    multi-container endpoint, how does my request say which container answers?", "how long do
    objects stay in S3 Standard before a lifecycle rule moves them?", "once the pipeline is
    cleaned up by hand, how can we get the same steps applied to every new file each night?").
    A scenario's answer is an option its stem does not name; this answer is a sentence about
    the subject named, which the stem's requirements would outweigh."""
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c.strip()]
    return bool(clauses) and bool(_DETAIL_ASK.match(clauses[-1].strip()))


def _asks_after_stem(text: str) -> bool:
    """A clause asks after requirements ("our data is in S3 and grows daily, which service"),
    not after a topic named before a colon ("kinesis data streams: how often can i ..."): the
    words before it are a clause of their own (STEM_WORDS or more)."""
    found = _ASK_CLAUSE.search(text)
    return bool(found) and len(text[: found.start()].split()) >= STEM_WORDS


def _ask_clause(text: str) -> tuple[str, str]:
    """A one-sentence stem split into its requirements and its ask, when a clause asks."""
    found = _ASK_CLAUSE.search(text)
    if not found:
        return text, text
    return text[: found.start()].strip(), (found.group(1) or found.group(2)).strip()


def _places(stem: str, focus: str) -> tuple[str, ...]:
    """Names the stem gives as where the data sits or lands, unless the ask names them too
    ("Kinesis Data Streams or Firehose?" offers its options; "in S3" only says where)."""
    asked = focus.lower()
    found = []
    for match in _PLACE.finditer(stem):
        name = match.group(1).strip()
        if name.lower() not in asked:
            found.append(name)
    return tuple(dict.fromkeys(found))


def _clauses(stem: str) -> list[str]:
    """A stem's requirements: its sentences, long ones split at ', and' / ';' / ' but '."""
    pieces: list[str] = []
    for sentence in _split_sentences(stem):
        for part in re.split(
            r";|,\s+(?:and|but|so)\s+|\s+but\s+|\s+and (?=(?:they|it|the|must|we|i|you|our|no)\b)",
            sentence,
        ):
            if len(part.split()) >= 3:
                pieces.append(part.strip(" ,."))
    return pieces


def key_phrases(ask: Ask) -> tuple[str, ...]:
    """What the question is about: a comparison's sides, the X of "what is X" / "X what is it"."""
    if ask.kind == "comparison":
        return ask.subjects
    if ask.kind == "definition":
        meant = meaning_subject(ask.text)  # "X, what does that even mean"
        if meant:
            return (meant,)
        subject = _DEFINITION.sub("", _DEFINITION_TAIL.sub("", ask.text)).strip(" ?")
        if re.match(r"^what does\b", ask.text, re.I):
            doing = _DOES_TAIL.match(subject)
            subject = doing["subject"] if doing else subject
        return (subject,) if subject else ()
    return ()


_ASKING = re.compile(
    r"^(?:(?:so|ok|okay|and|but|hey|hi)\b[,\s]*)*(?:(?:what|which|how|when|why|where|who)\b"
    r"(?:'s| is| are| does| do| did| should| can| would| to| about)*"
    r"(?:\s+(?:i|we|you|one|it)\b)?(?:\s+(?:use|pick|choose|need|get|do|know|make)\b)?\s*"
    r"|(?:can|could|should|do|does|is|are)\s+(?:i|we|you|it)\s+|tell me about\s+|explain\s+)",
    re.I,
)


def topic(ask: Ask) -> str:
    """What the question asks about, in the student's words, for "your notes don't mention X":
    a comparison's sides, the X of a definition, else the ask without its question words."""
    phrases = key_phrases(ask)
    if phrases:
        return " or ".join(phrases)
    text = _ASKING.sub("", ask.focus.strip()).strip(" ?!.")
    return text if 0 < len(text.split()) <= 12 else ""
