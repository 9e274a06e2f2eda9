//! Robustness (issue 6): bad input, hostile text, faults and concurrency.
//! Every input here is generated in a temporary folder; the whole file runs in
//! well under a minute. Tests that need `mount` (disk full, read-only store)
//! fall back to other fault sources where mounting is not allowed.

use crate::common::{newsgraph, ok};

use newsgraph::input::{collect_files, decode, not_english, read_input, Item, RawArticle};
use newsgraph::pipeline::{ingest, Pipeline};
use newsgraph::rules::Rules;
use newsgraph::store::GraphStore;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------- helpers

/// One pipeline for the library tests (loading the rules is the slow part).
fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(Rules::builtin(), None))
}

fn article(text: String) -> RawArticle {
    RawArticle {
        id: "hostile".into(),
        text,
        origin: "test".into(),
        ..RawArticle::default()
    }
}

/// An English news sentence; `i` makes each one different.
fn sentence(i: usize) -> String {
    format!(
        "Prime Minister Ana Lima dismissed Finance Minister Paulo Reis{i} on Friday in Almaty, officials said. Police said {i} people were arrested after the protest.\n"
    )
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn spawn(store: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("--store")
        .arg(store)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsgraph binary starts")
}

/// A JSON Lines file of `n` small distinct articles.
fn many_articles(path: &Path, n: usize) {
    let mut text = String::new();
    for i in 0..n {
        let line = serde_json::json!({"id": format!("a{i:05}"), "text": sentence(i)});
        text.push_str(&line.to_string());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

/// Whether the store holds an article yet, read with a read-only open (works during an ingest).
fn has_articles(store: &Path) -> bool {
    let out = newsgraph(
        store,
        &[
            "query",
            "--format",
            "csv",
            "--sparql",
            "SELECT ?a WHERE { ?a ng:contentHash ?h } LIMIT 1",
        ],
    );
    stdout(&out).lines().count() > 1
}

fn stored_articles(store: &Path) -> Option<usize> {
    Some(graphs(store).len())
}

/// Per article graph: its number of quads, whether it has its content hash, its facts.
fn graphs(store: &Path) -> BTreeMap<String, (usize, bool, usize)> {
    let csv = ok(
        store,
        &["query", "--format", "csv", "--sparql",
          "SELECT ?g (COUNT(*) AS ?n) (MAX(?hash) AS ?h) (SUM(?fact) AS ?f) WHERE { GRAPH ?g { ?s ?p ?o \
           BIND(IF(?p = ng:contentHash, 1, 0) AS ?hash) BIND(IF(?p = ng:relation, 1, 0) AS ?fact) } } GROUP BY ?g"],
    );
    csv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[0].to_string(),
                (f[1].parse().unwrap(), f[2] == "1", f[3].parse().unwrap()),
            )
        })
        .collect()
}

/// Every article graph is whole: it has its content hash and its facts, and as
/// many quads as the complete run writes for it.
fn assert_whole_articles(
    partial: &BTreeMap<String, (usize, bool, usize)>,
    complete: &BTreeMap<String, (usize, bool, usize)>,
) {
    for (graph, counts) in partial {
        assert!(counts.1, "{graph} has no content hash");
        assert!(counts.2 > 0, "{graph} has no facts");
        assert_eq!(
            Some(counts),
            complete.get(graph),
            "{graph} differs from the complete run's"
        );
    }
}

/// Waits until the running ingest has stored at least one article; false if it ended first.
fn wait_for_first_articles(child: &mut Child, store: &Path) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if has_articles(store) {
            return child.try_wait().unwrap().is_none();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the ingest stored nothing in 60 s");
}

