# studybot: `make run` and `make test` set everything up themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The CPU build of torch, installed before the project so no CUDA packages are pulled: from the
# PyTorch CPU wheel index, else a local CPU wheel, checked afterwards (scripts/install_torch.sh).
# The Dockerfile runs the same two commands with the image's python (tests/test_dockerfile.py).
TORCH_VERSION := 2.13.0
INSTALL_TORCH := sh scripts/install_torch.sh $(TORCH_VERSION)
INSTALL_PROJECT := pip install -e '.[dev]' --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed
# The embedding model's ONNX export, made once at install time inside the venv (torch is used for
# this alone): the first index then copies it instead of paying about 20 s to export it.
EXPORT_MODEL := python -m retrieval.onnx_export

.PHONY: run test bench lint format index vectors clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(INSTALL_TORCH) $(BIN)/python
	$(BIN)/$(INSTALL_PROJECT)
	$(BIN)/$(EXPORT_MODEL)
	touch $(STAMP)

# The Slack bot and its scheduler when Slack tokens are set, the console tutor otherwise.
run: $(STAMP)
	$(BIN)/studybot index
	$(BIN)/studybot run

index: $(STAMP)
	$(BIN)/studybot index

# Rewrite corpus/.vectors after changing the shipped notes or the chunking (a test says when).
vectors: $(STAMP)
	$(BIN)/python -m retrieval.known_vectors

test: $(STAMP)
	STUDYBOT_TEST_DATABASE_URL="$$(bash scripts/postgres.sh start)" && export STUDYBOT_TEST_DATABASE_URL && \
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports && $(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench.retrieval
	$(BIN)/python -m bench.chunking
	$(BIN)/python -m bench.answers
	$(BIN)/python -m bench.bank_agreement
	$(BIN)/python -m bench.index_scale
	$(BIN)/python -m bench.quiz_grading $(if $(wildcard bench/data/grading_blind.yaml),--blind bench/data/grading_blind.yaml)
	STUDYBOT_TEST_DATABASE_URL="$$(bash scripts/postgres.sh start)" $(BIN)/python -m bench.leaderboard
	$(BIN)/python -m bench.slack_load
	$(BIN)/python -m bench.fanout

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
