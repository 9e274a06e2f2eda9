//! Extraction cases as data: runs every case of `tests/extract/cases.tsv`
//! (format in `tests/extract/README.md`) through the analysis stages after
//! cleaning and reports every failing case at once, with its line, what was
//! expected and what was produced, so a rule writer adds cases without Rust.

use newsgraph::dates::Date;
use newsgraph::model::EntityType;
use newsgraph::model::Relation;
use newsgraph::pipeline::{Analysis, Pipeline};
use newsgraph::rules::Rules;
use std::collections::BTreeMap;

/// The cases file, relative to the crate root.
const CASES: &str = "tests/extract/cases.tsv";

/// The kinds of produced item; each names its fields by position, then by `key=value`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Relation,
    Count,
    Entity,
}

impl Kind {
    fn positional(self) -> &'static [&'static str] {
        match self {
            Kind::Relation => &["subject", "object"],
            Kind::Count => &["kind", "number", "who"],
            Kind::Entity => &["label", "type"],
        }
    }

    fn keyed(self) -> &'static [&'static str] {
        match self {
            Kind::Relation => &["role", "org", "date", "place"],
            Kind::Count => &["source", "place", "date"],
            Kind::Entity => &[],
        }
    }
}

/// One produced item, its fields as the saved queries show them ("" is none).
struct Item {
    kind: Kind,
    /// Relation name, "count" or "entity".
    head: String,
    fields: BTreeMap<&'static str, String>,
}

impl Item {
    /// The item in the file's notation, ready to paste as an expectation.
    fn notation(&self) -> String {
        let mut out = self.head.clone();
        for key in self.kind.positional() {
            let value = &self.fields[key];
            out.push('\t');
            out.push_str(if value.is_empty() { "_" } else { value });
        }
        for key in self.kind.keyed() {
            let value = &self.fields[key];
            if !value.is_empty() {
                out.push_str(&format!("\t{key}={value}"));
            }
        }
        out
    }
}

/// A wanted field value.
enum Want {
    /// `*` or a column left out.
    Any,
    /// `_`: no value.
    Nothing,
    /// This value.
    Is(String),
}

impl Want {
    fn parse(text: &str) -> Want {
        match text {
            "*" => Want::Any,
            "_" => Want::Nothing,
            v => Want::Is(v.to_string()),
        }
    }

    fn matches(&self, got: &str) -> bool {
        match self {
            Want::Any => true,
            Want::Nothing => got.is_empty(),
            Want::Is(v) => v == got,
        }
    }
}

/// How many produced items must match a pattern.
#[derive(Clone, Copy)]
enum Quantity {
    /// `+`: at least one.
    Some,
    /// `-`: none.
    None,
    /// `=N`: exactly N.
    Exactly(usize),
}

/// The items that a fact's columns describe.
struct Pattern {
    kind: Kind,
    /// Relation name, "count" or "entity"; `*` for any relation.
    head: String,
    wants: Vec<(&'static str, Want)>,
}

impl Pattern {
    fn matches(&self, item: &Item) -> bool {
        item.kind == self.kind
            && (self.head == "*" || self.head == item.head)
            && self.wants.iter().all(|(k, w)| w.matches(&item.fields[k]))
    }
}

/// One expectation line.
struct Expectation {
    line: usize,
    /// The line as written, for the report.
    text: String,
    quantity: Quantity,
    /// `!`: known to fail today.
    known_failure: bool,
    pattern: Pattern,
}

impl Expectation {
    /// `None` when the expectation holds, else what went wrong.
    fn check(&self, items: &[Item]) -> Option<String> {
        let found: Vec<&Item> = items.iter().filter(|i| self.pattern.matches(i)).collect();
        match self.quantity {
            Quantity::Some if found.is_empty() => Some("not produced".into()),
            Quantity::None if !found.is_empty() => Some(format!(
                "produced: {}",
                found
                    .iter()
                    .map(|i| i.notation())
                    .collect::<Vec<_>>()
                    .join(" | ")
            )),
            Quantity::Exactly(n) if found.len() != n => {
                Some(format!("{} produced, not {n}", found.len()))
            }
            _ => None,
        }
    }
}

/// A case: a text with its expectations.
struct Case {
    line: usize,
    name: Option<String>,
    text: String,
    date: Option<Date>,
    expectations: Vec<Expectation>,
}

/// Unescapes `\n`, `\t` and `\\` in a case's text.
fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

/// Splits `key=value`, if the column is one.
fn key_value(column: &str) -> Option<(&str, &str)> {
    column
        .split_once('=')
        .filter(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase()))
}

