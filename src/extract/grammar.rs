//! Sentence grammar shared by the extractors: negation and modality (events
//! denied, wanted or only expected), voice (passives), clause bounds, the
//! search for a verb's arguments left and right, coordination ("A, B and C"),
//! ranges hidden from that search (appositions, brackets) and the date nearest
//! a trigger.

use super::{ExtractLexicon, SentenceView};
use crate::dates::{resolve_relative, Date};
use crate::mentions::{Mention, MentionKind, NameLexicon};
use crate::model::EntityType;
use crate::text::{Token, TokenKind};

/// Words before a trigger that make the event negated or hypothetical.
const NEGATORS: [&str; 11] = [
    "not", "n't", "never", "could", "might", "may", "would", "should", "if", "whether", "no",
];
const DENIALS: [&str; 5] = ["denied", "denies", "deny", "rejected", "dismissed"];
pub(super) const BE_FORMS: [&str; 9] = [
    "was", "were", "been", "is", "are", "be", "being", "got", "gets",
];

pub(super) fn is_negated(tokens: &[Token], trigger: usize) -> bool {
    let window = &tokens[trigger.saturating_sub(3)..trigger];
    window.iter().any(|t| NEGATORS.contains(&t.lower.as_str()))
        || tokens[..trigger]
            .iter()
            .any(|t| DENIALS.contains(&t.lower.as_str()) && t.lower != tokens[trigger].lower)
}

/// True when a verb is only attempted, wanted or asked for: "tried to seize",
/// "vowed to fire", "asked the alliance to send troops" ("helped to retake"
/// is an event).
pub(super) fn is_unrealised(tokens: &[Token], trigger: usize, lexicon: &ExtractLexicon) -> bool {
    // "sent troops to help quell the unrest and retake the airport": a purpose.
    if trigger >= 1
        && tokens[trigger - 1].lower == "and"
        && tokens[trigger.saturating_sub(8)..trigger - 1]
            .iter()
            .any(|t| t.lower == "to")
    {
        let before_and = &tokens[trigger.saturating_sub(8)..trigger - 1];
        let to = before_and.iter().rposition(|t| t.lower == "to");
        if to.is_some_and(|i| {
            before_and
                .get(i + 1)
                .is_some_and(|v| v.kind == TokenKind::Word && !v.is_capitalized())
        }) {
            return true;
        }
    }
    // "was likely to be ousted": only expected.
    if trigger >= 3 && tokens[trigger - 1].lower == "be" && tokens[trigger - 2].lower == "to" {
        return true;
    }
    // "named Ravi Patel to succeed Jane Moore": the appointment makes it so.
    let appointed_to = trigger >= 2
        && tokens[trigger - 2].is_capitalized()
        && tokens[trigger.saturating_sub(7)..trigger - 2]
            .iter()
            .any(|t| lexicon.appointing_verbs.contains(&t.lower));
    if trigger >= 2
        && tokens[trigger - 1].lower == "to"
        && !appointed_to
        && !matches!(
            tokens[trigger - 2].lower.as_str(),
            "helped" | "managed" | "moved"
        )
    {
        return true;
    }
    // "asked the alliance to send troops", "urged Acme to fire X": the verb is requested, not done.
    tokens[trigger.saturating_sub(6)..trigger]
        .iter()
        .any(|t| CONTROL_VERBS.contains(&t.lower.as_str()))
}

/// Verbs whose complement is only wanted, asked for or planned.
const CONTROL_VERBS: [&str; 31] = [
    "calling",
    "calls",
    "demanded",
    "demanding",
    "demands",
    "seeking",
    "seeks",
    "sought",
    "urging",
    "requested",
    "requests",
    "urged",
    "urges",
    "wanted",
    "wants",
    "ordered",
    "orders",
    "invited",
    "expected",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "vowed",
    "vows",
    "planned",
    "plans",
    "decided",
    "refused",
    "hoped",
    "hopes",
];

/// Irregular past participles that can follow "was" in a passive.
const IRREGULAR_PARTICIPLES: [&str; 12] = [
    "sent", "held", "put", "quit", "led", "made", "seen", "told", "kept", "hit", "shot", "met",
];

