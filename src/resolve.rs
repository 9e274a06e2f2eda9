//! Within-article entity resolution: which mentions denote the same entity.
//!
//! Rules: a full personal name opens a person; a later bare surname (or any
//! part of a hyphenated name) joins the one person it fits, and none when two
//! people of the article share it. An all-capitals word joins the organisation
//! whose initials it spells ("SADC"). "he"/"she" joins the first person named
//! in the nearest sentence at or before it (the subject in news style).
//! Gazetteer entries join by canonical name ("U.S." and "United States").

use crate::mentions::{Mention, MentionKind, NameLexicon};
use crate::model::EntityType;
use std::collections::{BTreeSet, HashMap};

/// An entity of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical label: the fullest name, or the gazetteer's canonical name.
    pub label: String,
    /// Entity type.
    pub entity_type: EntityType,
    /// Other names used for it in the article.
    pub aliases: BTreeSet<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// True for unnamed groups, forces and facilities: kept only when a fact uses them.
    pub incidental: bool,
}

/// Mentions of an article with the entity each one denotes.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// The article's entities.
    pub entities: Vec<Entity>,
    /// Per sentence, per mention: the mention and its entity (if resolved).
    pub mentions: Vec<Vec<(Mention, Option<usize>)>>,
}

impl Resolved {
    /// The article's most-mentioned country (the first on a tie): whose
    /// government an unqualified "the government" is.
    pub fn main_country(&self) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if e.entity_type == EntityType::Country
                && best.is_none_or(|b| self.entities[b].mentions < e.mentions)
            {
                best = Some(i);
            }
        }
        best
    }

    /// The organisation the article is about: the most-mentioned one, the
    /// first named counting one mention more (the first on a tie).
    pub fn main_organization(&self) -> Option<usize> {
        // The lead's first organisation counts one mention more: stories name their subject first.
        let lead = self
            .entities
            .iter()
            .position(|e| e.entity_type == EntityType::Organization && !e.incidental);
        let weight = |i: usize| self.entities[i].mentions + usize::from(Some(i) == lead);
        let mut best: Option<usize> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if e.entity_type == EntityType::Organization
                && !e.incidental
                && best.is_none_or(|b| weight(b) < weight(i))
            {
                best = Some(i);
            }
        }
        best
    }

    /// The main country only when it clearly dominates (half as much weight
    /// again as any other): the owner assumed for a state post the text leaves
    /// unqualified. A country weighs its mentions and those of its cities and
    /// regions (gazetteer codes): a story from Nairobi that also names Uganda
    /// often is still about Kenya.
    pub fn dominant_country(&self, names: &NameLexicon) -> Option<usize> {
        let mut weight: Vec<usize> = self
            .entities
            .iter()
            .map(|e| match e.entity_type {
                EntityType::Country => e.mentions,
                _ => 0,
            })
            .collect();
        // "Saudi-led" says who leads, not where the story happens.
        for (m, e) in self.mentions.iter().flatten() {
            if let (Some(e), true) = (e, m.is_leading_country()) {
                weight[*e] = weight[*e].saturating_sub(1);
            }
        }
        let by_code: HashMap<&str, usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.entity_type == EntityType::Country)
            .filter_map(|(i, e)| Some((names.country_codes.get(&e.label)?.as_str(), i)))
            .collect();
        for e in self
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Place)
        {
            let country = names
                .place_codes
                .get(&e.label)
                .and_then(|code| by_code.get(code.as_str()));
            if let Some(&c) = country {
                weight[c] += e.mentions;
            }
        }
        let mut best: Option<usize> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if e.entity_type == EntityType::Country && best.is_none_or(|b| weight[b] < weight[i]) {
                best = Some(i);
            }
        }
        let best = best?;
        let dominant = self.entities.iter().enumerate().all(|(i, e)| {
            i == best || e.entity_type != EntityType::Country || 3 * weight[i] <= 2 * weight[best]
        });
        dominant.then_some(best)
    }

    /// The entity a mention denotes.
    pub fn entity(&self, sentence: usize, mention: usize) -> Option<usize> {
        self.mentions[sentence][mention].1
    }
}

