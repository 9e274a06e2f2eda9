//! The pipeline, stage by stage: raw article → cleaned text → sentences and
//! mentions → resolved entities → facts → RDF quads; and the ingest loop that
//! runs it in parallel batches with a single writer to the store.

use crate::clean::{clean, CleanArticle};
use crate::dates::Date;
use crate::error::Result;
use crate::extract::{extract, name_deployed_forces};
use crate::facts::Facts;
use crate::input::{collect_files, read_input, Item, RawArticle, Skipped};
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
}

/// The configured pipeline.
pub struct Pipeline {
    rules: Rules,
    fingerprint: String,
    fallback_date: Option<Date>,
}

impl Pipeline {
    /// A pipeline with these rules; `fallback_date` dates articles that give none.
    pub fn new(rules: Rules, fallback_date: Option<Date>) -> Pipeline {
        let fingerprint = format!("{} {}", env!("CARGO_PKG_VERSION"), rules.fingerprint());
        Pipeline {
            rules,
            fingerprint,
            fallback_date,
        }
    }

    /// The rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Runs the analysis stages on one article.
    pub fn analyse(&self, raw: &RawArticle) -> Analysis {
        let clean = clean(raw, &self.rules, self.fallback_date);
        let sentences = split_sentences(&clean.body, &self.rules);
        let mentions = sentences
            .iter()
            .map(|s| find_mentions(s, &self.rules))
            .collect();
        let mut resolved = resolve(mentions);
        let mut facts = extract(&sentences, &resolved, clean.date, &self.rules);
        name_deployed_forces(&mut resolved, &mut facts, &self.rules);
        Analysis {
            clean,
            sentences,
            resolved,
            facts,
        }
    }

    /// Analyses an article and maps it to its graph.
    pub fn process(&self, raw: &RawArticle) -> Processed {
        let hash = self.content_hash(raw);
        let analysis = self.analyse(raw);
        let quads = GraphBuilder::new(&analysis.clean).build(
            &analysis.resolved.entities,
            &analysis.facts,
            &hash,
        );
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
            warnings: raw.warnings.clone(),
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
}

/// Articles processed in parallel per batch; bounds memory on big corpora.
const BATCH: usize = 256;

/// Ingests files, folders and `-` into the store. Articles are processed in
/// parallel batches and written one transaction per article, so an
/// interruption leaves only whole articles.
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
    let mut batch: Vec<RawArticle> = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    for file in files {
        for item in read_input(&file) {
            match item {
                Item::Skipped(s) => summary.skipped.push(s),
                Item::Article(raw) => {
                    if !seen_ids.insert(raw.id.clone()) {
                        summary.skipped.push(Skipped {
                            origin: raw.origin.clone(),
                            reason: format!("duplicate article id {:?} in this run", raw.id),
                        });
                        continue;
                    }
                    summary.bytes += raw.text.len();
                    batch.push(raw);
                    if batch.len() >= BATCH {
                        write_batch(pipeline, store, std::mem::take(&mut batch), &mut summary)?;
                        progress(&summary);
                    }
                }
            }
        }
    }
    write_batch(pipeline, store, batch, &mut summary)?;
    store.flush()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn write_batch(
    pipeline: &Pipeline,
    store: &GraphStore,
    batch: Vec<RawArticle>,
    summary: &mut Summary,
) -> Result<()> {
    let processed: Vec<Processed> = batch.par_iter().map(|raw| pipeline.process(raw)).collect();
    for p in processed {
        for w in &p.warnings {
            summary.warnings.push(format!("{}: {w}", p.id));
        }
        match store.put_article(&p.id, &p.hash, &p.quads)? {
            StoreOutcome::Unchanged => {
                summary.unchanged += 1;
                continue;
            }
            StoreOutcome::Added => summary.added += 1,
            StoreOutcome::Replaced => summary.replaced += 1,
        }
        summary.entities += p.entities;
        summary.quads += p.quads.len();
        for (kind, n) in p.facts {
            *summary.facts.entry(kind).or_insert(0) += n;
        }
    }
    Ok(())
}
