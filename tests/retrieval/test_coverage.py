"""What the notes' vocabulary says a question is about when the notes never mention it."""

from __future__ import annotations

from retrieval.coverage import MOSTLY_UNKNOWN, NotesVocabulary, capitalised_names

# Everyday words as the model's vocabulary holds them (a word outside it that the notes lack
# may be a made-up name).
ENGLISH = {"can", "run", "claude", "on", "isolation", "forest", "random", "network", "cut"}
ENGLISH |= {"hour", "second", "place", "team", "already", "good", "free"}
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


TRAINING = [
    "SageMaker training jobs run on managed instances.",
    *["Training needs data, and training again needs more data."] * 1000,
    "The monthly bill shows each training job.",
    "SageMaker Studio is the IDE for notebooks.",
    "Pick the services that fit the need; they work together here.",
    "A retailer exports its orders every night and wants to use them.",
    "Clean data first. The rooms are cold.",
]


def test_a_rare_verb_after_the_prefix_is_not_a_product_name() -> None:
    vocabulary = NotesVocabulary(TRAINING, {"bill", "training", "studio", "lab"} | ENGLISH)
    # "bill" is rare, and never follows "sagemaker" in the notes, but after "does" it is a verb
    question = "does sagemaker bill training by the hour or by the second"
    assert vocabulary.unknown_subject(question) is None
    assert vocabulary.unknown_subject("is sagemaker studio lab free") == "sagemaker studio lab"
    assert vocabulary.unknown_subject("is sagemaker bill training new") == "sagemaker bill training"
    question = "how do sagemaker studio lab notebooks work"
    assert vocabulary.unknown_subject(question) == "sagemaker studio lab"


def test_small_letters_after_a_capitalised_prefix_name_no_product() -> None:
    notes = [*TRAINING, "The dog sits in the cold."]
    vocabulary = NotesVocabulary(notes, {"bill", "training", "studio", "lab", "sits"} | ENGLISH)
    # a student who writes "SageMaker" capitalises a name's words too: "studio sits" are a part
    # and a verb, however rare "sits" is in the notes and never after "studio"
    question = "Our SageMaker studio sits in the cold. What needs to run?"
    assert vocabulary.unknown_subject(question) is None
    assert vocabulary.unknown_subject("our sagemaker studio sits in the cold") is not None
    assert vocabulary.unknown_subject("Is SageMaker Studio Lab free?") == "sagemaker studio lab"
    # small letters throughout, or the prefix opening the sentence, say nothing either way
    assert vocabulary.unknown_subject("is sagemaker studio lab free") == "sagemaker studio lab"
    assert vocabulary.unknown_subject("SageMaker studio lab, is it free") == "sagemaker studio lab"


def test_the_prefixs_offerings_in_general_are_no_product() -> None:
    vocabulary = NotesVocabulary(TRAINING, {"services", "fit", "clean", "rooms"} | ENGLISH)
    assert vocabulary.unknown_subject("which aws services fit") is None
    assert vocabulary.unknown_subject("aws clean rooms for ml") == "aws clean rooms"


def test_pros_and_cons_are_not_a_comparisons_subject() -> None:
    vocabulary = NotesVocabulary(TRAINING, ENGLISH)
    question = "sagemaker studio vs training jobs, pros and cons?"
    assert vocabulary.unknown_subject(question, ("sagemaker studio", "training jobs, pros")) is None


def test_a_made_up_word_in_a_scenario_stem_is_its_setting() -> None:
    vocabulary = NotesVocabulary(TRAINING, ENGLISH)
    stem = (
        "A retailer exports orders from Fabrikamcloud every night and wants training jobs to "
        "run on them. What should they use?"
    )
    assert vocabulary.unknown_subject(stem, coined=False) is None
    assert vocabulary.unknown_subject(stem) == "fabrikamcloud"


