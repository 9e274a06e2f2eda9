//! The name lexicon: what finding, typing and resolving names reads
//! (gazetteer, titles, nationality words, organisation keywords, ...).
//! It lives with `mentions`, its main reader, so that the stages do not
//! depend on the rules loader: `rules` fills it, extraction also reads it.

use crate::model::EntityType;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A gazetteer entry: the canonical name a written name stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    /// Canonical name ("Russia" for "Russian Federation").
    pub canonical: String,
    /// Entity type of the entry.
    pub entity_type: EntityType,
}

/// Class of a title word, from `titles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// A post whose organisation is a country (president, prime minister).
    HeadOfState,
    /// Government posts (minister, spokesman, governor).
    Government,
    /// Military ranks and commands.
    Military,
    /// Company posts (chairman, chief executive, director).
    Business,
    /// Mr, Dr, Sir: precede names but are no post.
    Honorific,
    /// former, acting, deputy: modify a following title.
    Modifier,
}

/// Where an organisation keyword must stand in a capitalised phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordPosition {
    /// The phrase's last word ("Defense Ministry").
    Head,
    /// Anywhere in the phrase ("Bank of England").
    Any,
    /// A company suffix at the end ("Acme Corp").
    Suffix,
}

/// Names and posts, indexed for lookups by exact (token-joined) text.
#[derive(Debug, Clone, Default)]
pub struct NameLexicon {
    /// Written names of countries, cities and organisations → entry.
    pub gazetteer: HashMap<String, GazetteerEntry>,
    /// Canonical country → ISO 3166 code ("Germany" → "DE").
    pub country_codes: HashMap<String, String>,
    /// Canonical city or region → its country's ISO code ("Berlin" → "DE").
    pub place_codes: HashMap<String, String>,
    /// Nationality words ("Russian", "Russians") → canonical country.
    pub demonyms: HashMap<String, String>,
    /// Canonical country → its nationality adjective ("Turkey" → "Turkish", not
    /// the people noun "Turk"): the first listed with an adjective's ending.
    pub adjectives: HashMap<String, String>,
    /// Canonical organisation → its acronym, the first listed in the gazetteer
    /// ("North Atlantic Treaty Organization" → "NATO"): how news names its troops.
    pub acronyms: HashMap<String, String>,
    /// Given names, as written ("Maria").
    pub given_names: HashSet<String>,
    /// Lowercased title phrases → class.
    pub titles: HashMap<String, TitleClass>,
    /// Longest title phrase in words.
    pub max_title_words: usize,
    /// Capitalised keywords → (type, position).
    pub org_keywords: HashMap<String, (EntityType, KeywordPosition)>,
    /// Lowercased collective nouns → Group or MilitaryForce.
    pub groups: HashMap<String, EntityType>,
    /// Lowercased facility nouns (airport, parliament building) → Place.
    pub facilities: HashSet<String>,
    /// Last words of the group and facility phrases: mention finding tests a
    /// word against these before it builds and looks up whole phrases.
    pub collective_heads: HashSet<String>,
    /// Nouns that after "the" refer back to the last organisation ("the company").
    pub anaphora: HashSet<String>,
    /// Nouns for kinds of organisation ("airline"): a name in apposition with one is one.
    pub org_nouns: HashSet<String>,
    /// Capitalised words that never begin a name (sentence splitting reads
    /// its own copy, in `TextLexicon`).
    pub stopwords: HashSet<String>,
    /// Last words of state bodies' names, as written (`state-body`).
    pub state_body_heads: HashSet<String>,
    /// Lowercase nouns for a state body after a country's possessive (`state-body-noun`).
    pub state_body_nouns: HashSet<String>,
    /// Longest gazetteer name in words.
    pub max_gazetteer_words: usize,
}
