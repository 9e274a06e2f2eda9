//! End-to-end tests of the `newsgraph` binary on the example articles and on
//! inputs written here.

use crate::common::{csv_rows, newsgraph, ok, root};

fn examples() -> String {
    root().join("examples/articles").display().to_string()
}

#[test]
fn examples_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let summary = ok(&store, &["ingest", &examples()]);
    assert!(summary.contains("articles ingested         3"), "{summary}");
    let roles = ok(&store, &["query", "role_changes", "--format", "csv"]);
    let rows = csv_rows(&roles);
    assert_eq!(
        rows[0],
        [
            "person",
            "change",
            "role",
            "organization",
            "agent",
            "date",
            "article"
        ]
    );
    assert!(
        rows.iter().any(|r| r[0] == "Rui Tavares"
            && r[1] == "dismissed"
            && r[4] == "Helena Duarte"
            && r[5] == "2023-03-14"),
        "{roles}"
    );
    assert!(
        rows.iter()
            .any(|r| r[0] == "Daniel Okafor" && r[1] == "appointed"),
        "{roles}"
    );
    // Who left which company: the one the story is about, or the one that reports it.
    assert!(
        rows.iter().any(|r| r[0] == "Laura Brandt"
            && r[1] == "resigned"
            && r[3] == "Northfield Robotics Inc"),
        "{roles}"
    );
    assert!(
        rows.iter().any(|r| r[0] == "Susan Reilly"
            && r[1] == "resigned"
            && r[3] == "Keller Automation Corp"),
        "{roles}"
    );
    assert!(
        rows.iter()
            .any(|r| r[0] == "Thabo Nkosi" && r[1] == "arrested" && r[5] == "2024-06-06"),
        "{roles}"
    );
    assert!(
        !rows
            .iter()
            .any(|r| r[0] == "Helena Duarte" && r[1] == "resigned"),
        "a negated resignation is no fact: {roles}"
    );
}

#[test]
fn reingest_is_idempotent_and_remove_forgets() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(&store, &["ingest", &examples()]);
    let before = ok(&store, &["export", "--format", "nquads", "-o", "-"]);
    let again = ok(&store, &["ingest", &examples()]);
    assert!(again.contains("articles unchanged        3"), "{again}");
    assert_eq!(
        before,
        ok(&store, &["export", "--format", "nquads", "-o", "-"])
    );

    ok(&store, &["remove", "acme-ceo"]);
    let after = ok(&store, &["export", "--format", "nquads", "-o", "-"]);
    assert!(
        !after.contains("article/acme-ceo>"),
        "removed article still present"
    );
    assert!(after.contains("article/harbour-minister>"));
    assert_eq!(
        newsgraph(&store, &["remove", "acme-ceo"]).status.code(),
        Some(1)
    );
}

#[test]
fn changed_article_replaces_its_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let file = dir.path().join("story.txt");
    std::fs::write(&file, "Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday, officials said.\n").unwrap();
    ok(
        &store,
        &["ingest", file.to_str().unwrap(), "--date", "2021-05-10"],
    );
    std::fs::write(&file, "Prime Minister Ana Lima appointed Clara Mota as finance minister on Friday, officials said.\n").unwrap();
    let summary = ok(
        &store,
        &["ingest", file.to_str().unwrap(), "--date", "2021-05-10"],
    );
    assert!(summary.contains("1 replaced"), "{summary}");
    let relations = ok(&store, &["query", "relations", "--format", "csv"]);
    assert!(
        !relations.contains("dismissed"),
        "old facts must go: {relations}"
    );
    assert!(relations.contains("appointed"), "{relations}");
}

#[test]
fn bad_inputs_are_skipped_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.jsonl"), "{\"id\":\"g1\",\"text\":\"The Senate of Chile met on Monday and approved the budget, officials said.\"}\nnot json\n").unwrap();
    std::fs::write(input.join("empty.txt"), "  \n").unwrap();
    std::fs::write(input.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let out = newsgraph(&store, &["ingest", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "some inputs skipped → exit 3");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("good.jsonl:2: malformed JSON line"), "{text}");
    assert!(text.contains("empty or whitespace-only"), "{text}");
    assert!(text.contains("binary file (PNG image)"), "{text}");
    assert!(text.contains("articles ingested         1"), "{text}");
}

