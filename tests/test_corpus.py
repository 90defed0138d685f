"""The shipped study corpus keeps its promises: coverage of the seed terms, a full deck, a
balanced bank and a dev set whose expected passages exist."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus"
NOTES = {p.name: p.read_text(encoding="utf-8") for p in (CORPUS / "notes").glob("*.md")}
DOMAINS = {
    "data-engineering": 0.20,
    "exploratory-data-analysis": 0.24,
    "modeling": 0.36,
    "ml-implementation-operations": 0.20,
}


def headings(text: str) -> set[str]:
    return {m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+)$", text, re.MULTILINE)}


def test_every_coverage_term_appears_in_the_notes() -> None:
    lines = (ROOT / "bench/data/coverage_terms.txt").read_text(encoding="utf-8").splitlines()
    terms = [t.strip() for t in lines if t.strip() and not t.startswith("#")]
    assert len(terms) >= 250
    notes = "\n".join(NOTES.values()).lower()
    assert [t for t in terms if t.lower() not in notes] == []


def test_notes_cover_the_four_domains_with_a_heading_per_concept() -> None:
    assert len(NOTES) >= 12
    assert sum(len(headings(t)) for t in NOTES.values()) >= 300


def test_flashcards_are_an_anki_csv_of_at_least_200_tagged_cards() -> None:
    text = (CORPUS / "flashcards/aws-ml.csv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert "#separator:Comma" in header and "#tags column:3" in header
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) >= 200
    assert all(len(r) == 3 and r[0].strip() and r[1].strip() for r in rows)
    assert all(any(t.split("::")[-1] in DOMAINS for t in r[2].split()) for r in rows)
    fronts = [r[0].strip().lower() for r in rows]
    assert len(fronts) == len(set(fronts))


def load_bank() -> list[dict]:
    items: list[dict] = []
    for path in sorted((CORPUS / "questions").glob("*.yaml")):
        items.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return items


def test_bank_is_spread_over_domains_by_exam_weight() -> None:
    bank = load_bank()
    assert len(bank) >= 180
    shares = Counter(q["domain"] for q in bank)
    for domain, weight in DOMAINS.items():
        assert abs(shares[domain] / len(bank) - weight) <= 0.04, (domain, shares[domain])


def test_every_answer_letter_is_right_for_20_to_30_percent() -> None:
    bank = load_bank()
    letters = Counter(q["answer"] for q in bank)
    assert set(letters) == set("ABCD")
    assert all(0.20 <= n / len(bank) <= 0.30 for n in letters.values()), letters


def test_dev_questions_point_at_existing_headings() -> None:
    dev = yaml.safe_load((ROOT / "bench/data/dev_questions.yaml").read_text(encoding="utf-8"))
    assert len(dev) >= 80
    for item in dev:
        assert item["heading"] in headings(NOTES[item["file"]]), item
        assert 1 <= len(item["terms"]) <= 3


# The services the 2026 audit (and round two's recount) found tested by one question or none. A
# question counts for a service when its key or the notes heading it cites names the service.
SERVICES = {
    "Translate": r"translate",
    "Personalize": r"personalize",
    "Kendra": r"kendra",
    "Rekognition content moderation": r"moderation",
    "Comprehend sentiment": r"sentiment",
    "Comprehend PII": r"comprehend.*pii|detectpii",
    "NTM": r"\bntm\b|neural topic",
    "CatBoost": r"catboost",
    "AutoGluon-Tabular": r"autogluon",
    "Bedrock": r"bedrock",
    "JumpStart": r"jumpstart",
    "Canvas": r"canvas",
    "Inference Recommender": r"inference recommender",
    "multi-AZ endpoints": r"availability zone|highly available",
    "SageMaker Projects": r"sagemaker projects|model registry",
    "Secrets Manager": r"secrets manager",
    "IAM condition keys": r"sagemaker:\w+",
    "containers": r"\becs\b|\beks\b|fargate|deep learning ami",
    "KNN": r"k-?nearest|\bknn\b",
    "Object2Vec": r"object2vec|enc0_network",
    "IP Insights": r"ip insights|num_entity_vectors",
    "PCA": r"\bpca\b|principal component",
    "k-means": r"k-means|kmeans",
    "Image Classification": r"image classification",
    "Object Detection": r"object detection|\bmap\b",
    "Semantic Segmentation": r"semantic segmentation",
    "SageMaker Savings Plans": r"savings plan",
    "Feature Store": r"feature store|putrecord",
    "Model Monitor model quality": r"model quality",
    "Model Monitor bias drift": r"bias drift",
    "Model Monitor feature attribution drift": r"feature attribution",
    # Round two: services the recount (bench/service_count.py) found at one question.
    "Lex": r"\blex\b",
    "Polly": r"polly",
    "Fraud Detector": r"fraud detector",
    "Augmented AI (A2I)": r"augmented ai|\ba2i\b",
    "SageMaker Debugger": r"debugger",
    "SageMaker Pipelines": r"sagemaker pipelines",
    "Model Registry": r"model registry",
    "DataSync": r"datasync",
    "Step Functions": r"step functions",
    "Glue DataBrew": r"databrew",
    "Kinesis Producer Library": r"producer library|\bkpl\b",
    "Kinesis enhanced fan-out": r"enhanced fan-out",
    "CloudWatch": r"cloudwatch",
    "EMR": r"\bemr\b",
    "Textract": r"textract",
    "Forecast": r"\bforecast\b",
    "KMS": r"\bkms\b",
    "Neo": r"\bneo\b",
    "CloudTrail": r"cloudtrail",
}


def test_every_audited_service_is_the_answer_of_at_least_two_questions() -> None:
    bank = load_bank()
    counts = {
        name: sum(
            bool(re.search(pattern, f"{q['options'][q['answer']]} {q['source']['heading']}", re.I))
            for q in bank
        )
        for name, pattern in SERVICES.items()
    }
    assert {name: n for name, n in counts.items() if n < 2} == {}


def test_every_flashcard_names_a_notes_heading_that_exists() -> None:
    text = (CORPUS / "flashcards/aws-ml.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    missing, unknown = [], []
    for front, _, tags in csv.reader(io.StringIO(body)):
        cited = [t for t in tags.split() if t.startswith("notes::")]
        if not cited:
            missing.append(front)
            continue
        _, file, heading = cited[0].split("::")
        if heading not in {h.replace(" ", "_") for h in headings(NOTES.get(file, ""))}:
            unknown.append((front, cited[0]))
    assert missing == [] and unknown == []
