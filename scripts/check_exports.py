#!/usr/bin/env python3
"""Checks newsgraph's exports with the real tools, as CI does.

    check_exports.py DIR --stats STATS.txt --relations RELATIONS.json \
        --shapes ontology/shapes.ttl --ontology ontology/newsgraph.ttl \
        [--examples ontology/examples.ttl]

DIR holds the exports of one store, as .ci/run writes them:
graph.ttl graph.nt graph.nq graph.trig graph.rdf graph.jsonld (RDF),
graph.graphml graph.gexf graph.csv graph.cypher (graph tools) and
neo4j/nodes.csv neo4j/relationships.csv. STATS.txt is `newsgraph stats`;
RELATIONS.json is `newsgraph relations --format json` (the relation table).

Checks:
1. rdflib parses every RDF export; the number of distinct triples equals
   `newsgraph stats` (and the quads of N-Quads/TriG equal its quads).
2. pyshacl validates the Turtle export against the shapes, with the ontology
   as the class hierarchy: it must conform (and so must the examples).
3. networkx reads the GraphML and the GEXF; node and edge counts equal the
   entities and direct edges counted with SPARQL on the Turtle export, and
   the flat CSV and Cypher script agree.
4. The Neo4j CSVs follow Neo4j's documented import header format
   (neo4j-admin database import): see check_neo4j.

Prints one line per check and exits 1 on the first failure.
"""

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import networkx as nx
import pyshacl
import rdflib

NG = "https://w3id.org/newsgraph/ontology#"
ENTITY_TYPES = ["Person", "Organization", "Country", "Place", "MilitaryForce", "Group"]
RDF_EXPORTS = [
    ("graph.ttl", "turtle"),
    ("graph.nt", "nt"),
    ("graph.nq", "nquads"),
    ("graph.trig", "trig"),
    ("graph.rdf", "xml"),
    ("graph.jsonld", "json-ld"),
]


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def ok(message):
    print(f"ok: {message}")


def read_stats(path):
    stats = {}
    for line in Path(path).read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("articles", "quads", "triples"):
            stats[parts[0]] = int(parts[1])
    for key in ("articles", "quads", "triples"):
        if key not in stats:
            fail(f"{path}: no '{key}' line in newsgraph stats")
    return stats


