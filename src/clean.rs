//! Cleaning: from raw page text to the article body plus metadata.
//!
//! Boilerplate is removed line by line with the patterns of
//! `rules/boilerplate.tsv`, and by shape: a body line is prose (enough words
//! and a sentence end). The publication date comes from metadata, then from
//! the text's own datelines, then (year only) from a copyright line.
//!
//! Nothing is lost silently: a line that holds a furniture pattern but also
//! several sentences (web scrapes often arrive as one long line) loses only
//! its short furniture sentences; a long sentence that merely mentions a
//! pattern ("the copyright claim was dismissed") is the story's own prose and
//! stays; an article that loses most of its text, or all of it, says so in a
//! warning.

use crate::dates::{find_absolute_date, Date};
use crate::input::RawArticle;
use crate::text::{split_sentences, TextLexicon};

/// Boilerplate patterns from `boilerplate.tsv`.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    cut_prefixes: Vec<String>,
    drop_prefixes: Vec<String>,
    drop_contains: Vec<String>,
    /// `drop_contains` compiled once, on first use: one pass over each line
    /// whatever the number of patterns. Reset when a pattern is added.
    contains_automaton: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl Boilerplate {
    /// True when the (lowercased) line starts the page's tail: drop the rest.
    pub fn cuts(&self, lower_line: &str) -> bool {
        self.cut_prefixes
            .iter()
            .any(|p| lower_line.starts_with(p.as_str()))
    }

    /// True when the (lowercased) line is boilerplate on its own.
    pub fn drops(&self, lower_line: &str) -> bool {
        self.drop_prefixes
            .iter()
            .any(|p| lower_line.starts_with(p.as_str()))
            || self
                .contains_automaton
                .get_or_init(|| {
                    aho_corasick::AhoCorasick::new(&self.drop_contains)
                        .expect("plain string patterns always compile")
                })
                .is_match(lower_line)
    }

    /// Adds a (lowercased) line start that begins the page's tail.
    pub fn add_cut(&mut self, pattern: String) {
        self.cut_prefixes.push(pattern);
    }

    /// Adds a (lowercased) line start that marks a boilerplate line.
    pub fn add_drop_prefix(&mut self, pattern: String) {
        self.drop_prefixes.push(pattern);
    }

    /// Adds a (lowercased) text whose presence marks a boilerplate line.
    pub fn add_drop_contains(&mut self, pattern: String) {
        self.drop_contains.push(pattern);
        self.contains_automaton = std::sync::OnceLock::new();
    }
}

/// An article body ready for sentence splitting, with its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanArticle {
    /// Article id.
    pub id: String,
    /// The kept body text; evidence offsets refer to this text.
    pub body: String,
    /// Title: from metadata, else the first short line of the page.
    pub title: Option<String>,
    /// Publication date when known to the day.
    pub date: Option<Date>,
    /// Publication year when only the year is known (copyright line).
    pub year: Option<i32>,
    /// Where the date came from ("metadata", "text", "option").
    pub date_source: Option<&'static str>,
    /// Address of the article.
    pub url: Option<String>,
    /// Publisher or newsroom.
    pub source: Option<String>,
    /// Number of lines dropped as boilerplate.
    pub dropped_lines: usize,
    /// What cleaning lost that the user should know of (most of the text, or all).
    pub warnings: Vec<String>,
}

/// Minimum words for a line without a sentence end to count as prose.
const MIN_PROSE_WORDS: usize = 12;

/// A sentence with a furniture pattern is furniture only when shorter than
/// this: "Copyright 2020 Example Media. All rights reserved." is; a sentence
/// of the story that mentions copyright or cookies is longer.
const MAX_FURNITURE_WORDS: usize = 20;

/// Texts shorter than this (in characters) are not warned about for what
/// cleaning removed: a headline and one sentence lose half by nature.
const MIN_WARNED_LENGTH: usize = 400;