/// A small tmpfs mounted on a new folder, unmounted on drop; None where mounting
/// is not allowed (not root, or a container without CAP_SYS_ADMIN).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Tmpfs(dir.to_path_buf()))
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(status.success(), "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// `newsgraph` under a shell limit on file size (`ulimit -f`, in 512-byte blocks):
/// writes past it fail with EFBIG, as on a full disk. Works for root too.
fn newsgraph_with_file_limit(blocks: u64, store: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .unwrap()
}

fn items(path: &Path) -> (Vec<RawArticle>, Vec<String>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for item in read_input(path) {
        match item {
            Item::Article(a) => articles.push(a),
            Item::Skipped(s) => skipped.push(format!("{}: {}", s.origin, s.reason)),
        }
    }
    (articles, skipped)
}

// ---------------------------------------------------------------- bad input

#[test]
fn encodings_line_ends_and_nul_bytes_decode() {
    let text = "Ana Lima said on Friday: «Olá», café.";
    let utf16 = |big: bool| -> Vec<u8> {
        let mut bytes = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in format!("{text}\r\nNext line.").encode_utf16() {
            bytes.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    let cases: Vec<(&str, Vec<u8>, String, Option<&str>)> = vec![
        (
            "utf8-bom",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            text.into(),
            None,
        ),
        ("utf16le", utf16(false), format!("{text}\nNext line."), None),
        ("utf16be", utf16(true), format!("{text}\nNext line."), None),
        (
            "crlf",
            b"One.\r\nTwo.\r\n".to_vec(),
            "One.\nTwo.\n".into(),
            None,
        ),
        ("cr", b"One.\rTwo.\r".to_vec(), "One.\nTwo.\n".into(), None),
        (
            "latin1",
            b"Caf\xe9 in S\xe3o Paulo, said the mayor \x93today\x94.".to_vec(),
            "Café in São Paulo, said the mayor “today”.".into(),
            Some("Windows-1252"),
        ),
        (
            "damaged",
            "Olá, ".bytes().chain(*b"\xff\xfe broken").collect(),
            "Olá, \u{FFFD}\u{FFFD} broken".into(),
            Some("invalid UTF-8: 2 byte(s) replaced"),
        ),
        (
            "nul",
            [b"Ana Lima\0 said".as_slice(), &b" on Friday".repeat(20)].concat(),
            format!("Ana Lima said{}", " on Friday".repeat(20)),
            Some("NUL"),
        ),
    ];
    for (name, bytes, expected, warning) in cases {
        let (decoded, warnings) = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded, expected, "{name}");
        match warning {
            Some(w) => assert!(
                warnings.iter().any(|x| x.contains(w)),
                "{name}: {warnings:?}"
            ),
            None => assert!(warnings.is_empty(), "{name}: {warnings:?}"),
        }
    }
}

#[test]
fn binary_and_empty_files_are_skipped_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "PNG image",
        ),
        (
            "archive.txt",
            b"\x1f\x8b\x08\0\0\0\0\0\0\x03".to_vec(),
            "gzip archive",
        ),
        (
            "program.txt",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0".to_vec(),
            "ELF executable",
        ),
        ("zeros.txt", vec![0u8; 4096], "NUL bytes"),
        (
            "noise.txt",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8 | 1)
                .collect(),
            "binary file",
        ),
        ("empty.txt", Vec::new(), "empty"),
        ("blank.txt", b" \n\t\r\n  \r".to_vec(), "empty"),
    ];
    for (name, bytes, reason) in &files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (articles, skipped) = items(&path);
        assert!(articles.is_empty(), "{name} became an article");
        assert!(
            skipped.len() == 1 && skipped[0].contains(reason),
            "{name}: {skipped:?}"
        );
    }
}

