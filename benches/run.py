#!/usr/bin/env python3
"""newsgraph benchmark harness (Python standard library; spaCy only in its own venv).

    bash benches/run.sh                 # builds, makes corpora, runs, prints the report
    python3 benches/run.py --sizes 1000,10000,reuters,100000 [--spacy N] [--out DIR]

For each corpus size: a fresh on-disk store, `newsgraph ingest` under /usr/bin/time -v
(wall time, peak RSS, CPU), the ingest summary (articles, facts, quads, per-stage seconds).
On the largest store: query timings and Turtle export. Then spaCy over a sample of the same
articles. Appends one JSON object per measurement to DIR/results.jsonl and prints a Markdown
report (the tables of benches/RESULTS.md). Corpora and stores live in DIR (default
/var/tmp/newsgraph-bench), never in the repository.
"""
import argparse
import json
import os
import pathlib
import platform
import re
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", "/var/cache/newsgraph-target"))
BIN = pathlib.Path(os.environ.get("NEWSGRAPH_BIN", TARGET / "debug" / "newsgraph"))
VENV = pathlib.Path(os.environ.get("NEWSGRAPH_BENCH_VENV", "/var/cache/newsgraph-bench-venv"))


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def timed_run(cmd):
    """Runs cmd under /usr/bin/time -v: (stdout, wall s, peak RSS MB, CPU s)."""
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], text=True, capture_output=True)
    if p.returncode not in (0, 3):
        sys.exit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{p.stderr[-2000:]}")
    t = p.stderr

    def field(name):
        return re.search(re.escape(name) + r": (.*)", t).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    wall_s = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return p.stdout, wall_s, rss, cpu


def corpus(out, size):
    """The JSONL corpus for a size: 'reuters' (all 13,324), N <= 13,324 (first N), or scaled."""
    reuters = out / "reuters.jsonl"
    if not reuters.exists():
        files = sorted(str(f) for f in (SHARED / "reuters21578").glob("*.sgm"))
        with open(reuters, "w") as f:
            subprocess.run([sys.executable, str(SHARED / "reuters2jsonl.py"), *files], stdout=f, check=True)
    if size == "reuters":
        return reuters
    n = int(size)
    path = out / f"articles-{n}.jsonl"
    if not path.exists():
        total = sum(1 for _ in open(reuters))
        with open(path, "w") as f:
            if n <= total:
                with open(reuters) as src:
                    for i, line in zip(range(n), src):
                        f.write(line)
            else:
                subprocess.run([sys.executable, str(ROOT / "benches" / "scale_corpus.py"), str(reuters), str(n)],
                               stdout=f, check=True)
    return path


def parse_summary(text):
    def num(label):
        m = re.search(r"^\s*" + re.escape(label) + r"\s+(\d+)", text, re.M)
        return int(m.group(1)) if m else 0

    stages = {}
    m = re.search(r"stage seconds\s+(.*?)\s+\(", text)
    if m:
        for part in m.group(1).split(", "):
            name, secs = part.rsplit(" ", 1)
            stages[name] = float(secs)
    mb = re.search(r"([\d.]+) MB read", text)
    internal = re.search(r"time\s+([\d.]+) s", text)
    return {
        "articles": num("articles ingested") + num("articles unchanged"),
        "skipped": num("inputs skipped"),
        "facts": num("facts written"),
        "quads": num("quads written"),
        "entities": num("entities written"),
        "text_mb": float(mb.group(1)) if mb else 0.0,
        "ingest_s": float(internal.group(1)) if internal else 0.0,
        "stages": stages,
    }


def bench_ingest(out, size, results):
    path = corpus(out, size)
    store = out / f"store-{size}"
    sh(["rm", "-rf", str(store)])
    load = os.getloadavg()[0]
    stdout, wall, rss, cpu = timed_run([BIN, "--store", store, "ingest", path])
    s = parse_summary(stdout)
    r = {
        "kind": "ingest", "size": str(size), "file_mb": round(path.stat().st_size / 1e6, 2),
        "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_mb": round(rss),
        "load_before": round(load, 2), **s,
    }
    secs = s["ingest_s"] or wall
    r.update({
        "mb_per_s": round(s["text_mb"] / wall, 3),
        "articles_per_s": round(s["articles"] / wall),
        "facts_per_s": round(s["facts"] / wall),
        "triples_per_s": round(s["quads"] / wall),
        "ingest_loop_s": secs,
        "store_mb": round(sum(f.stat().st_size for f in store.iterdir()) / 1e6),
    })
    results.append(r)
    print(json.dumps(r), flush=True)
    return store


def timed_query(label, cmd, results, limit_s):
    started = time.perf_counter()
    try:
        p = subprocess.run(cmd, text=True, capture_output=True, timeout=limit_s)
        secs = time.perf_counter() - started
        rows = max(0, len(p.stdout.strip().splitlines()) - 1)
        r = {"kind": "query", "query": label, "seconds": round(secs, 3), "rows": rows, "rc": p.returncode}
    except subprocess.TimeoutExpired:
        r = {"kind": "query", "query": label, "seconds": None, "timed_out_after_s": limit_s}
    results.append(r)
    print(json.dumps(r), flush=True)


