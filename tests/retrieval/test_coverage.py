"""What the notes' vocabulary says a question is about when the notes never mention it."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

ENGLISH = {"can", "run", "claude", "on", "isolation", "forest", "random", "network", "cut"}
NOTES = [
    "You can run a training job on many instances on AWS.",
    "Network isolation removes all outbound access from the container.",
    "Random Cut Forest gives each point an anomaly score.",
    "A random forest averages many decision trees.",
    "Bayesian optimization picks the next hyperparameters from the results so far.",
    "Each trial's optimisation history is kept.",
]


def test_a_verb_before_a_name_is_not_what_is_asked() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    # "claude" is a word of the model's vocabulary (a first name), so it counts only as what the
    # question asks about: "run" before it says nothing about the subject.
    assert vocabulary.unknown_subject("can i run claude on aws", ("run claude on aws",)) == "claude"


def test_a_side_whose_words_the_notes_never_join_is_absent() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.absent_side(["isolation forest", "random cut forest"]) == "isolation forest"
    assert vocabulary.absent_side(["random forest", "random cut forest"]) is None
    # the other spelling of a word the notes join with it: the same thing
    assert vocabulary.absent_side(["bayesian optimisation", "random search"]) is None
    # a whole question misread as one side is not a name
    assert vocabulary.absent_side(["how is network forest cut different"]) is None
    assert vocabulary.absent_side(["what is it with the network in a forest"]) is None
