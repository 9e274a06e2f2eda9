//! Rules as data: lexicons, gazetteers and verb frames, read from the text
//! files under `rules/` (documented in `rules/README.md`).
//!
//! The files are compiled into the binary so that it works anywhere; a user's
//! `--rules DIR` adds the entries of DIR's files of the same names, so rules
//! can be extended without recompiling. A column that names a relation, an
//! entity type or a kind is checked when the file loads: a misspelt value
//! stops the load with the file, the line and the values expected, instead
//! of a rule that silently does nothing.
//!
//! Each stage owns the lexicon type it reads (`text::TextLexicon`,
//! `clean::Boilerplate`, `mentions::NameLexicon`, `extract::ExtractLexicon`);
//! this module fills them and holds them in [`Rules`], and no stage imports
//! it, so the stages form no cycle with the loader.

use crate::clean::Boilerplate;
use crate::error::{Error, Result};
use crate::extract::{ExtractLexicon, Frame, FrameKind};
use crate::mentions::{GazetteerEntry, KeywordPosition, NameLexicon, TitleClass};
use crate::model::{EntityType, Relation};
use crate::text::TextLexicon;
use rustc_hash::FxHashSet as HashSet;
use std::path::Path;

/// A rule file's name (relative to the rules folder) and built-in content.
const BUILTIN: &[(&str, &str)] = &[
    (
        "gazetteer/countries.tsv",
        include_str!("../rules/gazetteer/countries.tsv"),
    ),
    (
        "gazetteer/demonyms.tsv",
        include_str!("../rules/gazetteer/demonyms.tsv"),
    ),
    (
        "gazetteer/cities.tsv",
        include_str!("../rules/gazetteer/cities.tsv"),
    ),
    (
        "gazetteer/regions.tsv",
        include_str!("../rules/gazetteer/regions.tsv"),
    ),
    (
        "gazetteer/given_names.txt",
        include_str!("../rules/gazetteer/given_names.txt"),
    ),
    (
        "gazetteer/organizations.tsv",
        include_str!("../rules/gazetteer/organizations.tsv"),
    ),
    (
        "abbreviations.txt",
        include_str!("../rules/abbreviations.txt"),
    ),
    ("titles.tsv", include_str!("../rules/titles.tsv")),
    (
        "org_keywords.tsv",
        include_str!("../rules/org_keywords.tsv"),
    ),
    ("groups.tsv", include_str!("../rules/groups.tsv")),
    ("facilities.txt", include_str!("../rules/facilities.txt")),
    ("anaphora.txt", include_str!("../rules/anaphora.txt")),
    (
        "people_nouns.txt",
        include_str!("../rules/people_nouns.txt"),
    ),
    ("org_nouns.txt", include_str!("../rules/org_nouns.txt")),
    ("stopwords.txt", include_str!("../rules/stopwords.txt")),
    ("boilerplate.tsv", include_str!("../rules/boilerplate.tsv")),
    ("frames.tsv", include_str!("../rules/frames.tsv")),
    ("counts.tsv", include_str!("../rules/counts.tsv")),
    ("word_lists.tsv", include_str!("../rules/word_lists.tsv")),
];

/// All rules, loaded and held here; each stage reads the lexicon it owns.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// What tokenising and sentence splitting read.
    pub text: TextLexicon,
    /// Line patterns of page furniture.
    pub boilerplate: Boilerplate,
    /// Names and posts: what mention finding, resolution and extraction read.
    pub names: NameLexicon,
    /// Frames, count triggers and the word lists only extraction reads.
    pub extract: ExtractLexicon,
    /// Hash of every rule file loaded, in order: changes when the rules do.
    fingerprint: String,
}

