//! A run of capitalised words into mentions: "Acme Corp President and Chief
//! Executive Ana Lopes" is an organisation that owns a title and a person who
//! holds it. The run is split at connectors and gazetteer names, its titles
//! and their owners are taken off, and what remains is typed (`typing`).

use super::titles::{
    inside_title, lowercase_title_after, lowercase_title_before, portfolio_title_end,
};
use super::typing::{gazetteer_prefix, type_name};
use super::{join, EntityType, Mention, MentionKind, Title, TitleLookup};
use super::{NameLexicon, TitleClass};
use crate::text::Token;

/// Turns a run of capitalised tokens into mentions: strips titles, splits
/// coordinations and gazetteer prefixes, and types what remains.
pub(super) fn analyse_run(
    tokens: &[Token],
    start: usize,
    end: usize,
    names: &NameLexicon,
) -> Vec<Mention> {
    if start >= end {
        return Vec::new();
    }
    let titles = TitleLookup::new(names);
    // "Minister of Fisheries and Forests (Ana Lopes)": a government post and its
    // portfolio, no organisation; a name after it holds the post.
    if let Some(post_end) = portfolio_title_end(tokens, start, end, names) {
        let mut rest = analyse_run(tokens, post_end, end, names);
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
        if let Some(entry) = names.gazetteer.get(&whole) {
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
        names
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
                titles.longest(tokens, j, k).is_some_and(|(e, _)| e == k)
                    && matches!(
                        type_name(tokens, start, j, &join(&tokens[start..j]), false, names).0,
                        Some(EntityType::Organization | EntityType::Country)
                    )
            })
        };
        k > start
            && matches!(word, "of" | "for" | "and" | "&")
            && !inside_title(tokens, start, end, k, names)
            && (!has_org_keyword
                || matches!(word, "and" | "&")
                    && (after_title()
                        || type_name(tokens, start, k, &join(&tokens[start..k]), false, names)
                            .0
                            .is_some()))
    });
    if let Some(c) = split {
        let mut left = analyse_run(tokens, start, c, names);
        left.extend(analyse_run(tokens, c + 1, end, names));
        return left;
    }
    // A run named by a gazetteer or keyword is one name, titles or not ("General Motors").
    let whole = join(&tokens[start..end]);
    if let (Some(t), canonical) = type_name(tokens, start, end, &whole, false, names) {
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
    let mut title = lowercase_title_before(tokens, start, names);
    // A country or organisation before a title: "Russian President X", "Acme Corp Chairman X".
    let mut qualifier = None;
    let title_first = titles.longest(tokens, first, end).is_some();
    if let Some(k) = (first + 1..end)
        .find(|&k| !title_first && titles.longest(tokens, k, end).is_some_and(|(e, _)| e < end))
    {
        // "West German President X": a nationality of one or two words.
        let nationality = [2, 1].into_iter().find_map(|n| {
            (first + n < end)
                .then(|| names.demonyms.get(&join(&tokens[first..first + n])))
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
                if let Some(owner) = title_owner(tokens, first, k, names) {
                    qualifier = owner.last().map(|m| m.canonical.clone());
                    out.extend(owner);
                    first = k;
                }
            }
        }
    }
    // A bare title after its owner names the owner, not a person: "Peruvian
    // Prime Minister and party leader X", "Acme Corp President and Chief Executive X".
    if let Some(k) = (first + 1..end).find(|&k| {
        titles
            .longest(tokens, k, end)
            .is_some_and(|(e, _)| e == end)
    }) {
        // A nationality and the post's field: "Nigerian Oil Minister" (but
        // "New Zealander Bruce Judge" is a person).
        let nationality = [2, 1].into_iter().find(|&n| {
            first + n <= k
                && names
                    .demonyms
                    .contains_key(&join(&tokens[first..first + n]))
                && !tokens[first + n..k]
                    .iter()
                    .any(|t| names.given_names.contains(&t.text))
        });
        if let Some(n) = nationality {
            let country = &names.demonyms[&join(&tokens[first..first + n])];
            return vec![country_mention(tokens, first, first + n, country)];
        }
        if let Some(owner) = title_owner(tokens, first, k, names) {
            return owner;
        }
    }
    if end - first == 1 {
        // A lone nationality before a lowercase title: "Belarusian leader X".
        if let Some(country) = names.demonyms.get(tokens[first].text.as_str()) {
            if lowercase_title_after(tokens, end, names) {
                return vec![country_mention(tokens, first, first + 1, country)];
            }
        }
    }
    let title_found = titles.longest(tokens, first, end).or_else(|| {
        // An unknown word before a title is part of it: "Harbour Minister".
        (first + 1..end).find_map(|k| titles.longest(tokens, k, end).filter(|(e, _)| *e < end))
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
    if let Some(split) = gazetteer_prefix(tokens, first, end, names) {
        let mut out = analyse_run(tokens, first, split, names);
        out.extend(analyse_run(tokens, split, end, names));
        return out;
    }
    let text = join(&tokens[first..end]);
    let (entity_type, canonical) = type_name(tokens, first, end, &text, title.is_some(), names);
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
fn title_owner(
    tokens: &[Token],
    first: usize,
    k: usize,
    names: &NameLexicon,
) -> Option<Vec<Mention>> {
    let mut owner = analyse_run(tokens, first, k, names);
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

#[cfg(test)]
mod tests {
    use crate::mentions::tests::mentions;
    use crate::model::EntityType;

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
}
