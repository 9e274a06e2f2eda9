//! The `counts` extractor: how many were killed, injured, detained or deployed
//! ("26 protesters were killed", "3,811 people have been detained, the ministry
//! said"), with number parsing and the figure's source.

use super::grammar::{is_negated, sentence_date, BE_FORMS};
use super::{ExtractLexicon, SentenceView, UNSTAMPED};
use crate::facts::{CountFact, Facts};
use crate::mentions::NameLexicon;
use crate::model::EntityType;
use crate::text::{Token, TokenKind};

/// `counts`: "26 protesters were killed", "killing 12 people", "3,811 people
/// have been detained, the ministry said", "sent 2,300 troops".
pub(super) fn counts(view: &SentenceView, facts: &mut Facts) {
    let tokens = view.tokens();
    let mut j = 0;
    while j < tokens.len() {
        let Some((number, after)) = number_at(tokens, j) else {
            j += 1;
            continue;
        };
        // Years and times are not counts.
        if tokens[j].kind == TokenKind::Number
            && (1900..=2100).contains(&number)
            && tokens[j].text.len() == 4
        {
            j = after;
            continue;
        }
        // "384 Libyans": a plural nationality is a group of its own.
        let nationals = tokens.get(after).is_some_and(|t| {
            t.text.ends_with('s') && view.names.demonyms.contains_key(t.text.as_str())
        });
        // "eight Peruvian police officers": the nationality only qualifies the group.
        let qualified = !nationals
            && tokens.get(after).is_some_and(|t| {
                t.is_capitalized() && view.names.demonyms.contains_key(t.text.as_str())
            })
            && tokens
                .get(after + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized());
        let who_start = after + usize::from(qualified);
        let who_end = (who_start..tokens.len().min(who_start + 4))
            .take_while(|&k| {
                tokens[k].kind == TokenKind::Word
                    && (!tokens[k].is_capitalized() || nationals && k == after)
            })
            .take_while(|&k| {
                is_count_trigger(view, k).is_none()
                    && !BE_FORMS.contains(&tokens[k].lower.as_str())
                    && !COUNT_NOUN_STOPS.contains(&tokens[k].lower.as_str())
            })
            .last()
            .map(|k| k + 1);
        // "police officers and soldiers": one group of two kinds of people.
        let who_end = who_end.map(|e| {
            let joined = tokens.get(e).is_some_and(|t| t.lower == "and")
                && tokens.get(e + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.is_capitalized()
                        && counts_people(&t.lower, view.names, view.lexicon)
                });
            if joined {
                e + 2
            } else {
                e
            }
        });
        let who = who_end.map(|e| crate::mentions::join(&tokens[who_start..e]));
        // "26 people were killed and 18 were injured": the second figure counts
        // the group just counted in the same sentence.
        let elliptic = || {
            let were = tokens
                .get(after)
                .is_some_and(|t| matches!(t.lower.as_str(), "were" | "was" | "have" | "had"));
            let earlier = facts
                .counts
                .last()
                .filter(|c| c.evidence.sentence == view.sentence.index)
                .map(|c| c.who.clone());
            earlier.filter(|_| {
                were && j > 0 && matches!(tokens[j - 1].lower.as_str(), "and" | "another")
            })
        };
        // "more than 500 reported injuries": the figure counts the events themselves.
        let events = || {
            let k = after
                + usize::from(
                    tokens
                        .get(after)
                        .is_some_and(|t| matches!(t.lower.as_str(), "reported" | "confirmed")),
                );
            (k < tokens.len() && tokens[k].lower.ends_with('s'))
                .then(|| is_count_trigger(view, k))
                .flatten()
                .map(|_| String::new())
        };
        let Some(who) = who
            .filter(|w| {
                !w.split(' ').any(|word| MEASURE_WORDS.contains(&word))
                    && (nationals || counts_people(w, view.names, view.lexicon))
            })
            .or_else(elliptic)
            .or_else(events)
        else {
            j = after;
            continue;
        };
        let who_end = who_end.unwrap_or(after);
        // The trigger follows the group within the clause, or precedes the number.
        let trigger_after = (who_end..tokens.len().min(who_end + 8))
            .take_while(|&k| !matches!(tokens[k].text.as_str(), ";" | "."))
            .find_map(|k| is_count_trigger(view, k));
        let trigger_before = (j.saturating_sub(4)..j)
            .rev()
            .find_map(|k| is_count_trigger(view, k));
        // "killed 384 Libyans and captured 48": a verb right before the figure is its own.
        let verb_right_before = j.checked_sub(1).and_then(|k| is_count_trigger(view, k));
        let qualifier_before = j.checked_sub(1).map(|k| tokens[k].lower.as_str());
        if qualifier_before.is_some_and(|w| matches!(w, "to" | "from") && trigger_before.is_none())
        {
            j = after;
            continue;
        }
        if let Some(kind) = verb_right_before.or(trigger_after).or(trigger_before) {
            if is_negated(tokens, j) {
                j = after;
                continue;
            }
            facts.counts.push(CountFact {
                kind,
                number,
                who,
                place: None,
                source: attribution(view),
                date: sentence_date(view, j),
                evidence: view.evidence(),
                extractor: UNSTAMPED,
                confidence: 0.7,
            });
        }
        j = after.max(who_end);
    }
}

