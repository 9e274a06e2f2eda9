//! Typed errors of the library, a named variant per failure and one enum per
//! area (store, exports, ontology files), so that callers can tell failures
//! apart without reading messages. The CLI adds context with `anyhow`. The
//! enums are `#[non_exhaustive]`: a new failure is not a breaking change.

use crate::dates::Date;
use oxigraph::io::RdfSyntaxError;
use oxigraph::model::IriParseError;
use std::path::PathBuf;
use std::process::ExitStatus;

/// Everything that can go wrong inside newsgraph's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A rule file has a line that does not follow its documented format.
    #[error("rule file {file}, line {line}: {message}")]
    Rules {
        /// The rule file's name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// `--rules DIR` names a folder without any rule file.
    #[error("{}: no rule files found (expected names such as frames.tsv, titles.tsv)", dir.display())]
    NoRuleFiles {
        /// The folder given.
        dir: PathBuf,
    },
    /// A `--rules` folder holds a rule-like file (.tsv, .txt) whose name no rule file has:
    /// most likely a misspelt name whose rules would otherwise be ignored.
    #[error("{}: not a rule file name; expected one of: {expected}", path.display())]
    UnknownRuleFile {
        /// The file found.
        path: PathBuf,
        /// Comma-separated names of the rule files.
        expected: String,
    },
    /// The embedded Oxigraph store failed.
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// A SPARQL query did not parse; the message names line and column.
    #[error("SPARQL syntax error: {0}")]
    SparqlSyntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    /// A SPARQL query failed while running.
    #[error("SPARQL evaluation: {0}")]
    SparqlEvaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Writing an export failed.
    #[error("export: {0}")]
    Serialize(#[from] oxigraph::store::SerializerError),
    /// A saved query name that does not exist; lists those that do.
    #[error("no saved query named {name:?}; saved queries: {available}")]
    UnknownQuery {
        /// The name asked for.
        name: String,
        /// Comma-separated names of the saved queries.
        available: String,
    },
    /// A query whose results are read as rows is not a SELECT query.
    #[error("the {query} query must be a SELECT query")]
    NotSelect {
        /// Which query: `explain`, `export`, `validation`.
        query: &'static str,
    },
    /// A namespace of the prefixes given to queries and exports is not an IRI.
    #[error("prefix {prefix}: {error}")]
    Prefix {
        /// The prefix name.
        prefix: String,
        /// Why its namespace is not an IRI.
        error: IriParseError,
    },
    /// The store cannot be opened or written (see [`StoreError`]).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An export cannot be made as asked (see [`ExportError`]).
    #[error(transparent)]
    Export(#[from] ExportError),
    /// An ontology, shapes or examples file is not usable (see [`OntologyError`]).
    #[error(transparent)]
    Ontology(#[from] OntologyError),
}

/// Why the store folder cannot be opened or written. Each message says what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Reading a folder that holds no store.
    #[error("{}: no store here (run `newsgraph ingest` first, or pass --store DIR)", dir.display())]
    Missing {
        /// The store folder.
        dir: PathBuf,
    },
    /// Another process holds the store's lock.
    #[error("{}: store in use by another newsgraph process ({detail})", dir.display())]
    InUse {
        /// The store folder.
        dir: PathBuf,
        /// RocksDB's message.
        detail: String,
    },
    /// The disk or the quota is full; what was stored before is whole.
    #[error("{}: disk full ({detail}); the articles stored before are whole: free space and run the same command again", dir.display())]
    DiskFull {
        /// The store folder.
        dir: PathBuf,
        /// The underlying message.
        detail: String,
    },
    /// The store folder cannot be written.
    #[error("{}: the store folder is read-only ({detail}); queries and exports still work", dir.display())]
    ReadOnly {
        /// The store folder.
        dir: PathBuf,
        /// The underlying message.
        detail: String,
    },
}

/// Why an export (RDF or graph tools) cannot be made as asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing the export's output failed.
    #[error("export: {0}")]
    Write(std::io::Error),
    /// A filter names an article the store does not hold.
    #[error("no article {id:?} in the store")]
    NoArticle {
        /// The article id asked for.
        id: String,
    },
    /// A date filter whose start is after its end.
    #[error("--from {from} is after --to {to}")]
    DatesReversed {
        /// The first day asked for.
        from: Date,
        /// The last day asked for.
        to: Date,
    },
    /// The entity a neighbourhood export is centred on is not in the selected articles.
    #[error("no entity with the label or alias {name:?} in the selected articles")]
    NoEntity {
        /// The label or alias asked for.
        name: String,
    },
    /// The Neo4j export is a folder of files, not one stream.
    #[error("the neo4j export is a folder of CSV files: give -o DIR")]
    Neo4jIsAFolder,
    /// An image format needs Graphviz's `dot`, which is not installed.
    #[error("--format {format} needs Graphviz's `dot` program, which is not on PATH: install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or export --format dot")]
    NoGraphviz {
        /// The image format asked for (`svg`, `png`).
        format: String,
    },
    /// The DOT text could not be handed to Graphviz's `dot`.
    #[error("could not write to Graphviz's dot")]
    GraphvizInput,
    /// Graphviz's `dot` ran and failed.
    #[error("Graphviz's dot failed ({status}): {stderr}")]
    Graphviz {
        /// How `dot` exited.
        status: ExitStatus,
        /// What it wrote on standard error, trimmed.
        stderr: String,
    },
}

/// Why an ontology, shapes or examples file (Turtle) is not usable.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OntologyError {
    /// The file is not valid Turtle.
    #[error("{file}: {error}")]
    Syntax {
        /// The file's name.
        file: String,
        /// The parser's message, with line and column.
        error: RdfSyntaxError,
    },
    /// A shape uses SHACL that `validate` does not support, or uses it wrongly.
    #[error("{file}: shape {shape}: {message}")]
    Shape {
        /// The shapes file's name.
        file: String,
        /// The shape's IRI or blank node.
        shape: String,
        /// What is wrong.
        message: String,
    },
    /// A shapes file without any node shape.
    #[error("{file}: no node shapes (sh:NodeShape or sh:targetClass)")]
    NoShapes {
        /// The shapes file's name.
        file: String,
    },
    /// The ontology has no `owl:Ontology` header to document.
    #[error("ontology: no owl:Ontology header")]
    NoHeader,
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
