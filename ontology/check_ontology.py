#!/usr/bin/env python3
"""Checks the newsgraph ontology, and optionally a graph exported by newsgraph.

Usage:
    python3 check_ontology.py ONTOLOGY.ttl [DATA] [--src DIR] [--queries DIR] [--no-reason]

DATA is an export of the tool (Turtle .ttl, TriG .trig, N-Quads .nq,
N-Triples .nt, RDF/XML .rdf/.owl/.xml, JSON-LD .jsonld); named graphs are merged.

Checks, each failure printed as an "ERROR:" line:
  1. the ontology parses and has an owl:Ontology header with owl:versionInfo;
  2. every ng: term used anywhere in it is declared (owl:Class, owl:ObjectProperty,
     owl:DatatypeProperty or owl:AnnotationProperty) with rdfs:label and rdfs:comment,
     and every ng: object/datatype property has rdfs:domain and rdfs:range;
  3. against the Rust sources (default: ../src next to the ontology directory):
     the PREFIXES of src/mapping.rs are declared with the same namespaces, and
     every term of emitted_terms() (its string list, the entity type names of
     src/model/entity.rs, the relation names and event classes of the relation
     table src/model/relation.rs) plus every ng("...") and external iri(...)
     term the mapping writes is declared; entity classes are under ng:Entity.
     (How each relation is declared, tests/it/ontology.rs checks against the table.)
  4. every ng: term in the SPARQL queries (default: ../queries/*.rq, and the program's
     internal queries in ../queries/internal/*.rq) is declared;
  5. the OWL-RL closure (owlrl.OWLRL_Semantics) of the ontology, with one probe
     individual per ng: class, is consistent (no owlrl error, no owl:Nothing member);
  6. with DATA: every ng: term the data uses is declared and used as what it is
     (classes as rdf:type objects, properties as predicates), literal values
     match the datatype ranges and are well formed, object properties have IRI
     values; and the OWL-RL closure of ontology + data is consistent.

Exits 0 when everything passes, 1 on any failure, 2 when a file cannot be read.
Needs rdflib and owlrl (pip install rdflib owlrl).
"""

import argparse
import glob
import logging
import os
import re
import sys
import warnings

# rdflib logs a traceback for every ill-formed literal; the checker reports them itself.
logging.getLogger("rdflib").setLevel(logging.CRITICAL)
warnings.filterwarnings("ignore", module="rdflib")

try:
    import owlrl
    from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import OWL, RDF, RDFS, XSD
except ImportError as e:  # pragma: no cover
    sys.exit(f"ERROR: {e}; install the dependencies with: pip install rdflib owlrl")

NG = "https://w3id.org/newsgraph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/newsgraph/ontology")
ERRNS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's error messages
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty}
# Range datatype -> literal datatypes accepted for it (besides itself).
DERIVED = {
    XSD.integer: {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.long, XSD.int, XSD.short, XSD.byte,
                  XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte,
                  XSD.negativeInteger, XSD.nonPositiveInteger},
    XSD.decimal: {XSD.integer},
    RDFS.Literal: None,  # anything
}
FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt",
           ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".jsonld": "json-ld", ".json": "json-ld"}


class Report:
    def __init__(self):
        self.errors = 0

    def error(self, message):
        self.errors += 1
        print(f"ERROR: {message}")

    def warn(self, message):
        print(f"warning: {message}")

    def ok(self, message):
        print(f"ok: {message}")


def qname(term):
    s = str(term)
    return "ng:" + s[len(NG):] if s.startswith(NG) else f"<{s}>"


def ng_terms(graph):
    """Every ng: IRI used anywhere in a graph."""
    terms = set()
    for triple in graph:
        for t in triple:
            if isinstance(t, URIRef) and str(t).startswith(NG):
                terms.add(t)
    return terms


def superclasses(graph, cls):
    seen, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        todo.extend(o for o in graph.objects(c, RDFS.subClassOf) if isinstance(o, URIRef))
    return seen


# ---------------------------------------------------------------- ontology