#[test]
fn html_saved_as_text_is_stripped() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "<!DOCTYPE html>\n<html><head><title>Minister  dismissed</title>\
         <style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>\n\
         <body><nav><a href=\"/\">Home</a></nav><!-- comment <p>hidden</p> -->\
         <p>Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday, \
         officials said.</p><p>The decision &amp; its timing were &ldquo;expected&rdquo;, \
         analysts said &lt;privately&gt;.</p></body></html>",
    )
    .unwrap();
    let (articles, skipped) = items(&page);
    assert!(skipped.is_empty(), "{skipped:?}");
    let a = &articles[0];
    assert_eq!(a.title.as_deref(), Some("Minister dismissed"));
    assert!(
        a.warnings.iter().any(|w| w.contains("HTML")),
        "{:?}",
        a.warnings
    );
    assert!(a.text.contains("Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday, officials said.\n"), "{}", a.text);
    assert!(
        a.text
            .contains("The decision & its timing were “expected”, analysts said <privately>."),
        "{}",
        a.text
    );
    for gone in ["<p>", "color", "var x", "hidden", "<!--"] {
        assert!(!a.text.contains(gone), "{gone:?} left in {}", a.text);
    }
    // Hostile markup stays linear and never panics.
    for hostile in [
        "<".repeat(100_000),
        "<p".repeat(50_000),
        "&".repeat(100_000),
        "<script>".repeat(20_000),
    ] {
        let html = format!("<html><body>{hostile}</body></html>");
        let started = Instant::now();
        let _ = newsgraph::input::strip_html(&html);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}

