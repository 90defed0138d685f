"""Readers: turn each supported file under the corpus roots into `Document`s, or say why not.

Supported: Markdown, plain text (incl. the numbered "N / Q / … / A / …" flashcard export), HTML,
PDF, CSV/TSV flashcards (front, back, optional tags) and Anki .apkg decks.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from common.errors import StudybotError
from retrieval.anki_csv import CardFileError, read_cards
from retrieval.clean import RATING_WIDGET, clean_text, split_outlines
from retrieval.documents import Document, Skipped
from retrieval.genre import genre
from retrieval.unwrap import wrap_width

MARKDOWN = {".md", ".markdown"}
TEXT = {".txt", ".text"}
HTML = {".html", ".htm"}
CSV_LIKE = {".csv", ".tsv"}
PDF = {".pdf"}
APKG = {".apkg"}
SUPPORTED = MARKDOWN | TEXT | HTML | CSV_LIKE | PDF | APKG
# Files that live in a corpus folder but are not notes: the question bank, evaluation sets, and
# a folder's README, which describes the export rather than teaching anything.
NOT_NOTES = {".yaml", ".yml", ".json", ".gitkeep", ".ds_store", ".py"}
NOT_NOTES_NAMES = {"readme", "readme.md", "readme.txt", "readme.markdown"}


class ReadError(StudybotError, ValueError):
    """A file that cannot be indexed; the message says why."""


@dataclass(frozen=True)
class SourceFile:
    """A file found under a corpus root, with the name it is cited by."""

    path: Path
    source: str


def discover(roots: Iterable[Path]) -> list[SourceFile]:
    """Every file under the roots (a root may be one file), sorted, with unique source names."""
    found: list[SourceFile] = []
    seen: set[str] = set()
    for root in roots:
        root = Path(root)
        if not root.exists():
            raise FileNotFoundError(f"corpus path does not exist: {root}")
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            source = path.name if root.is_file() else path.relative_to(root).as_posix()
            if source in seen:
                source = f"{root.name}/{source}"
            seen.add(source)
            found.append(SourceFile(path=path, source=source))
    return found


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_file(file: SourceFile) -> list[Document]:
    """Documents of one file. Raises `ReadError` for input that must be skipped."""
    suffix = file.path.suffix.lower()
    data = file.path.read_bytes()
    if not data.strip():
        raise ReadError("empty file")
    if suffix in APKG:
        return read_apkg(data, file.source)
    if suffix in PDF:
        return read_pdf(data, file.source)
    if b"\x00" in data[:8192]:
        raise ReadError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 (byte {exc.start}: {data[exc.start]:#04x})") from exc
    reader = READERS.get(suffix)
    if reader is None:
        raise ReadError(f"unsupported file type {suffix or '(none)'}")
    return reader(text, file.source)


def read_markdown(text: str, source: str) -> list[Document]:
    cleaned = clean_text(text, markdown=True)
    if not cleaned:
        raise ReadError("no text left after cleaning")
    kinds = genre(text, outlined=False)
    return [Document(source=source, kind="note", text=cleaned, fmt="markdown", genre=kinds)]


CARD_START = re.compile(r"^\s*(\d+)\s*\n\s*Q\s*$", re.MULTILINE)


def read_text(text: str, source: str) -> list[Document]:
    if len(CARD_START.findall(text)) >= 3:
        return read_numbered_cards(text, source)
    whole = clean_text(text)
    cleaned, listing = split_outlines(whole)  # an outline's titles: retrieval/listing.py
    if not cleaned:
        raise ReadError("no text left after cleaning")
    kinds = genre(text, outlined=cleaned != whole)
    return [
        Document(source=source, kind="note", text=cleaned, fmt="text", genre=kinds, listing=listing)
    ]


def read_numbered_cards(text: str, source: str) -> list[Document]:
    """The "1 / Q / question / A / answer / rating widget" export of a flashcard app."""
    text = RATING_WIDGET.sub("\n", text.replace("\r\n", "\n"))
    starts = list(CARD_START.finditer(text))
    wrap = wrap_width(text)  # a card's text is too short to tell whether the file is wrapped
    title = clean_text(text[: starts[0].start()], wrap=wrap).split("\n", 1)[0] if starts else ""
    cards: list[tuple[str, str]] = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        body = text[match.end() : end]
        parts = re.split(r"^\s*A\s*$", body, maxsplit=1, flags=re.MULTILINE)
        front = clean_text(parts[0], wrap=wrap, card=True)
        back = clean_text(parts[1], wrap=wrap, card=True) if len(parts) > 1 else ""
        cards.append((front, back))
    return cards_to_documents(cards, source, title=title)


def cards_to_documents(
    cards: Iterable[tuple[str, str]], source: str, *, title: str = ""
) -> list[Document]:
    """One document per card; empty cards are dropped. A duplicate card stays here: the build
    stores identical passages once and counts what it dropped (`duplicates dropped`)."""
    documents: list[Document] = []
    for front, back in cards:
        front, back = front.strip(), back.strip()
        if not front and not back:
            continue
        question = front.split("\n", 1)[0].strip() or back.split("\n", 1)[0].strip()
        body = f"Q: {front}\nA: {back}" if front and back else (front or back)
        documents.append(
            Document(
                source=source,
                kind="flashcard",
                text=body,
                fmt="card",
                title=title,
                heading=(_shorten(question),),
            )
        )
    if not documents:
        raise ReadError("no flashcards with text")
    return documents


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def read_delimited(text: str, source: str) -> list[Document]:
    """CSV/TSV flashcards: front, back, optional tags; Anki '#key:value' header lines allowed."""
    delimiter = "\t" if source.lower().endswith(".tsv") else ","
    try:
        cards = read_cards(text, delimiter=delimiter)
    except CardFileError as exc:
        raise ReadError(str(exc)) from exc
    return cards_to_documents(
        ((clean_text(c.front, card=True), clean_text(c.back, card=True)) for c in cards), source
    )


def read_html(text: str, source: str) -> list[Document]:
    """HTML to Markdown-like text: h1–h6 become # headings, list items become bullets."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "aside", "noscript"]):
        tag.decompose()
    root = soup.body or soup
    blocks: list[str] = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "td"]):
        words = " ".join(element.get_text(" ", strip=True).split())
        if not words or (element.name == "p" and element.find_parent(["li", "td"])):
            continue
        if element.name.startswith("h"):
            blocks.append("#" * int(element.name[1]) + " " + words)
        elif element.name == "li":
            blocks.append(f"- {words}")
        else:
            blocks.append(words)
    if not blocks:
        raise ReadError("HTML page has no text")
    return read_markdown("\n\n".join(blocks), source)


