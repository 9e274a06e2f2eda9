//! A name's type and canonical form, from its words and what stands around
//! it: gazetteers and keywords first, then context only organisations have
//! ("news agency X", "X, Norway's national airline") or only people have ("X,
//! 41,", "X, who", "X was appointed"), then given names and titles.

use super::{join, EntityType, TitleLookup};
use super::{KeywordPosition, NameLexicon, TitleClass};
use crate::text::{Token, TokenKind};

/// Where a leading gazetteer name ends, when more capitalised words follow
/// that are not part of a longer known name.
pub(super) fn gazetteer_prefix(
    tokens: &[Token],
    first: usize,
    end: usize,
    names: &NameLexicon,
) -> Option<usize> {
    if end - first < 2 || names.gazetteer.contains_key(&join(&tokens[first..end])) {
        return None;
    }
    let last_is_keyword = names
        .org_keywords
        .contains_key(tokens[end - 1].text.as_str());
    if last_is_keyword {
        return None;
    }
    // "Ambassador to Athens Ana Ruiz": after "to" or "in" a city leads too.
    let destination = first > 0 && matches!(tokens[first - 1].lower.as_str(), "to" | "in");
    (first + 1..end).rev().find(|&k| {
        names
            .gazetteer
            .get(&join(&tokens[first..k]))
            .is_some_and(|g| {
                g.entity_type == EntityType::Country
                    || destination && g.entity_type == EntityType::Place
            })
    })
}

/// Decides a name's type and canonical form.
pub(super) fn type_name(
    tokens: &[Token],
    first: usize,
    end: usize,
    text: &str,
    has_title: bool,
    names: &NameLexicon,
) -> (Option<EntityType>, String) {
    if let Some(entry) = names.gazetteer.get(text) {
        // "the news channel Lima", "the newspaper Cali": a kind of
        // organisation right before a town's name makes it the organisation's.
        let named_as_org = entry.entity_type == EntityType::Place
            && first.checked_sub(1).is_some_and(|k| {
                !tokens[k].is_capitalized() && names.org_nouns.contains(&tokens[k].lower)
            });
        if named_as_org {
            return (Some(EntityType::Organization), text.to_string());
        }
        return (Some(entry.entity_type), entry.canonical.clone());
    }
    if let Some(country) = names.demonyms.get(text) {
        // Plural nationality nouns stand for their country ("asked the Russians").
        if text.ends_with('s') && end - first == 1 {
            return (Some(EntityType::Country), country.clone());
        }
        return (None, text.to_string());
    }
    let words = &tokens[first..end];
    let Some(last) = words.last().map(|w| w.text.trim_end_matches('.')) else {
        return (None, text.to_string());
    };
    if org_context(tokens, first, end, names) {
        return (Some(EntityType::Organization), text.to_string());
    }
    // "Thomas Bay, Acme's vice president": a given name and a post beat a place keyword.
    if words.len() >= 2
        && names.given_names.contains(words[0].text.as_str())
        && person_context(tokens, first, end, names)
    {
        return (Some(EntityType::Person), text.to_string());
    }
    for (k, word) in words.iter().enumerate() {
        if let Some((entity_type, position)) = names.org_keywords.get(word.text.as_str()) {
            let fits = match position {
                KeywordPosition::Any => true,
                KeywordPosition::Head => {
                    k == words.len() - 1
                        || words
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.lower.as_str(), "of" | "for"))
                }
                KeywordPosition::Suffix => k == words.len() - 1,
            };
            // A keyword alone is no name ("Oil" in "Oil Minister").
            if fits && words.len() > 1 {
                return (
                    Some(*entity_type),
                    government_canonical(words, names).unwrap_or_else(|| text.to_string()),
                );
            }
        }
    }
    if names
        .org_keywords
        .get(last)
        .is_some_and(|(_, p)| *p == KeywordPosition::Suffix)
    {
        return (Some(EntityType::Organization), text.to_string());
    }
    if has_title || words.len() >= 2 && names.given_names.contains(words[0].text.as_str()) {
        return (Some(EntityType::Person), text.to_string());
    }
    // "the founder of Blue Harbor Advisers", "chief executive at Acme": a post's organisation.
    let before: Vec<&str> = tokens[..first]
        .iter()
        .rev()
        .take(3)
        .map(|t| t.lower.as_str())
        .collect();
    let after_post = match before.as_slice() {
        ["of" | "at", title, ..] | ["the", "of" | "at", title, ..] => {
            names.titles.contains_key(*title)
        }
        _ => false,
    };
    // (A lone acronym too: "chairman of KLX".)
    let acronym = words.len() == 1
        && (2..=6).contains(&text.len())
        && text.chars().all(|c| c.is_ascii_uppercase());
    if after_post && (words.len() >= 2 || acronym) {
        return (Some(EntityType::Organization), text.to_string());
    }
    // "according to RBC", "CCTV reported": a lone acronym that reports is a news
    // organisation; so is any unknown single name after "according to".
    if words.len() == 1 && !names.given_names.contains(text) {
        let acronym =
            text.len() >= 2 && text.len() <= 6 && text.chars().all(|c| c.is_ascii_uppercase());
        let according =
            first >= 2 && tokens[first - 2].lower == "according" && tokens[first - 1].lower == "to";
        let reports = tokens.get(end).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "said" | "says" | "reported" | "reports" | "quoted" | "quotes" | "cited" | "cites"
            )
        });
        // "sources told RBC".
        let told = acronym && first >= 1 && tokens[first - 1].lower == "told";
        if according || acronym && reports || told {
            return (Some(EntityType::Organization), text.to_string());
        }
    }
    let all_words = words.iter().all(|w| w.kind == TokenKind::Word);
    if words.len() >= 2 && all_words && person_context(tokens, first, end, names) {
        return (Some(EntityType::Person), text.to_string());
    }
    (None, text.to_string())
}