/// Parses an expectation's fact columns (after the marker).
fn parse_fact(columns: &[&str], rules: &Rules) -> Result<Pattern, String> {
    let head = *columns
        .first()
        .ok_or("a fact needs at least its relation, `count` or `entity`")?;
    let kind = match head {
        "count" => Kind::Count,
        "entity" => Kind::Entity,
        "*" => Kind::Relation,
        name if Relation::parse(name).is_some() => Kind::Relation,
        other => {
            let names: Vec<&str> = Relation::ALL.iter().map(|r| r.name()).collect();
            return Err(format!(
                "unknown relation {other:?}: expected count, entity, * or one of {}",
                names.join(", ")
            ));
        }
    };
    let mut wants = Vec::new();
    let mut rest = columns[1..].iter();
    for &key in kind.positional() {
        let Some(&column) = rest.as_slice().first() else {
            break;
        };
        if key_value(column).is_some_and(|(k, _)| kind.keyed().contains(&k)) {
            break;
        }
        rest.next();
        wants.push((key, Want::parse(column)));
    }
    for &column in rest {
        let (key, value) = key_value(column).ok_or_else(|| {
            format!("{column:?}: too many columns for {head}; a key=value was expected")
        })?;
        let key = *kind.keyed().iter().find(|k| **k == key).ok_or_else(|| {
            let keys: Vec<String> = kind.keyed().iter().map(|k| format!("{k}=")).collect();
            format!("{key}=: {head} takes only {}", keys.join(", "))
        })?;
        wants.push((key, Want::parse(value)));
    }
    for (key, want) in &wants {
        let Want::Is(value) = want else { continue };
        let valid = match *key {
            "number" => value.parse::<u64>().is_ok(),
            "date" => Date::parse_iso(value).is_some(),
            "kind" => rules.extract.count_triggers.values().any(|k| k == value),
            "type" => EntityType::parse(value).is_some(),
            _ => true,
        };
        if !valid {
            return Err(format!("{key}={value:?} is no valid {key}"));
        }
    }
    Ok(Pattern {
        kind,
        head: head.to_string(),
        wants,
    })
}

/// Parses the cases file: the cases, and every error with its line.
fn parse(text: &str, rules: &Rules) -> (Vec<Case>, Vec<String>) {
    let mut cases: Vec<Case> = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let mut error = |message: String| errors.push(format!("{CASES}:{line}: {message}"));
        if columns.iter().any(|c| c.is_empty()) {
            error("empty column (write * for any value, _ for none)".into());
            continue;
        }
        let first = columns[0];
        if first == "case" {
            let Some(body) = columns.get(1) else {
                error("a case needs its text".into());
                continue;
            };
            let mut case = Case {
                line,
                name: None,
                text: String::new(),
                date: None,
                expectations: Vec::new(),
            };
            match unescape(body) {
                Ok(t) => case.text = t,
                Err(e) => error(e),
            }
            for column in &columns[2..] {
                match key_value(column) {
                    Some(("name", v)) => case.name = Some(v.to_string()),
                    Some(("date", v)) => match Date::parse_iso(v) {
                        Some(d) => case.date = Some(d),
                        None => error(format!("date={v:?} is no YYYY-MM-DD date")),
                    },
                    _ => error(format!("{column:?}: a case takes only name= and date=")),
                }
            }
            cases.push(case);
            continue;
        }
        let Some(case) = cases.last_mut() else {
            error("an expectation before the first case".into());
            continue;
        };
        if first == "|" {
            match columns[1..]
                .iter()
                .map(|c| unescape(c))
                .collect::<Result<Vec<_>, _>>()
            {
                Ok(parts) if !parts.is_empty() => {
                    case.text.push(' ');
                    case.text.push_str(&parts.join(" "));
                }
                Ok(_) => error("a continuation needs text".into()),
                Err(e) => error(e),
            }
            continue;
        }
        let (known_failure, marker) = match first.strip_prefix('!') {
            Some(m) => (true, m),
            None => (false, first),
        };
        let quantity = match marker {
            "+" => Quantity::Some,
            "-" => Quantity::None,
            m => match m.strip_prefix('=').and_then(|n| n.parse().ok()) {
                Some(n) => Quantity::Exactly(n),
                None => {
                    error(format!(
                        "{first:?}: a line starts with case, |, +, -, =N (each of the last three may take a leading !) or #"
                    ));
                    continue;
                }
            },
        };
        match parse_fact(&columns[1..], rules) {
            Ok(pattern) => case.expectations.push(Expectation {
                line,
                text: raw.to_string(),
                quantity,
                known_failure,
                pattern,
            }),
            Err(e) => error(e),
        }
    }
    for case in cases.iter().filter(|c| c.expectations.is_empty()) {
        errors.push(format!(
            "{CASES}:{}: a case without expectations",
            case.line
        ));
    }
    (cases, errors)
}

