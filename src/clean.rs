//! Cleaning: from raw page text to the article body plus metadata.
//!
//! Boilerplate is removed line by line with the patterns of
//! `rules/boilerplate.tsv`, and by shape: a body line is prose (enough words
//! and a sentence end). The publication date comes from metadata, then from
//! the text's own datelines, then (year only) from a copyright line.

use crate::dates::{find_absolute_date, Date};
use crate::input::RawArticle;
use crate::rules::Rules;

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
}

/// Minimum words for a line without a sentence end to count as prose.
const MIN_PROSE_WORDS: usize = 12;

/// Cleans a raw article. `fallback_date` is used when neither metadata nor
/// text gives a date (the CLI's `--date`).
pub fn clean(raw: &RawArticle, rules: &Rules, fallback_date: Option<Date>) -> CleanArticle {
    let lines = reflow(&raw.text);
    let mut body = String::new();
    let mut dropped = 0;
    let mut first_short_line = None;
    let mut header_date = None;
    let mut seen_prose = false;
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim().trim_start_matches(['•', '*', '·', '-']).trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        if rules.boilerplate.cuts(&lower) {
            dropped += lines.len() - n;
            break;
        }
        if !seen_prose && header_date.is_none() {
            header_date = find_absolute_date(trimmed);
        }
        if rules.boilerplate.drops(&lower) {
            dropped += 1;
            continue;
        }
        if is_prose(trimmed) {
            seen_prose = true;
            body.push_str(trimmed);
            body.push_str("\n\n");
        } else {
            if first_short_line.is_none() && !seen_prose {
                first_short_line = Some(trimmed.to_string());
            }
            dropped += 1;
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
    CleanArticle {
        id: raw.id.clone(),
        body: body.trim_end().to_string(),
        title: raw.title.clone().or(first_short_line),
        date,
        year,
        date_source,
        url: raw.url.clone(),
        source: raw.source.clone(),
        dropped_lines: dropped,
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
        let rules = Rules::builtin();
        let page = "Home | World | Business\nSubscribe now\n\nMinister Quits Over Port Deal\n\nLIMA, 14Mar19 -\n\nThe transport minister of Peru resigned on Tuesday after a row over a port contract, officials said.\n\nCopyright © 2019 Andes Wire. All rights reserved.\nLeave a Comment\nThis sentence about comments is not part of the article at all, really.";
        let clean = clean(&raw(page), &rules, None);
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
        let rules = Rules::builtin();
        let wire = "Acme Holdings Inc said\nJohn Reed, vice president of sales, has resigned and\nwill be replaced by Mary Cole, effective April 1.\n    The company said the change was\nplanned for some time and gave no further details.\n Reuter";
        let clean = clean(&raw(wire), &rules, None);
        assert_eq!(
            clean.body,
            "Acme Holdings Inc said John Reed, vice president of sales, has resigned and will be replaced by Mary Cole, effective April 1.\n\nThe company said the change was planned for some time and gave no further details."
        );
    }

    #[test]
    fn headlines_are_not_body_text() {
        let rules = Rules::builtin();
        let page = "Minister Quits As Port Scandal Widens Across The Region And Beyond Today\n\nThe minister resigned on Friday after a week of pressure from the opposition, officials said.";
        let clean = clean(&raw(page), &rules, None);
        assert!(
            clean.body.starts_with("The minister resigned"),
            "{}",
            clean.body
        );
    }

    #[test]
    fn copyright_gives_only_a_year() {
        let rules = Rules::builtin();
        let page = "The board of the bank met on Monday and approved the merger plan, a spokesman said.\n© 2015 Example News";
        let clean = clean(&raw(page), &rules, None);
        assert_eq!(clean.date, None);
        assert_eq!(clean.year, Some(2015));
    }
}