def test_a_hyphenated_word_is_known_when_the_notes_write_its_parts_apart() -> None:
    vocabulary = NotesVocabulary(["An RNN maps a sequence to a vector for sentiment."], ENGLISH)
    assert vocabulary.knows("sequence-to-vector")
    assert not vocabulary.knows("sequence-to-graph")


def test_a_name_run_together_or_a_clipped_chat_word_is_known() -> None:
    notes = [
        "Guard Duty watches account activity.",
        "The Poisson distribution counts events.",
        "RecordIO-protobuf is the fastest input format.",
    ]
    vocabulary = NotesVocabulary(notes, ENGLISH)
    assert vocabulary.knows("guardduty")  # the notes write "Guard Duty"
    assert vocabulary.knows("distro")  # chat for "distribution"
    # parts the notes never put side by side, or a stem too short to say which word it clips
    assert not vocabulary.knows("dutyguard")
    assert not vocabulary.knows("disto")
    assert not vocabulary.knows("proton")  # a name of its own, not "protobuf" clipped
    assert vocabulary.unknown_subject("what is gemini", ("gemini",)) == "gemini"


def test_a_question_of_mostly_unknown_words_is_declined_without_naming_them() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    question = "¿cuándo uso el modo pipe en sagemaker para entrenar?"
    assert vocabulary.unknown_subject(question, (question,)) == MOSTLY_UNKNOWN


def test_a_prefix_and_a_letter_the_notes_never_write_names_a_product() -> None:
    notes = [*NOTES, "Amazon S3 stores the training data.", "OLTP and OLAP databases."]
    vocabulary = NotesVocabulary(notes, ENGLISH)
    assert vocabulary.unknown_subject("what is amazon q") == "amazon q"
    assert vocabulary.unknown_subject("what is amazon s3") is None  # the notes write it
    assert vocabulary.unknown_subject("is aws a good place to run training") is None
    assert vocabulary.unknown_subject("oltp vs olap which aws db") is None  # "db": a word


def test_a_products_name_ends_with_its_sentence() -> None:
    notes = [*TRAINING, "Amazon Connect is a contact centre service.", "Supervisors see calls."]
    vocabulary = NotesVocabulary(notes, {"supervisors", "connect", "want"} | ENGLISH)
    # the same words in one sentence are a name the notes never give
    assert vocabulary.unknown_subject("is amazon connect supervisors new") == (
        "amazon connect supervisors"
    )
    question = "Our team already runs on Amazon Connect. Supervisors want it. What should we use?"
    assert vocabulary.unknown_subject(question) is None


def test_a_short_made_up_name_is_the_subject_but_a_typo_is_not() -> None:
    notes = [*NOTES, "FSx for Lustre serves training data to SageMaker from S3."]
    vocabulary = NotesVocabulary(notes, ENGLISH | {"lambda", "which", "feed", "data"})
    question = "fsx for netapp ontap or fsx for lustre to feed training data"
    assert vocabulary.unknown_subject(question) == "netapp ontap"
    # one letter away from an English word: a typo of it, not a name the notes lack
    assert vocabulary.unknown_subject("can lamda feed training data to fsx") is None
    # a chat aside opens or closes the sentence: "as far as I know", "in my humble opinion"
    assert vocabulary.unknown_subject("afaik fsx can feed training data. imho") is None
    # a longer made-up word opening the question is its subject, no aside
    assert vocabulary.unknown_subject("quorix for training data - how does it work") == "quorix"


def test_a_near_spelling_of_a_word_the_question_also_spells_is_a_term_of_its_own() -> None:
    notes = [*NOTES, "Report RMSE instead of MSE: it is in the units of prices."]
    vocabulary = NotesVocabulary(notes, ENGLISH | {"report", "instead", "prices"})
    # a student who writes "rmse" right beside it did not mistype it: rmsle is another metric
    question = "should i report rmsle instead of rmse for prices"
    assert vocabulary.unknown_subject(question) == "rmsle"
    # alone, one letter from a notes word is still a typo of it
    assert vocabulary.unknown_subject("should i report rmsle for prices") is None


