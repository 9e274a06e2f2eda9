//! The integration tests, one binary: each module below was a test file of its
//! own, and each of those binaries linked RocksDB again (seconds of linking
//! per file). A new test file goes here as a module, not beside this folder.

mod common;

mod cli;
mod corpus;
mod extract_cases;
mod graph_exports;
mod ontology;
mod robustness;