/// Context only organisations have: a kind of organisation in apposition
/// ("Norvia, Norway's national airline," / "the national airline, Norvia" /
/// "news agency Tassik") or a company post after the name ("Radio Vesna
/// editor-in-chief Ivan Orlov", "Vantex chairman Ann Lee").
fn org_context(tokens: &[Token], first: usize, end: usize, names: &NameLexicon) -> bool {
    let is_org_noun = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| !t.is_capitalized() && names.org_nouns.contains(&t.lower))
    };
    // The apposition is headed by the kind of organisation: no post and no
    // "of" in it ("the governor of the central bank, X" names a person).
    let plain = |span: &[Token]| {
        span.iter().all(|t| {
            !matches!(t.lower.as_str(), "of" | "at" | "for")
                && names
                    .titles
                    .get(&t.lower)
                    .is_none_or(|c| *c == TitleClass::Modifier)
        })
    };
    // Before: "airline Norvia", "the national airline, Norvia".
    let before = first.checked_sub(1).is_some_and(|k| {
        is_org_noun(k)
            || tokens[k].text == ","
                && k >= 1
                && is_org_noun(k - 1)
                && plain(&tokens[k.saturating_sub(6)..k])
    });
    // After: ", [the] [Norway's] [national] airline," closing the apposition.
    let after = tokens.get(end).is_some_and(|t| t.text == ",")
        && (end + 1..tokens.len().min(end + 8))
            .take_while(|&k| matches!(tokens[k].kind, TokenKind::Word | TokenKind::Possessive))
            .find(|&k| is_org_noun(k))
            .is_some_and(|k| {
                plain(&tokens[end + 1..=k])
                    && tokens
                        .get(k + 1)
                        .is_none_or(|t| matches!(t.text.as_str(), "," | "." | ";"))
            });
    // A company post and a name after it.
    let post = TitleLookup::new(names)
        .lowercase()
        .ends(tokens, end, tokens.len().min(end + names.max_title_words))
        .any(|(e, class)| {
            class == TitleClass::Business && tokens.get(e).is_some_and(Token::is_capitalized)
        });
    before || after || post
}

