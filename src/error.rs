//! Typed errors of the library. The CLI adds context with `anyhow`.

use std::path::PathBuf;

/// Everything that can go wrong inside newsgraph's library.
#[derive(Debug, thiserror::Error)]
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
    /// A request that cannot be served as asked (bad name, bad option value).
    #[error("{0}")]
    Invalid(String),
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
