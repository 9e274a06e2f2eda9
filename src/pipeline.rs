//! The pipeline, stage by stage: raw article → cleaned text → sentences and
//! mentions → resolved entities → facts → RDF quads; and the ingest loop that
//! runs it in parallel batches with a single writer to the store.

use crate::clean::{clean, CleanArticle};
use crate::dates::Date;
use crate::error::Result;
use crate::extract::{extract, Extraction};
use crate::facts::Facts;
use crate::input::{collect_files, read_input_stream, Item, RawArticle, Skipped};
use crate::mapping::GraphBuilder;
use crate::mentions::find_mentions;
use crate::resolve::{resolve, Resolved};
use crate::rules::Rules;
use crate::store::{GraphStore, StoreOutcome};
use crate::text::{split_sentences, Sentence};
use oxigraph::model::Quad;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The analysis of one article, stage by stage.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Cleaned text and metadata.
    pub clean: CleanArticle,
    /// Sentences of the body.
    pub sentences: Vec<Sentence>,
    /// Mentions and entities.
    pub resolved: Resolved,
    /// Extracted facts.
    pub facts: Facts,
}

/// An article ready to store.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Article id.
    pub id: String,
    /// Content hash (text, metadata and rules).
    pub hash: String,
    /// The article's graph.
    pub quads: Vec<Quad>,
    /// Entities written.
    pub entities: usize,
    /// Facts by kind (relation name, or "count").
    pub facts: BTreeMap<String, usize>,
    /// Warnings from reading.
    pub warnings: Vec<String>,
    /// Time spent in each stage on this article.
    pub times: StageTimes,
}

/// Time per pipeline stage. Analysis stages are summed over the worker
/// threads (CPU time, so they can exceed the wall time on several cores);
/// `reading` and `store_write` are on the single reader/writer thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Reading and decoding input files (JSON Lines parsing included).
    pub reading: Duration,
    /// Content hash of the article and lookup of the stored one (decides whether it changed).
    pub hashing: Duration,
    /// Boilerplate removal and publication date.
    pub cleaning: Duration,
    /// NLP: sentence splitting and mention finding.
    pub nlp: Duration,
    /// Grouping mentions into entities.
    pub resolution: Duration,
    /// Fact extraction.
    pub extraction: Duration,
    /// Mapping facts to RDF quads.
    pub mapping: Duration,
    /// Writing to the store (transactions, commits, final flush).
    pub store_write: Duration,
}

impl StageTimes {
    /// Adds another article's (or batch's) times to these.
    pub fn add(&mut self, other: &StageTimes) {
        for (a, (_, b)) in self.fields_mut().into_iter().zip(other.fields()) {
            *a += b;
        }
    }

    /// The stages with their names, in pipeline order.
    pub fn fields(&self) -> [(&'static str, Duration); 8] {
        [
            ("reading", self.reading),
            ("hashing", self.hashing),
            ("cleaning", self.cleaning),
            ("nlp", self.nlp),
            ("resolution", self.resolution),
            ("extraction", self.extraction),
            ("mapping", self.mapping),
            ("store_write", self.store_write),
        ]
    }

    fn fields_mut(&mut self) -> [&mut Duration; 8] {
        [
            &mut self.reading,
            &mut self.hashing,
            &mut self.cleaning,
            &mut self.nlp,
            &mut self.resolution,
            &mut self.extraction,
            &mut self.mapping,
            &mut self.store_write,
        ]
    }
}

/// Runs `f` and adds its duration to `slot`.
fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    *slot += start.elapsed();
    value
}

/// The configured pipeline.
pub struct Pipeline {
    rules: Rules,
    fingerprint: String,
    fallback_date: Option<Date>,
    /// Set (by Ctrl-C) to stop an ingest after the articles being analysed.
    stop: Arc<AtomicBool>,
}