def read_pdf(data: bytes, source: str) -> list[Document]:
    """PDF text, page by page. Lines set in larger type than the body (the title, section
    headings) are set apart so they become headings; without such a line, the document's
    metadata title (when it has one) heads the text."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = []
        lines: list[_PdfLine] = []
        for page in reader.pages:
            fragments: list[tuple[str, float]] = []
            pages.append(page.extract_text(visitor_text=_font_size_visitor(fragments)) or "")
            lines += _pdf_lines(fragments)
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, KeyError) as exc:
        raise ReadError(f"unreadable PDF ({exc})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise ReadError("PDF has no extractable text (a scan without OCR?)")
    headings = _large_lines(lines)
    if headings:
        text = _set_apart(text, headings)
    elif meta_title.strip():
        text = f"{' '.join(meta_title.split())}\n\n{text}"
    return read_text(text, source)


_PdfLine = tuple[str, float]
# A line this much larger than the body text is a heading.
PDF_HEADING_RATIO = 1.2


def _font_size_visitor(fragments: list[tuple[str, float]]) -> Callable[..., None]:
    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
        fragments.append((text, float(size) * scale))

    return visit


def _pdf_lines(fragments: list[tuple[str, float]]) -> list[_PdfLine]:
    """Text lines with the largest type size on each, from pypdf's visitor fragments."""
    lines: list[_PdfLine] = []
    text, size = "", 0.0
    for fragment, fragment_size in fragments:
        pieces = fragment.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append((text.strip(), size))
                text, size = "", 0.0
            if piece.strip():
                text, size = text + piece, max(size, fragment_size)
    lines.append((text.strip(), size))
    return [(line, size) for line, size in lines if line]


def _large_lines(lines: list[_PdfLine]) -> list[str]:
    """Lines set larger than the body type (the size that carries the most characters)."""
    if not lines:
        return []
    weight: dict[float, int] = {}
    for line, size in lines:
        weight[round(size, 1)] = weight.get(round(size, 1), 0) + len(line)
    body = max(weight, key=lambda size: weight[size])
    return [line for line, size in lines if size >= body * PDF_HEADING_RATIO]


def _set_apart(text: str, headings: list[str]) -> str:
    """Blank lines around each heading line, so the plain-text reader takes it as a heading."""
    wanted = set(headings)
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip() in wanted:
            out += ["", line.strip(), ""]
        else:
            out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def read_apkg(data: bytes, source: str) -> list[Document]:
    """An Anki deck: the notes table of the collection inside the zip; fields 1 and 2."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("not a valid .apkg (zip) file") from exc
    names = set(archive.namelist())
    member = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
    if member is None:
        raise ReadError(
            "no collection.anki2 in the deck (export it with 'Support older Anki versions')"
        )
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "collection.db"
        db_path.write_bytes(archive.read(member))
        try:
            connection = sqlite3.connect(db_path)
            try:
                rows = connection.execute("select flds from notes order by id").fetchall()
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            raise ReadError(f"unreadable Anki collection ({exc})") from exc
    return cards_to_documents(_anki_fields(rows), source)


def _anki_fields(rows: Iterable[tuple[str]]) -> Iterator[tuple[str, str]]:
    for (fields,) in rows:
        parts = fields.split("\x1f")
        back = parts[1] if len(parts) > 1 else ""
        yield (
            clean_text(_html_field_text(parts[0]), card=True),
            clean_text(_html_field_text(back), card=True),
        )


def _html_field_text(html: str) -> str:
    """The text of an Anki field: inline tags dropped, line-breaking tags kept as new lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["br", "div", "p", "li"]):
        tag.insert_after("\n")
    return soup.get_text()


READERS: dict[str, Callable[[str, str], list[Document]]] = {
    **dict.fromkeys(MARKDOWN, read_markdown),
    **dict.fromkeys(TEXT, read_text),
    **dict.fromkeys(HTML, read_html),
    **dict.fromkeys(CSV_LIKE, read_delimited),
}


def read_corpus(files: Iterable[SourceFile]) -> tuple[dict[str, list[Document]], list[Skipped]]:
    """Read every file; bad ones become `Skipped` with a reason, the rest are returned by source."""
    documents: dict[str, list[Document]] = {}
    skipped: list[Skipped] = []
    for file in files:
        suffix = file.path.suffix.lower()
        name = file.path.name.lower()
        if name in NOT_NOTES_NAMES or (
            suffix not in SUPPORTED and (suffix in NOT_NOTES or name in NOT_NOTES)
        ):
            skipped.append(Skipped(file.source, "not a notes file", warning=False))
            continue
        try:
            documents[file.source] = read_file(file)
        except ReadError as exc:
            skipped.append(Skipped(file.source, str(exc)))
    return documents, skipped
