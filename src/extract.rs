//! Extractors: from resolved mentions to facts. Three named components, each
//! testable alone: `titles` (who holds which post), `frames` (verb and noun
//! frames of `rules/frames.tsv`) and `counts` (casualty and arrest figures).

use crate::dates::{resolve_relative, Date};
use crate::facts::{CountFact, Evidence, Facts, Relation, RelationFact};
use crate::mentions::{EntityType, Mention, MentionKind};
use crate::resolve::Resolved;
use crate::rules::{Frame, FrameKind, KeywordPosition, Rules, TitleClass};
use crate::text::{Sentence, Token, TokenKind};

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

/// Runs all extractors over an article.
pub fn extract(
    sentences: &[Sentence],
    resolved: &mut Resolved,
    anchor: Option<Date>,
    rules: &Rules,
) -> Facts {
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
    name_deployed_forces(resolved, &mut facts, rules);
    dedupe(&mut facts);
    facts
}

/// One fact once per article: the first sentence's evidence is kept. A role
/// change told twice (once with its agent) is one fact with the agent.
fn dedupe(facts: &mut Facts) {
    let mut kept: Vec<RelationFact> = Vec::new();
    for f in std::mem::take(&mut facts.relations) {
        // The person is the object of a role change, the subject of a resignation.
        let same_change = |k: &RelationFact| {
            k.relation == f.relation
                && match f.relation {
                    Relation::Resigned => k.subject == f.subject,
                    r => r.role_change().is_some() && k.object == f.object,
                }
        };
        let (a, b) = match (f.relation, f.subject, f.object) {
            (r, Some(x), Some(y)) if r.spec().symmetric && y < x => (Some(y), Some(x)),
            (_, x, y) => (x, y),
        };
        let same = |k: &RelationFact| {
            let (ka, kb) = match (k.relation, k.subject, k.object) {
                (r, Some(x), Some(y)) if r.spec().symmetric && y < x => (Some(y), Some(x)),
                (_, x, y) => (x, y),
            };
            // "Prime Minister X" and "X, who is prime minister": one post.
            let same_role = match (&k.role, &f.role) {
                (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                (x, y) => x == y,
            };
            k.relation == f.relation && ka == a && kb == b && same_role
        };
        if let Some(k) = kept.iter_mut().find(|k| same_change(k)) {
            k.subject = k.subject.or(f.subject);
            k.object = k.object.or(f.object);
            k.role = k.role.take().or(f.role);
            k.date = k.date.or(f.date);
            k.organization = k.organization.or(f.organization);
        } else if !kept.iter().any(same) {
            kept.push(f);
        }
    }
    facts.relations = kept;
    let mut seen = std::collections::HashSet::new();
    facts
        .counts
        .retain(|c| seen.insert((c.kind.clone(), c.number, c.who.clone())));
}

/// Appositions ("X, the former head of Y,"), relative clauses ("X, who ...,")
/// and brackets: arguments of a verb outside them are not searched inside.
fn hidden_ranges(
    tokens: &[Token],
    mentions: &[(Mention, Option<usize>)],
    rules: &Rules,
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
        ) || rules.titles.contains_key(&next.lower);
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

/// `titles`: "Russian President X", "X, the founder of Y", "Kremlin spokesman
/// X". A post whose organisation is not written gets the article's main
/// country (heads of state and government posts) or the sentence's company
/// (business posts), with a lower confidence.
fn titles(view: &SentenceView, facts: &mut Facts) {
    let tokens = view.tokens();
    for (k, (m, entity)) in view.mentions.iter().enumerate() {
        let Some(person) = *entity else { continue };
        if view.types[person] != EntityType::Person
            || !matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
        {
            continue;
        }
        // "He is also chairman of Y": a pronoun only as the subject of a copula.
        if m.kind == MentionKind::Pronoun {
            let post = copula_end(tokens, m.last).and_then(|at| apposition_post(view, at));
            if let Some(Post {
                role,
                owner: Some(owner),
                ..
            }) = post
            {
                facts.relations.push(relation_fact(
                    view,
                    Relation::HoldsPosition,
                    Some(person),
                    Some(owner),
                    Some(role),
                    "titles",
                    0.7,
                ));
            }
            continue;
        }
        // (role, class, owner, whether the text names an owner not understood)
        let mut posts: Vec<(String, TitleClass, Option<usize>, bool)> = Vec::new();
        let own_title = m
            .title
            .as_ref()
            .is_some_and(|t| t.class != TitleClass::Honorific);
        if let Some(title) = m.title.as_ref().filter(|_| own_title) {
            let owner = title
                .qualifier
                .as_ref()
                .and_then(|q| find_entity_named(view, q))
                .or_else(|| owner_before(view, m));
            posts.push((title.text.clone(), title.class, owner, false));
        } else if let Some(post) = post_before_name(view, m) {
            posts.push((post.role, post.class, post.owner, post.unknown_owner));
        }
        if let Some((role, class, owner)) = coordinated_title_before(view, m) {
            posts.push((role, class, owner, false));
        }
        // "X, the head of Y and a former minister": an apposition, or posts
        // after a copula ("X is also chairman of Y", "X, who was the founder
        // of Y"), each perhaps followed by "and a|an|the" another post.
        let apposition = tokens
            .get(m.last)
            .is_some_and(|t| t.text == ",")
            .then_some(m.last + 1);
        for start in [apposition, copula_end(tokens, m.last)] {
            let mut next = start;
            while let Some(post) = next.and_then(|at| apposition_post(view, at)) {
                let and_another = tokens.get(post.end).is_some_and(|t| t.lower == "and")
                    && tokens
                        .get(post.end + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"));
                next = and_another.then_some(post.end + 1);
                posts.push((post.role, post.class, post.owner, post.unknown_owner));
            }
        }
        for (n, (role, class, owner, unknown_owner)) in posts.into_iter().enumerate() {
            // "X, U.K. analyst at Y": a company post is never a country's (but a
            // nationality before the name's own title may be: "Australian Treasurer X").
            let nationality_title = n == 0 && own_title;
            let owner = owner.filter(|&o| {
                nationality_title
                    || class != TitleClass::Business
                    || view.types[o] != EntityType::Country
            });
            // "president of Porto's Caixa mutual": an owner we could not read
            // is no licence to guess one.
            let (object, confidence) = match owner {
                Some(o) => (Some(o), 0.8),
                None if unknown_owner => (None, 0.0),
                None => (default_owner(view, k, class, &role), 0.6),
            };
            if let Some(object) = object.filter(|o| *o != person) {
                facts.relations.push(relation_fact(
                    view,
                    Relation::HoldsPosition,
                    Some(person),
                    Some(object),
                    Some(role),
                    "titles",
                    confidence,
                ));
            }
        }
    }
}

/// "the Nigerian-led regional bloc, the Economic Community of West African
/// States": the country that leads an alliance is one of its members.
fn led_alliances(view: &SentenceView, facts: &mut Facts) {
    let tokens = view.tokens();
    for (k, (m, country)) in view.mentions.iter().enumerate() {
        let Some(country) = *country else { continue };
        let leads =
            m.in_title && view.types[country] == EntityType::Country && m.is_leading_country();
        if !leads {
            continue;
        }
        // The alliance named within a few words, with no other name between.
        let Some((alliance, Some(org))) = view.mentions[k + 1..]
            .iter()
            .find(|(n, _)| n.kind == MentionKind::Name)
            .filter(|(n, _)| n.first <= m.last + 6)
        else {
            continue;
        };
        let named_alliance = tokens[m.last..alliance.last]
            .iter()
            .any(|t| view.rules.alliance_nouns.contains(&t.lower));
        if view.types[*org] == EntityType::Organization && named_alliance {
            facts.relations.push(relation_fact(
                view,
                Relation::HasMember,
                Some(*org),
                Some(country),
                None,
                "titles",
                0.7,
            ));
        }
    }
}

/// After a name, where a copula ("is", "was", "has been", "served as",
/// ", who was") and its adverbs end: where a post may follow.
fn copula_end(tokens: &[Token], after_name: usize) -> Option<usize> {
    let mut j = after_name;
    if tokens.get(j).is_some_and(|t| t.text == ",")
        && tokens.get(j + 1).is_some_and(|t| t.lower == "who")
    {
        j += 2;
    }
    // "who also served as", "who previously was".
    while tokens.get(j).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "also" | "once" | "previously" | "formerly" | "later" | "briefly"
        )
    }) {
        j += 1;
    }
    let words: Vec<&str> = tokens[j..tokens.len().min(j + 4)]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let verb = match words.as_slice() {
        ["has" | "had", "been", ..]
        | ["will", "be", ..]
        | ["has" | "have", "served" | "serves", "as", ..] => 2,
        ["served" | "serves" | "serving", "as", ..] => 2,
        ["is" | "was" | "became" | "becomes" | "remains" | "remained", ..] => 1,
        _ => return None,
    };
    j += verb;
    if tokens.get(j).is_some_and(|t| t.lower == "as") {
        j += 1;
    }
    while tokens.get(j).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "also" | "now" | "currently" | "still" | "formerly" | "previously"
        )
    }) {
        j += 1;
    }
    Some(j)
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

/// The organisation of a post the text does not name: the article's main
/// country for state posts, the company opening the sentence for business
/// posts ("Acme Corp said X, its chief financial officer, ..."). None after
/// "his"/"her": the post is that person's staff.
fn default_owner(view: &SentenceView, k: usize, class: TitleClass, role: &str) -> Option<usize> {
    let m = &view.mentions[k].0;
    let title_words = m
        .title
        .as_ref()
        .map_or(0, |t| t.text.split_whitespace().count());
    let before_title = m
        .first
        .checked_sub(title_words + 1)
        .map(|i| view.tokens()[i].lower.as_str());
    if matches!(before_title, Some("his" | "her")) {
        return None;
    }
    match class {
        // "President X" is a head of state; "exchange president X" is not (but
        // "head of state X", "prime minister X" are, lowercase or not).
        TitleClass::HeadOfState
            if role.starts_with(char::is_lowercase)
                && role
                    .rsplit(' ')
                    .next()
                    .is_some_and(|head| matches!(head, "president" | "chancellor")) =>
        {
            default_owner(view, k, TitleClass::Business, role)
        }
        // Only in a sentence about the main country alone ("President X told
        // reporters in Paris" is not the main country's president), and not
        // for a body's post ("Commission President X").
        TitleClass::HeadOfState | TitleClass::Government => {
            // "Peru: President X said ...": a round-up item headed by its country.
            if let Some(country) = heading_country(view) {
                return Some(country);
            }
            // (A nationality adjective counts: "reacting to Canadian concerns"; so
            // does a "counterpart": "President X met his Brazilian counterpart".)
            // ("the Saudi-led coalition" only says who leads it.)
            let abroad = view
                .mentions
                .iter()
                .any(|(m, e)| !m.is_leading_country() && e.is_some_and(|e| view.foreign[e]))
                || view.tokens().iter().any(|t| {
                    t.is_capitalized()
                        && view
                            .rules
                            .demonyms
                            .get(t.text.as_str())
                            .is_some_and(|c| Some(c.as_str()) != view.main_country_name)
                })
                || view
                    .tokens()
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "counterpart" | "counterparts"));
            // "Sumitomo President X": a capitalised word that is no title
            // word makes the post a body's, not the state's (for a head of state).
            let body = role
                .split_whitespace()
                .any(|w| view.rules.org_keywords.contains_key(w))
                || class == TitleClass::HeadOfState && names_a_body(role, view.rules);
            view.main_country.filter(|_| !abroad && !body)
        }
        // "analyst X said" in a story about Acme: an outside analyst, as a rule.
        TitleClass::Business if is_occupation(role, view.rules) => None,
        TitleClass::Business => {
            let (first, entity) = view.mentions.first()?;
            let opening = (first.first < m.first
                && entity.is_some_and(|e| view.types[e] == EntityType::Organization))
            .then_some(*entity)
            .flatten();
            opening.or(view.main_organization)
        }
        _ => None,
    }
}

/// A title that names a trade ("oil analyst", "Fund Manager"): it or its
/// last words are in the `occupation` word list.
fn is_occupation(role: &str, rules: &Rules) -> bool {
    let lower = role.to_lowercase();
    let mut rest = lower.as_str();
    loop {
        if rules.occupations.contains(rest) {
            return true;
        }
        match rest.split_once(' ') {
            Some((_, tail)) => rest = tail,
            None => return false,
        }
    }
}

/// "Sumitomo President": a capitalised word before the title that is no
/// title word nor modifier ("former Prime Minister" is none).
fn names_a_body(role: &str, rules: &Rules) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    let lower = role.to_lowercase();
    let lower_words: Vec<&str> = lower.split_whitespace().collect();
    let Some(title_start) = (0..words.len())
        .find(|&i| crate::mentions::title_class(&lower_words[i..].join(" "), rules).is_some())
    else {
        return false;
    };
    // (A nationality is no body, and "New" is a modifier: "New Irish Prime Minister".)
    words[..title_start].iter().zip(&lower_words).any(|(w, l)| {
        w.starts_with(char::is_uppercase)
            && crate::mentions::title_class(l, rules).is_none()
            && !rules.demonyms.contains_key(*w)
    })
}