impl Rules {
    /// The rules compiled into the binary.
    ///
    /// ```
    /// use newsgraph::rules::Rules;
    ///
    /// let builtin = Rules::builtin();
    /// // More rules from a folder, in files named as in `rules/`.
    /// let dir = tempfile::tempdir()?;
    /// std::fs::write(dir.path().join("titles.tsv"), "harbour master\tgovernment\n")?;
    /// let extended = Rules::with_extra_dir(dir.path())?;
    /// assert_ne!(builtin.fingerprint(), extended.fingerprint());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builtin() -> Rules {
        let mut rules = Rules::default();
        for (name, content) in BUILTIN {
            rules
                .add_file(name, content)
                .expect("built-in rule files are valid");
        }
        rules
    }

    /// The built-in rules extended by the files found in `dir` (same names).
    /// A `.tsv` or `.txt` file there whose name is not a rule file's is an
    /// error (a misspelt name would otherwise add nothing, silently).
    pub fn with_extra_dir(dir: &Path) -> Result<Rules> {
        let mut rules = Rules::builtin();
        let mut found = false;
        for folder in ["", "gazetteer"] {
            let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
                continue;
            };
            for entry in entries {
                let path = entry.map_err(|e| Error::io(dir, e))?.path();
                let name = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy();
                let rule_like = path.extension().is_some_and(|e| e == "tsv" || e == "txt");
                if rule_like && !BUILTIN.iter().any(|(known, _)| name == *known) {
                    let known: Vec<&str> = BUILTIN.iter().map(|(known, _)| *known).collect();
                    return Err(Error::UnknownRuleFile {
                        expected: known.join(", "),
                        path,
                    });
                }
            }
        }
        for (name, _) in BUILTIN {
            let path = dir.join(name);
            if path.exists() {
                let content = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                rules.add(name, &content, &path.display().to_string())?;
                found = true;
            }
        }
        if !found {
            return Err(Error::NoRuleFiles {
                dir: dir.to_path_buf(),
            });
        }
        Ok(rules)
    }

    /// A hash of all rule files loaded: part of each article's content hash,
    /// so that changed rules re-extract articles on the next ingest.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Parses one rule file and adds its entries.
    pub fn add_file(&mut self, name: &str, content: &str) -> Result<()> {
        self.add(name, content, name)
    }

    /// Adds the rule file `name`; errors name it as `shown` (its path, for a user's file).
    fn add(&mut self, name: &str, content: &str, shown: &str) -> Result<()> {
        use sha2::Digest;
        // The same bytes as fingerprint, NUL, name, NUL, content, without copying them.
        let mut hasher = sha2::Sha256::new();
        for part in [self.fingerprint.as_str(), "\0", name, "\0", content] {
            hasher.update(part.as_bytes());
        }
        let digest = hasher.finalize();
        self.fingerprint = digest.iter().map(|b| format!("{b:02x}")).collect();
        for (index, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            self.add_line(name, &fields)
                .map_err(|message| Error::Rules {
                    file: shown.to_string(),
                    line: index + 1,
                    message,
                })?;
        }
        Ok(())
    }

    fn add_collective_head(&mut self, phrase: &str) {
        if let Some(last) = phrase.split_whitespace().last() {
            self.names.collective_heads.insert(last.to_lowercase());
        }
    }

    fn add_line(&mut self, file: &str, f: &[&str]) -> std::result::Result<(), String> {
        let field = |i: usize| {
            f.get(i)
                .copied()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| format!("missing column {}", i + 1))
        };
        match file {
            "gazetteer/countries.tsv" => {
                self.add_gazetteer(field(0)?, field(1)?, EntityType::Country);
                if let Some(code) = country_code(f) {
                    self.names
                        .country_codes
                        .entry(field(1)?.to_string())
                        .or_insert(code);
                }
            }
            "gazetteer/cities.tsv" | "gazetteer/regions.tsv" => {
                // A country's name always wins over a city of the same name.
                if !self.names.gazetteer.contains_key(field(0)?) {
                    self.add_gazetteer(field(0)?, field(1)?, EntityType::Place);
                    if let Some(code) = country_code(f) {
                        self.names
                            .place_codes
                            .entry(field(1)?.to_string())
                            .or_insert(code);
                    }
                }
            }
            "gazetteer/organizations.tsv" => {
                let written = f.get(2).copied().filter(|s| !s.is_empty());
                let entity_type =
                    entity_type_in(written.unwrap_or("Organization"), &EntityType::ALL)?;
                self.add_gazetteer(field(0)?, field(1)?, entity_type);
            }
            "gazetteer/demonyms.tsv" => {
                self.names
                    .demonyms
                    .insert(field(0)?.to_string(), field(1)?.to_string());
                let word = field(0)?;
                let adjective = self
                    .names
                    .adjectives
                    .entry(field(1)?.to_string())
                    .or_default();
                if adjective.is_empty() || !looks_adjectival(adjective) && looks_adjectival(word) {
                    *adjective = word.to_string();
                }
            }
            "gazetteer/given_names.txt" => {
                self.names.given_names.insert(field(0)?.to_string());
            }
            "abbreviations.txt" => {
                if let Some(flag) = f.get(1).filter(|s| !s.is_empty()) {
                    choose("abbreviation flag", flag, &[("numeric", ())])?;
                }
                self.text
                    .abbreviations
                    .insert(field(0)?.trim_end_matches('.').to_string());
            }
            "titles.tsv" => {
                let class = choose("title class", field(1)?, &TITLE_CLASSES)?;
                let title = field(0)?.to_lowercase();
                self.names.max_title_words = self
                    .names
                    .max_title_words
                    .max(title.split_whitespace().count());
                // A title listed twice keeps its first, most specific class.
                self.names.titles.entry(title).or_insert(class);
            }
            "org_keywords.tsv" => {
                let entity_type = entity_type_in(field(1)?, &KEYWORD_TYPES)?;
                let written = f.get(2).copied().filter(|s| !s.is_empty());
                let position = choose(
                    "keyword position",
                    written.unwrap_or("head"),
                    &KEYWORD_POSITIONS,
                )?;
                self.names
                    .org_keywords
                    .insert(field(0)?.to_string(), (entity_type, position));
            }
            "groups.tsv" => {
                let entity_type = entity_type_in(field(1)?, &COLLECTIVE_TYPES)?;
                self.add_collective_head(field(0)?);
                self.names
                    .groups
                    .insert(field(0)?.to_lowercase(), entity_type);
            }
            "facilities.txt" => {
                self.add_collective_head(field(0)?);
                self.names.facilities.insert(field(0)?.to_lowercase());
            }
            "anaphora.txt" => {
                self.names.anaphora.insert(field(0)?.to_lowercase());
            }
            "people_nouns.txt" => {
                self.extract.people_nouns.insert(field(0)?.to_lowercase());
            }
            "org_nouns.txt" => {
                self.names.org_nouns.insert(field(0)?.to_lowercase());
            }
            "stopwords.txt" => {
                // Both read it: sentence splitting and mention finding.
                self.text.stopwords.insert(field(0)?.to_string());
                self.names.stopwords.insert(field(0)?.to_string());
            }
            "word_lists.tsv" => {
                let list = choose("word list", field(0)?, &WORD_LISTS)?;
                list(self).insert(field(1)?.to_string());
            }
            "boilerplate.tsv" => {
                let add = choose("action", field(0)?, &BOILERPLATE_ACTIONS)?;
                add(&mut self.boilerplate, field(1)?.to_lowercase());
            }
            "frames.tsv" => {
                let name = field(0)?;
                let relation = Relation::parse(name)
                    .ok_or_else(|| unknown("relation", name, Relation::ALL.map(Relation::name)))?;
                let kind = choose("frame kind", field(1)?, &FRAME_KINDS)?;
                let types = |i: usize| -> std::result::Result<Vec<EntityType>, String> {
                    f.get(i)
                        .copied()
                        .unwrap_or("")
                        .split(',')
                        .filter(|s| !s.is_empty() && *s != "*")
                        .map(|s| entity_type_in(s, &EntityType::ALL))
                        .collect()
                };
                let words = |i: usize| -> Vec<String> {
                    f.get(i)
                        .copied()
                        .unwrap_or("")
                        .split('|')
                        .filter(|s| !s.is_empty() && *s != "-")
                        .map(str::to_lowercase)
                        .collect()
                };
                let (agent_types, patient_types) = (types(3)?, types(4)?);
                for trigger in field(2)?.split('|') {
                    let trigger: Vec<String> =
                        trigger.split_whitespace().map(str::to_lowercase).collect();
                    let frame = Frame {
                        relation,
                        kind,
                        trigger: trigger.clone(),
                        agent_types: agent_types.clone(),
                        patient_types: patient_types.clone(),
                        requires: words(5),
                        blockers: words(6),
                    };
                    self.extract
                        .frames
                        .entry(trigger[0].clone())
                        .or_default()
                        .push(frame);
                }
            }
            "counts.tsv" => {
                let kind = field(0)?;
                for trigger in field(1)?.split('|') {
                    self.extract
                        .count_triggers
                        .insert(trigger.to_lowercase(), kind.to_string());
                }
            }
            other => return Err(format!("unknown rule file {other}")),
        }
        Ok(())
    }

    fn add_gazetteer(&mut self, name: &str, canonical: &str, entity_type: EntityType) {
        self.names.max_gazetteer_words = self
            .names
            .max_gazetteer_words
            .max(name.split_whitespace().count());
        let acronym = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
        if entity_type == EntityType::Organization && acronym && name != canonical {
            self.names
                .acronyms
                .entry(canonical.to_string())
                .or_insert_with(|| name.to_string());
        }
        self.names
            .gazetteer
            .entry(name.to_string())
            .or_insert(GazetteerEntry {
                canonical: canonical.to_string(),
                entity_type,
            });
    }
}

