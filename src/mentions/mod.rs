//! Mention detection and typing: which token spans of a sentence name an
//! entity, of which type, and with which title in front.
//!
//! Evidence used, in order: gazetteers (countries, cities, organisations),
//! keywords ("Ministry", "Corp", "Airport", "Troops"), titles ("President",
//! "chief executive"), given names, and collective nouns ("protesters",
//! "Russian troops"). Capitalisation finds candidate names; nothing here
//! depends on any particular story.
//!
//! This file holds what a mention is and the order of the work
//! (`find_mentions`: what may start at a token, then the sentence-level
//! passes). Each job has its own file: `scan` (where candidate mentions start
//! and end), `runs` (a run of capitalised words into names), `titles` (the
//! title lookup, shared with extraction: [`TitleLookup`], [`title_class`]),
//! `typing` (a name's type from its words and context), `collectives`
//! (groups, forces, facilities) and `passes` (sentence-level corrections).

mod collectives;
mod lexicon;
mod passes;
mod runs;
mod scan;
mod titles;
mod typing;

use crate::text::{Sentence, Token, TokenKind};

pub use lexicon::{GazetteerEntry, KeywordPosition, NameLexicon, TitleClass};
pub use titles::{title_class, TitleLookup};
pub use typing::opens_noun_phrase;

use crate::model::EntityType;

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name.
    Name,
    /// A collective noun phrase ("Russian troops", "protesters").
    Collective,
    /// A facility noun phrase ("the airport", "government buildings").
    Facility,
    /// "he" or "she", resolved later.
    Pronoun,
    /// "the government" without a country: resolved to the article's main country.
    Government,
    /// "the company", "the alliance": resolved to the organisation named last.
    Anaphor,
}

/// A title written next to a person's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// The title text with its modifiers ("former Prime Minister").
    pub text: String,
    /// The title's class.
    pub class: TitleClass,
    /// A country or organisation written before the title ("Russian", "Commission").
    pub qualifier: Option<String>,
}

/// A mention of an entity in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token index in the sentence.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// The name as written, without title ("Ana Lopes").
    pub text: String,
    /// Canonical name from a gazetteer, or the name itself.
    pub canonical: String,
    /// Type, when the evidence decides it.
    pub entity_type: Option<EntityType>,
    /// Kind of expression.
    pub kind: MentionKind,
    /// A title in front of the name.
    pub title: Option<Title>,
    /// True for a country or organisation written as part of the next
    /// person's title ("Russian" in "Russian President X"): an entity, but not
    /// an argument of the verb around it.
    pub in_title: bool,
}

impl Mention {
    /// "Saudi-led": the country that leads something, which only describes
    /// it: neither where the story happens nor a party to a verb.
    pub fn is_leading_country(&self) -> bool {
        self.text.ends_with("-led")
    }
}

/// Mentions that start at a token, and the token where the scan goes on.
type Found = (Vec<Mention>, usize);

/// Something that may start at a token.
type Start = fn(&[Token], usize, &NameLexicon) -> Option<Found>;

/// What may start at a token, tried in this order: the first that matches
/// wins, and the scan goes on after what it took.
const STARTS: [Start; 4] = [
    collectives::collective_at,   // "Russian troops", "the government"
    collectives::leading_country, // "Saudi-led"
    scan::name_run,               // "Acme Corp Chairman Ana Lopes"
    scan::anaphor,                // "the president", "the company", "he"
];

/// A pass over all the mentions of a sentence, once they are found.
enum Pass {
    /// Adds mentions among those found.
    Adds(fn(&[Token], &mut Vec<Mention>, &NameLexicon)),
    /// Corrects the types and names of those found.
    Corrects(fn(&[Token], &mut [Mention], &NameLexicon)),
}

/// The sentence-level passes, in this order: each sees what those before it decided.
const PASSES: [Pass; 5] = [
    // "Peru's security service"
    Pass::Adds(passes::lowercase_state_bodies),
    // "Plaza Mayor, X and Puerta del Sol"
    Pass::Corrects(passes::type_by_coordination),
    // "western Europe", "Western Ruritania"
    Pass::Corrects(passes::compass_regions),
    // "Kyodo reported"
    Pass::Corrects(passes::reporters_are_organisations),
    // "Peruvian Foreign Ministry", "Peru's Foreign Ministry"
    Pass::Corrects(passes::qualify_government_bodies),
];

/// Finds the mentions of one sentence, left to right, without overlaps.
pub fn find_mentions(sentence: &Sentence, names: &NameLexicon) -> Vec<Mention> {
    let tokens = &sentence.tokens;
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match STARTS.iter().find_map(|start| start(tokens, i, names)) {
            Some((found, next)) => {
                mentions.extend(found);
                i = next;
            }
            None => i += 1,
        }
    }
    for pass in &PASSES {
        match pass {
            Pass::Adds(pass) => pass(tokens, &mut mentions, names),
            Pass::Corrects(pass) => pass(tokens, &mut mentions, names),
        }
    }
    mentions
}

/// One mention found at a token: the scan goes on after it.
fn alone(m: Mention) -> Found {
    let next = m.last;
    (vec![m], next)
}

/// A mention whose text is its canonical name and whose type is known.
fn mention(
    first: usize,
    last: usize,
    text: &str,
    entity_type: EntityType,
    kind: MentionKind,
) -> Mention {
    Mention {
        first,
        last,
        text: text.to_string(),
        canonical: text.to_string(),
        entity_type: Some(entity_type),
        kind,
        title: None,
        in_title: false,
    }
}

/// Joins tokens as written, without a space before possessives and closing marks.
pub fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0
            && t.kind != TokenKind::Possessive
            && !matches!(t.text.as_str(), "," | "." | ")" | ":")
        {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

/// Joins tokens' lowercase forms with spaces ("prime minister").
pub fn join_lower(tokens: &[Token]) -> String {
    let mut joined = String::with_capacity(tokens.iter().map(|t| t.lower.len() + 1).sum());
    for (n, token) in tokens.iter().enumerate() {
        if n > 0 {
            joined.push(' ');
        }
        joined.push_str(&token.lower);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    /// The mentions of a one-sentence text, pronouns left out: canonical
    /// name, type and title, as the tests of every file here check them.
    pub(super) fn mentions(text: &str) -> Vec<(String, Option<EntityType>, Option<String>)> {
        let rules = crate::builtin_rules();
        let sentence = &split_sentences(text, &rules.text)[0];
        find_mentions(sentence, &rules.names)
            .into_iter()
            .filter(|m| m.kind != MentionKind::Pronoun)
            .map(|m| (m.canonical, m.entity_type, m.title.map(|t| t.text)))
            .collect()
    }
}