/// Resolves the mentions of all sentences of an article.
pub fn resolve(mentions: Vec<Vec<Mention>>) -> Resolved {
    let mut resolved = Resolved {
        entities: Vec::new(),
        mentions: mentions
            .into_iter()
            .map(|ms| ms.into_iter().map(|m| (m, None)).collect())
            .collect(),
    };
    // Surnames of the people named in full: a lone "Jordan" or "Lopez" is
    // then the person, not the country or town of that name.
    let surnames: BTreeSet<String> = resolved
        .mentions
        .iter()
        .flatten()
        .filter(|(m, _)| m.entity_type == Some(EntityType::Person) && word_count(&m.text) >= 2)
        .filter_map(|(m, _)| m.text.split_whitespace().last().map(str::to_string))
        .collect();
    // Pass 1: full names and typed names open or join entities. "The airport"
    // is the airport named last ("Kelso International Airport"), if one was.
    let mut named_places: HashMap<String, usize> = HashMap::new();
    for s in 0..resolved.mentions.len() {
        for k in 0..resolved.mentions[s].len() {
            let m = resolved.mentions[s][k].0.clone();
            let Some(entity_type) = m.entity_type else {
                continue;
            };
            if m.kind == MentionKind::Facility && !m.canonical.contains(' ') {
                if let Some(&id) = named_places.get(&m.canonical) {
                    link(&mut resolved, s, k, id);
                    continue;
                }
            }
            // A lone surname ("President Vidal", "Jordan") joins its person in pass 2.
            let surname_alone = word_count(&m.text) == 1
                && surnames.contains(&m.text)
                && matches!(
                    entity_type,
                    EntityType::Person
                        | EntityType::Place
                        | EntityType::Country
                        | EntityType::Organization
                );
            if surname_alone
                || matches!(
                    m.kind,
                    MentionKind::Pronoun | MentionKind::Government | MentionKind::Anaphor
                )
                || entity_type == EntityType::Person && word_count(&m.text) < 2 && m.title.is_none()
            {
                continue;
            }
            // (A body named with its country is joined by its bare name only
            // where it is the one body of that name: `join_bodies_to_their_country`.)
            let found = resolved
                .entities
                .iter()
                .position(|e| {
                    e.entity_type == entity_type
                        && (e.label == m.canonical
                            || e.aliases.contains(&m.canonical) && !e.label.contains("'s "))
                })
                .or_else(|| {
                    // "Vantex reported" after "Vantex Tools Inc": the company's first words.
                    if entity_type != EntityType::Organization {
                        return None;
                    }
                    let prefix = format!("{} ", m.canonical);
                    let mut longer = resolved.entities.iter().enumerate().filter(|(_, e)| {
                        e.entity_type == EntityType::Organization && e.label.starts_with(&prefix)
                    });
                    match (longer.next(), longer.next()) {
                        (Some((i, _)), None) => Some(i),
                        _ => None,
                    }
                });
            let id = found.unwrap_or_else(|| {
                resolved.entities.push(Entity {
                    label: m.canonical.clone(),
                    entity_type,
                    aliases: BTreeSet::new(),
                    mentions: 0,
                    incidental: m.kind != MentionKind::Name,
                });
                resolved.entities.len() - 1
            });
            link(&mut resolved, s, k, id);
            if entity_type == EntityType::Place && m.kind == MentionKind::Name {
                if let Some(head) = m
                    .canonical
                    .rsplit(' ')
                    .next()
                    .filter(|_| m.canonical.contains(' '))
                {
                    named_places.insert(head.to_lowercase(), id);
                }
            }
        }
    }
    join_bodies_to_their_country(&mut resolved);
    // Pass 2: surnames and acronyms join the one entity they fit.
    for s in 0..resolved.mentions.len() {
        for k in 0..resolved.mentions[s].len() {
            let (m, linked) = &resolved.mentions[s][k];
            if linked.is_some() || m.kind != MentionKind::Name {
                continue;
            }
            let text = m.text.clone();
            let candidates: Vec<usize> = resolved
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| match e.entity_type {
                    // A surname, or the full name written again without the
                    // title that typed it ("Ana Ruiz" after "President Ana Ruiz").
                    EntityType::Person => {
                        name_parts(&e.label).any(|p| p == text) && e.label != text
                            || e.label == text && word_count(&text) >= 2
                    }
                    // "Vantex", "Vantex Tools" for "Vantex Tools Inc": the name's first words.
                    EntityType::Organization => {
                        is_acronym_of(&text, &e.label)
                            || matches!(m.entity_type, None | Some(EntityType::Organization))
                                && word_count(&e.label) > word_count(&text)
                                && e.label.starts_with(&format!("{text} "))
                    }
                    _ => false,
                })
                .map(|(i, _)| i)
                .collect();
            if let [only] = candidates[..] {
                link(&mut resolved, s, k, only);
            }
        }
    }
    // "the company", "the alliance": the organisation named last.
    // "the president": the person last named with that title.
    let mut last_organization: Option<usize> = None;
    let mut titled: Vec<(String, usize)> = Vec::new();
    for s in 0..resolved.mentions.len() {
        for k in 0..resolved.mentions[s].len() {
            let (m, linked) = &resolved.mentions[s][k];
            if let (Some(title), Some(id)) = (&m.title, linked) {
                titled.push((title.text.to_lowercase(), *id));
            }
            match (m.kind, linked) {
                (MentionKind::Anaphor, _) if m.entity_type == Some(EntityType::Person) => {
                    let title = &m.canonical;
                    resolved.mentions[s][k].1 = titled
                        .iter()
                        .rev()
                        .find(|(t, _)| t == title || t.ends_with(&format!(" {title}")))
                        .map(|(_, id)| *id);
                }
                (MentionKind::Anaphor, _) => resolved.mentions[s][k].1 = last_organization,
                (MentionKind::Name, Some(id))
                    if resolved.entities[*id].entity_type == EntityType::Organization =>
                {
                    last_organization = Some(*id);
                }
                _ => {}
            }
        }
    }
    // Pass 3: "the government" is the government of the article's most-mentioned country.
    let main_country = resolved
        .main_country()
        .map(|e| resolved.entities[e].label.clone());
    if let Some(country) = main_country {
        let label = format!("Government of {country}");
        for s in 0..resolved.mentions.len() {
            for k in 0..resolved.mentions[s].len() {
                if resolved.mentions[s][k].0.kind != MentionKind::Government {
                    continue;
                }
                let id = match resolved.entities.iter().position(|e| e.label == label) {
                    Some(id) => id,
                    None => {
                        resolved.entities.push(Entity {
                            label: label.clone(),
                            entity_type: EntityType::Organization,
                            aliases: BTreeSet::new(),
                            mentions: 0,
                            incidental: false,
                        });
                        resolved.entities.len() - 1
                    }
                };
                link(&mut resolved, s, k, id);
            }
        }
    }
    // Pass 4: "he" and "she" join the nearest sentence's first-named person; an
    // object "him" never stands for its own clause's subject ("X relieved Y
    // and appointed him adviser": Y), so it takes the last other person.
    let mut last_subject: Option<usize> = None;
    for s in 0..resolved.mentions.len() {
        let mut subject_here: Option<usize> = None;
        let mut last_person_here: Option<usize> = None;
        // The person opening the sentence, if a person opens it: its likely subject.
        let opener = resolved.mentions[s]
            .first()
            .and_then(|(_, linked)| *linked)
            .filter(|id| resolved.entities[*id].entity_type == EntityType::Person);
        for k in 0..resolved.mentions[s].len() {
            let (m, linked) = &resolved.mentions[s][k];
            match m.kind {
                MentionKind::Pronoun if m.text.eq_ignore_ascii_case("him") => {
                    let other = last_person_here
                        .or(last_subject)
                        .filter(|p| Some(*p) != opener);
                    resolved.mentions[s][k].1 = other;
                }
                MentionKind::Pronoun => {
                    if let Some(id) = subject_here.or(last_subject) {
                        resolved.mentions[s][k].1 = Some(id);
                    }
                }
                _ => {
                    if let Some(id) =
                        linked.filter(|id| resolved.entities[*id].entity_type == EntityType::Person)
                    {
                        subject_here.get_or_insert(id);
                        last_person_here = Some(id);
                    }
                }
            }
        }
        if subject_here.is_some() {
            last_subject = subject_here;
        }
    }
    resolved
}

