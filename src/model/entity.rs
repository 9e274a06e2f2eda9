//! The entity types of the contract: what mentions are typed as, what rule
//! files name in their type columns and what the mapping turns into classes.

/// The entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A named person.
    Person,
    /// Governments, ministries, alliances, companies, parties, agencies.
    Organization,
    /// A sovereign state.
    Country,
    /// Cities, regions, facilities.
    Place,
    /// Troops and units.
    MilitaryForce,
    /// Unnamed collective actors (protesters, police).
    Group,
}

impl EntityType {
    /// All types, in a stable order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Place,
        EntityType::MilitaryForce,
        EntityType::Group,
    ];

    /// The type's name as in the contract ("Person").
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Country => "Country",
            EntityType::Place => "Place",
            EntityType::MilitaryForce => "MilitaryForce",
            EntityType::Group => "Group",
        }
    }

    /// Parses a type name.
    pub fn parse(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name() == name)
    }
}