#[test]
fn non_english_articles_are_detected() {
    let french = "Le Premier ministre a limogé le ministre des Finances vendredi, selon des responsables. \
        Il a déclaré que la décision était nécessaire pour rétablir la confiance dans les institutions \
        et que le gouvernement allait présenter un nouveau budget dans les prochaines semaines.";
    let german = "Der Ministerpräsident hat am Freitag den Finanzminister entlassen, wie Beamte mitteilten. \
        Er sagte, die Entscheidung sei notwendig, um das Vertrauen in die Institutionen wiederherzustellen, \
        und die Regierung werde in den kommenden Wochen einen neuen Haushalt vorlegen.";
    let spanish = "El primer ministro destituyó el viernes al ministro de Finanzas, según dijeron los funcionarios. \
        Dijo que la decisión era necesaria para restablecer la confianza en las instituciones y que el \
        gobierno presentaría un nuevo presupuesto en las próximas semanas.";
    let russian = "Премьер-министр в пятницу уволил министра финансов, сообщили официальные лица. \
        Он заявил, что это решение было необходимо для восстановления доверия к институтам.";
    let chinese = "总理周五解除了财政部长的职务，官员们说。他说，这一决定对于恢复对各机构的信任是必要的，政府将在未来几周内提出新的预算。";
    for (language, text) in [
        ("French", french),
        ("German", german),
        ("Spanish", spanish),
        ("Cyrillic", russian),
        ("Chinese", chinese),
    ] {
        let reason = not_english(text).unwrap_or_else(|| panic!("{language} taken for English"));
        assert!(reason.contains(language), "{reason}");
    }
    let english =
        sentence(1) + &sentence(2) + "Le Monde and Der Spiegel reported it, citing El Pais.";
    assert_eq!(not_english(&english), None);
    // Reuters tables have few function words of any language: kept.
    let table = "Shr 1.20 dlrs vs 1.05 dlrs Net 12.4 mln vs 10.9 mln Revs 150.2 mln vs 140.1 mln \
        Avg shrs 10.3 mln vs 10.4 mln Year Shr 4.10 dlrs vs 3.80 dlrs Net 42.2 mln vs 39.5 mln";
    assert_eq!(not_english(table), None);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fr.txt"), french).unwrap();
    std::fs::write(dir.path().join("en.txt"), sentence(3)).unwrap();
    let store = dir.path().join("store");
    let out = newsgraph(
        &store,
        &[
            "ingest",
            dir.path().join("fr.txt").to_str().unwrap(),
            dir.path().join("en.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("fr.txt: not English: looks like French"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("articles ingested         1"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn malformed_json_lines_name_their_line_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    let good = |id: &str, extra: &str| {
        format!(
            "{{\"id\":\"{id}\",\"text\":\"{}\"{extra}}}",
            sentence(1).trim()
        )
    };
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    for line in [
        good("a", ""),                                 // 1
        "{\"id\":\"b\",\"text\":".to_string(),         // 2 truncated
        String::new(),                                 // 3 blank: ignored
        "[1,2,3]".to_string(),                         // 4 not an object
        "{\"text\":\"no id\"}".to_string(),            // 5 no id
        "{\"id\":\"c\",\"text\":42}".to_string(),      // 6 text not a string
        good("d", ",\"date\":\"sometime soon\""),      // 7 unparsable date: warning
        good("e", ",\"date\":\"2022-01-07\""),         // 8
        "{\"id\":\"f\",\"text\":\"   \"}".to_string(), // 9 empty text
    ] {
        bytes.extend(line.as_bytes());
        bytes.extend(b"\r\n");
    }
    bytes.extend(good("g", "").as_bytes()); // 10, no final newline
    std::fs::write(&path, &bytes).unwrap();
    let (articles, skipped) = items(&path);
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "d", "e", "g"]);
    let lines: Vec<&str> = skipped
        .iter()
        .map(|s| s.split(": ").next().unwrap().rsplit(':').next().unwrap())
        .collect();
    assert_eq!(lines, ["2", "4", "5", "6", "9"], "{skipped:?}");
    assert!(skipped[0].contains("malformed JSON line"), "{skipped:?}");
    assert!(
        articles[1]
            .warnings
            .iter()
            .any(|w| w.contains("\"sometime soon\" not understood")),
        "{:?}",
        articles[1].warnings
    );

    let store = dir.path().join("store");
    let out = newsgraph(&store, &["ingest", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let summary = stdout(&out);
    assert!(summary.contains("articles ingested         4"), "{summary}");
    assert!(
        summary.contains("feed.jsonl:2: malformed JSON line"),
        "{summary}"
    );
    assert!(summary.contains("not understood"), "{summary}");
}

#[test]
fn undated_articles_are_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("undated.txt");
    std::fs::write(&path, sentence(1)).unwrap();
    let store = dir.path().join("store");
    let out = ok(&store, &["ingest", path.to_str().unwrap()]);
    assert!(out.contains("articles ingested         1"), "{out}");
}

#[test]
fn huge_article_is_skipped_and_a_long_line_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    // 100 MB of text: skipped from its size, without being read whole.
    let huge = dir.path().join("huge.txt");
    {
        use std::io::Write;
        let chunk = sentence(0).repeat(1_000_000 / sentence(0).len() + 1);
        let mut file = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        for _ in 0..100 {
            file.write_all(&chunk.as_bytes()[..1_000_000]).unwrap();
        }
    }
    // A 5 MB line of words without punctuation.
    let words = [
        "the", "minister", "said", "troops", "moved", "toward", "Almaty", "Ana", "Lima",
    ];
    let mut line = String::with_capacity(5_000_000);
    let mut k = 0usize;
    while line.len() < 5_000_000 {
        line.push_str(words[k % words.len()]);
        line.push(' ');
        k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    let long = dir.path().join("longline.txt");
    std::fs::write(&long, &line).unwrap();
    std::fs::write(dir.path().join("ok.txt"), sentence(1)).unwrap();
    let store = dir.path().join("store");
    let started = Instant::now();
    let out = newsgraph(&store, &["ingest", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let summary = stdout(&out);
    assert!(
        summary.contains("huge.txt: article larger than 16.0 MB"),
        "{summary}"
    );
    assert!(summary.contains("articles ingested         2"), "{summary}");
    assert!(
        started.elapsed() < Duration::from_secs(90),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn many_small_files_nested_folders_links_and_odd_entries() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    // 1,000 tiny files (the 100,000-file run is scripts/hostile_inputs.sh).
    let flat = input.join("flat");
    std::fs::create_dir_all(&flat).unwrap();
    for i in 0..1000 {
        std::fs::write(flat.join(format!("t{i:04}.txt")), sentence(i)).unwrap();
    }
    // 1,000 nested folders with an article at the bottom.
    let mut deep = input.join("deep");
    for _ in 0..1000 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("bottom.txt"), sentence(5000)).unwrap();
    // A symlink loop, a dangling link (a file gone between listing and reading),
    // a FIFO named like an article (reading it would block), a folder named like one.
    std::os::unix::fs::symlink("..", input.join("flat/up")).unwrap();
    std::os::unix::fs::symlink(input.join("nowhere.txt"), input.join("gone.txt")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(input.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::fs::create_dir(input.join("folder.txt")).unwrap();
    std::fs::write(input.join("folder.txt/inside.txt"), sentence(6000)).unwrap();

    let (files, skipped) = collect_files(std::slice::from_ref(&input)).unwrap();
    assert_eq!(files.len(), 1002);
    let reasons: Vec<String> = skipped
        .iter()
        .map(|s| format!("{}: {}", s.origin, s.reason))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("flat/up: folder already visited (symlink loop)")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("gone.txt: cannot read: No such file")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("pipe.txt: not a regular file")),
        "{reasons:?}"
    );
    // A file that disappears after listing: the same reason when it is read.
    std::fs::remove_file(flat.join("t0000.txt")).unwrap();
    let (_, gone) = items(&flat.join("t0000.txt"));
    assert!(gone[0].contains("cannot read: No such file"), "{gone:?}");

    let store = dir.path().join("store");
    let started = Instant::now();
    let out = newsgraph(&store, &["ingest", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let summary = stdout(&out);
    assert!(summary.contains("articles ingested      1001"), "{summary}");
    assert!(summary.contains("inputs skipped            3"), "{summary}");
    eprintln!(
        "1,001 small files and 1,000 nested folders: {:?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------- hostile text

/// Fastest of `runs` runs of the whole text pipeline (analysis and mapping).
fn time_of(pipeline: &Pipeline, text: &str, runs: usize) -> Duration {
    let raw = article(text.to_string());
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(pipeline.process(&raw));
            started.elapsed()
        })
        .min()
        .unwrap()
}

/// Time grows linearly: 4x the input takes well under 16x (quadratic) the time.
fn assert_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let p = pipeline();
    // Prose around the hostile part, so that cleaning keeps it.
    let wrap =
        |t: String| format!("The minister said on Monday that {t} was what officials said.\n");
    let (small, large) = (wrap(make(n)), wrap(make(4 * n)));
    let mut ratio = f64::MAX;
    for _ in 0..3 {
        let (a, b) = (time_of(p, &small, 3), time_of(p, &large, 2));
        ratio = ratio.min(b.as_secs_f64() / a.as_secs_f64().max(1e-4));
        eprintln!(
            "{name}: {} bytes {a:?}, {} bytes {b:?}, ratio {ratio:.1}",
            small.len(),
            large.len()
        );
        if ratio < 10.0 {
            return;
        }
    }
    panic!("{name}: 4x the input took {ratio:.1}x the time (quadratic?)");
}

#[test]
fn hostile_text_is_linear() {
    // Each case as the issue lists it, at full size, must finish; then the ratio.
    assert_linear(
        "10,000 capitalised words",
        |n| {
            (0..n)
                .map(|i| format!("Xan{} ", (i * 7919) % 1000))
                .collect::<String>()
                + &"and then it was done ".repeat(n / 4)
        },
        2500,
    );
    assert_linear("50,000 \"Mr.\"", |n| "Mr. ".repeat(n), 12_500);
    assert_linear(
        "nested quotes and brackets",
        |n| {
            format!(
                "he said {}word{} today",
                "(\"[{'«“".repeat(n),
                "”»'}]\")".repeat(n)
            )
        },
        2500,
    );
    assert_linear("unclosed quotes", |n| "\"He said ".repeat(n), 2500);
    assert_linear(
        "names joined by connectors",
        |n| "Bank of England and ".repeat(n),
        2500,
    );
    assert_linear(
        "a line without punctuation",
        |n| "the minister said troops moved ".repeat(n),
        10_000,
    );
    assert_linear(
        "repeated sentences",
        |n| "Police said 12 people were killed in Almaty on Monday. ".repeat(n),
        500,
    );
}

// ---------------------------------------------------------------- fuzzing

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn config() -> ProptestConfig {
        ProptestConfig {
            // Bounded for CI; PROPTEST_CASES=100000 for a long local run.
            cases: std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(200),
            max_shrink_time: 30_000,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    /// Words that steer the pipeline into its rules: titles, names, verbs,
    /// abbreviations, dates, numbers, quotes and brackets.
    fn newsy() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Mr.",
            "Dr.",
            "President",
            "Minister",
            "Prime",
            "of",
            "and",
            "the",
            "Ana",
            "Lima",
            "Kazakhstan",
            "Russian",
            "troops",
            "dismissed",
            "appointed",
            "said",
            "killed",
            "12",
            "Jan.",
            "January",
            "10,",
            "2022",
            "on",
            "Monday",
            "he",
            "she",
            "\"",
            "'",
            "(",
            ")",
            "[",
            "]",
            "«",
            "»",
            "“",
            "”",
            ".",
            ",",
            ";",
            ":",
            "?",
            "!",
            "\n",
            "\n\n",
            "-",
            "—",
            "U.S.",
            "al-Assad",
            "Bank",
            "Corp",
            "Inc.",
            "©",
            "2021",
            "yesterday",
            "hundreds",
            "arrested",
            "NATO",
            "CSTO",
            "é",
            "\u{200B}",
            "\u{FEFF}",
            "\t",
            "A.",
            "St.",
        ]);
        prop::collection::vec(word, 0..400).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
            let p = pipeline();
            if let Ok((text, _)) = decode(&bytes) {
                let _ = p.process(&article(text));
            }
        }

        #[test]
        fn any_string_goes_through_the_pipeline(text in "\\PC{0,1500}") {
            let _ = pipeline().process(&article(text));
        }

        #[test]
        fn newsy_text_goes_through_the_pipeline(text in newsy()) {
            let _ = pipeline().process(&article(text.clone()));
            let _ = newsgraph::input::strip_html(&text);
            let _ = not_english(&text);
        }
    }
}

// ---------------------------------------------------------------- faults

/// Starts `newsgraph ingest FIFO` fed by a thread that writes articles into the
/// FIFO until the ingest goes away, waits until the store holds some articles,
/// and calls `stop` on the running process. Returns the process output and a
/// JSON Lines file with every article fed (the input of "the same command").
fn interrupt_a_running_ingest(
    dir: &Path,
    store: &Path,
    stop: impl FnOnce(&Child),
) -> (Output, PathBuf) {
    let fifo = dir.join("feed-fifo.jsonl");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let feeder = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut fed = String::new();
            let Ok(mut pipe) = std::fs::OpenOptions::new().write(true).open(&fifo) else {
                return fed;
            };
            for i in 0..200_000 {
                let line = serde_json::json!({"id": format!("a{i:06}"), "text": sentence(i)})
                    .to_string()
                    + "\n";
                if pipe.write_all(line.as_bytes()).is_err() {
                    break;
                }
                fed.push_str(&line);
            }
            fed
        })
    };
    let mut child = spawn(store, &["ingest", fifo.to_str().unwrap()]);
    assert!(
        wait_for_first_articles(&mut child, store),
        "the ingest ended early: {:?}",
        child.wait_with_output()
    );
    stop(&child);
    let out = child.wait_with_output().unwrap();
    let fed = feeder.join().unwrap();
    let all = dir.join("fed.jsonl");
    std::fs::write(&all, fed).unwrap();
    (out, all)
}