/// The relation facts, counts and entities of an analysis, with labels.
fn items(analysis: &Analysis) -> Vec<Item> {
    let entities = &analysis.resolved.entities;
    let label = |e: Option<usize>| e.map(|e| entities[e].label.clone()).unwrap_or_default();
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut out = Vec::new();
    for f in &analysis.facts.relations {
        out.push(Item {
            kind: Kind::Relation,
            head: f.relation.name().to_string(),
            fields: BTreeMap::from([
                ("subject", label(f.subject)),
                ("object", label(f.object)),
                ("role", f.role.clone().unwrap_or_default()),
                ("org", label(f.organization)),
                ("date", date(f.date)),
                ("place", label(f.place)),
            ]),
        });
    }
    for c in &analysis.facts.counts {
        out.push(Item {
            kind: Kind::Count,
            head: "count".into(),
            fields: BTreeMap::from([
                ("kind", c.kind.clone()),
                ("number", c.number.to_string()),
                ("who", c.who.clone()),
                ("source", label(c.source)),
                ("place", label(c.place)),
                ("date", date(c.date)),
            ]),
        });
    }
    for e in entities {
        out.push(Item {
            kind: Kind::Entity,
            head: "entity".into(),
            fields: BTreeMap::from([
                ("label", e.label.clone()),
                ("type", e.entity_type.name().to_string()),
            ]),
        });
    }
    out
}

/// Runs one case; the report of its failures, if any.
fn run(case: &Case, pipeline: &Pipeline) -> Option<String> {
    let items = items(&pipeline.analyse_body(&case.text, case.date));
    let mut failures = String::new();
    let mut entities_wanted = false;
    for e in &case.expectations {
        let problem = match (e.check(&items), e.known_failure) {
            (Some(p), false) => p,
            (None, true) => "holds now: remove its `!`".into(),
            _ => continue,
        };
        entities_wanted |= e.pattern.kind == Kind::Entity;
        failures.push_str(&format!(
            "  line {}: {}\n      -> {problem}\n",
            e.line, e.text
        ));
    }
    if failures.is_empty() {
        return None;
    }
    let name = case
        .name
        .as_deref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let shown: Vec<String> = items
        .iter()
        .filter(|i| i.kind != Kind::Entity || entities_wanted)
        .map(|i| format!("    {}\n", i.notation()))
        .collect();
    let produced = match shown.is_empty() {
        true => "  produced: nothing\n".to_string(),
        false => format!("  produced:\n{}", shown.concat()),
    };
    let text = case.text.replace('\n', "\\n");
    Some(format!(
        "{CASES}:{}{name}: {text}\n{failures}{produced}",
        case.line
    ))
}

#[test]
fn extraction_cases() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES);
    let text = std::fs::read_to_string(&path).expect("the cases file is readable");
    let rules = Rules::builtin();
    let (cases, errors) = parse(&text, &rules);
    assert!(
        errors.is_empty(),
        "{} errors in the cases file:\n{}",
        errors.len(),
        errors.join("\n")
    );
    let pipeline = Pipeline::new(rules, None);
    let failures: Vec<String> = cases.iter().filter_map(|c| run(c, &pipeline)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} extraction cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
