//! The graph-tool exports, the export filters, `validate` and
//! `ontology-docs`, run through the binary on the example articles.

use crate::common::{csv_rows, newsgraph, ok, root};
use newsgraph::model::Relation;
use newsgraph::shacl::{parse_shapes, validate, ClassHierarchy, ONTOLOGY, SHAPES};
use newsgraph::store::GraphStore;
use quick_xml::events::Event;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A store with the example articles and one written here whose sentence
/// holds quotes, an apostrophe and a backslash.
fn example_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    ok(
        &store,
        &[
            "ingest",
            &root().join("examples/articles").display().to_string(),
        ],
    );
    let tricky = dir.join("tricky-quotes.txt");
    std::fs::write(&tricky, "Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday after a \"bold\" audit of O'Hara & Sons <AT> C:\\ledger, officials said.\n").unwrap();
    ok(
        &store,
        &["ingest", "--date", "2021-05-10", tricky.to_str().unwrap()],
    );
    store
}

/// The date of the dismissal read from the tricky article (the expected edge date).
fn tricky_date(store: &Path) -> String {
    let rows = csv_rows(&ok(store, &["query", "relations", "--format", "csv"]));
    let row = rows
        .iter()
        .find(|r| r[5] == "tricky-quotes" && r[1] == "dismissed")
        .expect("the dismissal of the tricky article");
    assert_eq!(
        (row[0].as_str(), row[2].as_str()),
        ("Ana Lima", "Paulo Reis")
    );
    row[4].clone()
}

fn export(store: &Path, format: &str, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", format, "-o", "-"];
    args.extend_from_slice(extra);
    ok(store, &args)
}

/// An element of an XML document: name, attributes (unescaped) and direct text.
#[derive(Debug)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    text: String,
}

