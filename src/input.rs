//! Reading articles: files and folders (recursively), JSON Lines and standard
//! input, decoded to text. Anything unusable becomes a [`Skipped`] record with
//! the reason, so one bad file never stops a run.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

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
        if line.trim().is_empty() {
            continue;
        }
        let line_origin = format!("{origin}:{}", n + 1);
        match serde_json::from_str::<JsonArticle>(line) {
            Ok(a) => {
                let id = match a.id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                if id.trim().is_empty() || a.text.trim().is_empty() {
                    items.push(skip(line_origin, "empty id or text".into()));
                    continue;
                }
                if a.text.len() > max_article_bytes() {
                    items.push(skip(line_origin, too_large(max_article_bytes())));
                    continue;
                }
                let mut warnings = Vec::new();
                let (text, html_title) = match vet(a.text, &mut warnings) {
                    Ok(vetted) => vetted,
                    Err(reason) => {
                        items.push(skip(line_origin, reason));
                        continue;
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
                items.push(Item::Article(RawArticle {
                    id,
                    text,
                    title: a.title.or(html_title),
                    date: a.date,
                    url: a.url,
                    source: a.source,
                    origin: line_origin,
                    warnings,
                }));
            }
            Err(e) => items.push(skip(line_origin, format!("malformed JSON line: {e}"))),
        }
    }
    items
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
    let text = text
        .replace('\0', "")
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    Ok((text, warnings))
}

fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push("invalid UTF-8 replaced by U+FFFD".into());
            String::from_utf8_lossy(bytes).into_owned()
        }
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
        assert_eq!(text, "caf\u{FFFD} ok");
        assert_eq!(warnings.len(), 1);
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
