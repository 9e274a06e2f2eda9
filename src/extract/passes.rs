//! Article-level passes that need more than one sentence: agents carried to
//! later agentless role changes, appointees listed after a plural post, forces
//! named after who sent them, and the final dedupe (one fact once per article).

use super::counts::number_at;
use super::frames::appoints;
use super::{Article, UNSTAMPED};
use crate::facts::{Evidence, Facts, ObjectSource, Relation, RelationFact};
use crate::model::EntityType;
use crate::resolve::Entity;
use crate::text::Token;

/// "President X swore in four new ministers. Y was made finance minister.":
/// a person who appoints an unnamed plural of posts is the agent of the
/// agentless appointments told in the next sentences (at most four).
pub(super) fn agents_of_announced_appointments(article: &Article, facts: &mut Facts) {
    let (sentences, names, lexicon) = (article.sentences, article.names, article.lexicon);
    let plural_post = |t: &Token| {
        let singular = t
            .lower
            .strip_suffix("ies")
            .map(|stem| format!("{stem}y"))
            .or_else(|| t.lower.strip_suffix('s').map(str::to_string));
        singular.is_some_and(|s| names.titles.contains_key(&s))
    };
    let mut announced: Vec<(usize, usize)> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        for (m, entity) in &article.resolved.mentions[s] {
            let Some(person) = entity.filter(|e| article.types[*e] == EntityType::Person) else {
                continue;
            };
            let verb = m.last;
            if tokens
                .get(verb)
                .is_some_and(|t| appoints(&t.lower, lexicon))
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

/// "Acme elected two new directors. They were A and B." (or
/// "...two managers: A and B"): each listed person is appointed to the
/// post the plural names, by the one who appointed them.
/// (It reads the sentences, not the facts made so far.)
pub(super) fn listed_appointees(article: &Article, _: &Facts) -> Vec<RelationFact> {
    let (sentences, names, lexicon) = (article.sentences, article.names, article.lexicon);
    let mut appointed = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let Some(verb) = tokens.iter().position(|t| appoints(&t.lower, lexicon)) else {
            continue;
        };
        // "three (new) directors": a figure and a plural post.
        let plural = (verb + 1..tokens.len().min(verb + 5)).find_map(|k| {
            let singular = tokens[k].lower.strip_suffix('s')?;
            let counted = number_at(tokens, verb + 1).is_some_and(|(n, _)| n >= 2);
            (counted && names.titles.contains_key(singular)).then(|| (k, singular.to_string()))
        });
        let Some((post_at, role)) = plural else {
            continue;
        };
        // The appointer: the organisation or person before the verb.
        let agent = article.resolved.mentions[s]
            .iter()
            .rev()
            .find(|(m, _)| m.last <= verb)
            .and_then(|(_, e)| *e)
            .filter(|e| {
                matches!(
                    article.types[*e],
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
            let mentions = &article.resolved.mentions[at];
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
                let person = e.filter(|e| article.types[*e] == EntityType::Person);
                let (true, Some(person)) = (joined, person) else {
                    break;
                };
                people.push(person);
                last = m.last;
            }
            for person in people {
                appointed.push(RelationFact {
                    relation: Relation::Appointed,
                    subject: agent,
                    object: Some(person),
                    role: Some(role.clone()),
                    organization: agent.filter(|a| article.types[*a] == EntityType::Organization),
                    date: None,
                    place: None,
                    evidence: Evidence {
                        sentence: sentences[at].index,
                        start: sentences[at].start,
                        end: sentences[at].end,
                    },
                    object_source: ObjectSource::Written,
                    extractor: UNSTAMPED,
                    confidence: 0.6,
                });
            }
        }
    }
    appointed
}

/// "The president fired X. Y was also dismissed.": an
/// agentless dismissal or appointment told with "also" shares the agent of the
/// same change told just before (at most two sentences back).
pub(super) fn agents_carried_by_also(article: &Article, facts: &mut Facts) {
    let sentences = article.sentences;
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

/// Names an unnamed force after who deployed it: "Turkey sent troops" gives
/// "Turkish troops", "the alliance (NATO) sent troops" gives "NATO troops", so
/// that one country's troops are not merged with another's. Returns the
/// forces it names: new entities, numbered after the resolution's.
pub(super) fn name_deployed_forces(article: &Article, facts: &mut Facts) -> Vec<Entity> {
    let names = article.names;
    let mut named: Vec<Entity> = Vec::new();
    let countries: Vec<(usize, usize)> = facts
        .relations
        .iter()
        .filter(|f| f.relation == Relation::HoldsPosition)
        .filter_map(|f| Some((f.subject?, f.object?)))
        .filter(|(_, o)| article.types[*o] == EntityType::Country)
        .collect();
    for n in 0..facts.relations.len() {
        let f = &facts.relations[n];
        let (Relation::Deployed, Some(agent), Some(force)) = (f.relation, f.subject, f.object)
        else {
            continue;
        };
        let unnamed = entity(article, &named, force).incidental
            && entity(article, &named, force)
                .label
                .chars()
                .all(|c| !c.is_uppercase());
        if !unnamed {
            continue;
        }
        // A leader's forces are their country's ("the president sent troops").
        let agent = match entity(article, &named, agent).entity_type {
            EntityType::Person => match countries.iter().find(|(p, _)| *p == agent) {
                Some((_, country)) => *country,
                None => continue,
            },
            _ => agent,
        };
        let owner = entity(article, &named, agent);
        let prefix = match owner.entity_type {
            EntityType::Country => names
                .adjectives
                .get(&owner.label)
                .cloned()
                .unwrap_or_else(|| owner.label.clone()),
            EntityType::Organization => owner
                .aliases
                .iter()
                .find(|a| a.len() >= 2 && a.chars().all(|c| c.is_uppercase()))
                .or_else(|| names.acronyms.get(&owner.label))
                .cloned()
                .unwrap_or_else(|| owner.label.clone()),
            _ => continue,
        };
        let label = format!("{prefix} {}", entity(article, &named, force).label);
        let id = match (0..article.entity_count())
            .map(|i| article.entity(i))
            .chain(&named)
            .position(|e| e.label == label && e.entity_type == EntityType::MilitaryForce)
        {
            Some(id) => id,
            None => {
                let mut named_force = entity(article, &named, force).clone();
                named_force.label = label;
                named_force.mentions = 1;
                named.push(named_force);
                article.entity_count() + named.len() - 1
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
            let force = entity(article, &named, e);
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
    named
}

/// Entity `i`: one of the article's or, after them, one named here.
fn entity<'a>(article: &'a Article, named: &'a [Entity], i: usize) -> &'a Entity {
    match i.checked_sub(article.entity_count()) {
        Some(n) => &named[n],
        None => article.entity(i),
    }
}

/// One fact once per article: the first sentence's evidence is kept. A role
/// change told twice (once with its agent) is one fact with the agent.
pub(super) fn dedupe(facts: &mut Facts) {
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
            if k.object.is_none() {
                (k.object, k.object_source) = (f.object, f.object_source);
            }
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