/// The values of `titles.tsv`'s class column.
const TITLE_CLASSES: [(&str, TitleClass); 6] = [
    ("head-of-state", TitleClass::HeadOfState),
    ("government", TitleClass::Government),
    ("military", TitleClass::Military),
    ("business", TitleClass::Business),
    ("honorific", TitleClass::Honorific),
    ("modifier", TitleClass::Modifier),
];

/// The values of `org_keywords.tsv`'s position column (`head` when left out).
const KEYWORD_POSITIONS: [(&str, KeywordPosition); 3] = [
    ("head", KeywordPosition::Head),
    ("any", KeywordPosition::Any),
    ("suffix", KeywordPosition::Suffix),
];

/// The types a keyword of `org_keywords.tsv` may give a capitalised phrase.
const KEYWORD_TYPES: [EntityType; 3] = [
    EntityType::Organization,
    EntityType::Place,
    EntityType::MilitaryForce,
];

/// The types of `groups.tsv`'s collective nouns.
const COLLECTIVE_TYPES: [EntityType; 2] = [EntityType::Group, EntityType::MilitaryForce];

/// The values of `frames.tsv`'s kind column.
const FRAME_KINDS: [(&str, FrameKind); 7] = [
    ("active", FrameKind::Active),
    ("intransitive", FrameKind::Intransitive),
    ("noun", FrameKind::Noun),
    ("reverse", FrameKind::Reverse),
    ("motion", FrameKind::Motion),
    ("claim", FrameKind::Claim),
    ("handover", FrameKind::Handover),
];

