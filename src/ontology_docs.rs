//! `newsgraph ontology-docs`: a Markdown page (`ontology/docs.md`) generated
//! from the ontology (`ontology/newsgraph.ttl`: classes, properties,
//! alignments), the shapes (`ontology/shapes.ttl`: what the data guarantees)
//! and the examples (`ontology/examples.ttl`: one instance per class).

use crate::error::{OntologyError, Result};
use crate::shacl::{parse_shapes, Constraint, NodeShape};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The example instances shipped with newsgraph (`ontology/examples.ttl`).
pub const EXAMPLES: &str = include_str!("../ontology/examples.ttl");

const OWL: &str = "http://www.w3.org/2002/07/owl#";
const NG: &str = crate::mapping::NG;
const ID: &str = crate::mapping::ID;

fn owl(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{OWL}{local}"))
}

/// A parsed Turtle file with the prefixes it declares.
struct Parsed {
    graph: Graph,
    prefixes: Vec<(String, String)>,
}

fn parse(text: &str, what: &str) -> Result<Parsed> {
    let mut graph = Graph::new();
    let mut parser = RdfParser::from_format(RdfFormat::Turtle).for_slice(text);
    for quad in &mut parser {
        let quad = quad.map_err(|error| OntologyError::Syntax {
            file: what.to_string(),
            error,
        })?;
        graph.insert(quad.as_ref());
    }
    let prefixes = parser
        .prefixes()
        .map(|(p, n)| (p.to_string(), n.to_string()))
        .collect();
    Ok(Parsed { graph, prefixes })
}

/// Writes IRIs as prefixed names with the ontology's prefixes.
struct Names {
    prefixes: Vec<(String, String)>,
}

impl Names {
    fn short(&self, iri: &str) -> String {
        let best = self
            .prefixes
            .iter()
            .filter(|(_, ns)| iri.starts_with(ns.as_str()))
            .max_by_key(|(_, ns)| ns.len());
        if let Some((prefix, ns)) = best {
            let local = &iri[ns.len()..];
            if !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return format!("{prefix}:{local}");
            }
        }
        format!("<{iri}>")
    }

    /// A term in Markdown: ng: terms link to their section or table row.
    fn link(&self, iri: &str) -> String {
        let short = self.short(iri);
        if iri.starts_with(NG) {
            format!("[`{short}`](#{})", term_anchor(&short))
        } else {
            format!("`{short}`")
        }
    }

    fn term(&self, term: TermRef<'_>) -> String {
        match term {
            TermRef::NamedNode(n) => self.link(n.as_str()),
            TermRef::Literal(l) => format!("`{}`", Term::from(l.into_owned())),
            TermRef::BlankNode(_) => "(anonymous)".to_string(),
        }
    }
}

