//! Mentions that are no proper names: collective groups and forces with
//! their qualifier ("Russian troops", "NATO troops", "Chilean police"),
//! facilities ("the Lima airport", "the governor's residence"), governments
//! ("the Polish government", "the government of Peru") and the country that
//! leads something ("Saudi-led").

use super::{alone, join, join_lower, mention, EntityType, Found, Mention, MentionKind};
use super::{NameLexicon, TitleClass};
use crate::text::{Token, TokenKind};

/// "Saudi-led", "Turkish-led": the country that leads, as a mention that
/// only describes (`in_title`): no verb takes it as its subject or object.
pub(super) fn leading_country(tokens: &[Token], i: usize, names: &NameLexicon) -> Option<Found> {
    let token = &tokens[i];
    let prefix = token.text.strip_suffix("-led")?;
    let country = names.demonyms.get(prefix).or_else(|| {
        names
            .gazetteer
            .get(prefix)
            .filter(|g| g.entity_type == EntityType::Country)
            .map(|g| &g.canonical)
    })?;
    Some(alone(Mention {
        first: i,
        last: i + 1,
        text: token.text.clone(),
        canonical: country.clone(),
        entity_type: Some(EntityType::Country),
        kind: MentionKind::Name,
        title: None,
        in_title: true,
    }))
}

/// A collective or facility noun phrase starting at `i`, with an optional
/// nationality, country or organisation in front ("Russian troops", "NATO
/// troops", "Polish government", "the city's airport").
pub(super) fn collective_at(tokens: &[Token], i: usize, names: &NameLexicon) -> Option<Found> {
    collective(tokens, i, names).map(alone)
}

fn collective(tokens: &[Token], i: usize, names: &NameLexicon) -> Option<Mention> {
    let qualifier = qualifier_at(tokens, i, names);
    let (noun_start, qual_text) = match &qualifier {
        Some((end, text)) => (*end, Some(text.clone())),
        None => (i, None),
    };
    for len in (1..=3).rev() {
        let Some(words) = tokens.get(noun_start..noun_start + len) else {
            continue;
        };
        // A capitalised noun is a collective only where a sentence or a heading
        // starts ("Protesters seized ...", "Violence: Protesters seized ...").
        let opens = i == 0 || matches!(tokens[i - 1].text.as_str(), ":" | "\"" | "“");
        let head = &words[len - 1].lower;
        if head != "government" && !names.collective_heads.contains(head)
            || words.iter().any(|t| {
                t.kind != TokenKind::Word
                    || t.is_capitalized() && qual_text.is_none() && noun_start == i && !opens
            })
        {
            continue;
        }
        let phrase = join_lower(words);
        let last = noun_start + len;
        if phrase == "government" {
            // "the government of Peru"
            if qual_text.is_none() && tokens.get(last).is_some_and(|t| t.lower == "of") {
                if let Some(country) = tokens
                    .get(last + 1)
                    .and_then(|t| names.gazetteer.get(&t.text))
                    .filter(|g| g.entity_type == EntityType::Country)
                {
                    let label = format!("Government of {}", country.canonical);
                    return Some(mention(
                        i,
                        last + 2,
                        &label,
                        EntityType::Organization,
                        MentionKind::Name,
                    ));
                }
            }
            return match &qual_text {
                Some(country) => Some(mention(
                    i,
                    last,
                    &format!("Government of {country}"),
                    EntityType::Organization,
                    MentionKind::Name,
                )),
                // "the government", "his centre-left majority government"
                None if determined(tokens, i) => Some(mention(
                    i,
                    last,
                    "government",
                    EntityType::Organization,
                    MentionKind::Government,
                )),
                None => None,
            };
        }
        // A noun used as a modifier is no mention ("opposition leader X", "police chief X").
        let modifier = tokens.get(last).is_some_and(|n| {
            n.kind == TokenKind::Word
                && (names.titles.contains_key(&n.lower) && !n.is_capitalized()
                    || n.is_capitalized() && !names.stopwords.contains(n.text.as_str()))
        });
        if modifier && names.groups.contains_key(&phrase) {
            return None;
        }
        let kind = match names.groups.get(&phrase) {
            Some(entity_type) => Some((*entity_type, MentionKind::Collective)),
            None => names
                .facilities
                .contains(&phrase)
                .then_some((EntityType::Place, MentionKind::Facility)),
        };
        if let Some((entity_type, kind)) = kind {
            // "the governor's residence": a facility named by its holder's post.
            let possessed = kind == MentionKind::Facility
                && qualifier.is_none()
                && i >= 2
                && tokens[i - 1].kind == TokenKind::Possessive;
            let post_start = possessed
                .then(|| {
                    (i.saturating_sub(4)..i - 1).find(|&j| {
                        let words = &tokens[j..i - 1];
                        words.iter().all(|t| !t.is_capitalized())
                            && names.titles.get(&join_lower(words)).is_some_and(|c| {
                                matches!(c, TitleClass::HeadOfState | TitleClass::Government)
                            })
                    })
                })
                .flatten();
            if let Some(j) = post_start {
                let text = format!("{}'s {phrase}", join_lower(&tokens[j..i - 1]));
                return Some(mention(j, last, &text, entity_type, kind));
            }
            let text = match qualifier {
                Some(_) => format!("{} {}", qualifier_label(tokens, i, noun_start), phrase),
                None => phrase.clone(),
            };
            return Some(mention(i, last, &text, entity_type, kind));
        }
    }
    None
}

