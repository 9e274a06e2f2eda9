//! The one module that owns the ontology's IRIs: turns an article's entities
//! and facts into RDF quads in the article's named graph.
//!
//! Shape (see `ontology/newsgraph.ttl`): entities get stable IRIs from their
//! type and canonical name; each fact is an event node (`ng:subject`,
//! `ng:object`, `ng:role`, `ng:date`, ...) with an evidence node per sentence
//! (NIF-style `#char=begin,end` IRI, offsets in Unicode code points), plus a
//! direct edge `subject ng:relation object` for simple graph tools.

use crate::clean::CleanArticle;
use crate::facts::Facts;
use crate::model::{EntityType, Relation};
use crate::resolve::Entity;
use crate::text::char_offset;
use indexmap::IndexSet;
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxBuildHasher;
use std::collections::BTreeSet;

/// Namespace of the ontology's classes and properties.
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";
/// Namespace of the resources newsgraph mints (entities, articles, facts).
pub const ID: &str = "https://w3id.org/newsgraph/id/";
/// SKOS namespace (alternative labels).
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// Dublin Core terms namespace (article metadata).
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// PROV-O namespace (provenance).
pub const PROV: &str = "http://www.w3.org/ns/prov#";

/// Prefixes used in Turtle and TriG exports, and declared in the ontology.
pub const PREFIXES: [(&str, &str); 8] = [
    ("ng", NG),
    ("id", ID),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("prov", PROV),
];

/// An ontology term of the `ng:` namespace.
pub fn ng(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NG}{local}"))
}

fn iri(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

/// The IRI of an article, also the name of its graph.
pub fn article_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}article/{}", percent_encode(id)))
}

/// The stable IRI of an entity: its type and canonical name. People's names
/// are keyed without doubled letters, so that transliteration variants of one
/// name ("Petrossian", "Petrosian") are one node across articles, while people who
/// only share a surname ("Maria Lopez", "John Lopez") stay apart.
pub fn entity_iri(entity_type: EntityType, label: &str) -> NamedNode {
    let key = match entity_type {
        EntityType::Person => undouble(&slug(label)),
        _ => slug(label),
    };
    NamedNode::new_unchecked(format!(
        "{ID}entity/{}/{key}",
        entity_type.name().to_lowercase()
    ))
}

/// "anna-hellmann" → "ana-helman": repeated letters written once.
fn undouble(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if !(c.is_alphabetic() && out.ends_with(c)) {
            out.push(c);
        }
    }
    out
}

/// The ontology class of an entity type.
pub fn entity_class(entity_type: EntityType) -> NamedNode {
    ng(entity_type.name())
}

/// The direct-edge property of a relation (`ng:dismissed`).
pub fn relation_property(relation: Relation) -> NamedNode {
    ng(relation.name())
}

/// The event class of a relation (`ng:Dismissal`).
pub fn relation_class(relation: Relation) -> NamedNode {
    ng(relation.spec().event_class)
}

/// Every `ng:` term the mapping can emit; the ontology must declare them all.
pub fn emitted_terms() -> BTreeSet<String> {
    let mut terms: BTreeSet<String> = [
        "Article",
        "Entity",
        "Fact",
        "Event",
        "Count",
        "Evidence",
        "RoleChange",
        "subject",
        "object",
        "role",
        "organization",
        "date",
        "place",
        "evidence",
        "extractor",
        "confidence",
        "article",
        "relation",
        "countKind",
        "number",
        "countedGroup",
        "source",
        "sentenceText",
        "beginIndex",
        "endIndex",
        "contentHash",
        "mentionCount",
        "publicationYear",
        "dateSource",
        "changeKind",
    ]
    .iter()
    .map(|t| format!("{NG}{t}"))
    .collect();
    for t in EntityType::ALL {
        terms.insert(entity_class(t).into_string());
    }
    for r in Relation::ALL {
        terms.insert(relation_property(r).into_string());
        terms.insert(relation_class(r).into_string());
    }
    terms
}

/// Lowercase letters and digits joined by hyphens: "Jean-Paul Ndiaye" → "jean-paul-ndiaye".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "unnamed".to_string()
    } else {
        percent_encode(trimmed)
    }
}

