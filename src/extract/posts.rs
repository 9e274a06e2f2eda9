//! Posts and their owners: the `titles` extractor ("Russian President X", "X,
//! the founder of Y", "Kremlin spokesman X"), the readers of a post written
//! before or after a name, the owner a post gets when none is written, and the
//! article-level passes that settle owners and derive positions from role
//! changes. The title lookup used here is kept in one section at the end.

use super::{relation_fact, Article, SentenceView};
use crate::facts::{Facts, ObjectSource, Relation, RelationFact};
use crate::mentions::{Mention, MentionKind, NameLexicon, TitleClass, TitleLookup};
use crate::model::EntityType;
use crate::text::{Token, TokenKind};

/// `titles`: "Russian President X", "X, the founder of Y", "Kremlin spokesman
/// X". A post whose organisation is not written gets the article's main
/// country (heads of state and government posts) or the sentence's company
/// (business posts), with a lower confidence.
pub(super) fn titles(view: &SentenceView, facts: &mut Facts) {
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
            let (object, confidence, object_source) = match owner {
                Some(o) => (Some(o), 0.8, ObjectSource::Written),
                None if unknown_owner => (None, 0.0, ObjectSource::Inferred),
                None => (
                    default_owner(view, k, class, &role),
                    0.6,
                    ObjectSource::Inferred,
                ),
            };
            if let Some(object) = object.filter(|o| *o != person) {
                let mut fact = relation_fact(
                    view,
                    Relation::HoldsPosition,
                    Some(person),
                    Some(object),
                    Some(role),
                    confidence,
                );
                fact.object_source = object_source;
                facts.relations.push(fact);
            }
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
        // "Governor X", "Senator X": a state's, a city's or a legislature's post;
        // the text names its owner or the post has none.
        TitleClass::HeadOfState | TitleClass::Government
            if ends_with_listed(role, &view.lexicon.local_posts) =>
        {
            None
        }
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
                            .names
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
                .any(|w| view.names.org_keywords.contains_key(w))
                || class == TitleClass::HeadOfState && names_a_body(role, view.names);
            view.main_country.filter(|_| !abroad && !body)
        }
        // "analyst X said" in a story about Acme: an outside analyst, as a rule.
        TitleClass::Business if ends_with_listed(role, &view.lexicon.occupations) => None,
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

