//! Extraction: from resolved mentions to facts. Sentence extractors read one
//! sentence at a time (through a [`SentenceView`]); article-level passes then
//! complete, derive and merge facts across sentences. Each family of rules
//! lives in its own file:
//! `posts` (who holds which post, and whose), `alliances` (a leading country
//! is a member), `frames` (verb and noun frames of `rules/frames.tsv`),
//! `counts` (casualty, arrest and deployment figures), `grammar` (negation,
//! modality, voice, clause bounds, argument search, dates) and `passes`
//! (agents and appointees across sentences, forces named, dedupe).

mod alliances;
mod counts;
mod frames;
mod grammar;
mod passes;
mod posts;
#[cfg(test)]
mod tests;

use crate::dates::Date;
use crate::facts::{Evidence, Facts, Relation, RelationFact};
use crate::mentions::{EntityType, Mention};
use crate::resolve::{Entity, Resolved};
use crate::rules::{KeywordPosition, Rules};
use crate::text::{Sentence, Token};
use alliances::led_alliances;
use counts::counts;
use frames::frames;
use grammar::hidden_ranges;
use passes::{
    agents_carried_by_also, agents_of_announced_appointments, dedupe, listed_appointees,
    name_deployed_forces,
};
use posts::{
    carry_owners, is_company_post, positions_from_role_changes, resigned_from_post, titles,
};

/// What an extractor sees of one sentence.
pub struct SentenceView<'a> {
    /// The sentence.
    pub sentence: &'a Sentence,
    /// Its mentions with their entities.
    pub mentions: &'a [(Mention, Option<usize>)],
    /// Entity types of the article's entities.
    pub types: &'a [EntityType],
    /// The article's date, for relative dates.
    pub anchor: Option<Date>,
    /// The rules.
    pub rules: &'a Rules,
    /// The article's dominant country, owner of unqualified state posts.
    pub main_country: Option<usize>,
    /// Its name, to tell its nationality words from other countries'.
    pub main_country_name: Option<&'a str>,
    /// The organisation the article is about (when no country dominates).
    pub main_organization: Option<usize>,
    /// Per entity: a country other than the main one, or a place the gazetteer
    /// puts in another country.
    pub foreign: &'a [bool],
    /// Token ranges hidden from argument search (appositions, brackets).
    hidden: Vec<(usize, usize)>,
}

impl SentenceView<'_> {
    fn tokens(&self) -> &[Token] {
        &self.sentence.tokens
    }

    fn evidence(&self) -> Evidence {
        Evidence {
            sentence: self.sentence.index,
            start: self.sentence.start,
            end: self.sentence.end,
        }
    }

    fn entity_type(&self, k: usize) -> Option<EntityType> {
        self.mentions[k].1.map(|e| self.types[e])
    }

    fn is_hidden(&self, token: usize, from: usize) -> bool {
        self.hidden
            .iter()
            .any(|&(a, b)| token >= a && token < b && !(from >= a && from < b))
    }
}

/// What extraction gives for one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The facts.
    pub facts: Facts,
    /// Entities the facts name that the resolution lacks ("Turkish troops" for
    /// the "troops" Turkey sent): entity `resolved.entities.len() + i` is
    /// `new_entities[i]`, so the caller appends them to the resolution's.
    pub new_entities: Vec<Entity>,
}

/// Runs all extractors over an article. The resolution is only read.
pub fn extract(
    sentences: &[Sentence],
    resolved: &Resolved,
    anchor: Option<Date>,
    rules: &Rules,
) -> Extraction {
    let types: Vec<EntityType> = resolved.entities.iter().map(|e| e.entity_type).collect();
    let mut facts = Facts::default();
    let main_country = resolved.dominant_country(rules);
    let foreign = foreign_entities(resolved, main_country, rules);
    // The organisation a story is about, unless the story is about a country.
    let main_organization = resolved
        .main_organization()
        .filter(|_| main_country.is_none());
    for (s, sentence) in sentences.iter().enumerate() {
        let mentions = &resolved.mentions[s];
        let hidden = hidden_ranges(&sentence.tokens, mentions, rules);
        let view = SentenceView {
            sentence,
            mentions,
            types: &types,
            main_country,
            main_country_name: main_country.map(|c| resolved.entities[c].label.as_str()),
            main_organization,
            foreign: &foreign,
            anchor,
            rules,
            hidden,
        };
        titles(&view, &mut facts);
        led_alliances(&view, &mut facts);
        frames(&view, &mut facts);
        counts(&view, &mut facts);
    }
    agents_of_announced_appointments(sentences, resolved, rules, &mut facts);
    listed_appointees(sentences, resolved, rules, &mut facts);
    agents_carried_by_also(sentences, &mut facts);
    carry_owners(&mut facts, &types);
    // A company by its legal form ("Acme Widgets Inc").
    let main_company = main_organization.filter(|&o| {
        resolved.entities[o]
            .label
            .rsplit(' ')
            .next()
            .and_then(|last| rules.org_keywords.get(last.trim_end_matches('.')))
            .is_some_and(|(_, position)| *position == KeywordPosition::Suffix)
    });
    resigned_from_post(&mut facts, &types, (main_company, main_organization), rules);
    // "X was appointed president and chief executive" in a company's story: its post.
    for f in facts.relations.iter_mut().filter(|f| {
        f.relation == Relation::Appointed
            && f.organization.is_none()
            && f.subject
                .is_none_or(|a| types[a] != EntityType::Organization)
            && f.role.as_deref().is_some_and(|r| is_company_post(r, rules))
    }) {
        f.organization = main_company;
    }
    positions_from_role_changes(&mut facts, &types, main_country, rules);
    // (Before deduplication: "troops" sent by two countries are two forces.)
    let new_entities = name_deployed_forces(resolved, &mut facts, rules);
    dedupe(&mut facts);
    Extraction {
        facts,
        new_entities,
    }
}

/// Per entity: whether it lies outside the article's main country (another
/// country, or a city or region of another country by the gazetteer's codes).
fn foreign_entities(resolved: &Resolved, main_country: Option<usize>, rules: &Rules) -> Vec<bool> {
    let home = main_country.and_then(|c| rules.country_codes.get(&resolved.entities[c].label));
    resolved
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| match e.entity_type {
            EntityType::Country => Some(i) != main_country,
            EntityType::Place => home.is_some_and(|home| {
                rules
                    .place_codes
                    .get(&e.label)
                    .is_some_and(|code| code != home)
            }),
            _ => false,
        })
        .collect()
}

fn relation_fact(
    view: &SentenceView,
    relation: Relation,
    subject: Option<usize>,
    object: Option<usize>,
    role: Option<String>,
    extractor: &'static str,
    confidence: f32,
) -> RelationFact {
    RelationFact {
        relation,
        subject,
        object,
        role,
        organization: None,
        date: None,
        place: None,
        evidence: view.evidence(),
        extractor,
        confidence,
    }
}