/// Percent-encodes everything but unreserved ASCII and Unicode alphanumerics.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~')
            || !c.is_ascii() && c.is_alphanumeric()
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Builds the quads of one article's graph.
pub struct GraphBuilder<'a> {
    graph: GraphName,
    article: NamedNode,
    clean: &'a CleanArticle,
    /// In the order made (deterministic), each quad once.
    quads: IndexSet<Quad, FxBuildHasher>,
}

impl<'a> GraphBuilder<'a> {
    /// Starts the graph of an article.
    pub fn new(clean: &'a CleanArticle) -> Self {
        let article = article_iri(&clean.id);
        GraphBuilder {
            graph: GraphName::NamedNode(article.clone()),
            article,
            clean,
            quads: IndexSet::default(),
        }
    }

    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        self.quads.insert(Quad::new(s, p, o, self.graph.clone()));
    }

    /// Maps the article metadata, the entities used and the facts; returns the quads.
    pub fn build(mut self, entities: &[Entity], facts: &Facts, content_hash: &str) -> Vec<Quad> {
        let article = self.article.clone();
        let clean = self.clean;
        self.add(article.clone(), rdf::TYPE.into_owned(), ng("Article"));
        self.add(
            article.clone(),
            iri(DCTERMS, "identifier"),
            Literal::new_simple_literal(&clean.id),
        );
        self.add(
            article.clone(),
            ng("contentHash"),
            Literal::new_simple_literal(content_hash),
        );
        if let Some(title) = &clean.title {
            self.add(
                article.clone(),
                iri(DCTERMS, "title"),
                Literal::new_simple_literal(title),
            );
        }
        if let Some(date) = clean.date {
            self.add(
                article.clone(),
                iri(DCTERMS, "date"),
                Literal::new_typed_literal(date.to_string(), xsd::DATE),
            );
        }
        if let Some(source) = clean.date_source {
            self.add(
                article.clone(),
                ng("dateSource"),
                Literal::new_simple_literal(source),
            );
        }
        if let (None, Some(year)) = (clean.date, clean.year) {
            self.add(
                article.clone(),
                ng("publicationYear"),
                Literal::new_typed_literal(year.to_string(), xsd::G_YEAR),
            );
        }
        if let Some(source) = &clean.source {
            self.add(
                article.clone(),
                iri(DCTERMS, "publisher"),
                Literal::new_simple_literal(source),
            );
        }
        if let Some(url) = clean.url.as_deref().and_then(|u| url::Url::parse(u).ok()) {
            self.add(
                article.clone(),
                iri(DCTERMS, "source"),
                NamedNode::new_unchecked(url.as_str()),
            );
        }

        // Entities: named ones always, unnamed groups only when a fact uses them.
        let mut used = vec![false; entities.len()];
        for f in &facts.relations {
            for e in [f.subject, f.object, f.organization, f.place]
                .into_iter()
                .flatten()
            {
                used[e] = true;
            }
        }
        for c in &facts.counts {
            for e in [c.source, c.place].into_iter().flatten() {
                used[e] = true;
            }
        }
        let iris: Vec<NamedNode> = entities
            .iter()
            .map(|e| entity_iri(e.entity_type, &e.label))
            .collect();
        for (i, e) in entities.iter().enumerate() {
            if e.incidental && !used[i] {
                continue;
            }
            let node = iris[i].clone();
            self.add(
                node.clone(),
                rdf::TYPE.into_owned(),
                entity_class(e.entity_type),
            );
            self.add(
                node.clone(),
                rdfs::LABEL.into_owned(),
                Literal::new_simple_literal(&e.label),
            );
            for alias in &e.aliases {
                self.add(
                    node.clone(),
                    iri(SKOS, "altLabel"),
                    Literal::new_simple_literal(alias),
                );
            }
            self.add(
                node.clone(),
                ng("mentionCount"),
                Literal::from(e.mentions as i64),
            );
            self.add(node, iri(PROV, "wasDerivedFrom"), article.clone());
        }

        // Facts: an event node each, and a direct edge where both ends are known.
        for (n, f) in facts.relations.iter().enumerate() {
            let node = NamedNode::new_unchecked(format!("{}/fact/{}", article.as_str(), n + 1));
            self.add(
                node.clone(),
                rdf::TYPE.into_owned(),
                relation_class(f.relation),
            );
            self.add(node.clone(), ng("relation"), relation_property(f.relation));
            if let Some(change) = f.relation.role_change() {
                self.add(
                    node.clone(),
                    ng("changeKind"),
                    Literal::new_simple_literal(change),
                );
            }
            for (property, entity) in [
                ("subject", f.subject),
                ("object", f.object),
                ("organization", f.organization),
                ("place", f.place),
            ] {
                if let Some(e) = entity {
                    self.add(node.clone(), ng(property), iris[e].clone());
                }
            }
            if let Some(role) = &f.role {
                self.add(node.clone(), ng("role"), Literal::new_simple_literal(role));
            }
            self.common(&node, f.date, f.evidence, f.extractor, f.confidence);
            if let (Some(s), Some(o)) = (f.subject, f.object) {
                self.add(
                    iris[s].clone(),
                    relation_property(f.relation),
                    iris[o].clone(),
                );
            }
        }
        for (n, c) in facts.counts.iter().enumerate() {
            let node = NamedNode::new_unchecked(format!("{}/count/{}", article.as_str(), n + 1));
            self.add(node.clone(), rdf::TYPE.into_owned(), ng("Count"));
            self.add(
                node.clone(),
                ng("countKind"),
                Literal::new_simple_literal(&c.kind),
            );
            self.add(
                node.clone(),
                ng("number"),
                Literal::new_typed_literal(c.number.to_string(), xsd::INTEGER),
            );
            self.add(
                node.clone(),
                ng("countedGroup"),
                Literal::new_simple_literal(&c.who),
            );
            if let Some(source) = c.source {
                self.add(node.clone(), ng("source"), iris[source].clone());
            }
            if let Some(place) = c.place {
                self.add(node.clone(), ng("place"), iris[place].clone());
            }
            self.common(&node, c.date, c.evidence, c.extractor, c.confidence);
        }
        self.quads.into_iter().collect()
    }

    /// Date, evidence, extractor, confidence and article of a fact node.
    fn common(
        &mut self,
        node: &NamedNode,
        date: Option<crate::dates::Date>,
        evidence: crate::facts::Evidence,
        extractor: &str,
        confidence: f32,
    ) {
        if let Some(date) = date {
            self.add(
                node.clone(),
                ng("date"),
                Literal::new_typed_literal(date.to_string(), xsd::DATE),
            );
        }
        let body = &self.clean.body;
        let (begin, end) = (
            char_offset(body, evidence.start),
            char_offset(body, evidence.end),
        );
        let evidence_node =
            NamedNode::new_unchecked(format!("{}#char={begin},{end}", self.article.as_str()));
        self.add(node.clone(), ng("evidence"), evidence_node.clone());
        self.add(
            node.clone(),
            ng("extractor"),
            Literal::new_simple_literal(extractor),
        );
        let confidence = format!("{:.2}", confidence);
        self.add(
            node.clone(),
            ng("confidence"),
            Literal::new_typed_literal(confidence, xsd::DECIMAL),
        );
        self.add(node.clone(), ng("article"), self.article.clone());
        self.add(
            evidence_node.clone(),
            rdf::TYPE.into_owned(),
            ng("Evidence"),
        );
        self.add(
            evidence_node.clone(),
            ng("sentenceText"),
            Literal::new_simple_literal(&body[evidence.start..evidence.end]),
        );
        self.add(
            evidence_node.clone(),
            ng("beginIndex"),
            Literal::from(begin as i64),
        );
        self.add(
            evidence_node.clone(),
            ng("endIndex"),
            Literal::from(end as i64),
        );
        self.add(evidence_node, ng("article"), self.article.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_of_a_person_share_an_iri() {
        let a = entity_iri(EntityType::Person, "Aram Petrossian");
        assert_eq!(a, entity_iri(EntityType::Person, "Aram Petrosian"));
        assert_ne!(
            a,
            entity_iri(EntityType::Person, "Lusine Petrossian"),
            "same surname, other person"
        );
        assert_ne!(
            entity_iri(EntityType::Place, "Bonn"),
            entity_iri(EntityType::Place, "Bon")
        );
    }

    #[test]
    fn slugs_are_stable_and_safe() {
        assert_eq!(slug("Jean-Paul Ndiaye"), "jean-paul-ndiaye");
        assert_eq!(slug("  São Paulo!"), "são-paulo");
        assert_eq!(slug("AT&T Inc."), "at-t-inc");
        assert_eq!(
            article_iri("a b/c").as_str(),
            "https://w3id.org/newsgraph/id/article/a%20b%2Fc"
        );
    }
}
