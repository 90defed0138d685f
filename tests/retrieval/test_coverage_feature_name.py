"""A feature typed in small letters after a product the notes cover ("cloudtrail lake"), named
by a word the notes write as another name's word ("AWS Lake Formation") and never near that
product, is a subject the notes lack; a part every product has ("knn endpoint"), which the
notes write in small letters, is no such feature."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

NOTES = [
    "Security\nAWS CloudTrail records each API call for auditing.",
    "Governance\nUse AWS Lake Formation to govern a data lake on Amazon S3. Query it with Athena.",
    "KNN\nThe KNN algorithm predicts from the nearest neighbours it stores.",
    "Hosting\nDeploy a model to a real-time endpoint; each endpoint has instances.",
    "Evaluation\nAn overfit model keeps improving on training data only.",
]
ENGLISH = {"lake", "endpoint", "how", "run", "sql", "over", "events", "look", "formation"}


def test_a_name_word_after_a_product_the_notes_never_set_beside_it_is_missing() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    asked = "cloudtrail lake: how do i run sql over api events"
    assert vocabulary.unknown_subject(asked) == "cloudtrail lake"


def test_a_part_the_notes_write_in_small_letters_is_no_feature() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.unknown_subject("knn endpoint: which instances") is None


def test_a_term_the_notes_write_in_small_letters_names_no_product() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.unknown_subject("how does an overfit lake look") is None
