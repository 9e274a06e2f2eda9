//! The `newsgraph` command line: a thin layer over the library.
//!
//! Exit codes: 0 success; 1 failure (message on stderr); 2 usage error;
//! 3 ingest finished but some inputs were skipped (listed in the summary);
//! 130 ingest stopped by Ctrl-C (what was stored is whole; run it again to finish).
//! A closed output pipe ends the program quietly (SIGPIPE), as for other filters.

/// The program's own modules, in `src/cli/` (the library does not see them).
mod cli {
    pub mod allocator;
    pub mod args;
}

use anyhow::{Context, Result};
use clap::Parser;
use cli::args::{Cli, Command, TableFormat};
use newsgraph::dates::Date;
use newsgraph::graph_export::{write_neo4j_folder, Filter, GraphFormat, Snapshot};
use newsgraph::model::relation;
use newsgraph::pipeline::{ingest, Pipeline, Summary};
use newsgraph::queries::{find_saved, internal, saved_queries, write_results};
use newsgraph::rules::Rules;
use newsgraph::store::GraphStore;
use newsgraph::{ontology_docs, shacl};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc, made safe for Oxigraph's RocksDB error messages (see the module).
#[global_allocator]
static ALLOCATOR: cli::allocator::Allocator = cli::allocator::Allocator;

