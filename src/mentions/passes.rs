//! Sentence-level passes over the mentions once all are found: corrections
//! that need a mention's neighbours ("western Europe", "Peru's security
//! service", "Kyodo reported", a name listed between two places, a state
//! body named with its country). `find_mentions` runs them in the order of
//! its `PASSES` table, all with one signature.

use super::NameLexicon;
use super::{join_lower, mention, EntityType, Mention, MentionKind};
use crate::text::{Token, TokenKind};

/// Compass words that name part of a country or continent.
const COMPASS: [&str; 9] = [
    "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
];

/// Parts of countries and continents: "western Europe" is the region
/// "Western Europe" where the gazetteer knows it; "Western Ruritania", a
/// compass word and a country, is a place of that country.
pub(super) fn compass_regions(tokens: &[Token], mentions: &mut [Mention], names: &NameLexicon) {
    for m in mentions.iter_mut().filter(|m| m.kind == MentionKind::Name) {
        let lowercase_compass = m
            .first
            .checked_sub(1)
            .filter(|&c| COMPASS.contains(&tokens[c].text.as_str()));
        if let Some(c) = lowercase_compass {
            let mut compass = tokens[c].text.clone();
            compass[..1].make_ascii_uppercase();
            let region = format!("{compass} {}", m.text);
            if let Some(entry) = names.gazetteer.get(&region) {
                m.first = c;
                m.text = region;
                m.canonical = entry.canonical.clone();
                m.entity_type = Some(entry.entity_type);
            }
            continue;
        }
        let Some((first, rest)) = m.text.split_once(' ') else {
            continue;
        };
        let of_country = names
            .gazetteer
            .get(rest)
            .is_some_and(|g| g.entity_type == EntityType::Country);
        if m.entity_type.is_none()
            && m.title.is_none()
            && COMPASS.contains(&first.to_lowercase().as_str())
            && of_country
        {
            m.entity_type = Some(EntityType::Place);
        }
    }
}

/// "Peru's security service": a state body in lowercase after its country's
/// possessive, named with the country. A common noun (`Collective`): no
/// anaphor ("the ministry", "the alliance") points to it.
pub(super) fn lowercase_state_bodies(
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    names: &NameLexicon,
) {
    let mut j = 0;
    while j < mentions.len() {
        let m = &mentions[j];
        let start = m.last + 1;
        let possessive = m.entity_type == Some(EntityType::Country)
            && m.kind == MentionKind::Name
            && tokens
                .get(m.last)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
        let next_mention = mentions.get(j + 1).map_or(usize::MAX, |n| n.first);
        let body_end = possessive
            .then(|| {
                (start + 2..=start + 3).find(|&e| {
                    e <= tokens.len()
                        && e <= next_mention
                        && tokens[start..e]
                            .iter()
                            .all(|t| t.kind == TokenKind::Word && !t.is_capitalized())
                        && names.state_body_nouns.contains(&tokens[e - 1].lower)
                })
            })
            .flatten();
        if let Some(end) = body_end {
            let label = format!("{}'s {}", m.canonical, join_lower(&tokens[start..end]));
            let body = mention(
                start,
                end,
                &label,
                EntityType::Organization,
                MentionKind::Collective,
            );
            mentions.insert(j + 1, body);
            j += 1;
        }
        j += 1;
    }
}

/// A state body named generically is named with its country, so that
/// "Peru's Foreign Ministry" and "Chile's Foreign Ministry" stay two bodies
/// and one body has one name in every story: "Peru's Foreign Ministry" and
/// "Peruvian Foreign Ministry" both become "Peru's Foreign Ministry" (as
/// written stays an alias). A country written as part of the name ("U.S.
/// State Department") stays as written.
pub(super) fn qualify_government_bodies(
    tokens: &[Token],
    mentions: &mut [Mention],
    names: &NameLexicon,
) {
    for j in 0..mentions.len() {
        let m = &mentions[j];
        if m.entity_type != Some(EntityType::Organization)
            || m.kind != MentionKind::Name
            || m.canonical.contains("'s ")
        {
            continue;
        }
        let words: Vec<&str> = m.canonical.split_whitespace().collect();
        if !words
            .last()
            .is_some_and(|w| names.state_body_heads.contains(*w))
            || words.len() > 5
        {
            continue;
        }
        // "Peru's Foreign Ministry": the possessor right before.
        let possessor = j
            .checked_sub(1)
            .map(|p| &mentions[p])
            .filter(|p| {
                p.entity_type == Some(EntityType::Country)
                    && p.last + 1 == m.first
                    && tokens[p.last].kind == TokenKind::Possessive
            })
            .map(|p| (p.canonical.clone(), 0));
        // "Peruvian Foreign Ministry": the nationality inside.
        let inside = || {
            [2, 1].into_iter().find_map(|n| {
                let country = names.demonyms.get(&words.get(..n)?.join(" "))?;
                (words.len() > n).then(|| (country.clone(), n))
            })
        };
        let Some((country, skip)) = possessor.or_else(inside) else {
            continue;
        };
        let body = &words[skip..];
        // A body with a name of its own ("Acme Service") is left as it is.
        let generic = body.iter().all(|w| {
            !names.given_names.contains(*w)
                && !names.gazetteer.contains_key(*w)
                && !names.demonyms.contains_key(*w)
        }) && !names.gazetteer.contains_key(&body.join(" "));
        if generic {
            mentions[j].canonical = format!("{country}'s {}", body.join(" "));
        }
    }
}