/// A title whose kind a word list names ("oil analyst", "Fund Manager" in
/// `occupation`; "state senator" in `local-post`): it or its last words are listed.
fn ends_with_listed(role: &str, list: &rustc_hash::FxHashSet<String>) -> bool {
    let lower = role.to_lowercase();
    let mut rest = lower.as_str();
    loop {
        if list.contains(rest) {
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
fn names_a_body(role: &str, names: &NameLexicon) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    let lower = role.to_lowercase();
    let lower_words: Vec<&str> = lower.split_whitespace().collect();
    let Some(title_start) = (0..words.len())
        .find(|&i| crate::mentions::title_class(&lower_words[i..].join(" "), names).is_some())
    else {
        return false;
    };
    // (A nationality is no body, and "New" is a modifier: "New Irish Prime Minister".)
    words[..title_start].iter().zip(&lower_words).any(|(w, l)| {
        w.starts_with(char::is_uppercase)
            && crate::mentions::title_class(l, names).is_none()
            && !names.demonyms.contains_key(*w)
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
    let names = view.names;
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
        && crate::mentions::title_class(&tokens[start - 1].lower, names)
            == Some(TitleClass::Modifier)
    {
        start -= 1;
    }
    let and = start.checked_sub(1).filter(|&a| tokens[a].lower == "and")?;
    (and.saturating_sub(names.max_title_words)..and).find_map(|s| {
        let words = &tokens[s..and];
        if !words.iter().all(Token::is_capitalized) {
            return None;
        }
        let class = TitleLookup::new(names).posts().class(words)?;
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
    // "the EU's foreign policy chief": an owner makes the field words safe.
    let (title_end, class) = TitleLookup::new(view.names)
        .words()
        .posts()
        .portfolio_posts(possessor.is_some())
        .longest(tokens, j, tokens.len())?;
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
                            && !view.names.titles.contains_key(&tokens[i].lower)
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

/// The post written next to a person's name: a title ("Prime Minister X",
/// not an honorific) or a post before it ("the Minister of Finance, X").
pub(super) fn named_post(view: &SentenceView, mention: &Mention) -> Option<String> {
    mention
        .title
        .as_ref()
        .filter(|t| t.class != TitleClass::Honorific)
        .map(|t| t.text.clone())
        .or_else(|| post_before_name(view, mention).map(|p| p.role))
}

/// A post given without its country ("President X") takes the country the
/// article gives the same person elsewhere ("Russian President X"), if any.
pub(super) fn carry_owners(article: &Article, facts: &mut Facts) {
    let types = &article.types;
    let explicit: Vec<(usize, usize)> = facts
        .relations
        .iter()
        .filter(|f| {
            f.relation == Relation::HoldsPosition && f.object_source == ObjectSource::Written
        })
        .filter_map(|f| Some((f.subject?, f.object?)))
        .filter(|(_, o)| types[*o] == EntityType::Country)
        .collect();
    for f in facts.relations.iter_mut().filter(|f| {
        f.relation == Relation::HoldsPosition && f.object_source == ObjectSource::Inferred
    }) {
        let Some(subject) = f.subject else { continue };
        if let Some((_, country)) = explicit.iter().find(|(s, _)| *s == subject) {
            if f.object.is_some_and(|o| types[o] == EntityType::Country) {
                f.object = Some(*country);
            }
        }
    }
}

/// "X resigned" without saying from what: the organisation of the post the
/// article gives X (the same post when the resignation names one; a company or
/// a body, not a country: leaving a state post is not leaving the state), else
/// the company the article is about (a legal-form name), else for a company
/// post the organisation the article is about.
pub(super) fn resigned_from_post(article: &Article, facts: &mut Facts) {
    let types = &article.types;
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
        let company_post = f
            .role
            .as_deref()
            .is_some_and(|r| is_company_post(r, article.names));
        let fallback = article
            .main_company
            .or(article.main_organization.filter(|_| company_post));
        f.object = match post {
            Some(o) if types[o] == EntityType::Organization => Some(o),
            Some(_) => None,
            None => person.and(fallback),
        };
        f.object_source = ObjectSource::Inferred;
    }
}

/// "X was appointed president and chief executive" in a company's story: an
/// appointment to a company post that names no organisation is to the
/// company the story is about (a legal-form name).
pub(super) fn company_posts(article: &Article, facts: &mut Facts) {
    let types = &article.types;
    for f in facts.relations.iter_mut().filter(|f| {
        f.relation == Relation::Appointed
            && f.organization.is_none()
            && f.subject
                .is_none_or(|a| types[a] != EntityType::Organization)
            && f.role
                .as_deref()
                .is_some_and(|r| is_company_post(r, article.names))
    }) {
        f.organization = article.main_company;
    }
}

/// An appointment, dismissal, resignation or succession with a post says who
/// held it: "Acme named X chief executive" gives X holdsPosition Acme (chief
/// executive); "X succeeded Y as chairman of Acme" gives both X and Y the post.
pub(super) fn positions_from_role_changes(article: &Article, facts: &Facts) -> Vec<RelationFact> {
    let types = &article.types;
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
        let company_post = is_company_post(&role, article.names);
        let organisation = organisation.or(article.main_country.filter(|_| {
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
            position.object_source = ObjectSource::Inferred;
            position.confidence = 0.7;
            derived.push(position);
        }
    }
    derived
}

// Title lookup: whether words form a post. (mentions has its own; one
// shared lookup is to replace both.)

/// End of the longest lowercase title phrase (with modifiers) starting at `at`.
pub(super) fn title_phrase_end(view: &SentenceView, at: usize) -> Option<usize> {
    TitleLookup::new(view.names)
        .words()
        .posts()
        .portfolio_posts(true)
        .longest(view.tokens(), at, view.tokens().len())
        .map(|(e, _)| e)
}

/// A post with a company title in it ("president and chief executive").
pub(super) fn is_company_post(role: &str, names: &NameLexicon) -> bool {
    role.split_whitespace()
        .any(|w| names.titles.get(&w.to_lowercase()) == Some(&TitleClass::Business))
}

/// The holder of an office named by its abstract noun: "presidency" →
/// "president", "chairmanship" → "chairman"; none for "power" or "reins".
pub(super) fn holder_of(office: &str) -> Option<String> {
    if let Some(stem) = office.strip_suffix("ency") {
        return Some(format!("{stem}ent"));
    }
    office
        .strip_suffix("ship")
        .filter(|stem| !stem.is_empty())
        .map(str::to_string)
}
