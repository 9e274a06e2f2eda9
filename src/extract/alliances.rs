//! Memberships told by a country's leading role: "the Nigerian-led regional
//! bloc, the Economic Community of West African States". Frame verbs
//! ("joined", "includes") are read by `frames`; this is the one membership
//! told without a verb.

use super::{relation_fact, SentenceView};
use crate::facts::{Facts, Relation};
use crate::mentions::MentionKind;
use crate::model::EntityType;

/// "the Nigerian-led regional bloc, the Economic Community of West African
/// States": the country that leads an alliance is one of its members.
pub(super) fn led_alliances(view: &SentenceView, facts: &mut Facts) {
    let tokens = view.tokens();
    for (k, (m, country)) in view.mentions.iter().enumerate() {
        let Some(country) = *country else { continue };
        let leads =
            m.in_title && view.types[country] == EntityType::Country && m.is_leading_country();
        if !leads {
            continue;
        }
        // The alliance named within a few words, with no other name between.
        let Some((alliance, Some(org))) = view.mentions[k + 1..]
            .iter()
            .find(|(n, _)| n.kind == MentionKind::Name)
            .filter(|(n, _)| n.first <= m.last + 6)
        else {
            continue;
        };
        let named_alliance = tokens[m.last..alliance.last]
            .iter()
            .any(|t| view.lexicon.alliance_nouns.contains(&t.lower));
        if view.types[*org] == EntityType::Organization && named_alliance {
            facts.relations.push(relation_fact(
                view,
                Relation::HasMember,
                Some(*org),
                Some(country),
                None,
                0.7,
            ));
        }
    }
}