def check_rdf(folder, stats):
    turtle = None
    for name, fmt in RDF_EXPORTS:
        path = folder / name
        if fmt in ("nquads", "trig", "json-ld"):  # datasets: one named graph per article
            dataset = rdflib.Dataset()
            dataset.parse(path, format=fmt)
            quads = sum(len(g) for g in dataset.graphs() if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
            triples = len({(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))})
            if quads != stats["quads"]:
                fail(f"rdflib: {name} has {quads} quads, newsgraph stats says {stats['quads']}")
            graphs = sum(1 for g in dataset.graphs() if len(g) and g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
            if graphs != stats["articles"]:
                fail(f"rdflib: {name} has {graphs} named graphs, newsgraph stats says {stats['articles']} articles")
        else:
            graph = rdflib.Graph()
            graph.parse(path, format=fmt)
            triples = len(graph)
            if fmt == "turtle":
                turtle = graph
        if triples != stats["triples"]:
            fail(f"rdflib: {name} has {triples} triples, newsgraph stats says {stats['triples']}")
        ok(f"rdflib parses {name} ({fmt}): {triples} triples, as newsgraph stats")
    return turtle


def check_shacl(data, shapes_path, ontology_path, what):
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    ontology = rdflib.Graph().parse(ontology_path, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    if not conforms:
        print(text)
        fail(f"pyshacl: {what} does not conform to {shapes_path}")
    ok(f"pyshacl: {what} conforms to {shapes_path}")


def read_relations(path):
    """The relation names of the relation table."""
    relations = [row["relation"] for row in json.loads(Path(path).read_text())]
    if not relations:
        fail(f"{path}: no relations")
    return relations


def expected_counts(turtle, relations):
    """Entities and direct edges, counted with SPARQL on the Turtle export."""
    types = " ".join(f"ng:{t}" for t in ENTITY_TYPES)
    entities = turtle.query(
        f"PREFIX ng: <{NG}> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?t {{ {types} }} ?e a ?t }}"
    )
    edges = turtle.query(
        f"PREFIX ng: <{NG}> SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o {{ VALUES ?p {{ {' '.join(f'ng:{r}' for r in relations)} }} ?s ?p ?o }} }}"
    )
    return int(next(iter(entities))[0]), int(next(iter(edges))[0])


def check_graph_files(folder, nodes, edges, relations):
    for name, reader in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        g = reader(folder / name)
        if not g.is_directed():
            fail(f"networkx: {name} is not directed")
        if (g.number_of_nodes(), g.number_of_edges()) != (nodes, edges):
            fail(f"networkx: {name} has {g.number_of_nodes()} nodes and {g.number_of_edges()} edges, expected {nodes} and {edges}")
        for node, data in g.nodes(data=True):
            if data.get("type") not in ENTITY_TYPES or not data.get("label"):
                fail(f"networkx: {name}: node {node} lacks a label or an entity type: {data}")
        for s, t, data in g.edges(data=True):
            if data.get("relation") not in relations or int(data.get("articles", 0)) < 1:
                fail(f"networkx: {name}: edge {s} -> {t} lacks relation or articles: {data}")
        ok(f"networkx reads {name}: {nodes} nodes, {edges} edges")
    gexf = (folder / "graph.gexf").read_text()
    if 'mode="dynamic"' not in gexf or 'timeformat="date"' not in gexf:
        fail("graph.gexf is not a dynamic graph with timeformat=date")
    with open(folder / "graph.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != edges or any(r["relation"] not in relations for r in rows):
        fail(f"graph.csv has {len(rows)} edges, expected {edges}")
    ok(f"graph.csv: {edges} edges")
    cypher = (folder / "graph.cypher").read_text(encoding="utf-8").splitlines()
    merges = sum(1 for line in cypher if line.startswith("MERGE (n:Entity"))
    rels = sum(1 for line in cypher if line.startswith("MATCH (a:Entity"))
    if (merges, rels) != (nodes, edges) or not all(l.endswith(";") for l in cypher if not l.startswith("//")):
        fail(f"graph.cypher has {merges} node and {rels} relationship statements, expected {nodes} and {edges}")
    ok(f"graph.cypher: {merges} node and {rels} relationship statements")


# Neo4j's import header format (neo4j-admin database import, "CSV header format"):
# each field is `name`, `name:type`, or a special `[name]:ID[(group)]`,
# `:LABEL`, `:START_ID[(group)]`, `:END_ID[(group)]`, `:TYPE`, `:IGNORE`.
NEO4J_TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
    "date", "localtime", "time", "localdatetime", "datetime", "duration",
}
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<kind>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<group>[^)]*)\))?)?$")


def parse_header(fields, where):
    parsed = []
    for field in fields:
        m = FIELD.match(field)
        if not m:
            fail(f"{where}: header field {field!r} does not follow name:type")
        name, kind = m["name"], m["kind"]
        if kind is None:
            kind = "string"
        elif kind.upper() in ("ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"):
            if m["array"] or (m["group"] is not None and kind.upper() not in ("ID", "START_ID", "END_ID")):
                fail(f"{where}: header field {field!r} is malformed")
            kind = kind.upper()
        elif kind.lower() in NEO4J_TYPES and m["group"] is None:
            kind = kind.lower() + ("[]" if m["array"] else "")
        else:
            fail(f"{where}: header field {field!r} has an unknown type {kind!r}")
        if kind not in ("LABEL", "START_ID", "END_ID", "TYPE", "IGNORE", "ID") and not name:
            fail(f"{where}: property field {field!r} has no name")
        parsed.append((name, kind))
    names = [n for n, k in parsed if n and k not in ("IGNORE",)]
    if len(names) != len(set(names)):
        fail(f"{where}: duplicate property names in header {fields}")
    return parsed


