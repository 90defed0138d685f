"""The bank check finds a cited section exactly where the index finds it (one heading parser)."""

from pathlib import Path

from quiz.notes import find_section, sections
from retrieval.load import read_markdown
from retrieval.sections import split_sections

# Headings a line regex ("^#+ title") misses or misreads, and markdown-it (the index) reads:
# a setext heading, an indented ATX heading, and a '#' line inside a fenced block (not one).
NOTES = """# Kinesis

Kinesis Data Streams
====================

Shards set the throughput: 1 MB/s in per shard.

Enhanced fan-out
----------------

Each consumer gets its own 2 MB/s per shard.

  ## Firehose

Firehose delivers to S3 with buffering.

```
# not a heading: a shell comment
aws kinesis list-streams
```

## Retention

Records stay 24 hours by default.
"""


def test_every_heading_the_index_cites_is_found_by_the_bank_check(tmp_path: Path) -> None:
    path = tmp_path / "kinesis.md"
    path.write_text(NOTES, encoding="utf-8")
    cited = {s.heading[-1] for d in read_markdown(NOTES, path.name) for s in split_sections(d)}
    assert cited == {"Kinesis Data Streams", "Enhanced fan-out", "Firehose", "Retention"}
    for heading in cited:
        found = find_section([tmp_path], "kinesis.md", heading)
        assert found is not None, heading
        assert str(found.citation) == f"kinesis.md › {heading}"
    assert find_section([tmp_path], "kinesis.md", "not a heading: a shell comment") is None


def test_a_section_is_its_own_text_up_to_the_next_heading(tmp_path: Path) -> None:
    path = tmp_path / "kinesis.md"
    path.write_text(NOTES, encoding="utf-8")
    found = sections(path)
    assert found["Kinesis Data Streams"].level == 1
    assert found["Kinesis Data Streams"].text == "Shards set the throughput: 1 MB/s in per shard."
    assert found["Kinesis"].text == ""
    assert "aws kinesis list-streams" in found["Firehose"].text
