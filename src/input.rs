//! Reading articles: files and folders (recursively), JSON Lines and standard
//! input, decoded to text. Anything unusable becomes a [`Skipped`] record with
//! the reason, so one bad file never stops a run.

use crate::error::{Error, Result};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// One article as read from its source, before cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawArticle {
    /// Article id: the file stem, or the JSON Lines `id`.
    pub id: String,
    /// Full text, decoded.
    pub text: String,
    /// Title from metadata, if any.
    pub title: Option<String>,
    /// Publication date from metadata, as written.
    pub date: Option<String>,
    /// Address of the article, if known.
    pub url: Option<String>,
    /// Publisher or newsroom, if known.
    pub source: Option<String>,
    /// Where it was read from (path, `path:line`, or `-`).
    pub origin: String,
    /// Non-fatal problems met while reading (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

/// An input that was not turned into an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Path or `path:line`.
    pub origin: String,
    /// One-line reason.
    pub reason: String,
}

/// What reading an input produced.
#[derive(Debug)]
pub enum Item {
    /// A decoded article.
    Article(RawArticle),
    /// An input that was skipped.
    Skipped(Skipped),
}

/// One line of a JSON Lines input.
#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Lists the article files under `paths` in a stable order: folders are walked
/// recursively (symlink loops are detected), only regular `.txt` and `.jsonl`
/// files are taken from folders (a FIFO, socket or device named `*.txt` is
/// skipped: reading it could block forever), while a file named explicitly is
/// always taken (so `-`, `/dev/stdin` and `<(command)` work).
pub fn collect_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Skipped>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            walk(path, &mut files, &mut skipped, &mut seen_dirs);
        } else {
            files.push(path.clone());
        }
    }
    Ok((files, skipped))
}

/// Walks a folder tree depth first in sorted order, with an explicit stack
/// (no recursion, so any depth works).
fn walk(
    root: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    seen: &mut HashSet<PathBuf>,
) {
    // Paths still to visit, the next one last.
    let mut stack = vec![root.to_path_buf()];
    while let Some(path) = stack.pop() {
        let wanted = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl")
        );
        // Follows symlinks; a dangling one named *.txt is a file that cannot be read.
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                if wanted {
                    skipped.push(skip_record(&path, format!("cannot read: {e}")));
                }
                continue;
            }
        };
        if !meta.is_dir() {
            if wanted && meta.is_file() {
                files.push(path);
            } else if wanted {
                skipped.push(skip_record(
                    &path,
                    "not a regular file (FIFO, socket or device)".into(),
                ));
            }
            continue;
        }
        let canonical = match std::fs::canonicalize(&path) {
            Ok(c) => c,
            Err(e) => {
                skipped.push(skip_record(&path, format!("cannot read folder: {e}")));
                continue;
            }
        };
        if !seen.insert(canonical) {
            skipped.push(skip_record(
                &path,
                "folder already visited (symlink loop)".into(),
            ));
            continue;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                skipped.push(skip_record(&path, format!("cannot read folder: {e}")));
                continue;
            }
        };
        entries.sort();
        stack.extend(entries.into_iter().rev());
    }
}

fn skip_record(path: &Path, reason: String) -> Skipped {
    Skipped {
        origin: path.display().to_string(),
        reason,
    }
}

/// Reads one input (a file path or `-` for standard input) into articles.
/// `.jsonl` files give one article per line; anything else is one article.
pub fn read_input(path: &Path) -> Vec<Item> {
    let origin = path.display().to_string();
    let is_jsonl = path.extension().and_then(|e| e.to_str()) == Some("jsonl");
    let limit = max_article_bytes();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => buf,
            Err(e) => return vec![skip(origin, format!("cannot read standard input: {e}"))],
        }
    } else {
        // Only so much of one article is read: a 100 MB "article" is skipped without
        // being loaded. A JSON Lines file holds many articles; its lines are checked one by one.
        let read = std::fs::File::open(path).and_then(|file| {
            let mut buf = Vec::new();
            match is_jsonl {
                true => (&file).read_to_end(&mut buf)?,
                false => file.take(limit as u64 + 1).read_to_end(&mut buf)?,
            };
            Ok(buf)
        });
        match read {
            Ok(b) => b,
            Err(e) => return vec![skip(origin, format!("cannot read: {e}"))],
        }
    };
    if !is_jsonl && bytes.len() > limit {
        return vec![skip(origin, too_large(limit))];
    }
    let (text, mut warnings) = match decode(&bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return vec![skip(origin, reason)],
    };
    if is_jsonl {
        return parse_jsonl(&origin, &text);
    }
    let (text, title) = match vet(text, &mut warnings) {
        Ok(vetted) => vetted,
        Err(reason) => return vec![skip(origin, reason)],
    };
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("stdin")
        .to_string();
    vec![Item::Article(RawArticle {
        id,
        text,
        title,
        origin,
        warnings,
        ..RawArticle::default()
    })]
}

