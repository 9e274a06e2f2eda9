//! The `newsgraph` command line: a thin layer over the library.
//!
//! Exit codes: 0 success; 1 failure (message on stderr); 2 usage error;
//! 3 ingest finished but some inputs were skipped (listed in the summary).

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::dates::Date;
use newsgraph::pipeline::{ingest, Pipeline, Summary};
use newsgraph::queries::{find_saved, saved_queries, write_results, ResultFormat};
use newsgraph::rules::Rules;
use newsgraph::store::GraphStore;
use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, Term};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code when an ingest skipped some inputs.
const EXIT_SKIPPED: u8 = 3;

#[derive(Parser)]
#[command(name = "newsgraph", version, about = "Turn news articles into an RDF knowledge graph with provenance")]
struct Cli {
    /// Store folder.
    #[arg(long, global = true, default_value = "out/store")]
    store: PathBuf,
    /// A folder of extra rule files (same names as rules/); added to the built-in rules.
    #[arg(long, global = true)]
    rules: Option<PathBuf>,
    /// A folder of extra saved queries (*.rq); same names override the built-in ones.
    #[arg(long, global = true)]
    queries: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest articles: .txt files, .jsonl files (one article per line), folders (recursive), or - for stdin.
    Ingest {
        /// Files, folders, or -.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD) for articles whose metadata and text give none.
        #[arg(long)]
        date: Option<String>,
        /// Print no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Run a saved query by name, a .rq file, or inline SPARQL.
    Query {
        /// Saved query name or path to a .rq file.
        query: Option<String>,
        /// Inline SPARQL text instead of a name.
        #[arg(long, conflicts_with = "query")]
        sparql: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ResultFormat,
    },
    /// List the saved queries with their descriptions.
    Queries,
    /// Export the graph.
    Export {
        /// RDF format.
        #[arg(long, value_enum, default_value = "turtle")]
        format: ExportFormat,
        /// Output file (default out/graph.<ext>); - for stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Counts of articles, entities, facts and triples.
    Stats,
    /// Every fact about an entity, with the sentence, article and date behind it.
    Explain {
        /// A label or alias of the entity (any case).
        entity: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ResultFormat,
    },
    /// Remove an article and everything extracted from it.
    Remove {
        /// The article id.
        article: String,
    },
}

/// RDF export formats.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            ExportFormat::Jsonld => RdfFormat::JsonLd { profile: Default::default() },
        }
    }
}