/// Context only people have: an age ("X, 41,"), "X, who", or a post in apposition
/// after the name ("X, the former head of Y", "X, Acme's chief executive") or
/// before it ("the Minister of Finance, X").
fn person_context(tokens: &[Token], first: usize, end: usize, names: &NameLexicon) -> bool {
    let next: Vec<&Token> = tokens[end..].iter().take(3).collect();
    let after = match next.as_slice() {
        [comma, age, close, ..] if comma.text == "," && close.text == "," => {
            age.kind == TokenKind::Number
                && age
                    .text
                    .parse::<u32>()
                    .is_ok_and(|a| (18..=99).contains(&a))
        }
        [comma, who, ..] if who.lower == "who" => comma.text == ",",
        [comma, ..] if comma.text == "," => post_starts(tokens, end + 1, names),
        // "removed X from his post": only people hold posts of their own.
        [from, his, ..] if from.lower == "from" && matches!(his.lower.as_str(), "his" | "her") => {
            tokens.get(end + 2..end + 6).is_some_and(|rest| {
                rest.iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "post" | "position" | "job" | "role" | "office" | "seat"
                    )
                })
            })
        }
        // "appointed X as its new chief financial officer".
        [as_, ..] if as_.lower == "as" => {
            let mut j = end + 1;
            while tokens.get(j).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "the" | "its" | "his" | "her" | "their" | "a" | "new"
                )
            }) {
                j += 1;
            }
            TitleLookup::new(names)
                .longest(tokens, j, tokens.len())
                .is_some_and(|(_, class)| class != TitleClass::Honorific)
        }
        _ => false,
    };
    after || title_apposition_before(tokens, first, names) || appointed_after(tokens, end)
}

/// "X was named ...", "X has been appointed ...": only people are appointed
/// ("named after", "named in", "named for" are other senses).
fn appointed_after(tokens: &[Token], end: usize) -> bool {
    let words: Vec<&str> = tokens[end..tokens.len().min(end + 4)]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let (verb, next) = match words.as_slice() {
        ["will", "be", verb, next] => (*verb, *next),
        ["has" | "had" | "have", "been", verb, next] => (*verb, *next),
        ["was" | "is", verb, next, ..] => (*verb, *next),
        _ => return false,
    };
    matches!(verb, "named" | "appointed" | "promoted" | "elected")
        && !matches!(next, "after" | "in" | "for" | "by" | "on")
}

/// An article or possessive determiner: where a described post or group begins
/// ("the", "a", "an", "his", "her", "its", "their").
pub fn opens_noun_phrase(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "his" | "her" | "its" | "their")
}

/// True when a post starts at `at`: "(the|a|an) TITLE" or "(the) ORG's TITLE".
fn post_starts(tokens: &[Token], at: usize, names: &NameLexicon) -> bool {
    let mut j = at;
    let determined = tokens.get(j).is_some_and(|t| opens_noun_phrase(&t.lower));
    if determined {
        j += 1;
    }
    // "Acme's", "the EU's": a capitalised owner and its possessive.
    let owner_end = (j..tokens.len().min(j + 5))
        .take_while(|&k| tokens[k].is_capitalized())
        .last()
        .map(|k| k + 1)
        .filter(|&k| {
            tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
        });
    let possessed = owner_end.is_some();
    if let Some(k) = owner_end {
        j = k + 1;
    }
    // "X, president of Y": a bare title with its owner after it.
    let bare_with_owner = || {
        TitleLookup::new(names)
            .longest(tokens, j, tokens.len())
            .is_some_and(|(e, class)| {
                class != TitleClass::Honorific
                    && tokens
                        .get(e)
                        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "at"))
            })
    };
    // After an owner, up to two field words may lead the title ("the EU's foreign policy chief").
    let field_words = if possessed { 2 } else { 0 };
    if !determined && !possessed {
        return bare_with_owner();
    }
    (j..=j + field_words)
        .take_while(|&k| k == j || tokens.get(k - 1).is_some_and(|t| !t.is_capitalized()))
        .any(|k| {
            TitleLookup::new(names)
                .longest(tokens, k, tokens.len())
                .is_some_and(|(_, class)| class != TitleClass::Honorific)
        })
}

