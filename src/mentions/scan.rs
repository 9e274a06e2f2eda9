//! Where candidate mentions start and end: runs of capitalised words (with
//! connectors and name particles inside, stopwords, months and number words
//! outside), and the lowercase words that stand for someone named elsewhere
//! ("the president", "the company", "he").

use super::runs::analyse_run;
use super::{alone, EntityType, Found, Mention, MentionKind};
use super::{NameLexicon, TitleClass};
use crate::text::{Token, TokenKind};

/// A run of capitalised words starting at `i`, as the names it holds.
pub(super) fn name_run(tokens: &[Token], i: usize, names: &NameLexicon) -> Option<Found> {
    let starts = tokens[i].is_capitalized()
        && !is_modifier_compound(&tokens[i])
        && !is_stopword(tokens, i, names)
        && !is_number_word(&tokens[i].lower);
    starts.then(|| {
        let end = name_run_end(tokens, i, names);
        (analyse_run(tokens, i, end, names), end)
    })
}

const PRONOUNS: [&str; 3] = ["he", "she", "him"];

/// A lowercase word at `i` that stands for an entity named elsewhere.
pub(super) fn anaphor(tokens: &[Token], i: usize, names: &NameLexicon) -> Option<Found> {
    let after_the = i > 0 && tokens[i - 1].lower == "the" && !tokens[i].is_capitalized();
    // "the president said": the person last named with that title.
    if after_the
        && matches!(
            names.titles.get(&tokens[i].lower),
            Some(TitleClass::HeadOfState)
        )
        && tokens.get(i + 1).is_none_or(|n| {
            !n.is_capitalized() && n.lower != "of" && n.kind != TokenKind::Possessive
        })
    {
        return Some(alone(Mention {
            first: i,
            last: i + 1,
            text: tokens[i].text.clone(),
            canonical: tokens[i].lower.clone(),
            entity_type: Some(EntityType::Person),
            kind: MentionKind::Anaphor,
            title: None,
            in_title: false,
        }));
    }
    // "the company", "the alliance": the organisation named last.
    if after_the && names.anaphora.contains(&tokens[i].lower) {
        return Some(alone(Mention {
            first: i,
            last: i + 1,
            text: tokens[i].text.clone(),
            canonical: String::new(),
            entity_type: Some(EntityType::Organization),
            kind: MentionKind::Anaphor,
            title: None,
            in_title: false,
        }));
    }
    PRONOUNS.contains(&tokens[i].lower.as_str()).then(|| {
        alone(Mention {
            first: i,
            last: i + 1,
            text: tokens[i].text.clone(),
            canonical: String::new(),
            entity_type: Some(EntityType::Person),
            kind: MentionKind::Pronoun,
            title: None,
            in_title: false,
        })
    })
}

/// Capitalised words that may sit inside a name ("Bank of England").
const CONNECTORS: [&str; 18] = [
    "of", "for", "and", "&", "de", "del", "da", "di", "dos", "das", "von", "van", "der", "den",
    "la", "al", "bin", "ibn",
];

/// Number words written with a capital at a sentence start ("Twelve protesters").
fn is_number_word(lower: &str) -> bool {
    crate::text::number_word(lower).is_some()
        || matches!(lower, "hundreds" | "thousands" | "dozens")
}

/// A capitalised word that starts no name: a stopword, a weekday, a month.
fn is_stopword(tokens: &[Token], i: usize, names: &NameLexicon) -> bool {
    let token = &tokens[i];
    if names.stopwords.contains(token.text.as_str())
        || crate::dates::weekday_number(&token.text).is_some()
        || is_contraction(&token.lower)
    {
        return true;
    }
    // A month, unless it is a given name ("Jan Nowak", "May Lee").
    crate::dates::month_number(&token.text).is_some()
        && (token.text.ends_with('.') || tokens.get(i + 1).is_none_or(|n| !n.is_capitalized()))
}

/// "I'm", "I've", "We'll", "Doesn't": a pronoun or verb with its clitic is no
/// part of a name (a capitalised one opens a sentence or a quote).
fn is_contraction(lower: &str) -> bool {
    [
        "'m", "'ve", "'ll", "'re", "'d", "n't", "’m", "’ve", "’ll", "’re", "’d", "n’t",
    ]
    .iter()
    .any(|clitic| lower.ends_with(clitic))
}

/// Longest run of capitalised words taken as one candidate name. Real names
/// are far shorter; the bound keeps hostile text ("Mr. Mr. Mr. ...", 10,000
/// capitalised words) linear, since a run's analysis is quadratic in its length.
const MAX_NAME_RUN: usize = 32;

/// End (exclusive) of a run of capitalised words, with connectors inside.
fn name_run_end(tokens: &[Token], start: usize, names: &NameLexicon) -> usize {
    let mut end = start + 1;
    loop {
        if end - start >= MAX_NAME_RUN {
            return end;
        }
        match tokens.get(end) {
            Some(t)
                if t.is_capitalized()
                    && !is_stopword(tokens, end, names)
                    && !is_modifier_compound(t) =>
            {
                end += 1
            }
            // "al-Zubeidi", "el-Sisi": a lowercase particle glued to a name.
            Some(t) if has_name_particle(&t.text) => end += 1,
            Some(t) if CONNECTORS.contains(&t.lower.as_str()) => {
                // One or two connectors before a capitalised word ("van der Berg").
                let mut next = end + 1;
                if tokens
                    .get(next)
                    .is_some_and(|n| CONNECTORS.contains(&n.lower.as_str()) && !n.is_capitalized())
                {
                    next += 1;
                }
                if tokens.get(next).is_some_and(|n| n.is_capitalized())
                    && !is_stopword(tokens, next, names)
                {
                    end = next + 1;
                } else {
                    return end;
                }
            }
            _ => return end,
        }
    }
}

/// "al-Zubeidi", "el-Baradei", "bin-Salman": a particle, a hyphen, a capital.
fn has_name_particle(word: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "bin-", "ben-"]
        .iter()
        .any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
        })
}

/// "Saudi-led", "U.S.-backed", "Paris-based": describes a name, is none.
fn is_modifier_compound(token: &Token) -> bool {
    [
        "-led",
        "-backed",
        "-based",
        "-owned",
        "-run",
        "-controlled",
        "-born",
        "-made",
        "-style",
        "-era",
    ]
    .iter()
    .any(|suffix| token.lower.ends_with(suffix))
}
