//! Neo4j: bulk-import CSV files for `neo4j-admin database import`, and a
//! Cypher script of `MERGE` statements for a running server.
//!
//! Both give every entity the labels `Entity` and its type (`Person`, ...)
//! with the properties `id` (the IRI), `label`, `mentions` and `aliases`, and
//! every edge the relationship type of its relation in upper snake case
//! (`dismissed` → `DISMISSED`, `hasMember` → `HAS_MEMBER`) with the
//! properties `relation`, `date`, `articles`, `first_article` and `evidence`.

use super::{csv_field, Graph};
use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Header of `nodes.csv` (Neo4j import header format).
pub const NODES_HEADER: &str = "id:ID,label,type:LABEL,mentions:int,aliases";
/// Header of `relationships.csv` (Neo4j import header format).
pub const RELATIONSHIPS_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,relation,date:date,articles:int,first_article,evidence";

/// `hasMember` → `HAS_MEMBER`.
fn relationship_type(relation: &str) -> String {
    let mut out = String::new();
    for c in relation.chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// Writes `nodes.csv` and `relationships.csv` into `dir` (created if needed);
/// returns the numbers of nodes and relationships.
pub fn write_neo4j_folder(graph: &Graph, dir: &Path) -> Result<(usize, usize)> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut nodes = Vec::new();
    writeln!(nodes, "{NODES_HEADER}").map_err(|e| Error::io(dir, e))?;
    for node in &graph.nodes {
        writeln!(
            nodes,
            "{},{},Entity;{},{},{}",
            csv_field(&node.iri),
            csv_field(&node.label),
            node.entity_type,
            node.mentions,
            csv_field(&node.aliases.join(" | "))
        )
        .map_err(|e| Error::io(dir, e))?;
    }
    let mut relationships = Vec::new();
    writeln!(relationships, "{RELATIONSHIPS_HEADER}").map_err(|e| Error::io(dir, e))?;
    for edge in &graph.edges {
        writeln!(
            relationships,
            "{},{},{},{},{},{},{},{}",
            csv_field(&graph.nodes[edge.source].iri),
            csv_field(&graph.nodes[edge.target].iri),
            relationship_type(&edge.relation),
            edge.relation,
            edge.date.map(|d| d.to_string()).unwrap_or_default(),
            edge.articles.len(),
            csv_field(
                edge.articles
                    .first()
                    .map(String::as_str)
                    .unwrap_or_default()
            ),
            csv_field(&edge.evidence)
        )
        .map_err(|e| Error::io(dir, e))?;
    }
    for (name, bytes) in [("nodes.csv", nodes), ("relationships.csv", relationships)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok((graph.nodes.len(), graph.edges.len()))
}

/// A Cypher string literal: single quotes, with backslash escapes.
pub fn cypher_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Cypher label or relationship type, back-quoted unless it is a plain identifier.
fn cypher_name(name: &str) -> String {
    if !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
    {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

/// Writes `graph` as a Cypher script (one statement per line, `;`-terminated).
pub fn write_cypher(graph: &Graph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "// newsgraph: {} entities, {} relationships.",
        graph.nodes.len(),
        graph.edges.len()
    )?;
    writeln!(
        out,
        "// Run with: cypher-shell -u neo4j -p PASSWORD -f graph.cypher"
    )?;
    writeln!(out, "CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;")?;
    for node in &graph.nodes {
        let aliases: Vec<String> = node.aliases.iter().map(|a| cypher_string(a)).collect();
        writeln!(
            out,
            "MERGE (n:Entity {{id: {}}}) SET n:{}, n.label = {}, n.mentions = {}, n.aliases = [{}];",
            cypher_string(&node.iri),
            cypher_name(&node.entity_type),
            cypher_string(&node.label),
            node.mentions,
            aliases.join(", ")
        )?;
    }
    for edge in &graph.edges {
        let date = edge
            .date
            .map(|d| format!("date('{d}')"))
            .unwrap_or_else(|| "null".to_string());
        writeln!(
            out,
            "MATCH (a:Entity {{id: {}}}) MATCH (b:Entity {{id: {}}}) MERGE (a)-[r:{}]->(b) SET r.relation = {}, r.date = {date}, r.articles = {}, r.first_article = {}, r.evidence = {};",
            cypher_string(&graph.nodes[edge.source].iri),
            cypher_string(&graph.nodes[edge.target].iri),
            cypher_name(&relationship_type(&edge.relation)),
            cypher_string(&edge.relation),
            edge.articles.len(),
            cypher_string(edge.articles.first().map(String::as_str).unwrap_or_default()),
            cypher_string(&edge.evidence)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_strings() {
        assert_eq!(relationship_type("hasMember"), "HAS_MEMBER");
        assert_eq!(
            relationship_type("requestedAssistanceFrom"),
            "REQUESTED_ASSISTANCE_FROM"
        );
        assert_eq!(cypher_string(r"O'Neil \ said"), r"'O\'Neil \\ said'");
        assert_eq!(cypher_string("a\nb\u{7}"), "'a\\nb\\u0007'");
        assert_eq!(cypher_name("Person"), "Person");
        assert_eq!(cypher_name("a b`c"), "`a b``c`");
    }
}