#[test]
fn kill_9_leaves_whole_articles_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (out, fed) = interrupt_a_running_ingest(dir.path(), &store, |child| {
        let kill = Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status();
        assert!(kill.unwrap().success());
    });
    assert_eq!(out.status.code(), None, "killed by a signal");
    let total = std::fs::read_to_string(&fed).unwrap().lines().count();
    let partial = graphs(&store);
    let kept = partial.len();
    eprintln!("kill -9 after {total} articles fed: {kept} stored");
    assert!(
        kept > 0 && kept < total,
        "{kept} of {total} articles after kill -9"
    );
    // The same command again completes the rest; stored articles are unchanged.
    let again = ok(&store, &["ingest", fed.to_str().unwrap()]);
    assert!(
        again.contains(&format!("articles unchanged {kept:>8}")),
        "{again}"
    );
    assert!(
        again.contains(&format!("({} new, 0 replaced)", total - kept)),
        "{again}"
    );
    let complete = graphs(&store);
    assert_eq!(complete.len(), total);
    assert_whole_articles(&partial, &complete);
}

#[test]
fn ctrl_c_stops_after_the_articles_under_way_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (out, fed) = interrupt_a_running_ingest(dir.path(), &store, |child| {
        let int = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        assert!(int.unwrap().success());
    });
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    let summary = stdout(&out);
    assert!(summary.contains("interrupted"), "{summary}");
    assert!(
        stderr(&out).contains("run the same command again"),
        "{}",
        stderr(&out)
    );
    let partial = graphs(&store);
    let ingested = format!("articles ingested  {:>8}", partial.len());
    assert!(
        summary.contains(&ingested),
        "the summary counts what was stored: {summary}"
    );
    let again = ok(&store, &["ingest", fed.to_str().unwrap()]);
    assert!(
        again.contains(&format!("articles unchanged {:>8}", partial.len())),
        "{again}"
    );
    assert_whole_articles(&partial, &graphs(&store));
}

