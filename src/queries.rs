//! Saved SPARQL queries (`queries/*.rq`) and result formatting.
//!
//! Each saved query starts with comment lines `# title:`, `# description:`
//! and `# columns:`. The queries are compiled in; `--queries DIR` adds or
//! overrides queries from a folder.

use crate::error::{Error, Result};
use crate::mapping::PREFIXES;
use crate::store::GraphStore;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter, Variable};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

const BUILTIN: &[(&str, &str)] = &[
    ("entities", include_str!("../queries/entities.rq")),
    ("relations", include_str!("../queries/relations.rq")),
    ("role_changes", include_str!("../queries/role_changes.rq")),
    ("counts", include_str!("../queries/counts.rq")),
    ("timeline", include_str!("../queries/timeline.rq")),
    ("positions", include_str!("../queries/positions.rq")),
    ("members", include_str!("../queries/members.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
    ("explain", include_str!("../queries/explain.rq")),
];

/// Queries the program runs itself (graph exports, `stats`, the entity lookup
/// of `explain`). They are in `queries/internal/`, not in the code, so that
/// the ontology check reads every term they use; they are neither listed by
/// `newsgraph queries` nor overridden by `--queries`, as the code reads their
/// columns by name.
pub mod internal {
    /// Every article: `doc` (IRI), `id`.
    pub const EXPORT_ARTICLES: &str = include_str!("../queries/internal/export_articles.rq");
    /// Every fact: `fact`, `id`, `relation`, `subject`, `object`, `other`, `date`, `evidence`, `sentence`.
    pub const EXPORT_FACTS: &str = include_str!("../queries/internal/export_facts.rq");
    /// Each entity per article graph: `e`, `id`, `type`, `label`, `n` (mentions).
    pub const EXPORT_ENTITIES: &str = include_str!("../queries/internal/export_entities.rq");
    /// Each entity's other names per article graph: `e`, `id`, `alias`.
    pub const EXPORT_ALIASES: &str = include_str!("../queries/internal/export_aliases.rq");
    /// Labelled entities per class: `key`, `n`.
    pub const STATS_ENTITY_TYPES: &str = include_str!("../queries/internal/stats_entity_types.rq");
    /// Facts per relation: `key`, `n`.
    pub const STATS_RELATIONS: &str = include_str!("../queries/internal/stats_relations.rq");
    /// Number of figures: `key`, `n`.
    pub const STATS_COUNTS: &str = include_str!("../queries/internal/stats_counts.rq");
    /// Entities labelled or aliased `$name`: `entity`.
    pub const EXPLAIN_LOOKUP: &str = include_str!("../queries/internal/explain_lookup.rq");
}

/// A saved query.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedQuery {
    /// Name (file stem).
    pub name: String,
    /// Title from the `# title:` line.
    pub title: String,
    /// Description from the `# description:` line.
    pub description: String,
    /// Output columns from the `# columns:` line.
    pub columns: String,
    /// The SPARQL text.
    pub sparql: String,
}

impl SavedQuery {
    fn parse(name: &str, sparql: &str) -> SavedQuery {
        let header = |key: &str| {
            sparql
                .lines()
                .take_while(|l| l.starts_with('#'))
                .find_map(|l| {
                    l.trim_start_matches('#')
                        .trim()
                        .strip_prefix(key)
                        .map(|v| v.trim().to_string())
                })
                .unwrap_or_default()
        };
        SavedQuery {
            name: name.to_string(),
            title: header("title:"),
            description: header("description:"),
            columns: header("columns:"),
            sparql: sparql.to_string(),
        }
    }
}

/// The saved queries: built-in ones, then those of `dir` (same name overrides).
pub fn saved_queries(dir: Option<&Path>) -> Result<BTreeMap<String, SavedQuery>> {
    let mut queries: BTreeMap<String, SavedQuery> = BUILTIN
        .iter()
        .map(|(n, q)| (n.to_string(), SavedQuery::parse(n, q)))
        .collect();
    if let Some(dir) = dir {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("rq") {
                continue;
            }
            let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            queries.insert(name.to_string(), SavedQuery::parse(name, &text));
        }
    }
    Ok(queries)
}

/// Finds a saved query by name. Names are plain words, so no name reaches
/// outside the queries folder.
pub fn find_saved(name: &str, dir: Option<&Path>) -> Result<SavedQuery> {
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let queries = saved_queries(dir)?;
    match queries.get(name) {
        Some(q) if valid => Ok(q.clone()),
        _ => Err(Error::UnknownQuery {
            name: name.to_string(),
            available: queries.keys().cloned().collect::<Vec<_>>().join(", "),
        }),
    }
}

/// Fills a saved query's parameter: every `$name` becomes `value` as a
/// SPARQL string literal (escaped), so a query can ask about any text.
pub fn bind_parameter(sparql: &str, name: &str, value: &str) -> String {
    let literal = oxigraph::model::Literal::new_simple_literal(value).to_string();
    bind_term(sparql, name, &literal)
}

