//! The embedded on-disk Oxigraph store: one named graph per article,
//! replaced whole in one transaction, plus queries and sorted exports.

use crate::error::{Error, Result};
use crate::mapping::{article_iri, ng, PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreOutcome {
    /// A new article graph was written.
    Added,
    /// The article existed with other content; its graph was replaced.
    Replaced,
    /// The article exists with the same content hash: nothing changed.
    Unchanged,
}

/// A newsgraph store on disk.
pub struct GraphStore {
    store: Store,
}

impl GraphStore {
    /// Opens (or creates) the store at `dir` for reading and writing.
    pub fn open(dir: &Path) -> Result<GraphStore> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let store = Store::open(dir).map_err(|e| in_use_or(dir, e))?;
        Ok(GraphStore { store })
    }

    /// Opens an existing store read-only, so queries and exports can run while an ingest writes.
    pub fn open_read_only(dir: &Path) -> Result<GraphStore> {
        if !dir.join("CURRENT").exists() {
            return Err(Error::Invalid(format!(
                "{}: no store here (run `newsgraph ingest` first, or pass --store DIR)",
                dir.display()
            )));
        }
        Ok(GraphStore {
            store: Store::open_read_only(dir)?,
        })
    }

    /// An in-memory store, for tests and one-off runs.
    pub fn in_memory() -> Result<GraphStore> {
        Ok(GraphStore {
            store: Store::new()?,
        })
    }

    /// The content hash stored for an article, if the article is stored.
    pub fn article_hash(&self, id: &str) -> Result<Option<String>> {
        let article = article_iri(id);
        let graph = GraphNameRef::NamedNode(article.as_ref());
        let hash = ng("contentHash");
        for quad in self.store.quads_for_pattern(
            Some(article.as_ref().into()),
            Some(hash.as_ref()),
            None,
            Some(graph),
        ) {
            if let Term::Literal(l) = quad?.object {
                return Ok(Some(l.value().to_string()));
            }
        }
        Ok(None)
    }

    /// Stores a batch of articles' graphs: an article whose content hash is
    /// stored already is left alone, a changed one is replaced whole, a new one
    /// is added. New articles go in through Oxigraph's bulk loader (one atomic
    /// load), changed ones through one transaction: either way an interruption
    /// leaves only whole articles. Ids must be distinct within one call.
    pub fn put_articles(&self, articles: &[(&str, &str, &[Quad])]) -> Result<Vec<StoreOutcome>> {
        let mut outcomes = Vec::with_capacity(articles.len());
        let mut transaction = self.store.start_transaction()?;
        let mut fresh: Vec<Quad> = Vec::new();
        for (id, hash, quads) in articles {
            let previous = self.article_hash(id)?;
            if previous.as_deref() == Some(*hash) {
                outcomes.push(StoreOutcome::Unchanged);
                continue;
            }
            let article = article_iri(id);
            // A graph without a hash (none is written so) is cleared all the same.
            if previous.is_some() || self.store.contains_named_graph(article.as_ref())? {
                transaction.clear_graph(GraphNameRef::NamedNode(article.as_ref()))?;
                transaction.extend(quads.iter());
            } else {
                fresh.extend(quads.iter().cloned());
            }
            outcomes.push(if previous.is_some() {
                StoreOutcome::Replaced
            } else {
                StoreOutcome::Added
            });
        }
        // New articles go through the bulk loader: sorted files ingested
        // atomically (all column families at once), no write-ahead log.
        if !fresh.is_empty() {
            let mut loader = self.store.bulk_loader().with_num_threads(1);
            loader.load_quads(fresh)?;
            loader.commit()?;
        }
        transaction.commit()?;
        Ok(outcomes)
    }

    /// Removes an article's graph; false if it was not stored.
    pub fn remove_article(&self, id: &str) -> Result<bool> {
        let article = article_iri(id);
        let graph = article.as_ref();
        if !self.store.contains_named_graph(graph)? {
            return Ok(false);
        }
        let mut transaction = self.store.start_transaction()?;
        transaction.remove_named_graph(graph)?;
        transaction.commit()?;
        Ok(true)
    }

    /// Runs a SPARQL query over the union of all article graphs.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>> {
        let mut prepared = PREFIXES
            .iter()
            .try_fold(SparqlEvaluator::new(), |e, (p, ns)| e.with_prefix(*p, *ns))
            .map_err(|e| Error::Invalid(e.to_string()))?
            .parse_query(sparql)?;
        prepared.dataset_mut().set_default_graph_as_union();
        Ok(prepared.on_store(&self.store).execute()?)
    }

    /// Number of quads, named graphs (articles) and distinct triples.
    pub fn counts(&self) -> Result<(usize, usize, usize)> {
        let quads = self.store.len()?;
        let graphs = self.store.named_graphs().count();
        let triples = self.sorted_triples()?.len();
        Ok((quads, graphs, triples))
    }

    /// Number of quads and named graphs (articles), without reading every triple.
    pub fn quick_counts(&self) -> Result<(usize, usize)> {
        Ok((self.store.len()?, self.store.named_graphs().count()))
    }

    /// All distinct triples (article graphs merged), sorted for deterministic output.
    fn sorted_triples(&self) -> Result<Vec<Quad>> {
        let mut triples: Vec<Quad> = self
            .store
            .iter()
            .map(|q| {
                q.map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph))
            })
            .collect::<std::result::Result<_, _>>()?;
        triples.sort_by_cached_key(|q| {
            (
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        triples.dedup();
        Ok(triples)
    }

    /// Writes the graph in `format`, sorted: dataset formats (N-Quads, TriG)
    /// keep one named graph per article; the others merge them.
    pub fn export(&self, format: RdfFormat, writer: impl Write) -> Result<usize> {
        let mut serializer = RdfSerializer::from_format(format);
        if matches!(
            format,
            RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml
        ) {
            for (prefix, namespace) in PREFIXES {
                serializer = serializer
                    .with_prefix(prefix, namespace)
                    .map_err(|e| Error::Invalid(e.to_string()))?;
            }
        }
        let quads = if format.supports_datasets() {
            let mut quads: Vec<Quad> = self.store.iter().collect::<std::result::Result<_, _>>()?;
            quads.sort_by_cached_key(|q| {
                (
                    q.graph_name.to_string(),
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                )
            });
            quads
        } else {
            self.sorted_triples()?
        };
        let mut out = serializer.for_writer(writer);
        for quad in &quads {
            out.serialize_quad(quad)
                .map_err(|e| Error::Invalid(format!("export: {e}")))?;
        }
        out.finish()
            .map_err(|e| Error::Invalid(format!("export: {e}")))?;
        Ok(quads.len())
    }

    /// Flushes writes to disk.
    pub fn flush(&self) -> Result<()> {
        Ok(self.store.flush()?)
    }

    /// Every quad of every article graph, unsorted (filtered exports pick from them).
    pub fn quads(&self) -> Result<Vec<Quad>> {
        Ok(self.store.iter().collect::<std::result::Result<_, _>>()?)
    }

    /// Adds quads as they are (graph names included): builds in-memory stores
    /// for filtered exports and tests.
    pub fn insert(&self, quads: &[Quad]) -> Result<()> {
        self.store.extend(quads.iter().cloned())?;
        Ok(())
    }
}

/// RocksDB's lock error becomes a clear "store in use" message.
fn in_use_or(dir: &Path, error: oxigraph::store::StorageError) -> Error {
    let text = error.to_string();
    if text.contains("lock") || text.contains("LOCK") {
        Error::Invalid(format!(
            "{}: store in use by another newsgraph process ({text})",
            dir.display()
        ))
    } else {
        explain_write_error(dir, Error::Storage(error))
    }
}

/// A write to the store at `dir` that failed for lack of room or permission
/// gets one clear line saying what happened and what to do; other errors are
/// returned as they are. Writes are transactions, so what was stored before
/// the error is whole.
pub fn explain_write_error(dir: &Path, error: Error) -> Error {
    let text = error.to_string();
    let full = [
        "No space left on device",
        "File too large",
        "Disk quota exceeded",
    ];
    if full.iter().any(|f| text.contains(f)) {
        Error::Invalid(format!(
            "{}: disk full ({text}); the articles stored before are whole: free space and run the same command again",
            dir.display()
        ))
    } else if text.contains("Read-only file system") || text.contains("Permission denied") {
        Error::Invalid(format!(
            "{}: the store folder is read-only ({text}); queries and exports still work",
            dir.display()
        ))
    } else {
        error
    }
}