def test_a_capitalised_compound_the_notes_never_write_joined_names_a_term() -> None:
    notes = [*NOTES, "Zero padding keeps the size.", "Glue ETL jobs feed Redshift.", "K-Means."]
    vocabulary = NotesVocabulary(notes, ENGLISH | {"feed", "zero", "with"})
    question = "redshift zero-ETL with glue, can it feed training"
    assert vocabulary.unknown_subject(question) == "zero-etl"
    # the same words in lower case are chat, and a compound the notes write is known
    assert vocabulary.unknown_subject("can zero-etl jobs feed redshift training") is None
    assert vocabulary.unknown_subject("can K-Means jobs feed redshift training") is None


def test_a_side_the_notes_never_write_is_unwritten_even_in_a_passage_with_both_words() -> None:
    notes = [*NOTES, "DataSync copies files from on-premises storage through a gateway."]
    # both words are everyday English, as in the model's vocabulary: no product's part
    vocabulary = NotesVocabulary(notes, ENGLISH | {"storage", "gateway"})
    assert vocabulary.unwritten_sides(["storage gateway", "datasync"]) == ["storage gateway"]
    assert vocabulary.absent_side(["storage gateway", "datasync"]) is None  # one passage has both
    assert vocabulary.unwritten_sides(["random forest", "network isolation"]) == []


def test_capitalised_neighbours_past_a_sentences_first_word_are_names() -> None:
    assert capitalised_names("can S3 Object Lambda redact PII?") == ["S3 Object", "Object Lambda"]
    assert capitalised_names("Storage Gateway vs DataSync") == []  # a sentence's first word
    firehose = capitalised_names("ok. Does Kinesis Data Firehose work")
    assert firehose == ["Kinesis Data", "Data Firehose"]
    assert capitalised_names("is the old Amazon Machine Learning gone") == ["Machine Learning"]


def test_a_capitalised_name_with_a_word_the_notes_never_use_is_unknown() -> None:
    notes = [*NOTES, "Automatic model tuning runs many training jobs.", "A data lake keeps files."]
    vocabulary = NotesVocabulary(notes, ENGLISH)
    keras = capitalised_names("how do I set up Keras Tuner for a training job?")
    assert vocabulary.unknown_in_name(keras) == "Keras Tuner"
    delta = capitalised_names("can I query Delta Lake tables")  # "lake" is in the notes
    assert vocabulary.unknown_in_name(delta) == "Delta Lake"
    whole = capitalised_names("is Glacier Deep Archive cheaper")  # the whole name is named
    assert vocabulary.unknown_in_name(whole) == "Glacier Deep Archive"
    # a name whose words the notes all use is left to the other checks
    assert vocabulary.unknown_in_name(capitalised_names("does Random Cut Forest work")) is None


def test_a_side_led_by_a_word_for_the_ordinary_kind_is_checked_by_the_rest() -> None:
    notes = [
        "MICE imputes each column from the others; mean imputation fills nulls with the mean.",
        "Plain text files are read line by line.",
        "Kernel functions map the data into more dimensions.",
        "PCA keeps the directions of most variance.",
    ]
    english = {"plain", "plainly", "kernel", "mean", "imputation", "text"}
    vocabulary = NotesVocabulary(notes, english)
    # "plain" only says "the ordinary kind" of what the other side (MICE) is a kind of
    assert vocabulary.absent_side(["mice", "plain mean imputation"]) is None
    assert vocabulary.unwritten_sides(["mice", "a plain mean imputation"]) == []
    # a noun before the head names another thing ("kernel" has no adverb), and a capital a name
    assert vocabulary.absent_side(["kernel pca", "plain pca"]) == "kernel pca"
    assert vocabulary.unwritten_sides(["mice", "Plain imputation"]) == ["Plain imputation"]
    # the head beside no word of the other side: the side stays as written
    assert vocabulary.unwritten_sides(["text", "plain imputation"]) == ["plain imputation"]


