//! Shared types that several stages name: entity types and the relation
//! table. A leaf of the crate: nothing here imports another newsgraph
//! module, so rules, mentions, extraction and mapping can all use it
//! without depending on each other.

pub mod entity;
pub mod relation;

pub use entity::EntityType;
pub use relation::{Relation, RelationSpec};
