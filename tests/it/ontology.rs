//! The ontology declares every `ng:` term the extractor emits, and every
//! term `newsgraph::mapping` can emit at all.

use crate::common::{ok, root};
use newsgraph::mapping::{emitted_terms, NG};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{vocab::rdf, Term};
use std::collections::BTreeSet;

fn declared_terms() -> BTreeSet<String> {
    let ontology =
        std::fs::read(root().join("ontology/newsgraph.ttl")).expect("ontology/newsgraph.ttl");
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&ontology)
        .map(|q| q.expect("the ontology parses"))
        .filter(|q| q.predicate == rdf::TYPE)
        .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_string())
        .filter(|s| s.starts_with(NG))
        .collect()
}

#[test]
fn every_mappable_term_is_declared() {
    let declared = declared_terms();
    let missing: Vec<String> = emitted_terms()
        .into_iter()
        .filter(|t| !declared.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "undeclared in ontology/newsgraph.ttl: {missing:?}"
    );
}

#[test]
fn every_term_in_an_export_is_declared() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(
        &store,
        &["ingest", root().join("examples/articles").to_str().unwrap()],
    );
    let export = ok(&store, &["export", "--format", "ntriples", "-o", "-"]);
    let declared = declared_terms();
    let mut used = BTreeSet::new();
    for triple in RdfParser::from_format(RdfFormat::NTriples).for_slice(export.as_bytes()) {
        let triple = triple.expect("export parses");
        used.insert(triple.predicate.as_str().to_string());
        if triple.predicate == rdf::TYPE {
            if let Term::NamedNode(class) = &triple.object {
                used.insert(class.as_str().to_string());
            }
        }
    }
    let undeclared: Vec<&String> = used
        .iter()
        .filter(|t| t.starts_with(NG) && !declared.contains(*t))
        .collect();
    assert!(
        undeclared.is_empty(),
        "emitted but undeclared: {undeclared:?}"
    );
    assert!(
        used.iter().filter(|t| t.starts_with(NG)).count() > 20,
        "the export uses the ontology"
    );
}