/// The country that heads a round-up item: "Chile: The foreign minister said ...".
fn heading_country(view: &SentenceView) -> Option<usize> {
    let (first, entity) = view.mentions.first()?;
    let entity = (*entity)?;
    (first.first == 0
        && view.types[entity] == EntityType::Country
        && view.tokens().get(first.last).is_some_and(|t| t.text == ":"))
    .then_some(entity)
}

/// "X resigned" without saying from what: the organisation of the post the
/// article gives X (the same post when the resignation names one; a company or
/// a body, not a country: leaving a state post is not leaving the state), else
/// the company the article is about (a legal-form name), else for a company
/// post the organisation the article is about.
fn resigned_from_post(
    facts: &mut Facts,
    types: &[EntityType],
    (main_company, main_organization): (Option<usize>, Option<usize>),
    rules: &Rules,
) {
    let posts: Vec<(usize, usize, Option<String>)> = facts
        .relations
        .iter()
        .filter(|f| f.relation == Relation::HoldsPosition)
        .filter_map(|f| Some((f.subject?, f.object?, f.role.clone())))
        .collect();
    for f in facts
        .relations
        .iter_mut()
        .filter(|f| f.relation == Relation::Resigned && f.object.is_none())
    {
        let person = f.subject.filter(|s| types[*s] == EntityType::Person);
        // The post the resignation names, if it names one ("resigned as chairman").
        let same_post = |role: &Option<String>| match (&f.role, role) {
            (Some(left), Some(held)) => left.eq_ignore_ascii_case(held),
            (Some(_), None) => false,
            (None, _) => true,
        };
        let post = posts
            .iter()
            .find(|(p, _, role)| Some(*p) == person && same_post(role))
            .map(|(_, o, _)| *o);
        // A company story's company, or (for a company post) the story's main
        // organisation: "X resigned from his palace post" in a story that
        // names Reuters most is not Reuters'.
        let company_post = f.role.as_deref().is_some_and(|r| is_company_post(r, rules));
        let fallback = main_company.or(main_organization.filter(|_| company_post));
        f.object = match post {
            Some(o) if types[o] == EntityType::Organization => Some(o),
            Some(_) => None,
            None => person.and(fallback),
        };
    }
}

/// A post with a company title in it ("president and chief executive").
fn is_company_post(role: &str, rules: &Rules) -> bool {
    role.split_whitespace()
        .any(|w| rules.titles.get(&w.to_lowercase()) == Some(&TitleClass::Business))
}

/// An appointment, dismissal, resignation or succession with a post says who
/// held it: "Acme named X chief executive" gives X holdsPosition Acme (chief
/// executive); "X succeeded Y as chairman of Acme" gives both X and Y the post.
fn positions_from_role_changes(
    facts: &mut Facts,
    types: &[EntityType],
    dominant_country: Option<usize>,
    rules: &Rules,
) {
    let mut derived = Vec::new();
    for f in &facts.relations {
        let (holders, organisation) = match f.relation {
            Relation::Appointed | Relation::Dismissed => {
                let agent_org = f.subject.filter(|a| types[*a] == EntityType::Organization);
                ([f.object, None], f.organization.or(agent_org))
            }
            Relation::Resigned => ([f.subject, None], f.object),
            Relation::Succeeded => ([f.subject, f.object], f.organization),
            _ => continue,
        };
        let Some(role) = f.role.clone() else { continue };
        // A state post without its owner belongs to the article's country; a
        // company post ("president and chief executive") never does.
        let company_post = is_company_post(&role, rules);
        let organisation = organisation.or(dominant_country.filter(|_| {
            !company_post && matches!(f.relation, Relation::Appointed | Relation::Succeeded)
        }));
        let Some(organisation) = organisation
            .filter(|o| matches!(types[*o], EntityType::Organization | EntityType::Country))
        else {
            continue;
        };
        for person in holders
            .into_iter()
            .flatten()
            .filter(|p| types[*p] == EntityType::Person)
        {
            let mut position = f.clone();
            position.relation = Relation::HoldsPosition;
            position.subject = Some(person);
            position.object = Some(organisation);
            position.role = Some(role.clone());
            position.organization = None;
            position.extractor = "role-changes";
            position.confidence = 0.7;
            derived.push(position);
        }
    }
    facts.relations.extend(derived);
}

/// "The president fired X. Y was also dismissed.": an
/// agentless dismissal or appointment told with "also" shares the agent of the
/// same change told just before (at most two sentences back).
fn agents_carried_by_also(sentences: &[Sentence], facts: &mut Facts) {
    let says_also = |sentence: usize| {
        sentences
            .iter()
            .find(|s| s.index == sentence)
            .is_some_and(|s| s.tokens.iter().any(|t| t.lower == "also"))
    };
    for n in 0..facts.relations.len() {
        let f = &facts.relations[n];
        if !matches!(f.relation, Relation::Dismissed | Relation::Appointed)
            || f.subject.is_some()
            || !says_also(f.evidence.sentence)
        {
            continue;
        }
        let (relation, sentence) = (f.relation, f.evidence.sentence);
        let earlier = facts.relations[..n].iter().rev().find(|g| {
            g.relation == relation
                && g.subject.is_some()
                && g.evidence.sentence < sentence
                && sentence <= g.evidence.sentence + 2
        });
        if let Some(agent) = earlier.and_then(|g| g.subject) {
            facts.relations[n].subject = Some(agent);
            facts.relations[n].confidence = facts.relations[n].confidence.min(0.6);
        }
    }
}

/// "Acme elected two new directors. They were A and B." (or
/// "...two managers: A and B"): each listed person is appointed to the
/// post the plural names, by the one who appointed them.
fn listed_appointees(
    sentences: &[Sentence],
    resolved: &Resolved,
    rules: &Rules,
    facts: &mut Facts,
) {
    for (s, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let Some(verb) = tokens.iter().position(|t| appoints(&t.lower, rules)) else {
            continue;
        };
        // "three (new) directors": a figure and a plural post.
        let plural = (verb + 1..tokens.len().min(verb + 5)).find_map(|k| {
            let singular = tokens[k].lower.strip_suffix('s')?;
            let counted = number_at(tokens, verb + 1).is_some_and(|(n, _)| n >= 2);
            (counted && rules.titles.contains_key(singular)).then(|| (k, singular.to_string()))
        });
        let Some((post_at, role)) = plural else {
            continue;
        };
        // The appointer: the organisation or person before the verb.
        let agent = resolved.mentions[s]
            .iter()
            .rev()
            .find(|(m, _)| m.last <= verb)
            .and_then(|(_, e)| *e)
            .filter(|e| {
                matches!(
                    resolved.entities[*e].entity_type,
                    EntityType::Organization | EntityType::Person
                )
            });
        // The list: after a colon in the same sentence, or "They are ..." next.
        let colon = tokens.get(post_at + 1).is_some_and(|t| t.text == ":");
        let they = sentences.get(s + 1).is_some_and(|n| {
            n.tokens.len() > 2
                && n.tokens[0].lower == "they"
                && matches!(n.tokens[1].lower.as_str(), "are" | "were" | "include")
        });
        let listed = if colon {
            Some(s)
        } else {
            they.then_some(s + 1)
        };
        if let Some(at) = listed {
            let mentions = &resolved.mentions[at];
            let list_tokens = &sentences[at].tokens;
            // The list opens right after "They are" or the colon and runs while
            // names are joined by "," and "and".
            let opens = if at == s { post_at + 2 } else { 2 };
            let mut last = opens;
            let mut people = Vec::new();
            for (m, e) in mentions.iter().filter(|(m, _)| m.first >= opens) {
                let gap: Vec<&str> = list_tokens[last..m.first]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect();
                let joined = people.is_empty() && gap.is_empty()
                    || matches!(gap.as_slice(), [","] | ["and"] | [",", "and"]);
                let person = e.filter(|e| resolved.entities[*e].entity_type == EntityType::Person);
                let (true, Some(person)) = (joined, person) else {
                    break;
                };
                people.push(person);
                last = m.last;
            }
            for person in people {
                facts.relations.push(RelationFact {
                    relation: Relation::Appointed,
                    subject: agent,
                    object: Some(person),
                    role: Some(role.clone()),
                    organization: agent
                        .filter(|a| resolved.entities[*a].entity_type == EntityType::Organization),
                    date: None,
                    place: None,
                    evidence: Evidence {
                        sentence: sentences[at].index,
                        start: sentences[at].start,
                        end: sentences[at].end,
                    },
                    extractor: "frames",
                    confidence: 0.6,
                });
            }
        }
    }
}

/// True when `word` opens an active appointment frame ("named", "elected").
fn appoints(word: &str, rules: &Rules) -> bool {
    rules.frames.get(word).is_some_and(|frames| {
        frames
            .iter()
            .any(|f| f.relation == Relation::Appointed && f.kind == FrameKind::Active)
    })
}

/// "President X swore in four new ministers. Y was made finance minister.":
/// a person who appoints an unnamed plural of posts is the agent of the
/// agentless appointments told in the next sentences (at most four).
fn agents_of_announced_appointments(
    sentences: &[Sentence],
    resolved: &Resolved,
    rules: &Rules,
    facts: &mut Facts,
) {
    let plural_post = |t: &Token| {
        let singular = t
            .lower
            .strip_suffix("ies")
            .map(|stem| format!("{stem}y"))
            .or_else(|| t.lower.strip_suffix('s').map(str::to_string));
        singular.is_some_and(|s| rules.titles.contains_key(&s))
    };
    let mut announced: Vec<(usize, usize)> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        for (m, entity) in &resolved.mentions[s] {
            let Some(person) =
                entity.filter(|e| resolved.entities[*e].entity_type == EntityType::Person)
            else {
                continue;
            };
            let verb = m.last;
            if tokens.get(verb).is_some_and(|t| appoints(&t.lower, rules))
                && tokens[verb + 1..tokens.len().min(verb + 7)]
                    .iter()
                    .any(plural_post)
            {
                announced.push((s, person));
            }
        }
    }
    for f in facts
        .relations
        .iter_mut()
        .filter(|f| f.relation == Relation::Appointed && f.subject.is_none())
    {
        let sentence = f.evidence.sentence;
        if let Some((_, person)) = announced
            .iter()
            .rev()
            .find(|(s, _)| *s < sentence && sentence <= s + 4)
        {
            f.subject = Some(*person);
            f.confidence = f.confidence.min(0.6);
        }
    }
}

/// A post given without its country ("President X") takes the country the
/// article gives the same person elsewhere ("Russian President X"), if any.
fn carry_owners(facts: &mut Facts, types: &[EntityType]) {
    let explicit: Vec<(usize, usize)> = facts
        .relations
        .iter()
        .filter(|f| f.relation == Relation::HoldsPosition && f.confidence >= 0.8)
        .filter_map(|f| Some((f.subject?, f.object?)))
        .filter(|(_, o)| types[*o] == EntityType::Country)
        .collect();
    for f in facts
        .relations
        .iter_mut()
        .filter(|f| f.relation == Relation::HoldsPosition && f.confidence < 0.8)
    {
        let Some(subject) = f.subject else { continue };
        if let Some((_, country)) = explicit.iter().find(|(s, _)| *s == subject) {
            if f.object.is_some_and(|o| types[o] == EntityType::Country) {
                f.object = Some(*country);
            }
        }
    }
}

/// The country or organisation written right before a person's title:
/// "Peru's President X", "Kremlin spokesman X", "Belarusian leader X".
fn owner_before(view: &SentenceView, m: &Mention) -> Option<usize> {
    let title_words = m.title.as_ref()?.text.split_whitespace().count();
    let mut end = m.first.checked_sub(title_words)?;
    if end > 0 && view.tokens()[end - 1].kind == TokenKind::Possessive {
        end -= 1;
    }
    view.mentions
        .iter()
        .find(|(o, _)| o.last == end)
        .and_then(|(_, e)| *e)
        .filter(|e| {
            matches!(
                view.types[*e],
                EntityType::Country | EntityType::Organization
            )
        })
}