/// "the Interior Ministry" joins "Peru's Interior Ministry" when the article
/// names that body of one country only (of two countries, it stays apart).
fn join_bodies_to_their_country(resolved: &mut Resolved) {
    for b in 0..resolved.entities.len() {
        let body = &resolved.entities[b];
        if body.entity_type != EntityType::Organization || body.label.contains("'s ") {
            continue;
        }
        let suffix = format!("'s {}", body.label);
        let owners: Vec<usize> = resolved
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.entity_type == EntityType::Organization && e.label.ends_with(&suffix)
            })
            .map(|(i, _)| i)
            .collect();
        let [owner] = owners[..] else { continue };
        for s in 0..resolved.mentions.len() {
            for k in 0..resolved.mentions[s].len() {
                if resolved.mentions[s][k].1 == Some(b) {
                    link(resolved, s, k, owner);
                }
            }
        }
        resolved.entities[b].mentions = 0;
        resolved.entities[b].incidental = true;
    }
}

fn link(resolved: &mut Resolved, s: usize, k: usize, id: usize) {
    let m = &resolved.mentions[s][k].0;
    let entity = &mut resolved.entities[id];
    entity.mentions += 1;
    for name in [&m.text, &m.canonical] {
        if *name != entity.label && m.kind == MentionKind::Name {
            entity.aliases.insert(name.clone());
        }
    }
    // A longer personal name becomes the label.
    if entity.entity_type == EntityType::Person && word_count(&m.text) > word_count(&entity.label) {
        let old = std::mem::replace(&mut entity.label, m.text.clone());
        entity.aliases.insert(old);
        entity.aliases.remove(&m.text);
    }
    resolved.mentions[s][k].1 = Some(id);
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The words of a name and the parts of its hyphenated words.
fn name_parts(label: &str) -> impl Iterator<Item = &str> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let last = words.last().copied();
    words.into_iter().skip(1).chain(
        last.into_iter()
            .flat_map(|w| w.split('-').filter(|p| p.len() > 2)),
    )
}