/// Largest article read, in bytes: 16 MB, or `NEWSGRAPH_MAX_ARTICLE_MB` (megabytes,
/// may be fractional). Longer inputs are skipped with a reason: no news article
/// is that long, and the analysis of one article is held in memory whole.
pub fn max_article_bytes() -> usize {
    std::env::var("NEWSGRAPH_MAX_ARTICLE_MB")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|mb| *mb > 0.0)
        .map(|mb| (mb * 1e6) as usize)
        .unwrap_or(16_000_000)
}

fn too_large(limit: usize) -> String {
    format!(
        "article larger than {:.1} MB (set NEWSGRAPH_MAX_ARTICLE_MB to raise the limit, or split it)",
        limit as f64 / 1e6
    )
}

/// Checks decoded text before it becomes an article: HTML markup is removed
/// (with a warning; its `<title>` is returned), empty and non-English texts
/// are refused with a reason.
fn vet(
    text: String,
    warnings: &mut Vec<String>,
) -> std::result::Result<(String, Option<String>), String> {
    let (text, title) = if looks_like_html(&text) {
        let (stripped, title) = strip_html(&text);
        warnings.push("HTML markup removed (the file is a web page)".into());
        (stripped, title)
    } else {
        (text, None)
    };
    if text.trim().is_empty() {
        return Err("empty or whitespace-only file".into());
    }
    if let Some(reason) = not_english(&text) {
        return Err(reason);
    }
    Ok((text, title))
}

fn skip(origin: String, reason: String) -> Item {
    Item::Skipped(Skipped { origin, reason })
}

fn parse_jsonl(origin: &str, text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for (n, line) in text.lines().enumerate() {
        items.extend(parse_jsonl_line(origin, n + 1, line));
    }
    items
}

/// Reads one input like [`read_input`], but a JSON Lines file is read line by
/// line as the iterator is consumed, so a corpus of any size takes bounded memory.
/// Files that need whole-file decoding (UTF-16, binary signatures) and stdin
/// are read whole, as by `read_input`.
pub fn read_input_stream(path: &Path) -> Box<dyn Iterator<Item = Item>> {
    let is_jsonl = path.extension().and_then(|e| e.to_str()) == Some("jsonl");
    if !is_jsonl || path.as_os_str() == "-" {
        return Box::new(read_input(path).into_iter());
    }
    let origin = path.display().to_string();
    let mut reader = match std::fs::File::open(path) {
        Ok(file) => std::io::BufReader::with_capacity(1 << 20, file),
        Err(e) => return Box::new(std::iter::once(skip(origin, format!("cannot read: {e}")))),
    };
    let head = match std::io::BufRead::fill_buf(&mut reader) {
        Ok(head) => head,
        Err(e) => return Box::new(std::iter::once(skip(origin, format!("cannot read: {e}")))),
    };
    // UTF-16 or a binary signature: decode the whole file as read_input does.
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || decode(head).is_err() {
        return Box::new(read_input(path).into_iter());
    }
    let mut number = 0;
    let mut buf = Vec::new();
    let mut queued = std::collections::VecDeque::new();
    Box::new(std::iter::from_fn(move || loop {
        if let Some(item) = queued.pop_front() {
            return Some(item);
        }
        buf.clear();
        match std::io::BufRead::read_until(&mut reader, b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                number += 1;
                let reason = format!("cannot read: {e}");
                return Some(skip(format!("{origin}:{number}"), reason));
            }
        }
        number += 1;
        let bytes = match number {
            1 => buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf),
            _ => &buf[..],
        };
        let text = match decode(bytes) {
            Ok((text, _)) => text,
            Err(reason) => return Some(skip(format!("{origin}:{number}"), reason)),
        };
        // decode turns a lone \r into \n, so one line may hold several records.
        queued.extend(
            text.split('\n')
                .filter_map(|line| parse_jsonl_line(&origin, number, line)),
        );
    }))
}

