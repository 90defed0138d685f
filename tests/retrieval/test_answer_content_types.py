"""An ask for the content types a subject takes ("which content types does sagemaker random cut
forest accept as training input?") asks for formats: the notes' line listing them ("text/csv -
application/x-recordio-protobuf") states that kind of value (`facets.VALUE_KINDS`) though it
holds none of the asked words, and earns the asked facet's share as a "format" ask's would."""

from __future__ import annotations

from retrieval.facets import facet_share, states_value
from retrieval.lexical import tokenize

LINE = "text/csv - application/x-recordio-protobuf"


def test_a_content_type_is_a_format() -> None:
    assert states_value("content", LINE)
    assert not states_value("content", "Does not support GPU!")


def test_the_listed_content_types_hold_the_asked_facet() -> None:
    facet = set(tokenize("content types accept"))
    listed = facet_share(facet, frozenset(tokenize(LINE)), set(), LINE)
    other = facet_share(
        facet, frozenset(tokenize("Does not support GPU!")), set(), "Does not support GPU!"
    )
    assert listed > other
