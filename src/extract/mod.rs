//! Extraction: from resolved mentions to facts. The registry here names every
//! step: the sentence extractors (`SENTENCE_EXTRACTORS`) read one sentence at
//! a time through a [`SentenceView`]; the article-level passes (`PASSES`) then
//! complete facts across sentences, derive new ones and name forces; `dedupe`
//! merges what was told twice. Each fact is stamped with the name of the step
//! that made it. The resolution is only read. Each family of rules lives in
//! its own file:
//! `posts` (who holds which post, and whose), `alliances` (a leading country
//! is a member), `frames` (verb and noun frames of `rules/frames.tsv`),
//! `counts` (casualty, arrest and deployment figures), `grammar` (negation,
//! modality, voice, clause bounds, argument search, dates) and `passes`
//! (agents and appointees across sentences, forces named, dedupe).

mod alliances;
mod counts;
mod frames;
mod grammar;
mod lexicon;
mod passes;
mod posts;

use crate::dates::Date;
use crate::facts::{Evidence, Facts, ObjectSource, Relation, RelationFact};
use crate::mentions::{KeywordPosition, Mention, NameLexicon};
use crate::model::EntityType;
use crate::resolve::{Entity, Resolved};
use crate::text::{Sentence, Token};

pub use lexicon::{ExtractLexicon, Frame, FrameKind};

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
    /// Names and posts.
    pub names: &'a NameLexicon,
    /// Frames, count triggers and extraction's word lists.
    pub lexicon: &'a ExtractLexicon,
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

/// The extractor name of a fact until the registry stamps it.
const UNSTAMPED: &str = "";

/// A sentence extractor: adds the facts it reads in one sentence.
type SentenceExtractor = fn(&SentenceView, &mut Facts);

/// The sentence extractors, run in this order on every sentence. Each fact
/// one makes is stamped with its name (`ng:extractor`).
const SENTENCE_EXTRACTORS: [(&str, SentenceExtractor); 4] = [
    ("titles", posts::titles),
    ("alliances", alliances::led_alliances),
    ("frames", frames::frames),
    ("counts", counts::counts),
];

/// An article-level pass, by what it may change.
enum Pass {
    /// Makes facts of its own from the article and the facts so far; they are
    /// stamped with the pass's name.
    Adds(fn(&Article, &Facts) -> Vec<RelationFact>),
    /// Completes or drops facts made before and makes none, so an edited fact
    /// keeps the name of the extractor that made it.
    Edits(fn(&Article, &mut Facts)),
    /// Edits facts and names entities the resolution lacks (returned, and
    /// numbered after the article's entities).
    Names(fn(&Article, &mut Facts) -> Vec<Entity>),
}

/// The article-level passes, run in this order after the sentence extractors
/// (then `dedupe` merges what was told twice).
const PASSES: [(&str, Pass); 8] = [
    (
        "announced-appointments",
        Pass::Edits(passes::agents_of_announced_appointments),
    ),
    ("listed-appointees", Pass::Adds(passes::listed_appointees)),
    ("also-agents", Pass::Edits(passes::agents_carried_by_also)),
    ("carry-owners", Pass::Edits(posts::carry_owners)),
    ("resigned-from-post", Pass::Edits(posts::resigned_from_post)),
    ("company-posts", Pass::Edits(posts::company_posts)),
    (
        "role-changes",
        Pass::Adds(posts::positions_from_role_changes),
    ),
    // (Before deduplication: "troops" sent by two countries are two forces.)
    ("deployed-forces", Pass::Names(passes::name_deployed_forces)),
];

/// What extraction gives for one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The facts.
    pub facts: Facts,
    /// Entities the facts name that the resolution lacks ("Turkish troops" for
    /// the "troops" Turkey sent): entity `resolved.entities.len() + i` is
    /// `new_entities[i]`, so the caller appends them to the resolution's.
    pub new_entities: Vec<Entity>,
}

/// Runs the sentence extractors over every sentence, then the article-level
/// passes. The resolution is only read.
pub fn extract(
    sentences: &[Sentence],
    resolved: &Resolved,
    anchor: Option<Date>,
    names: &NameLexicon,
    lexicon: &ExtractLexicon,
) -> Extraction {
    let mut article = Article::new(sentences, resolved, anchor, names, lexicon);
    let mut facts = Facts::default();
    for (s, sentence) in sentences.iter().enumerate() {
        let view = article.view(s, sentence);
        for (name, extractor) in SENTENCE_EXTRACTORS {
            let mut found = Facts::default();
            extractor(&view, &mut found);
            for f in &mut found.relations {
                f.extractor = name;
            }
            for c in &mut found.counts {
                c.extractor = name;
            }
            facts.relations.append(&mut found.relations);
            facts.counts.append(&mut found.counts);
        }
    }
    for (name, pass) in PASSES {
        match pass {
            Pass::Adds(pass) => {
                let made = pass(&article, &facts);
                facts.relations.extend(made.into_iter().map(|mut f| {
                    f.extractor = name;
                    f
                }));
            }
            Pass::Edits(pass) => pass(&article, &mut facts),
            Pass::Names(pass) => {
                let named = pass(&article, &mut facts);
                article.types.extend(named.iter().map(|e| e.entity_type));
                article.named.extend(named);
            }
        }
    }
    passes::dedupe(&mut facts);
    debug_assert!(
        facts.relations.iter().all(|f| f.extractor != UNSTAMPED),
        "an editing pass made a fact"
    );
    Extraction {
        facts,
        new_entities: article.named,
    }
}