impl Pipeline {
    /// A pipeline with these rules; `fallback_date` dates articles that give none.
    pub fn new(rules: Rules, fallback_date: Option<Date>) -> Pipeline {
        let fingerprint = format!("{} {}", env!("CARGO_PKG_VERSION"), rules.fingerprint());
        Pipeline {
            rules,
            fingerprint,
            fallback_date,
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The flag that stops an ingest: once set, no new article is started, those
    /// being analysed are written (whole), and `ingest` returns its summary with
    /// `interrupted` set. The CLI sets it on Ctrl-C.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// The rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Runs the analysis stages on one article.
    ///
    /// ```
    /// use newsgraph::input::RawArticle;
    /// use newsgraph::pipeline::Pipeline;
    /// use newsgraph::rules::Rules;
    ///
    /// let pipeline = Pipeline::new(Rules::builtin(), None);
    /// let raw = RawArticle {
    ///     id: "harbour-minister".into(),
    ///     text: "Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday. \
    ///            Police said 12 people were arrested at the harbour."
    ///         .into(),
    ///     ..RawArticle::default()
    /// };
    /// let analysis = pipeline.analyse(&raw);
    /// assert_eq!(analysis.sentences.len(), 2);
    /// let names: Vec<&str> = analysis.resolved.entities.iter().map(|e| e.label.as_str()).collect();
    /// assert!(names.contains(&"Ana Lima") && names.contains(&"Paulo Reis"), "{names:?}");
    ///
    /// // `process` goes on to the article's graph (RDF quads), counting facts by kind.
    /// let processed = pipeline.process(&raw);
    /// assert_eq!(processed.facts.get("dismissed"), Some(&1));
    /// assert!(!processed.quads.is_empty());
    /// ```
    pub fn analyse(&self, raw: &RawArticle) -> Analysis {
        self.analyse_timed(raw, &mut StageTimes::default())
    }

    /// Runs the analysis stages on one article, adding each stage's time to `times`.
    pub fn analyse_timed(&self, raw: &RawArticle, times: &mut StageTimes) -> Analysis {
        let clean = timed(&mut times.cleaning, || {
            clean(
                raw,
                &self.rules.boilerplate,
                &self.rules.text,
                self.fallback_date,
            )
        });
        self.analyse_clean(clean, times)
    }

    /// Runs the stages after cleaning on `body` taken as an article's clean body
    /// dated `date`: the extraction cases (`tests/extract/cases.tsv`) test
    /// sentences without the cleaner dropping short ones.
    pub fn analyse_body(&self, body: &str, date: Option<Date>) -> Analysis {
        let clean = CleanArticle {
            id: String::new(),
            body: body.to_string(),
            title: None,
            date,
            year: date.map(|d| d.year),
            date_source: None,
            url: None,
            source: None,
            dropped_lines: 0,
            warnings: Vec::new(),
        };
        self.analyse_clean(clean, &mut StageTimes::default())
    }

    /// The stages after cleaning.
    fn analyse_clean(&self, clean: CleanArticle, times: &mut StageTimes) -> Analysis {
        let (sentences, mentions) = timed(&mut times.nlp, || {
            let sentences = split_sentences(&clean.body, &self.rules.text);
            let mentions = sentences
                .iter()
                .map(|s| find_mentions(s, &self.rules.names))
                .collect();
            (sentences, mentions)
        });
        let mut resolved = timed(&mut times.resolution, || resolve(mentions));
        let Extraction {
            facts,
            new_entities,
        } = timed(&mut times.extraction, || {
            extract(
                &sentences,
                &resolved,
                clean.date,
                &self.rules.names,
                &self.rules.extract,
            )
        });
        // Forces named by extraction, numbered after the resolution's entities.
        resolved.entities.extend(new_entities);
        Analysis {
            clean,
            sentences,
            resolved,
            facts,
        }
    }

    /// Analyses an article and maps it to its graph.
    pub fn process(&self, raw: &RawArticle) -> Processed {
        let mut times = StageTimes::default();
        let hash = timed(&mut times.hashing, || self.content_hash(raw));
        self.process_hashed(raw, hash, times)
    }

    /// Like `process`, but an article stored already with the same content hash
    /// is not analysed again: re-ingesting a corpus only pays for what changed.
    pub fn process_unless_stored(&self, raw: &RawArticle, store: &GraphStore) -> Processed {
        let mut times = StageTimes::default();
        let hash = timed(&mut times.hashing, || self.content_hash(raw));
        let stored = timed(&mut times.hashing, || store.article_hash(&raw.id));
        // A failed lookup analyses the article; the write reports the store error.
        if matches!(stored, Ok(Some(stored)) if stored == hash) {
            return Processed {
                id: raw.id.clone(),
                hash,
                quads: Vec::new(),
                entities: 0,
                facts: BTreeMap::new(),
                warnings: raw.warnings.clone(),
                times,
            };
        }
        self.process_hashed(raw, hash, times)
    }

    /// Analysis and mapping once the content hash is known.
    fn process_hashed(&self, raw: &RawArticle, hash: String, mut times: StageTimes) -> Processed {
        let analysis = self.analyse_timed(raw, &mut times);
        let quads = timed(&mut times.mapping, || {
            GraphBuilder::new(&analysis.clean).build(
                &analysis.resolved.entities,
                &analysis.facts,
                &hash,
            )
        });
        let mut facts = BTreeMap::new();
        for f in &analysis.facts.relations {
            *facts.entry(f.relation.name().to_string()).or_insert(0) += 1;
        }
        if !analysis.facts.counts.is_empty() {
            facts.insert("count".to_string(), analysis.facts.counts.len());
        }
        let entities = quads
            .iter()
            .filter(|q| q.predicate == oxigraph::model::vocab::rdfs::LABEL)
            .count();
        Processed {
            id: raw.id.clone(),
            hash,
            quads,
            entities,
            facts,
            warnings: raw
                .warnings
                .iter()
                .chain(&analysis.clean.warnings)
                .cloned()
                .collect(),
            times,
        }
    }

    /// Hash of what determines an article's graph: its text, metadata, the
    /// rules and the program version. Unchanged hash → nothing to do.
    pub fn content_hash(&self, raw: &RawArticle) -> String {
        let mut hasher = Sha256::new();
        for part in [
            Some(self.fingerprint.as_str()),
            Some(raw.text.as_str()),
            raw.title.as_deref(),
            raw.date.as_deref(),
            raw.url.as_deref(),
            raw.source.as_deref(),
            self.fallback_date.map(|d| d.to_string()).as_deref(),
        ] {
            hasher.update(part.unwrap_or("").as_bytes());
            hasher.update([0]);
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// What an ingest run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// New articles stored.
    pub added: usize,
    /// Changed articles whose graph was replaced.
    pub replaced: usize,
    /// Articles already stored with the same content.
    pub unchanged: usize,
    /// Inputs skipped, with reasons.
    pub skipped: Vec<Skipped>,
    /// Warnings (article id: message).
    pub warnings: Vec<String>,
    /// Entities written (per article, summed).
    pub entities: usize,
    /// Facts written, by kind.
    pub facts: BTreeMap<String, usize>,
    /// Quads written.
    pub quads: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Input bytes of the articles read.
    pub bytes: usize,
    /// Articles analysed, then stored, replaced or found unchanged.
    pub articles: usize,
    /// The run was stopped (Ctrl-C) before all inputs were read; what was
    /// stored is whole, and running the same command again completes it.
    pub interrupted: bool,
    /// Time per stage.
    pub stages: StageTimes,
    /// The store was empty when the run began: it now holds what the run wrote.
    pub store_was_empty: bool,
}

impl Summary {
    /// Adds what the writer thread stored (its outcomes, facts, warnings and
    /// the stage times of the articles it wrote) to the run's summary.
    fn absorb(&mut self, written: Summary) {
        self.added += written.added;
        self.replaced += written.replaced;
        self.unchanged += written.unchanged;
        self.warnings.extend(written.warnings);
        self.entities += written.entities;
        self.quads += written.quads;
        for (kind, n) in written.facts {
            *self.facts.entry(kind).or_insert(0) += n;
        }
        self.stages.add(&written.stages);
    }
}

/// Articles analysed in parallel per batch; bounds memory on big corpora.
const BATCH: usize = 2048;

/// Articles stored per bulk load (atomic). Each load adds one file per index
/// to RocksDB's first level, and every second file there makes RocksDB merge
/// that level into the next one, rewriting it: fewer, larger loads cost less
/// of that work (a sixth of ingest CPU with loads of `BATCH` articles).
const LOAD: usize = 4 * BATCH;

/// Ingests files, folders and `-` into the store, in three overlapped stages:
/// a reader thread parses the next batch while rayon threads analyse the
/// current one and a writer thread stores analysed articles, `LOAD` at a time,
/// each load atomically, so an interruption leaves only whole articles. In
/// memory at most: two read batches, the batch being analysed, one analysed
/// batch queued and the writer's `LOAD` articles.
pub fn ingest(
    pipeline: &Pipeline,
    store: &GraphStore,
    paths: &[PathBuf],
    mut progress: impl FnMut(&Summary),
) -> Result<Summary> {
    let started = Instant::now();
    let (files, skipped) = collect_files(paths)?;
    let mut summary = Summary {
        skipped,
        ..Summary::default()
    };
    let sink = Sink {
        store,
        fresh: store.is_empty()?,
    };
    summary.store_was_empty = sink.fresh;
    let written = std::thread::scope(|scope| {
        let (sender, batches) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || read_batches(pipeline, files, sender));
        let (to_writer, analysed) = std::sync::mpsc::sync_channel(1);
        let writer = scope.spawn(|| write_batches(&sink, analysed));
        // Leaving the loop drops `batches`, which stops the reader at its next send.
        for batch in batches {
            summary.skipped.extend(batch.skipped);
            summary.bytes += batch.bytes;
            summary.stages.reading += batch.reading;
            summary.interrupted |= batch.interrupted;
            let processed = analyse_batch(pipeline, &sink, &batch.articles);
            summary.interrupted |= processed.len() < batch.articles.len();
            summary.articles += processed.len();
            // A failed send means the writer stopped on an error, returned below.
            if to_writer.send(processed).is_err() {
                break;
            }
            progress(&summary);
        }
        drop(to_writer);
        writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    summary.absorb(written);
    timed(&mut summary.stages.store_write, || store.flush())?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A batch of articles read from the inputs, with what the reading skipped.
#[derive(Default)]
struct ReadBatch {
    articles: Vec<RawArticle>,
    skipped: Vec<Skipped>,
    bytes: usize,
    reading: Duration,
    interrupted: bool,
}

/// Reads `files` into batches of `BATCH` articles for `ingest`; the last batch
/// may be short or empty. Stops early on a stop request or when the receiver is gone.
fn read_batches(pipeline: &Pipeline, files: Vec<PathBuf>, sender: SyncSender<ReadBatch>) {
    let mut batch = ReadBatch::default();
    let mut seen_ids = std::collections::HashSet::new();
    'files: for file in files {
        let mut read_start = Instant::now();
        for item in read_input_stream(&file) {
            batch.reading += read_start.elapsed();
            if pipeline.stopped() {
                batch.interrupted = true;
                break 'files;
            }
            match item {
                Item::Skipped(s) => batch.skipped.push(s),
                Item::Article(raw) if !seen_ids.insert(raw.id.clone()) => {
                    batch.skipped.push(Skipped {
                        origin: raw.origin.clone(),
                        reason: format!("duplicate article id {:?} in this run", raw.id),
                    });
                }
                Item::Article(raw) => {
                    batch.bytes += raw.text.len();
                    batch.articles.push(raw);
                    if batch.articles.len() >= BATCH
                        && sender.send(std::mem::take(&mut batch)).is_err()
                    {
                        return;
                    }
                }
            }
            read_start = Instant::now();
        }
    }
    let _ = sender.send(batch);
}

/// Where an ingest writes: the store, and whether it was empty when the run
/// began (then no article of the run can be stored already: ids are distinct
/// within a run, so the stored-hash lookups are skipped).
struct Sink<'a> {
    store: &'a GraphStore,
    fresh: bool,
}

/// Analyses `batch` in parallel. After a stop request no new article is
/// started; those under way are kept.
fn analyse_batch(pipeline: &Pipeline, sink: &Sink, batch: &[RawArticle]) -> Vec<Processed> {
    batch
        .par_iter()
        .filter_map(|raw| {
            (!pipeline.stopped()).then(|| match sink.fresh {
                true => pipeline.process(raw),
                false => pipeline.process_unless_stored(raw, sink.store),
            })
        })
        .collect()
}

/// The writer thread: stores the analysed batches `LOAD` articles at a time
/// and returns what it stored; stops at the first error. While analysis runs
/// the writer loads on one thread; the last load, with analysis over, on two.
fn write_batches(sink: &Sink, analysed: Receiver<Vec<Processed>>) -> Result<Summary> {
    let mut written = Summary::default();
    let mut pending = Vec::new();
    for batch in analysed {
        pending.extend(batch);
        if pending.len() >= LOAD {
            write_processed(sink, std::mem::take(&mut pending), &mut written, 1)?;
        }
    }
    write_processed(sink, pending, &mut written, 2)?;
    Ok(written)
}

/// Writes analysed articles to the store, all in one atomic load.
fn write_processed(
    sink: &Sink,
    mut processed: Vec<Processed>,
    summary: &mut Summary,
    threads: usize,
) -> Result<()> {
    if processed.is_empty() {
        return Ok(());
    }
    let quad_counts: Vec<usize> = processed.iter().map(|p| p.quads.len()).collect();
    // One load for the batch: whole articles only, committed together.
    let outcomes = timed(&mut summary.stages.store_write, || {
        let articles = processed
            .iter_mut()
            .map(|p| (p.id.as_str(), p.hash.as_str(), std::mem::take(&mut p.quads)))
            .collect();
        sink.store.put_articles(articles, sink.fresh, threads)
    })?;
    for ((p, outcome), quads) in processed.into_iter().zip(outcomes).zip(quad_counts) {
        summary.stages.add(&p.times);
        for w in &p.warnings {
            summary.warnings.push(format!("{}: {w}", p.id));
        }
        match outcome {
            StoreOutcome::Unchanged => {
                summary.unchanged += 1;
                continue;
            }
            StoreOutcome::Added => summary.added += 1,
            StoreOutcome::Replaced => summary.replaced += 1,
        }
        summary.entities += p.entities;
        summary.quads += quads;
        for (kind, n) in p.facts {
            *summary.facts.entry(kind).or_insert(0) += n;
        }
    }
    Ok(())
}
