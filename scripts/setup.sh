#!/usr/bin/env bash
# Shared set-up for a fresh machine, sourced by examples/run.sh and .ci/run.
# Installs what the build needs and points cargo at a target folder outside
# the clone, so RocksDB's C++ (many minutes on two cores) is compiled once
# per machine rather than once per clone.
set -euo pipefail

need_apt=()
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
[ -e /usr/lib/llvm-14/lib/libclang.so ] || ls /usr/lib/llvm-*/lib/libclang*.so >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/newsgraph-target}"
mkdir -p "$CARGO_TARGET_DIR"
export NEWSGRAPH_BIN="$CARGO_TARGET_DIR/debug/newsgraph"