fn main() -> ExitCode {
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
                Some(dir) => Rules::with_extra_dir(dir).with_context(|| format!("loading rules from {}", dir.display()))?,
                None => Rules::builtin(),
            };
            let fallback = match date {
                Some(d) => Some(Date::parse_iso(&d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?),
                None => None,
            };
            let pipeline = Pipeline::new(rules, fallback);
            let store = GraphStore::open(&cli.store).with_context(|| format!("opening store {}", cli.store.display()))?;
            let summary = ingest(&pipeline, &store, &paths, |_| {}).context("ingest")?;
            if !quiet {
                print_summary(&summary, &store)?;
            }
            Ok(if summary.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SKIPPED) })
        }
        Command::Query { query, sparql, format } => {
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
            write_results(results, format, std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries => {
            let mut out = std::io::stdout().lock();
            for (name, q) in saved_queries(cli.queries.as_deref())? {
                writeln!(out, "{name:<14} {}\n{:<14} {}\n{:<14} columns: {}\n", q.title, "", q.description, "", q.columns)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, output } => {
            let store = open_for_reading(&cli.store)?;
            let rdf = format.rdf();
            let path = output.unwrap_or_else(|| PathBuf::from(format!("out/graph.{}", rdf.file_extension())));
            if path.as_os_str() == "-" {
                store.export(rdf, std::io::stdout().lock())?;
            } else {
                let count = write_atomically(&path, |file| Ok(store.export(rdf, file)?))?;
                eprintln!("wrote {count} statements to {}", path.display());
            }
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
            let results = store.query_with(&q.sparql, &[("name", Term::Literal(Literal::new_simple_literal(&entity)))])?;
            let rows = write_results(results, format, std::io::stdout().lock())?;
            if rows == 0 {
                eprintln!("no facts about {entity:?} (labels and aliases are matched exactly, any case)");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Remove { article } => {
            let store = GraphStore::open(&cli.store).with_context(|| format!("opening store {}", cli.store.display()))?;
            if store.remove_article(&article)? {
                println!("removed article {article}");
                Ok(ExitCode::SUCCESS)
            } else {
                anyhow::bail!("no article {article:?} in {}", cli.store.display())
            }
        }
    }
}

fn open_for_reading(dir: &Path) -> Result<GraphStore> {
    GraphStore::open_read_only(dir).with_context(|| format!("opening store {}", dir.display()))
}

/// Writes to a temporary file beside `path`, then renames it, so a crash never leaves half a file.
fn write_atomically(path: &Path, write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<usize>) -> Result<usize> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let temporary = path.with_extension("partial");
    let file = std::fs::File::create(&temporary).with_context(|| format!("creating {}", temporary.display()))?;
    let mut writer = std::io::BufWriter::new(file);
    let count = write(&mut writer)?;
    writer.flush().with_context(|| format!("writing {}", temporary.display()))?;
    std::fs::rename(&temporary, path).with_context(|| format!("renaming {} to {}", temporary.display(), path.display()))?;
    Ok(count)
}

fn print_summary(summary: &Summary, store: &GraphStore) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "newsgraph ingest")?;
    writeln!(out, "  articles ingested  {:>8}  ({} new, {} replaced)", summary.added + summary.replaced, summary.added, summary.replaced)?;
    writeln!(out, "  articles unchanged {:>8}", summary.unchanged)?;
    writeln!(out, "  inputs skipped     {:>8}", summary.skipped.len())?;
    for s in summary.skipped.iter().take(20) {
        writeln!(out, "      {}: {}", s.origin, s.reason)?;
    }
    if summary.skipped.len() > 20 {
        writeln!(out, "      ... and {} more", summary.skipped.len() - 20)?;
    }
    for w in summary.warnings.iter().take(10) {
        writeln!(out, "  warning: {w}")?;
    }
    writeln!(out, "  entities written   {:>8}", summary.entities)?;
    let total: usize = summary.facts.values().sum();
    writeln!(out, "  facts written      {:>8}", total)?;
    for (kind, n) in &summary.facts {
        writeln!(out, "      {kind:<24} {n:>6}")?;
    }
    writeln!(out, "  quads written      {:>8}", summary.quads)?;
    let (quads, graphs, triples) = store.counts()?;
    writeln!(out, "  store now          {graphs} articles, {quads} quads, {triples} distinct triples")?;
    let secs = summary.elapsed.as_secs_f64();
    writeln!(out, "  time               {secs:.2} s ({:.2} MB/s)", summary.bytes as f64 / 1e6 / secs.max(1e-9))?;
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
                let key = s.get("key").map(newsgraph::queries::display).unwrap_or_default();
                let n = s.get("n").map(newsgraph::queries::display).unwrap_or_default();
                rows.push((key, n));
            }
        }
        Ok(rows)
    };
    writeln!(out, "entities by type")?;
    for (k, n) in count("SELECT ?key (COUNT(DISTINCT ?e) AS ?n) { ?e a ?key ; rdfs:label ?l } GROUP BY ?key ORDER BY ?key")? {
        writeln!(out, "  {k:<28} {n:>8}")?;
    }
    writeln!(out, "facts by relation")?;
    for (k, n) in count("SELECT ?key (COUNT(?f) AS ?n) { ?f ng:relation ?key } GROUP BY ?key ORDER BY ?key")? {
        writeln!(out, "  {k:<28} {n:>8}")?;
    }
    for (k, n) in count("SELECT (\"counts\" AS ?key) (COUNT(?c) AS ?n) { ?c a ng:Count }")? {
        writeln!(out, "  {k:<28} {n:>8}")?;
    }
    Ok(())
}
