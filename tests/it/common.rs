//! Helpers shared by the integration tests: run the real binary, find `../shared`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `newsgraph` with `args` against the store in `store`.
pub fn newsgraph(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("the newsgraph binary runs")
}

/// Runs `newsgraph` and returns stdout, failing the test on a non-zero exit.
pub fn ok(store: &Path, args: &[&str]) -> String {
    let out = newsgraph(store, args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/<rel>` if present. Absent: skip with a message, except in CI
/// (`CI` set), where the shared inputs are always there and their absence fails.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = root().join("../shared").join(rel);
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing: CI must run the tests that read ../shared",
            path.display()
        );
    }
    eprintln!(
        "SKIPPED: {} not found (tests that read ../shared run where it exists)",
        path.display()
    );
    None
}

/// Parses CSV output (no quoted commas inside fields are expected except quoted ones).
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        rows.push(fields);
    }
    rows
}