/// True when a determiner ("the", "his", ...) precedes the noun at `i`, with
/// at most three lowercase words between ("his centre-left majority government").
fn determined(tokens: &[Token], i: usize) -> bool {
    let Some(d) = (i.saturating_sub(4)..i).rev().find(|&j| {
        matches!(
            tokens[j].lower.as_str(),
            "the" | "his" | "her" | "its" | "their"
        )
    }) else {
        return false;
    };
    tokens[d + 1..i]
        .iter()
        .all(|t| t.kind == TokenKind::Word && !t.is_capitalized())
}

/// The qualifier as written, without a possessive ("Lima" for "Lima's").
fn qualifier_label(tokens: &[Token], from: usize, to: usize) -> String {
    join(
        tokens[from..to]
            .iter()
            .filter(|t| t.kind != TokenKind::Possessive)
            .cloned()
            .collect::<Vec<_>>()
            .as_slice(),
    )
}

/// A nationality, a known place or an acronym organisation before a noun:
/// returns where the noun starts and the country (or name) it stands for.
fn qualifier_at(tokens: &[Token], i: usize, names: &NameLexicon) -> Option<(usize, String)> {
    let t = tokens.get(i)?;
    if !t.is_capitalized() {
        return None;
    }
    let mut end = i + 1;
    if tokens
        .get(end)
        .is_some_and(|n| n.kind == TokenKind::Possessive)
    {
        end += 1;
    }
    let next = tokens.get(end)?;
    if next.kind != TokenKind::Word || next.is_capitalized() {
        return None;
    }
    if let Some(country) = names.demonyms.get(t.text.as_str()) {
        return Some((end, country.clone()));
    }
    if let Some(entry) = names.gazetteer.get(&t.text) {
        return Some((end, entry.canonical.clone()));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::mentions::tests::mentions;
    use crate::model::EntityType;

    #[test]
    fn collectives_take_their_nationality() {
        let found = mentions(
            "Hundreds of French paratroopers and Chilean police guarded the Lima airport.",
        );
        assert!(found.contains(&(
            "French paratroopers".into(),
            Some(EntityType::MilitaryForce),
            None
        )));
        assert!(found.contains(&("Chilean police".into(), Some(EntityType::Group), None)));
        assert!(found.contains(&("Lima airport".into(), Some(EntityType::Place), None)));
    }
}
