#!/usr/bin/env bash
# Robustness run (issue 6): builds a folder of hostile inputs (bad encodings, binary files,
# HTML, non-English text, a 100 MB article, a 5 MB line, 10,000 capitalised words, 50,000
# "Mr.", nested brackets, malformed JSON Lines, a symlink loop, a FIFO, 1,000 nested folders
# and FILES tiny files, 100,000 by default) and ingests it, then the Reuters-21578 corpus.
# Usage: scripts/hostile_inputs.sh [FILES]     (needs $NEWSGRAPH_BIN or a built binary)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-100000}
bin=${NEWSGRAPH_BIN:-${CARGO_TARGET_DIR:-/var/cache/newsgraph-target}/debug/newsgraph}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
in="$work/hostile"
mkdir -p "$in/tiny" "$in/loop"
python3 - "$in" "$files" <<'PY'
import json, os, sys
d, n = sys.argv[1], int(sys.argv[2])
s = lambda i: f"Prime Minister Ana Lima dismissed Finance Minister Paulo Reis{i} on Friday, officials said.\n"
w = lambda name, data: open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode())
w("invalid-utf8.txt", b"Caf\xe9 owner \xff said on Friday that the port would reopen, officials said.\n")
w("utf16.txt", "\ufeff".encode("utf-16-le") + s(1).encode("utf-16-le"))
w("utf8-bom.txt", b"\xef\xbb\xbf" + s(2).encode())
w("crlf.txt", s(3).replace("\n", "\r\n")); w("cr.txt", s(4).replace("\n", "\r"))
w("nul.txt", s(5) * 3 + "\0")
w("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)); w("archive.txt", b"\x1f\x8b\x08" + bytes(64))
w("program.txt", b"\x7fELF\x02\x01\x01" + bytes(64))
w("empty.txt", ""); w("blank.txt", " \n\t \r\n")
w("page.txt", f"<!DOCTYPE html><html><head><title>T</title><script>x()</script></head><body><p>{s(6)}</p></body></html>")
w("french.txt", "Le Premier ministre a limogé le ministre des Finances vendredi, selon des responsables. Il a déclaré que la décision était nécessaire pour rétablir la confiance dans les institutions et que le gouvernement allait présenter un nouveau budget.")
w("caps.txt", "The minister said that " + " ".join(f"Xan{i % 997}" for i in range(10000)) + " was it.\n")
w("mr.txt", "The minister said that " + "Mr. " * 50000 + "was it.\n")
w("nested.txt", "He said " + "(\"[{'" * 5000 + "word" + "'}]\")" * 5000 + " today.\n")
w("longline.txt", "the minister said troops moved toward the city " * 110000)
with open(os.path.join(d, "huge.txt"), "w") as f:
    for _ in range(100): f.write((s(7) * 12000)[:1000000])
w("feed.jsonl", json.dumps({"id": "j1", "text": s(8), "date": "sometime"}) + "\n{broken\n" + json.dumps({"id": "j2", "text": s(9)}) + "\n")
p = os.path.join(d, "deep")
os.mkdir(p)
for _ in range(1000):
    p = os.path.join(p, "d"); os.mkdir(p)
w(os.path.relpath(os.path.join(p, "bottom.txt"), d), s(10))
for i in range(n): w(f"tiny/{i:06}.txt", s(100 + i))
PY
ln -s .. "$in/loop/up"
ln -s "$in/nowhere.txt" "$in/gone.txt"
mkfifo "$in/pipe.txt"
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%e s, %M KB max resident"); fi
echo "== hostile folder: $files tiny files and the hostile inputs"
set +e
"${timer[@]}" "$bin" --store "$work/store" ingest "$in"
code=$?
set -e
echo "exit code $code (3 expected: some inputs skipped)"
[ "$code" = 3 ] || exit 1
reuters=../shared/corpus/reuters21578
if [ -d "$reuters" ]; then
  echo "== Reuters-21578"
  python3 ../shared/corpus/reuters2jsonl.py "$reuters"/*.sgm > "$work/reuters.jsonl"
  set +e
  "${timer[@]}" "$bin" --store "$work/reuters-store" ingest "$work/reuters.jsonl"
  code=$?
  set -e
  echo "exit code $code"
  [ "$code" = 0 ] || [ "$code" = 3 ] || exit 1
fi