/// Every fact about the entities labelled (or aliased) `name`, exactly as
/// written: the entities are looked up first, then `explain_sparql` (the saved
/// `explain` query) runs once per entity with its IRI as `$entity`. A constant
/// IRI lets each pattern start from an index hit; joining the label lookup in
/// the same query made the evaluator scan every fact of the store.
pub fn explain(
    store: &GraphStore,
    explain_sparql: &str,
    name: &str,
) -> Result<QueryResults<'static>> {
    let lookup = bind_parameter(internal::EXPLAIN_LOOKUP, "name", name);
    let mut entities = Vec::new();
    if let QueryResults::Solutions(solutions) = store.query(&lookup)? {
        for solution in solutions {
            if let Some(entity) = solution?.get("entity") {
                entities.push(entity.to_string());
            }
        }
    }
    // No entity: the query still runs (on an IRI no node has) for its columns.
    if entities.is_empty() {
        entities.push(format!("<{}entity/none>", crate::mapping::ID));
    }
    let mut variables = None;
    let mut rows = Vec::new();
    for entity in &entities {
        if let QueryResults::Solutions(solutions) =
            store.query(&bind_term(explain_sparql, "entity", entity))?
        {
            variables.get_or_insert_with(|| Arc::<[Variable]>::from(solutions.variables()));
            for solution in solutions {
                rows.push(Ok(solution?));
            }
        }
    }
    let variables = variables.ok_or(Error::NotSelect { query: "explain" })?;
    Ok(QuerySolutionIter::new(variables, rows).into())
}

/// Replaces every `$name` variable (the whole name only) with `term`, written
/// in SPARQL syntax.
fn bind_term(sparql: &str, name: &str, term: &str) -> String {
    let placeholder = format!("${name}");
    let mut out = String::with_capacity(sparql.len());
    let mut rest = sparql;
    while let Some(at) = rest.find(&placeholder) {
        let after = &rest[at + placeholder.len()..];
        out.push_str(&rest[..at]);
        // Only the whole variable name: `$name` but not `$names`.
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            out.push_str(&placeholder);
        } else {
            out.push_str(term);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Output formats of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned text table for people.
    Table,
    /// SPARQL CSV (plain values, header line).
    Csv,
    /// SPARQL TSV (RDF terms).
    Tsv,
    /// SPARQL JSON results.
    Json,
}

/// Writes query results in `format`; returns the number of rows.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultFormat,
    mut out: impl Write,
) -> Result<usize> {
    let io = |e: std::io::Error| Error::io("<output>", e);
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(
                    variables
                        .iter()
                        .map(|v| solution.get(v).cloned())
                        .collect::<Vec<Option<Term>>>(),
                );
            }
            let count = rows.len();
            let sparql_format = match format {
                ResultFormat::Table => {
                    let header: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_string()).collect();
                    let body: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| {
                            r.iter()
                                .map(|t| t.as_ref().map(display).unwrap_or_default())
                                .collect()
                        })
                        .collect();
                    write_table(&header, &body, &mut out).map_err(io)?;
                    return Ok(count);
                }
                ResultFormat::Csv => QueryResultsFormat::Csv,
                ResultFormat::Tsv => QueryResultsFormat::Tsv,
                ResultFormat::Json => QueryResultsFormat::Json,
            };
            let mut serializer = QueryResultsSerializer::from_format(sparql_format)
                .serialize_solutions_to_writer(&mut out, variables.clone())
                .map_err(io)?;
            for row in &rows {
                let pairs = variables
                    .iter()
                    .zip(row)
                    .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())));
                serializer.serialize(pairs).map_err(io)?;
            }
            serializer.finish().map_err(io)?;
            Ok(count)
        }
        QueryResults::Boolean(value) => {
            writeln!(out, "{value}").map_err(io)?;
            Ok(1)
        }
        QueryResults::Graph(triples) => {
            let mut count = 0;
            for triple in triples {
                writeln!(out, "{} .", triple?).map_err(io)?;
                count += 1;
            }
            Ok(count)
        }
    }
}

/// A term as people read it: literal values plain, IRIs with known prefixes.
pub fn display(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            for (prefix, namespace) in PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(namespace) {
                    return format!("{prefix}:{local}");
                }
            }
            n.as_str().to_string()
        }
        other => other.to_string(),
    }
}

/// Cells wider than this are cut with an ellipsis in tables.
const MAX_CELL: usize = 70;

fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let cut = |s: &str| -> String {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() > MAX_CELL {
            one_line.chars().take(MAX_CELL - 1).collect::<String>() + "…"
        } else {
            one_line
        }
    };
    let cells: Vec<Vec<String>> = std::iter::once(header.to_vec())
        .chain(rows.iter().cloned())
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (n, row) in cells.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            writeln!(out, "{}", rule.join("  "))?;
        }
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_queries_have_headers() {
        for (name, q) in saved_queries(None).unwrap() {
            assert!(!q.title.is_empty(), "{name} has no title");
            assert!(!q.description.is_empty(), "{name} has no description");
            assert!(!q.columns.is_empty(), "{name} has no columns");
        }
    }

    #[test]
    fn parameters_are_escaped_literals() {
        let q = bind_parameter(
            "SELECT * { ?e rdfs:label $name . ?e ?p $names }",
            "name",
            "O\"Neil",
        );
        assert_eq!(q, "SELECT * { ?e rdfs:label \"O\\\"Neil\" . ?e ?p $names }");
    }

    #[test]
    fn names_cannot_escape_the_folder() {
        let err = find_saved("../etc/passwd", None).unwrap_err().to_string();
        assert!(err.contains("saved queries: "), "{err}");
        assert!(err.contains("relations"), "{err}");
    }
}