def check_declarations(onto, report):
    header = set(onto.subjects(RDF.type, OWL.Ontology))
    if ONTOLOGY_IRI not in header:
        report.error(f"no owl:Ontology header for <{ONTOLOGY_IRI}>")
    elif onto.value(ONTOLOGY_IRI, OWL.versionInfo) is None:
        report.error("the ontology header has no owl:versionInfo")
    terms = ng_terms(onto)
    bad = 0
    for t in sorted(terms):
        types = set(onto.objects(t, RDF.type)) & DECLARATION_TYPES
        problems = []
        if not types:
            problems.append("no owl:Class/ObjectProperty/DatatypeProperty/AnnotationProperty type")
        if OWL.Class in types and types & (PROPERTY_TYPES | {OWL.AnnotationProperty}):
            problems.append("declared both as a class and as a property")
        if onto.value(t, RDFS.label) is None:
            problems.append("no rdfs:label")
        if onto.value(t, RDFS.comment) is None:
            problems.append("no rdfs:comment")
        if types & PROPERTY_TYPES:
            if onto.value(t, RDFS.domain) is None:
                problems.append("no rdfs:domain")
            if onto.value(t, RDFS.range) is None:
                problems.append("no rdfs:range")
        if problems:
            bad += 1
            report.error(f"{qname(t)}: {', '.join(problems)}")
    if not bad:
        report.ok(f"all {len(terms)} ng: terms of the ontology are declared with type, label and comment")
    return terms


def declared(onto, term):
    return bool(set(onto.objects(term, RDF.type)) & DECLARATION_TYPES)


def rust_block(source, start_pattern):
    """The text of the brace block that follows start_pattern (a regex)."""
    m = re.search(start_pattern, source, re.S)
    if not m:
        return None
    i = source.index("{", m.end() - 1)
    depth = 0
    for j in range(i, len(source)):
        if source[j] == "{":
            depth += 1
        elif source[j] == "}":
            depth -= 1
            if depth == 0:
                return source[i + 1:j]
    return None


def check_sources(onto, onto_text, src, report):
    mapping_path = os.path.join(src, "mapping.rs")
    try:
        mapping = open(mapping_path, encoding="utf-8").read()
        table = open(os.path.join(src, "model", "relation.rs"), encoding="utf-8").read()
        entities = open(os.path.join(src, "model", "entity.rs"), encoding="utf-8").read()
    except OSError as e:
        report.error(f"cannot read the Rust sources in {src}: {e} (use --src, or --src '' to skip)")
        return
    consts = dict(re.findall(r'pub const (\w+): &str = "([^"]*)";', mapping))
    if consts.get("NG") != NG:
        report.error(f"mapping.rs NG is {consts.get('NG')!r}, the checker expects {NG!r}")

    # PREFIXES: each (prefix, namespace) must be declared identically in the Turtle file.
    block = re.search(r"pub const PREFIXES[^=]*=\s*\[(.*?)\];", mapping, re.S)
    if not block:
        report.error("PREFIXES not found in mapping.rs")
    else:
        declared_prefixes = dict(re.findall(r"(?im)^\s*@?prefix\s+([\w-]*):\s*<([^>]*)>", onto_text))
        entries = re.findall(r'\(\s*"(\w*)"\s*,\s*(?:"([^"]*)"|(\w+))\s*\)', block.group(1))
        before = report.errors
        for prefix, literal, const in entries:
            namespace = literal or consts.get(const)
            if namespace is None:
                report.error(f"PREFIXES entry {prefix!r} uses unknown constant {const}")
            elif declared_prefixes.get(prefix) != namespace:
                report.error(f"prefix {prefix}: <{namespace}> of PREFIXES is not declared in the ontology "
                             f"(found {declared_prefixes.get(prefix)!r})")
        if report.errors == before:
            report.ok(f"the {len(entries)} PREFIXES of mapping.rs are declared in the ontology")

    # emitted_terms(): the string list, the entity types, the relations and their classes.
    body = rust_block(mapping, r"pub fn emitted_terms\(\)")
    if body is None:
        report.error("emitted_terms() not found in mapping.rs")
        return
    listed = re.findall(r'"(\w+)"', body.split("]")[0])
    name_fn = rust_block(entities, r"impl EntityType\s*\{.*?pub fn name\(self\)")
    entity_names = re.findall(r'EntityType::\w+\s*=>\s*"(\w+)"', name_fn or "")
    entity_variants = re.findall(r"^\s*(\w+),", rust_block(entities, r"pub enum EntityType\s*\{") or "", re.M)
    # The table's rows: `Variant { name: "...", event_class: "...", ... }`.
    rows = re.findall(r'^\s*\w+ \{\s*name: "(\w+)",\s*event_class: "(\w+)",', table, re.M)
    relation_names = [name for name, _ in rows]
    relation_classes = [cls for _, cls in rows]
    if not listed or not entity_names or not rows:
        report.error("could not extract the term lists from mapping.rs / model/entity.rs / model/relation.rs")
        return
    if set(entity_variants) != set(entity_names) or len(entity_names) != len(entity_variants):
        report.error(f"EntityType variants {entity_variants} and name() strings {entity_names} differ")
    written = set(re.findall(r'\bng\("(\w+)"\)', mapping))
    emitted = set(listed) | set(entity_names) | set(relation_names) | set(relation_classes)
    missing = sorted(t for t in emitted | written if not declared(onto, URIRef(NG + t)))
    for t in missing:
        report.error(f"ng:{t} is emitted by mapping.rs but not declared in the ontology")
    for t in sorted(written - emitted):
        report.error(f"ng:{t} is written by mapping.rs but missing from emitted_terms()")
    if not missing:
        report.ok(f"all {len(emitted | written)} ng: terms of emitted_terms() and mapping.rs are declared")
    for t in sorted(ng_terms(onto)):
        if declared(onto, t) and str(t)[len(NG):] not in emitted | written:
            report.warn(f"{qname(t)} is declared but mapping.rs never emits it")

    # External terms the mapping writes.
    external = {URIRef(consts[ns] + local) for ns, local in re.findall(r'\biri\((\w+),\s*"(\w+)"\)', mapping) if ns in consts}
    if "rdfs::LABEL" in mapping:
        external.add(RDFS.label)
    undeclared = sorted(t for t in external if not declared(onto, t))
    for t in undeclared:
        report.error(f"<{t}> is written by mapping.rs but not declared in the ontology")
    if not undeclared:
        report.ok(f"all {len(external)} external properties written by mapping.rs are declared")

    # Class hierarchy matches the code.
    entity = URIRef(NG + "Entity")
    for name in entity_names:
        if entity not in superclasses(onto, URIRef(NG + name)):
            report.error(f"entity class ng:{name} is not a subclass of ng:Entity")