/// True when the trigger is a passive participle ("was dismissed", "who were arrested").
pub(super) fn is_passive(tokens: &[Token], trigger: usize) -> bool {
    let word = tokens[trigger].lower.as_str();
    if !(word.ends_with("ed") || word.ends_with("en") || IRREGULAR_PARTICIPLES.contains(&word)) {
        return false;
    }
    // "relieved of his post and replaced by Y": a participle with its agent is passive
    // even when its be-form belongs to an earlier, coordinated participle.
    if tokens.get(trigger + 1).is_some_and(|t| t.lower == "by") {
        return true;
    }
    let mut j = trigger;
    while j > 0 {
        j -= 1;
        let w = tokens[j].lower.as_str();
        if BE_FORMS.contains(&w) {
            return true;
        }
        if !(w.ends_with("ly")
            || matches!(
                w,
                "also" | "then" | "later" | "since" | "already" | "just" | "formally"
            ))
        {
            return false;
        }
    }
    false
}

/// "X, who was fired": a relative pronoun and a be-form before the trigger.
pub(super) fn is_relative_passive(tokens: &[Token], trigger: usize) -> bool {
    trigger >= 2
        && matches!(tokens[trigger - 2].lower.as_str(), "who" | "which")
        && BE_FORMS.contains(&tokens[trigger - 1].lower.as_str())
}

/// True when only an apposition, be-forms, auxiliaries, adverbs and a relative
/// pronoun stand between a passive's subject (ending at `name_end`) and the
/// clause's be-form (or the participle, when there is none): "X, the former head
/// of Y, was later arrested", "X, who had been fired", "X was relieved of his post
/// and replaced by Y" — but not "land once occupied by Y" for a name before "land".
pub(super) fn passive_subject_near(view: &SentenceView, name_end: usize, trigger: usize) -> bool {
    let tokens = view.tokens();
    let be = (name_end..trigger)
        .find(|&j| BE_FORMS.contains(&tokens[j].lower.as_str()))
        .unwrap_or(trigger);
    // "X will step aside and will be replaced by Y": a second verb phrase of X's clause.
    let mut aux = be;
    while aux > name_end
        && matches!(
            tokens[aux - 1].lower.as_str(),
            "will" | "would" | "has" | "had" | "have" | "was" | "were"
        )
    {
        aux -= 1;
    }
    if aux > name_end && tokens[aux - 1].lower == "and" {
        return true;
    }
    // An apposition between commas right after the name: "X, Acme's president, was".
    let mut from = name_end;
    if tokens.get(from).is_some_and(|t| t.text == ",") {
        if let Some(close) = (from + 1..be).rev().find(|&j| tokens[j].text == ",") {
            from = close + 1;
        }
    }
    // "X and other officials were detained": X is one of the subjects.
    if tokens.get(from).is_some_and(|t| t.lower == "and") && be - from <= 5 {
        return true;
    }
    (from..be)
        .filter(|&j| !view.is_hidden(j, trigger))
        .all(|j| {
            let w = tokens[j].lower.as_str();
            w.ends_with("ly")
                || tokens[j].kind == TokenKind::Number
                || crate::dates::weekday_number(w).is_some()
                || matches!(
                    w,
                    "," | "who"
                        | "which"
                        | "has"
                        | "have"
                        | "had"
                        | "also"
                        | "then"
                        | "later"
                        | "once"
                        | "already"
                        | "just"
                        | "formally"
                        | "reportedly"
                        | "allegedly"
                )
        })
}

/// Conjunctions that, after a comma, start another clause with its own subject.
const CLAUSE_CONJUNCTIONS: [&str; 9] = [
    "and", "but", "while", "although", "though", "because", "after", "before", "whereas",
];

/// Words that open a subordinate clause with its own subject ("blocked credit
/// because two editors quit").
const SUBORDINATORS: [&str; 8] = [
    "after", "when", "because", "before", "while", "although", "unless", "until",
];

/// True when `gap` holds a clause boundary: ";", "that", a subordinator, a
/// subject pronoun or ", and" (but not ", who").
fn crosses_clause(gap: &[Token]) -> bool {
    gap.iter().enumerate().any(|(j, t)| {
        t.text == ";"
            || t.lower == "that"
            || SUBORDINATORS.contains(&t.lower.as_str())
            // "Tom Vale, whom they accuse": another subject ("it" stays: "Acme said it named X").
            || matches!(t.lower.as_str(), "they" | "we" | "whom")
            || t.text == ","
                && gap
                    .get(j + 1)
                    .is_some_and(|n| CLAUSE_CONJUNCTIONS.contains(&n.lower.as_str()))
    })
}

