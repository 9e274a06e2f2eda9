//! `newsgraph validate`: checks the store against the SHACL shapes of
//! `ontology/shapes.ttl` with SPARQL queries derived from them.
//!
//! Supported: node shapes with `sh:targetClass` (instances of subclasses
//! too, the class hierarchy taken from `ontology/newsgraph.ttl`) and
//! `sh:nodeKind`; property shapes (`sh:property`) with an IRI `sh:path` and
//! `sh:minCount`, `sh:maxCount`, `sh:datatype`, `sh:class`, `sh:nodeKind`,
//! `sh:in`, `sh:minInclusive`, `sh:maxInclusive`, `sh:message`. A shapes file
//! that uses any other SHACL term is refused, so no constraint is silently
//! skipped. Each constraint becomes one SELECT over the union of the article
//! graphs; each result row is a violation.
//!
//! The shapes' lists of relations (event classes targeted, direct edges,
//! `ng:relation` and `ng:changeKind` values) are generated from the relation
//! table, so that adding a relation needs no edit here or in the shapes:
//! [`shapes`] is the shipped file with that part regenerated, what
//! `newsgraph shapes` writes and `validate` checks by default.

use crate::error::{Error, OntologyError, Result};
use crate::model::relation::{RelationSpec, TABLE};
use crate::queries::display;
use crate::store::GraphStore;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{Graph, Literal, NamedNode, NamedOrBlankNodeRef, Term, TermRef};
use oxigraph::sparql::QueryResults;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The shapes shipped with newsgraph (`ontology/shapes.ttl`).
pub const SHAPES: &str = include_str!("../ontology/shapes.ttl");
/// The ontology shipped with newsgraph (`ontology/newsgraph.ttl`): the class hierarchy for `sh:class`.
pub const ONTOLOGY: &str = include_str!("../ontology/newsgraph.ttl");

const SH: &str = "http://www.w3.org/ns/shacl#";

/// The first words of the generated part of `ontology/shapes.ttl`, which runs to the end.
const GENERATED: &str = "# Generated from the relation table";

/// `ontology/shapes.ttl` as it should be: the shipped file's hand-written
/// shapes, then their lists of relations generated from the relation table.
pub fn shapes() -> String {
    let written = SHAPES.split(GENERATED).next().unwrap_or(SHAPES);
    format!("{written}{}", relation_shapes())
}

/// The relation-specific statements of the shapes, one line per relation.
fn relation_shapes() -> String {
    let mut out = format!(
        "{GENERATED} (src/model/relation.rs) by\n\
         # `newsgraph shapes -o ontology/shapes.ttl`: edit the table, not these lines.\n"
    );
    let targets = |rows: &mut dyn Iterator<Item = &RelationSpec>| -> Vec<String> {
        rows.map(|s| format!("sh:targetClass ng:{}", s.event_class))
            .collect()
    };
    let one_of = |path: &str, values: Vec<String>| {
        format!(
            "sh:property [ sh:path {path} ; sh:minCount 1 ; sh:maxCount 1 ; sh:in (\n{}    ) ]",
            values
                .iter()
                .map(|v| format!("        {v}\n"))
                .collect::<String>()
        )
    };
    let mut statement = |subject: &str, predicates: Vec<String>| {
        let _ = write!(out, "\n{subject}\n    {} .\n", predicates.join(" ;\n    "));
    };
    statement("shape:Fact", targets(&mut TABLE.iter()));
    statement(
        "shape:Entity",
        TABLE
            .iter()
            .map(|s| format!("sh:property [ sh:path ng:{} ; sh:class ng:Entity ]", s.name))
            .collect(),
    );
    let mut relation_fact = targets(&mut TABLE.iter());
    relation_fact.push(one_of(
        "ng:relation",
        TABLE.iter().map(|s| format!("ng:{}", s.name)).collect(),
    ));
    statement("shape:RelationFact", relation_fact);
    let role_changes = || TABLE.iter().filter(|s| s.role_change.is_some());
    let mut role_change = targets(&mut role_changes());
    role_change.push(one_of(
        "ng:changeKind",
        role_changes()
            .filter_map(|s| s.role_change)
            .map(|kind| format!("{kind:?}"))
            .collect(),
    ));
    statement("shape:RoleChange", role_change);
    out
}

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