/// "Peruvian Prime Minister and acting party President X": the first of two
/// titles joined by "and" before a name is also X's post. It is a company
/// post when the second is one ("Acme President and Chief Executive X").
fn coordinated_title_before(
    view: &SentenceView,
    m: &Mention,
) -> Option<(String, TitleClass, Option<usize>)> {
    let tokens = view.tokens();
    let rules = view.rules;
    let title = m.title.as_ref()?;
    let mut start = m.first.checked_sub(title.text.split_whitespace().count())?;
    // Past the second title's owner ("party") and lowercase modifiers ("acting").
    if let Some((owner, _)) = view
        .mentions
        .iter()
        .find(|(o, _)| o.in_title && o.last == start)
    {
        start = owner.first;
    }
    while start > 0
        && !tokens[start - 1].is_capitalized()
        && crate::mentions::title_class(&tokens[start - 1].lower, rules)
            == Some(TitleClass::Modifier)
    {
        start -= 1;
    }
    let and = start.checked_sub(1).filter(|&a| tokens[a].lower == "and")?;
    (and.saturating_sub(rules.max_title_words)..and).find_map(|s| {
        let words = &tokens[s..and];
        if !words.iter().all(Token::is_capitalized) {
            return None;
        }
        let phrase = crate::mentions::join_lower(words);
        let class = crate::mentions::title_class(&phrase, rules)
            .filter(|c| !matches!(c, TitleClass::Modifier | TitleClass::Honorific))?;
        let owner = view
            .mentions
            .iter()
            .find(|(o, _)| o.last == s)
            .and_then(|(_, e)| *e)
            .filter(|e| {
                matches!(
                    view.types[*e],
                    EntityType::Country | EntityType::Organization
                )
            });
        // Without an owner of its own, a company's title makes it a company post.
        let class = if title.class == TitleClass::Business && owner.is_none() {
            TitleClass::Business
        } else {
            class
        };
        Some((crate::mentions::join(words), class, owner))
    })
}

/// A post written before a person's name and a comma: "the Minister of
/// Finance, X", "Acme's chief executive, X" (from a determiner, a possessor
/// or the sentence start: "he backed Peru's president, X").
fn post_before_name(view: &SentenceView, m: &Mention) -> Option<Post> {
    let tokens = view.tokens();
    let comma = m.first.checked_sub(1).filter(|&c| tokens[c].text == ",")?;
    let opens_possessor = |s: usize| {
        view.mentions.iter().any(|(o, _)| {
            o.first == s
                && tokens
                    .get(o.last)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
        })
    };
    (comma.saturating_sub(10)..comma)
        .filter(|&s| {
            s == 0 || crate::mentions::opens_noun_phrase(&tokens[s].lower) || opens_possessor(s)
        })
        .filter(|&s| !tokens[s..comma].iter().any(|t| t.text == ","))
        .find_map(|s| apposition_post(view, s).filter(|p| p.end == comma))
}

/// Reads an apposition's post from `at`: "(the|a) (former) TITLE (of|at|for
/// ORG)", "(the) ORG's TITLE", or "TITLE of finance" (the post's field joins the role).
fn apposition_post(view: &SentenceView, at: usize) -> Option<Post> {
    let tokens = view.tokens();
    let mut j = at;
    if tokens
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an" | "its" | "his" | "her"))
    {
        j += 1;
    }
    // "the EU's foreign policy chief", "his Brazilian counterpart": the
    // possessor or the nationality owns the post.
    let possessor = view
        .mentions
        .iter()
        .find(|(m, _)| m.first == j)
        .filter(|(m, _)| {
            m.in_title
                || tokens
                    .get(m.last)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
        })
        .and_then(|(m, e)| Some((m.last + usize::from(!m.in_title), (*e)?)))
        .filter(|(_, e)| {
            matches!(
                view.types[*e],
                EntityType::Organization | EntityType::Country
            )
        });
    if let Some((after, _)) = possessor {
        j = after;
    }
    let start = j;
    let mut found = None;
    for e in j + 1..=(j + view.rules.max_title_words + 2).min(tokens.len()) {
        if tokens[e - 1].kind != TokenKind::Word {
            break;
        }
        let phrase: Vec<&str> = tokens[j..e].iter().map(|t| t.lower.as_str()).collect();
        if let Some(class) = crate::mentions::title_class(&phrase.join(" "), view.rules)
            .filter(|c| !matches!(c, TitleClass::Modifier | TitleClass::Honorific))
        {
            found = Some((e, class));
        } else if possessor.is_some() && is_portfolio_post(&tokens[j..e], view.rules) {
            // "the EU's foreign policy chief": an owner makes the field words safe.
            found = view.rules.titles.get(&tokens[e - 1].lower).map(|c| (e, *c));
        }
    }
    let (title_end, class) = found?;
    // "head trader for Y": the title word only modifies a longer post.
    let longer_post = tokens.get(title_end).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !t.is_capitalized()
            && !FIELD_STOPS.contains(&t.lower.as_str())
            && !matches!(
                t.lower.as_str(),
                "and" | "or" | "who" | "which" | "until" | "since"
            )
    }) && tokens
        .get(title_end + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "at" | "for" | ","));
    if longer_post {
        return None;
    }
    let mut role_end = title_end;
    let mut owner = None;
    let mut unknown_owner = false;
    let mut end = title_end;
    if tokens
        .get(title_end)
        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "at" | "for"))
    {
        // "president of Acme Corp's Delta Tools unit": the possessed one.
        let found = view
            .mentions
            .iter()
            .position(|(m, _)| m.first > title_end && m.first <= title_end + 2);
        let found = found.map(|i| match view.mentions.get(i + 1) {
            Some(next)
                if tokens
                    .get(view.mentions[i].0.last)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
                    && next.0.first <= view.mentions[i].0.last + 3 =>
            {
                i + 1
            }
            _ => i,
        });
        match found.map(|i| &view.mentions[i]) {
            Some((m, Some(e)))
                if matches!(
                    view.types[*e],
                    EntityType::Organization | EntityType::Country | EntityType::MilitaryForce
                ) =>
            {
                owner = Some(*e);
                end = m.last;
            }
            // "president of Porto's Caixa mutual": an owner we cannot read;
            // "chief of staff for the president" names no owner at all.
            Some((m, _)) => {
                unknown_owner =
                    tokens[title_end].lower != "for" && m.entity_type != Some(EntityType::Person)
            }
            None => {
                // "vice president of finance", "Minister of Fisheries and Forests": the
                // field is part of the role (capitalised only for a government post).
                let capitalised = class == TitleClass::Government
                    && tokens.get(title_end + 1).is_some_and(Token::is_capitalized);
                let field = (title_end + 1..tokens.len().min(title_end + 5))
                    .take_while(|&i| {
                        tokens[i].kind == TokenKind::Word
                            && !FIELD_STOPS.contains(&tokens[i].lower.as_str())
                            && !view.rules.titles.contains_key(&tokens[i].lower)
                            && (tokens[i].is_capitalized() == capitalised
                                || capitalised && tokens[i].lower == "and")
                    })
                    .last();
                // "for" may open a duration ("prime minister for six years").
                match field {
                    Some(last) => role_end = last + 1,
                    None => unknown_owner = tokens[title_end].lower != "for",
                }
            }
        }
    }
    // "..., his spokesman Luis Mora said": the title of the next name.
    if owner.is_none() && tokens.get(role_end).is_some_and(Token::is_capitalized) {
        return None;
    }
    Some(Post {
        role: crate::mentions::join(&tokens[start..role_end]),
        class,
        owner: owner.or(possessor.map(|(_, e)| e)),
        unknown_owner: unknown_owner && possessor.is_none(),
        end: end.max(role_end),
    })
}

/// Words that end a post's field: "prime minister for the past six years" has none.
const FIELD_STOPS: [&str; 16] = [
    "a", "an", "the", "his", "her", "its", "their", "of", "in", "on", "at", "for", "since", "from",
    "to", "with",
];

/// A post found after a name: its role text, class, organisation (if named)
/// and the token where the post's words end.
struct Post {
    role: String,
    class: TitleClass,
    owner: Option<usize>,
    /// "of|at|for" follows the title but names no organisation we know.
    unknown_owner: bool,
    end: usize,
}