pub(super) fn type_ok(types: &[EntityType], t: Option<EntityType>) -> bool {
    types.is_empty() || t.is_some_and(|t| types.contains(&t))
}

/// Nearest mention left of `from` (not hidden, within the clause) whose type fits.
pub(super) fn left_argument(
    view: &SentenceView,
    from: usize,
    types: &[EntityType],
) -> Option<usize> {
    let tokens = view.tokens();
    let mut candidates = view
        .mentions
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, (m, e))| {
            // (A lone capitalised word opening the sentence may be no name: "Rebel fighters".)
            let opener = m.first == 0 && m.last == 1;
            m.last <= from
                && (e.is_some() || m.kind == MentionKind::Name && !opener)
                && !m.in_title
                && !view.is_hidden(m.first, from)
        })
        .take_while(|(_, (m, _))| !crosses_clause(&tokens[m.last..from]))
        // A possessor modifies a noun ("his government's resignation"): not a
        // subject; nor is the agent of a passive ("members appointed by X had resigned").
        .filter(|(_, (m, _))| {
            tokens
                .get(m.last)
                .is_none_or(|t| t.kind != TokenKind::Possessive)
                && (m.first == 0 || tokens[m.first - 1].lower != "by")
        })
        // A name we could not resolve still stands there: "Acme said K. L. Obi
        // resigned" must not make Acme resign (unless a preposition makes it a
        // mere place or companion: "protesters in Kelso seized").
        .filter(|(_, (m, e))| {
            e.is_some()
                || m.first == 0
                || !matches!(
                    tokens[m.first - 1].lower.as_str(),
                    "in" | "at" | "from" | "of" | "near" | "outside" | "with"
                )
        })
        .take_while(|(_, (_, e))| e.is_some())
        .filter(|(k, _)| type_ok(types, view.entity_type(*k)))
        .map(|(k, _)| k);
    // "X asked Peru for help and accused Bolivia": a second verb shares the
    // clause's first subject, not the nearest name.
    // "Officials said the president relieved X and appointed him": the clause begins after
    // the reporting verb.
    let coordinated_verb =
        from > 0 && tokens[from - 1].lower == "and" && !tokens[from.saturating_sub(2)].text.eq(",");
    if coordinated_verb {
        let reported_from = tokens[..from]
            .iter()
            .rposition(|t| matches!(t.lower.as_str(), "said" | "says" | "told" | "reported"));
        let in_clause: Vec<usize> = candidates.collect();
        in_clause
            .iter()
            .rev()
            .find(|&&k| reported_from.is_none_or(|r| view.mentions[k].0.first > r))
            .or(in_clause.last())
            .copied()
    } else {
        candidates.next()
    }
}

