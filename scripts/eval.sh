#!/usr/bin/env bash
# Scores newsgraph against gold facts with ../shared/eval/score.py:
#   1. the five development articles (../shared/corpus/kazakhstan-2022)
#   2. the team's held-out Reuters set (eval/reuters: 20 articles, our own gold)
# Usage: scripts/eval.sh [--errors]     (extra flags go to score.py)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
shared=../shared
[ -d "$shared/eval" ] || { echo "eval: $shared/eval not found" >&2; exit 1; }
[ -x "$NEWSGRAPH_BIN" ] || cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

score() { # name gold input
  local name=$1 gold=$2 input=$3
  "$NEWSGRAPH_BIN" --store "$work/$name/store" ingest --quiet "$input"
  mkdir -p "$work/$name/csv"
  for q in entities relations role_changes counts; do
    "$NEWSGRAPH_BIN" --store "$work/$name/store" query "$q" --format csv > "$work/$name/csv/$q.csv"
  done
  echo "== $name =="
  python3 "$shared/eval/score.py" "$gold" "$work/$name/csv" "${@:4}"
}

score kazakhstan-2022 "$shared/eval/kazakhstan-2022.gold.jsonl" "$shared/corpus/kazakhstan-2022" "$@"
python3 eval/reuters/make_subset.py --corpus "$shared/corpus" --out "$work/reuters20.jsonl"
score reuters-20 eval/reuters/reuters.gold.jsonl "$work/reuters20.jsonl" "$@"
