"""`bank check`: every problem in the question bank, reported together rather than one at a time.

Schema errors, repeated ids, citations that do not resolve to a notes section holding each key
point's first term, lopsided answer letters, a key that is too often the longest (or shortest)
option, near-duplicate questions (embedding cosine of stem + key), a distractor the cited passage
supports as well as the key (a second right answer), and flashcards that state figures or names
the notes section they cite does not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from common.citation import Citation
from quiz.bank import LETTERS, BankFlashcard, BankQuestion, load_flashcards, load_questions_file
from quiz.errors import BankError
from quiz.notes import CitedSection, find_notes_file, find_section, sections
from retrieval.embed import Embedder

# Calibrated with bench/bank_check_calibration.py on the audit's ten known near-duplicate pairs
# against every other pair of the pre-2026 bank: see the README, "The study corpus". Fitted on
# fp32 vectors (the default); int8 moves these cosines by about 0.01 (de-storage-003/004 rose to
# 0.747 and were flagged), so recalibrate before changing the embedding precision.
NEAR_DUPLICATE_COSINE = 0.735
LETTER_SHARE = (0.20, 0.30)
MIN_QUESTIONS_FOR_BALANCE = 4
KEY_POINTS_RANGE = (2, 4)
# Always picking the longest (or shortest) option must not beat guessing by much.
MAX_KEY_LENGTH_EXTREME_SHARE = 0.35
MIN_QUESTIONS_FOR_LENGTH_SHARE = 10
# A distractor reads as a second right answer when a sentence of the cited passage says nearly
# the same (cosine >= the floor), at least as closely as for the key, and the distractor's words
# are in the passage at least as fully as the key's. Calibrated on the 2026 bank: a floor of 0.55
# flagged 43 of 160 questions, nearly all passages that name a distractor only to rule it out;
# 0.80 with the word test flagged 4 (a distractor quoting the notes line that rules it out, or a
# key worded unlike the notes), each fixed in the bank.
SECOND_ANSWER_FLOOR = 0.80
NOTES_TAG = "notes"
STATUS_WORDS = ("discontinued", "end of support", "deprecated", "retired", "no longer")
FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
IDENTIFIER = re.compile(
    r"\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|ml\.[a-z0-9]+\.[a-z0-9]+)\b"
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PROPER_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+\b")
# Capitalised words too common to name the discontinued subject on their own.
GENERIC_NAMES = frozenset(
    ["aws", "amazon", "sagemaker", "use", "the", "its", "it", "for", "from", "in", "on", "and"]
)
WORD = re.compile(r"[a-z0-9_]+")
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "than",
        "then",
        "that",
        "this",
        "each",
        "every",
        "its",
        "are",
        "not",
        "only",
        "use",
        "using",
        "which",
        "what",
        "when",
    ]
)


@dataclass(frozen=True)
class Problem:
    file: str
    question_id: str | None
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        file = f"{self.file}:{self.line}" if self.line else self.file
        where = f"{file}, question {self.question_id}" if self.question_id else file
        return f"{where}: {self.reason}"


def check_files(
    question_paths: Sequence[Path],
    flashcard_paths: Sequence[Path],
    notes_roots: Sequence[Path],
    embedder: Embedder | None,
) -> tuple[list[BankQuestion], list[Problem]]:
    """Load every file, collect all problems; the embedding checks need an embedder."""
    problems: list[Problem] = []
    by_file: dict[Path, list[BankQuestion]] = {}
    cards: dict[Path, list[BankFlashcard]] = {}
    for path in question_paths:
        try:
            by_file[path] = load_questions_file(path)
        except BankError as error:
            problems.append(Problem(path.name, error.question_id, error.reason))
    for path in flashcard_paths:
        try:
            cards[path] = load_flashcards(path)
        except BankError as error:
            problems.append(Problem(path.name, error.question_id, error.reason))
    questions = [q for qs in by_file.values() for q in qs]
    problems += duplicate_ids(questions)
    problems += [p for q in questions for p in citation_problems(q, notes_roots)]
    problems += [p for q in questions for p in key_point_count(q)]
    for path, qs in by_file.items():
        problems += letter_balance(path.name, qs)
        problems += key_length_share(path.name, qs)
    if len(by_file) > 1:
        problems += key_length_share("all question files", questions)
    for path, deck in cards.items():
        problems += card_contradictions(path, deck, notes_roots)
    if embedder is not None:
        problems += near_duplicates(questions, embedder)
        problems += second_answers(questions, notes_roots, embedder)
    return questions, [_with_line(p, by_file) for p in problems]


def _with_line(problem: Problem, by_file: dict[Path, list[BankQuestion]]) -> Problem:
    """The problem with the line of its question's `- id:` in the file, when there is one."""
    if problem.line is not None or problem.question_id is None:
        return problem
    path = next((p for p in by_file if p.name == problem.file), None)
    if path is None:
        return problem
    marker = re.compile(rf"^\s*-?\s*id:\s*['\"]?{re.escape(problem.question_id)}['\"]?\s*$")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if marker.match(line):
            return Problem(problem.file, problem.question_id, problem.reason, number)
    return problem