def check_queries(onto, queries, report):
    files = sorted(glob.glob(os.path.join(queries, "**", "*.rq"), recursive=True))
    if not files:
        report.warn(f"no queries found in {queries}")
        return
    used = set()
    for f in files:
        text = re.sub(r"(?m)#.*$", "", open(f, encoding="utf-8").read())
        used |= {(m, os.path.relpath(f, queries)) for m in re.findall(r"\bng:(\w+)", text)}
    bad = sorted({(t, f) for t, f in used if not declared(onto, URIRef(NG + t))})
    for t, f in bad:
        report.error(f"ng:{t} used in {f} is not declared in the ontology")
    if not bad:
        report.ok(f"all ng: terms of {len(files)} queries are declared")


# ---------------------------------------------------------------- reasoning


def closure_problems(graph):
    """Runs the OWL-RL closure in place; returns owlrl's error messages and owl:Nothing members."""
    try:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    except Exception as e:  # noqa: BLE001 - owlrl raises on some ill-formed literals
        return [f"the reasoner failed ({type(e).__name__}: {e}); fix the errors above first"]
    problems = [str(m) for node in graph.subjects(RDF.type, ERRNS.ErrorMessage) for m in graph.objects(node, ERRNS.error)]
    problems += [f"{qname(s)} is a member of owl:Nothing" for s in graph.subjects(RDF.type, OWL.Nothing)]
    return sorted(set(problems))


def check_ontology_consistency(onto, report):
    graph = Graph()
    for t in onto:
        graph.add(t)
    classes = [c for c in onto.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(NG)]
    for c in classes:  # one probe individual per class: a class disjoint with its own superclass shows up
        graph.add((URIRef(f"urn:newsgraph-check:probe:{str(c)[len(NG):]}"), RDF.type, c))
    problems = closure_problems(graph)
    for p in problems:
        report.error(f"OWL-RL closure of the ontology: {p}")
    if not problems:
        report.ok(f"OWL-RL closure of the ontology with {len(classes)} class probes is consistent "
                  f"({len(graph)} triples)")


# ---------------------------------------------------------------- data