def bench_queries(store, results, limit_s):
    b = [BIN, "--store", store]
    ng = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
    timed_query("explain \"John Poindexter\"", [*b, "explain", "John Poindexter", "--format", "csv"], results, limit_s)
    timed_query("one article's facts (reuters-13609)", [*b, "query", "--format", "csv", "--sparql",
                ng + "SELECT ?fact ?what WHERE { ?a dcterms:identifier \"reuters-13609\" . ?fact ng:article ?a . "
                "OPTIONAL { ?fact ng:relation ?what } }"], results, limit_s)
    timed_query("one organisation's role changes (Volkswagen)", [*b, "query", "--format", "csv", "--sparql",
                ng + "SELECT ?fact ?change ?person ?role WHERE { ?org rdfs:label \"Volkswagen\" . "
                "?fact ng:organization ?org ; ng:changeKind ?change . OPTIONAL { ?fact ng:object/rdfs:label ?person } "
                "OPTIONAL { ?fact ng:role ?role } }"], results, limit_s)
    timed_query("all role changes (role_changes)", [*b, "query", "role_changes", "--format", "csv"], results, limit_s)
    timed_query("timeline", [*b, "query", "timeline", "--format", "csv"], results, limit_s)
    timed_query("all relations (relations)", [*b, "query", "relations", "--format", "csv"], results, limit_s)
    started = time.perf_counter()
    p = subprocess.run([*b, "export", "--format", "turtle", "-o", str(store) + ".ttl"], text=True, capture_output=True)
    secs = time.perf_counter() - started
    m = re.search(r"wrote (\d+) statements", p.stderr)
    n = int(m.group(1)) if m else 0
    r = {"kind": "export", "format": "turtle", "seconds": round(secs, 2), "triples": n,
         "triples_per_s": round(n / secs) if secs else 0, "rc": p.returncode}
    results.append(r)
    print(json.dumps(r), flush=True)


def bench_startup(out, results):
    one = out / "one.txt"
    one.write_text("Helena Duarte was appointed finance minister on Monday.\n")
    runs = []
    for i in range(5):
        store = out / "store-startup"
        sh(["rm", "-rf", str(store)])
        started = time.perf_counter()
        sh([BIN, "--store", store, "ingest", "-q", one])
        runs.append(time.perf_counter() - started)
    started = time.perf_counter()
    for i in range(5):
        sh([BIN, "--version"])
    bare = (time.perf_counter() - started) / 5
    r = {"kind": "startup", "ingest_one_article_s_min": round(min(runs), 3), "process_only_s": round(bare, 3)}
    results.append(r)
    print(json.dumps(r), flush=True)


def bench_spacy(out, n, results, n_process):
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"no spaCy venv at {VENV} (benches/run.sh makes it)", file=sys.stderr)
        return
    path = corpus(out, "reuters")
    p = sh([py, ROOT / "benches" / "spacy_reference.py", path, str(n), str(n_process)])
    r = {"kind": "spacy", **json.loads(p.stdout.strip().splitlines()[-1])}
    results.append(r)
    print(json.dumps(r), flush=True)
    # newsgraph on the very same sample, for the ratio
    sample = out / f"spacy-sample-{n}.jsonl"
    with open(path) as src, open(sample, "w") as f:
        for i, line in zip(range(n), src):
            f.write(line)
    store = out / "store-spacy-sample"
    sh(["rm", "-rf", str(store)])
    stdout, wall, rss, cpu = timed_run([BIN, "--store", store, "ingest", sample])
    s = parse_summary(stdout)
    r2 = {"kind": "newsgraph-same-sample", "articles": s["articles"], "wall_s": round(wall, 2),
          "articles_per_s": round(s["articles"] / wall, 1), "ratio_vs_spacy": round((s["articles"] / wall) / r["articles_per_s"], 1)}
    results.append(r2)
    print(json.dumps(r2), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,reuters,100000")
    ap.add_argument("--spacy", type=int, default=1000, help="spaCy sample size (0: skip)")
    ap.add_argument("--spacy-processes", type=int, default=1)
    ap.add_argument("--query-limit", type=float, default=900)
    ap.add_argument("--out", default="/var/tmp/newsgraph-bench")
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    results = [{"kind": "machine", "date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
                "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
                "mem_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
                "kernel": platform.release(),
                "commit": sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).stdout.strip()}]
    print(json.dumps(results[0]), flush=True)
    bench_startup(out, results)
    last = None
    for size in a.sizes.split(","):
        last = bench_ingest(out, size.strip(), results)
    if last:
        bench_queries(last, results, a.query_limit)
    if a.spacy:
        bench_spacy(out, a.spacy, results, a.spacy_processes)
    with open(out / "results.jsonl", "a") as f:
        for r in results:
            f.write(json.dumps(r) + "\n")
    print(f"\nresults appended to {out / 'results.jsonl'}")


if __name__ == "__main__":
    main()
