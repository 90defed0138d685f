# studybot: the Slack bot and its scheduler in one container (`studybot run`).
# No Docker engine runs where this is developed, so the build repeats exactly the steps
# `make` runs (tests/test_dockerfile.py keeps the two in step).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    STUDYBOT_DATA_DIR=/app/data \
    STUDYBOT_LOG_JSON=true

RUN useradd --create-home --uid 10001 studybot
WORKDIR /app

# The Makefile's INSTALL_TORCH, before the project: the CPU build from the PyTorch CPU wheel
# index (or a local CPU wheel), checked to have brought no CUDA packages.
COPY scripts/install_torch.sh ./scripts/
RUN sh scripts/install_torch.sh 2.13.0 python

# The Makefile's INSTALL_PROJECT.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY common ./common
COPY core ./core
COPY jobs ./jobs
COPY quiz ./quiz
COPY retrieval ./retrieval
COPY store ./store
RUN pip install -e '.[dev]' --quiet --disable-pip-version-check

# The Makefile's EXPORT_MODEL: the model's ONNX export, made once, which the first index copies.
RUN python -m retrieval.onnx_export

# The index is built into the image; the scheduler rebuilds it when the notes change.
COPY corpus ./corpus
RUN studybot index && chown -R studybot:studybot /app/data

USER studybot
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4).status != 200)"
CMD ["studybot", "run"]