def check_value(value, kind, where):
    base = kind.rstrip("[]")
    values = value.split(";") if kind.endswith("[]") else [value]
    for v in values:
        if v == "":
            continue  # empty non-string values are not stored
        try:
            if base in ("int", "long", "short", "byte"):
                int(v)
            elif base in ("float", "double"):
                float(v)
            elif base == "boolean" and v.lower() not in ("true", "false"):
                raise ValueError(v)
            elif base == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                raise ValueError(v)
        except ValueError:
            fail(f"{where}: {v!r} is not a {base}")


def read_neo4j_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        fail(f"{path}: empty")
    for n, row in enumerate(rows, 1):
        if any("\n" in cell or "\r" in cell for cell in row):
            fail(f"{path}:{n}: a field spans lines (neo4j-admin would need --multiline-fields=true)")
    return rows[0], rows[1:]


def check_neo4j(folder, nodes_expected, edges_expected):
    ids = set()
    header, rows = read_neo4j_csv(folder / "neo4j" / "nodes.csv")
    where = "neo4j/nodes.csv"
    fields = parse_header(header, where)
    kinds = [k for _, k in fields]
    if kinds.count("ID") != 1:
        fail(f"{where}: needs exactly one :ID column, header {header}")
    if "LABEL" not in kinds:
        fail(f"{where}: no :LABEL column")
    for n, row in enumerate(rows, 2):
        if len(row) != len(fields):
            fail(f"{where}:{n}: {len(row)} fields, header has {len(fields)}")
        for (name, kind), value in zip(fields, row):
            if kind == "ID":
                if not value or value in ids:
                    fail(f"{where}:{n}: id {value!r} is empty or repeated")
                ids.add(value)
            elif kind == "LABEL":
                labels = value.split(";")
                if not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", l) for l in labels):
                    fail(f"{where}:{n}: labels {value!r} are not plain identifiers")
                if not any(l in ENTITY_TYPES for l in labels):
                    fail(f"{where}:{n}: labels {value!r} name no entity type")
            elif kind not in ("IGNORE",):
                check_value(value, kind, f"{where}:{n}")
    if len(rows) != nodes_expected:
        fail(f"{where}: {len(rows)} nodes, expected {nodes_expected}")

    header, rows = read_neo4j_csv(folder / "neo4j" / "relationships.csv")
    where = "neo4j/relationships.csv"
    fields = parse_header(header, where)
    kinds = [k for _, k in fields]
    for special in ("START_ID", "END_ID", "TYPE"):
        if kinds.count(special) != 1:
            fail(f"{where}: needs exactly one :{special} column, header {header}")
    for n, row in enumerate(rows, 2):
        if len(row) != len(fields):
            fail(f"{where}:{n}: {len(row)} fields, header has {len(fields)}")
        for (name, kind), value in zip(fields, row):
            if kind in ("START_ID", "END_ID"):
                if value not in ids:
                    fail(f"{where}:{n}: {kind} {value!r} is no node id of nodes.csv")
            elif kind == "TYPE":
                if not re.fullmatch(r"[A-Z][A-Z0-9_]*", value):
                    fail(f"{where}:{n}: relationship type {value!r} is not UPPER_SNAKE_CASE")
            elif kind not in ("IGNORE",):
                check_value(value, kind, f"{where}:{n}")
    if len(rows) != edges_expected:
        fail(f"{where}: {len(rows)} relationships, expected {edges_expected}")
    ok(f"Neo4j import CSVs: headers valid, {nodes_expected} nodes, {edges_expected} relationships, every end point known")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--stats", required=True)
    parser.add_argument("--relations", required=True)
    parser.add_argument("--shapes", required=True)
    parser.add_argument("--ontology", required=True)
    parser.add_argument("--examples")
    args = parser.parse_args()
    stats = read_stats(args.stats)
    relations = read_relations(args.relations)
    turtle = check_rdf(args.folder, stats)
    check_shacl(turtle, args.shapes, args.ontology, "graph.ttl")
    if args.examples:
        check_shacl(rdflib.Graph().parse(args.examples, format="turtle"), args.shapes, args.ontology, args.examples)
    nodes, edges = expected_counts(turtle, relations)
    check_graph_files(args.folder, nodes, edges, relations)
    check_neo4j(args.folder, nodes, edges)
    print("PASSED")


if __name__ == "__main__":
    main()
