"""Questions per AWS service in the shipped bank: a question counts for a service when its keyed
option or the notes heading it cites names the service (the rule tests/test_corpus.py enforces).
Prints every service with its count, those under two first; no baseline applies (a count, not a
timing)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent.parent / "corpus"

# Services across the exam domains, with the pattern that names each in a key or a heading.
SERVICES: dict[str, str] = {
    "S3": r"\bs3\b",
    "Glue": r"\bglue\b(?! databrew)",
    "Glue DataBrew": r"databrew",
    "Athena": r"athena",
    "Lake Formation": r"lake formation",
    "EMR": r"\bemr\b",
    "DataSync": r"datasync",
    "Step Functions": r"step functions",
    "Kinesis Data Streams": r"kinesis data streams",
    "Kinesis Data Firehose": r"firehose",
    "Kinesis Producer Library": r"producer library|\bkpl\b",
    "Kinesis enhanced fan-out": r"enhanced fan-out",
    "Managed Service for Apache Flink": r"flink",
    "QuickSight": r"quicksight",
    "Macie": r"macie",
    "Data Wrangler": r"data wrangler",
    "Feature Store": r"feature store",
    "Comprehend": r"comprehend",
    "Translate": r"translate",
    "Transcribe": r"transcribe",
    "Polly": r"polly",
    "Lex": r"\blex\b",
    "Rekognition": r"rekognition",
    "Textract": r"textract",
    "Personalize": r"personalize",
    "Forecast": r"\bforecast\b",
    "Kendra": r"kendra",
    "Fraud Detector": r"fraud detector",
    "Augmented AI (A2I)": r"augmented ai|\ba2i\b",
    "Bedrock": r"bedrock",
    "JumpStart": r"jumpstart",
    "Canvas": r"canvas",
    "Ground Truth": r"ground truth",
    "Clarify": r"clarify",
    "SageMaker Debugger": r"debugger",
    "SageMaker Pipelines": r"sagemaker pipelines",
    "Model Registry": r"model registry",
    "SageMaker Projects": r"sagemaker projects",
    "Model Monitor": r"model monitor|drift|model quality",
    "Inference Recommender": r"inference recommender",
    "Neo": r"\bneo\b",
    "Automatic model tuning": r"tuning|hyperband|bayesian",
    "Secrets Manager": r"secrets manager",
    "KMS": r"\bkms\b",
    "CloudWatch": r"cloudwatch",
    "CloudTrail": r"cloudtrail",
    "Savings Plans": r"savings plan",
    "Containers (ECS/EKS/Fargate/DLAMI)": r"\becs\b|\beks\b|fargate|deep learning ami",
}


def load_bank() -> list[dict]:
    items: list[dict] = []
    for path in sorted((CORPUS / "questions").glob("*.yaml")):
        items.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return items


def counts(bank: list[dict]) -> dict[str, list[str]]:
    """Each service's question ids, by the key-or-cited-heading rule."""
    found: dict[str, list[str]] = {name: [] for name in SERVICES}
    for q in bank:
        text = f"{q['options'][q['answer']]} {q['source']['heading']}"
        for name, pattern in SERVICES.items():
            if re.search(pattern, text, re.I):
                found[name].append(q["id"])
    return found


def main() -> None:
    bank = load_bank()
    found = counts(bank)
    print(f"bank: {len(bank)} questions, {len(SERVICES)} services")
    for name, ids in sorted(found.items(), key=lambda kv: (len(kv[1]), kv[0])):
        print(f"{len(ids):3d}  {name:36s} {' '.join(ids[:4])}")
    low = [name for name, ids in found.items() if len(ids) < 2]
    print(f"under two: {len(low)} {low}")
    sys.exit(1 if low else 0)


if __name__ == "__main__":
    main()