/// The first mention right of `from` within a few words; its type must fit.
pub(super) fn right_argument(
    view: &SentenceView,
    from: usize,
    types: &[EntityType],
) -> Option<usize> {
    let tokens = view.tokens();
    // A name we could not resolve still blocks: "named K. Tavo Mbeki to succeed
    // Y" must not make Y the one named.
    let mut candidates = view.mentions.iter().enumerate().filter(|(_, (m, e))| {
        m.first >= from
            && (e.is_some() || m.kind == MentionKind::Name)
            && !m.in_title
            && !view.is_hidden(m.first, from)
            && tokens
                .get(m.last)
                .is_none_or(|t| t.kind != TokenKind::Possessive)
    });
    let (mut k, mut entry) = candidates.next()?;
    // The first mention only leads to the object when it owns the next name's
    // post ("succeeds Orion Bank chief economist, Edward Lind") or is an unknown
    // word qualifying the next mention ("Kurdish militants").
    if let Some(next) = view.mentions.get(k + 1) {
        let owner_of_post = !type_ok(types, view.entity_type(k))
            && next.0.first > entry.0.last
            && describes_next(view, &tokens[from.min(entry.0.first)..next.0.first]);
        let qualifier = entry.1.is_none() && next.0.first == entry.0.last;
        if owner_of_post || qualifier {
            (k, entry) = (k + 1, next);
            candidates.next();
        }
    }
    // "removed several officials, including X": the named member of the group.
    if !type_ok(types, view.entity_type(k))
        && tokens[entry.0.last..tokens.len().min(entry.0.last + 6)]
            .iter()
            .any(|t| t.lower == "including")
    {
        (k, entry) = candidates.next()?;
    }
    let m = &entry.0;
    let gap = &tokens[from..m.first];
    // "criticized the Ruiz plan": a person's name after "the" modifies a noun.
    if view.entity_type(k) == Some(EntityType::Person)
        && m.kind == MentionKind::Name
        && m.title.is_none()
        && gap.last().is_some_and(|t| t.lower == "the")
    {
        return None;
    }
    // "accusing it of defrauding investors": the object is the pronoun.
    if gap
        .first()
        .is_some_and(|t| matches!(t.lower.as_str(), "it" | "them" | "us" | "me"))
    {
        return None;
    }
    let including = gap.iter().any(|t| t.lower == "including");
    // "captured two of Chad's outposts near Faya": the possessed noun
    // is the object; a name after it is not (but "Kelso's airport" is).
    let possessor_end = view.mentions[..k]
        .iter()
        .filter(|(p, _)| p.first >= from && !p.in_title)
        .filter_map(|(p, _)| {
            (tokens.get(p.last)?.kind == TokenKind::Possessive).then_some(p.last + 1)
        })
        .next_back();
    if possessor_end.is_some_and(|end| m.first > end + 1) && !describes_next(view, gap) {
        return None;
    }
    // "appointed a panel to look for a replacement for X": another verb's object.
    // "made progress in talks with Secretary of State X": a phrase of its own
    // (but "met this afternoon with X" is the verb's own).
    let other_phrase = gap.len() > 3
        && gap
            .iter()
            .any(|t| matches!(t.lower.as_str(), "to" | "for" | "in"));
    if gap
        .iter()
        .any(|t| matches!(t.text.as_str(), ";" | "." | ":"))
        || crosses_clause(gap)
        || gap.iter().any(|t| t.text == ",") && !including && !describes_next(view, gap)
        || (gap.len() > 10 || other_phrase) && !including
    {
        return None;
    }
    type_ok(types, view.entity_type(k)).then_some(k)
}

/// "arrested the former head of the security service, X": a gap that
/// describes the name after its comma (it holds a title word).
fn describes_next(view: &SentenceView, gap: &[Token]) -> bool {
    gap.last().is_some_and(|t| t.text == ",")
        && gap.iter().filter(|t| t.text == ",").count() == 1
        && gap.iter().any(|t| view.names.titles.contains_key(&t.lower))
}

/// Mention `k` and those coordinated before it: "A and B resigned".
pub(super) fn coordinated_before(view: &SentenceView, k: usize) -> Vec<usize> {
    let tokens = view.tokens();
    let mut out = vec![k];
    let mut first = view.mentions[k].0.first;
    for j in (0..k).rev() {
        let (m, e) = &view.mentions[j];
        let gap: Vec<&str> = tokens[m.last..first]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let joined = matches!(gap.as_slice(), ["and"] | [","] | [",", "and"])
            || gap.first() == Some(&"and") && gap.len() <= 4;
        // "Prime Minister X and his government resigned": a leader and their own body.
        let and_own = matches!(gap.as_slice(), ["and", "his" | "her" | "its" | "their", ..]);
        if !joined
            || e.is_none()
            || view.mentions[k].1.map(|x| view.types[x]) != e.map(|x| view.types[x])
                && gap.len() > 1
                && !and_own
        {
            break;
        }
        out.push(j);
        first = m.first;
    }
    out
}