fn find_entity_named(view: &SentenceView, name: &str) -> Option<usize> {
    view.mentions
        .iter()
        .find(|(m, _)| m.canonical == name || m.text == name)
        .and_then(|(_, e)| *e)
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

/// Words before a trigger that make the event negated or hypothetical.
const NEGATORS: [&str; 11] = [
    "not", "n't", "never", "could", "might", "may", "would", "should", "if", "whether", "no",
];
const DENIALS: [&str; 5] = ["denied", "denies", "deny", "rejected", "dismissed"];
const BE_FORMS: [&str; 9] = [
    "was", "were", "been", "is", "are", "be", "being", "got", "gets",
];

/// `frames`: verb and noun frames.
fn frames(view: &SentenceView, facts: &mut Facts) {
    let tokens = view.tokens();
    for i in 0..tokens.len() {
        let Some(candidates) = view.rules.frames.get(&tokens[i].lower) else {
            continue;
        };
        for frame in candidates {
            let n = frame.trigger.len();
            if tokens.len() < i + n
                || tokens[i..i + n]
                    .iter()
                    .zip(&frame.trigger)
                    .any(|(t, w)| t.lower != *w)
            {
                continue;
            }
            // "fired on protesters" blocks; "fired on Wednesday" does not.
            let dated = tokens.get(i + n + 1).is_some_and(|t| dated_word(&t.text));
            if tokens
                .get(i + n)
                .is_some_and(|t| frame.blockers.contains(&t.lower))
                && !dated
            {
                continue;
            }
            if !frame.requires.is_empty()
                && !tokens[i + n..tokens.len().min(i + n + 8)].iter().any(|t| {
                    frame.requires.contains(&t.lower)
                        || frame.requires.iter().any(|r| r == "@title")
                            && view.rules.titles.contains_key(&t.lower)
                })
            {
                continue;
            }
            if is_negated(tokens, i) || is_unrealised(tokens, i, view.rules) {
                continue;
            }
            // "a retired vice chairman", "associates of deposed President X",
            // "laid the blame on": a verb form used as adjective or noun.
            // "a friend, retired Navy Admiral X": an intransitive verb has no
            // name or post right after it.
            // (Frames that require a post after them, "will become chief
            // executive", are exempt.)
            let names_next = frame.kind == FrameKind::Intransitive
                && frame.requires.is_empty()
                && tokens.get(i + n).is_some_and(|t| {
                    (t.is_capitalized() || view.rules.titles.contains_key(&t.lower))
                        && !dated_word(&t.text)
                });
            let modifies = names_next
                || i > 0
                    && frame.kind != FrameKind::Noun
                    && MODIFIER_SLOTS.contains(&tokens[i - 1].lower.as_str());
            if modifies {
                continue;
            }
            apply_frame(view, frame, i, i + n, facts);
        }
    }
}

fn is_negated(tokens: &[Token], trigger: usize) -> bool {
    let window = &tokens[trigger.saturating_sub(3)..trigger];
    window.iter().any(|t| NEGATORS.contains(&t.lower.as_str()))
        || tokens[..trigger]
            .iter()
            .any(|t| DENIALS.contains(&t.lower.as_str()) && t.lower != tokens[trigger].lower)
}

/// True when a verb is only attempted, wanted or asked for: "tried to seize",
/// "vowed to fire", "asked the alliance to send troops" ("helped to retake"
/// is an event).
fn is_unrealised(tokens: &[Token], trigger: usize, rules: &Rules) -> bool {
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
            .any(|t| rules.appointing_verbs.contains(&t.lower));
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

/// A weekday or month name ("Wednesday", "March").
fn dated_word(word: &str) -> bool {
    crate::dates::weekday_number(&word.to_lowercase()).is_some()
        || crate::dates::month_number(word).is_some()
}

/// Words after which a verb trigger is an adjective or a noun, not a verb.
const MODIFIER_SLOTS: [&str; 10] = [
    "a", "an", "the", "his", "her", "its", "their", "of", "from", "with",
];

/// Irregular past participles that can follow "was" in a passive.
const IRREGULAR_PARTICIPLES: [&str; 12] = [
    "sent", "held", "put", "quit", "led", "made", "seen", "told", "kept", "hit", "shot", "met",
];

/// True when the trigger is a passive participle ("was dismissed", "who were arrested").
fn is_passive(tokens: &[Token], trigger: usize) -> bool {
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

fn type_ok(types: &[EntityType], t: Option<EntityType>) -> bool {
    types.is_empty() || t.is_some_and(|t| types.contains(&t))
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

/// Nearest mention left of `from` (not hidden, within the clause) whose type fits.
fn left_argument(view: &SentenceView, from: usize, types: &[EntityType]) -> Option<usize> {
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
fn right_argument(view: &SentenceView, from: usize, types: &[EntityType]) -> Option<usize> {
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
        && gap.iter().any(|t| view.rules.titles.contains_key(&t.lower))
}

/// Mention `k` and those coordinated before it: "A and B resigned".
fn coordinated_before(view: &SentenceView, k: usize) -> Vec<usize> {
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
fn coordinated(view: &SentenceView, k: usize) -> Vec<usize> {
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

fn apply_frame(view: &SentenceView, frame: &Frame, start: usize, end: usize, facts: &mut Facts) {
    let relation = frame.relation;
    let tokens = view.tokens();
    let (agent, patients): (Option<usize>, Vec<usize>) = match frame.kind {
        FrameKind::Active if is_passive(tokens, start) || is_relative_passive(tokens, start) => {
            // "land once occupied by Y": the patient is the phrase right
            // before the participle, so a name further left is none.
            let patient = left_argument(view, start, &frame.patient_types)
                .filter(|&k| passive_subject_near(view, view.mentions[k].0.last, start));
            // (For "X was relieved of his post and replaced by Y" the nearness
            // is measured to the clause's be-form.)
            // The agent's "by" within a few words, before any coordinated verb
            // ("was relieved of his post and replaced by Y": Y only replaced).
            let by = (end..tokens.len().min(end + 6))
                .take_while(|&j| tokens[j].lower != "and" && tokens[j].text != ",")
                .find(|&j| tokens[j].lower == "by");
            let agent = by
                .and_then(|b| right_argument(view, b + 1, &frame.agent_types))
                .or_else(|| {
                    // "Acme Corp said X has been named president": the company acts.
                    matches!(relation, Relation::Appointed | Relation::Dismissed)
                        .then(|| reporting_organization(view))
                        .flatten()
                });
            (agent, patient.into_iter().collect())
        }
        FrameKind::Active => {
            let mut agent = left_argument(view, start, &frame.agent_types);
            // "X, which also includes A": a membership is told right after its
            // group, never across a clause ("Acme said it sold units, including ...").
            if relation == Relation::HasMember {
                agent =
                    agent.filter(|&k| names_group_directly(tokens, view.mentions[k].0.last, start));
            }
            let patient = right_argument(view, end, &frame.patient_types);
            (
                agent,
                patient.map(|p| coordinated(view, p)).unwrap_or_default(),
            )
        }
        FrameKind::Claim => {
            let claimant = left_argument(view, start, &frame.agent_types);
            // The actor opens the claimed clause ("claimed [that] 20,000 bandits
            // had attacked"); the act must follow it closely.
            let from = if tokens.get(end).is_some_and(|t| t.lower == "that") {
                end + 1
            } else {
                end
            };
            let actor = right_argument(view, from, &frame.patient_types).filter(|&k| {
                let m = &view.mentions[k].0;
                m.first <= from + 3
                    && tokens[m.last..tokens.len().min(m.last + 4)]
                        .iter()
                        .any(|t| frame.requires.contains(&t.lower))
            });
            (claimant, actor.into_iter().collect())
        }
        FrameKind::Handover => {
            let giver = left_argument(view, start, &frame.agent_types);
            // "to Y", perhaps after the post's body ("the chairmanship of Acme to Y").
            let receiver = handed_post(view, frame, end)
                .and_then(|p| {
                    let of_body = tokens.get(p + 1).is_some_and(|t| t.lower == "of");
                    (p + 1..tokens.len().min(p + 7))
                        .take_while(|&j| j == p + 1 || of_body)
                        .find(|&j| tokens[j].lower == "to")
                })
                .and_then(|to| right_argument(view, to + 1, &frame.patient_types))
                .filter(|&k| view.mentions[k].0.first <= end + 10);
            (giver, receiver.into_iter().collect())
        }
        FrameKind::Motion => {
            let mover = left_argument(view, start, &frame.agent_types);
            // "deployed to A, B and C": every listed destination.
            let destination = right_argument(view, end, &frame.patient_types);
            (
                mover,
                destination
                    .map(|p| coordinated(view, p))
                    .unwrap_or_default(),
            )
        }
        FrameKind::Reverse => {
            let member = left_argument(view, start, &frame.patient_types)
                .filter(|&k| names_group_directly(tokens, view.mentions[k].0.last, start));
            let group = right_argument(view, end, &frame.agent_types);
            (group, member.into_iter().collect())
        }
        FrameKind::Intransitive => {
            // "X said the managers resigned": a subject never stands before "said".
            let subject = left_argument(view, start, &frame.agent_types).filter(|&k| {
                !tokens[view.mentions[k].0.last..start]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "said" | "says" | "told"))
            });
            (subject, Vec::new())
        }
        FrameKind::Noun => {
            let of_patient = tokens
                .get(end)
                .filter(|t| t.lower == "of")
                .and_then(|_| right_argument(view, end + 1, &frame.patient_types));
            let possessor = start
                .checked_sub(1)
                .filter(|&p| tokens[p].kind == TokenKind::Possessive)
                .and_then(|p| view.mentions.iter().position(|(m, _)| m.last == p))
                .filter(|&k| type_ok(&frame.patient_types, view.entity_type(k)));
            // "X announced her resignation": the one who announces it.
            let announced = start >= 2
                && matches!(tokens[start - 1].lower.as_str(), "his" | "her")
                && matches!(
                    tokens[start - 2].lower.as_str(),
                    "announced" | "announces" | "tendered" | "submitted" | "offered"
                );
            let announcer = announced
                .then(|| left_argument(view, start - 2, &frame.patient_types))
                .flatten();
            let patient = of_patient.or(possessor).or(announcer);
            let by = tokens.get(end).filter(|t| t.lower == "by").map(|_| end + 1);
            let agent = by.and_then(|b| right_argument(view, b, &frame.agent_types));
            (agent, patient.into_iter().collect())
        }
    };
    let agent_entity = agent.and_then(|k| view.mentions[k].1);
    if agent_entity.is_none() && !relation.spec().agent_may_be_unnamed {
        return;
    }
    let date = sentence_date(view, start);
    let confidence = if agent.is_some() { 0.8 } else { 0.65 };
    match frame.kind {
        FrameKind::Intransitive => {
            let Some(k) = agent else { return };
            let (role, organization) = role_after(view, end);
            // "Acme Corp said X had resigned": from the company that reports it.
            let person = view.entity_type(k) == Some(EntityType::Person);
            let organization = organization.or_else(|| {
                reporting_organization(view)
                    .filter(|_| person)
                    .and_then(|r| view.mentions[r].1)
            });
            // "X and Y resigned": every coordinated subject; "Prime Minister X
            // resigned": the post named in the subject's title.
            for j in coordinated_before(view, k) {
                let (mention, Some(subject)) = &view.mentions[j] else {
                    continue;
                };
                let role = role.clone().or_else(|| named_post(view, mention));
                // "X will become chief executive": the post's body appoints X.
                let (left, right) = match relation {
                    Relation::Appointed => (organization, Some(*subject)),
                    _ => (Some(*subject), organization),
                };
                let mut fact =
                    relation_fact(view, relation, left, right, role, "frames", confidence);
                fact.date = date;
                if relation == Relation::Appointed {
                    fact.organization = organization;
                }
                facts.relations.push(fact);
            }
        }
        _ => {
            for p in patients {
                let Some(patient) = view.mentions[p].1 else {
                    continue;
                };
                if Some(patient) == agent_entity {
                    continue;
                }
                // "The Federation of Banks includes the West German Federation of Banks":
                // no body is a member of itself.
                let label = |e: usize| {
                    view.mentions
                        .iter()
                        .find(|(m, x)| *x == Some(e) && m.kind == MentionKind::Name)
                        .map(|(m, _)| m.canonical.as_str())
                };
                if relation == Relation::HasMember
                    && agent_entity.is_some_and(|a| {
                        let (Some(group), Some(member)) = (label(a), label(patient)) else {
                            return false;
                        };
                        group.contains(member) || member.contains(group)
                    })
                {
                    continue;
                }
                let after_patient = view.mentions[p].0.last.max(end);
                let (mut role, organization) = match role_after(view, after_patient) {
                    (None, None) => role_after(view, past_apposition(tokens, after_patient)),
                    found => found,
                };
                if role.is_none() && relation.role_change().is_some() {
                    role = named_post(view, &view.mentions[p].0);
                }
                // "X's resignation": the one who resigns is the subject; "X
                // handed the presidency to Y": the one who receives it.
                let (subject, object) = match relation {
                    Relation::Resigned => (Some(patient), organization),
                    _ if frame.kind == FrameKind::Handover => {
                        role = role.or_else(|| {
                            handed_post(view, frame, end).and_then(|j| holder_of(&tokens[j].lower))
                        });
                        (Some(patient), agent_entity)
                    }
                    _ => (agent_entity, Some(patient)),
                };
                let mut fact =
                    relation_fact(view, relation, subject, object, role, "frames", confidence);
                fact.date = date;
                fact.organization = organization.or_else(|| {
                    agent_entity.filter(|a| {
                        relation == Relation::Appointed
                            && view.types[*a] == EntityType::Organization
                    })
                });
                // "sent troops to X": also the force's destination.
                let companion = relation.spec().companion.and_then(|companion| {
                    Some((companion, destination_after(view, view.mentions[p].0.last)?))
                });
                facts.relations.push(fact.clone());
                if let Some((companion, place)) = companion {
                    let mut to = relation_fact(
                        view,
                        companion,
                        Some(patient),
                        Some(place),
                        None,
                        "frames",
                        confidence,
                    );
                    to.date = date;
                    facts.relations.push(to);
                }
            }
        }
    }
}

/// Where the post handed on stands: one of the frame's `requires` words
/// right after the trigger, perhaps after a determiner ("the", "his").
fn handed_post(view: &SentenceView, frame: &Frame, end: usize) -> Option<usize> {
    let tokens = view.tokens();
    (end..tokens.len().min(end + 3))
        .take_while(|&j| {
            j == end
                || matches!(
                    tokens[j - 1].lower.as_str(),
                    "the" | "his" | "her" | "its" | "over"
                )
        })
        .find(|&j| frame.requires.contains(&tokens[j].lower))
}

/// The holder of an office named by its abstract noun: "presidency" →
/// "president", "chairmanship" → "chairman"; none for "power" or "reins".
fn holder_of(office: &str) -> Option<String> {
    if let Some(stem) = office.strip_suffix("ency") {
        return Some(format!("{stem}ent"));
    }
    office
        .strip_suffix("ship")
        .filter(|stem| !stem.is_empty())
        .map(str::to_string)
}

/// "named X, president of Y, as its chief executive" or "named X to succeed Y
/// as chief executive": where the post's "as" stands after the apposition or
/// the succession opening at `at`; else `at`.
fn past_apposition(tokens: &[Token], at: usize) -> usize {
    // "named X to succeed Y as chief operating officer": the post after Y.
    if tokens.get(at).is_some_and(|t| t.lower == "to")
        && tokens
            .get(at + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "succeed" | "replace"))
    {
        if let Some(k) = (at + 2..tokens.len().min(at + 8)).find(|&k| tokens[k].lower == "as") {
            return k;
        }
    }
    if tokens.get(at).is_none_or(|t| t.text != ",") {
        return at;
    }
    (at + 1..tokens.len().min(at + 12))
        .find(|&j| tokens[j].text == ",")
        .filter(|&j| tokens.get(j + 1).is_some_and(|t| t.lower == "as"))
        .map_or(at, |j| j + 1)
}

/// The post written next to a person's name: a title ("Prime Minister X",
/// not an honorific) or a post before it ("the Minister of Finance, X").
fn named_post(view: &SentenceView, mention: &Mention) -> Option<String> {
    mention
        .title
        .as_ref()
        .filter(|t| t.class != TitleClass::Honorific)
        .map(|t| t.text.clone())
        .or_else(|| post_before_name(view, mention).map(|p| p.role))
}

/// The organisation that opens the sentence and reports it ("Acme Corp said ...").
fn reporting_organization(view: &SentenceView) -> Option<usize> {
    let (k, (m, entity)) = view.mentions.iter().enumerate().next()?;
    let tokens = view.tokens();
    let mut after = m.last;
    if tokens
        .get(after)
        .is_some_and(|t| matches!(t.lower.as_str(), "also" | "previously" | "earlier"))
    {
        after += 1;
    }
    let reports = tokens
        .get(after)
        .is_some_and(|t| matches!(t.lower.as_str(), "said" | "says" | "announced"));
    (reports && view.entity_type(k) == Some(EntityType::Organization))
        .then_some(k)
        .filter(|_| entity.is_some())
}

/// True when only a comma, "which" and adverbs stand between a group's name
/// (ending at `name_end`) and its membership verb at `trigger`.
fn names_group_directly(tokens: &[Token], name_end: usize, trigger: usize) -> bool {
    tokens[name_end..trigger].iter().all(|t| {
        matches!(
            t.lower.as_str(),
            "," | "which" | "that" | "also" | "now" | "currently" | "still"
        )
    })
}

/// True when only an apposition, be-forms, auxiliaries, adverbs and a relative
/// pronoun stand between a passive's subject (ending at `name_end`) and the
/// clause's be-form (or the participle, when there is none): "X, the former head
/// of Y, was later arrested", "X, who had been fired", "X was relieved of his post
/// and replaced by Y" — but not "land once occupied by Y" for a name before "land".
fn passive_subject_near(view: &SentenceView, name_end: usize, trigger: usize) -> bool {
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

/// "X, who was fired": a relative pronoun and a be-form before the trigger.
fn is_relative_passive(tokens: &[Token], trigger: usize) -> bool {
    trigger >= 2
        && matches!(tokens[trigger - 2].lower.as_str(), "who" | "which")
        && BE_FORMS.contains(&tokens[trigger - 1].lower.as_str())
}

/// "to COUNTRY/PLACE" right after a deployed force.
fn destination_after(view: &SentenceView, from: usize) -> Option<usize> {
    let tokens = view.tokens();
    let to = (from..tokens.len().min(from + 3))
        .find(|&j| matches!(tokens[j].lower.as_str(), "to" | "into"))?;
    let k = right_argument(view, to + 1, &[EntityType::Country, EntityType::Place])?;
    (view.mentions[k].0.first == to + 1 || view.mentions[k].0.first == to + 2)
        .then_some(view.mentions[k].1)?
}

/// Reads "as ROLE (of ORG)" or a bare title phrase ("president and chief
/// executive") right after `from`.
fn role_after(view: &SentenceView, from: usize) -> (Option<String>, Option<usize>) {
    let tokens = view.tokens();
    let mut j = from;
    // "removed X from his lifetime post as chairman of Y": the post after "as".
    if tokens.get(j).is_some_and(|t| t.lower == "from")
        && tokens
            .get(j + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "his" | "her" | "their"))
    {
        let post_as = (j + 2..tokens.len().min(j + 6)).find(|&k| {
            matches!(
                tokens[k].lower.as_str(),
                "post" | "position" | "job" | "role" | "office" | "seat"
            ) && tokens.get(k + 1).is_some_and(|t| t.lower == "as")
        });
        if let Some(k) = post_as {
            j = k + 1;
        }
    }
    if tokens.get(j).is_some_and(|t| t.lower == "as") {
        j += 1;
    }
    // "appointed to the (additional) role of president": the post after "of";
    // "promoted to president": the post after "to".
    if tokens.get(j).is_some_and(|t| t.lower == "to") {
        let post_of = (j + 1..tokens.len().min(j + 5)).find(|&k| {
            matches!(
                tokens[k].lower.as_str(),
                "role" | "post" | "position" | "office"
            ) && tokens.get(k + 1).is_some_and(|t| t.lower == "of")
        });
        if let Some(k) = post_of {
            j = k + 2;
        } else if title_phrase_end(view, j + 1).is_some()
            // ("stepping down to head a team": a verb, not a post)
            && tokens.get(j + 1).is_some_and(|t| {
                !matches!(t.lower.as_str(), "head" | "chair" | "lead" | "direct")
            })
        {
            j += 1;
        }
    }
    // "as its new president": determiners and "new" are not part of the post.
    while tokens.get(j).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "the" | "its" | "his" | "her" | "their" | "a" | "new"
        )
    }) {
        j += 1;
    }
    let start = j;
    // One title phrase, or several joined by "and" ("president and chief executive").
    let mut end = None;
    let mut at = j;
    while let Some(e) = title_phrase_end(view, at) {
        end = Some(e);
        match tokens.get(e) {
            Some(t)
                if t.lower == "and"
                    || t.text == "," && tokens.get(e + 1).is_some_and(|n| n.lower != "and") =>
            {
                at = e + 1
            }
            _ => break,
        }
    }
    let Some(end) = end else { return (None, None) };
    let role = crate::mentions::join(&tokens[start..end]);
    let organization = tokens
        .get(end)
        .filter(|t| matches!(t.lower.as_str(), "of" | "at"))
        .and_then(|_| {
            right_argument(
                view,
                end + 1,
                &[EntityType::Organization, EntityType::Country],
            )
        })
        .and_then(|k| view.mentions[k].1);
    (Some(role), organization)
}

/// End of the longest lowercase title phrase (with modifiers) starting at `at`.
fn title_phrase_end(view: &SentenceView, at: usize) -> Option<usize> {
    let tokens = view.tokens();
    let mut found = None;
    for e in at + 1..=(at + view.rules.max_title_words + 2).min(tokens.len()) {
        if tokens[e - 1].kind != TokenKind::Word {
            break;
        }
        let phrase: Vec<&str> = tokens[at..e].iter().map(|t| t.lower.as_str()).collect();
        if crate::mentions::title_class(&phrase.join(" "), view.rules)
            .is_some_and(|c| !matches!(c, TitleClass::Modifier | TitleClass::Honorific))
            || is_portfolio_post(&tokens[at..e], view.rules)
        {
            found = Some(e);
        }
    }
    found
}

/// "agriculture secretary", "trade and industry minister", "finance director": a
/// post led by the name of its portfolio, one or two plain lowercase words (or two
/// joined by "and") that the titles file does not list.
fn is_portfolio_post(words: &[Token], rules: &Rules) -> bool {
    let Some((head, field)) = words.split_last() else {
        return false;
    };
    // A field word is no post itself ("president and chief executive" is two posts).
    let plain = |t: &Token| {
        t.kind == TokenKind::Word
            && !t.is_capitalized()
            && t.text.chars().all(char::is_alphabetic)
            && rules
                .titles
                .get(t.lower.as_str())
                .is_none_or(|c| *c == TitleClass::Modifier)
            && !matches!(
                t.lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "and"
                    | "or"
                    | "of"
                    | "for"
                    | "to"
                    | "as"
                    | "in"
                    | "on"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "new"
                    | "was"
                    | "is"
                    | "be"
            )
    };
    let field_ok = match field {
        [one] => plain(one),
        [one, two] => plain(one) && plain(two),
        [one, and, two] => plain(one) && and.lower == "and" && plain(two),
        _ => false,
    };
    field_ok
        && matches!(
            rules.titles.get(head.lower.as_str()),
            Some(TitleClass::Government | TitleClass::Business | TitleClass::Military)
        )
        && !head.is_capitalized()
}

/// The date expression nearest to `trigger` in the sentence, resolved.
fn sentence_date(view: &SentenceView, trigger: usize) -> Option<Date> {
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

/// Parses the number at token `j` ("3,811", "Twenty-six", "two dozen",
/// "1.5 million"): its value and the index after it.
fn number_at(tokens: &[Token], j: usize) -> Option<(u64, usize)> {
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

/// `counts`: "26 protesters were killed", "killing 12 people", "3,811 people
/// have been detained, the ministry said", "sent 2,300 troops".
fn counts(view: &SentenceView, facts: &mut Facts) {
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
            t.text.ends_with('s') && view.rules.demonyms.contains_key(t.text.as_str())
        });
        // "eight Peruvian police officers": the nationality only qualifies the group.
        let qualified = !nationals
            && tokens.get(after).is_some_and(|t| {
                t.is_capitalized() && view.rules.demonyms.contains_key(t.text.as_str())
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
                        && counts_people(&t.lower, view.rules)
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
                    && (nationals || counts_people(w, view.rules))
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
                extractor: "counts",
                confidence: 0.7,
            });
        }
        j = after.max(who_end);
    }
}

