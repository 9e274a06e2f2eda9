//! The relation table: every relation of the contract with what the other
//! places need to know about it, in one row. The facts model, the mapping,
//! the rule loader (`frames.tsv`), the shapes (`ontology/shapes.ttl`), the
//! export checks (`newsgraph relations`) and the tests read their lists
//! from here; `tests/it/ontology.rs` checks `ontology/newsgraph.ttl` against it.
//!
//! Adding a relation: a row here, a frame in `rules/frames.tsv`, the
//! property and event class in `ontology/newsgraph.ttl`, an extraction case;
//! then regenerate `ontology/shapes.ttl` and `ontology/docs.md`.

/// What the other places need to know about one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationSpec {
    /// The relation this row describes.
    pub relation: Relation,
    /// Its name in the contract, in `frames.tsv` and as the local name of the
    /// direct-edge property (`ng:dismissed`).
    pub name: &'static str,
    /// Local name of the ontology class of its event nodes (`ng:Dismissal`).
    pub event_class: &'static str,
    /// The `ng:changeKind` it records if it is a role change (its event class
    /// is then a subclass of `ng:RoleChange`).
    pub role_change: Option<&'static str>,
    /// Whether a frame may give it without a named agent ("X was arrested").
    pub agent_may_be_unnamed: bool,
    /// Whether subject and object may be swapped without changing the fact
    /// (the property is an `owl:SymmetricProperty`; duplicates are found
    /// in either order).
    pub symmetric: bool,
    /// The relation a frame of this one also gives when a destination follows
    /// its object: "sent troops to X" is `deployed` and `deployedTo`.
    pub companion: Option<Relation>,
}

/// Defines [`Relation`] and [`TABLE`] from one list, so that a relation
/// cannot exist without its row.
macro_rules! relation_table {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident { $($field:ident: $value:expr),* $(,)? }
    ),* $(,)?) => {
        /// A relation of the contract (`../shared/eval/contract.md`); its row
        /// of [`TABLE`] is [`Relation::spec`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Relation {
            $($(#[doc = $doc])* $variant,)*
        }

        /// The relation table, in the order of [`Relation::ALL`].
        pub const TABLE: &[RelationSpec] = &[
            $(RelationSpec { relation: Relation::$variant, $($field: $value),* },)*
        ];
    };
}

