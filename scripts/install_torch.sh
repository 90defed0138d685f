#!/bin/sh
# Installs the CPU build of torch into PYTHON's environment, the same way for `make` and the
# Dockerfile. Usage: install_torch.sh VERSION [PYTHON]  (PYTHON defaults to `python`)
#
# First choice: the PyTorch CPU wheel index, which holds CPU builds only. Where it cannot be
# reached, pip's own configured indexes are asked for VERSION+cpu: a local version label that
# only a CPU build carries (PyPI accepts no local versions), so this path either finds a local CPU
# wheel or fails; it never resolves the PyPI build that pulls triton and the nvidia-* packages.
# Either way the result is checked: torch must report no CUDA and no nvidia-* package may be in.
set -eu

VERSION="$1"
PYTHON="${2:-python}"
CPU_INDEX="https://download.pytorch.org/whl/cpu"
PIP="$PYTHON -m pip --disable-pip-version-check"
log() { echo "install_torch.sh: $*" >&2; }

if $PIP install --quiet --retries 1 --timeout 30 --index-url "$CPU_INDEX" "torch==$VERSION"; then
  origin="the PyTorch CPU wheel index"
else
  log "torch==$VERSION is not available from the PyTorch CPU wheel index (unreachable?); trying torch==$VERSION+cpu from pip's indexes"
  if ! $PIP install --quiet "torch==$VERSION+cpu"; then
    log "no CPU build of torch $VERSION found: give pip a local wheel (PIP_FIND_LINKS=folder)"
    log "or make $CPU_INDEX reachable"
    exit 1
  fi
  origin="pip's configured indexes"
fi

cuda_packages="$($PIP list --format=freeze | grep -iE '^(nvidia-|triton)' || true)"
if [ -n "$cuda_packages" ]; then
  log "CUDA packages were installed alongside torch; remove them: $(echo "$cuda_packages" | tr '\n' ' ')"
  exit 1
fi
# NumPy comes with the project, after torch: silence torch's "Failed to initialize NumPy" here.
if ! $PYTHON -W ignore::UserWarning -c "import sys, torch; sys.exit(torch.version.cuda is not None)"; then
  log "the installed torch is a CUDA build; expected the CPU build of $VERSION"
  exit 1
fi
log "torch $VERSION, the CPU build, is installed (from $origin, or already there)"