/// "the Minister of Finance, X", "Acme's chief executive, X": a post phrase
/// from a determiner (or the sentence start) to the comma before the name.
fn title_apposition_before(tokens: &[Token], first: usize, names: &NameLexicon) -> bool {
    let Some(comma) = first.checked_sub(1).filter(|&c| tokens[c].text == ",") else {
        return false;
    };
    (comma.saturating_sub(10)..comma).any(|s| {
        let opens = s == 0 || opens_noun_phrase(&tokens[s].lower);
        opens
            && !tokens[s..comma]
                .iter()
                .any(|t| t.kind == TokenKind::Punct && t.text != "-")
            && (post_starts(tokens, s, names)
                || s == 0
                    && TitleLookup::new(names)
                        .longest(tokens, 0, comma)
                        .is_some_and(|(_, class)| class != TitleClass::Honorific))
    })
}

/// "Chilean Government", "Government of Peru" → "Government of Peru".
fn government_canonical(words: &[Token], names: &NameLexicon) -> Option<String> {
    if words.len() == 2 && words[1].lower == "government" {
        let country = names
            .demonyms
            .get(words[0].text.as_str())
            .cloned()
            .or_else(|| {
                names
                    .gazetteer
                    .get(&words[0].text)
                    .filter(|g| g.entity_type == EntityType::Country)
                    .map(|g| g.canonical.clone())
            })?;
        return Some(format!("Government of {country}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::mentions::tests::mentions;
    use crate::model::EntityType;

    #[test]
    fn keywords_and_gazetteers_type_names() {
        let found = mentions("The Bank of Ghana and Acme Widgets Corp said Brazil sent troops.");
        assert_eq!(
            found[0],
            ("Bank of Ghana".into(), Some(EntityType::Organization), None)
        );
        assert_eq!(found[1].1, Some(EntityType::Organization));
        assert_eq!(found[2].1, Some(EntityType::Country));
        assert_eq!(found[3].1, Some(EntityType::MilitaryForce));
        // A plural place word names the company that runs such places.
        let found = mentions("Shares of Meridian Airports rose while Kelso Airport closed.");
        assert_eq!(found[0].1, Some(EntityType::Organization), "{found:?}");
        assert_eq!(found[1].1, Some(EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_kind_of_organisation_before_a_town_s_name_makes_it_an_organisation() {
        let found = mentions("Arrests were reported by the news channel Lima on Monday.");
        assert!(
            found.contains(&("Lima".into(), Some(EntityType::Organization), None)),
            "{found:?}"
        );
        let found = mentions("Arrests were reported in Lima on Monday.");
        assert!(
            found.contains(&("Lima".into(), Some(EntityType::Place), None)),
            "{found:?}"
        );
    }

    #[test]
    fn kinds_of_organisation_in_apposition_type_names() {
        for (text, name) in [
            (
                "Flights by Norvia, Norway's national airline, were cancelled.",
                "Norvia",
            ),
            ("The national airline, Norvia, cancelled flights.", "Norvia"),
            ("Output fell, news agency Tassik reported.", "Tassik"),
            (
                "Kestrel, the mine's new operator, expects output to rise.",
                "Kestrel",
            ),
            (
                "Radio Vesna editor-in-chief Ivan Orlov resigned.",
                "Radio Vesna",
            ),
            (
                "The minister told RBK on Monday that talks had failed.",
                "RBK",
            ),
        ] {
            let found = mentions(text);
            let m = found.iter().find(|m| m.0 == name);
            assert_eq!(
                m.and_then(|m| m.1),
                Some(EntityType::Organization),
                "{text}: {found:?}"
            );
        }
        // A post heads the apposition: a person.
        let found = mentions("The governor of the central bank, Pedro Alvarez, resigned.");
        let m = found.iter().find(|m| m.0 == "Pedro Alvarez");
        assert_eq!(m.and_then(|m| m.1), Some(EntityType::Person), "{found:?}");
    }
}