/// Mentions coordinated with mention `k`: "A, B and C".
pub(super) fn coordinated(view: &SentenceView, k: usize) -> Vec<usize> {
    let tokens = view.tokens();
    let mut out = vec![k];
    let mut last = view.mentions[k].0.last;
    for j in k + 1..view.mentions.len() {
        let m = &view.mentions[j].0;
        if m.in_title {
            continue; // "Russian" of "and Russian President X"
        }
        // The next name's title belongs to it: "X and then Prime Minister Y".
        let title_words = m
            .title
            .as_ref()
            .map_or(0, |t| t.text.split_whitespace().count());
        let mut name_start = m.first.saturating_sub(title_words).max(last);
        if let Some((qualifier, _)) = view
            .mentions
            .iter()
            .find(|(q, _)| q.in_title && q.last == name_start)
        {
            name_start = qualifier.first.max(last);
        }
        let mut gap: Vec<&str> = tokens[last..name_start]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        // "the airport and the city hall": a determiner opens the next phrase.
        if gap.len() > 1 && matches!(gap.last(), Some(&("the" | "a" | "an" | "its" | "their"))) {
            gap.pop();
        }
        if !matches!(
            gap.as_slice(),
            [","] | ["and"] | [",", "and"] | ["or"] | ["and", "then"] | [",", "and", "then"]
        ) || view.mentions[j].1.is_none()
        {
            break;
        }
        out.push(j);
        last = m.last;
    }
    out
}

/// Appositions ("X, the former head of Y,"), relative clauses ("X, who ...,")
/// and brackets: arguments of a verb outside them are not searched inside.
pub(super) fn hidden_ranges(
    tokens: &[Token],
    mentions: &[(Mention, Option<usize>)],
    names: &NameLexicon,
) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for (m, _) in mentions {
        let comma = m.last;
        if tokens.get(comma).is_none_or(|t| t.text != ",") {
            continue;
        }
        let Some(next) = tokens.get(comma + 1) else {
            continue;
        };
        let opens = matches!(
            next.lower.as_str(),
            "the" | "a" | "an" | "who" | "which" | "whose" | "its" | "his" | "her"
        ) || names.titles.contains_key(&next.lower);
        if opens {
            // The clause ends at a comma that does not continue a list of names.
            let starts_mention = |j: usize| mentions.iter().any(|(m, _)| m.first == j);
            let end = (comma + 1..tokens.len())
                .find(|&j| match tokens[j].text.as_str() {
                    ";" | "—" | "–" => true,
                    "," => {
                        !starts_mention(j + 1)
                            && tokens
                                .get(j + 1)
                                .is_none_or(|n| !matches!(n.lower.as_str(), "and" | "or"))
                    }
                    _ => false,
                })
                .unwrap_or(tokens.len());
            ranges.push((comma + 1, end));
        }
    }
    let mut open = None;
    for (j, t) in tokens.iter().enumerate() {
        match t.text.as_str() {
            "(" => open = Some(j),
            ")" => {
                if let Some(a) = open.take() {
                    ranges.push((a, j + 1));
                }
            }
            _ => {}
        }
    }
    ranges
}

/// A weekday or month name ("Wednesday", "March").
pub(super) fn dated_word(word: &str) -> bool {
    crate::dates::weekday_number(&word.to_lowercase()).is_some()
        || crate::dates::month_number(word).is_some()
}

/// The date expression nearest to `trigger` in the sentence, resolved.
pub(super) fn sentence_date(view: &SentenceView, trigger: usize) -> Option<Date> {
    let tokens = view.tokens();
    let mut best: Option<(usize, Date)> = None;
    for (j, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let lower = t.lower.as_str();
        let words: Vec<&str> = tokens[j..tokens.len().min(j + 3)]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let date = if crate::dates::month_number(&t.text).is_some() && t.is_capitalized() {
            let day = tokens.get(j + 1).filter(|n| n.kind == TokenKind::Number)?;
            let year = tokens
                .get(j + 3)
                .filter(|y| tokens.get(j + 2).is_some_and(|c| c.text == ",") && y.text.len() == 4)
                .and_then(|y| y.text.parse().ok());
            match year {
                Some(y) => Date::new(
                    y,
                    crate::dates::month_number(&t.text)?,
                    day.text.parse().ok()?,
                ),
                None => view
                    .anchor
                    .and_then(|a| resolve_relative(&[lower, &day.lower], a)),
            }
        } else if crate::dates::weekday_number(lower).is_some()
            || matches!(lower, "yesterday" | "today")
        {
            view.anchor.and_then(|a| resolve_relative(&words, a))
        } else {
            None
        };
        if let Some(date) = date {
            let distance = j.abs_diff(trigger);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, date));
            }
        }
    }
    best.map(|(_, d)| d)
}