/// A word list of `word_lists.tsv`: the set its words go to.
type WordList = fn(&mut Rules) -> &mut HashSet<String>;

/// The lists of `word_lists.tsv`, by the name in its first column.
const WORD_LISTS: [(&str, WordList); 6] = [
    ("alliance", |r| &mut r.extract.alliance_nouns),
    ("appointing", |r| &mut r.extract.appointing_verbs),
    ("occupation", |r| &mut r.extract.occupations),
    ("local-post", |r| &mut r.extract.local_posts),
    ("state-body", |r| &mut r.names.state_body_heads),
    ("state-body-noun", |r| &mut r.names.state_body_nouns),
];

/// An action of `boilerplate.tsv`: adds a pattern where it belongs.
type BoilerplateAction = fn(&mut Boilerplate, String);

/// The actions of `boilerplate.tsv`, by the name in its first column.
const BOILERPLATE_ACTIONS: [(&str, BoilerplateAction); 3] = [
    ("cut", Boilerplate::add_cut),
    ("drop-prefix", Boilerplate::add_drop_prefix),
    ("drop-contains", Boilerplate::add_drop_contains),
];

/// The value of a column that names one of `choices`; otherwise an error
/// naming `what` it should be and the values expected.
fn choose<T: Copy>(
    what: &str,
    value: &str,
    choices: &[(&str, T)],
) -> std::result::Result<T, String> {
    choices
        .iter()
        .find(|(name, _)| *name == value)
        .map(|&(_, chosen)| chosen)
        .ok_or_else(|| unknown(what, value, choices.iter().map(|(name, _)| *name)))
}

/// A column that names an entity type, one of `allowed` in this file.
fn entity_type_in(value: &str, allowed: &[EntityType]) -> std::result::Result<EntityType, String> {
    let expected = || allowed.iter().map(|t| t.name());
    match EntityType::parse(value) {
        Some(t) if allowed.contains(&t) => Ok(t),
        Some(_) => Err(format!(
            "entity type {value:?} is not allowed in this column; expected one of: {}",
            expected().collect::<Vec<_>>().join(", ")
        )),
        None => Err(unknown("entity type", value, expected())),
    }
}

