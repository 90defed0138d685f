"""Sections of plain-text exports: which bare lines are headings, and what they head."""

from __future__ import annotations

from retrieval.documents import Document
from retrieval.sections import split_sections

# A cheat sheet whose tables were lost in the export: a row of titles with nothing under them.
LOST = """Cheat Sheet

Intro text that says what the sheet is for.

Data Repositories

Overview of the major services for data work

Types of Data:

Types of Charts:

Feature Engineering for Text

Model Service Overview

- Fully managed, billed by the second

Key Features

- One-click deployment
"""

# One label between titles is structure, not lost content.
KEPT = """Notes

Kinesis Data Firehose

Input

record has to be < 1000 kB

Types of Regularization:

L1 Regularization

- Sum of absolute weights
"""


def headings(text: str) -> dict[tuple[str, ...], str]:
    document = Document(source="notes.txt", kind="note", text=text.strip(), fmt="text")
    return {s.heading: s.text for s in split_sections(document)}


def test_titles_whose_content_was_lost_head_nothing_and_nest_nothing() -> None:
    found = headings(LOST)
    assert found[("Cheat Sheet", "Model Service Overview")].startswith("- Fully managed")
    assert ("Cheat Sheet", "Key Features") in found
    # The lost titles neither become text nor a parent of the next section.
    assert not any("Overview of the major" in text for text in found.values())
    assert not any("Feature Engineering for Text" in h for h in found for h in h)


def test_one_label_over_a_title_is_read_as_before() -> None:
    found = headings(KEPT)
    assert found[("Notes", "Kinesis Data Firehose", "Input")] == "record has to be < 1000 kB"
    assert found[("Notes", "L1 Regularization")] == "- Sum of absolute weights"