def test_a_plain_kind_the_notes_write_sets_off_an_unwritten_other_side() -> None:
    notes = [
        "An autoencoder learns to rebuild its input through a narrow layer.",
        "Contrastive pairs are drawn from the autoencoder's codes.",
        "Transfer learning starts from a pretrained model.",
        "Deep learning stacks many layers.",
        "Plain text is read line by line.",
    ]
    vocabulary = NotesVocabulary(notes, {"plain", "plainly", "text", "learning"})
    # "autoencoder" is written: "contrastive learning", never written, is about something else
    sides = ["contrastive learning", "a plain autoencoder"]
    assert vocabulary.split_side(sides) == "contrastive learning"
    # a side too long for a name as asked stays unread, however short its plain kind
    assert vocabulary.unwritten_sides(["text", "plain text codes line"]) == []
    short = "text codes line"
    assert vocabulary.unwritten_sides(["text", short]) == [short]


EDGE = [
    *["Training needs data, and training again needs more data."] * 1000,
    "SageMaker Neo compiles a model for edge devices.",
    "Edge devices decide in milliseconds and work offline.",
    "An edge device such as a Raspberry Pi runs the compiled model.",
    "Neo's compiler targets edge hardware.",
    "The project manager signs off each release.",
]


def test_a_name_whose_rare_last_word_never_meets_its_first_is_a_product() -> None:
    vocabulary = NotesVocabulary(EDGE, ENGLISH | {"edge", "manager", "compiler", "work"})
    # "edge" is common and never follows "sagemaker"; "manager" is rare and never stands in a
    # passage with "edge": the notes have nothing on a SageMaker Edge Manager
    question = "does sagemaker edge manager work on a raspberry pi"
    assert vocabulary.unknown_subject(question) == "sagemaker edge manager"
    # "compiler" shares a passage with "edge": the two are the notes' words on one thing
    assert vocabulary.unknown_subject("does sagemaker edge compiler work offline") is None


def test_a_name_in_another_spelling_of_the_notes_is_no_absent_product() -> None:
    notes = [
        *TRAINING,
        "Asynchronous inference queues each request.",
        "Asynchronous inference scales to zero.",
        "The KNN model builds an index.",
        "A KNN model answers queries.",
        "Studio uses a domain with user profiles.",
        "Studio domains can use VPC-only mode.",
    ]
    english = {"studio", "lab", "domain", "inference", "model", "long", "request"} | ENGLISH
    vocabulary = NotesVocabulary(notes, english)
    # the notes' longer word the student clips ("async"), their compound unhyphenated ("KNN"),
    # their plural ("Studio domains"): the notes' own names, not longer ones they lack
    assert (
        vocabulary.unknown_subject("sagemaker async inference - how long can a request take")
        is None
    )
    assert vocabulary.unknown_subject("our sagemaker k-nn model is slow") is None
    assert vocabulary.unknown_subject("sagemaker studio domain, how are users set up in it") is None
    # an everyday word is no clipped one ("lab" of "label"): still a name the notes lack
    assert vocabulary.unknown_subject("is sagemaker studio lab free") == "sagemaker studio lab"


HOSTING = [
    *["Training needs data, and training again needs more data."] * 1000,
    "SageMaker hosting serves a model behind an endpoint.",
    "The endpoint takes requests over HTTP or HTTPS.",
    "Each endpoint scales with its traffic.",
    "The lab team reviews results.",
]


def test_a_common_word_after_the_notes_named_product_is_its_attribute() -> None:
    english = {"hosting", "endpoint", "lab", "http", "https"} | ENGLISH
    vocabulary = NotesVocabulary(HOSTING, english)
    # "hosting" is rare and the notes write it after "sagemaker": their own product; the notes
    # use "endpoint" often, so it is that product's part, not a longer name's own word
    assert vocabulary.unknown_subject("sagemaker hosting endpoint http or https") is None
    # "lab" is rare in the notes: a longer name they lack
    assert vocabulary.unknown_subject("is sagemaker hosting lab free") == "sagemaker hosting lab"