/// Cleans a raw article. `fallback_date` is used when neither metadata nor
/// text gives a date (the CLI's `--date`).
pub fn clean(
    raw: &RawArticle,
    boilerplate: &Boilerplate,
    lexicon: &TextLexicon,
    fallback_date: Option<Date>,
) -> CleanArticle {
    let lines = reflow(&raw.text);
    let mut body = String::new();
    let mut dropped = 0;
    let mut first_short_line = None;
    let mut header_date = None;
    let mut seen_prose = false;
    let mut prose_from: Option<Vec<usize>> = None;
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim().trim_start_matches(['•', '*', '·', '-']).trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        // Prose bytes from each line on, counted once, at the first tail heading.
        let mut tail_after = |n: usize, kept: usize| {
            prose_from.get_or_insert_with(|| prose_bytes_from(&lines))[n + 1] <= 2 * kept
        };
        if boilerplate.cuts(&lower) {
            if tail_after(n, body.len()) {
                dropped += lines.len() - n;
                break;
            }
            // A tail's heading inside the story ("More from the debate"): the line alone goes.
            dropped += 1;
            continue;
        }
        if !seen_prose && header_date.is_none() {
            header_date = find_absolute_date(trimmed);
        }
        let kept;
        let (line, cut) = if boilerplate.drops(&lower) {
            let (text, cut) = without_furniture(trimmed, boilerplate, lexicon);
            kept = text;
            (kept.as_str(), cut && tail_after(n, body.len() + kept.len()))
        } else {
            (trimmed, false)
        };
        if cut {
            dropped += lines.len() - n - 1;
        }
        if line.is_empty() {
            dropped += 1;
        } else if is_prose(line) {
            seen_prose = true;
            body.push_str(line);
            body.push_str("\n\n");
        } else {
            if first_short_line.is_none() && !seen_prose {
                first_short_line = Some(trimmed.to_string());
            }
            dropped += 1;
        }
        if cut {
            break;
        }
    }
    let meta_date = raw
        .date
        .as_deref()
        .and_then(|d| Date::parse_iso(d).or_else(|| find_absolute_date(d)));
    let (date, date_source) = match (meta_date, header_date, fallback_date) {
        (Some(d), _, _) => (Some(d), Some("metadata")),
        (None, Some(d), _) => (Some(d), Some("text")),
        (None, None, Some(d)) => (Some(d), Some("option")),
        _ => (None, None),
    };
    let year = match date {
        Some(d) => Some(d.year),
        None => copyright_year(&raw.text),
    };
    let body = body.trim_end().to_string();
    let warnings = loss_warnings(&lines, &body);
    CleanArticle {
        id: raw.id.clone(),
        body,
        title: raw.title.clone().or(first_short_line),
        date,
        year,
        date_source,
        url: raw.url.clone(),
        source: raw.source.clone(),
        dropped_lines: dropped,
        warnings,
    }
}

/// For each line, the bytes of prose from it to the end (one more entry, 0,
/// for the end). A tail's heading followed by more than twice the story kept
/// before it sits inside the story ("More from the debate"), and cutting there
/// would lose most of it; a real tail (comments, related links) follows a
/// story at least half as long as itself.
fn prose_bytes_from(lines: &[String]) -> Vec<usize> {
    let mut from = vec![0; lines.len() + 1];
    for (n, line) in lines.iter().enumerate().rev() {
        let trimmed = line.trim();
        from[n] = from[n + 1] + if is_prose(trimmed) { trimmed.len() } else { 0 };
    }
    from
}

/// A line that holds a furniture pattern, without its furniture: the
/// sentences that hold a pattern and are short. Empty when nothing is left;
/// true when a sentence starts the page's tail (the line ends before it).
fn without_furniture(
    line: &str,
    boilerplate: &Boilerplate,
    lexicon: &TextLexicon,
) -> (String, bool) {
    let mut kept = String::new();
    for sentence in split_sentences(line, lexicon) {
        let text = &line[sentence.start..sentence.end];
        let lower = text.to_lowercase();
        if boilerplate.cuts(&lower) {
            return (kept, true);
        }
        let furniture =
            text.split_whitespace().count() < MAX_FURNITURE_WORDS && boilerplate.drops(&lower);
        if !furniture {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(text);
        }
    }
    (kept, false)
}

/// Warnings for an article that cleaning emptied or cut to less than half.
fn loss_warnings(lines: &[String], body: &str) -> Vec<String> {
    let before: usize = lines.iter().map(|l| l.trim().chars().count()).sum();
    let after = body.chars().count();
    if body.is_empty() && before > 0 {
        vec![format!(
            "no sentence left after cleaning: none of its {before} characters read as prose (menus, headings, text in capitals) or all matched furniture patterns"
        )]
    } else if before >= MIN_WARNED_LENGTH && after * 2 < before {
        vec![format!(
            "cleaning kept {after} of {before} characters ({}%); the rest was taken for page furniture",
            after * 100 / before
        )]
    } else {
        Vec::new()
    }
}