#[test]
fn stop_flag_stops_the_library_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    many_articles(&feed, 5000);
    let p = Pipeline::new(Rules::builtin(), None);
    let store = GraphStore::open(&dir.path().join("store")).unwrap();
    let stop = p.stop_flag();
    let summary = ingest(&p, &store, &[feed], |_| stop.store(true, Ordering::SeqCst)).unwrap();
    assert!(summary.interrupted, "{summary:?}");
    assert!(summary.added > 0 && summary.added < 5000, "{summary:?}");
}

#[test]
fn a_second_writer_is_refused_at_once_and_readers_work_during_an_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let first = dir.path().join("first.txt");
    std::fs::write(&first, sentence(1)).unwrap();
    ok(&store, &["ingest", first.to_str().unwrap()]);
    // An ingest that holds the store open while it waits for its standard input.
    let mut writer = spawn(&store, &["ingest", "-"]);
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let second = newsgraph(&store, &["ingest", first.to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(1));
    assert!(
        stderr(&second).contains("store in use by another newsgraph process"),
        "{}",
        stderr(&second)
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused at once"
    );
    let remove = newsgraph(&store, &["remove", "first"]);
    assert!(
        stderr(&remove).contains("store in use"),
        "{}",
        stderr(&remove)
    );
    // Readers open the store read-only.
    assert_eq!(stored_articles(&store), Some(1));
    ok(&store, &["query", "relations", "--format", "csv"]);
    let export = dir.path().join("during.nq");
    ok(
        &store,
        &[
            "export",
            "--format",
            "nquads",
            "-o",
            export.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read_to_string(&export)
        .unwrap()
        .contains("contentHash"));
    // The writer finishes normally.
    use std::io::Write;
    writer
        .stdin
        .take()
        .unwrap()
        .write_all(sentence(2).as_bytes())
        .unwrap();
    let out = writer.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stored_articles(&store), Some(2));
}

