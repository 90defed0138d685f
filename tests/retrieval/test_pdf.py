"""PDF headings: the title (large type, or the metadata title) and section headings set in
larger type become the headings passages are cited by."""

from __future__ import annotations

from pathlib import Path

from retrieval.load import SourceFile, read_file
from retrieval.sections import split_sections


def pdf_with(stream: bytes, *, title: str | None = None) -> bytes:
    """A one-page PDF drawing `stream`, with an /Info title when given."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if title is not None:
        objects.append(f"<< /Title ({title}) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    info = " /Info 6 0 R" if title is not None else ""
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


BODY = (
    b"BT /F1 11 Tf 72 690 Td (Managed spot training cuts the cost of training jobs.) Tj "
    b"0 -14 Td (A job that is interrupted resumes from its last checkpoint.) Tj ET "
)
LARGE_TITLE = b"BT /F1 24 Tf 72 720 Td (Spot Training Guide) Tj ET "
# 16 pt drawn as 1 pt type scaled by the text matrix, as many PDF writers do.
SCALED_SUBHEADING = b"BT /F1 1 Tf 16 0 0 16 72 640 Tm (Checkpointing) Tj ET "
MORE_BODY = b"BT /F1 11 Tf 72 620 Td (Write checkpoints to S3 so nothing is lost.) Tj ET"


def _sections(tmp_path: Path, data: bytes) -> list[tuple[tuple[str, ...], str]]:
    path = tmp_path / "spot.pdf"
    path.write_bytes(data)
    [document] = read_file(SourceFile(path, "spot.pdf"))
    return [(s.heading, s.text) for s in split_sections(document)]


def test_large_type_becomes_the_title_and_the_section_headings(tmp_path: Path) -> None:
    sections = _sections(tmp_path, pdf_with(LARGE_TITLE + BODY + SCALED_SUBHEADING + MORE_BODY))
    assert [heading for heading, _ in sections] == [
        ("Spot Training Guide",),
        ("Spot Training Guide", "Checkpointing"),
    ]
    assert sections[0][1].startswith("Managed spot training")
    assert sections[1][1] == "Write checkpoints to S3 so nothing is lost."


def test_without_large_type_the_metadata_title_heads_the_text(tmp_path: Path) -> None:
    sections = _sections(tmp_path, pdf_with(BODY, title="Spot Training Notes"))
    assert sections[0][0] == ("Spot Training Notes",)
    assert "Managed spot training" in sections[0][1]


def test_a_pdf_of_one_size_and_no_title_has_no_heading(tmp_path: Path) -> None:
    sections = _sections(tmp_path, pdf_with(BODY))
    assert [heading for heading, _ in sections] == [()]