/// SHACL node kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeKind {
    /// `sh:IRI`
    Iri,
    /// `sh:BlankNode`
    BlankNode,
    /// `sh:Literal`
    Literal,
    /// `sh:BlankNodeOrIRI`
    BlankNodeOrIri,
    /// `sh:BlankNodeOrLiteral`
    BlankNodeOrLiteral,
    /// `sh:IRIOrLiteral`
    IriOrLiteral,
}

impl NodeKind {
    fn parse(term: TermRef<'_>) -> Option<NodeKind> {
        let TermRef::NamedNode(n) = term else {
            return None;
        };
        Some(match n.as_str().strip_prefix(SH)? {
            "IRI" => NodeKind::Iri,
            "BlankNode" => NodeKind::BlankNode,
            "Literal" => NodeKind::Literal,
            "BlankNodeOrIRI" => NodeKind::BlankNodeOrIri,
            "BlankNodeOrLiteral" => NodeKind::BlankNodeOrLiteral,
            "IRIOrLiteral" => NodeKind::IriOrLiteral,
            _ => return None,
        })
    }

    /// A SPARQL expression true when `var` has this kind.
    fn test(self, var: &str) -> String {
        match self {
            NodeKind::Iri => format!("isIRI({var})"),
            NodeKind::BlankNode => format!("isBlank({var})"),
            NodeKind::Literal => format!("isLiteral({var})"),
            NodeKind::BlankNodeOrIri => format!("(isBlank({var}) || isIRI({var}))"),
            NodeKind::BlankNodeOrLiteral => format!("(isBlank({var}) || isLiteral({var}))"),
            NodeKind::IriOrLiteral => format!("(isIRI({var}) || isLiteral({var}))"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            NodeKind::Iri => "sh:IRI",
            NodeKind::BlankNode => "sh:BlankNode",
            NodeKind::Literal => "sh:Literal",
            NodeKind::BlankNodeOrIri => "sh:BlankNodeOrIRI",
            NodeKind::BlankNodeOrLiteral => "sh:BlankNodeOrLiteral",
            NodeKind::IriOrLiteral => "sh:IRIOrLiteral",
        }
    }
}

/// One constraint of a property shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    /// At least this many distinct values.
    MinCount(u64),
    /// At most this many distinct values.
    MaxCount(u64),
    /// Every value is a literal of this datatype.
    Datatype(NamedNode),
    /// Every value is an instance of this class (or of a subclass).
    Class(NamedNode),
    /// Every value has this node kind.
    NodeKind(NodeKind),
    /// Every value is one of these terms.
    In(Vec<Term>),
    /// Every value is ≥ this literal.
    MinInclusive(Literal),
    /// Every value is ≤ this literal.
    MaxInclusive(Literal),
}

/// A property shape: constraints on the values of one property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyShape {
    /// The property (`sh:path`).
    pub path: NamedNode,
    /// Its constraints.
    pub constraints: Vec<Constraint>,
    /// `sh:message`, shown with each violation.
    pub message: Option<String>,
}

/// A node shape: which nodes it targets and what they must satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeShape {
    /// The shape's IRI (or blank node id, `_:b0`).
    pub name: String,
    /// `sh:targetClass` values.
    pub targets: Vec<NamedNode>,
    /// `sh:nodeKind` of the focus nodes themselves.
    pub node_kind: Option<NodeKind>,
    /// `sh:property` shapes, sorted by path.
    pub properties: Vec<PropertyShape>,
}

/// One failed constraint on one focus node.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The node that fails, as people read it (`id:entity/person/...`).
    pub focus: String,
    /// The property concerned (none for a node-kind violation of the node itself).
    pub path: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The shape that was violated, by its local name (`Entity` for `...shapes#Entity`).
    pub shape: String,
}

/// The result of a validation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// All violations, sorted by focus node, path and message.
    pub violations: Vec<Violation>,
    /// How many constraints were checked.
    pub constraints: usize,
    /// How many distinct focus nodes the shapes target.
    pub focus_nodes: usize,
}

