//! Mention detection and typing: which token spans of a sentence name an
//! entity, of which type, and with which title in front.
//!
//! Evidence used, in order: gazetteers (countries, cities, organisations),
//! keywords ("Ministry", "Corp", "Airport", "Troops"), titles ("President",
//! "chief executive"), given names, and collective nouns ("protesters",
//! "Russian troops"). Capitalisation finds candidate names; nothing here
//! depends on any particular story.

use crate::rules::{KeywordPosition, Rules, TitleClass};
use crate::text::{Sentence, Token, TokenKind};

pub use crate::model::EntityType;

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

/// Capitalised words that may sit inside a name ("Bank of England").
const CONNECTORS: [&str; 18] = [
    "of", "for", "and", "&", "de", "del", "da", "di", "dos", "das", "von", "van", "der", "den",
    "la", "al", "bin", "ibn",
];
const PRONOUNS: [&str; 3] = ["he", "she", "him"];

/// Finds the mentions of one sentence, left to right, without overlaps.
pub fn find_mentions(sentence: &Sentence, rules: &Rules) -> Vec<Mention> {
    let tokens = &sentence.tokens;
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(m) = collective_at(tokens, i, rules) {
            i = m.last;
            mentions.push(m);
            continue;
        }
        if let Some(m) = leading_country(&tokens[i], i, rules) {
            mentions.push(m);
            i += 1;
            continue;
        }
        if tokens[i].is_capitalized()
            && !is_modifier_compound(&tokens[i])
            && !is_stopword(tokens, i, rules)
            && !is_number_word(&tokens[i].lower)
        {
            let end = name_run_end(tokens, i, rules);
            for m in analyse_run(tokens, i, end, rules) {
                mentions.push(m);
            }
            i = end;
            continue;
        }
        // "the president said": the person last named with that title.
        if i > 0
            && tokens[i - 1].lower == "the"
            && !tokens[i].is_capitalized()
            && matches!(
                rules.titles.get(&tokens[i].lower),
                Some(TitleClass::HeadOfState)
            )
            && tokens.get(i + 1).is_none_or(|n| {
                !n.is_capitalized() && n.lower != "of" && n.kind != TokenKind::Possessive
            })
        {
            mentions.push(Mention {
                first: i,
                last: i + 1,
                text: tokens[i].text.clone(),
                canonical: tokens[i].lower.clone(),
                entity_type: Some(EntityType::Person),
                kind: MentionKind::Anaphor,
                title: None,
                in_title: false,
            });
            i += 1;
            continue;
        }
        if i > 0
            && tokens[i - 1].lower == "the"
            && !tokens[i].is_capitalized()
            && rules.anaphora.contains(&tokens[i].lower)
        {
            mentions.push(Mention {
                first: i,
                last: i + 1,
                text: tokens[i].text.clone(),
                canonical: String::new(),
                entity_type: Some(EntityType::Organization),
                kind: MentionKind::Anaphor,
                title: None,
                in_title: false,
            });
            i += 1;
            continue;
        }
        if PRONOUNS.contains(&tokens[i].lower.as_str()) {
            mentions.push(Mention {
                first: i,
                last: i + 1,
                text: tokens[i].text.clone(),
                canonical: String::new(),
                entity_type: Some(EntityType::Person),
                kind: MentionKind::Pronoun,
                title: None,
                in_title: false,
            });
        }
        i += 1;
    }
    lowercase_state_bodies(tokens, &mut mentions, rules);
    type_by_coordination(tokens, &mut mentions);
    compass_regions(tokens, &mut mentions, rules);
    reporters_are_organisations(tokens, &mut mentions, rules);
    qualify_government_bodies(tokens, &mut mentions, rules);
    mentions
}

/// Compass words that name part of a country or continent.
const COMPASS: [&str; 9] = [
    "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
];