/// Parses XML strictly (matching end tags, valid escapes), failing the test otherwise.
fn parse_xml(text: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut roots = 0;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("malformed XML at {}: {e}", reader.buffer_position()))
        {
            event @ (Event::Start(_) | Event::Empty(_)) => {
                let (Event::Start(e) | Event::Empty(e)) = &event else {
                    unreachable!()
                };
                if open.is_empty() {
                    roots += 1;
                }
                let attributes = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("well-formed attribute");
                        (
                            String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                            a.unescape_value().expect("valid escapes").into_owned(),
                        )
                    })
                    .collect();
                elements.push(Element {
                    name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
                    attributes,
                    text: String::new(),
                });
                if matches!(event, Event::Start(_)) {
                    open.push(elements.len() - 1);
                }
            }
            Event::End(_) => {
                open.pop().expect("balanced tags");
            }
            Event::Text(t) => {
                let value = t.unescape().expect("valid escapes in text").into_owned();
                if let Some(&i) = open.last() {
                    elements[i].text.push_str(&value);
                } else {
                    assert!(
                        value.trim().is_empty(),
                        "text outside the root element: {value:?}"
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements");
    assert_eq!(roots, 1, "one root element");
    elements
}

/// Entities and distinct direct edges, counted with SPARQL.
fn expected_counts(store: &Path) -> (usize, usize) {
    let entities = csv_rows(&ok(store, &["query", "entities", "--format", "csv"])).len() - 1;
    let relations = Relation::ALL.map(|r| format!("ng:{}", r.name())).join(", ");
    let sparql =
        format!("SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p IN ({relations})) }}");
    let edges = csv_rows(&ok(
        store,
        &["query", "--sparql", &sparql, "--format", "csv"],
    ))
    .len()
        - 1;
    (entities, edges)
}

#[test]
fn graphml_and_gexf_are_well_formed_with_matching_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let (entities, edges) = expected_counts(&store);
    assert!(
        entities > 10 && edges > 3,
        "the examples give a real graph: {entities} entities, {edges} edges"
    );

    let graphml = parse_xml(&export(&store, "graphml", &[]));
    assert_eq!(graphml[0].name, "graphml");
    let nodes: Vec<&Element> = graphml.iter().filter(|e| e.name == "node").collect();
    let edge_elements: Vec<&Element> = graphml.iter().filter(|e| e.name == "edge").collect();
    assert_eq!((nodes.len(), edge_elements.len()), (entities, edges));
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.attributes["id"].as_str()).collect();
    assert_eq!(ids.len(), entities, "node ids are unique");
    for e in &edge_elements {
        assert!(
            ids.contains(e.attributes["source"].as_str())
                && ids.contains(e.attributes["target"].as_str()),
            "{e:?}"
        );
    }
    let keys: BTreeSet<&str> = graphml
        .iter()
        .filter(|e| e.name == "key")
        .map(|e| e.attributes["id"].as_str())
        .collect();
    for key in [
        "label", "type", "mentions", "relation", "date", "articles", "evidence",
    ] {
        assert!(keys.contains(key), "GraphML key {key}");
    }
    let data = |key: &str| -> Vec<&str> {
        graphml
            .iter()
            .filter(|e| e.name == "data" && e.attributes["key"] == key)
            .map(|e| e.text.as_str())
            .collect()
    };
    assert!(data("label").contains(&"Helena Duarte"));
    assert!(data("type").iter().all(|t| [
        "Person",
        "Organization",
        "Country",
        "Place",
        "MilitaryForce",
        "Group"
    ]
    .contains(t)));
    assert!(
        data("evidence")
            .iter()
            .any(|t| t.contains("a \"bold\" audit of O'Hara & Sons <AT> C:\\ledger")),
        "special characters survive escaping"
    );

    let gexf_text = export(&store, "gexf", &[]);
    let gexf = parse_xml(&gexf_text);
    assert_eq!(
        (
            gexf[0].name.as_str(),
            gexf[0].attributes["version"].as_str()
        ),
        ("gexf", "1.3")
    );
    assert_eq!(gexf[0].attributes["xmlns"], "http://gexf.net/1.3");
    let graph = gexf.iter().find(|e| e.name == "graph").unwrap();
    assert_eq!(
        (
            graph.attributes["mode"].as_str(),
            graph.attributes["timeformat"].as_str()
        ),
        ("dynamic", "date")
    );
    assert_eq!(gexf.iter().filter(|e| e.name == "node").count(), entities);
    let gexf_edges: Vec<&Element> = gexf.iter().filter(|e| e.name == "edge").collect();
    assert_eq!(gexf_edges.len(), edges);
    let date = tricky_date(&store);
    assert!(gexf_edges
        .iter()
        .any(|e| e.attributes["label"] == "dismissed"
            && e.attributes.get("start") == Some(&date)
            && e.attributes["source"].ends_with("/ana-lima")));
    for e in &gexf_edges {
        if let Some(start) = e.attributes.get("start") {
            assert!(
                newsgraph::dates::Date::parse_iso(start).is_some() && start.len() == 10,
                "{start}"
            );
        }
    }
    // A node starts with its first edge, so it is never shown before its edges.
    let starts: BTreeMap<&str, &str> = gexf
        .iter()
        .filter(|e| e.name == "node")
        .filter_map(|n| {
            Some((
                n.attributes["id"].as_str(),
                n.attributes.get("start")?.as_str(),
            ))
        })
        .collect();
    for e in &gexf_edges {
        for end in ["source", "target"] {
            if let Some(node_start) = starts.get(e.attributes[end].as_str()) {
                assert!(
                    e.attributes
                        .get("start")
                        .is_some_and(|s| s.as_str() >= *node_start),
                    "{e:?}"
                );
            }
        }
    }
}

