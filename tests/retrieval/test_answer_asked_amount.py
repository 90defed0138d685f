"""An amount asked inside another kind of question ("... How can they reduce cost?", a
scenario; "how much cheaper can EI get?", a comparison): when the answer states no number the
question does not hold, a sentence of a cited passage that does, holds an asked word and is
about as close to the question as the closest one, is added after the quote
(`amount.with_amount`). A number sentence further off ("IP Insights trains on CPU or GPU
instances ... ml.p3.2xlarge" under "the cheaper way to score the daily file") is not."""

from __future__ import annotations

from retrieval.service import NotesIndex


def test_a_scenario_asking_a_saving_gains_the_sentence_stating_it(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "A company stores large CSV files in S3 and queries them with Athena. Queries are slow "
        "and expensive. How can they reduce cost?"
    )
    assert answer.text.startswith("File formats: Converting raw CSV or JSON to Parquet")
    assert "30 to 90 percent" in answer.text


def test_a_scenario_asking_the_cheapest_service_gains_its_price(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "A few times a month, analysts must join 2 TB of clickstream with order tables in S3 "
        "using SQL they write themselves, and the team wants no servers or clusters to manage. "
        "Which service is MOST cost-effective?"
    )
    assert answer.text.startswith("Amazon Athena is a serverless, interactive query service")
    assert "5 USD per TB" in answer.text


def test_a_number_sentence_further_off_is_not_added(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "Once a day our security team goes through yesterday's VPN access log (user name, IP "
        "address) looking for user-IP pairs that look odd, using an IP Insights model we already "
        "trained. A colleague wants to host the model on a real-time endpoint that runs around "
        "the clock. What is the cheaper way to score the daily file?"
    )
    assert "Batch Transform" in answer.text
    assert "ml.p3.2xlarge" not in answer.text
