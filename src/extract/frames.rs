//! The `frames` extractor: verb and noun frames of `rules/frames.tsv` applied
//! to a sentence (who did what to whom, with the post and organisation of a
//! role change), and the frame-specific readings it needs (a post handed on, a
//! destination, the organisation reporting the sentence).

use super::grammar::{
    coordinated, coordinated_before, dated_word, is_negated, is_passive, is_relative_passive,
    is_unrealised, left_argument, passive_subject_near, right_argument, sentence_date, type_ok,
};
use super::posts::{holder_of, named_post, title_phrase_end};
use super::{relation_fact, ExtractLexicon, Frame, FrameKind, SentenceView};
use crate::facts::{Facts, ObjectSource, Relation};
use crate::mentions::MentionKind;
use crate::model::EntityType;
use crate::text::{Token, TokenKind};

/// `frames`: verb and noun frames.
pub(super) fn frames(view: &SentenceView, facts: &mut Facts) {
    let tokens = view.tokens();
    for i in 0..tokens.len() {
        let Some(candidates) = view.lexicon.frames.get(&tokens[i].lower) else {
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
                            && view.names.titles.contains_key(&t.lower)
                })
            {
                continue;
            }
            if is_negated(tokens, i) || is_unrealised(tokens, i, view.lexicon) {
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
                    (t.is_capitalized() || view.names.titles.contains_key(&t.lower))
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

/// Words after which a verb trigger is an adjective or a noun, not a verb.
const MODIFIER_SLOTS: [&str; 10] = [
    "a", "an", "the", "his", "her", "its", "their", "of", "from", "with",
];

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
            let reported = organization.is_none();
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
                let mut fact = relation_fact(view, relation, left, right, role, confidence);
                fact.date = date;
                if relation == Relation::Appointed {
                    fact.organization = organization;
                } else if reported {
                    fact.object_source = ObjectSource::Inferred;
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
                let mut fact = relation_fact(view, relation, subject, object, role, confidence);
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

/// True when `word` opens an active appointment frame ("named", "elected").
pub(super) fn appoints(word: &str, lexicon: &ExtractLexicon) -> bool {
    lexicon.frames.get(word).is_some_and(|frames| {
        frames
            .iter()
            .any(|f| f.relation == Relation::Appointed && f.kind == FrameKind::Active)
    })
}
