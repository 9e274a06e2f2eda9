//! newsgraph: news articles in, a queryable RDF knowledge graph out.
//!
//! The pipeline, one module per stage (see `ARCHITECTURE.md`):
//! [`input`] reads articles → [`clean`] removes boilerplate and finds the date
//! → [`text`] splits sentences and tokens → [`mentions`] finds and types names
//! → [`resolve`] groups mentions into entities → [`extract`] produces
//! [`facts`] → [`mapping`] turns them into RDF quads with provenance →
//! [`store`] keeps one named graph per article in Oxigraph → [`queries`]
//! answers saved SPARQL queries. [`pipeline`] runs the stages; [`rules`]
//! loads the data files that drive them.
//!
//! Around the pipeline: [`graph_export`] writes the graph for graph tools
//! (GraphML, GEXF, Neo4j, Cypher, CSV, DOT) and filters every export;
//! [`shacl`] validates the store against `ontology/shapes.ttl`;
//! [`ontology_docs`] generates `ontology/docs.md`.
//!
//! The `newsgraph` program (`src/main.rs` and `src/cli/`) adds the command
//! line (clap) and the memory allocator; the library depends on neither.

pub mod clean;
pub mod dates;
pub mod error;
pub mod extract;
pub mod facts;
pub mod graph_export;
pub mod input;
pub mod mapping;
pub mod mentions;
pub mod ontology_docs;
pub mod pipeline;
pub mod queries;
pub mod resolve;
pub mod rules;
pub mod shacl;
pub mod store;
pub mod text;

pub use error::{Error, Result};