def duplicate_ids(questions: Iterable[BankQuestion]) -> list[Problem]:
    seen: dict[str, BankQuestion] = {}
    problems = []
    for question in questions:
        first = seen.setdefault(question.id, question)
        if first is not question:
            reason = f"id already used in {first.path.name}"
            problems.append(Problem(question.path.name, question.id, reason))
    return problems


def citation_problems(question: BankQuestion, notes_roots: Sequence[Path]) -> list[Problem]:
    def problem(reason: str) -> Problem:
        return Problem(question.path.name, question.id, reason)

    section = find_section(notes_roots, question.source.file, question.source.heading)
    if section is None:
        cited = str(question.source)
        return [problem(f"source {cited} is not a heading in the notes")]
    text = section.text.casefold()
    return [
        problem(f"cited section lacks the term {kp.terms[0]!r} of key point {kp.point!r}")
        for kp in question.key_points
        if kp.terms[0].casefold() not in text
    ]


def key_point_count(question: BankQuestion) -> list[Problem]:
    low, high = KEY_POINTS_RANGE
    if low <= len(question.key_points) <= high:
        return []
    reason = f"has {len(question.key_points)} key points; write {low} to {high}"
    return [Problem(question.path.name, question.id, reason)]


def letter_balance(file: str, questions: Sequence[BankQuestion]) -> list[Problem]:
    """Each letter should be the answer for 20–30 % of a file's questions."""
    if len(questions) < MIN_QUESTIONS_FOR_BALANCE:
        return []
    counts = Counter(q.answer for q in questions)
    low, high = LETTER_SHARE
    problems = []
    for letter in LETTERS:
        share = counts[letter] / len(questions)
        if not low <= share <= high:
            reason = (
                f"answer {letter} is right for {counts[letter]} of {len(questions)} questions "
                f"({share:.0%}); keep each letter between {low:.0%} and {high:.0%}"
            )
            problems.append(Problem(file, None, reason))
    return problems


def key_is_longest(question: BankQuestion) -> bool:
    """The key is at least as long as every other option (a tie counts: it gives the key away)."""
    key = len(question.options[question.answer])
    return all(key >= len(text) for text in question.options.values())


def key_is_shortest(question: BankQuestion) -> bool:
    key = len(question.options[question.answer])
    return all(key <= len(text) for text in question.options.values())


def key_length_extremes(questions: Sequence[BankQuestion]) -> tuple[float, float]:
    """Shares of questions whose key is the longest and the shortest option."""
    if not questions:
        return 0.0, 0.0
    longest = sum(key_is_longest(q) for q in questions)
    shortest = sum(key_is_shortest(q) for q in questions)
    return longest / len(questions), shortest / len(questions)


