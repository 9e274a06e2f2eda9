//! The ontology declares every `ng:` term the extractor emits, and every
//! term `newsgraph::mapping` can emit at all; the ontology and the shapes
//! agree with the relation table.

use crate::common::{ok, root};
use newsgraph::mapping::{emitted_terms, NG};
use newsgraph::model::relation::{RelationSpec, TABLE};
use newsgraph::shacl::{parse_shapes, Constraint, ONTOLOGY};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef};
use std::collections::BTreeSet;

const OWL: &str = "http://www.w3.org/2002/07/owl#";

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

/// The ontology as a graph.
fn ontology() -> Graph {
    let mut graph = Graph::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(ONTOLOGY) {
        graph.insert(quad.expect("the ontology parses").as_ref());
    }
    graph
}

fn ng_term(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NG}{local}"))
}

/// The named objects of `subject predicate ?o`, as IRIs.
fn objects(graph: &Graph, subject: &NamedNode, predicate: NamedNodeRef<'_>) -> BTreeSet<String> {
    graph
        .objects_for_subject_predicate(subject, predicate)
        .filter_map(|o| match o {
            TermRef::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect()
}

/// A class and its superclasses, transitively.
fn superclasses(graph: &Graph, class: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::from([class.to_string()]);
    let mut todo = vec![class.to_string()];
    while let Some(c) = todo.pop() {
        for sup in objects(graph, &NamedNode::new_unchecked(c), rdfs::SUB_CLASS_OF) {
            if found.insert(sup.clone()) {
                todo.push(sup);
            }
        }
    }
    found
}

/// The members of the `owl:AllDisjointClasses` axiom that names `member`.
fn disjoint_with(graph: &Graph, member: &NamedNode) -> BTreeSet<String> {
    let owl = |local: &str| NamedNode::new_unchecked(format!("{OWL}{local}"));
    for axiom in graph.subjects_for_predicate_object(rdf::TYPE, &owl("AllDisjointClasses")) {
        let mut items = BTreeSet::new();
        let mut node = graph.object_for_subject_predicate(axiom, &owl("members"));
        while let Some(TermRef::BlankNode(cell)) = node {
            if let Some(TermRef::NamedNode(item)) =
                graph.object_for_subject_predicate(cell, rdf::FIRST)
            {
                items.insert(item.as_str().to_string());
            }
            node = graph.object_for_subject_predicate(cell, rdf::REST);
        }
        if items.contains(member.as_str()) {
            return items;
        }
    }
    BTreeSet::new()
}

/// Every relation of the table is declared as the table says (direct-edge
/// property from entity to entity, symmetric or not; event class under
/// ng:Fact, under ng:RoleChange exactly for role changes, disjoint from the
/// other fact classes), and the ontology declares no relation or event
/// class the table lacks.
#[test]
fn ontology_declares_the_relations_of_the_table() {
    let graph = ontology();
    let types = |term: &NamedNode| objects(&graph, term, rdf::TYPE);
    let entity = format!("{NG}Entity");
    let owl = |local: &str| format!("{OWL}{local}");
    for spec in TABLE {
        let property = ng_term(spec.name);
        let class = ng_term(spec.event_class);
        let what = format!("{} / {}", spec.name, spec.event_class);
        assert!(
            types(&property).contains(&owl("ObjectProperty")),
            "{what}: ng:{} is no owl:ObjectProperty",
            spec.name
        );
        assert_eq!(
            types(&property).contains(&owl("SymmetricProperty")),
            spec.symmetric,
            "{what}: owl:SymmetricProperty and the table's symmetric column differ"
        );
        for (predicate, name) in [(rdfs::DOMAIN, "domain"), (rdfs::RANGE, "range")] {
            assert_eq!(
                objects(&graph, &property, predicate),
                BTreeSet::from([entity.clone()]),
                "{what}: the {name} of a direct edge is ng:Entity"
            );
        }
        let comment = graph
            .object_for_subject_predicate(&property, rdfs::COMMENT)
            .map(|c| c.to_string())
            .unwrap_or_default();
        assert!(
            comment.contains(&format!("Event node class: ng:{}.", spec.event_class)),
            "{what}: the property's comment names its event class: {comment}"
        );
        assert!(
            types(&class).contains(&owl("Class")),
            "{what}: ng:{} is no owl:Class",
            spec.event_class
        );
        let supers = superclasses(&graph, class.as_str());
        assert!(
            supers.contains(&format!("{NG}Fact")),
            "{what}: not under ng:Fact"
        );
        assert_eq!(
            supers.contains(&format!("{NG}RoleChange")),
            spec.role_change.is_some(),
            "{what}: under ng:RoleChange exactly when the table says it is a role change"
        );
    }

    let in_table = |locals: &mut dyn Iterator<Item = &str>| -> BTreeSet<String> {
        locals.map(|l| format!("{NG}{l}")).collect()
    };
    let edges: BTreeSet<String> = graph
        .subjects_for_predicate_object(rdfs::DOMAIN, &ng_term("Entity"))
        .filter_map(|s| match s {
            NamedOrBlankNodeRef::NamedNode(n) => Some(n.into_owned()),
            _ => None,
        })
        .filter(|p| types(p).contains(&owl("ObjectProperty")))
        .map(|p| p.as_str().to_string())
        .collect();
    assert_eq!(
        edges,
        in_table(&mut TABLE.iter().map(|s| s.name)),
        "the direct edges (object properties on ng:Entity) are the table's relations"
    );
    let abstract_or_count = in_table(&mut ["Fact", "Event", "RoleChange", "Count"].into_iter());
    let fact_classes: BTreeSet<String> = graph
        .subjects_for_predicate_object(rdf::TYPE, &NamedNode::new_unchecked(owl("Class")))
        .filter_map(|s| match s {
            NamedOrBlankNodeRef::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .filter(|c| superclasses(&graph, c).contains(&format!("{NG}Fact")))
        .filter(|c| !abstract_or_count.contains(c))
        .collect();
    let event_classes = in_table(&mut TABLE.iter().map(|s| s.event_class));
    assert_eq!(
        fact_classes, event_classes,
        "the concrete fact classes besides ng:Count are the table's event classes"
    );
    let mut disjoint = event_classes;
    disjoint.insert(format!("{NG}Count"));
    assert_eq!(
        disjoint_with(&graph, &ng_term("Count")),
        disjoint,
        "the fact classes are declared pairwise disjoint"
    );
}

/// `ontology/shapes.ttl` is current (its generated part matches the table)
/// and lists exactly the table's relations.
#[test]
fn shapes_list_the_relations_of_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let unused = dir.path().join("unused");
    let saved = std::fs::read_to_string(root().join("ontology/shapes.ttl")).unwrap();
    assert!(
        saved == ok(&unused, &["shapes", "-o", "-"]),
        "ontology/shapes.ttl is stale: run `newsgraph shapes -o ontology/shapes.ttl`"
    );
    let table: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&unused, &["relations", "--format", "json"])).unwrap();
    assert_eq!(
        table.len(),
        TABLE.len(),
        "newsgraph relations prints the table"
    );
    let shapes = parse_shapes(&saved, "ontology/shapes.ttl").unwrap();
    let shape = |local: &str| {
        shapes
            .iter()
            .find(|s| s.name == format!("https://w3id.org/newsgraph/shapes#{local}"))
            .unwrap_or_else(|| panic!("shape:{local}"))
    };
    let targets = |local: &str| -> BTreeSet<String> {
        shape(local)
            .targets
            .iter()
            .map(|t| t.as_str().to_string())
            .collect()
    };
    let listed = |local: &str, path: &str| -> Vec<String> {
        let property = shape(local)
            .properties
            .iter()
            .find(|p| p.path == ng_term(path))
            .unwrap_or_else(|| panic!("shape:{local} has no ng:{path}"));
        property
            .constraints
            .iter()
            .find_map(|c| match c {
                Constraint::In(values) => Some(values.iter().map(|v| v.to_string()).collect()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("shape:{local}: ng:{path} has no sh:in"))
    };
    let classes = |rows: &mut dyn Iterator<Item = &RelationSpec>| -> BTreeSet<String> {
        rows.map(|s| format!("{NG}{}", s.event_class)).collect()
    };
    let mut facts = classes(&mut TABLE.iter());
    assert_eq!(targets("RelationFact"), facts);
    facts.insert(format!("{NG}Count"));
    assert_eq!(targets("Fact"), facts);
    let role_changes = || TABLE.iter().filter(|s| s.role_change.is_some());
    assert_eq!(targets("RoleChange"), classes(&mut role_changes()));
    assert_eq!(
        listed("RelationFact", "relation"),
        TABLE
            .iter()
            .map(|s| format!("<{NG}{}>", s.name))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        listed("RoleChange", "changeKind"),
        role_changes()
            .map(|s| format!("{:?}", s.role_change.unwrap()))
            .collect::<Vec<_>>()
    );
    let edges: BTreeSet<String> = shape("Entity")
        .properties
        .iter()
        .filter(|p| p.constraints == [Constraint::Class(ng_term("Entity"))])
        .map(|p| p.path.as_str().to_string())
        .collect();
    assert_eq!(
        edges,
        TABLE.iter().map(|s| format!("{NG}{}", s.name)).collect(),
        "shape:Entity: a direct edge per relation, and no other"
    );
}
