#!/usr/bin/env bash
# The main job on the bundled example articles: builds newsgraph, ingests
# examples/articles into out/store, writes out/graph.ttl, prints the ingest
# summary and the role changes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo build --quiet
"$NEWSGRAPH_BIN" ingest examples/articles
"$NEWSGRAPH_BIN" export --format turtle -o out/graph.ttl
echo
"$NEWSGRAPH_BIN" query role_changes