def key_length_share(where: str, questions: Sequence[BankQuestion]) -> list[Problem]:
    """A test-wise student who always picks the longest (or shortest) option must not win."""
    if len(questions) < MIN_QUESTIONS_FOR_LENGTH_SHARE:
        return []
    limit = MAX_KEY_LENGTH_EXTREME_SHARE
    problems = []
    for name, test in (("longest", key_is_longest), ("shortest", key_is_shortest)):
        ids = [q.id for q in questions if test(q)]
        share = len(ids) / len(questions)
        if share > limit:
            reason = (
                f"the answer is the {name} option in {len(ids)} of {len(questions)} questions "
                f"({share:.0%}); keep it at most {limit:.0%}, near 25 % (for example "
                f"{', '.join(ids[:5])})"
            )
            problems.append(Problem(where, None, reason))
    return problems


def near_duplicates(
    questions: Sequence[BankQuestion],
    embedder: Embedder,
    threshold: float = NEAR_DUPLICATE_COSINE,
) -> list[Problem]:
    """Pairs of questions whose stem + key embed closer than `threshold`: the same point twice."""
    if len(questions) < 2:
        return []
    similarity = np.triu(question_similarity(questions, embedder), k=1)
    problems = []
    pairs: defaultdict[int, list[int]] = defaultdict(list)
    for i, j in zip(*np.nonzero(similarity > threshold), strict=True):
        pairs[int(i)].append(int(j))
    for i, partners in sorted(pairs.items()):
        for j in partners:
            a, b = questions[i], questions[j]
            reason = (
                f"near-duplicate of {b.id} ({b.path.name}): stem and answer embed at cosine "
                f"{similarity[i, j]:.3f} > {threshold}; test a different point"
            )
            problems.append(Problem(a.path.name, a.id, reason))
    return problems


def question_text(question: BankQuestion) -> str:
    """What a question tests: its scenario and its right answer."""
    return f"{question.stem} {question.options[question.answer]}"


def question_similarity(questions: Sequence[BankQuestion], embedder: Embedder) -> np.ndarray:
    vectors = embedder.encode([question_text(q) for q in questions])
    return np.asarray(vectors @ vectors.T)


def passage_sentences(section: CitedSection) -> list[str]:
    text = " ".join(section.text.split())
    return [s for s in SENTENCE_END.split(text) if len(s.split()) >= 3]


def option_support(
    questions: Sequence[BankQuestion], sections: Sequence[CitedSection], embedder: Embedder
) -> list[dict[str, float]]:
    """How well each cited passage supports each option: its best sentence cosine.

    Every sentence and option is embedded in one batch, not one call per question."""
    sentences = [passage_sentences(s) or [s.text] for s in sections]
    unique = list(dict.fromkeys(t for group in sentences for t in group))
    options = [q.options[x] for q in questions for x in LETTERS]
    vectors = embedder.encode([*unique, *options])
    row = {text: i for i, text in enumerate(unique)}
    support = []
    for n, group in enumerate(sentences):
        passage = vectors[[row[t] for t in group]]
        start = len(unique) + n * len(LETTERS)
        best = (vectors[start : start + len(LETTERS)] @ passage.T).max(axis=1)
        support.append({x: float(v) for x, v in zip(LETTERS, best, strict=True)})
    return support


def word_coverage(option: str, passage: str) -> float:
    """Share of the option's content words that the passage also uses."""
    words = [w for w in WORD.findall(option.casefold()) if len(w) > 2 and w not in STOPWORDS]
    if not words:
        return 0.0
    present = set(WORD.findall(passage.casefold()))
    return sum(w in present for w in words) / len(words)


