//! A flat CSV edge list (RFC 4180, one header line): spreadsheets, pandas,
//! Cytoscape's table import.

use super::{csv_field, Graph};
use std::io::{Result, Write};

/// The header line of the edge list.
pub const HEADER: &str = "source,target,relation,date,articles,evidence,source_type,target_type";

/// Writes one line per edge: the two entities by label, the relation, the
/// earliest date, the number of supporting articles, the first evidence
/// sentence and the two entity types.
pub fn write(graph: &Graph, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{HEADER}")?;
    for edge in &graph.edges {
        let (source, target) = (&graph.nodes[edge.source], &graph.nodes[edge.target]);
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            csv_field(&source.label),
            csv_field(&target.label),
            edge.relation,
            edge.date.map(|d| d.to_string()).unwrap_or_default(),
            edge.articles.len(),
            csv_field(&edge.evidence),
            source.entity_type,
            target.entity_type
        )?;
    }
    Ok(())
}
