//! newsgraph: news articles in, a queryable RDF knowledge graph out.
//!
//! The pipeline, one module per stage (see `ARCHITECTURE.md`):
//! [`input`] reads articles → [`clean`] removes boilerplate and finds the date
//! → [`text`] splits sentences and tokens → [`mentions`] finds and types names
//! → [`resolve`] groups mentions into entities → [`extract`] produces
//! [`facts`] → [`mapping`] turns them into RDF quads with provenance →
//! [`store`] keeps one named graph per article in Oxigraph → [`queries`]
//! answers saved SPARQL queries. [`pipeline`] runs the stages; [`rules`]
//! loads the data files that drive them into the lexicon each stage owns
//! (no stage imports `rules`); [`model`] holds the types they
//! share (entity types, the relation table).
//!
//! Around the pipeline: [`graph_export`] writes the graph for graph tools
//! (GraphML, GEXF, Neo4j, Cypher, CSV, DOT) and filters every export;
//! [`shacl`] validates the store against `ontology/shapes.ttl`;
//! [`ontology_docs`] generates `ontology/docs.md`.
//!
//! The `newsgraph` program (`src/main.rs` and `src/cli/`) adds the command
//! line (clap) and the memory allocator; the library depends on neither.
//!
//! Ingest a file into a store, ask a saved query, export Turtle:
//!
//! ```
//! use newsgraph::pipeline::{ingest, Pipeline};
//! use newsgraph::queries::{find_saved, write_results, ResultFormat};
//! use newsgraph::rules::Rules;
//! use newsgraph::store::GraphStore;
//! use oxigraph::io::RdfFormat;
//!
//! let dir = tempfile::tempdir()?;
//! let article = dir.path().join("harbour-minister.txt");
//! std::fs::write(
//!     &article,
//!     "Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday, officials said.\n",
//! )?;
//! let pipeline = Pipeline::new(Rules::builtin(), None);
//! let store = GraphStore::open(&dir.path().join("store"))?;
//! let summary = ingest(&pipeline, &store, &[article], |_progress| {})?;
//! assert_eq!(summary.added, 1);
//!
//! let relations = find_saved("relations", None)?;
//! let mut csv = Vec::new();
//! write_results(store.query(&relations.sparql)?, ResultFormat::Csv, &mut csv)?;
//! let csv = String::from_utf8(csv)?;
//! assert!(csv.contains("Ana Lima,dismissed,Paulo Reis"), "{csv}");
//!
//! let mut turtle = Vec::new();
//! store.export(RdfFormat::Turtle, &mut turtle)?;
//! assert!(String::from_utf8(turtle)?.contains("ng:Dismissal"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod clean;
pub mod dates;
pub mod error;
pub mod extract;
pub mod facts;
pub mod graph_export;
pub mod input;
pub mod mapping;
pub mod mentions;
pub mod model;
pub mod ontology_docs;
pub mod pipeline;
pub mod queries;
pub mod resolve;
pub mod rules;
pub mod shacl;
pub mod store;
pub mod text;

pub use error::{Error, Result};

/// The built-in rules for unit tests, loaded once per test binary rather
/// than once per test (loading them is the slow part of a small test).
#[cfg(test)]
pub(crate) fn builtin_rules() -> &'static rules::Rules {
    static RULES: std::sync::OnceLock<rules::Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(rules::Rules::builtin)
}