impl Report {
    /// True when nothing violates the shapes.
    pub fn conforms(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Parses Turtle into a graph, with `what` (a file name) in error messages.
fn parse_turtle(text: &str, what: &str) -> Result<Graph> {
    let mut graph = Graph::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text) {
        let quad = quad.map_err(|error| OntologyError::Syntax {
            file: what.to_string(),
            error,
        })?;
        graph.insert(quad.as_ref());
    }
    Ok(graph)
}

/// The class hierarchy (`rdfs:subClassOf` between named classes) of an ontology.
#[derive(Debug, Clone, Default)]
pub struct ClassHierarchy {
    subclasses: BTreeMap<String, BTreeSet<String>>,
}

impl ClassHierarchy {
    /// Reads `rdfs:subClassOf` triples from ontology Turtle.
    pub fn from_turtle(text: &str, what: &str) -> Result<ClassHierarchy> {
        let graph = parse_turtle(text, what)?;
        let mut subclasses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for t in graph.triples_for_predicate(rdfs::SUB_CLASS_OF) {
            if let (NamedOrBlankNodeRef::NamedNode(sub), TermRef::NamedNode(sup)) =
                (t.subject, t.object)
            {
                subclasses
                    .entry(sup.as_str().to_string())
                    .or_default()
                    .insert(sub.as_str().to_string());
            }
        }
        Ok(ClassHierarchy { subclasses })
    }