#[test]
fn neo4j_cypher_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let (entities, edges) = expected_counts(&store);
    let folder = dir.path().join("neo4j");
    ok(
        &store,
        &[
            "export",
            "--format",
            "neo4j",
            "-o",
            folder.to_str().unwrap(),
        ],
    );
    let nodes = csv_rows(&std::fs::read_to_string(folder.join("nodes.csv")).unwrap());
    let rels = csv_rows(&std::fs::read_to_string(folder.join("relationships.csv")).unwrap());
    assert_eq!(
        nodes[0],
        ["id:ID", "label", "type:LABEL", "mentions:int", "aliases"]
    );
    assert_eq!(
        rels[0],
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "relation",
            "date:date",
            "articles:int",
            "first_article",
            "evidence"
        ]
    );
    assert_eq!((nodes.len() - 1, rels.len() - 1), (entities, edges));
    let ids: BTreeSet<&str> = nodes[1..].iter().map(|r| r[0].as_str()).collect();
    for r in &rels[1..] {
        assert!(
            ids.contains(r[0].as_str()) && ids.contains(r[1].as_str()),
            "{r:?}"
        );
        assert!(
            r[2].chars().all(|c| c.is_ascii_uppercase() || c == '_'),
            "{r:?}"
        );
        assert!(r[4].is_empty() || r[4].len() == 10, "{r:?}");
    }
    assert!(nodes[1..].iter().all(|r| r[2].starts_with("Entity;")));
    let date = tricky_date(&store);
    assert!(rels
        .iter()
        .any(|r| r[2] == "DISMISSED" && r[4] == date && r[6] == "tricky-quotes"));
    assert_eq!(
        newsgraph(&store, &["export", "--format", "neo4j", "-o", "-"])
            .status
            .code(),
        Some(1),
        "neo4j needs a folder"
    );

    let cypher = export(&store, "cypher", &[]);
    let statements: Vec<&str> = cypher.lines().filter(|l| !l.starts_with("//")).collect();
    assert!(statements.iter().all(|s| s.ends_with(';')));
    assert_eq!(
        statements
            .iter()
            .filter(|s| s.starts_with("MERGE (n:Entity"))
            .count(),
        entities
    );
    assert_eq!(
        statements
            .iter()
            .filter(|s| s.starts_with("MATCH (a:Entity"))
            .count(),
        edges
    );
    assert!(
        cypher.contains(r#"a "bold" audit of O\'Hara & Sons <AT> C:\\ledger"#),
        "Cypher string escaping: {cypher}"
    );

    let flat = csv_rows(&export(&store, "csv", &[]));
    assert_eq!(
        flat[0],
        [
            "source",
            "target",
            "relation",
            "date",
            "articles",
            "evidence",
            "source_type",
            "target_type"
        ]
    );
    assert_eq!(flat.len() - 1, edges);
    assert!(flat.iter().any(|r| r[0] == "Ana Lima"
        && r[1] == "Paulo Reis"
        && r[2] == "dismissed"
        && r[3] == date
        && r[4] == "1"));
    assert!(
        flat.iter()
            .any(|r| r[5].contains("a \"bold\" audit of O'Hara")),
        "CSV quoting round-trips"
    );
}

#[test]
fn dot_and_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let dot = export(&store, "dot", &["--article", "tricky-quotes"]);
    assert!(dot.starts_with("digraph newsgraph {") && dot.trim_end().ends_with('}'));
    assert!(
        dot.contains("label=\"Ana Lima\", fillcolor=\"#a6cee3\""),
        "{dot}"
    );
    let label = format!("label=\"dismissed\\n{}\"", tricky_date(&store));
    assert!(
        dot.contains(&label),
        "edge label with relation and date: {dot}"
    );
    assert!(dot.contains(r#"tooltip="Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday after a \"bold\" audit of O'Hara & Sons <AT> C:\\ledger, officials said.""#), "{dot}");
    assert!(dot.contains("legend [shape=plaintext"), "{dot}");
    let around = export(&store, "dot", &["--around", "Ana Lima"]);
    let centre = around
        .lines()
        .find(|l| l.contains("label=\"Ana Lima\""))
        .expect("the centre is drawn");
    assert!(
        centre.contains("penwidth=2.5"),
        "the centre is bold: {around}"
    );
    assert!(!around
        .lines()
        .filter(|l| l.contains("label=\"Paulo Reis\""))
        .any(|l| l.contains("penwidth")));
    let graphviz = std::process::Command::new("dot").arg("-V").output().is_ok();
    let png = dir.path().join("graph.png");
    let out = newsgraph(
        &store,
        &[
            "export",
            "--format",
            "png",
            "--article",
            "harbour-minister",
            "-o",
            png.to_str().unwrap(),
        ],
    );
    if graphviz {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::read(&png)
            .unwrap()
            .starts_with(b"\x89PNG\r\n\x1a\n"));
        let svg = export(&store, "svg", &["--around", "Ana Lima"]);
        assert!(svg.contains("<svg") && svg.contains("Paulo Reis"), "{svg}");
    } else {
        assert_eq!(out.status.code(), Some(1));
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(
            message.contains("Graphviz") && message.contains("--format dot"),
            "{message}"
        );
        eprintln!("SKIPPED rendering checks: Graphviz's dot is not installed");
    }
}