#[test]
fn disk_full_gives_a_clear_error_and_no_corruption() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    many_articles(&feed, 3000);
    let feed = feed.to_str().unwrap();
    let mount = dir.path().join("small");
    let tmpfs = Tmpfs::mount(&mount, "1m");
    let store = mount.join("store");
    let out = match &tmpfs {
        Some(_) => newsgraph(&store, &["ingest", "--quiet", feed]),
        None => {
            eprintln!(
                "mount not allowed here: a file size limit (EFBIG) stands in for a full disk"
            );
            newsgraph_with_file_limit(1024, &store, &["ingest", "--quiet", feed])
        }
    };
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("No space left on device") || message.contains("File too large"),
        "{message}"
    );
    assert!(message.contains("disk full"), "{message}");
    assert_eq!(message.trim().lines().count(), 1, "one line: {message}");
    // Room again: the store opens, and the same command completes.
    if let Some(t) = &tmpfs {
        t.remount("size=64m");
    }
    let stats = ok(&store, &["stats"]);
    let partial = graphs(&store);
    eprintln!("after disk full: {} articles\n{stats}", partial.len());
    ok(&store, &["ingest", "--quiet", feed]);
    let complete = graphs(&store);
    assert_eq!(complete.len(), 3000);
    assert_whole_articles(&partial, &complete);
}

