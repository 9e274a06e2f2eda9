#!/usr/bin/env python3
"""Write the 20 held-out Reuters-21578 articles listed in ids.txt as one JSON Lines file.

Usage (from the repository root):
    python3 eval/reuters/make_subset.py --out /tmp/reuters20.jsonl [--corpus ../shared/corpus] [--txt-dir DIR]

Each output line: {"id", "date" (YYYY-MM-DD), "title", "text"}, in ids.txt order.
--txt-dir DIR also writes DIR/ID.txt (body text only), the layout check_gold.py expects.
The article texts are never stored in this repository: they are read from the shared corpus
(reut2-*.sgm) through the shared converter reuters2jsonl.py.
Python 3 standard library only.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def read_ids(path):
    ids = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append(line)
    return ids


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"),
                    help="shared corpus folder holding reuters2jsonl.py and reuters21578/ (default: ../shared/corpus)")
    ap.add_argument("--out", help="output JSON Lines file (default: stdout)")
    ap.add_argument("--txt-dir", help="also write one ID.txt per article (text only) into this folder")
    ap.add_argument("--ids", default=os.path.join(HERE, "ids.txt"))
    a = ap.parse_args()

    conv = os.path.join(a.corpus, "reuters2jsonl.py")
    sgm = sorted(glob.glob(os.path.join(a.corpus, "reuters21578", "reut2-*.sgm")))
    if not os.path.exists(conv) or not sgm:
        sys.exit("corpus not found: need %s and %s" % (conv, os.path.join(a.corpus, "reuters21578", "reut2-*.sgm")))
    ids = read_ids(a.ids)
    wanted = set(ids)
    proc = subprocess.run([sys.executable, conv] + sgm, check=True, stdout=subprocess.PIPE)
    found = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in wanted:
            found[rec["id"]] = rec
    missing = [i for i in ids if i not in found]
    if missing:
        sys.exit("ids not found in corpus: %s" % ", ".join(missing))

    out = open(a.out, "w", encoding="utf-8") if a.out else sys.stdout
    for i in ids:
        r = found[i]
        out.write(json.dumps({"id": i, "date": r["date"][:10], "title": r["title"], "text": r["text"]},
                             ensure_ascii=False) + "\n")
    if a.out:
        out.close()
    if a.txt_dir:
        os.makedirs(a.txt_dir, exist_ok=True)
        for i in ids:
            with open(os.path.join(a.txt_dir, i + ".txt"), "w", encoding="utf-8") as f:
                f.write(found[i]["text"])
    print("wrote %d articles" % len(ids), file=sys.stderr)


if __name__ == "__main__":
    main()