#[test]
fn filters_select_articles_dates_neighbourhoods_and_relations() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let all = csv_rows(&export(&store, "csv", &[]));

    let one = csv_rows(&export(&store, "csv", &["--article", "border-clashes"]));
    assert!(one.len() > 1 && one.len() < all.len(), "{one:?}");
    let nodes = csv_rows(&{
        let folder = dir.path().join("one");
        ok(
            &store,
            &[
                "export",
                "--format",
                "neo4j",
                "--article",
                "border-clashes",
                "-o",
                folder.to_str().unwrap(),
            ],
        );
        std::fs::read_to_string(folder.join("nodes.csv")).unwrap()
    });
    assert!(
        nodes.iter().any(|r| r[1] == "Lesotho") && !nodes.iter().any(|r| r[1] == "Rui Tavares"),
        "{nodes:?}"
    );

    let year = &tricky_date(&store)[..4];
    let dated = csv_rows(&export(
        &store,
        "csv",
        &[
            "--from",
            &format!("{year}-01-01"),
            "--to",
            &format!("{year}-12-31"),
        ],
    ));
    assert!(
        dated.len() > 1 && dated[1..].iter().all(|r| r[3].starts_with(year)),
        "{dated:?}"
    );

    let dismissals = csv_rows(&export(
        &store,
        "csv",
        &["--relation", "dismissed", "--relation", "appointed"],
    ));
    assert!(
        dismissals.len() >= 2
            && dismissals[1..]
                .iter()
                .all(|r| r[2] == "dismissed" || r[2] == "appointed"),
        "{dismissals:?}"
    );

    let around = csv_rows(&export(
        &store,
        "csv",
        &["--around", "ana lima", "--depth", "1"],
    ));
    assert!(
        around[1..]
            .iter()
            .all(|r| r[0] == "Ana Lima" || r[1] == "Ana Lima"),
        "depth 1: every edge touches her: {around:?}"
    );
    assert!(around[1..].iter().any(|r| r[1] == "Paulo Reis"));
    let hub = csv_rows(&export(
        &store,
        "csv",
        &["--around", "Lesotho", "--depth", "1"],
    ));
    let wider = csv_rows(&export(
        &store,
        "csv",
        &["--around", "Lesotho", "--depth", "3"],
    ));
    assert!(
        hub.len() > 1 && wider.len() >= hub.len(),
        "{hub:?} {wider:?}"
    );

    let unknown = newsgraph(
        &store,
        &[
            "export",
            "--format",
            "csv",
            "-o",
            "-",
            "--around",
            "Nobody At All",
        ],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr)
        .contains("no entity with the label or alias \"Nobody At All\""));
    let missing = newsgraph(
        &store,
        &[
            "export",
            "--format",
            "gexf",
            "-o",
            "-",
            "--article",
            "nonesuch",
        ],
    );
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article \"nonesuch\""));
    let bad = newsgraph(
        &store,
        &["export", "--format", "csv", "--relation", "fired"],
    );
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("hasMember"),
        "lists the relations"
    );

    // RDF formats take the same filters.
    let article = export(&store, "nquads", &["--article", "harbour-minister"]);
    assert!(
        article.contains("/article/harbour-minister>")
            && !article.contains("/article/border-clashes"),
        "{article}"
    );
    let full_article = ok(&store, &["export", "--format", "nquads", "-o", "-"]);
    let in_graph: Vec<&str> = full_article
        .lines()
        .filter(|l| l.ends_with("/article/harbour-minister> ."))
        .collect();
    assert_eq!(
        article.lines().count(),
        in_graph.len(),
        "--article alone keeps the whole article graph"
    );
    let dismissed = export(&store, "turtle", &["--relation", "dismissed"]);
    assert!(
        dismissed.contains("ng:Dismissal")
            && !dismissed.contains("ng:Count")
            && !dismissed.contains("ng:Arrest"),
        "{dismissed}"
    );
    assert!(
        dismissed.contains("\"Ana Lima\"") && !dismissed.contains("\"Lesotho\""),
        "the entities of kept facts, and only those: {dismissed}"
    );
}