/// One JSON Lines record (`n` is its 1-based line number); None for a blank line.
fn parse_jsonl_line(origin: &str, n: usize, line: &str) -> Option<Item> {
    {
        if line.trim().is_empty() {
            return None;
        }
        let line_origin = format!("{origin}:{n}");
        match serde_json::from_str::<JsonArticle>(line) {
            Ok(a) => {
                let id = match a.id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                if id.trim().is_empty() || a.text.trim().is_empty() {
                    return Some(skip(line_origin, "empty id or text".into()));
                }
                if a.text.len() > max_article_bytes() {
                    return Some(skip(line_origin, too_large(max_article_bytes())));
                }
                let mut warnings = Vec::new();
                let (text, html_title) = match vet(a.text, &mut warnings) {
                    Ok(vetted) => vetted,
                    Err(reason) => {
                        return Some(skip(line_origin, reason));
                    }
                };
                if let Some(date) = a.date.as_deref().filter(|d| !d.trim().is_empty()) {
                    let understood = crate::dates::Date::parse_iso(date)
                        .or_else(|| crate::dates::find_absolute_date(date))
                        .is_some();
                    if !understood {
                        warnings.push(format!(
                            "date {date:?} not understood: the date comes from the text or --date"
                        ));
                    }
                }
                Some(Item::Article(RawArticle {
                    id,
                    text,
                    title: a.title.or(html_title),
                    date: a.date,
                    url: a.url,
                    source: a.source,
                    origin: line_origin,
                    warnings,
                }))
            }
            Err(e) => Some(skip(line_origin, format!("malformed JSON line: {e}"))),
        }
    }
}

