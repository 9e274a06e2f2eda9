//! Tests on the shared development corpus (`../shared/corpus/kazakhstan-2022`):
//! real facts, determinism, idempotence and round trips of every export format.
//! They skip with a message where `../shared` is absent, and fail in CI then.

use crate::common::{csv_rows, newsgraph, ok, shared};
use oxigraph::io::{RdfFormat, RdfParser};
use std::path::Path;

fn ingest_dev(store: &Path) -> Option<()> {
    let corpus = shared("corpus/kazakhstan-2022")?;
    ok(store, &["ingest", corpus.to_str().unwrap()]);
    Some(())
}

#[test]
fn real_facts_from_the_development_articles() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    if ingest_dev(&store).is_none() {
        return;
    }
    let relations = ok(&store, &["query", "relations", "--format", "csv"]);
    let rows = csv_rows(&relations);
    let has = |s: &str, r: &str, o: &str| {
        rows.iter()
            .any(|row| row[0].ends_with(s) && row[1] == r && row[2].ends_with(o))
    };
    assert!(
        has("Tokayev", "dismissed", "Massimov"),
        "Tokayev dismissed Massimov\n{relations}"
    );
    assert!(
        has(
            "Collective Security Treaty Organization",
            "hasMember",
            "Armenia"
        ),
        "CSTO hasMember Armenia\n{relations}"
    );
    assert!(
        rows.iter()
            .any(|row| row[0] == "Russia" && row[1] == "deployed"),
        "a deployment by Russia\n{relations}"
    );
}

#[test]
fn output_is_deterministic_and_reingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    if ingest_dev(&a).is_none() || ingest_dev(&b).is_none() {
        return;
    }
    for format in ["turtle", "nquads", "trig"] {
        let first = ok(&a, &["export", "--format", format, "-o", "-"]);
        assert_eq!(
            first,
            ok(&b, &["export", "--format", format, "-o", "-"]),
            "{format} differs between two runs"
        );
    }
    let corpus = shared("corpus/kazakhstan-2022").unwrap();
    let before = ok(&a, &["export", "--format", "nquads", "-o", "-"]);
    let again = ok(&a, &["ingest", corpus.to_str().unwrap()]);
    assert!(again.contains("articles unchanged        5"), "{again}");
    assert_eq!(before, ok(&a, &["export", "--format", "nquads", "-o", "-"]));
}

#[test]
fn every_export_format_parses_back_to_the_same_size() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    if ingest_dev(&store).is_none() {
        return;
    }
    let stats = ok(&store, &["stats"]);
    let number = |key: &str| -> usize {
        let line = stats
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key} in stats: {stats}"));
        line.split_whitespace().last().unwrap().parse().unwrap()
    };
    let (quads, triples) = (number("quads"), number("triples"));
    for (name, format, expected) in [
        ("turtle", RdfFormat::Turtle, triples),
        ("ntriples", RdfFormat::NTriples, triples),
        ("rdfxml", RdfFormat::RdfXml, triples),
        ("nquads", RdfFormat::NQuads, quads),
        ("trig", RdfFormat::TriG, quads),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
            quads,
        ),
    ] {
        let file = dir.path().join(format!("graph.{name}"));
        let out = newsgraph(
            &store,
            &["export", "--format", name, "-o", file.to_str().unwrap()],
        );
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&file).unwrap();
        let parsed = RdfParser::from_format(format)
            .for_slice(&bytes)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{name} does not parse back: {e}"));
        let mut distinct: Vec<String> = parsed.iter().map(|q| q.to_string()).collect();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), expected, "{name}: statements parsed back");
    }
}