def second_answers(
    questions: Sequence[BankQuestion], notes_roots: Sequence[Path], embedder: Embedder
) -> list[Problem]:
    """Distractors the cited passage supports at least as well as the key: a second answer?"""
    cited = [
        (q, s)
        for q in questions
        if (s := find_section(notes_roots, q.source.file, q.source.heading)) is not None
    ]
    supports = option_support([q for q, _ in cited], [s for _, s in cited], embedder)
    problems = []
    for (question, section), support in zip(cited, supports, strict=True):
        key = support[question.answer]
        key_words = word_coverage(question.options[question.answer], section.text)
        for letter in LETTERS:
            score = support[letter]
            if letter == question.answer or score < SECOND_ANSWER_FLOOR or score < key:
                continue
            words = word_coverage(question.options[letter], section.text)
            if words >= key_words:
                reason = (
                    f"distractor {letter} matches the cited passage as well as the key "
                    f"{question.answer} does (cosine {score:.2f} vs {key:.2f}, words "
                    f"{words:.0%} in the passage): "
                    f"a possible second right answer; make it clearly wrong by the notes"
                )
                problems.append(Problem(question.path.name, question.id, reason))
    return problems


def card_contradictions(
    path: Path, cards: Sequence[BankFlashcard], notes_roots: Sequence[Path]
) -> list[Problem]:
    """Cards tagged `notes::<file>::<Heading_with_underscores>` must agree with that section.

    Measurable agreement: every figure (number) and code name (`RANDOM_CUT_FOREST`,
    `enc0_network`, `ml.p3.2xlarge`) on the back appears in the section, and when the section
    says its subject is discontinued or retired the back says so too.
    """
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    problems = []
    for card in cards:
        cited = card.tag(NOTES_TAG)
        if cited is None:
            continue
        where = f"card {card.front[:60]!r}"
        line = _card_line(lines, card)
        file, _, heading = cited.partition("::")
        section = _tagged_section(notes_roots, file, heading)
        reasons = (
            [f"names {Citation(file, heading)}, which is not a notes heading"]
            if section is None
            else disagreements(card.back, section, card.front)
        )
        problems += [Problem(path.name, None, f"{where}: {r}", line) for r in reasons]
    return problems


def disagreements(back: str, section: CitedSection, card_front: str = "") -> list[str]:
    """Why a card's back contradicts its notes section (empty when it agrees)."""
    text = " ".join(section.text.split()).casefold()
    figures = {_figure(f) for f in FIGURE.findall(text)}
    reasons = [
        f"states {figure!r}, which {section.citation} does not"
        for figure in dict.fromkeys(FIGURE.findall(back))
        if _figure(figure) not in figures
    ]
    reasons += [
        f"names {name!r}, which {section.citation} does not"
        for name in dict.fromkeys(IDENTIFIER.findall(back))
        if name.casefold() not in text
    ]
    if _names_a_discontinued_subject(card_front + " " + back, section) and not any(
        w in back.casefold() for w in STATUS_WORDS
    ):
        reasons.append(f"{section.citation} says its subject is discontinued; the card does not")
    return reasons


def _names_a_discontinued_subject(card: str, section: CitedSection) -> bool:
    """Does the card name what the section says is discontinued (a capitalised name of a sentence
    holding a status word)? A section that retires one product in passing, as reinforcement
    learning retires RoboMaker, does not make every card citing it about that product."""
    text = " ".join(section.text.split())
    status = [s for s in SENTENCE_END.split(text) if any(w in s.casefold() for w in STATUS_WORDS)]
    names = {
        n.casefold()
        for sentence in status
        for n in PROPER_NAME.findall(sentence)
        if n.casefold() not in GENERIC_NAMES
    }
    words = set(WORD.findall(card.casefold()))
    return any(n in words for n in names)


def _figure(text: str) -> str:
    return text.replace(",", "")


def _tagged_section(roots: Sequence[Path], file: str, heading: str) -> CitedSection | None:
    notes = find_notes_file(roots, file)
    if notes is None:
        return None
    return next(
        (s for name, s in sections(notes).items() if name.replace(" ", "_") == heading), None
    )


def _card_line(lines: Sequence[str], card: BankFlashcard) -> int | None:
    """The line of the deck where the card's row starts (found by its front)."""
    front = card.front.replace('"', '""')
    return next(
        (n for n, line in enumerate(lines, start=1) if line.startswith((front, f'"{front}'))),
        None,
    )