    /// The class and all its subclasses, transitively.
    pub fn descendants(&self, class: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::from([class.to_string()]);
        let mut todo = vec![class.to_string()];
        while let Some(c) = todo.pop() {
            for sub in self.subclasses.get(&c).into_iter().flatten() {
                if found.insert(sub.clone()) {
                    todo.push(sub.clone());
                }
            }
        }
        found
    }
}

/// SHACL terms allowed on node shapes and on property shapes (others are refused).
const NODE_SHAPE_TERMS: &[&str] = &[
    "targetClass",
    "property",
    "nodeKind",
    "name",
    "description",
    "message",
];
const PROPERTY_SHAPE_TERMS: &[&str] = &[
    "path",
    "minCount",
    "maxCount",
    "datatype",
    "class",
    "nodeKind",
    "in",
    "minInclusive",
    "maxInclusive",
    "message",
    "name",
    "description",
    "order",
];

/// Parses the node shapes of a shapes graph in Turtle; `what` names it in errors.
pub fn parse_shapes(text: &str, what: &str) -> Result<Vec<NodeShape>> {
    let graph = parse_turtle(text, what)?;
    let mut roots: Vec<NamedOrBlankNodeRef<'_>> = graph
        .subjects_for_predicate_object(rdf::TYPE, sh("NodeShape").as_ref())
        .collect();
    roots.extend(
        graph
            .triples_for_predicate(sh("targetClass").as_ref())
            .map(|t| t.subject),
    );
    roots.sort_by_cached_key(|r| r.to_string());
    roots.dedup();
    let mut shapes = Vec::new();
    for root in roots {
        let name = match root {
            NamedOrBlankNodeRef::NamedNode(n) => n.as_str().to_string(),
            NamedOrBlankNodeRef::BlankNode(b) => b.to_string(),
        };
        let fail = |message: String| {
            Error::from(OntologyError::Shape {
                file: what.to_string(),
                shape: name.clone(),
                message,
            })
        };
        check_terms(&graph, root, NODE_SHAPE_TERMS).map_err(fail)?;
        let mut targets = Vec::new();
        for t in graph.objects_for_subject_predicate(root, sh("targetClass").as_ref()) {
            let TermRef::NamedNode(class) = t else {
                return Err(fail(format!("sh:targetClass {t} is not an IRI")));
            };
            targets.push(class.into_owned());
        }
        targets.sort();
        let node_kind = match graph.object_for_subject_predicate(root, sh("nodeKind").as_ref()) {
            Some(t) => {
                Some(NodeKind::parse(t).ok_or_else(|| fail(format!("unknown sh:nodeKind {t}")))?)
            }
            None => None,
        };
        let mut properties = Vec::new();
        for p in graph.objects_for_subject_predicate(root, sh("property").as_ref()) {
            let node = match p {
                TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
                TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
                _ => return Err(fail(format!("sh:property {p} is a literal"))),
            };
            properties.push(parse_property(&graph, node).map_err(fail)?);
        }
        properties.sort_by_cached_key(|p: &PropertyShape| {
            (p.path.as_str().to_string(), format!("{:?}", p.constraints))
        });
        shapes.push(NodeShape {
            name,
            targets,
            node_kind,
            properties,
        });
    }
    if shapes.is_empty() {
        return Err(OntologyError::NoShapes {
            file: what.to_string(),
        }
        .into());
    }
    Ok(shapes)
}

/// Refuses SHACL predicates outside `allowed` on `node`.
fn check_terms(
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    allowed: &[&str],
) -> std::result::Result<(), String> {
    for t in graph.triples_for_subject(node) {
        if let Some(local) = t.predicate.as_str().strip_prefix(SH) {
            if !allowed.contains(&local) {
                return Err(format!(
                    "sh:{local} is not supported by newsgraph validate (supported: {})",
                    allowed.join(", ")
                ));
            }
        }
    }
    Ok(())
}

fn parse_property(
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
) -> std::result::Result<PropertyShape, String> {
    check_terms(graph, node, PROPERTY_SHAPE_TERMS)?;
    let path = match graph.object_for_subject_predicate(node, sh("path").as_ref()) {
        Some(TermRef::NamedNode(p)) => p.into_owned(),
        Some(other) => {
            return Err(format!(
                "sh:path {other} is not an IRI (only single-property paths are supported)"
            ))
        }
        None => return Err("a property shape without sh:path".into()),
    };
    let at = |what: &str| {
        format!(
            "property shape on {}: {what}",
            display(&Term::from(path.clone()))
        )
    };
    let mut constraints = Vec::new();
    for t in graph.triples_for_subject(node) {
        let Some(local) = t.predicate.as_str().strip_prefix(SH) else {
            continue;
        };
        let count = || match t.object {
            TermRef::Literal(l) => l
                .value()
                .parse::<u64>()
                .map_err(|_| at(&format!("sh:{local} {l} is not a count"))),
            other => Err(at(&format!("sh:{local} {other} is not a count"))),
        };
        let iri = || match t.object {
            TermRef::NamedNode(n) => Ok(n.into_owned()),
            other => Err(at(&format!("sh:{local} {other} is not an IRI"))),
        };
        let literal = || match t.object {
            TermRef::Literal(l) => Ok(l.into_owned()),
            other => Err(at(&format!("sh:{local} {other} is not a literal"))),
        };
        constraints.push(match local {
            "minCount" => Constraint::MinCount(count()?),
            "maxCount" => Constraint::MaxCount(count()?),
            "datatype" => Constraint::Datatype(iri()?),
            "class" => Constraint::Class(iri()?),
            "nodeKind" => Constraint::NodeKind(
                NodeKind::parse(t.object)
                    .ok_or_else(|| at(&format!("unknown sh:nodeKind {}", t.object)))?,
            ),
            "in" => Constraint::In(rdf_list(graph, t.object).map_err(|e| at(&e))?),
            "minInclusive" => Constraint::MinInclusive(literal()?),
            "maxInclusive" => Constraint::MaxInclusive(literal()?),
            _ => continue,
        });
    }
    constraints.sort_by_cached_key(|c| format!("{c:?}"));
    let message = match graph.object_for_subject_predicate(node, sh("message").as_ref()) {
        Some(TermRef::Literal(l)) => Some(l.value().to_string()),
        _ => None,
    };
    Ok(PropertyShape {
        path,
        constraints,
        message,
    })
}

/// The members of an RDF list.
fn rdf_list(graph: &Graph, head: TermRef<'_>) -> std::result::Result<Vec<Term>, String> {
    let mut items = Vec::new();
    let mut node = head;
    while node != TermRef::NamedNode(rdf::NIL) {
        let subject = match node {
            TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
            TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
            _ => return Err(format!("sh:in: {node} is not a list")),
        };
        let first = graph
            .object_for_subject_predicate(subject, rdf::FIRST)
            .ok_or_else(|| format!("sh:in: list node {node} has no rdf:first"))?;
        items.push(first.into_owned());
        node = graph
            .object_for_subject_predicate(subject, rdf::REST)
            .ok_or_else(|| format!("sh:in: list node {node} has no rdf:rest"))?;
        if items.len() > 10_000 {
            return Err("sh:in: list too long or cyclic".into());
        }
    }
    Ok(items)
}

/// SPARQL text of a term (N-Triples syntax is valid SPARQL for IRIs and literals).
fn sparql_term(term: &Term) -> String {
    term.to_string()
}

fn show(term: &Term) -> String {
    match term {
        Term::Literal(l) => Term::Literal(l.clone()).to_string(),
        other => display(other),
    }
}

/// Validates the store against the shapes; class membership follows `hierarchy`.
pub fn validate(
    store: &GraphStore,
    shapes: &[NodeShape],
    hierarchy: &ClassHierarchy,
) -> Result<Report> {
    let mut report = Report::default();
    let mut focus_nodes: BTreeSet<String> = BTreeSet::new();
    for shape in shapes {
        let shape_name = shape
            .name
            .rsplit(['#', '/'])
            .next()
            .unwrap_or(&shape.name)
            .to_string();
        let classes: BTreeSet<String> = shape
            .targets
            .iter()
            .flat_map(|c| hierarchy.descendants(c.as_str()))
            .collect();
        if classes.is_empty() {
            continue;
        }
        let values: Vec<String> = classes.iter().map(|c| format!("<{c}>")).collect();
        let focus = format!("VALUES ?class {{ {} }} ?focus a ?class .", values.join(" "));
        for row in rows(
            store,
            &format!("SELECT DISTINCT ?focus WHERE {{ {focus} }}"),
        )? {
            if let Some(f) = row.first().cloned().flatten() {
                focus_nodes.insert(f.to_string());
            }
        }
        if let Some(kind) = shape.node_kind {
            report.constraints += 1;
            let query = format!(
                "SELECT DISTINCT ?focus WHERE {{ {focus} FILTER(!{}) }} ORDER BY ?focus",
                kind.test("?focus")
            );
            for row in rows(store, &query)? {
                let focus = row[0].as_ref().map(display).unwrap_or_default();
                report.violations.push(Violation {
                    focus,
                    path: None,
                    message: format!("is not a {}", kind.name()),
                    shape: shape_name.clone(),
                });
            }
        }
        for property in &shape.properties {
            let p = format!("<{}>", property.path.as_str());
            let path = display(&Term::from(property.path.clone()));
            for constraint in &property.constraints {
                report.constraints += 1;
                let (query, counted) = match constraint {
                    Constraint::MinCount(n) => (
                        format!("SELECT ?focus (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {focus} OPTIONAL {{ ?focus {p} ?value }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) < {n}) ORDER BY ?focus"),
                        true,
                    ),
                    Constraint::MaxCount(n) => (
                        format!("SELECT ?focus (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {focus} ?focus {p} ?value }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {n}) ORDER BY ?focus"),
                        true,
                    ),
                    other => {
                        let failing = match other {
                            Constraint::Datatype(dt) => format!("!(isLiteral(?value) && datatype(?value) = <{}>)", dt.as_str()),
                            Constraint::Class(class) => {
                                let classes: Vec<String> = hierarchy.descendants(class.as_str()).iter().map(|c| format!("<{c}>")).collect();
                                format!("NOT EXISTS {{ VALUES ?valueClass {{ {} }} ?value a ?valueClass }}", classes.join(" "))
                            }
                            Constraint::NodeKind(kind) => format!("!{}", kind.test("?value")),
                            Constraint::In(allowed) => {
                                let tests: Vec<String> = allowed.iter().map(|t| format!("sameTerm(?value, {})", sparql_term(t))).collect();
                                format!("!({})", if tests.is_empty() { "false".to_string() } else { tests.join(" || ") })
                            }
                            Constraint::MinInclusive(min) => format!("!COALESCE(?value >= {min}, false)"),
                            Constraint::MaxInclusive(max) => format!("!COALESCE(?value <= {max}, false)"),
                            Constraint::MinCount(_) | Constraint::MaxCount(_) => unreachable!("handled above"),
                        };
                        (format!("SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {p} ?value FILTER({failing}) }} ORDER BY ?focus ?value"), false)
                    }
                };
                for row in rows(store, &query)? {
                    let focus = row[0].as_ref().map(display).unwrap_or_default();
                    let second = row.get(1).cloned().flatten();
                    let detail = if counted {
                        let n = second.as_ref().map(display).unwrap_or_else(|| "0".into());
                        match constraint {
                            Constraint::MinCount(min) => {
                                format!("{n} value(s), fewer than sh:minCount {min}")
                            }
                            Constraint::MaxCount(max) => {
                                format!("{n} value(s), more than sh:maxCount {max}")
                            }
                            _ => unreachable!("only counts are counted"),
                        }
                    } else {
                        let value = second.as_ref().map(show).unwrap_or_default();
                        match constraint {
                            Constraint::Datatype(dt) => format!(
                                "value {value} is not a literal of datatype {}",
                                display(&Term::from(dt.clone()))
                            ),
                            Constraint::Class(class) => format!(
                                "value {value} is not a {}",
                                display(&Term::from(class.clone()))
                            ),
                            Constraint::NodeKind(kind) => {
                                format!("value {value} is not a {}", kind.name())
                            }
                            Constraint::In(allowed) => {
                                let list: Vec<String> = allowed.iter().map(show).collect();
                                format!("value {value} is not one of {}", list.join(", "))
                            }
                            Constraint::MinInclusive(min) => {
                                format!("value {value} is not ≥ {}", min.value())
                            }
                            Constraint::MaxInclusive(max) => {
                                format!("value {value} is not ≤ {}", max.value())
                            }
                            Constraint::MinCount(_) | Constraint::MaxCount(_) => {
                                unreachable!("counts are counted")
                            }
                        }
                    };
                    let message = match &property.message {
                        Some(m) => format!("{m}: {detail}"),
                        None => detail,
                    };
                    report.violations.push(Violation {
                        focus,
                        path: Some(path.clone()),
                        message,
                        shape: shape_name.clone(),
                    });
                }
            }
        }
    }
    report.violations.sort();
    report.violations.dedup();
    report.focus_nodes = focus_nodes.len();
    Ok(report)
}

/// Runs a SELECT and returns every row's values in variable order.
fn rows(store: &GraphStore, sparql: &str) -> Result<Vec<Vec<Option<Term>>>> {
    let QueryResults::Solutions(solutions) = store.query(sparql)? else {
        return Err(Error::NotSelect {
            query: "validation",
        });
    };
    let variables = solutions.variables().to_vec();
    let mut out = Vec::new();
    for solution in solutions {
        let solution = solution?;
        out.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_shapes_parse() {
        let shapes = parse_shapes(SHAPES, "ontology/shapes.ttl").unwrap();
        assert!(shapes
            .iter()
            .any(|s| s.name == "https://w3id.org/newsgraph/shapes#Entity"));
        let hierarchy = ClassHierarchy::from_turtle(ONTOLOGY, "ontology/newsgraph.ttl").unwrap();
        let entities = hierarchy.descendants("https://w3id.org/newsgraph/ontology#Entity");
        assert!(
            entities.contains("https://w3id.org/newsgraph/ontology#Person"),
            "{entities:?}"
        );
    }

    #[test]
    fn unsupported_terms_are_refused() {
        let text = "@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:pattern \"x\" ] .";
        let err = parse_shapes(text, "t.ttl").unwrap_err().to_string();
        assert!(err.contains("sh:pattern is not supported"), "{err}");
    }

    #[test]
    fn violations_are_found() {
        let store = GraphStore::in_memory().unwrap();
        let data = "<urn:a> a <urn:C> ; <urn:p> \"x\", \"y\" . <urn:b> a <urn:D> ; <urn:p> 3 . <urn:c> a <urn:C> .";
        let quads: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(NamedNode::new_unchecked("urn:g"))
            .for_slice(data)
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        store.insert(&quads).unwrap();
        let shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <urn:s> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ; sh:in ( \"x\" ) ] .";
        let hierarchy = ClassHierarchy::from_turtle(
            "<urn:D> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <urn:C> .",
            "o.ttl",
        )
        .unwrap();
        let report = validate(&store, &parse_shapes(shapes, "s.ttl").unwrap(), &hierarchy).unwrap();
        let found: Vec<String> = report
            .violations
            .iter()
            .map(|v| format!("{} {}", v.focus, v.message))
            .collect();
        assert_eq!(
            found,
            [
                "urn:a 2 value(s), more than sh:maxCount 1",
                "urn:a value \"y\" is not one of \"x\"",
                "urn:b value \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> is not a literal of datatype xsd:string",
                "urn:b value \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> is not one of \"x\"",
                "urn:c 0 value(s), fewer than sh:minCount 1",
            ]
        );
        assert_eq!(report.focus_nodes, 3);
        assert!(!report.conforms());
    }
}
