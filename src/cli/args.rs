//! The command line's arguments (clap), mapped into the library's plain
//! types: the library knows nothing of clap, so it can be used without it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsgraph::dates::Date;
use newsgraph::graph_export::{Filter, GraphFormat};
use newsgraph::model::Relation;
use newsgraph::queries::ResultFormat;
use oxigraph::io::RdfFormat;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Turn news articles into an RDF knowledge graph with provenance"
)]
pub struct Cli {
    /// Store folder.
    #[arg(long, global = true, default_value = "out/store")]
    pub store: PathBuf,
    /// A folder of extra rule files (same names as rules/); added to the built-in rules.
    #[arg(long, global = true)]
    pub rules: Option<PathBuf>,
    /// A folder of extra saved queries (*.rq); same names override the built-in ones.
    #[arg(long, global = true)]
    pub queries: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Ingest articles: .txt files, .jsonl files (one article per line), folders (recursive), or - for stdin.
    Ingest {
        /// Files, folders, or -.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD) for articles whose metadata and text give none.
        #[arg(long)]
        date: Option<String>,
        /// Print no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Run a saved query by name, a .rq file, or inline SPARQL.
    Query {
        /// Saved query name or path to a .rq file.
        query: Option<String>,
        /// Inline SPARQL text instead of a name.
        #[arg(long, conflicts_with = "query")]
        sparql: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
    },
    /// List the saved queries with their descriptions.
    Queries,
    /// Export the graph: RDF, or a graph for Gephi, yEd, Cytoscape, networkx, Neo4j, Graphviz.
    Export {
        /// Format: an RDF syntax, or graphml|gexf|neo4j|cypher|csv|dot|svg|png for graph tools.
        #[arg(long, value_enum, default_value = "turtle")]
        format: ExportFormat,
        /// Output file (default out/graph.<ext>; neo4j: a folder, default out/neo4j); - for stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations.
    Validate {
        /// A shapes file (Turtle) instead of the built-in ontology/shapes.ttl.
        #[arg(long)]
        shapes: Option<PathBuf>,
        /// Violations shown per constraint (all are counted).
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Write the ontology documentation (Markdown) from the built-in ontology, shapes and examples.
    OntologyDocs {
        /// Output file; - for stdout.
        #[arg(long, short, default_value = "ontology/docs.md")]
        output: PathBuf,
    },
    /// Write ontology/shapes.ttl: its hand-written shapes, with their lists of relations regenerated from the relation table.
    Shapes {
        /// Output file; - for stdout.
        #[arg(long, short, default_value = "ontology/shapes.ttl")]
        output: PathBuf,
    },
    /// Print the relation table (src/model/relation.rs): name, event class, role change, ...
    Relations {
        /// Output format.
        #[arg(long, value_enum, default_value = "tsv")]
        format: TableFormat,
    },
    /// Counts of articles, entities, facts and triples.
    Stats,
    /// Every fact about an entity, with the sentence, article and date behind it.
    Explain {
        /// A label or alias of the entity, exactly as written.
        entity: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
    },
    /// Remove an article and everything extracted from it.
    Remove {
        /// The article id.
        article: String,
    },
}

/// Formats of the relation table.
#[derive(Clone, Copy, ValueEnum)]
pub enum TableFormat {
    /// Tab-separated, with a header row.
    Tsv,
    /// A JSON array of objects.
    Json,
}

/// Export formats: RDF syntaxes and graph-tool formats.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
    Graphml,
    Gexf,
    Neo4j,
    Cypher,
    Csv,
    Dot,
    Svg,
    Png,
}

impl ExportFormat {
    /// The RDF syntax, or the graph-tool format.
    pub fn kind(self) -> Result<RdfFormat, GraphFormat> {
        match self {
            ExportFormat::Turtle => Ok(RdfFormat::Turtle),
            ExportFormat::Ntriples => Ok(RdfFormat::NTriples),
            ExportFormat::Nquads => Ok(RdfFormat::NQuads),
            ExportFormat::Trig => Ok(RdfFormat::TriG),
            ExportFormat::Rdfxml => Ok(RdfFormat::RdfXml),
            ExportFormat::Jsonld => Ok(RdfFormat::JsonLd {
                profile: Default::default(),
            }),
            ExportFormat::Graphml => Err(GraphFormat::Graphml),
            ExportFormat::Gexf => Err(GraphFormat::Gexf),
            ExportFormat::Neo4j => Err(GraphFormat::Neo4j),
            ExportFormat::Cypher => Err(GraphFormat::Cypher),
            ExportFormat::Csv => Err(GraphFormat::Csv),
            ExportFormat::Dot => Err(GraphFormat::Dot),
            ExportFormat::Svg => Err(GraphFormat::Svg),
            ExportFormat::Png => Err(GraphFormat::Png),
        }
    }
}

/// Output formats of query results (see [`ResultFormat`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// An aligned text table for people.
    Table,
    /// SPARQL CSV (plain values, header line).
    Csv,
    /// SPARQL TSV (RDF terms).
    Tsv,
    /// SPARQL JSON results.
    Json,
}

impl From<QueryFormat> for ResultFormat {
    fn from(format: QueryFormat) -> ResultFormat {
        match format {
            QueryFormat::Table => ResultFormat::Table,
            QueryFormat::Csv => ResultFormat::Csv,
            QueryFormat::Tsv => ResultFormat::Tsv,
            QueryFormat::Json => ResultFormat::Json,
        }
    }
}

/// The export filter options (see [`Filter`]).
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only what was read from this article (repeatable).
    #[arg(long = "article", value_name = "ID")]
    articles: Vec<String>,
    /// Only facts dated on or after this day (YYYY-MM-DD); undated facts are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<Date>,
    /// Only facts dated on or before this day (YYYY-MM-DD); undated facts are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<Date>,
    /// Only the neighbourhood of the entity with this label or alias (any case).
    #[arg(long, value_name = "ENTITY")]
    around: Option<String>,
    /// How many edges away from --around to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    depth: usize,
    /// Only facts of this relation, e.g. dismissed (repeatable); figures are left out.
    #[arg(long = "relation", value_name = "NAME", value_parser = parse_relation)]
    relations: Vec<Relation>,
}

impl From<FilterArgs> for Filter {
    fn from(args: FilterArgs) -> Filter {
        Filter {
            articles: args.articles,
            from: args.from,
            to: args.to,
            around: args.around,
            depth: args.depth,
            relations: args.relations,
        }
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text)
        .filter(|_| text.trim().len() == 10)
        .ok_or_else(|| format!("{text:?} is not a date YYYY-MM-DD"))
}

fn parse_relation(text: &str) -> Result<Relation, String> {
    Relation::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Relation::ALL.iter().map(|r| r.name()).collect();
        format!(
            "{text:?} is not a relation; relations: {}",
            names.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_arguments_are_checked() {
        assert!(parse_date("2024-06-08").is_ok());
        assert!(parse_date("2024-06-08T10:00").is_err());
        assert!(parse_date("2024-13-01").is_err());
        assert!(parse_relation("dismissed").is_ok());
        assert!(parse_relation("fired").unwrap_err().contains("hasMember"));
    }

    #[test]
    fn the_arguments_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