/// A web page saved as text: it starts with markup or a doctype, or it is full of
/// paragraph and line-break tags.
pub fn looks_like_html(text: &str) -> bool {
    let trimmed = text.trim_start();
    let head_end = trimmed
        .char_indices()
        .nth(2048)
        .map_or(trimmed.len(), |(i, _)| i);
    // Plain text, the common case: no tag opens in the head.
    if !trimmed.as_bytes()[..head_end].contains(&b'<') {
        return false;
    }
    let head = trimmed[..head_end].to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if !head.starts_with('<') && !head.contains("<body") && !head.contains("<p>") {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    ["</p>", "<br", "</div>", "<body", "</a>", "<head"]
        .iter()
        .map(|tag| lower.matches(tag).count())
        .sum::<usize>()
        >= 2
}

/// Text of a web page in one linear pass: tags out (block tags become paragraph
/// breaks), `<script>`, `<style>` and comments out with their content, character
/// references decoded. Returns the text and the page's `<title>`.
pub fn strip_html(html: &str) -> (String, Option<String>) {
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    // The text since the last tag, its whitespace made spaces; its character
    // references are decoded when a tag or the end closes it.
    let mut run = String::new();
    let mut title = None;
    let mut i = 0;
    // Once no '>' is left, every further '<' is text (no rescans: linear time).
    let mut no_more_tags = false;
    while i < html.len() {
        let rest = &html[i..];
        let c = rest.chars().next().expect("i < len");
        if c != '<' || no_more_tags {
            run.push(if c.is_whitespace() { ' ' } else { c });
            i += c.len_utf8();
            continue;
        }
        out.push_str(&htmlize::unescape(std::mem::take(&mut run)));
        if lower[i..].starts_with("<!--") {
            i = lower[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        let Some(close) = lower[i..].find('>') else {
            no_more_tags = true;
            continue;
        };
        let tag = &lower[i + 1..i + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        i += close + 1;
        let closing = tag.starts_with('/');
        if !closing
            && matches!(
                name.as_str(),
                "script" | "style" | "noscript" | "template" | "title"
            )
        {
            let end_tag = format!("</{name}");
            let end = lower[i..].find(&end_tag).map_or(html.len(), |e| i + e);
            if name == "title" {
                let text = html[i..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                title =
                    title.or(Some(htmlize::unescape(text).into_owned()).filter(|t| !t.is_empty()));
            }
            i = lower[end..].find('>').map_or(html.len(), |e| end + e + 1);
            continue;
        }
        let block = matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "li"
                | "ul"
                | "ol"
                | "tr"
                | "table"
                | "article"
                | "section"
                | "header"
                | "footer"
                | "nav"
                | "aside"
                | "main"
                | "blockquote"
                | "figure"
                | "figcaption"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "hr"
                | "body"
                | "head"
                | "html"
                | "form"
                | "pre"
        );
        if block {
            out.push('\n');
        }
    }
    out.push_str(&htmlize::unescape(run));
    // One paragraph per line, blank lines between, whitespace runs collapsed.
    let mut text = String::with_capacity(out.len());
    for line in out.split('\n') {
        let words: Vec<&str> = line.split_whitespace().collect();
        if !words.is_empty() {
            text.push_str(&words.join(" "));
            text.push_str("\n\n");
        }
    }
    (text, title)
}

/// Function words by language: common in running text of that language, rare in English.
const FUNCTION_WORDS: [(&str, &[&str]); 7] = [
    (
        "English",
        &[
            "the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "said",
            "by", "as", "at", "from", "it", "he", "his", "has", "have", "are", "were", "an",
            "will", "not", "its", "this", "be", "but", "which", "had", "they", "after",
        ],
    ),
    (
        "French",
        &[
            "le", "les", "des", "du", "et", "est", "une", "dans", "pour", "pas", "qui", "que",
            "sur", "au", "aux", "avec", "ce", "sont", "par", "il", "elle", "été", "ont", "un",
        ],
    ),
    (
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "den", "dem", "von",
            "zu", "sich", "auf", "für", "auch", "im", "wird", "wurde", "sie", "es",
        ],
    ),
    (
        "Spanish",
        &[
            "el", "los", "las", "y", "en", "del", "que", "por", "con", "para", "una", "es", "se",
            "al", "su", "lo", "como", "más", "fue", "un",
        ],
    ),
    (
        "Italian",
        &[
            "il", "di", "che", "per", "una", "con", "non", "sono", "del", "della", "gli", "è",
            "nel", "alla", "da", "un",
        ],
    ),
    (
        "Portuguese",
        &[
            "o", "os", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "por",
            "é", "foi", "na",
        ],
    ),
    (
        "Dutch",
        &[
            "het", "een", "en", "van", "dat", "op", "te", "niet", "zijn", "met", "voor", "ook",
            "werd", "hij", "wordt", "naar",
        ],
    ),
];

/// Function word → the languages (indexes into `FUNCTION_WORDS`) it belongs
/// to, and the longest function word in bytes: one hash lookup per word.
static FUNCTION_WORD_INDEX: LazyLock<(FxHashMap<&str, Vec<usize>>, usize)> = LazyLock::new(|| {
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
        for word in *list {
            index.entry(word).or_default().push(k);
        }
    }
    let longest = index.keys().map(|w| w.len()).max().unwrap_or(0);
    (index, longest)
});

/// Why a text is not English, if it is not: mostly written in a non-Latin script,
/// or its function words are clearly another language's (a stopword-ratio
/// heuristic). Short texts and texts with few function words of any language
/// (tables, figures) are given the benefit of the doubt.
pub fn not_english(text: &str) -> Option<String> {
    // ASCII text is all Latin script: only the function words can tell.
    if !text.is_ascii() {
        if let Some(reason) = foreign_script(text) {
            return Some(reason);
        }
    }
    function_words_language(text)
}

/// Why a text is not English by its script: most letters outside Latin.
fn foreign_script(text: &str) -> Option<String> {
    let mut letters = 0usize;
    let mut scripts: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        let script = match c as u32 {
            0..=0x024F | 0x1E00..=0x1EFF => continue,
            0x0370..=0x03FF => "Greek",
            0x0400..=0x052F => "Cyrillic",
            0x0590..=0x05FF => "Hebrew",
            0x0600..=0x06FF | 0x0750..=0x077F => "Arabic",
            0x0900..=0x097F => "Devanagari",
            0x0E00..=0x0E7F => "Thai",
            0x3040..=0x30FF => "Japanese",
            0xAC00..=0xD7AF | 0x1100..=0x11FF => "Korean",
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => "Chinese",
            _ => "non-Latin",
        };
        *scripts.entry(script).or_default() += 1;
    }
    let foreign: usize = scripts.values().sum();
    if letters >= 40 && foreign * 2 > letters {
        let (script, _) = scripts
            .iter()
            .max_by_key(|(_, n)| **n)
            .expect("foreign > 0");
        return Some(format!(
            "not English: {}% of the letters are {script} script (newsgraph's rules are for English)",
            foreign * 100 / letters
        ));
    }
    None
}

/// Why a text is not English by its function words: clearly another language's.
fn function_words_language(text: &str) -> Option<String> {
    let mut counts = [0usize; FUNCTION_WORDS.len()];
    let mut words = 0usize;
    let mut lower = String::new();
    let (languages_of, longest) = &*FUNCTION_WORD_INDEX;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() > *longest {
            continue;
        }
        let word = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        for &k in languages_of.get(word).into_iter().flatten() {
            counts[k] += 1;
        }
    }
    let english = counts[0];
    let (best, &most) = counts[1..].iter().enumerate().max_by_key(|(_, n)| **n)?;
    // English words that are also another language's ("no", "do") are left out of
    // its list, and it takes several of them: tables ("no quote") stay English.
    if words >= 30 && most >= 6 && most * 10 >= words && most > 3 * english {
        return Some(format!(
            "not English: looks like {} ({most} of {words} words are {0} function words, {english} English ones; newsgraph's rules are for English)",
            FUNCTION_WORDS[best + 1].0
        ));
    }
    None
}