/// Parses the number at token `j` ("3,811", "Twenty-six", "two dozen",
/// "1.5 million"): its value and the index after it.
pub(super) fn number_at(tokens: &[Token], j: usize) -> Option<(u64, usize)> {
    let t = tokens.get(j)?;
    let (mut value, mut next) = match t.kind {
        TokenKind::Number => {
            let digits = t.text.replace(',', "");
            if digits.contains('.') {
                let f: f64 = digits.parse().ok()?;
                ((f * 1000.0) as u64, j + 1) // scaled below by a multiplier word only
            } else {
                (digits.parse().ok()?, j + 1)
            }
        }
        TokenKind::Word => (crate::text::number_word(&t.text)?, j + 1),
        _ => return None,
    };
    if t.text.contains('.') && t.kind == TokenKind::Number {
        match tokens.get(next).map(|n| n.lower.as_str()) {
            Some("million") => value *= 1000,
            Some("thousand") => {}
            _ => return None,
        }
        next += 1;
        return Some((value, next));
    }
    match tokens.get(next).map(|n| n.lower.as_str()) {
        Some("dozen") => {
            value *= 12;
            next += 1;
        }
        Some("hundred") => {
            value *= 100;
            next += 1;
        }
        Some("thousand") => {
            value *= 1000;
            next += 1;
        }
        Some("million") => {
            value *= 1_000_000;
            next += 1;
        }
        _ => {}
    }
    Some((value, next))
}

/// Words that end the counted group's noun phrase ("300 troops to ...").
const COUNT_NOUN_STOPS: [&str; 24] = [
    "have", "has", "had", "and", "or", "in", "of", "at", "on", "to", "from", "for", "with", "by",
    "after", "during", "since", "near", "into", "across", "over", "who", "that", "were",
];

/// Words after a number that measure money or things, not people: "one
/// billion dlrs in damage" is no count of the dead. Magnitudes are here too:
/// "2 million" is read as the number 2, so its group cannot be trusted.
const MEASURE_WORDS: &[&str] = &[
    "dlrs",
    "dollars",
    "dollar",
    "pct",
    "percent",
    "cents",
    "yen",
    "marks",
    "francs",
    "pounds",
    "euros",
    "tonnes",
    "tons",
    "barrels",
    "shares",
    "acres",
    "miles",
    "kilometres",
    "kilometers",
    "hectares",
    "million",
    "billion",
    "trillion",
    "mln",
    "bln",
];

/// True when a figure's noun phrase names people or forces: its head (or the
/// whole phrase) is a group noun ("riot police") or a people noun
/// ("passengers") — not "companies", "years" or "missiles".
fn counts_people(who: &str, names: &NameLexicon, lexicon: &ExtractLexicon) -> bool {
    let head = who.rsplit(' ').next().unwrap_or(who);
    [who, head]
        .iter()
        .any(|w| names.groups.contains_key(*w) || lexicon.people_nouns.contains(*w))
}

/// The count kind of a trigger word at `k` ("killed", "death toll").
fn is_count_trigger(view: &SentenceView, k: usize) -> Option<String> {
    let t = &view.tokens()[k];
    view.lexicon.count_triggers.get(&t.lower).cloned()
}

/// Who a sentence's figures are attributed to: "according to X", "X said".
fn attribution(view: &SentenceView) -> Option<usize> {
    let tokens = view.tokens();
    for (m, e) in view.mentions {
        let Some(e) = e else { continue };
        if !matches!(
            view.types[*e],
            EntityType::Organization | EntityType::Person | EntityType::Country
        ) {
            continue;
        }
        let before: Vec<&str> = tokens[m.first.saturating_sub(2)..m.first]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let after = tokens.get(m.last).map(|t| t.lower.as_str());
        if before.ends_with(&["according", "to"])
            || matches!(
                after,
                Some("said" | "says" | "reported" | "told" | "announced")
            )
        {
            return Some(*e);
        }
    }
    None
}