/// Exit code when an ingest skipped some inputs.
const EXIT_SKIPPED: u8 = 3;
/// Exit code when Ctrl-C stopped an ingest (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("newsgraph: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest { paths, date, quiet } => {
            let rules = match &cli.rules {
                Some(dir) => Rules::with_extra_dir(dir)
                    .with_context(|| format!("loading rules from {}", dir.display()))?,
                None => Rules::builtin(),
            };
            let fallback = match date {
                Some(d) => Some(
                    Date::parse_iso(&d)
                        .with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?,
                ),
                None => None,
            };
            let pipeline = Pipeline::new(rules, fallback);
            let store = GraphStore::open(&cli.store)
                .with_context(|| format!("opening store {}", cli.store.display()))?;
            stop_on_ctrl_c(&pipeline);
            let bar = progress_bar(&paths, quiet);
            let summary = ingest(&pipeline, &store, &paths, |s| {
                if let Some(bar) = &bar {
                    let done = s.articles + s.skipped.len();
                    let secs = bar.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!("{:.0} articles/s", done as f64 / secs));
                    bar.set_position(done as u64);
                }
            })
            .map_err(|e| newsgraph::store::explain_write_error(&cli.store, e))
            .context("ingest")?;
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            if !quiet {
                print_summary(&summary, &store)?;
            }
            Ok(if summary.interrupted {
                eprintln!(
                    "newsgraph: interrupted: stored articles are whole; run the same command again to finish"
                );
                ExitCode::from(EXIT_INTERRUPTED)
            } else if summary.skipped.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_SKIPPED)
            })
        }
        Command::Query {
            query,
            sparql,
            format,
        } => {
            let text = match (query, sparql) {
                (_, Some(text)) => text,
                (Some(q), None) if q.ends_with(".rq") || Path::new(&q).is_file() => {
                    std::fs::read_to_string(&q).with_context(|| format!("reading query file {q}"))?
                }
                (Some(name), None) => find_saved(&name, cli.queries.as_deref())?.sparql,
                (None, None) => anyhow::bail!("give a saved query name, a .rq file, or --sparql TEXT (see `newsgraph queries`)"),
            };
            let store = open_for_reading(&cli.store)?;
            let results = store.query(&text)?;
            write_results(results, format.into(), std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries => {
            let mut out = std::io::stdout().lock();
            for (name, q) in saved_queries(cli.queries.as_deref())? {
                writeln!(
                    out,
                    "{name:<14} {}\n{:<14} {}\n{:<14} columns: {}\n",
                    q.title, "", q.description, "", q.columns
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            output,
            filter,
        } => {
            let filter = Filter::from(filter);
            let store = open_for_reading(&cli.store)?;
            let rdf = match format.kind() {
                Ok(rdf) => rdf,
                Err(graph_format) => return export_graph(&store, graph_format, output, &filter),
            };
            // A filtered RDF export is the full export of an in-memory store holding the kept quads.
            let filtered = if filter.is_empty() {
                None
            } else {
                let subset = GraphStore::in_memory()?;
                subset.insert(&Snapshot::load(&store)?.rdf_subset(&store, &filter)?)?;
                Some(subset)
            };
            let store = filtered.as_ref().unwrap_or(&store);
            let path = output
                .unwrap_or_else(|| PathBuf::from(format!("out/graph.{}", rdf.file_extension())));
            if path.as_os_str() == "-" {
                store.export(rdf, std::io::stdout().lock())?;
            } else {
                let count = write_atomically(&path, |file| Ok(store.export(rdf, file)?))?;
                eprintln!("wrote {count} statements to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { shapes, limit } => {
            let (text, name) = match &shapes {
                Some(path) => (
                    std::fs::read_to_string(path)
                        .with_context(|| format!("reading shapes {}", path.display()))?,
                    path.display().to_string(),
                ),
                None => (
                    shacl::shapes(),
                    "ontology/shapes.ttl (built in)".to_string(),
                ),
            };
            let shapes = shacl::parse_shapes(&text, &name)?;
            let hierarchy =
                shacl::ClassHierarchy::from_turtle(shacl::ONTOLOGY, "ontology/newsgraph.ttl")?;
            let store = open_for_reading(&cli.store)?;
            let report = shacl::validate(&store, &shapes, &hierarchy)?;
            print_report(&report, &name, limit, &mut std::io::stdout().lock())?;
            Ok(if report.conforms() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::OntologyDocs { output } => {
            let text = ontology_docs::generate(
                shacl::ONTOLOGY,
                &shacl::shapes(),
                ontology_docs::EXAMPLES,
            )?;
            write_generated(&output, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Shapes { output } => {
            write_generated(&output, &shacl::shapes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Relations { format } => {
            let text = match format {
                TableFormat::Tsv => relation::table_tsv(),
                TableFormat::Json => relation::table_json(),
            };
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats => {
            let store = open_for_reading(&cli.store)?;
            print_stats(&store, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { entity, format } => {
            let store = open_for_reading(&cli.store)?;
            let q = find_saved("explain", cli.queries.as_deref())?;
            let results = newsgraph::queries::explain(&store, &q.sparql, &entity)?;
            let rows = write_results(results, format.into(), std::io::stdout().lock())?;
            if rows == 0 {
                eprintln!(
                    "no facts about {entity:?} (labels and aliases are matched exactly, as written)"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Remove { article } => {
            let store = GraphStore::open(&cli.store)
                .with_context(|| format!("opening store {}", cli.store.display()))?;
            if store
                .remove_article(&article)
                .map_err(|e| newsgraph::store::explain_write_error(&cli.store, e))?
            {
                println!("removed article {article}");
                Ok(ExitCode::SUCCESS)
            } else {
                anyhow::bail!("no article {article:?} in {}", cli.store.display())
            }
        }
    }
}

/// Writes a graph-tool export: a file (or stdout), or for Neo4j a folder of CSV files.
fn export_graph(
    store: &GraphStore,
    format: GraphFormat,
    output: Option<PathBuf>,
    filter: &Filter,
) -> Result<ExitCode> {
    let graph = Snapshot::load(store)?.graph(filter)?;
    let counts = format!(
        "{} entities and {} relations",
        graph.nodes.len(),
        graph.edges.len()
    );
    if format == GraphFormat::Neo4j {
        let dir = output.unwrap_or_else(|| PathBuf::from("out/neo4j"));
        anyhow::ensure!(
            dir.as_os_str() != "-",
            "--format neo4j writes nodes.csv and relationships.csv into a folder: give -o DIR"
        );
        write_neo4j_folder(&graph, &dir)
            .with_context(|| format!("writing the Neo4j import files into {}", dir.display()))?;
        eprintln!(
            "wrote {counts} to {}/nodes.csv and relationships.csv",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let path = output.unwrap_or_else(|| PathBuf::from(format!("out/graph.{}", format.extension())));
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        format.write(&graph, &mut out)?;
        out.flush()?;
    } else {
        write_atomically(&path, |file| Ok(format.write(&graph, file).map(|_| 0)?))?;
        eprintln!("wrote {counts} to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a validation report: violations grouped by constraint, then a summary line.
fn print_report(
    report: &shacl::Report,
    shapes: &str,
    limit: usize,
    out: &mut impl Write,
) -> Result<()> {
    let mut shown: std::collections::BTreeMap<(String, Option<String>), usize> =
        std::collections::BTreeMap::new();
    let mut hidden = 0;
    for v in &report.violations {
        let key = (v.shape.clone(), v.path.clone());
        let n = shown.entry(key).or_default();
        *n += 1;
        if *n > limit {
            hidden += 1;
            continue;
        }
        let path = v
            .path
            .as_deref()
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        writeln!(
            out,
            "violation: {}{path}: {} (shape {})",
            v.focus, v.message, v.shape
        )?;
    }
    if hidden > 0 {
        writeln!(
            out,
            "... and {hidden} more violations (show them with --limit N)"
        )?;
    }
    let verdict = if report.conforms() {
        "conforms".to_string()
    } else {
        format!("{} violations", report.violations.len())
    };
    writeln!(
        out,
        "{verdict}: {} constraints of {shapes} checked on {} nodes",
        report.constraints, report.focus_nodes
    )?;
    Ok(())
}

/// Like other Unix filters, stop quietly when the reader of our output goes
/// away (`newsgraph query relations | head`) instead of reporting a broken
/// pipe: restores the default SIGPIPE action, which Rust's runtime sets to
/// "ignore". Stores are never written through a pipe, so nothing is cut short.
#[allow(
    unsafe_code,
    reason = "libc's signal() is the only way to restore the default action"
)]
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    {
        extern "C" {
            fn signal(signal: i32, handler: usize) -> usize;
        }
        const SIGPIPE: i32 = 13;
        const SIG_DFL: usize = 0;
        // SAFETY: `signal` with the default action is async-signal-safe and
        // called before any other thread exists.
        unsafe {
            signal(SIGPIPE, SIG_DFL);
        }
    }
}

/// First Ctrl-C: finish the articles under way, store them, print the summary.
/// A second one exits at once (committed articles are whole either way).
fn stop_on_ctrl_c(pipeline: &Pipeline) {
    let stop = pipeline.stop_flag();
    let handler = ctrlc::set_handler(move || {
        if stop.swap(true, std::sync::atomic::Ordering::SeqCst) {
            eprintln!("newsgraph: stopped");
            std::process::exit(EXIT_INTERRUPTED.into());
        }
        eprintln!("newsgraph: stopping after the articles under way (Ctrl-C again to quit now)");
    });
    if let Err(e) = handler {
        eprintln!("newsgraph: warning: Ctrl-C will stop at once: {e}");
    }
}

/// A progress bar (articles, articles/s, ETA) on standard error, or none when
/// standard error is not a terminal, with `--quiet`, or when reading stdin.
/// The total counts JSON Lines lines and text files first (a fast read).
fn progress_bar(paths: &[PathBuf], quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::{BufRead, IsTerminal};
    if quiet || !std::io::stderr().is_terminal() || paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let (files, _) = newsgraph::input::collect_files(paths).ok()?;
    let mut total = 0u64;
    for file in files {
        if file.extension().and_then(|e| e.to_str()) == Some("jsonl") {
            let reader =
                std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(&file).ok()?);
            total += reader.split(b'\n').count() as u64;
        } else {
            total += 1;
        }
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr_with_hz(4),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} articles  {msg}  ETA {eta}  ({elapsed})",
        )
        .ok()?,
    );
    Some(bar)
}

fn open_for_reading(dir: &Path) -> Result<GraphStore> {
    GraphStore::open_read_only(dir).with_context(|| format!("opening store {}", dir.display()))
}

/// Writes a generated file (`-`: stdout) and says so on stderr.
fn write_generated(output: &Path, text: &str) -> Result<()> {
    if output.as_os_str() == "-" {
        std::io::stdout().lock().write_all(text.as_bytes())?;
    } else {
        write_atomically(output, |file| {
            Ok(file.write_all(text.as_bytes()).map(|_| 0)?)
        })?;
        eprintln!("wrote {}", output.display());
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it, so a crash never leaves half a file.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<usize>,
) -> Result<usize> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    // Beside the target (same file system, so the rename is atomic), named per
    // process so that two exports never share a temporary file.
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.partial", std::process::id()));
    let temporary = path.with_file_name(name);
    let written = (|| {
        let file = std::fs::File::create(&temporary)
            .with_context(|| format!("creating {}", temporary.display()))?;
        let mut writer = std::io::BufWriter::new(file);
        let count = write(&mut writer)?;
        let file = writer
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("writing {}", temporary.display()))?;
        file.sync_all()
            .with_context(|| format!("writing {}", temporary.display()))?;
        std::fs::rename(&temporary, path)
            .with_context(|| format!("renaming {} to {}", temporary.display(), path.display()))?;
        Ok(count)
    })();
    if written.is_err() {
        // The target keeps its previous content; no half-written file is left.
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn print_summary(summary: &Summary, store: &GraphStore) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "newsgraph ingest")?;
    writeln!(
        out,
        "  articles ingested  {:>8}  ({} new, {} replaced)",
        summary.added + summary.replaced,
        summary.added,
        summary.replaced
    )?;
    writeln!(out, "  articles unchanged {:>8}", summary.unchanged)?;
    writeln!(out, "  inputs skipped     {:>8}", summary.skipped.len())?;
    if summary.interrupted {
        writeln!(
            out,
            "  interrupted        Ctrl-C: inputs after these were not read"
        )?;
    }
    for s in summary.skipped.iter().take(20) {
        writeln!(out, "      {}: {}", s.origin, s.reason)?;
    }
    if summary.skipped.len() > 20 {
        writeln!(out, "      ... and {} more", summary.skipped.len() - 20)?;
    }
    for w in summary.warnings.iter().take(10) {
        writeln!(out, "  warning: {w}")?;
    }
    if summary.warnings.len() > 10 {
        writeln!(
            out,
            "  ... and {} more warnings",
            summary.warnings.len() - 10
        )?;
    }
    writeln!(out, "  entities written   {:>8}", summary.entities)?;
    let total: usize = summary.facts.values().sum();
    writeln!(out, "  facts written      {:>8}", total)?;
    for (kind, n) in &summary.facts {
        writeln!(out, "      {kind:<24} {n:>6}")?;
    }
    writeln!(out, "  quads written      {:>8}", summary.quads)?;
    // A store empty before the run holds what it wrote; otherwise quads and graphs
    // are counted (seconds on a million articles; distinct triples, see `stats`, take longer).
    let (quads, graphs) = match summary.store_was_empty {
        true => (summary.quads, summary.added),
        false => store.quick_counts()?,
    };
    writeln!(out, "  store now          {graphs} articles, {quads} quads")?;
    let secs = summary.elapsed.as_secs_f64();
    writeln!(
        out,
        "  time               {secs:.2} s ({:.2} MB/s, {:.0} articles/s, {} MB read)",
        summary.bytes as f64 / 1e6 / secs.max(1e-9),
        summary.articles as f64 / secs.max(1e-9),
        summary.bytes as f64 / 1e6
    )?;
    let stages: Vec<String> = summary
        .stages
        .fields()
        .iter()
        .map(|(name, d)| format!("{name} {:.2}", d.as_secs_f64()))
        .collect();
    writeln!(
        out,
        "  stage seconds      {}  (analysis stages: CPU time summed over threads)",
        stages.join(", ")
    )?;
    Ok(())
}

fn print_stats(store: &GraphStore, out: &mut impl Write) -> Result<()> {
    let (quads, graphs, triples) = store.counts()?;
    writeln!(out, "articles  {graphs}")?;
    writeln!(out, "quads     {quads}")?;
    writeln!(out, "triples   {triples}")?;
    let count = |sparql: &str| -> Result<Vec<(String, String)>> {
        let mut rows = Vec::new();
        if let oxigraph::sparql::QueryResults::Solutions(solutions) = store.query(sparql)? {
            for s in solutions {
                let s = s?;
                let key = s
                    .get("key")
                    .map(newsgraph::queries::display)
                    .unwrap_or_default();
                let n = s
                    .get("n")
                    .map(newsgraph::queries::display)
                    .unwrap_or_default();
                rows.push((key, n));
            }
        }
        Ok(rows)
    };
    writeln!(out, "entities by type")?;
    for (k, n) in count(internal::STATS_ENTITY_TYPES)? {
        writeln!(out, "  {k:<28} {n:>8}")?;
    }
    writeln!(out, "facts by relation")?;
    for (k, n) in count(internal::STATS_RELATIONS)? {
        writeln!(out, "  {k:<28} {n:>8}")?;
    }
    for (k, n) in count(internal::STATS_COUNTS)? {
        writeln!(out, "  {k:<28} {n:>8}")?;
    }
    Ok(())
}