/// Parts of countries and continents: "western Europe" is the region
/// "Western Europe" where the gazetteer knows it; "Western Ruritania", a
/// compass word and a country, is a place of that country.
fn compass_regions(tokens: &[Token], mentions: &mut [Mention], rules: &Rules) {
    for m in mentions.iter_mut().filter(|m| m.kind == MentionKind::Name) {
        let lowercase_compass = m
            .first
            .checked_sub(1)
            .filter(|&c| COMPASS.contains(&tokens[c].text.as_str()));
        if let Some(c) = lowercase_compass {
            let mut compass = tokens[c].text.clone();
            compass[..1].make_ascii_uppercase();
            let region = format!("{compass} {}", m.text);
            if let Some(entry) = rules.gazetteer.get(&region) {
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
        let of_country = rules
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
fn lowercase_state_bodies(tokens: &[Token], mentions: &mut Vec<Mention>, rules: &Rules) {
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
                        && rules.state_body_nouns.contains(&tokens[e - 1].lower)
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
fn qualify_government_bodies(tokens: &[Token], mentions: &mut [Mention], rules: &Rules) {
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
            .is_some_and(|w| rules.state_body_heads.contains(*w))
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
                let country = rules.demonyms.get(&words.get(..n)?.join(" "))?;
                (words.len() > n).then(|| (country.clone(), n))
            })
        };
        let Some((country, skip)) = possessor.or_else(inside) else {
            continue;
        };
        let body = &words[skip..];
        // A body with a name of its own ("Acme Service") is left as it is.
        let generic = body.iter().all(|w| {
            !rules.given_names.contains(*w)
                && !rules.gazetteer.contains_key(*w)
                && !rules.demonyms.contains_key(*w)
        }) && !rules.gazetteer.contains_key(&body.join(" "));
        if generic {
            mentions[j].canonical = format!("{country}'s {}", body.join(" "));
        }
    }
}

/// An unknown name that reports is a news outlet or a company ("Kyodo
/// reported", "Globex reports"), unless it opens with a given name.
fn reporters_are_organisations(tokens: &[Token], mentions: &mut [Mention], rules: &Rules) {
    for m in mentions.iter_mut() {
        let reports = tokens
            .get(m.last)
            .is_some_and(|t| matches!(t.lower.as_str(), "reported" | "reports"));
        let given = m
            .text
            .split_whitespace()
            .next()
            .is_some_and(|w| rules.given_names.contains(w));
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
fn type_by_coordination(tokens: &[Token], mentions: &mut [Mention]) {
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

/// "Saudi-led", "Turkish-led": the country that leads, as a mention that
/// only describes (`in_title`): no verb takes it as its subject or object.
fn leading_country(token: &Token, i: usize, rules: &Rules) -> Option<Mention> {
    let prefix = token.text.strip_suffix("-led")?;
    let country = rules.demonyms.get(prefix).or_else(|| {
        rules
            .gazetteer
            .get(prefix)
            .filter(|g| g.entity_type == EntityType::Country)
            .map(|g| &g.canonical)
    })?;
    Some(Mention {
        first: i,
        last: i + 1,
        text: token.text.clone(),
        canonical: country.clone(),
        entity_type: Some(EntityType::Country),
        kind: MentionKind::Name,
        title: None,
        in_title: true,
    })
}

/// Number words written with a capital at a sentence start ("Twelve protesters").
fn is_number_word(lower: &str) -> bool {
    crate::text::number_word(lower).is_some()
        || matches!(lower, "hundreds" | "thousands" | "dozens")
}

fn is_stopword(tokens: &[Token], i: usize, rules: &Rules) -> bool {
    let token = &tokens[i];
    if rules.stopwords.contains(token.text.as_str())
        || crate::dates::weekday_number(&token.text).is_some()
    {
        return true;
    }
    // A month, unless it is a given name ("Jan Nowak", "May Lee").
    crate::dates::month_number(&token.text).is_some()
        && (token.text.ends_with('.') || tokens.get(i + 1).is_none_or(|n| !n.is_capitalized()))
}

/// Longest run of capitalised words taken as one candidate name. Real names
/// are far shorter; the bound keeps hostile text ("Mr. Mr. Mr. ...", 10,000
/// capitalised words) linear, since a run's analysis is quadratic in its length.
const MAX_NAME_RUN: usize = 32;

/// End (exclusive) of a run of capitalised words, with connectors inside.
fn name_run_end(tokens: &[Token], start: usize, rules: &Rules) -> usize {
    let mut end = start + 1;
    loop {
        if end - start >= MAX_NAME_RUN {
            return end;
        }
        match tokens.get(end) {
            Some(t)
                if t.is_capitalized()
                    && !is_stopword(tokens, end, rules)
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
                    && !is_stopword(tokens, next, rules)
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

/// Turns a run of capitalised tokens into mentions: strips titles, splits
/// coordinations and gazetteer prefixes, and types what remains.
fn analyse_run(tokens: &[Token], start: usize, end: usize, rules: &Rules) -> Vec<Mention> {
    if start >= end {
        return Vec::new();
    }
    // "Minister of Fisheries and Forests (Ana Lopes)": a government post and its
    // portfolio, no organisation; a name after it holds the post.
    if let Some(post_end) = portfolio_title_end(tokens, start, end, rules) {
        let mut rest = analyse_run(tokens, post_end, end, rules);
        if let Some(m) = rest.first_mut().filter(|m| m.first == post_end) {
            if m.title.is_none() && matches!(m.entity_type, None | Some(EntityType::Person)) {
                m.entity_type = Some(EntityType::Person);
                m.title = Some(Title {
                    text: join(&tokens[start..post_end]),
                    class: TitleClass::Government,
                    qualifier: None,
                });
            }
        }
        return rest;
    }
    // A run the gazetteer names whole is one name ("Economic Community of West African States").
    if end - start > 2 {
        let whole = join(&tokens[start..end]);
        if let Some(entry) = rules.gazetteer.get(&whole) {
            return vec![Mention {
                first: start,
                last: end,
                text: whole,
                canonical: entry.canonical.clone(),
                entity_type: Some(entry.entity_type),
                kind: MentionKind::Name,
                title: None,
                in_title: false,
            }];
        }
    }
    // Split at connectors unless the whole run is an organisation name.
    let has_org_keyword = tokens[start..end].iter().any(|t| {
        rules
            .org_keywords
            .get(t.text.as_str())
            .is_some_and(|(ty, _)| *ty != EntityType::Place)
    });
    // Split at connectors, except inside one organisation's name; "and" splits
    // when what precedes it is a name of its own ("Bank of Ghana and Acme Corp",
    // but "Securities and Exchange Commission") or a title ("Acme Corp
    // President and Chief Executive X").
    let split = (start..end).find(|&k| {
        let word = tokens[k].lower.as_str();
        let after_title = || {
            (start + 1..k).any(|j| {
                title_at(tokens, j, k, rules).is_some_and(|(e, _)| e == k)
                    && matches!(
                        type_name(tokens, start, j, &join(&tokens[start..j]), false, rules).0,
                        Some(EntityType::Organization | EntityType::Country)
                    )
            })
        };
        k > start
            && matches!(word, "of" | "for" | "and" | "&")
            && !inside_title(tokens, start, end, k, rules)
            && (!has_org_keyword
                || matches!(word, "and" | "&")
                    && (after_title()
                        || type_name(tokens, start, k, &join(&tokens[start..k]), false, rules)
                            .0
                            .is_some()))
    });
    if let Some(c) = split {
        let mut left = analyse_run(tokens, start, c, rules);
        left.extend(analyse_run(tokens, c + 1, end, rules));
        return left;
    }
    // A run named by a gazetteer or keyword is one name, titles or not ("General Motors").
    let whole = join(&tokens[start..end]);
    if let (Some(t), canonical) = type_name(tokens, start, end, &whole, false, rules) {
        if t != EntityType::Person {
            return vec![Mention {
                first: start,
                last: end,
                text: whole,
                canonical,
                entity_type: Some(t),
                kind: MentionKind::Name,
                title: None,
                in_title: false,
            }];
        }
    }
    let mut out = Vec::new();
    let mut first = start;
    let mut title = lowercase_title_before(tokens, start, rules);
    // A country or organisation before a title: "Russian President X", "Acme Corp Chairman X".
    let mut qualifier = None;
    let title_first = title_at(tokens, first, end, rules).is_some();
    if let Some(k) = (first + 1..end)
        .find(|&k| !title_first && title_at(tokens, k, end, rules).is_some_and(|(e, _)| e < end))
    {
        // "West German President X": a nationality of one or two words.
        let nationality = [2, 1].into_iter().find_map(|n| {
            (first + n < end)
                .then(|| rules.demonyms.get(&join(&tokens[first..first + n])))
                .flatten()
                .map(|country| (n, country))
        });
        match nationality {
            // "Finnish Social Democrat Prime Minister X": the words between belong to the title.
            Some((n, country)) => {
                out.push(country_mention(tokens, first, first + n, country));
                qualifier = Some(country.clone());
                first += n;
            }
            None => {
                // An organisation or country owns the post ("Acme Corp Chairman X");
                // any other word belongs to the title ("Harbour Minister X").
                if let Some(owner) = title_owner(tokens, first, k, rules) {
                    qualifier = owner.last().map(|m| m.canonical.clone());
                    out.extend(owner);
                    first = k;
                }
            }
        }
    }
    // A bare title after its owner names the owner, not a person: "Peruvian
    // Prime Minister and party leader X", "Acme Corp President and Chief Executive X".
    if let Some(k) =
        (first + 1..end).find(|&k| title_at(tokens, k, end, rules).is_some_and(|(e, _)| e == end))
    {
        // A nationality and the post's field: "Nigerian Oil Minister" (but
        // "New Zealander Bruce Judge" is a person).
        let nationality = [2, 1].into_iter().find(|&n| {
            first + n <= k
                && rules
                    .demonyms
                    .contains_key(&join(&tokens[first..first + n]))
                && !tokens[first + n..k]
                    .iter()
                    .any(|t| rules.given_names.contains(&t.text))
        });
        if let Some(n) = nationality {
            let country = &rules.demonyms[&join(&tokens[first..first + n])];
            return vec![country_mention(tokens, first, first + n, country)];
        }
        if let Some(owner) = title_owner(tokens, first, k, rules) {
            return owner;
        }
    }
    if end - first == 1 {
        // A lone nationality before a lowercase title: "Belarusian leader X".
        if let Some(country) = rules.demonyms.get(tokens[first].text.as_str()) {
            if lowercase_title_after(tokens, end, rules) {
                return vec![country_mention(tokens, first, first + 1, country)];
            }
        }
    }
    let title_found = title_at(tokens, first, end, rules).or_else(|| {
        // An unknown word before a title is part of it: "Harbour Minister".
        (first + 1..end).find_map(|k| title_at(tokens, k, end, rules).filter(|(e, _)| *e < end))
    });
    if let Some((title_end, class)) = title_found {
        if title_end < end {
            title = Some(Title {
                text: join(&tokens[first..title_end]),
                class,
                qualifier: qualifier.clone(),
            });
            first = title_end;
        } else {
            return out; // a bare title, not a name
        }
    }
    if first >= end {
        return Vec::new();
    }
    // A gazetteer name glued to the next name ("Peru Vizcarra" in a headline).
    if let Some(split) = gazetteer_prefix(tokens, first, end, rules) {
        let mut out = analyse_run(tokens, first, split, rules);
        out.extend(analyse_run(tokens, split, end, rules));
        return out;
    }
    let text = join(&tokens[first..end]);
    let (entity_type, canonical) = type_name(tokens, first, end, &text, title.is_some(), rules);
    out.push(Mention {
        first,
        last: end,
        text,
        canonical,
        entity_type,
        kind: MentionKind::Name,
        title,
        in_title: false,
    });
    out
}

/// The mentions of `first..k` when they end in an organisation or country
/// that owns the title starting at `k` ("Acme Corp" of "Acme Corp Chairman"),
/// the owner marked as part of the title.
fn title_owner(tokens: &[Token], first: usize, k: usize, rules: &Rules) -> Option<Vec<Mention>> {
    let mut owner = analyse_run(tokens, first, k, rules);
    let owns = owner.last().is_some_and(|m| {
        m.last == k
            && matches!(
                m.entity_type,
                Some(EntityType::Organization | EntityType::Country)
            )
    });
    owns.then(|| {
        owner.iter_mut().for_each(|m| m.in_title = m.last == k);
        owner
    })
}

/// A country named by its nationality adjective ("Russian" → Russia).
fn country_mention(tokens: &[Token], first: usize, last: usize, country: &str) -> Mention {
    Mention {
        first,
        last,
        text: join(&tokens[first..last]),
        canonical: country.to_string(),
        entity_type: Some(EntityType::Country),
        kind: MentionKind::Name,
        title: None,
        in_title: true,
    }
}

/// True when a lowercase title (with modifiers) starts at `at` and a capitalised name follows
/// (perhaps after a comma).
fn lowercase_title_after(tokens: &[Token], at: usize, rules: &Rules) -> bool {
    (at + 1..=(at + rules.max_title_words + 2).min(tokens.len())).any(|e| {
        tokens[at..e]
            .iter()
            .all(|t| t.kind == TokenKind::Word && !t.is_capitalized())
            && title_class(&join_lower(&tokens[at..e]), rules)
                .is_some_and(|c| c != TitleClass::Modifier)
            // "Belarusian leader X", "his Brazilian counterpart, X".
            && (tokens.get(e).is_some_and(Token::is_capitalized)
                || tokens.get(e).is_some_and(|t| t.text == ",")
                    && tokens.get(e + 1).is_some_and(Token::is_capitalized))
    })
}

/// True when the connector at `k` belongs to a title ("Secretary of State X").
fn inside_title(tokens: &[Token], start: usize, end: usize, k: usize, rules: &Rules) -> bool {
    (start..k).any(|j| title_at(tokens, j, end, rules).is_some_and(|(e, _)| e > k))
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

/// A lowercase title (with modifiers) right before a name: "former president X".
fn lowercase_title_before(tokens: &[Token], start: usize, rules: &Rules) -> Option<Title> {
    let mut best = None;
    for len in 1..=rules.max_title_words + 2 {
        let Some(from) = start.checked_sub(len) else {
            break;
        };
        let words = &tokens[from..start];
        if words.iter().any(|t| {
            t.kind != TokenKind::Word || t.is_capitalized() && !rules.titles.contains_key(&t.lower)
        }) {
            break;
        }
        let phrase = join_lower(words);
        if let Some(class) = title_class(&phrase, rules) {
            if class != TitleClass::Modifier {
                best = Some(Title {
                    text: join(words),
                    class,
                    qualifier: None,
                });
            }
        }
    }
    best
}

/// Class of a lowercase title phrase, ignoring leading modifiers ("former acting president").
pub fn title_class(phrase: &str, rules: &Rules) -> Option<TitleClass> {
    if let Some(class) = rules.titles.get(phrase) {
        return Some(*class);
    }
    let (head, rest) = phrase.split_once(' ')?;
    (rules.titles.get(head) == Some(&TitleClass::Modifier))
        .then(|| title_class(rest, rules))
        .flatten()
}

/// "Minister of Communications and Transport", "Secretary of State for Foreign
/// Affairs": a government title, "of" or "for", and capitalised portfolio words
/// (not a country: "Prime Minister of Italy" names the post's owner). Returns
/// where the portfolio ends: at the run's end or before a given name.
fn portfolio_title_end(tokens: &[Token], start: usize, end: usize, rules: &Rules) -> Option<usize> {
    let (title_end, class) = title_at(tokens, start, end, rules)?;
    let of = tokens.get(title_end)?;
    if class != TitleClass::Government
        || title_end + 1 >= end
        || !matches!(of.lower.as_str(), "of" | "for")
    {
        return None;
    }
    let field = &tokens[title_end + 1..end];
    let names_country = (1..=field.len()).any(|n| {
        rules
            .gazetteer
            .get(&join(&field[..n]))
            .is_some_and(|g| g.entity_type != EntityType::Organization)
    }) || rules.demonyms.contains_key(field[0].text.as_str());
    if names_country || field[0].lower == "the" {
        return None;
    }
    let portfolio_end = (title_end + 1..end)
        .find(|&k| k > title_end + 1 && rules.given_names.contains(tokens[k].text.as_str()))
        .unwrap_or(end);
    Some(portfolio_end)
}

/// A (capitalised) title phrase starting at `at`: its end and class.
fn title_at(tokens: &[Token], at: usize, end: usize, rules: &Rules) -> Option<(usize, TitleClass)> {
    let mut found = None;
    for e in at + 1..=end.min(at + rules.max_title_words + 2) {
        if let Some(class) = title_class(&join_lower(&tokens[at..e]), rules) {
            if class != TitleClass::Modifier {
                found = Some((e, class));
            }
        }
    }
    found
}

/// Where a leading gazetteer name ends, when more capitalised words follow
/// that are not part of a longer known name.
fn gazetteer_prefix(tokens: &[Token], first: usize, end: usize, rules: &Rules) -> Option<usize> {
    if end - first < 2 || rules.gazetteer.contains_key(&join(&tokens[first..end])) {
        return None;
    }
    let last_is_keyword = rules
        .org_keywords
        .contains_key(tokens[end - 1].text.as_str());
    if last_is_keyword {
        return None;
    }
    // "Ambassador to Athens Ana Ruiz": after "to" or "in" a city leads too.
    let destination = first > 0 && matches!(tokens[first - 1].lower.as_str(), "to" | "in");
    (first + 1..end).rev().find(|&k| {
        rules
            .gazetteer
            .get(&join(&tokens[first..k]))
            .is_some_and(|g| {
                g.entity_type == EntityType::Country
                    || destination && g.entity_type == EntityType::Place
            })
    })
}

/// Decides a name's type and canonical form.
fn type_name(
    tokens: &[Token],
    first: usize,
    end: usize,
    text: &str,
    has_title: bool,
    rules: &Rules,
) -> (Option<EntityType>, String) {
    if let Some(entry) = rules.gazetteer.get(text) {
        // "the news channel Lima", "the newspaper Cali": a kind of
        // organisation right before a town's name makes it the organisation's.
        let named_as_org = entry.entity_type == EntityType::Place
            && first.checked_sub(1).is_some_and(|k| {
                !tokens[k].is_capitalized() && rules.org_nouns.contains(&tokens[k].lower)
            });
        if named_as_org {
            return (Some(EntityType::Organization), text.to_string());
        }
        return (Some(entry.entity_type), entry.canonical.clone());
    }
    if let Some(country) = rules.demonyms.get(text) {
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
    if org_context(tokens, first, end, rules) {
        return (Some(EntityType::Organization), text.to_string());
    }
    // "Thomas Bay, Acme's vice president": a given name and a post beat a place keyword.
    if words.len() >= 2
        && rules.given_names.contains(words[0].text.as_str())
        && person_context(tokens, first, end, rules)
    {
        return (Some(EntityType::Person), text.to_string());
    }
    for (k, word) in words.iter().enumerate() {
        if let Some((entity_type, position)) = rules.org_keywords.get(word.text.as_str()) {
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
                    government_canonical(words, rules).unwrap_or_else(|| text.to_string()),
                );
            }
        }
    }
    if rules
        .org_keywords
        .get(last)
        .is_some_and(|(_, p)| *p == KeywordPosition::Suffix)
    {
        return (Some(EntityType::Organization), text.to_string());
    }
    if has_title || words.len() >= 2 && rules.given_names.contains(words[0].text.as_str()) {
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
            rules.titles.contains_key(*title)
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
    if words.len() == 1 && !rules.given_names.contains(text) {
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
    if words.len() >= 2 && all_words && person_context(tokens, first, end, rules) {
        return (Some(EntityType::Person), text.to_string());
    }
    (None, text.to_string())
}

/// Context only organisations have: a kind of organisation in apposition
/// ("Norvia, Norway's national airline," / "the national airline, Norvia" /
/// "news agency Tassik") or a company post after the name ("Radio Vesna
/// editor-in-chief Ivan Orlov", "Vantex chairman Ann Lee").
fn org_context(tokens: &[Token], first: usize, end: usize, rules: &Rules) -> bool {
    let is_org_noun = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| !t.is_capitalized() && rules.org_nouns.contains(&t.lower))
    };
    // The apposition is headed by the kind of organisation: no post and no
    // "of" in it ("the governor of the central bank, X" names a person).
    let plain = |span: &[Token]| {
        span.iter().all(|t| {
            !matches!(t.lower.as_str(), "of" | "at" | "for")
                && rules
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
    let post = (end + 1..=(end + rules.max_title_words).min(tokens.len())).any(|e| {
        tokens[end..e].iter().all(|t| !t.is_capitalized())
            && title_class(&join_lower(&tokens[end..e]), rules) == Some(TitleClass::Business)
            && tokens.get(e).is_some_and(Token::is_capitalized)
    });
    before || after || post
}

/// Context only people have: an age ("X, 41,"), "X, who", or a post in apposition
/// after the name ("X, the former head of Y", "X, Acme's chief executive") or
/// before it ("the Minister of Finance, X").
fn person_context(tokens: &[Token], first: usize, end: usize, rules: &Rules) -> bool {
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
        [comma, ..] if comma.text == "," => post_starts(tokens, end + 1, rules),
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
            title_at(tokens, j, tokens.len(), rules)
                .is_some_and(|(_, class)| class != TitleClass::Honorific)
        }
        _ => false,
    };
    after || title_apposition_before(tokens, first, rules) || appointed_after(tokens, end)
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
fn post_starts(tokens: &[Token], at: usize, rules: &Rules) -> bool {
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
        title_at(tokens, j, tokens.len(), rules).is_some_and(|(e, class)| {
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
            title_at(tokens, k, tokens.len(), rules)
                .is_some_and(|(_, class)| class != TitleClass::Honorific)
        })
}

/// "the Minister of Finance, X", "Acme's chief executive, X": a post phrase
/// from a determiner (or the sentence start) to the comma before the name.
fn title_apposition_before(tokens: &[Token], first: usize, rules: &Rules) -> bool {
    let Some(comma) = first.checked_sub(1).filter(|&c| tokens[c].text == ",") else {
        return false;
    };
    (comma.saturating_sub(10)..comma).any(|s| {
        let opens = s == 0 || opens_noun_phrase(&tokens[s].lower);
        opens
            && !tokens[s..comma]
                .iter()
                .any(|t| t.kind == TokenKind::Punct && t.text != "-")
            && (post_starts(tokens, s, rules)
                || s == 0
                    && title_at(tokens, 0, comma, rules)
                        .is_some_and(|(_, class)| class != TitleClass::Honorific))
    })
}

/// "Chilean Government", "Government of Peru" → "Government of Peru".
fn government_canonical(words: &[Token], rules: &Rules) -> Option<String> {
    if words.len() == 2 && words[1].lower == "government" {
        let country = rules
            .demonyms
            .get(words[0].text.as_str())
            .cloned()
            .or_else(|| {
                rules
                    .gazetteer
                    .get(&words[0].text)
                    .filter(|g| g.entity_type == EntityType::Country)
                    .map(|g| g.canonical.clone())
            })?;
        return Some(format!("Government of {country}"));
    }
    None
}

/// A collective or facility noun phrase starting at `i`, with an optional
/// nationality, country or organisation in front ("Russian troops", "NATO
/// troops", "Polish government", "the city's airport").
fn collective_at(tokens: &[Token], i: usize, rules: &Rules) -> Option<Mention> {
    let qualifier = qualifier_at(tokens, i, rules);
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
        if head != "government" && !rules.collective_heads.contains(head)
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
                    .and_then(|t| rules.gazetteer.get(&t.text))
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
                && (rules.titles.contains_key(&n.lower) && !n.is_capitalized()
                    || n.is_capitalized() && !rules.stopwords.contains(n.text.as_str()))
        });
        if modifier && rules.groups.contains_key(&phrase) {
            return None;
        }
        let kind = match rules.groups.get(&phrase) {
            Some(entity_type) => Some((*entity_type, MentionKind::Collective)),
            None => rules
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
                            && rules.titles.get(&join_lower(words)).is_some_and(|c| {
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
fn qualifier_at(tokens: &[Token], i: usize, rules: &Rules) -> Option<(usize, String)> {
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
    if let Some(country) = rules.demonyms.get(t.text.as_str()) {
        return Some((end, country.clone()));
    }
    if let Some(entry) = rules.gazetteer.get(&t.text) {
        return Some((end, entry.canonical.clone()));
    }
    None
}

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

    fn mentions(text: &str) -> Vec<(String, Option<EntityType>, Option<String>)> {
        let rules = Rules::builtin();
        let sentence = &split_sentences(text, &rules)[0];
        find_mentions(sentence, &rules)
            .into_iter()
            .filter(|m| m.kind != MentionKind::Pronoun)
            .map(|m| (m.canonical, m.entity_type, m.title.map(|t| t.text)))
            .collect()
    }

    #[test]
    fn bare_titles_after_owners_and_names_around_them() {
        // A nationality before a bare title is the country ...
        let found = mentions("He is also Ghanaian Oil Minister, she said.");
        assert_eq!(found[0], ("Ghana".into(), Some(EntityType::Country), None));
        // ... but a nationality noun before a name is not a title's owner.
        let found = mentions("The chairman, New Zealander Bruce Judge, wrote it.");
        assert!(
            found.iter().any(|m| m.0.ends_with("Bruce Judge")),
            "{found:?}"
        );
        // A company whose name begins with a title word stays whole.
        let found = mentions("Analysts said Pope and Talbot Inc rose.");
        assert!(
            found.iter().any(|m| m.0 == "Pope and Talbot Inc"),
            "{found:?}"
        );
        // A company before two coordinated titles owns them.
        let found = mentions("Vantex Corp President and Chief Executive Laura Chen spoke.");
        assert_eq!(
            found[0],
            ("Vantex Corp".into(), Some(EntityType::Organization), None)
        );
        // "Ambassador to Lisbon X": the city is no part of the name.
        let found = mentions("He met the Peruvian Ambassador to Lisbon Rosa Vidal.");
        assert!(found.iter().any(|m| m.0 == "Rosa Vidal"), "{found:?}");
    }

    #[test]
    fn titles_are_stripped_and_type_people() {
        let found =
            mentions("Peruvian President Martin Vizcarra met Finance Minister Ana Ruiz in Lima.");
        assert_eq!(
            found[0],
            ("Peru".into(), Some(EntityType::Country), None),
            "the nationality names the country"
        );
        assert_eq!(
            found[1],
            (
                "Martin Vizcarra".into(),
                Some(EntityType::Person),
                Some("President".into())
            )
        );
        assert_eq!(
            found[2],
            (
                "Ana Ruiz".into(),
                Some(EntityType::Person),
                Some("Finance Minister".into())
            )
        );
        assert_eq!(found[3].1, Some(EntityType::Place));
    }

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

    #[test]
    fn lowercase_titles_and_governments() {
        let found = mentions("The Polish government thanked former prime minister Jan Nowak.");
        assert_eq!(
            found[0],
            (
                "Government of Poland".into(),
                Some(EntityType::Organization),
                None
            )
        );
        assert_eq!(
            found[1],
            (
                "Jan Nowak".into(),
                Some(EntityType::Person),
                Some("former prime minister".into())
            )
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