/// The summary's store totals: from the run's own figures on an empty store,
/// counted on one that held articles before; `stats` agrees with both.
#[test]
fn store_totals_after_a_first_and_a_later_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let totals = |summary: &str| {
        let line = summary
            .lines()
            .find(|l| l.contains("store now"))
            .unwrap_or_else(|| panic!("{summary}"))
            .to_string();
        let numbers: Vec<String> = line
            .split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect();
        (numbers[0].clone(), numbers[1].clone())
    };
    let stats = |store: &std::path::Path| {
        let text = ok(store, &["stats"]);
        let value = |key: &str| {
            text.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap()
                .to_string()
        };
        (value("articles"), value("quads"))
    };
    let first = ok(&store, &["ingest", &examples()]);
    assert_eq!(totals(&first).0, "3", "{first}");
    assert_eq!(totals(&first), stats(&store));
    let later = dir.path().join("later.txt");
    std::fs::write(
        &later,
        "The board of Corvel Mining named Ana Ruiz chief executive on Tuesday, the company said.",
    )
    .unwrap();
    let second = ok(&store, &["ingest", later.to_str().unwrap()]);
    assert_eq!(totals(&second).0, "4", "{second}");
    assert_eq!(totals(&second), stats(&store));
}

/// `newsgraph export -o - | head -1`: when the reader goes away the export
/// stops quietly (killed by SIGPIPE, as `cat` would be), with no error message.
#[test]
#[cfg(unix)]
fn a_closed_output_pipe_ends_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let feed = dir.path().join("feed.jsonl");
    let lines: Vec<String> = (0..400)
        .map(|n| {
            format!(
                "{{\"id\":\"a{n}\",\"text\":\"The board of Corvel Mining {n} named Ana Ruiz{n} chief executive on Tuesday, the company said in a statement to reporters.\"}}"
            )
        })
        .collect();
    std::fs::write(&feed, lines.join("\n")).unwrap();
    ok(&store, &["ingest", feed.to_str().unwrap()]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "--store",
            store.to_str().unwrap(),
            "export",
            "--format",
            "nquads",
            "-o",
            "-",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here, with most of the export unwritten.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(
        out.status.success() || out.status.signal() == Some(13),
        "{:?}",
        out.status
    );
}

#[test]
fn query_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(&store, &["ingest", &examples()]);
    let unknown = newsgraph(&store, &["query", "nonesuch"]);
    assert_eq!(unknown.status.code(), Some(1));
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("saved queries: ") && message.contains("role_changes"),
        "{message}"
    );
    let bad = newsgraph(
        &store,
        &["query", "--sparql", "SELECT * WHERE {\n  ?s ?p \n"],
    );
    assert_eq!(bad.status.code(), Some(1));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(
        message.contains("at 3:1"),
        "line and column named: {message}"
    );
    let listing = ok(&store, &["queries"]);
    for name in [
        "entities",
        "relations",
        "role_changes",
        "counts",
        "timeline",
        "positions",
        "members",
        "evidence",
    ] {
        assert!(listing.contains(name), "{name} listed");
    }
}

#[test]
fn explain_shows_facts_with_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(&store, &["ingest", &examples()]);
    let out = ok(&store, &["explain", "Tavares", "--format", "csv"]);
    assert!(
        out.contains("dismissed") && out.contains("harbour-minister"),
        "{out}"
    );
    assert!(
        out.contains("Prime Minister Helena Duarte dismissed"),
        "evidence sentence shown: {out}"
    );
    let stats = ok(&store, &["stats"]);
    assert!(stats.contains("articles  3"), "{stats}");
}

#[test]
fn articles_emptied_by_cleaning_are_named_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let menu = "Home | World | Business | Sport | Culture | Opinion | Weather | Video\n".repeat(6);
    for n in 0..12 {
        std::fs::write(articles.join(format!("menu-{n:02}.txt")), &menu).unwrap();
    }
    let story = "The port authority of Arbenz fined two shipping lines on Monday for dumping ballast water in the bay, its director said. Copyright 2021 Arbenz Daily. All rights reserved.";
    std::fs::write(articles.join("story.txt"), story).unwrap();
    let summary = ok(
        &dir.path().join("store"),
        &["ingest", &articles.display().to_string()],
    );
    assert!(
        summary.contains("warning: menu-00: no sentence left after cleaning"),
        "{summary}"
    );
    assert!(summary.contains("... and 2 more warnings"), "{summary}");
    assert!(!summary.contains("warning: story"), "{summary}");
}