/// What an article-level pass sees: the sentences, the resolution (and the
/// entities passes named after it) and what the story is about.
struct Article<'a> {
    sentences: &'a [Sentence],
    resolved: &'a Resolved,
    /// Entities named by passes, numbered after the resolution's.
    named: Vec<Entity>,
    /// Entity types of all the article's entities.
    types: Vec<EntityType>,
    anchor: Option<Date>,
    names: &'a NameLexicon,
    lexicon: &'a ExtractLexicon,
    /// The article's dominant country, owner of unqualified state posts.
    main_country: Option<usize>,
    /// The organisation the article is about (when no country dominates).
    main_organization: Option<usize>,
    /// The main organisation when its name has a company's legal form
    /// ("Acme Widgets Inc").
    main_company: Option<usize>,
    /// Per entity of the resolution: see [`SentenceView::foreign`].
    foreign: Vec<bool>,
}

impl<'a> Article<'a> {
    fn new(
        sentences: &'a [Sentence],
        resolved: &'a Resolved,
        anchor: Option<Date>,
        names: &'a NameLexicon,
        lexicon: &'a ExtractLexicon,
    ) -> Self {
        let main_country = resolved.dominant_country(names);
        // The organisation a story is about, unless the story is about a country.
        let main_organization = resolved
            .main_organization()
            .filter(|_| main_country.is_none());
        let main_company = main_organization.filter(|&o| {
            resolved.entities[o]
                .label
                .rsplit(' ')
                .next()
                .and_then(|last| names.org_keywords.get(last.trim_end_matches('.')))
                .is_some_and(|(_, position)| *position == KeywordPosition::Suffix)
        });
        Article {
            sentences,
            resolved,
            named: Vec::new(),
            types: resolved.entities.iter().map(|e| e.entity_type).collect(),
            anchor,
            names,
            lexicon,
            main_country,
            main_organization,
            main_company,
            foreign: foreign_entities(resolved, main_country, names),
        }
    }

    /// Entity `i`: the resolution's, or one named by a pass after them.
    fn entity(&self, i: usize) -> &Entity {
        let known = &self.resolved.entities;
        known.get(i).unwrap_or_else(|| &self.named[i - known.len()])
    }

    /// Number of the article's entities (the resolution's and those named).
    fn entity_count(&self) -> usize {
        self.resolved.entities.len() + self.named.len()
    }

    /// The view of sentence `s` that sentence extractors read.
    fn view<'v>(&'v self, s: usize, sentence: &'v Sentence) -> SentenceView<'v> {
        let mentions = &self.resolved.mentions[s];
        SentenceView {
            sentence,
            mentions,
            types: &self.types,
            anchor: self.anchor,
            names: self.names,
            lexicon: self.lexicon,
            main_country: self.main_country,
            main_country_name: self.main_country.map(|c| self.entity(c).label.as_str()),
            main_organization: self.main_organization,
            foreign: &self.foreign,
            hidden: grammar::hidden_ranges(&sentence.tokens, mentions, self.names),
        }
    }
}

/// Per entity: whether it lies outside the article's main country (another
/// country, or a city or region of another country by the gazetteer's codes).
fn foreign_entities(
    resolved: &Resolved,
    main_country: Option<usize>,
    names: &NameLexicon,
) -> Vec<bool> {
    let home = main_country.and_then(|c| names.country_codes.get(&resolved.entities[c].label));
    resolved
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| match e.entity_type {
            EntityType::Country => Some(i) != main_country,
            EntityType::Place => home.is_some_and(|home| {
                names
                    .place_codes
                    .get(&e.label)
                    .is_some_and(|code| code != home)
            }),
            _ => false,
        })
        .collect()
}

/// A fact read in the view's sentence (its extractor's name is stamped by
/// the registry).
fn relation_fact(
    view: &SentenceView,
    relation: Relation,
    subject: Option<usize>,
    object: Option<usize>,
    role: Option<String>,
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
        object_source: ObjectSource::Written,
        extractor: UNSTAMPED,
        confidence,
    }
}