/// An unknown name that reports is a news outlet or a company ("Kyodo
/// reported", "Globex reports"), unless it opens with a given name.
pub(super) fn reporters_are_organisations(
    tokens: &[Token],
    mentions: &mut [Mention],
    names: &NameLexicon,
) {
    for m in mentions.iter_mut() {
        let reports = tokens
            .get(m.last)
            .is_some_and(|t| matches!(t.lower.as_str(), "reported" | "reports"));
        let given = m
            .text
            .split_whitespace()
            .next()
            .is_some_and(|w| names.given_names.contains(w));
        if reports
            && m.entity_type.is_none()
            && m.kind == MentionKind::Name
            && m.title.is_none()
            && !given
        {
            m.entity_type = Some(EntityType::Organization);
        }
    }
}

/// An unknown name listed between two places (or two organisations) is one
/// too: "deployed to Plaza Mayor, Los Arcos and Puerta del Sol".
pub(super) fn type_by_coordination(
    tokens: &[Token],
    mentions: &mut [Mention],
    _rules: &NameLexicon,
) {
    let listed = |from: usize, to: usize| {
        let gap: Vec<&str> = tokens[from..to].iter().map(|t| t.lower.as_str()).collect();
        matches!(gap.as_slice(), [","] | ["and"] | [",", "and"])
    };
    for j in 1..mentions.len().saturating_sub(1) {
        let (before, m, after) = (&mentions[j - 1], &mentions[j], &mentions[j + 1]);
        let kind = before.entity_type;
        let unknown_between = m.entity_type.is_none()
            && m.kind == MentionKind::Name
            && m.title.is_none()
            && matches!(kind, Some(EntityType::Place | EntityType::Organization))
            && before.kind == MentionKind::Name
            && after.kind == MentionKind::Name
            && after.entity_type == kind
            && before.last < m.first
            && m.last <= after.first
            && tokens[before.last..m.first].iter().all(|t| t.text == ",")
            && listed(m.last, after.first);
        if unknown_between {
            mentions[j].entity_type = kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mentions::tests::mentions;
    use crate::model::EntityType;

    #[test]
    fn an_unknown_name_listed_between_places_is_a_place() {
        let found = mentions("Crowds filled Tahrir Square, Qasr al-Nil and Talaat Harb Square.");
        assert!(found.contains(&("Qasr al-Nil".into(), Some(EntityType::Place), None)));
        // Not between two of a kind: left untyped.
        let found = mentions("Crowds filled Tahrir Square and Qasr al-Nil.");
        assert!(
            found.contains(&("Qasr al-Nil".into(), None, None)),
            "{found:?}"
        );
    }

    #[test]
    fn compass_regions_and_reporting_outlets() {
        let found =
            mentions("Strikes spread from Western Ruritania to eastern Europe, Kyodo reported.");
        assert!(
            found.contains(&("Western Ruritania".into(), None, None)),
            "{found:?}"
        );
        let found =
            mentions("Strikes spread from Western Ukraine to eastern Europe, Kyodo reported.");
        assert!(found.contains(&("Western Ukraine".into(), Some(EntityType::Place), None)));
        assert!(found.contains(&("Eastern Europe".into(), Some(EntityType::Place), None)));
        assert!(found.contains(&("Kyodo".into(), Some(EntityType::Organization), None)));
        // A person who reports stays a person.
        let found = mentions("Strikes spread, Maria Kowalski reported.");
        assert!(
            found.iter().all(|m| m.1 != Some(EntityType::Organization)),
            "{found:?}"
        );
    }
}
