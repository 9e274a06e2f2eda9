#!/usr/bin/env python3
"""Deterministic scale corpus for the newsgraph benchmark (Python standard library only).

    python3 benches/scale_corpus.py REUTERS.jsonl N > scaled.jsonl

Writes N articles as JSON Lines, cycling through the Reuters records of REUTERS.jsonl
(made by ../shared/corpus/reuters2jsonl.py). Copy k of a record (k = 0 is the record as it
is) gets the id `{id}-v{k}`, its date moved k days on, and its names varied: every
capitalised word of four letters or more that does not start a sentence (months and
weekdays excepted) gets a suffix
chosen by (k, word), so "Comissaria Smith" becomes e.g. "Comissariano Smithel". The store
therefore sees new articles, new entities and new dates, as a real stream would, and
dedupes nothing. Same input and N: byte-identical output.
"""
import datetime
import hashlib
import json
import re
import sys

SUFFIXES = ["", "an", "el", "ov", "ino", "sen", "ia", "er", "ic", "ado", "ard", "eau", "ski", "ton", "ez", "us"]
NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{3,})\b")
# Words that carry dates or grammar, not names: left alone so dates still resolve.
KEEP = set(
    "January February March April June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Sept Reuter Reuters".split()
)


def vary_name(word: str, k: int) -> str:
    h = hashlib.blake2b(f"{k}:{word}".encode(), digest_size=2).digest()
    return word + SUFFIXES[(h[0] + k) % len(SUFFIXES)]


def shift_date(value, k):
    if not value or k == 0:
        return value
    try:
        d = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    return (d + datetime.timedelta(days=k)).isoformat()


def main():
    source, n = sys.argv[1], int(sys.argv[2])
    records = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
    out = sys.stdout
    for i in range(n):
        r = records[i % len(records)]
        k = i // len(records)
        if k == 0:
            a = dict(r)
        else:
            cache = {}

            def sub(m):
                w = m.group(1)
                if w in KEEP:
                    return w
                if w not in cache:
                    cache[w] = vary_name(w, k)
                return cache[w]

            a = dict(r)
            a["id"] = f"{r['id']}-v{k}"
            a["date"] = shift_date(r.get("date"), k)
            a["text"] = NAME.sub(sub, r["text"])
            if r.get("title"):
                a["title"] = r["title"]
        out.write(json.dumps(a, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
