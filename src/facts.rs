//! Facts: what the extractors produce. Plain Rust values that point at the
//! article's entities by index and carry their evidence; no RDF here.

use crate::dates::Date;

pub use crate::model::Relation;

/// Where a fact was read: one sentence of the cleaned body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// Index of the sentence.
    pub sentence: usize,
    /// Byte offset of the sentence start in the body.
    pub start: usize,
    /// Byte offset of the sentence end in the body.
    pub end: usize,
}

/// Whether a fact's object is written with it or supplied from elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectSource {
    /// Written with the fact in its sentence ("Russian President X": Russia).
    Written,
    /// Supplied by a default or by another fact: the article's country or
    /// company as the owner of a post that names none, a post's owner carried
    /// from elsewhere in the article, the organisation of a position derived
    /// from a role change.
    Inferred,
}

/// A relation between entities of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationFact {
    /// The relation.
    pub relation: Relation,
    /// Subject entity (agent); `None` when the text names none.
    pub subject: Option<usize>,
    /// Object entity; `None` for a body's resignation without a named post.
    pub object: Option<usize>,
    /// Post or role text ("former head", "chief executive").
    pub role: Option<String>,
    /// Organisation of the post, when distinct from the object.
    pub organization: Option<usize>,
    /// When it happened.
    pub date: Option<Date>,
    /// Where it happened.
    pub place: Option<usize>,
    /// The sentence it was read from.
    pub evidence: Evidence,
    /// Whether the object is written with the fact or inferred.
    pub object_source: ObjectSource,
    /// Name of the extractor that produced it.
    pub extractor: &'static str,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

/// A figure: how many were killed, injured, detained or deployed.
#[derive(Debug, Clone, PartialEq)]
pub struct CountFact {
    /// killed, injured, detained or deployed.
    pub kind: String,
    /// The number (a lower bound for "more than N").
    pub number: u64,
    /// The counted group as written ("protesters").
    pub who: String,
    /// Where, when the sentence says.
    pub place: Option<usize>,
    /// Who the figure is attributed to.
    pub source: Option<usize>,
    /// When.
    pub date: Option<Date>,
    /// The sentence it was read from.
    pub evidence: Evidence,
    /// Name of the extractor that produced it.
    pub extractor: &'static str,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Relations (role changes are the relations with [`Relation::role_change`]).
    pub relations: Vec<RelationFact>,
    /// Counts.
    pub counts: Vec<CountFact>,
}