/// GitHub's heading anchor of `ng:Person`: `ngperson`.
fn anchor(heading: &str) -> String {
    heading
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The anchor of an ng: term: the heading of a class (`ngperson`), or the
/// table row of a property (`p-ngsubject`; properties start lowercase).
fn term_anchor(short: &str) -> String {
    let property = short
        .split(':')
        .nth(1)
        .is_some_and(|local| local.starts_with(|c: char| c.is_lowercase()));
    format!("{}{}", if property { "p-" } else { "" }, anchor(short))
}

fn subject(term: TermRef<'_>) -> Option<NamedOrBlankNodeRef<'_>> {
    match term {
        TermRef::NamedNode(n) => Some(n.into()),
        TermRef::BlankNode(b) => Some(b.into()),
        TermRef::Literal(_) => None,
    }
}

fn list(graph: &Graph, head: TermRef<'_>) -> Vec<String> {
    let mut items = Vec::new();
    let mut node = head;
    while let Some(s) = subject(node).filter(|_| node != TermRef::NamedNode(rdf::NIL)) {
        if let Some(TermRef::NamedNode(first)) = graph.object_for_subject_predicate(s, rdf::FIRST) {
            items.push(first.as_str().to_string());
        }
        match graph.object_for_subject_predicate(s, rdf::REST) {
            Some(rest) if items.len() < 10_000 => node = rest,
            _ => break,
        }
    }
    items
}

fn literal(graph: &Graph, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> String {
    match graph.object_for_subject_predicate(s, p) {
        Some(TermRef::Literal(l)) => l.value().split_whitespace().collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

fn named_objects(graph: &Graph, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Vec<String> {
    let mut out: Vec<String> = graph
        .objects_for_subject_predicate(s, p)
        .filter_map(|o| match o {
            TermRef::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// A domain or range: a class, or a union of classes.
fn class_expression(graph: &Graph, names: &Names, term: TermRef<'_>) -> String {
    match term {
        TermRef::NamedNode(n) => names.link(n.as_str()),
        other => match subject(other)
            .and_then(|s| graph.object_for_subject_predicate(s, owl("unionOf").as_ref()))
        {
            Some(members) => list(graph, members)
                .iter()
                .map(|m| names.link(m))
                .collect::<Vec<_>>()
                .join(" ⊔ "),
            None => "(anonymous class)".to_string(),
        },
    }
}

/// Generates the Markdown page from the texts of the ontology, shapes and examples.
pub fn generate(ontology: &str, shapes: &str, examples: &str) -> Result<String> {
    let onto = parse(ontology, "ontology")?;
    let shapes_file = parse(shapes, "shapes")?;
    let shapes = parse_shapes(shapes, "shapes")?;
    let examples = parse(examples, "examples")?;
    let graph = &onto.graph;
    let mut all_prefixes = onto.prefixes.clone();
    for (prefix, namespace) in &shapes_file.prefixes {
        if !all_prefixes.iter().any(|(p, _)| p == prefix) {
            all_prefixes.push((prefix.clone(), namespace.clone()));
        }
    }
    let names = Names {
        prefixes: all_prefixes,
    };
    let mut md = String::new();
    let header = graph
        .subjects_for_predicate_object(rdf::TYPE, owl("Ontology").as_ref())
        .next();
    let Some(NamedOrBlankNodeRef::NamedNode(ontology_iri)) = header else {
        return Err(OntologyError::NoHeader.into());
    };
    let dcterms =
        |local: &str| NamedNode::new_unchecked(format!("http://purl.org/dc/terms/{local}"));
    let title = literal(graph, ontology_iri, dcterms("title").as_ref());
    let _ = writeln!(
        md,
        "# {}\n",
        if title.is_empty() { "Ontology" } else { &title }
    );
    let _ = writeln!(
        md,
        "<!-- Generated by `newsgraph ontology-docs` from ontology/newsgraph.ttl, ontology/shapes.ttl and ontology/examples.ttl. Do not edit by hand: change those files, then run `newsgraph ontology-docs -o ontology/docs.md`. -->\n"
    );
    let _ = writeln!(md, "- IRI: `{}`", ontology_iri.as_str());
    let _ = writeln!(
        md,
        "- Version: {}",
        literal(graph, ontology_iri, owl("versionInfo").as_ref())
    );
    let _ = writeln!(md, "- Terms: `ng:` = `{NG}`; resources: `id:` = `{ID}`\n");
    let _ = writeln!(
        md,
        "{}\n",
        literal(graph, ontology_iri, dcterms("description").as_ref())
    );
    let _ = writeln!(md, "{}\n", literal(graph, ontology_iri, rdfs::COMMENT));

    let _ = writeln!(md, "## Namespaces\n\n| prefix | namespace |\n|---|---|");
    let mut prefixes = onto.prefixes.clone();
    prefixes.sort();
    for (p, ns) in &prefixes {
        let _ = writeln!(md, "| `{p}:` | `{ns}` |");
    }

    // Classes of the ng: namespace and their hierarchy.
    let classes: BTreeSet<String> = graph
        .subjects_for_predicate_object(rdf::TYPE, owl("Class").as_ref())
        .filter_map(|s| match s {
            NamedOrBlankNodeRef::NamedNode(n) if n.as_str().starts_with(NG) => {
                Some(n.as_str().to_string())
            }
            _ => None,
        })
        .collect();
    let supers = |c: &str| named_objects(graph, NamedNodeRef::new_unchecked(c), rdfs::SUB_CLASS_OF);
    let mut children: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut roots = Vec::new();
    for c in &classes {
        let parents: Vec<String> = supers(c)
            .into_iter()
            .filter(|s| classes.contains(s))
            .collect();
        if parents.is_empty() {
            roots.push(c.clone());
        }
        for p in parents {
            children.entry(p).or_default().push(c.clone());
        }
    }
    let mut order = Vec::new();
    let _ = writeln!(md, "\n## Class hierarchy\n");
    fn tree(
        c: &str,
        depth: usize,
        children: &BTreeMap<String, Vec<String>>,
        names: &Names,
        graph: &Graph,
        md: &mut String,
        order: &mut Vec<String>,
    ) {
        if order.iter().any(|o| o == c) {
            return;
        }
        order.push(c.to_string());
        let label = literal(graph, NamedNodeRef::new_unchecked(c), rdfs::LABEL);
        let _ = writeln!(md, "{}- {} ({label})", "  ".repeat(depth), names.link(c));
        for child in children.get(c).into_iter().flatten() {
            tree(child, depth + 1, children, names, graph, md, order);
        }
    }
    for root in &roots {
        tree(root, 0, &children, &names, graph, &mut md, &mut order);
    }

    // Disjointness, from owl:AllDisjointClasses and owl:disjointWith.
    let mut disjoint: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for node in graph.subjects_for_predicate_object(rdf::TYPE, owl("AllDisjointClasses").as_ref()) {
        if let Some(members) = graph.object_for_subject_predicate(node, owl("members").as_ref()) {
            let members = list(graph, members);
            for a in &members {
                disjoint
                    .entry(a.clone())
                    .or_default()
                    .extend(members.iter().filter(|b| *b != a).cloned());
            }
        }
    }
    for t in graph.triples_for_predicate(owl("disjointWith").as_ref()) {
        if let (NamedOrBlankNodeRef::NamedNode(a), TermRef::NamedNode(b)) = (t.subject, t.object) {
            disjoint
                .entry(a.as_str().to_string())
                .or_default()
                .insert(b.as_str().to_string());
            disjoint
                .entry(b.as_str().to_string())
                .or_default()
                .insert(a.as_str().to_string());
        }
    }

    // Properties by domain class.
    let mut by_domain: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in graph.triples_for_predicate(rdfs::DOMAIN) {
        let NamedOrBlankNodeRef::NamedNode(p) = t.subject else {
            continue;
        };
        let domains = match t.object {
            TermRef::NamedNode(d) => vec![d.as_str().to_string()],
            other => subject(other)
                .and_then(|s| graph.object_for_subject_predicate(s, owl("unionOf").as_ref()))
                .map(|m| list(graph, m))
                .unwrap_or_default(),
        };
        for d in domains {
            by_domain
                .entry(d)
                .or_default()
                .insert(p.as_str().to_string());
        }
    }

    let _ = writeln!(md, "\n## Classes");
    for c in &order {
        let node = NamedNodeRef::new_unchecked(c);
        let short = names.short(c);
        let _ = writeln!(md, "\n### {short}\n");
        let _ = writeln!(
            md,
            "*{}* — {}\n",
            literal(graph, node, rdfs::LABEL),
            literal(graph, node, rdfs::COMMENT)
        );
        let parents = supers(c);
        let own: Vec<String> = parents
            .iter()
            .filter(|p| classes.contains(*p))
            .map(|p| names.link(p))
            .collect();
        let external: Vec<String> = parents
            .iter()
            .filter(|p| !classes.contains(*p))
            .map(|p| names.link(p))
            .collect();
        let see_also: Vec<String> = named_objects(graph, node, rdfs::SEE_ALSO)
            .iter()
            .map(|p| names.link(p))
            .collect();
        let bullet = |md: &mut String, what: &str, items: &[String]| {
            if !items.is_empty() {
                let _ = writeln!(md, "- {what}: {}", items.join(", "));
            }
        };
        bullet(&mut md, "Subclass of", &own);
        bullet(&mut md, "Aligned with (subclass of)", &external);
        bullet(&mut md, "See also", &see_also);
        let subs: Vec<String> = children
            .get(c)
            .into_iter()
            .flatten()
            .map(|s| names.link(s))
            .collect();
        bullet(&mut md, "Subclasses", &subs);
        let disjoint_with: Vec<String> = disjoint
            .get(c)
            .into_iter()
            .flatten()
            .map(|d| names.link(d))
            .collect();
        bullet(&mut md, "Disjoint with", &disjoint_with);
        let domain_of: Vec<String> = by_domain
            .get(c)
            .into_iter()
            .flatten()
            .map(|p| names.link(p))
            .collect();
        bullet(&mut md, "Domain of", &domain_of);
        let checked_by: Vec<String> = shapes
            .iter()
            .filter(|s| s.targets.iter().any(|t| t.as_str() == c))
            .map(|s| {
                format!(
                    "[`{}`](#{})",
                    names.short(&s.name),
                    anchor(&names.short(&s.name))
                )
            })
            .collect();
        bullet(&mut md, "Shapes (`ontology/shapes.ttl`)", &checked_by);
        example(&mut md, &names, &examples.graph, c);
    }

    shapes_section(&mut md, &names, &shapes_file.graph, &shapes);
    properties_section(&mut md, &names, graph);
    Ok(md)
}

/// One table per shape: its targets and the constraints on each property.
fn shapes_section(md: &mut String, names: &Names, graph: &Graph, shapes: &[NodeShape]) {
    let _ = writeln!(md, "\n## Shapes\n\nWhat `ontology/shapes.ttl` requires of the data (article graphs merged); `newsgraph validate` checks a store against it.");
    for shape in shapes {
        let short = names.short(&shape.name);
        let _ = writeln!(md, "\n### {short}\n");
        let comment = literal(
            graph,
            NamedNodeRef::new_unchecked(&shape.name),
            rdfs::COMMENT,
        );
        if !comment.is_empty() {
            let _ = writeln!(md, "{comment}\n");
        }
        let targets: Vec<String> = shape
            .targets
            .iter()
            .map(|t| names.link(t.as_str()))
            .collect();
        let _ = writeln!(md, "- Targets: instances of {}", targets.join(", "));
        if let Some(kind) = shape.node_kind {
            let _ = writeln!(
                md,
                "- Node kind: {}",
                format!("{kind:?}").replace("Iri", "IRI")
            );
        }
        let _ = writeln!(md, "\n| property | count | values |\n|---|---|---|");
        for p in &shape.properties {
            let (mut min, mut max) = (0, None);
            let mut values = Vec::new();
            for c in &p.constraints {
                match c {
                    Constraint::MinCount(n) => min = *n,
                    Constraint::MaxCount(n) => max = Some(*n),
                    Constraint::Datatype(d) | Constraint::Class(d) => {
                        values.push(names.link(d.as_str()))
                    }
                    Constraint::NodeKind(k) => values.push(format!("{k:?}").replace("Iri", "IRI")),
                    Constraint::In(items) => {
                        let items: Vec<String> =
                            items.iter().map(|t| names.term(t.as_ref())).collect();
                        values.push(format!("one of {}", items.join(", ")));
                    }
                    Constraint::MinInclusive(l) => values.push(format!("≥ {}", l.value())),
                    Constraint::MaxInclusive(l) => values.push(format!("≤ {}", l.value())),
                }
            }
            let count = match max {
                Some(max) if max == min => format!("exactly {min}"),
                Some(max) => format!("{min}..{max}"),
                None => format!("{min}..*"),
            };
            let values = if values.is_empty() {
                "any".to_string()
            } else {
                values.join(", ")
            };
            let _ = writeln!(
                md,
                "| {} | {count} | {values} |",
                names.link(p.path.as_str())
            );
        }
    }
}

/// The first example instance of exactly this class, as Turtle.
fn example(md: &mut String, names: &Names, examples: &Graph, class: &str) {
    let mut instances: Vec<String> = examples
        .subjects_for_predicate_object(rdf::TYPE, NamedNodeRef::new_unchecked(class))
        .filter_map(|s| match s {
            NamedOrBlankNodeRef::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect();
    instances.sort();
    let Some(instance) = instances.first() else {
        return;
    };
    let node = NamedNodeRef::new_unchecked(instance);
    let iri = |i: &str| match i.strip_prefix(ID) {
        Some(relative) => format!("<{relative}>"),
        None => names.short(i),
    };
    let mut predicates: Vec<NamedNode> = examples
        .triples_for_subject(node)
        .map(|t| t.predicate.into_owned())
        .collect();
    predicates.sort_by_key(|p| (p.as_ref() != rdf::TYPE, names.short(p.as_str())));
    predicates.dedup();
    let _ = writeln!(
        md,
        "\nExample (`ontology/examples.ttl`, `@base <{ID}>`):\n\n```turtle"
    );
    let _ = write!(md, "{}", iri(instance));
    for (n, p) in predicates.iter().enumerate() {
        let mut objects: Vec<String> = examples
            .objects_for_subject_predicate(node, p.as_ref())
            .map(|o| match o {
                TermRef::NamedNode(n) => iri(n.as_str()),
                TermRef::Literal(l) if l.datatype() == xsd::STRING => {
                    Term::from(l.into_owned()).to_string()
                }
                TermRef::Literal(l)
                    if l.datatype() == xsd::INTEGER || l.datatype() == xsd::DECIMAL =>
                {
                    l.value().to_string()
                }
                TermRef::Literal(l) => {
                    format!("\"{}\"^^{}", l.value(), names.short(l.datatype().as_str()))
                }
                TermRef::BlankNode(b) => b.to_string(),
            })
            .collect();
        objects.sort();
        let predicate = if p.as_ref() == rdf::TYPE {
            "a".to_string()
        } else {
            names.short(p.as_str())
        };
        let end = if n + 1 == predicates.len() {
            " ."
        } else {
            " ;"
        };
        let _ = write!(
            md,
            "{}{predicate} {}{end}",
            if n == 0 { " " } else { "\n    " },
            objects.join(", ")
        );
    }
    let _ = writeln!(md, "\n```");
}

/// Tables of the object, datatype and external properties.
fn properties_section(md: &mut String, names: &Names, graph: &Graph) {
    for (title, kind, own) in [
        ("Object properties", "ObjectProperty", true),
        ("Datatype properties", "DatatypeProperty", true),
        ("External terms newsgraph writes", "", false),
    ] {
        let mut properties: Vec<String> = Vec::new();
        for kind in if kind.is_empty() {
            vec!["ObjectProperty", "DatatypeProperty", "AnnotationProperty"]
        } else {
            vec![kind]
        } {
            for s in graph.subjects_for_predicate_object(rdf::TYPE, owl(kind).as_ref()) {
                if let NamedOrBlankNodeRef::NamedNode(n) = s {
                    let is_own = n.as_str().starts_with(NG);
                    let described = !literal(graph, n, rdfs::COMMENT).is_empty();
                    if is_own == own
                        && (own || described)
                        && !properties.contains(&n.as_str().to_string())
                    {
                        properties.push(n.as_str().to_string());
                    }
                }
            }
        }
        properties.sort_by_key(|p| names.short(p));
        let _ = writeln!(md, "\n## {title}\n");
        if own {
            let _ = writeln!(md, "| property | label | domain | range | alignments | description |\n|---|---|---|---|---|---|");
        } else {
            let _ = writeln!(md, "| term | kind | description |\n|---|---|---|");
        }
        for p in &properties {
            let node = NamedNodeRef::new_unchecked(p);
            let comment = literal(graph, node, rdfs::COMMENT).replace('|', "\\|");
            let short = names.short(p);
            if !own {
                let kinds: Vec<String> = named_objects(graph, node, rdf::TYPE)
                    .iter()
                    .map(|k| names.short(k))
                    .collect();
                let _ = writeln!(md, "| `{short}` | {} | {comment} |", kinds.join(", "));
                continue;
            }
            let join = |terms: Vec<String>| terms.join(", ");
            let domain = join(
                graph
                    .objects_for_subject_predicate(node, rdfs::DOMAIN)
                    .map(|d| class_expression(graph, names, d))
                    .collect(),
            );
            let range = join(
                graph
                    .objects_for_subject_predicate(node, rdfs::RANGE)
                    .map(|r| class_expression(graph, names, r))
                    .collect(),
            );
            let mut alignments: Vec<String> = named_objects(graph, node, rdfs::SUB_PROPERTY_OF)
                .iter()
                .map(|a| format!("⊑ {}", names.link(a)))
                .collect();
            alignments.extend(
                named_objects(graph, node, rdfs::SEE_ALSO)
                    .iter()
                    .map(|a| format!("see {}", names.link(a))),
            );
            alignments.extend(
                named_objects(graph, node, rdf::TYPE)
                    .iter()
                    .filter(|t| t.as_str() != format!("{OWL}{kind}"))
                    .map(|t| names.link(t)),
            );
            let label = literal(graph, node, rdfs::LABEL);
            let _ = writeln!(
                md,
                "| <a id=\"{}\"></a>`{short}` | {label} | {domain} | {range} | {} | {comment} |",
                term_anchor(&short),
                alignments.join(", ")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_match_github() {
        assert_eq!(anchor("ng:Person"), "ngperson");
        assert_eq!(term_anchor("ng:hasMember"), "p-nghasmember");
        assert_eq!(term_anchor("ng:Article"), "ngarticle");
    }
}