relation_table! {
    /// Organization → member country or organisation.
    HasMember {
        name: "hasMember",
        event_class: "Membership",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
    /// Agent → person removed from a post.
    Dismissed {
        name: "dismissed",
        event_class: "Dismissal",
        role_change: Some("dismissed"),
        agent_may_be_unnamed: true,
        symmetric: false,
        companion: None,
    },
    /// Agent (may be unknown) → person put in a post.
    Appointed {
        name: "appointed",
        event_class: "Appointment",
        role_change: Some("appointed"),
        agent_may_be_unnamed: true,
        symmetric: false,
        companion: None,
    },
    /// Person or body → the organisation or post left.
    Resigned {
        name: "resigned",
        event_class: "Resignation",
        role_change: Some("resigned"),
        agent_may_be_unnamed: true,
        symmetric: false,
        companion: None,
    },
    /// Agent (may be unknown) → person arrested.
    Arrested {
        name: "arrested",
        event_class: "Arrest",
        role_change: Some("arrested"),
        agent_may_be_unnamed: true,
        symmetric: false,
        companion: None,
    },
    /// New holder → previous holder of a post.
    Succeeded {
        name: "succeeded",
        event_class: "Succession",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
    /// Person → organisation or country, with the post as role.
    HoldsPosition {
        name: "holdsPosition",
        event_class: "PositionHolding",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
    /// Country, organisation or person → military force sent.
    Deployed {
        name: "deployed",
        event_class: "Deployment",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: Some(Relation::DeployedTo),
    },
    /// Force, country or organisation → destination.
    DeployedTo {
        name: "deployedTo",
        event_class: "DeploymentDestination",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
    /// Person or country → organisation or country asked for help.
    RequestedAssistanceFrom {
        name: "requestedAssistanceFrom",
        event_class: "AssistanceRequest",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
    /// Person ↔ person (call, talks, meeting); symmetric.
    SpokeWith {
        name: "spokeWith",
        event_class: "Conversation",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: true,
        companion: None,
    },
    /// Accuser → accused.
    Accused {
        name: "accused",
        event_class: "Accusation",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
    /// Group, person or organisation → place taken.
    Seized {
        name: "seized",
        event_class: "Seizure",
        role_change: None,
        agent_may_be_unnamed: false,
        symmetric: false,
        companion: None,
    },
}

impl Relation {
    /// All relations, in the table's order.
    pub const ALL: [Relation; TABLE.len()] = {
        let mut all = [Relation::HasMember; TABLE.len()];
        let mut i = 0;
        while i < TABLE.len() {
            all[i] = TABLE[i].relation;
            i += 1;
        }
        all
    };

    /// The relation's row of the table.
    pub const fn spec(self) -> &'static RelationSpec {
        // The macro lists the variants and the rows in the same order.
        &TABLE[self as usize]
    }

    /// The relation's name as in the contract ("hasMember").
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Parses a relation name.
    pub fn parse(name: &str) -> Option<Relation> {
        TABLE.iter().find(|s| s.name == name).map(|s| s.relation)
    }

    /// The role change a relation records, if it is one (its object is the
    /// person, except for a resignation).
    pub fn role_change(self) -> Option<&'static str> {
        self.spec().role_change
    }
}

/// Column names of [`table_tsv`] and keys of [`table_json`].
const COLUMNS: [&str; 6] = [
    "relation",
    "event_class",
    "role_change",
    "agent_may_be_unnamed",
    "symmetric",
    "companion",
];

/// The table as TSV (`newsgraph relations`): a header, then a line per
/// relation; `-` where a row has no value.
pub fn table_tsv() -> String {
    let mut out = COLUMNS.join("\t") + "\n";
    for s in TABLE {
        let row = [
            s.name,
            s.event_class,
            s.role_change.unwrap_or("-"),
            if s.agent_may_be_unnamed {
                "true"
            } else {
                "false"
            },
            if s.symmetric { "true" } else { "false" },
            s.companion.map_or("-", Relation::name),
        ];
        out += &(row.join("\t") + "\n");
    }
    out
}

/// The table as a JSON array of objects (`newsgraph relations --format json`),
/// for scripts; `null` where a row has no value.
pub fn table_json() -> String {
    let rows: Vec<serde_json::Value> = TABLE
        .iter()
        .map(|s| {
            let values = [
                s.name.into(),
                s.event_class.into(),
                s.role_change.into(),
                s.agent_may_be_unnamed.into(),
                s.symmetric.into(),
                s.companion.map(Relation::name).into(),
            ];
            COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(values)
                .collect::<serde_json::Map<_, _>>()
                .into()
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("plain values serialise") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_variants_and_names_are_unique() {
        for (i, s) in TABLE.iter().enumerate() {
            assert_eq!(s.relation as usize, i);
            assert_eq!(Relation::parse(s.name), Some(s.relation));
            assert_eq!(Relation::ALL[i].spec(), s);
        }
        let mut names: Vec<&str> = TABLE.iter().flat_map(|s| [s.name, s.event_class]).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 2 * TABLE.len(), "names and classes are unique");
        assert_eq!(Relation::parse("dismised"), None);
    }

    #[test]
    fn exports_give_one_row_per_relation() {
        let tsv = table_tsv();
        assert_eq!(tsv.lines().count(), TABLE.len() + 1);
        assert!(tsv.contains("deployed\tDeployment\t-\tfalse\tfalse\tdeployedTo\n"));
        let json: Vec<serde_json::Value> = serde_json::from_str(&table_json()).unwrap();
        assert_eq!(json.len(), TABLE.len());
        assert_eq!(json[1]["role_change"], "dismissed");
        assert_eq!(json[0]["companion"], serde_json::Value::Null);
    }
}
