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
/// recursively (symlink loops are detected), only `.txt` and `.jsonl` files are
/// taken from folders, while a file named explicitly is always taken.
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

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    seen: &mut HashSet<PathBuf>,
) {
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            skipped.push(Skipped {
                origin: dir.display().to_string(),
                reason: e.to_string(),
            });
            return;
        }
    };
    if !seen.insert(canonical) {
        skipped.push(Skipped {
            origin: dir.display().to_string(),
            reason: "folder already visited (symlink loop)".into(),
        });
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            skipped.push(Skipped {
                origin: dir.display().to_string(),
                reason: e.to_string(),
            });
            return;
        }
    };
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            walk(&entry, files, skipped, seen);
        } else if matches!(
            entry.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl")
        ) {
            files.push(entry);
        }
    }
}

/// Reads one input (a file path or `-` for standard input) into articles.
/// `.jsonl` files give one article per line; anything else is one article.
pub fn read_input(path: &Path) -> Vec<Item> {
    let origin = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => buf,
            Err(e) => return vec![skip(origin, format!("cannot read standard input: {e}"))],
        }
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return vec![skip(origin, format!("cannot read: {e}"))],
        }
    };
    let is_jsonl = path.extension().and_then(|e| e.to_str()) == Some("jsonl");
    let (text, warnings) = match decode(&bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return vec![skip(origin, reason)],
    };
    if is_jsonl {
        return parse_jsonl(&origin, &text);
    }
    if text.trim().is_empty() {
        return vec![skip(origin, "empty or whitespace-only file".into())];
    }
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("stdin")
        .to_string();
    vec![Item::Article(RawArticle {
        id,
        text,
        origin,
        warnings,
        ..RawArticle::default()
    })]
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
                items.push(Item::Article(RawArticle {
                    id,
                    text: a.text,
                    title: a.title,
                    date: a.date,
                    url: a.url,
                    source: a.source,
                    origin: line_origin,
                    warnings: Vec::new(),
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
