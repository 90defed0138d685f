"""Small corpora written for the tests: each reproduces a quirk of real exported notes."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

WIDGET = "How well did you know this?\n1\nNot at all\n2\n3\n4\n5\nPerfectly\n"

NUMBERED_CARDS = (
    "Team Flashcards\n\n"
    "1\nQ\n\nKinesis shard limits\n\nA\n\nEach shard accepts 1 MB/s or 1,000 records per second "
    "of writes and serves 2 MB/s of reads.\n\n"
    + WIDGET
    + "2\nQ\n\nRandom Cut Forest\n\nA\n\nRandom Cut Forest (RCF) is an unsupervised algorithm that "
    "gives each data point an anomaly score.\n\n"
    + WIDGET
    + "3\nQ\n\nKinesis shard limits\n\nA\n\nEach shard accepts 1 MB/s or 1,000 records per second "
    "of writes and serves 2 MB/s of reads.\n\n"
    + WIDGET  # a duplicate card
    + "4\nQ\n\n\nA\n\n\n"
    + WIDGET  # an empty card
)

BLOG_TEXT = """Exam Notes From A Blog

Pat Writer
12 min readMar 3, 2022

--

These are the notes I kept while preparing for the exam.

Training input modes

SageMaker File mode copies the whole training set to the instance volume before the job starts.

Pipe mode streams the training data from Amazon S3 straight into the algorithm container. Use pipe mode when the dataset is large and you want training to start quickly without waiting for a download.

Data related

Scaling methods

· Standardization subtracts the mean and divides by the standard deviation.
· Min-max scaling maps each feature into the range from 0 to 1.

--

--

Pat Writer

Writes about clouds and coffee.

Responses (3)
"""

MARKDOWN_NOTES = """# Imbalanced data

## SMOTE

The Synthetic Minority Oversampling Technique (SMOTE) creates new minority-class examples by
interpolating between a minority example and its nearest minority neighbours. Use it when a
classifier ignores a rare class such as fraud.

## Undersampling

Undersampling removes majority-class rows until the classes are balanced. It is cheap but it
throws information away.

# Monitoring

## CloudWatch

Amazon CloudWatch collects the metrics and logs of training jobs and endpoints, and raises
alarms when a metric crosses a threshold.
"""

HTML_PAGE = """<html><head><title>x</title><style>p {color: red}</style></head><body>
<nav>Home | About</nav>
<h1>Amazon Athena</h1>
<p>Amazon Athena runs standard SQL queries directly against data in S3 without any servers to manage.</p>
<h2>Cost</h2>
<ul><li>You pay per terabyte scanned, so columnar Parquet files cut the bill.</li></ul>
<footer>Copyright</footer>
</body></html>"""

CSV_CARDS = [
    (
        "What does Kinesis Data Firehose do?",
        "It loads streaming data into S3, Redshift or OpenSearch with no consumer code.",
        "domain::data-engineering topic::kinesis",
    ),
    (
        "Which metric suits a fraud detector that must miss few frauds?",
        "Recall, because a missed fraud is a false negative.",
        "domain::modeling topic::metrics",
    ),
    ("", "", ""),
]


def csv_text() -> str:
    buffer = io.StringIO()
    buffer.write("#separator:Comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n")
    csv.writer(buffer).writerows(CSV_CARDS)
    return buffer.getvalue()


def pdf_bytes(text: str | None) -> bytes:
    """A one-page PDF; with text=None the page has no text at all (like a scan)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() if text else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def apkg_bytes(cards: list[tuple[str, str]]) -> bytes:
    """A minimal Anki deck: a zip holding collection.anki2 with a notes table."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(db)
        connection.execute("create table notes (id integer primary key, flds text, tags text)")
        connection.executemany(
            "insert into notes (flds, tags) values (?, '')",
            [(f"{front}\x1f{back}",) for front, back in cards],
        )
        connection.commit()
        connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.write(db, "collection.anki2")
            archive.writestr("media", "{}")
        return buffer.getvalue()


def write_good_corpus(root: Path) -> Path:
    """A corpus with one file of every supported kind, all readable."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "cards.txt").write_text(NUMBERED_CARDS)
    (root / "blog.txt").write_text(BLOG_TEXT)
    (root / "imbalance.md").write_text(MARKDOWN_NOTES)
    (root / "athena.html").write_text(HTML_PAGE)
    (root / "deck.csv").write_text(csv_text())
    (root / "lustre.pdf").write_bytes(
        pdf_bytes("FSx for Lustre gives training jobs a fast shared file system over S3 data.")
    )
    (root / "ml.apkg").write_bytes(
        apkg_bytes([("<b>What is k-means?</b>", "An <i>unsupervised</i> clustering algorithm.")])
    )
    return root


def write_bad_files(root: Path) -> dict[str, str]:
    """One file per kind of bad input, and the words its warning must contain."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "empty.txt").write_text("   \n")
    (root / "latin1.txt").write_bytes("Caf\xe9 notes about S3".encode("latin-1"))
    (root / "scan.pdf").write_bytes(pdf_bytes(None))
    (root / "broken.csv").write_text('front,back\n"unterminated,quote\n')
    (root / "wide.csv").write_text("a,b,c,d\n")
    return {
        "image.md": "binary",
        "empty.txt": "empty",
        "latin1.txt": "not UTF-8",
        "scan.pdf": "no extractable text",
        "broken.csv": "line",
        "wide.csv": "line 1: expected 2 or 3 columns",
    }