/// Splits the page into candidate paragraphs. Blocks of consecutive lines
/// (between blank or indented lines) that read as hard-wrapped prose, as
/// newswires send them, are joined into one paragraph; other blocks (menus,
/// lists, one-paragraph-per-line pages) stay line by line.
fn reflow(text: &str) -> Vec<String> {
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        let indented = line.starts_with([' ', '\t']) && !line.trim().is_empty();
        if line.trim().is_empty() || indented {
            blocks.push(Vec::new());
        }
        if !line.trim().is_empty() {
            blocks.last_mut().expect("never empty").push(line.trim());
        }
    }
    let mut out = Vec::new();
    for block in blocks.into_iter().filter(|b| !b.is_empty()) {
        let joined = block.join(" ");
        let wrapped = block.len() >= 2
            && block.iter().map(|l| l.len()).sum::<usize>() / block.len() >= 35
            && block[..block.len() - 1]
                .iter()
                .all(|l| !l.ends_with(['.', '!', '?', ':']) || l.len() >= 40)
            && is_prose(&joined);
        if wrapped {
            out.push(joined);
        } else {
            out.extend(block.into_iter().map(str::to_string));
        }
    }
    out
}

/// A line is prose when it ends a sentence and has several words, or is long.
fn is_prose(line: &str) -> bool {
    // A headline capitalises most of its words; a sentence does not.
    let (mut words, mut lettered, mut capitalised) = (0, 0, 0);
    let mut count = |first: char| {
        words += 1;
        if first.is_alphabetic() {
            lettered += 1;
            capitalised += usize::from(first.is_uppercase());
        }
    };
    // Most lines are ASCII, whose whitespace is found a byte at a time.
    match line.is_ascii() {
        true => line
            .split_ascii_whitespace()
            .for_each(|w| count(char::from(w.as_bytes()[0]))),
        false => line
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .for_each(count),
    }
    if lettered >= 4 && capitalised * 10 >= lettered * 7 {
        return false;
    }
    let ends_sentence = line
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':']);
    (ends_sentence && words >= 6) || words >= MIN_PROSE_WORDS && line.contains(['.', ','])
}