/// Decodes bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
/// lossy UTF-8 with a warning. Binary content (NUL bytes outside UTF-16,
/// known binary signatures) is refused with a reason. Line ends become `\n`.
pub fn decode(bytes: &[u8]) -> std::result::Result<(String, Vec<String>), String> {
    let mut warnings = Vec::new();
    const SIGNATURES: [(&[u8], &str); 5] = [
        (b"\x89PNG", "PNG image"),
        (b"\x1f\x8b", "gzip archive"),
        (b"\x7fELF", "ELF executable"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "zip archive"),
    ];
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(format!("binary file ({what})"));
        }
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        if bytes.contains(&0) {
            let nuls = bytes.iter().filter(|b| **b == 0).count();
            if nuls * 100 > bytes.len() {
                return Err("binary file (NUL bytes)".into());
            }
            warnings.push(format!("{nuls} NUL byte(s) removed"));
        }
        utf8_lossy(bytes, &mut warnings)
    };
    // Each replacement copies the whole text: only made where needed.
    let text = match text.contains(['\0', '\r']) {
        true => text
            .replace('\0', "")
            .replace("\r\n", "\n")
            .replace('\r', "\n"),
        false => text,
    };
    // Binary data without a known signature: many control characters or invalid bytes.
    let odd_char =
        |c: char| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}'));
    let (chars, odd) = match text.is_ascii() {
        true => (
            text.len(),
            text.bytes().filter(|b| odd_char(char::from(*b))).count(),
        ),
        false => (
            text.chars().count(),
            text.chars().filter(|c| odd_char(*c)).count(),
        ),
    };
    if chars >= 16 && odd * 10 > chars {
        return Err(format!(
            "binary file ({}% control characters or invalid bytes)",
            odd * 100 / chars
        ));
    }
    Ok((text, warnings))
}

/// UTF-8, or for invalid UTF-8 (with a warning): Windows-1252 when the text has
/// no valid non-ASCII UTF-8 at all (an old 8-bit file: "caf\xe9" is "café"),
/// else UTF-8 with each invalid sequence replaced by U+FFFD (a damaged file).
fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut invalid = 0;
    let mut utf8_non_ascii = false;
    for chunk in bytes.utf8_chunks() {
        invalid += chunk.invalid().len();
        utf8_non_ascii |= !chunk.valid().is_ascii();
    }
    if utf8_non_ascii {
        warnings.push(format!(
            "invalid UTF-8: {invalid} byte(s) replaced by U+FFFD"
        ));
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        warnings.push("not UTF-8: decoded as Windows-1252 (Latin-1)".into());
        bytes.iter().map(|&b| windows_1252(b)).collect()
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| read([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_line_ends() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap().0, "a\nb\nc");
        let utf16le: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&utf16le).unwrap().0, "hi");
        let (text, warnings) = decode(b"caf\xe9 ok").unwrap();
        assert_eq!(text, "café ok");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn html_character_references_are_decoded() {
        let page = "<html><head><title>Jos&eacute; &amp; Co</title></head><body>\
            <p>Jos&eacute;, Jos&#233; and Jos&#xE9; met at O&#39;Hara &amp; Sons; \
            AT&T &nosuchname; &#0; 5&lt;6</p></body></html>";
        let (text, title) = strip_html(page);
        assert_eq!(title.as_deref(), Some("José & Co"));
        assert_eq!(
            text,
            "José, José and José met at O'Hara & Sons; AT&T &nosuchname; \u{FFFD} 5<6\n\n"
        );
    }

    #[test]
    fn refuses_binary() {
        assert!(decode(b"\x89PNG\r\n\x1a\n....")
            .unwrap_err()
            .contains("PNG"));
        assert!(decode(&[0u8; 64]).unwrap_err().contains("NUL"));
    }

    #[test]
    fn jsonl_keeps_good_lines_and_names_bad_ones() {
        let items = parse_jsonl(
            "f.jsonl",
            "{\"id\":\"a\",\"text\":\"Hello.\"}\n{oops\n{\"id\":7,\"text\":\"Bye.\"}\n",
        );
        assert_eq!(items.len(), 3);
        assert!(matches!(&items[1], Item::Skipped(s) if s.origin == "f.jsonl:2"));
        assert!(matches!(&items[2], Item::Article(a) if a.id == "7"));
    }
}
