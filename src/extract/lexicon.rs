//! The extraction lexicon: verb and noun frames, count triggers and the
//! word lists only extraction reads. It lives with `extract` so that the
//! stage does not depend on the rules loader, which fills it.

use crate::model::{EntityType, Relation};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a verb frame finds its arguments (see `rules/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Agent before the trigger, patient after; passive voice detected.
    Active,
    /// Only a subject before the trigger (resigned, stepped down).
    Intransitive,
    /// A noun: "the arrest of X", "X's arrest", "... by Y".
    Noun,
    /// Argument order reversed: "X is a member of Y" gives Y → X.
    Reverse,
    /// A movement: the mover before the trigger, the destination after it,
    /// whatever the voice ("troops were deployed to X", "units arrived in Y").
    Motion,
    /// A claim about someone's act: the claimant before the trigger, the one
    /// said to have acted right after it, followed by the act ("X claimed
    /// bandits had attacked", "X alleged that rebels planned a coup").
    Claim,
    /// A post handed on: the one who hands it before the trigger, the post
    /// (one of `requires`) right after it, then "to" and the one who receives
    /// it ("X handed the presidency to Y": Y succeeded X as president).
    Handover,
}

/// One verb or noun frame from `frames.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The relation it gives.
    pub relation: Relation,
    /// How arguments are found.
    pub kind: FrameKind,
    /// The trigger phrase, lowercased, as words.
    pub trigger: Vec<String>,
    /// Types allowed for the agent (empty: any).
    pub agent_types: Vec<EntityType>,
    /// Types allowed for the patient (empty: any).
    pub patient_types: Vec<EntityType>,
    /// Words of which one must follow within a few words ("help" for "asked").
    pub requires: Vec<String>,
    /// Words that cancel the frame right after the trigger ("fired on").
    pub blockers: Vec<String>,
}

/// Frames and words that extraction alone reads.
#[derive(Debug, Clone, Default)]
pub struct ExtractLexicon {
    /// Plural nouns for people that a figure may count ("passengers"), besides groups.
    pub people_nouns: HashSet<String>,
    /// Nouns that make an organisation an alliance (`word_lists.tsv`: `alliance`).
    pub alliance_nouns: HashSet<String>,
    /// Verbs that appoint someone "to succeed" another (`appointing`).
    pub appointing_verbs: HashSet<String>,
    /// Business titles that name a trade, not a post ("analyst"): no default owner (`occupation`).
    pub occupations: HashSet<String>,
    /// Posts of legislatures and of regions and towns ("senator", "governor", "mayor"):
    /// no default owner, the story's country least of all (`local-post`).
    pub local_posts: HashSet<String>,
    /// Verb and noun frames by the first word of their trigger.
    pub frames: HashMap<String, Vec<Frame>>,
    /// Count triggers: lowercased word or phrase → kind (killed, injured, ...).
    pub count_triggers: HashMap<String, String>,
}