/// The count kind of a trigger word at `k` ("killed", "death toll").
/// True when a figure's noun phrase names people or forces: its head (or the
/// whole phrase) is a group noun ("riot police") or a people noun
/// ("passengers") — not "companies", "years" or "missiles".
fn counts_people(who: &str, rules: &Rules) -> bool {
    let head = who.rsplit(' ').next().unwrap_or(who);
    [who, head]
        .iter()
        .any(|w| rules.groups.contains_key(*w) || rules.people_nouns.contains(*w))
}

fn is_count_trigger(view: &SentenceView, k: usize) -> Option<String> {
    let t = &view.tokens()[k];
    view.rules.count_triggers.get(&t.lower).cloned()
}

/// Who a sentence's figures are attributed to: "according to X", "X said".
fn attribution(view: &SentenceView) -> Option<usize> {
    let tokens = view.tokens();
    for (k, (m, e)) in view.mentions.iter().enumerate() {
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
            let _ = k;
            return Some(*e);
        }
    }
    None
}

/// Names an unnamed force after who deployed it: "Turkey sent troops" gives
/// "Turkish troops", "the alliance (NATO) sent troops" gives "NATO troops", so
/// that one country's troops are not merged with another's.
fn name_deployed_forces(resolved: &mut Resolved, facts: &mut Facts, rules: &Rules) {
    let countries: Vec<(usize, usize)> = facts
        .relations
        .iter()
        .filter(|f| f.relation == Relation::HoldsPosition)
        .filter_map(|f| Some((f.subject?, f.object?)))
        .filter(|(_, o)| resolved.entities[*o].entity_type == EntityType::Country)
        .collect();
    for n in 0..facts.relations.len() {
        let f = &facts.relations[n];
        let (Relation::Deployed, Some(agent), Some(force)) = (f.relation, f.subject, f.object)
        else {
            continue;
        };
        let unnamed = resolved.entities[force].incidental
            && resolved.entities[force]
                .label
                .chars()
                .all(|c| !c.is_uppercase());
        if !unnamed {
            continue;
        }
        // A leader's forces are their country's ("the president sent troops").
        let agent = match resolved.entities[agent].entity_type {
            EntityType::Person => match countries.iter().find(|(p, _)| *p == agent) {
                Some((_, country)) => *country,
                None => continue,
            },
            _ => agent,
        };
        let owner = &resolved.entities[agent];
        let prefix = match owner.entity_type {
            EntityType::Country => rules
                .adjectives
                .get(&owner.label)
                .cloned()
                .unwrap_or_else(|| owner.label.clone()),
            EntityType::Organization => owner
                .aliases
                .iter()
                .find(|a| a.len() >= 2 && a.chars().all(|c| c.is_uppercase()))
                .or_else(|| rules.acronyms.get(&owner.label))
                .cloned()
                .unwrap_or_else(|| owner.label.clone()),
            _ => continue,
        };
        let label = format!("{prefix} {}", resolved.entities[force].label);
        let id = match resolved
            .entities
            .iter()
            .position(|e| e.label == label && e.entity_type == EntityType::MilitaryForce)
        {
            Some(id) => id,
            None => {
                let mut named = resolved.entities[force].clone();
                named.label = label;
                named.mentions = 1;
                resolved.entities.push(named);
                resolved.entities.len() - 1
            }
        };
        let sentence = facts.relations[n].evidence.sentence;
        for g in facts
            .relations
            .iter_mut()
            .filter(|g| g.evidence.sentence == sentence)
        {
            for slot in [&mut g.subject, &mut g.object] {
                if *slot == Some(force) {
                    *slot = Some(id);
                }
            }
        }
    }
    // A force left with a one-word common noun ("troops", "units") would be a
    // single node for every article's troops: its movements are left out
    // rather than joined to other stories' forces.
    let unnamed = |e: Option<usize>| {
        e.is_some_and(|e| {
            let force = &resolved.entities[e];
            force.incidental
                && force.entity_type == EntityType::MilitaryForce
                && !force.label.contains(' ')
                && force.label.chars().all(|c| !c.is_uppercase())
        })
    };
    facts.relations.retain(|f| match f.relation {
        Relation::Deployed => !unnamed(f.object),
        Relation::DeployedTo => !unnamed(f.subject),
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::find_mentions;
    use crate::resolve::resolve;
    use crate::text::split_sentences;

    /// (relation, subject label, object label, role) of a relation fact.
    type Row = (String, String, String, String);

    fn run(text: &str) -> (Vec<Row>, Facts, Resolved) {
        let rules = Rules::builtin();
        let sentences = split_sentences(text, &rules);
        let mentions = sentences.iter().map(|s| find_mentions(s, &rules)).collect();
        let mut resolved = resolve(mentions);
        let facts = extract(&sentences, &mut resolved, Date::new(2019, 3, 14), &rules);
        let label = |e: Option<usize>| {
            e.map(|e| resolved.entities[e].label.clone())
                .unwrap_or_default()
        };
        let rows = facts
            .relations
            .iter()
            .map(|f| {
                (
                    f.relation.name().to_string(),
                    label(f.subject),
                    label(f.object),
                    f.role.clone().unwrap_or_default(),
                )
            })
            .collect();
        (rows, facts, resolved)
    }

    fn has(rows: &[Row], rel: &str, s: &str, o: &str) -> bool {
        rows.iter().any(|r| r.0 == rel && r.1 == s && r.2 == o)
    }

    /// `has` with the role too.
    fn has_post(rows: &[Row], rel: &str, s: &str, o: &str, role: &str) -> bool {
        rows.iter()
            .any(|r| r.0 == rel && r.1 == s && r.2 == o && r.3 == role)
    }

    #[test]
    fn active_and_passive_dismissals() {
        let (rows, _, _) =
            run("President Maria Santos dismissed Defence Minister Jorge Vidal on Monday.");
        assert!(
            has(&rows, "dismissed", "Maria Santos", "Jorge Vidal"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Jorge Vidal was fired by President Maria Santos.");
        assert!(
            has(&rows, "dismissed", "Maria Santos", "Jorge Vidal"),
            "{rows:?}"
        );
    }

    #[test]
    fn negated_and_hypothetical_events_give_no_fact() {
        let (rows, _, _) = run("Chief executive Paul Brenner did not resign. Paul Brenner could be dismissed by the board.");
        assert!(
            rows.iter().all(|r| r.0 != "resigned" && r.0 != "dismissed"),
            "{rows:?}"
        );
    }

    #[test]
    fn titles_give_positions() {
        let (rows, _, _) = run("Chilean President Ana Torres met Peter Hahn, the chief executive of Nordwind Shipping Corp.");
        assert!(
            has(&rows, "holdsPosition", "Ana Torres", "Chile"),
            "{rows:?}"
        );
        assert!(
            has(
                &rows,
                "holdsPosition",
                "Peter Hahn",
                "Nordwind Shipping Corp."
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn business_appointment_with_role_and_succession() {
        let (rows, facts, _) = run("Acme Widgets Corp named John Carter president and chief executive officer, succeeding Jane Doe, who retired.");
        assert!(
            has(&rows, "appointed", "Acme Widgets Corp", "John Carter"),
            "{rows:?}"
        );
        let appointed = facts
            .relations
            .iter()
            .find(|f| f.relation == Relation::Appointed)
            .unwrap();
        assert_eq!(
            appointed.role.as_deref(),
            Some("president and chief executive officer")
        );
        assert!(
            has(&rows, "succeeded", "John Carter", "Jane Doe"),
            "{rows:?}"
        );
    }

    #[test]
    fn membership_lists_and_deployments() {
        let (rows, _, _) = run("The North Atlantic Treaty Organization, which also includes Norway, Poland and Turkey, met. Turkey sent troops to Syria.");
        for member in ["Norway", "Poland", "Turkey"] {
            assert!(
                has(
                    &rows,
                    "hasMember",
                    "North Atlantic Treaty Organization",
                    member
                ),
                "{rows:?}"
            );
        }
        assert!(
            has(&rows, "deployed", "Turkey", "Turkish troops"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "deployedTo", "Turkish troops", "Syria"),
            "{rows:?}"
        );
        // Troops sent by two countries to one place stay two forces.
        let (rows, _, _) =
            run("Kenya sent troops to Somalia. Its ally Uganda also sent troops to Somalia.");
        assert!(
            has(&rows, "deployedTo", "Kenyan troops", "Somalia"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "deployedTo", "Ugandan troops", "Somalia"),
            "{rows:?}"
        );
    }

    #[test]
    fn counts_with_source() {
        let (_, facts, resolved) = run("Twelve protesters and 3 policemen were killed, the Interior Ministry said. More than 1,200 people were detained.");
        let got: Vec<(String, u64, String)> = facts
            .counts
            .iter()
            .map(|c| (c.kind.clone(), c.number, c.who.clone()))
            .collect();
        assert!(
            got.contains(&("killed".into(), 12, "protesters".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("killed".into(), 3, "policemen".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("detained".into(), 1200, "people".into())),
            "{got:?}"
        );
        let source = facts.counts[0]
            .source
            .map(|e| resolved.entities[e].label.clone());
        assert_eq!(source.as_deref(), Some("Interior Ministry"));
    }

    #[test]
    fn relative_dates_on_facts() {
        let (_, facts, _) = run("Police arrested opposition leader Omar Haddad on Tuesday.");
        let arrest = facts
            .relations
            .iter()
            .find(|f| f.relation == Relation::Arrested)
            .expect("arrest");
        assert_eq!(arrest.date.unwrap().to_string(), "2019-03-12");
    }

    #[test]
    fn relative_clause_and_nominal_role_changes() {
        let (rows, _, _) =
            run("Finance Minister Omar Haddad, who was fired on Wednesday, left Amman.");
        assert!(has(&rows, "dismissed", "", "Omar Haddad"), "{rows:?}");
        let (rows, _, _) = run(
            "The arrest of opposition leader Maria Kovacs by police in Budapest drew protests.",
        );
        assert!(has(&rows, "arrested", "", "Maria Kovacs"), "{rows:?}");
        let (rows, _, _) = run(
            "Prime Minister Jan Novak welcomed the appointment of Eva Horak as interior minister.",
        );
        assert!(
            rows.iter()
                .any(|r| r.0 == "appointed" && r.2 == "Eva Horak" && r.3 == "interior minister"),
            "{rows:?}"
        );
    }

    #[test]
    fn coordination_with_including() {
        let (rows, _, _) = run("President Lidia Moreno removed several top officials on Monday, including Pablo Ortega.");
        assert!(
            has(&rows, "dismissed", "Lidia Moreno", "Pablo Ortega"),
            "{rows:?}"
        );
    }

    #[test]
    fn government_resignation_by_possessive_noun() {
        let (rows, _, _) = run("Norway's prime minister Kari Lund accepted her government's resignation on Friday. Norway held talks.");
        assert!(
            rows.iter()
                .any(|r| r.0 == "resigned" && r.1 == "Government of Norway"),
            "{rows:?}"
        );
    }

    #[test]
    fn attempts_and_requests_are_not_events() {
        let (rows, _, _) = run("Protesters tried to seize the airport in Lagos. President Ada Obi asked the army to send troops. Chile sent ships to help restore order and retake the port.");
        assert!(
            rows.iter().all(|r| r.0 != "seized" && r.0 != "deployed"),
            "{rows:?}"
        );
    }

    #[test]
    fn passive_succession_and_stepping_aside() {
        let (rows, _, _) = run("Acme Mining Ltd chairman Ron Baxter will step aside as chief executive and will be replaced by managing director Alice Wong.");
        assert!(
            rows.iter()
                .any(|r| r.0 == "resigned" && r.1 == "Ron Baxter"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "succeeded", "Alice Wong", "Ron Baxter"),
            "{rows:?}"
        );
    }

    #[test]
    fn talks_requests_and_accusations() {
        let (rows, _, _) = run("Chilean President Ana Torres spoke with Peruvian President Luis Soto on Friday. Torres asked Peru for help and accused Bolivia of smuggling.");
        assert!(
            has(&rows, "spokeWith", "Ana Torres", "Luis Soto"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "requestedAssistanceFrom", "Ana Torres", "Peru"),
            "{rows:?}"
        );
        assert!(has(&rows, "accused", "Ana Torres", "Bolivia"), "{rows:?}");
    }

    #[test]
    fn number_forms_in_counts() {
        let (_, facts, _) = run("Nearly 8,000 people were detained and two dozen soldiers were wounded, according to Xinhua. More than 3,000 protesters were arrested.");
        let got: Vec<(String, u64)> = facts
            .counts
            .iter()
            .map(|c| (c.kind.clone(), c.number))
            .collect();
        assert!(got.contains(&("detained".into(), 8000)), "{got:?}");
        assert!(got.contains(&("injured".into(), 24)), "{got:?}");
        assert!(got.contains(&("detained".into(), 3000)), "{got:?}");
    }

    #[test]
    fn phone_calls_with_several_leaders() {
        let (rows, _, _) = run("President Rosa Vidal telephoned Chancellor Karl Weiss and then Prime Minister Ana Lopes on Monday.");
        assert!(
            has(&rows, "spokeWith", "Rosa Vidal", "Karl Weiss"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "spokeWith", "Rosa Vidal", "Ana Lopes"),
            "{rows:?}"
        );
    }

    #[test]
    fn forces_moving_to_places() {
        let (rows, _, _) = run("Hundreds of Turkish troops were deployed to Syria on Monday. Kenyan peacekeepers arrived in Somalia.");
        assert!(
            has(&rows, "deployedTo", "Turkish troops", "Syria"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "deployedTo", "Kenyan peacekeepers", "Somalia"),
            "{rows:?}"
        );
    }

    #[test]
    fn coordinated_appositions_give_each_post() {
        let (rows, _, _) = run("Moldova has seen protests since March. Prosecutors questioned Ivan Dorok, the former head of the State Audit Chamber and a three-time prime minister, for six hours.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Ivan Dorok",
                "State Audit Chamber",
                "former head"
            ),
            "{rows:?}"
        );
        assert!(
            has(&rows, "holdsPosition", "Ivan Dorok", "Moldova"),
            "{rows:?}"
        );
    }

    #[test]
    fn an_apposition_with_a_post_makes_an_unknown_name_a_person() {
        let (rows, _, resolved) = run(
            "Ruxanda Pop, the chief executive of Danube Shipping, said the company would grow.",
        );
        assert!(
            has(&rows, "holdsPosition", "Ruxanda Pop", "Danube Shipping"),
            "{rows:?}"
        );
        assert!(resolved
            .entities
            .iter()
            .any(|e| e.label == "Ruxanda Pop" && e.entity_type == EntityType::Person));
    }

    #[test]
    fn an_analyst_is_not_the_story_company_s_by_default() {
        let text = "Vantex Tools Inc said its profit rose. Vantex Tools Inc shares gained, \
                    said oil analyst Maria Ortiz. Chairman Tomas Berg said Vantex would grow. \
                    Paul Dunn, an analyst at Corvel Securities, agreed.";
        let (rows, _, _) = run(text);
        assert!(
            !rows
                .iter()
                .any(|r| r.0 == "holdsPosition" && r.1 == "Maria Ortiz"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "holdsPosition", "Tomas Berg", "Vantex Tools Inc"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "holdsPosition", "Paul Dunn", "Corvel Securities"),
            "{rows:?}"
        );
    }

    #[test]
    fn an_unqualified_state_post_abroad_is_not_the_main_country() {
        let text = "Peru's Congress met on Monday. Peru's economy minister resigned. \
                    Peru has a new cabinet. Chancellor Karl Weiss told reporters in Berlin that Peru was calm. \
                    President Rosa Vidal said Peru would recover.";
        let (rows, _, _) = run(text);
        assert!(
            !has(&rows, "holdsPosition", "Karl Weiss", "Peru"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "holdsPosition", "Rosa Vidal", "Peru"),
            "{rows:?}"
        );
    }

    #[test]
    fn a_succession_gives_both_holders_the_post() {
        let (rows, _, _) =
            run("Maria Olsen succeeded Erik Lund as chairman of Nordic Timber Corp on Monday.");
        for holder in ["Maria Olsen", "Erik Lund"] {
            assert!(
                has(&rows, "holdsPosition", holder, "Nordic Timber Corp"),
                "{rows:?}"
            );
        }
    }

    #[test]
    fn seizures_of_coordinated_facilities_and_retaken_ones() {
        let (rows, _, _) = run("Government forces regained control of the city hall and the airport in Lima on Friday.");
        for place in ["city hall", "airport"] {
            assert!(has(&rows, "seized", "government forces", place), "{rows:?}");
        }
    }

    #[test]
    fn portfolio_posts_after_appointment_verbs() {
        let (rows, _, _) = run("Luis Pardo, 52, was made agriculture secretary. Marta Gil was named trade and industry minister.");
        assert!(
            rows.iter().any(|r| r.0 == "appointed"
                && r.2 == "Luis Pardo"
                && r.3 == "agriculture secretary"),
            "{rows:?}"
        );
        assert!(
            rows.iter().any(|r| r.0 == "appointed"
                && r.2 == "Marta Gil"
                && r.3 == "trade and industry minister"),
            "{rows:?}"
        );
    }

    #[test]
    fn announced_appointments_give_the_agent_of_agentless_ones() {
        let (rows, _, _) = run("Chilean President Ana Torres swore in four new ministers on Monday. Luis Pardo, 52, was made agriculture secretary. Marta Gil was named spokeswoman.");
        for appointee in ["Luis Pardo", "Marta Gil"] {
            assert!(has(&rows, "appointed", "Ana Torres", appointee), "{rows:?}");
        }
        // Without the announcement the appointment keeps no agent.
        let (rows, _, _) = run("Luis Pardo, 52, was made agriculture secretary.");
        assert!(has(&rows, "appointed", "", "Luis Pardo"), "{rows:?}");
    }

    #[test]
    fn movements_of_unnamed_forces_are_left_out() {
        let (_, facts, resolved) =
            run("Turkey sent troops to Syria. Later, units were deployed to Aleppo.");
        let label = |e: Option<usize>| e.map(|e| resolved.entities[e].label.as_str());
        let moves: Vec<(Relation, Option<&str>, Option<&str>)> = facts
            .relations
            .iter()
            .filter(|f| matches!(f.relation, Relation::Deployed | Relation::DeployedTo))
            .map(|f| (f.relation, label(f.subject), label(f.object)))
            .collect();
        assert!(
            moves.contains(&(Relation::Deployed, Some("Turkey"), Some("Turkish troops"))),
            "{moves:?}"
        );
        assert!(moves.iter().all(|m| m.1 != Some("units")), "{moves:?}");
        // An alliance named in full still names its troops by its acronym.
        let (_, _, resolved) = run("The North Atlantic Treaty Organization sent troops to Latvia.");
        assert!(
            resolved.entities.iter().any(|e| e.label == "NATO troops"),
            "{:?}",
            resolved.entities
        );
    }

    #[test]
    fn amounts_of_money_are_not_counts_of_people() {
        let (_, facts, _) =
            run("The floods cost two billion dlrs in losses and left 40 people dead.");
        let got: Vec<(String, u64)> = facts
            .counts
            .iter()
            .map(|c| (c.kind.clone(), c.number))
            .collect();
        assert_eq!(got, vec![("killed".to_string(), 40)], "{got:?}");
    }

    #[test]
    fn conversations_told_as_nouns() {
        let (rows, _, _) = run(
            "President Rosa Vidal agreed to send aid during talks with Prime Minister Jorge Mendes on Monday.",
        );
        assert!(
            has(&rows, "spokeWith", "Rosa Vidal", "Jorge Mendes"),
            "{rows:?}"
        );
    }

    #[test]
    fn posts_written_before_the_name() {
        let (rows, _, _) = run("Peru's cabinet met on Monday. The Minister of Finance, Ana Lopes, said the budget was ready. The chief executive of Nordwind Shipping Corp, Peter Hahn, declined to comment.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Ana Lopes",
                "Peru",
                "Minister of Finance"
            ),
            "{rows:?}"
        );
        assert!(
            has(
                &rows,
                "holdsPosition",
                "Peter Hahn",
                "Nordwind Shipping Corp"
            ),
            "{rows:?}"
        );
        // A portfolio is no organisation, and the title stays the resignation's post.
        let (rows, _, resolved) = run("Minister of Fisheries and Forests Omar Haddad resigned.");
        assert!(
            resolved
                .entities
                .iter()
                .all(|e| e.label != "Fisheries and Forests"),
            "{:?}",
            resolved.entities
        );
        assert!(
            has_post(
                &rows,
                "resigned",
                "Omar Haddad",
                "",
                "Minister of Fisheries and Forests"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn posts_owned_by_a_possessor() {
        let (rows, _, _) = run(
            "Marta Quist, the UN's refugee chief, said the camps were full. Thomas Reed, Vantex Corp's head of sales, has been promoted to the role of president.",
        );
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Marta Quist",
                "United Nations",
                "refugee chief"
            ),
            "{rows:?}"
        );
        assert!(
            has(&rows, "holdsPosition", "Thomas Reed", "Vantex Corp"),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .any(|r| r.0 == "appointed" && r.2 == "Thomas Reed" && r.3 == "president"),
            "{rows:?}"
        );
    }

    #[test]
    fn a_coordinated_passive_keeps_its_own_agent() {
        let (rows, _, _) = run("The governor of the central bank, Pedro Alvarez, was relieved of his post and replaced by Maria Gomez.");
        assert!(
            has(&rows, "succeeded", "Maria Gomez", "Pedro Alvarez"),
            "{rows:?}"
        );
        assert!(
            !has(&rows, "dismissed", "Maria Gomez", "Pedro Alvarez")
                && !has(&rows, "succeeded", "Pedro Alvarez", "Maria Gomez"),
            "{rows:?}"
        );
    }

    #[test]
    fn an_object_pronoun_is_not_its_clause_subject() {
        let (rows, _, _) = run("Officials said President Jorge Ruiz relieved the Minister of Defence, Carlos Vega, of his post and appointed him a presidential adviser.");
        assert!(
            has(&rows, "dismissed", "Jorge Ruiz", "Carlos Vega")
                && has(&rows, "appointed", "Jorge Ruiz", "Carlos Vega"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Vantex Corp fired Bob Jones and hired Lena Berg. The company later appointed him a consultant.");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "appointed" && r.2 == "Lena Berg")),
            "{rows:?}"
        );
    }

    #[test]
    fn company_posts_never_belong_to_a_country() {
        let (rows, _, _) = run("Chile's economy grew. Chilean miner Andes Copper Ltd said Rafael Soto was appointed president and chief executive.");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "holdsPosition" && r.1 == "Rafael Soto" && r.2 == "Chile")),
            "{rows:?}"
        );
    }

    #[test]
    fn a_leader_resigns_with_their_government() {
        let (rows, _, _) = run("Norwegian Prime Minister Erik Dahl and his government quit on Friday after losing a confidence vote. Head of state Harald Lind thanked them.");
        assert!(
            has_post(&rows, "resigned", "Erik Dahl", "", "Prime Minister"),
            "{rows:?}"
        );
        // A lowercase "head of state" is the country's, unlike "exchange president".
        assert!(
            has(&rows, "holdsPosition", "Harald Lind", "Norway"),
            "{rows:?}"
        );
    }

    #[test]
    fn a_post_field_stops_at_function_words() {
        let (rows, _, _) =
            run("Greece said Nikos Pappas, prime minister for the past six years, will stay.");
        let roles: Vec<&str> = rows
            .iter()
            .filter(|r| r.0 == "holdsPosition" && r.1 == "Nikos Pappas")
            .map(|r| r.3.as_str())
            .collect();
        assert_eq!(roles, vec!["prime minister"], "{rows:?}");
    }

    #[test]
    fn an_owner_not_understood_is_not_guessed() {
        let (rows, _, _) = run("Portugal's markets rose. Vantex Corp appointed Rui Costa, president of Porto's Caixa mutual, as its chief financial officer on Friday.");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "holdsPosition" && r.1 == "Rui Costa" && r.2 == "Portugal")),
            "{rows:?}"
        );
        assert!(
            rows.iter().any(|r| r.0 == "appointed"
                && r.2 == "Rui Costa"
                && r.3 == "chief financial officer"),
            "{rows:?}"
        );
    }

    #[test]
    fn memberships_only_right_after_their_group() {
        let (rows, _, _) = run("Vantex Corp said it sold four plants last year, including two in Brazil. Norway is a member of the European Free Trade Association. Later, Vantex Corp bought Delta Ltd; the group, which includes Orion Partners, bought more shares.");
        let members: Vec<&Row> = rows.iter().filter(|r| r.0 == "hasMember").collect();
        assert!(
            has(
                &rows,
                "hasMember",
                "European Free Trade Association",
                "Norway"
            ),
            "{rows:?}"
        );
        assert_eq!(members.len(), 1, "{members:?}");
    }

    #[test]
    fn a_title_word_inside_a_longer_post_is_no_post() {
        let (rows, _, _) = run(
            "Vantex Corp shares fell. Mark Ross, head trader for Orion Partners, said he sold.",
        );
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "holdsPosition" && r.1 == "Mark Ross")),
            "{rows:?}"
        );
    }

    #[test]
    fn former_country_names_are_foreign_countries() {
        let (rows, _, _) = run("U.S. officials met on Monday. The U.S. economy grew. In Zaire, President Kito Lemba cut tariffs.");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "holdsPosition" && r.2 == "United States")),
            "{rows:?}"
        );
    }

    #[test]
    fn the_object_is_the_first_name_or_none() {
        let (rows, _, _) = run("Vantex Corp named K. Tavo Mbeki to replace Lena Frost at the top. The league appointed a panel to look for a replacement for outgoing commissioner Gordon Hale.");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "appointed" && (r.2 == "Lena Frost" || r.2 == "Gordon Hale"))),
            "{rows:?}"
        );
    }

    #[test]
    fn verb_forms_used_as_adjectives_or_nouns_give_no_event() {
        let (rows, _, _) = run("A retired vice chairman of Vantex Corp, Frank Holt, told reporters the offer was low. Troops guarded the villa of deposed President Tomas Ortega.");
        assert!(
            rows.iter().all(|r| r.0 != "resigned" && r.0 != "dismissed"),
            "{rows:?}"
        );
    }

    #[test]
    fn expected_and_demanded_events_give_no_fact() {
        let (rows, _, _) = run("Unions demanded the dismissal of Finance Minister Ana Ruiz. Experts said Prime Minister Jan Berg was likely to be ousted next year.");
        assert!(rows.iter().all(|r| r.0 != "dismissed"), "{rows:?}");
    }

    #[test]
    fn a_subject_stays_in_its_own_clause() {
        let (rows, _, _) = run("Jean Morel said sales fell because two senior editors quit. Orion Holdings Inc said K. L. Obi stepped down as treasurer.");
        assert!(
            rows.iter()
                .all(|r| r.0 != "resigned" || r.1 != "Jean Morel" && r.1 != "Orion Holdings Inc"),
            "{rows:?}"
        );
    }

    #[test]
    fn a_resignation_without_its_body_is_from_the_company_of_a_company_story() {
        let (rows, _, _) = run("Vantex Corp said its board elected Ana Lima chairman. Tom Hale, who quit in May, had held the post for a decade. Reuters reported that Paul Marsh, a White House aide, resigned. Reuters said the aide had been close to Vantex Corp.");
        assert!(
            has(&rows, "resigned", "Tom Hale", "Vantex Corp"),
            "{rows:?}"
        );
        assert!(!has(&rows, "resigned", "Paul Marsh", "Reuters"), "{rows:?}");
    }

    #[test]
    fn seizures_need_their_own_object() {
        let (rows, _, _) = run("Militia fighters captured two of Chad's northern outposts near Faya. Lyon's new library opens on land once occupied by a Vantex Corp warehouse. A winter storm hit Oslo. Rebels kept the hills they had occupied before the truce near Aden.");
        assert!(rows.iter().all(|r| r.0 != "seized"), "{rows:?}");
        // The possessed noun is fine when it is the name's own facility.
        let (rows, _, _) = run(
            "Rebel fighters seized Faya's airport on Monday. Protesters stormed Kelso's city hall.",
        );
        assert!(rows.iter().any(|r| r.0 == "seized"), "{rows:?}");
    }

    #[test]
    fn counts_are_of_people_and_their_own_verb() {
        let (_, facts, _) = run("Officials from the two countries held talks. The navy deployed four new frigates near the strait. Border guards killed 120 Angolans and detained 30 near the river. Forty passengers died in the crash.");
        let got: Vec<(String, u64, String)> = facts
            .counts
            .iter()
            .map(|c| (c.kind.clone(), c.number, c.who.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("killed".to_string(), 120, "Angolans".to_string()),
                ("killed".to_string(), 40, "passengers".to_string()),
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_story_belongs_to_the_country_of_its_places() {
        let (rows, _, _) = run("Uganda closed its border with Kenya. Police in Nairobi fired tear gas. Uganda said trade had stopped. Shops in Mombasa shut. Uganda and Kenya will meet. Crowds gathered in Nairobi again. President Daniel Otieno called for calm.");
        assert!(
            has(&rows, "holdsPosition", "Daniel Otieno", "Kenya"),
            "{rows:?}"
        );
    }

    #[test]
    fn posts_after_who_and_an_adverb() {
        let (rows, _, _) = run("Kenya is tense. Ana Mwangi, who previously was chief of staff to the late President Tom Odera, was questioned.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Ana Mwangi",
                "Kenya",
                "chief of staff"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn nationality_words_qualify_and_locate_posts() {
        // A two-word nationality owns the post; a foreign nationality word in the
        // sentence keeps an unqualified post from the story's country.
        let (rows, _, _) = run("Brazil's debt talks went on in Brazil and Brazil. South Korean Finance Minister Lee Jun-ho met Brazilian officials. President Joe Harlan praised Canadian farmers.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Lee Jun-ho",
                "South Korea",
                "Finance Minister"
            ),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "holdsPosition" && r.1 == "Joe Harlan")),
            "{rows:?}"
        );
    }

    #[test]
    fn claims_about_someone_acting_are_accusations() {
        let (rows, _, _) = run("Interior minister Ana Ruiz alleged that rebels planned the bombing. Ana Ruiz claimed the vote had been fair. The regulator sued Orion Partners, accusing it of defrauding investors. Creditors seek money from Tom Vale, whom they accuse of fraud.");
        assert!(has(&rows, "accused", "Ana Ruiz", "rebels"), "{rows:?}");
        let accused: Vec<&Row> = rows.iter().filter(|r| r.0 == "accused").collect();
        assert_eq!(accused.len(), 1, "{accused:?}");
    }

    #[test]
    fn business_role_change_phrasings() {
        let (rows, _, _) = run("Vantex Corp said on Monday that Laura Chen will become chief executive officer in July.");
        assert!(
            has_post(
                &rows,
                "appointed",
                "Vantex Corp",
                "Laura Chen",
                "chief executive officer"
            ),
            "{rows:?}"
        );
        let (rows, _, _) =
            run("Orion Bank appointed Mark Ellis as its new chief financial officer.");
        assert!(
            has(&rows, "appointed", "Orion Bank", "Mark Ellis"),
            "{rows:?}"
        );
        let (rows, _, _) = run(
            "Helix Pharma Inc named Ravi Patel to succeed Jane Moore as chief operating officer.",
        );
        assert!(
            has_post(
                &rows,
                "appointed",
                "Helix Pharma Inc",
                "Ravi Patel",
                "chief operating officer"
            ) && has(&rows, "succeeded", "Ravi Patel", "Jane Moore"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Mark Ellis was promoted to president of Orion Bank.");
        assert!(
            rows.iter()
                .any(|r| r.0 == "appointed" && r.2 == "Mark Ellis" && r.3 == "president"),
            "{rows:?}"
        );
    }

    #[test]
    fn political_role_change_phrasings() {
        let (rows, _, _) =
            run("Sara Kim announced her resignation as finance minister of South Korea.");
        assert!(
            rows.iter()
                .any(|r| r.0 == "resigned" && r.1 == "Sara Kim" && r.3 == "finance minister"),
            "{rows:?}"
        );
        let (rows, _, _) = run(
            "Prime Minister Ana Lind sacked her defence minister, Erik Holm, after the scandal.",
        );
        assert!(
            has_post(
                &rows,
                "dismissed",
                "Ana Lind",
                "Erik Holm",
                "defence minister"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn counterparts_calls_and_qualified_groups() {
        let (rows, _, _) = run("President Jorge Ruiz held talks with his Brazilian counterpart, Luiz Costa, in Brasilia. Ruiz later spoke by phone with German Chancellor Olaf Brandt.");
        assert!(
            has(&rows, "spokeWith", "Jorge Ruiz", "Luiz Costa"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "spokeWith", "Jorge Ruiz", "Olaf Brandt"),
            "{rows:?}"
        );
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Luiz Costa",
                "Brazil",
                "counterpart"
            ),
            "{rows:?}"
        );
        // "his Brazilian counterpart" says Ruiz is not Brazil's president.
        assert!(
            !has(&rows, "holdsPosition", "Jorge Ruiz", "Brazil"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Turkey blamed Kurdish militants for the bombing. Niger requested help from the Economic Community of West African States.");
        assert!(has(&rows, "accused", "Turkey", "militants"), "{rows:?}");
        assert!(
            has(
                &rows,
                "requestedAssistanceFrom",
                "Niger",
                "Economic Community of West African States"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn elliptic_qualified_and_event_counts() {
        let (_, facts, _) = run("Rescuers said 14 people died in the flood and 30 were hurt. Nine Chilean miners and engineers were killed and another 52 were hospitalized. More than 200 reported arrests followed.");
        let got: Vec<(String, u64, String)> = facts
            .counts
            .iter()
            .map(|c| (c.kind.clone(), c.number, c.who.clone()))
            .collect();
        for expected in [
            ("killed", 14, "people"),
            ("injured", 30, "people"),
            ("killed", 9, "miners and engineers"),
            ("injured", 52, "miners and engineers"),
            ("detained", 200, ""),
        ] {
            assert!(
                got.contains(&(expected.0.to_string(), expected.1, expected.2.to_string())),
                "{expected:?} in {got:?}"
            );
        }
        assert_eq!(got.len(), 5, "{got:?}");
    }

    #[test]
    fn removed_from_his_post_as() {
        let (rows, _, _) = run("Prime Minister Jan Berg removed Mirzo Kadyrbek from his post as chairman of the State Security Council on Friday.");
        assert!(
            has_post(&rows, "dismissed", "Jan Berg", "Mirzo Kadyrbek", "chairman"),
            "{rows:?}"
        );
        assert!(
            has(
                &rows,
                "holdsPosition",
                "Mirzo Kadyrbek",
                "State Security Council"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn succession_past_the_predecessors_owner_and_company_posts() {
        let (rows, _, _) =
            run("Ana Weber, 52, succeeds Orion Bank chief economist, Edward Lind, in June.");
        assert!(
            has(&rows, "succeeded", "Ana Weber", "Edward Lind"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Kestrel Instruments Inc reported higher sales. Thomas Reed was appointed president and chief executive.");
        assert!(
            has(
                &rows,
                "holdsPosition",
                "Thomas Reed",
                "Kestrel Instruments Inc"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn appointees_listed_after_a_plural_post() {
        let (rows, _, _) = run("Vantex Corp elected three new directors at its annual meeting on Tuesday. They were Ana Weber, John Clive Moss and Maria Lopez. The company said it hired two managers: Tom Hale and Eva Lind, replacing Carl Dahl.");
        for person in ["Ana Weber", "John Clive Moss", "Maria Lopez"] {
            assert!(
                rows.contains(&(
                    "appointed".into(),
                    "Vantex Corp".into(),
                    person.into(),
                    "director".into()
                )),
                "{person}: {rows:?}"
            );
        }
        // "hired" is no appointment verb here, and no one after the list is listed.
        assert!(
            rows.iter()
                .all(|r| r.0 != "appointed" || r.2 != "Carl Dahl"),
            "{rows:?}"
        );
    }

    #[test]
    fn precision_guards_from_company_news() {
        let (rows, _, _) = run("Prime Minister Sami Haddad made headway in Geneva in talks with Secretary of State Paul Grey. Vantex Corp's president, Lars Hill, leaves next month to head a new venture. Orion Holdings Inc said Ana Falk quit as chairman of KLX. Two directors named in May by Pell Group PLC had resigned, Vantex Corp said.");
        assert!(rows.iter().all(|r| r.0 != "appointed"), "{rows:?}");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "resigned" && r.1 == "Lars Hill" && r.3 == "head")),
            "{rows:?}"
        );
        assert!(has(&rows, "resigned", "Ana Falk", "KLX"), "{rows:?}");
        assert!(
            rows.iter()
                .all(|r| !(r.0 == "resigned" && r.1 == "Pell Group PLC")),
            "{rows:?}"
        );
    }

    #[test]
    fn also_carries_the_agent_of_the_change_before() {
        let (rows, _, _) = run("President Omar Salim fired his finance minister, Karim Nadir, on Monday. Transport minister Adel Haddad was also dismissed. Three weeks later Sami Aziz was fired.");
        assert!(
            has(&rows, "dismissed", "Omar Salim", "Adel Haddad"),
            "{rows:?}"
        );
        // No "also": the agent stays unknown.
        assert!(
            rows.iter()
                .any(|r| r.0 == "dismissed" && r.1.is_empty() && r.2 == "Sami Aziz"),
            "{rows:?}"
        );
    }

    #[test]
    fn headings_collectives_and_the_named_airport() {
        let (rows, _, _) = run("Unrest in Kelso: Demonstrators took control of the city hall. Kelso International Airport stayed shut after strikers overran the airport on Monday. Turkish paratrooper brigades moved into northern Syria.");
        assert!(
            has(&rows, "seized", "demonstrators", "city hall"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "seized", "strikers", "Kelso International Airport"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "deployedTo", "Turkish paratrooper brigades", "Syria"),
            "{rows:?}"
        );
    }

    #[test]
    fn an_intransitive_verb_before_a_name_is_an_adjective() {
        let (rows, _, _) = run("Orion Trading Inc was founded by Tom Hale and a friend, retired Navy Admiral Richard Moss. Ana Weber retired Monday.");
        let resigned: Vec<&Row> = rows.iter().filter(|r| r.0 == "resigned").collect();
        assert_eq!(resigned.len(), 1, "{resigned:?}");
        assert_eq!(resigned[0].1, "Ana Weber", "{resigned:?}");
    }

    #[test]
    fn posts_of_possessors_headings_and_coordinated_titles() {
        let (rows, _, _) = run("Aid poured in from Chile’s authoritarian ruler, Tomas Varga, and from Honduras' leader, Ines Roca.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Tomas Varga",
                "Chile",
                "authoritarian ruler"
            ),
            "{rows:?}"
        );
        assert!(
            has_post(&rows, "holdsPosition", "Ines Roca", "Honduras", "leader"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Mali: President Oumar Traore telephoned Idris Deby on Monday to discuss the fighting in Niger.");
        assert!(
            has_post(&rows, "holdsPosition", "Oumar Traore", "Mali", "President"),
            "{rows:?}"
        );
        let (rows, _, _) = run("Danish Prime Minister and acting Nordic Council President Lars Holm said the council would meet.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Lars Holm",
                "Denmark",
                "Prime Minister"
            ),
            "{rows:?}"
        );
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Lars Holm",
                "Nordic Council",
                "President"
            ),
            "{rows:?}"
        );
        let (rows, _, _) =
            run("Vantex Corp President and Chief Executive Laura Chen said sales rose.");
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Laura Chen",
                "Vantex Corp",
                "President"
            ),
            "{rows:?}"
        );
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Laura Chen",
                "Vantex Corp",
                "Chief Executive"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn forces_moving_to_listed_places() {
        let (rows, _, _) = run("Reinforcement police units have been deployed to Tahrir Square, Qasr al-Nil, and Talaat Harb Square.");
        for place in ["Tahrir Square", "Qasr al-Nil", "Talaat Harb Square"] {
            assert!(
                has(&rows, "deployedTo", "reinforcement police units", place),
                "{rows:?}"
            );
        }
    }

    #[test]
    fn seized_residences_and_criticism_for_an_act() {
        let (rows, _, _) = run("Rebels in Goma seized control of the city hall and the governor’s residence. Mobs stormed the prime minister's residence.");
        assert!(
            has(&rows, "seized", "rebels", "governor's residence"),
            "{rows:?}"
        );
        assert!(
            has(&rows, "seized", "mobs", "prime minister's residence"),
            "{rows:?}"
        );
        let (rows, _, _) = run("President Ana Ruiz criticized Vantex Corp for raising prices. Britain condemned Iran for the attack. Ana Ruiz criticized Peru over its plan.");
        assert!(has(&rows, "accused", "Ana Ruiz", "Vantex Corp"), "{rows:?}");
        assert!(has(&rows, "accused", "United Kingdom", "Iran"), "{rows:?}");
        assert!(
            !has(&rows, "accused", "Ana Ruiz", "Peru"),
            "criticism without 'for' is no accusation: {rows:?}"
        );
    }

    #[test]
    fn the_country_leading_an_alliance_is_a_member() {
        let (rows, _, _) = run("Leaders of the Saudi-led military coalition, the Islamic Military Counter Terrorism Coalition, met in Riyadh.");
        assert!(
            has(
                &rows,
                "hasMember",
                "Islamic Military Counter Terrorism Coalition",
                "Saudi Arabia"
            ),
            "{rows:?}"
        );
        // A consortium is no alliance; and "X-led" never acts.
        let (rows, _, _) = run("A Chinese-led consortium, Vantex Group, won the contract. Turkish-led troops entered Syria.");
        assert!(rows.iter().all(|r| r.0 != "hasMember"), "{rows:?}");
        assert!(
            rows.iter().all(|r| r.1 != "China" && r.1 != "Turkey"),
            "{rows:?}"
        );
    }

    #[test]
    fn state_bodies_in_lowercase_after_their_country() {
        let (rows, _, _) = run("President Ana Ruiz arrested the former head of Peru's security service, Tomas Vidal, on Monday.");
        assert!(
            has(&rows, "arrested", "Ana Ruiz", "Tomas Vidal"),
            "{rows:?}"
        );
        assert!(
            has_post(
                &rows,
                "holdsPosition",
                "Tomas Vidal",
                "Peru's security service",
                "former head"
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn a_head_of_state_title_after_a_body_s_name_is_the_body_s() {
        let (rows, _, _) = run("Peru's economy grew. Prime Minister Ana Ruiz of Peru spoke. Vantex President Tomas Vidal said so. New Peruvian Prime Minister Luis Soto spoke in Lima.");
        assert!(has(&rows, "holdsPosition", "Ana Ruiz", "Peru"), "{rows:?}");
        assert!(has(&rows, "holdsPosition", "Luis Soto", "Peru"), "{rows:?}");
        assert!(
            !has(&rows, "holdsPosition", "Tomas Vidal", "Peru"),
            "{rows:?}"
        );
    }

    #[test]
    fn a_post_handed_on_is_a_succession() {
        let (rows, _, _) = run("Ana Ruiz, the longtime leader who turned over the presidency to Tomas Vidal in 2019, kept her power. Luis Soto passed the chairmanship of Vantex Corp to Maria Kowalski.");
        assert!(
            has_post(&rows, "succeeded", "Tomas Vidal", "Ana Ruiz", "president"),
            "{rows:?}"
        );
        assert!(
            has_post(
                &rows,
                "succeeded",
                "Maria Kowalski",
                "Luis Soto",
                "chairman"
            ),
            "{rows:?}"
        );
        // Not a post, or not handed: no succession.
        let (rows, _, _) = run("Ana Ruiz handed the ball to Tomas Vidal. Luis Soto did not hand power to Maria Kowalski.");
        assert!(rows.iter().all(|r| r.0 != "succeeded"), "{rows:?}");
    }
}