/// True when `short` (all capitals) spells the initials of `long`'s capitalised words.
fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.chars().all(char::is_uppercase) {
        return false;
    }
    let initials: String = long
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    initials == letters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::find_mentions;
    use crate::text::split_sentences;

    fn resolve_text(text: &str) -> Resolved {
        let rules = crate::builtin_rules();
        let sentences = split_sentences(text, &rules.text);
        resolve(
            sentences
                .iter()
                .map(|s| find_mentions(s, &rules.names))
                .collect(),
        )
    }

    #[test]
    fn surnames_join_their_person_unless_ambiguous() {
        let r = resolve_text(
            "Maria Lopez met John Lopez and Carlos Mendez. Mendez left. Lopez stayed.",
        );
        let mendez = r
            .entities
            .iter()
            .position(|e| e.label == "Carlos Mendez")
            .unwrap();
        assert_eq!(r.entity(1, 0), Some(mendez));
        assert_eq!(r.entity(2, 0), None, "two people called Lopez: no guess");
    }

    #[test]
    fn a_full_name_written_again_untitled_joins_its_person() {
        let r = resolve_text(
            "President Aigerim Sadykova-Bek spoke. Later, Aigerim Sadykova-Bek telephoned him.",
        );
        let person = r
            .entities
            .iter()
            .position(|e| e.label == "Aigerim Sadykova-Bek");
        assert!(person.is_some(), "{:?}", r.entities);
        assert_eq!(r.mentions[1][0].1, person, "{:?}", r.mentions[1]);
    }

    #[test]
    fn state_bodies_of_two_countries_stay_apart() {
        let r = resolve_text("Peru’s Foreign Ministry protested. Chile's Foreign Ministry disagreed. The Foreign Ministry in Lima said more.");
        let labels: Vec<&str> = r
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Organization && e.mentions > 0)
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "Peru's Foreign Ministry",
                "Chile's Foreign Ministry",
                "Foreign Ministry"
            ]
        );
        // Of one country, the bare name joins the body named with its country.
        let r = resolve_text(
            "The Interior Ministry said 40 were hurt. The Peruvian Interior Ministry said 12 died.",
        );
        assert_eq!(r.entity(0, 0), r.entity(1, 0));
        let id = r.entity(0, 0).unwrap();
        assert_eq!(r.entities[id].label, "Peru's Interior Ministry");
        assert!(r.entities[id]
            .aliases
            .contains("Peruvian Interior Ministry"));
    }

    #[test]
    fn a_company_s_first_words_join_it() {
        let r = resolve_text("Vantex Tools Inc named a chairman. Vantex reported a loss. Analysts said Vantex Tools gained.");
        let vantex = r.entity(0, 0);
        assert!(vantex.is_some());
        assert_eq!(r.entity(1, 0), vantex, "{:?}", r.mentions[1]);
        assert_eq!(r.entity(2, 1), vantex, "{:?}", r.mentions[2]);
    }

    #[test]
    fn acronyms_join_their_organisation() {
        let r =
            resolve_text("The Southern African Development Community met. SADC leaders agreed.");
        assert_eq!(r.entity(1, 0), r.entity(0, 0));
        assert!(r.entities[0].aliases.contains("SADC"));
    }

    #[test]
    fn pronouns_follow_the_last_subject() {
        let r = resolve_text("Chancellor Anna Berg spoke to Paul Weber. She said he agreed.");
        let berg = r.entities.iter().position(|e| e.label == "Anna Berg");
        assert_eq!(r.entity(1, 0), berg);
    }

    #[test]
    fn definite_nouns_and_governments_resolve() {
        let r = resolve_text("Nordwind Shipping Corp said profits rose. The company also named a new board. Norway welcomed it and the government said so.");
        let nordwind = r
            .entities
            .iter()
            .position(|e| e.label == "Nordwind Shipping Corp");
        let company = r.mentions[1]
            .iter()
            .find(|(m, _)| m.text == "company")
            .and_then(|(_, e)| *e);
        assert_eq!(company, nordwind);
        assert!(
            r.entities.iter().any(|e| e.label == "Government of Norway"),
            "{:?}",
            r.entities
        );
    }

    #[test]
    fn a_surname_that_is_also_a_place_is_the_person() {
        let r = resolve_text("Michael Jordan arrived in Amman. Jordan said the team was ready.");
        let jordan = r.mentions[1][0].1.map(|e| r.entities[e].label.clone());
        assert_eq!(jordan.as_deref(), Some("Michael Jordan"));
    }

    #[test]
    fn the_president_is_the_person_last_called_president() {
        let r = resolve_text("President Ana Torres met Chancellor Karl Weiss. The talks ended. Later the president said the talks had failed.");
        let torres = r.entities.iter().position(|e| e.label == "Ana Torres");
        let president = r.mentions[2]
            .iter()
            .find(|(m, _)| m.text == "president")
            .and_then(|(_, e)| *e);
        assert_eq!(president, torres);
    }
}