/// "unknown relation "dismised"; expected one of: hasMember, dismissed, ...".
fn unknown<'a>(what: &str, value: &str, expected: impl IntoIterator<Item = &'a str>) -> String {
    let expected: Vec<&str> = expected.into_iter().collect();
    format!(
        "unknown {what} {value:?}; expected one of: {}",
        expected.join(", ")
    )
}

/// Whether a nationality word has an adjective's ending ("Turkish", "Russian",
/// "Chinese", "Iraqi", "Swiss", "Dutch") rather than a people noun's ("Turk",
/// "Pole", "Briton", "Russians").
fn looks_adjectival(word: &str) -> bool {
    ["ish", "ian", "ese", "an", "ic", "i", "ch", "ss", "ine"]
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// The ISO country code in a gazetteer line's third column, if it names one
/// country ("-" marks regions spanning several).
fn country_code(fields: &[&str]) -> Option<String> {
    fields
        .get(2)
        .filter(|code| code.len() == 2)
        .map(|code| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_patterns_added_after_first_use_apply() {
        let mut rules = Rules::builtin();
        assert!(!rules.boilerplate.drops("printed for the harbour gazette"));
        rules
            .add_file("boilerplate.tsv", "drop-contains\tharbour gazette\n")
            .unwrap();
        assert!(rules.boilerplate.drops("printed for the harbour gazette"));
        assert!(rules.names.collective_heads.contains("troops"));
    }

    #[test]
    fn builtin_rules_load_and_cover_each_file() {
        let rules = Rules::builtin();
        assert_eq!(
            rules.names.gazetteer["France"].entity_type,
            EntityType::Country
        );
        assert_eq!(rules.names.demonyms["French"], "France");
        assert!(rules.names.given_names.contains("Maria"));
        assert!(rules.text.abbreviations.contains("Jan"));
        assert_eq!(
            rules.names.titles["prime minister"],
            TitleClass::HeadOfState
        );
        assert!(rules.names.org_keywords.contains_key("Ministry"));
        assert_eq!(rules.names.groups["troops"], EntityType::MilitaryForce);
        assert!(rules.names.facilities.contains("airport"));
        assert!(rules.extract.alliance_nouns.contains("coalition"));
        assert!(rules.extract.appointing_verbs.contains("named"));
        assert!(rules.names.state_body_heads.contains("Ministry"));
        assert!(rules.names.state_body_nouns.contains("ministry"));
        assert!(rules.text.stopwords.contains("The"));
        assert!(rules.names.stopwords.contains("The"));
        assert!(rules.extract.frames["dismissed"]
            .iter()
            .any(|f| f.relation == Relation::Dismissed));
        assert_eq!(rules.extract.count_triggers["killed"], "killed");
    }

    #[test]
    fn bad_rule_lines_name_file_and_line() {
        let mut rules = Rules::default();
        let err = rules
            .add_file("frames.tsv", "# header\ndismissed\tsideways\tfired\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "rule file frames.tsv, line 2: unknown frame kind \"sideways\"; expected one of: \
             active, intransitive, noun, reverse, motion, claim, handover"
        );
    }

    /// Each column that names a relation, an entity type or a kind refuses a
    /// value it does not know, with what it expected.
    #[test]
    fn unknown_names_in_typed_columns_are_refused() {
        let types = "Person, Organization, Country, Place, MilitaryForce, Group";
        let cases = [
            (
                "frames.tsv",
                "dismised\tactive\tfired\tPerson\tPerson\n",
                format!(
                    "unknown relation \"dismised\"; expected one of: {}",
                    Relation::ALL.map(Relation::name).join(", ")
                ),
            ),
            (
                "frames.tsv",
                "dismissed\tactive\tfired\tPresident\tPerson\n",
                format!("unknown entity type \"President\"; expected one of: {types}"),
            ),
            (
                "frames.tsv",
                "dismissed\tactive\tfired\tPerson\tPerson,Persn\n",
                format!("unknown entity type \"Persn\"; expected one of: {types}"),
            ),
            (
                "gazetteer/organizations.tsv",
                "Harbour Board\tHarbour Board\tOrganisation\n",
                format!("unknown entity type \"Organisation\"; expected one of: {types}"),
            ),
            (
                "org_keywords.tsv",
                "Syndicate\tOrganisation\thead\n",
                "unknown entity type \"Organisation\"; expected one of: Organization, Place, MilitaryForce"
                    .to_string(),
            ),
            (
                "org_keywords.tsv",
                "Syndicate\tCountry\thead\n",
                "entity type \"Country\" is not allowed in this column; expected one of: \
                 Organization, Place, MilitaryForce"
                    .to_string(),
            ),
            (
                "org_keywords.tsv",
                "Syndicate\tOrganization\tlast\n",
                "unknown keyword position \"last\"; expected one of: head, any, suffix".to_string(),
            ),
            (
                "groups.tsv",
                "strikers\tPerson\n",
                "entity type \"Person\" is not allowed in this column; expected one of: \
                 Group, MilitaryForce"
                    .to_string(),
            ),
            (
                "titles.tsv",
                "harbourmaster\tcivil\n",
                "unknown title class \"civil\"; expected one of: head-of-state, government, \
                 military, business, honorific, modifier"
                    .to_string(),
            ),
            (
                "word_lists.tsv",
                "allies\tpact\n",
                "unknown word list \"allies\"; expected one of: alliance, appointing, \
                 occupation, local-post, state-body, state-body-noun"
                    .to_string(),
            ),
            (
                "boilerplate.tsv",
                "drop\tsubscribe now\n",
                "unknown action \"drop\"; expected one of: cut, drop-prefix, drop-contains"
                    .to_string(),
            ),
            (
                "abbreviations.txt",
                "Approx\tnumber\n",
                "unknown abbreviation flag \"number\"; expected one of: numeric".to_string(),
            ),
        ];
        for (file, line, expected) in cases {
            let err = Rules::default()
                .add_file(file, &format!("# header\n{line}"))
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("rule file {file}, line 2: {expected}")
            );
        }
    }

    #[test]
    fn frames_name_their_relation_and_optional_columns_keep_defaults() {
        let mut rules = Rules::default();
        rules
            .add_file(
                "frames.tsv",
                "spokeWith\tactive\tconferred with\tPerson\t*\n",
            )
            .unwrap();
        rules
            .add_file("org_keywords.tsv", "Syndicate\tOrganization\n")
            .unwrap();
        rules
            .add_file(
                "gazetteer/organizations.tsv",
                "Harbour Board\tHarbour Board\n",
            )
            .unwrap();
        assert_eq!(
            rules.extract.frames["conferred"][0].relation,
            Relation::SpokeWith
        );
        assert_eq!(
            rules.names.org_keywords["Syndicate"],
            (EntityType::Organization, KeywordPosition::Head)
        );
        assert_eq!(
            rules.names.gazetteer["Harbour Board"].entity_type,
            EntityType::Organization
        );
    }

    #[test]
    fn a_user_rules_folder_is_checked_too() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("frames.tsv"),
            "# mine\nseized\tactive\tcommandeered\t*\tPlace\ndismised\tactive\tousted\t*\tPerson\n",
        )
        .unwrap();
        let err = Rules::with_extra_dir(dir.path()).unwrap_err().to_string();
        let file = dir.path().join("frames.tsv");
        assert!(
            err.starts_with(&format!(
                "rule file {}, line 3: unknown relation \"dismised\"; expected one of: hasMember,",
                file.display()
            )),
            "{err}"
        );

        std::fs::write(
            dir.path().join("frames.tsv"),
            "seized\tactive\tcommandeered\t*\tPlace\n",
        )
        .unwrap();
        let rules = Rules::with_extra_dir(dir.path()).unwrap();
        assert_eq!(
            rules.extract.frames["commandeered"][0].relation,
            Relation::Seized
        );

        std::fs::create_dir(dir.path().join("gazetteer")).unwrap();
        std::fs::write(dir.path().join("gazetteer/city.tsv"), "Kelso\tKelso\tGB\n").unwrap();
        let err = Rules::with_extra_dir(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains(
                "city.tsv: not a rule file name; expected one of: gazetteer/countries.tsv,"
            ),
            "{err}"
        );
    }

    #[test]
    fn nationality_adjectives_are_adjectives() {
        let rules = Rules::builtin();
        for (country, adjective) in [
            ("Turkey", "Turkish"),
            ("Poland", "Polish"),
            ("Russia", "Russian"),
            ("Sweden", "Swedish"),
            ("China", "Chinese"),
        ] {
            assert_eq!(rules.names.adjectives[country], adjective);
        }
    }
}