#[test]
fn exports_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    for format in ["graphml", "gexf", "cypher", "csv", "dot", "turtle"] {
        let first = export(&store, format, &["--from", "2020-01-01"]);
        assert_eq!(
            first,
            export(&store, format, &["--from", "2020-01-01"]),
            "{format}"
        );
        assert_eq!(
            export(&store, format, &[]),
            export(&store, format, &[]),
            "{format}"
        );
    }
}

#[test]
fn validate_reports_conformance_and_violations() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let report = ok(&store, &["validate"]);
    assert!(report.starts_with("conforms:"), "{report}");

    let strict = dir.path().join("strict.ttl");
    std::fs::write(
        &strict,
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ng: <https://w3id.org/newsgraph/ontology#> .
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
         <urn:shape> sh:targetClass ng:Entity ; sh:property [ sh:path rdfs:label ; sh:maxCount 0 ; sh:message \"no labels, please\" ] .",
    )
    .unwrap();
    let out = newsgraph(
        &store,
        &[
            "validate",
            "--shapes",
            strict.to_str().unwrap(),
            "--limit",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "violations exit 1");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("violation: id:entity/")
            && text.contains("rdfs:label: no labels, please: 1 value(s), more than sh:maxCount 0"),
        "{text}"
    );
    assert!(
        text.contains("more violations (show them with --limit N)"),
        "{text}"
    );

    let unsupported = dir.path().join("pattern.ttl");
    std::fs::write(&unsupported, "@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:s> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:pattern \"x\" ] .").unwrap();
    let refused = newsgraph(
        &store,
        &["validate", "--shapes", unsupported.to_str().unwrap()],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("sh:pattern is not supported"));
}

#[test]
fn ontology_examples_conform_and_docs_are_current() {
    let examples: Vec<_> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .with_default_graph(
            oxigraph::model::NamedNode::new("https://w3id.org/newsgraph/id/article/examples")
                .unwrap(),
        )
        .for_slice(newsgraph::ontology_docs::EXAMPLES)
        .collect::<Result<_, _>>()
        .unwrap();
    let store = GraphStore::in_memory().unwrap();
    store.insert(&examples).unwrap();
    let shapes = parse_shapes(SHAPES, "ontology/shapes.ttl").unwrap();
    let hierarchy = ClassHierarchy::from_turtle(ONTOLOGY, "ontology/newsgraph.ttl").unwrap();
    let report = validate(&store, &shapes, &hierarchy).unwrap();
    assert!(report.conforms(), "{:#?}", report.violations);

    let dir = tempfile::tempdir().unwrap();
    let docs = ok(&dir.path().join("unused"), &["ontology-docs", "-o", "-"]);
    let saved = std::fs::read_to_string(root().join("ontology/docs.md")).unwrap();
    assert!(
        docs == saved,
        "ontology/docs.md is stale: run `newsgraph ontology-docs -o ontology/docs.md`"
    );
    for class in [
        "### ng:Person",
        "### ng:Dismissal",
        "### ng:Count",
        "### ng:Evidence",
    ] {
        assert!(docs.contains(class), "{class}");
    }
    assert!(
        docs.matches("```turtle").count() >= 20,
        "an example per concrete class"
    );
}