def load_data(path):
    fmt = FORMATS.get(os.path.splitext(path)[1].lower(), "turtle")
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def check_data(onto, data, report):
    types = {t: set(onto.objects(t, RDF.type)) for t in ng_terms(onto)}
    used = ng_terms(data)
    undeclared = sorted(t for t in used if not types.get(t, set()) & DECLARATION_TYPES)
    for t in undeclared:
        report.error(f"data uses {qname(t)}, which the ontology does not declare")
    if not undeclared:
        report.ok(f"all {len(used)} ng: terms used in the data are declared")

    misused, literal_errors = set(), []
    for s, p, o in data:
        if p == RDF.type and str(o).startswith(NG) and OWL.Class not in types.get(o, set()):
            misused.add(f"{qname(o)} used as a class (rdf:type) but not declared an owl:Class")
        if str(p).startswith(NG):
            ptypes = types.get(p, set())
            if not ptypes & (PROPERTY_TYPES | {OWL.AnnotationProperty}):
                misused.add(f"{qname(p)} used as a predicate but not declared a property")
            elif OWL.ObjectProperty in ptypes and isinstance(o, Literal):
                misused.add(f"object property {qname(p)} has a literal value")
            elif OWL.DatatypeProperty in ptypes:
                if not isinstance(o, Literal):
                    misused.add(f"datatype property {qname(p)} has a non-literal value")
                    continue
                expected = onto.value(p, RDFS.range)
                actual = o.datatype or (RDF.langString if o.language else XSD.string)
                accepted = DERIVED.get(expected, set())
                if expected is not None and actual != expected and accepted is not None and actual not in accepted:
                    literal_errors.append(f"{s} {qname(p)} {o.n3()}: expected a {qname(expected) if str(expected).startswith(NG) else expected.n3()} literal")
        if isinstance(o, Literal) and getattr(o, "ill_typed", False):
            literal_errors.append(f"ill-formed literal {o.n3()} ({s} {p})")
    for m in sorted(misused):
        report.error(m)
    for m in literal_errors[:20]:
        report.error(m)
    if len(literal_errors) > 20:
        report.error(f"... and {len(literal_errors) - 20} more literal errors")
    if not misused and not literal_errors:
        report.ok("classes, properties and literal datatypes are used as the ontology declares them")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ontology", help="the ontology (Turtle)")
    parser.add_argument("data", nargs="?", help="a graph exported by newsgraph (Turtle, TriG, N-Quads, ...)")
    parser.add_argument("--src", default=os.path.join(here, "..", "src"),
                        help="the Rust sources (mapping.rs, model/entity.rs, model/relation.rs); '' to skip (default: %(default)s)")
    parser.add_argument("--queries", default=os.path.join(here, "..", "queries"),
                        help="directory of *.rq queries, read with its subfolders; '' to skip (default: %(default)s)")
    parser.add_argument("--no-reason", action="store_true", help="skip the OWL-RL closures")
    args = parser.parse_args()

    report = Report()
    try:
        onto_text = open(args.ontology, encoding="utf-8").read()
        onto = Graph().parse(data=onto_text, format="turtle", publicID=args.ontology)
    except Exception as e:  # noqa: BLE001 - any parse error is fatal
        print(f"ERROR: cannot parse the ontology {args.ontology}: {e}")
        return 2
    report.ok(f"{args.ontology} parses ({len(onto)} triples)")
    check_declarations(onto, report)
    if args.src:
        check_sources(onto, onto_text, args.src, report)
    if args.queries:
        check_queries(onto, args.queries, report)
    if not args.no_reason:
        check_ontology_consistency(onto, report)

    if args.data:
        try:
            data = load_data(args.data)
        except Exception as e:  # noqa: BLE001
            print(f"ERROR: cannot parse the data {args.data}: {e}")
            return 2
        report.ok(f"{args.data} parses ({len(data)} distinct triples)")
        check_data(onto, data, report)
        if not args.no_reason:
            graph = Graph()
            for t in onto:
                graph.add(t)
            for t in data:
                graph.add(t)
            problems = closure_problems(graph)
            for p in problems[:50]:
                report.error(f"OWL-RL closure of ontology + data: {p}")
            if len(problems) > 50:
                report.error(f"... and {len(problems) - 50} more inconsistencies")
            if not problems:
                report.ok(f"OWL-RL closure of ontology + data is consistent ({len(graph)} triples)")

    if report.errors:
        print(f"FAILED: {report.errors} error(s)")
        return 1
    print("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