/// The year of a "Copyright © YYYY" or "© YYYY" line: a last resort.
fn copyright_year(text: &str) -> Option<i32> {
    text.lines()
        .filter(|l| l.contains('©') || l.to_lowercase().contains("copyright"))
        .find_map(|l| {
            l.split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .find(|y| (1900..=2100).contains(y))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> RawArticle {
        RawArticle {
            id: "t".into(),
            text: text.into(),
            ..RawArticle::default()
        }
    }

    #[test]
    fn keeps_prose_and_drops_navigation() {
        let rules = crate::builtin_rules();
        let page = "Home | World | Business\nSubscribe now\n\nMinister Quits Over Port Deal\n\nLIMA, 14Mar19 -\n\nThe transport minister of Peru resigned on Tuesday after a row over a port contract, officials said.\n\nCopyright © 2019 Andes Wire. All rights reserved.\nLeave a Comment\nThis sentence about comments is not part of the article at all, really.";
        let clean = clean(&raw(page), &rules.boilerplate, &rules.text, None);
        assert!(clean
            .body
            .starts_with("The transport minister of Peru resigned"));
        assert!(!clean.body.contains("Copyright"));
        assert!(!clean.body.contains("comments"));
        assert_eq!(clean.date.unwrap().to_string(), "2019-03-14");
        assert_eq!(clean.title.as_deref(), Some("Home | World | Business"));
    }

    #[test]
    fn hard_wrapped_wire_copy_is_joined() {
        let rules = crate::builtin_rules();
        let wire = "Acme Holdings Inc said\nJohn Reed, vice president of sales, has resigned and\nwill be replaced by Mary Cole, effective April 1.\n    The company said the change was\nplanned for some time and gave no further details.\n Reuter";
        let clean = clean(&raw(wire), &rules.boilerplate, &rules.text, None);
        assert_eq!(
            clean.body,
            "Acme Holdings Inc said John Reed, vice president of sales, has resigned and will be replaced by Mary Cole, effective April 1.\n\nThe company said the change was planned for some time and gave no further details."
        );
    }

    #[test]
    fn headlines_are_not_body_text() {
        let rules = crate::builtin_rules();
        let page = "Minister Quits As Port Scandal Widens Across The Region And Beyond Today\n\nThe minister resigned on Friday after a week of pressure from the opposition, officials said.";
        let clean = clean(&raw(page), &rules.boilerplate, &rules.text, None);
        assert!(
            clean.body.starts_with("The minister resigned"),
            "{}",
            clean.body
        );
    }

    #[test]
    fn copyright_gives_only_a_year() {
        let rules = crate::builtin_rules();
        let page = "The board of the bank met on Monday and approved the merger plan, a spokesman said.\n© 2015 Example News";
        let clean = clean(&raw(page), &rules.boilerplate, &rules.text, None);
        assert_eq!(clean.date, None);
        assert_eq!(clean.year, Some(2015));
    }

    #[test]
    fn a_one_line_scrape_loses_only_its_furniture_sentences() {
        let rules = crate::builtin_rules();
        let page = "The harbour authority of Valdora fined three shipping lines on Monday for dumping ballast water in the bay, its director said. The fines total two million euros and the companies have thirty days to appeal the decision in court. Copyright 2021 Valdora Daily. All rights reserved. We use cookies to improve your experience.";
        let clean = clean(&raw(page), &rules.boilerplate, &rules.text, None);
        assert!(
            clean.body.starts_with("The harbour authority"),
            "{}",
            clean.body
        );
        assert!(
            clean.body.contains("thirty days to appeal"),
            "{}",
            clean.body
        );
        assert!(!clean.body.contains("Copyright"), "{}", clean.body);
        assert!(!clean.body.contains("cookies"), "{}", clean.body);
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
    }

    #[test]
    fn a_story_about_copyright_keeps_its_own_sentences() {
        let rules = crate::builtin_rules();
        let page = "A court in Lisbon ruled on Thursday that the copyright on the old fishermen's songs had expired, ending a ten-year dispute between two record labels.\n\nThe losing label said it would appeal.";
        let clean = clean(&raw(page), &rules.boilerplate, &rules.text, None);
        assert!(
            clean
                .body
                .contains("the copyright on the old fishermen's songs"),
            "{}",
            clean.body
        );
    }

    #[test]
    fn a_tail_heading_inside_the_story_does_not_cut_it() {
        let rules = crate::builtin_rules();
        let story = "The delegates of the two parties argued for three hours about the budget and the schools, and the vote was close.";
        let page = format!("{story}\n\nMore from the debate\n\n{story}\n\n{story}\n\n{story}\n\nRelated stories\n\nA short link to another page about other things entirely.");
        let clean = clean(&raw(&page), &rules.boilerplate, &rules.text, None);
        assert_eq!(
            clean.body.matches("The delegates").count(),
            4,
            "{}",
            clean.body
        );
        assert!(!clean.body.contains("More from"));
        assert!(
            !clean.body.contains("short link"),
            "a tail after the story is still cut"
        );
    }

    #[test]
    fn losing_most_or_all_of_the_text_is_a_warning() {
        let rules = crate::builtin_rules();
        let menu =
            "Home | World | Business | Sport | Culture | Opinion | Weather | Podcasts | Video\n"
                .repeat(8);
        let one = "The city council of Arbenz approved the new tram line on Tuesday after a long debate, officials said.";
        let mostly_menu = clean(
            &raw(&format!("{menu}\n{one}")),
            &rules.boilerplate,
            &rules.text,
            None,
        );
        assert_eq!(mostly_menu.warnings.len(), 1, "{:?}", mostly_menu.warnings);
        assert!(mostly_menu.warnings[0].starts_with("cleaning kept"));
        let nothing = clean(&raw(&menu), &rules.boilerplate, &rules.text, None);
        assert!(
            nothing.warnings[0].starts_with("no sentence left"),
            "{:?}",
            nothing.warnings
        );
        assert!(clean(&raw(one), &rules.boilerplate, &rules.text, None)
            .warnings
            .is_empty());
    }
}