#[test]
fn read_only_store_folder_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("ro");
    let Some(tmpfs) = Tmpfs::mount(&mount, "16m") else {
        eprintln!("SKIPPED: mount not allowed here (root ignores file permissions, so only a read-only mount makes a read-only folder)");
        return;
    };
    let store = mount.join("store");
    let first = dir.path().join("first.txt");
    std::fs::write(&first, sentence(1)).unwrap();
    ok(&store, &["ingest", first.to_str().unwrap()]);
    let before = graphs(&store);
    tmpfs.remount("ro");
    let out = newsgraph(&store, &["ingest", first.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    // Readers still work on a read-only folder, or say why not.
    let stats = newsgraph(&store, &["stats"]);
    if stats.status.success() {
        assert_eq!(graphs(&store), before);
    } else {
        assert!(stderr(&stats).contains("read-only"), "{}", stderr(&stats));
    }
    tmpfs.remount("rw");
    assert_eq!(graphs(&store), before, "nothing changed");
}

// ---------------------------------------------------------------- files and exit codes

#[test]
fn exports_replace_their_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let first = dir.path().join("first.txt");
    std::fs::write(&first, sentence(1)).unwrap();
    ok(&store, &["ingest", first.to_str().unwrap()]);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("graph.nt");
    std::fs::write(&target, "previous export\n").unwrap();
    // A write that fails half way (file size limit): the old file stays whole.
    let failed = newsgraph_with_file_limit(
        1,
        &store,
        &[
            "export",
            "--format",
            "ntriples",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "previous export\n"
    );
    let names = |d: &Path| -> Vec<String> {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&out_dir), ["graph.nt"], "no temporary file left");
    // A successful one replaces it whole, also for the graph formats.
    ok(
        &store,
        &[
            "export",
            "--format",
            "ntriples",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("contentHash"));
    ok(
        &store,
        &[
            "export",
            "--format",
            "graphml",
            "-o",
            out_dir.join("graph.graphml").to_str().unwrap(),
        ],
    );
    let mut listed = names(&out_dir);
    listed.sort();
    assert_eq!(listed, ["graph.graphml", "graph.nt"]);
}

#[test]
fn saved_query_names_stay_inside_queries() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let first = dir.path().join("first.txt");
    std::fs::write(&first, sentence(1)).unwrap();
    ok(&store, &["ingest", first.to_str().unwrap()]);
    for name in [
        "../queries/relations",
        "..%2Frelations",
        "relations/../entities",
    ] {
        let out = newsgraph(&store, &["query", name]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            stderr(&out).contains("saved queries: "),
            "{name}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, sentence(1)).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let code = |args: &[&str]| newsgraph(&store, args).status.code();
    assert_eq!(code(&["ingest", good.to_str().unwrap()]), Some(0));
    assert_eq!(
        code(&["ingest", good.to_str().unwrap(), empty.to_str().unwrap()]),
        Some(3)
    );
    assert_eq!(
        code(&["ingest", dir.path().join("missing.txt").to_str().unwrap()]),
        Some(1)
    );
    assert_eq!(
        code(&["ingest", "--no-such-option", good.to_str().unwrap()]),
        Some(2)
    );
    assert_eq!(code(&["ingest"]), Some(2));
    assert_eq!(
        code(&["ingest", "--date", "yesterday", good.to_str().unwrap()]),
        Some(1)
    );
}
