//! The embedded on-disk Oxigraph store: one named graph per article,
//! replaced whole in one transaction, plus queries and sorted exports.

use crate::error::{Error, ExportError, Result, StoreError};
use crate::mapping::{article_iri, ng, PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use rayon::prelude::*;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
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
    /// Opens (or creates) the store at `dir` for reading and writing. One
    /// process at a time may hold it so; others open it read-only.
    ///
    /// ```
    /// use newsgraph::store::GraphStore;
    ///
    /// let dir = tempfile::tempdir()?;
    /// let store = GraphStore::open(&dir.path().join("store"))?;
    /// assert!(store.is_empty()?);
    /// assert_eq!(store.counts()?, (0, 0, 0));
    /// // Queries run over the union of the article graphs, with newsgraph's prefixes.
    /// let any_fact = store.query("ASK { ?fact ng:relation ?relation }")?;
    /// assert!(matches!(any_fact, oxigraph::sparql::QueryResults::Boolean(false)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(dir: &Path) -> Result<GraphStore> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let store = Store::open(dir).map_err(|e| in_use_or(dir, e))?;
        Ok(GraphStore { store })
    }

    /// Opens an existing store read-only, so queries and exports can run while an ingest writes.
    pub fn open_read_only(dir: &Path) -> Result<GraphStore> {
        if !dir.join("CURRENT").exists() {
            return Err(StoreError::Missing {
                dir: dir.to_path_buf(),
            }
            .into());
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
        // A point lookup first: on a fresh ingest most articles are not stored yet.
        if !self.store.contains_named_graph(article.as_ref())? {
            return Ok(None);
        }
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
    /// `fresh` says the caller knows none of the ids is stored (the store was
    /// empty when its run began and ids are distinct within the run): no lookups.
    /// The quads are moved into the store, not copied. `threads` bulk-loader
    /// threads share the new articles (each writes its own sorted files).
    pub fn put_articles(
        &self,
        articles: Vec<(&str, &str, Vec<Quad>)>,
        fresh: bool,
        threads: usize,
    ) -> Result<Vec<StoreOutcome>> {
        let mut outcomes = Vec::with_capacity(articles.len());
        let mut new_graphs: Vec<Vec<Quad>> = Vec::new();
        let mut changed: Vec<(NamedNode, Vec<Quad>)> = Vec::new();
        for (id, hash, quads) in articles {
            let previous = if fresh { None } else { self.article_hash(id)? };
            if previous.as_deref() == Some(hash) {
                outcomes.push(StoreOutcome::Unchanged);
                continue;
            }
            let article = article_iri(id);
            // A graph without a hash (none is written so) is replaced all the same.
            if previous.is_some() || !fresh && self.store.contains_named_graph(article.as_ref())? {
                changed.push((article, quads));
            } else {
                new_graphs.push(quads);
            }
            outcomes.push(if previous.is_some() {
                StoreOutcome::Replaced
            } else {
                StoreOutcome::Added
            });
        }
        // New articles go through the bulk loader: sorted files ingested
        // atomically (all column families at once), no write-ahead log.
        if !new_graphs.is_empty() {
            let threads = threads.clamp(1, new_graphs.len());
            let mut loader = self.store.bulk_loader().with_num_threads(threads);
            // Each call hands its share to a loader thread of its own.
            let share = new_graphs.len().div_ceil(threads);
            let mut graphs = new_graphs.into_iter();
            for _ in 0..threads {
                loader.load_quads(graphs.by_ref().take(share).flatten())?;
            }
            loader.commit()?;
        }
        // Started only after the load: the in-memory backend allows one writer at a time.
        if !changed.is_empty() {
            let mut transaction = self.store.start_transaction()?;
            for (article, quads) in changed {
                transaction.clear_graph(GraphNameRef::NamedNode(article.as_ref()))?;
                transaction.extend(quads.iter());
            }
            transaction.commit()?;
        }
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
            .try_fold(SparqlEvaluator::new(), |e, (p, ns)| {
                e.with_prefix(*p, *ns)
                    .map_err(|error| prefix_error(p, error))
            })?
            .parse_query(sparql)?;
        prepared.dataset_mut().set_default_graph_as_union();
        Ok(prepared.on_store(&self.store).execute()?)
    }

    /// Number of quads, named graphs (articles) and distinct triples.
    pub fn counts(&self) -> Result<(usize, usize, usize)> {
        let quads = self.store.len()?;
        let mut graphs = 0;
        let mut triples = 0;
        let mut seen = SharedSeen::default();
        self.for_each_graph(|graph, quads| {
            graphs += usize::from(matches!(graph, GraphName::NamedNode(_)));
            for quad in quads {
                if is_local_to(&quad, &graph) || seen.first_time(&quad) {
                    triples += 1;
                }
            }
            Ok(())
        })?;
        Ok((quads, graphs, triples))
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.store.is_empty()?)
    }

    /// Number of quads and named graphs (articles), without reading every triple.
    /// Graphs are counted through SPARQL, which decodes no IRI (listing them
    /// took 2.5 s on a million articles, the count 0.5 s).
    pub fn quick_counts(&self) -> Result<(usize, usize)> {
        let mut graphs = 0;
        if let QueryResults::Solutions(mut rows) =
            self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g {} }")?
        {
            if let Some(Term::Literal(n)) =
                rows.next().transpose()?.and_then(|r| r.get("n").cloned())
            {
                graphs = n.value().parse().unwrap_or(0);
            }
        }
        Ok((self.store.len()?, graphs))
    }

    /// Calls `visit` with every graph and its quads: the default graph, then the
    /// article graphs in IRI order, each graph's quads sorted. Graphs are read in
    /// parallel chunks, so memory stays bounded by one chunk whatever the store's size.
    fn for_each_graph(
        &self,
        mut visit: impl FnMut(GraphName, Vec<Quad>) -> Result<()>,
    ) -> Result<()> {
        let mut named: Vec<NamedOrBlankNode> = self
            .store
            .named_graphs()
            .collect::<std::result::Result<_, _>>()?;
        named.sort_by(|a, b| node_str(a).cmp(node_str(b)));
        let mut graphs = vec![GraphName::DefaultGraph];
        graphs.extend(named.into_iter().map(GraphName::from));
        for chunk in graphs.chunks(EXPORT_CHUNK) {
            let decoded: Vec<Result<Vec<Quad>>> = chunk
                .par_iter()
                .map(|graph| {
                    let mut quads: Vec<Quad> = self
                        .store
                        .quads_for_pattern(None, None, None, Some(graph.as_ref()))
                        .collect::<std::result::Result<_, _>>()?;
                    quads.sort_by(|a, b| {
                        triple_order(&a.subject, &a.predicate, &a.object).cmp(&triple_order(
                            &b.subject,
                            &b.predicate,
                            &b.object,
                        ))
                    });
                    Ok(quads)
                })
                .collect();
            for (graph, quads) in chunk.iter().zip(decoded) {
                visit(graph.clone(), quads?)?;
            }
        }
        Ok(())
    }

    /// Writes the graph in `format`, in a deterministic order: article graphs
    /// in IRI order, statements sorted within each. Dataset formats (N-Quads,
    /// TriG) keep one named graph per article. The others merge them: an
    /// entity description that several articles state is written where it
    /// first appears. Returns the number of statements written.
    pub fn export(&self, format: RdfFormat, writer: impl Write) -> Result<usize> {
        let mut serializer = RdfSerializer::from_format(format);
        if matches!(
            format,
            RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml
        ) {
            for (prefix, namespace) in PREFIXES {
                serializer = serializer
                    .with_prefix(prefix, namespace)
                    .map_err(|error| prefix_error(prefix, error))?;
            }
        }
        let export_error = ExportError::Write;
        let mut out = serializer.for_writer(writer);
        let mut written = 0;
        let mut seen = SharedSeen::default();
        self.for_each_graph(|graph, quads| {
            for quad in quads {
                if format.supports_datasets() {
                    out.serialize_quad(&quad).map_err(export_error)?;
                } else if is_local_to(&quad, &graph) || seen.first_time(&quad) {
                    out.serialize_triple(&Triple::from(quad))
                        .map_err(export_error)?;
                } else {
                    continue;
                }
                written += 1;
            }
            Ok(())
        })?;
        out.finish().map_err(export_error)?;
        Ok(written)
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

/// Article graphs decoded per parallel chunk in exports and counts.
const EXPORT_CHUNK: usize = 1024;

/// The shared statements (entity descriptions) met so far, as 128-bit
/// hashes of their triples: 16 bytes each instead of the triple's strings,
/// so merging a million articles' graphs stays within memory.
#[derive(Default)]
struct SharedSeen(HashSet<u128>);

impl SharedSeen {
    /// True the first time the triple of `quad` is met.
    fn first_time(&mut self, quad: &Quad) -> bool {
        let half = |salt: u64| {
            let mut hasher = std::hash::DefaultHasher::new();
            salt.hash(&mut hasher);
            quad.subject.hash(&mut hasher);
            quad.predicate.hash(&mut hasher);
            quad.object.hash(&mut hasher);
            hasher.finish()
        };
        self.0
            .insert(u128::from(half(0)) << 64 | u128::from(half(1)))
    }
}

/// Whether a statement belongs to its article alone: its subject is the article
/// or a node minted under the article's IRI (facts, counts, evidence). Only
/// entity descriptions are repeated in several article graphs (see `mapping`).
fn is_local_to(quad: &Quad, graph: &GraphName) -> bool {
    let (GraphName::NamedNode(graph), NamedOrBlankNode::NamedNode(subject)) =
        (graph, &quad.subject)
    else {
        return false;
    };
    subject
        .as_str()
        .strip_prefix(graph.as_str())
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '#']))
}

/// A sort key that borrows instead of formatting: subject, predicate, then the
/// object's kind, value and datatype or language.
fn triple_order<'a>(
    subject: &'a NamedOrBlankNode,
    predicate: &'a NamedNode,
    object: &'a Term,
) -> (&'a str, &'a str, u8, &'a str, &'a str) {
    let (kind, value, qualifier) = match object {
        Term::NamedNode(n) => (0, n.as_str(), ""),
        Term::BlankNode(b) => (1, b.as_str(), ""),
        Term::Literal(l) => (2, l.value(), l.language().unwrap_or(l.datatype().as_str())),
    };
    (
        node_str(subject),
        predicate.as_str(),
        kind,
        value,
        qualifier,
    )
}

/// An IRI or blank node id, without brackets (so "a-1" sorts before "a-10").
fn node_str(node: &NamedOrBlankNode) -> &str {
    match node {
        NamedOrBlankNode::NamedNode(n) => n.as_str(),
        NamedOrBlankNode::BlankNode(b) => b.as_str(),
    }
}

/// A prefix of `PREFIXES` whose namespace does not parse (a bug, caught by the tests).
fn prefix_error(prefix: &str, error: oxigraph::model::IriParseError) -> Error {
    Error::Prefix {
        prefix: prefix.to_string(),
        error,
    }
}

/// RocksDB's lock error becomes a clear "store in use" message.
fn in_use_or(dir: &Path, error: oxigraph::store::StorageError) -> Error {
    let text = error.to_string();
    if text.contains("lock") || text.contains("LOCK") {
        StoreError::InUse {
            dir: dir.to_path_buf(),
            detail: text,
        }
        .into()
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
        StoreError::DiskFull {
            dir: dir.to_path_buf(),
            detail: text,
        }
        .into()
    } else if text.contains("Read-only file system") || text.contains("Permission denied") {
        StoreError::ReadOnly {
            dir: dir.to_path_buf(),
            detail: text,
        }
        .into()
    } else {
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::ID;
    use oxigraph::model::Literal;

    fn node(path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{ID}{path}"))
    }

    /// Two articles whose ids share a prefix, both describing one entity.
    fn two_articles() -> GraphStore {
        let store = GraphStore::in_memory().unwrap();
        let label = oxigraph::model::vocab::rdfs::LABEL.into_owned();
        let mut articles = Vec::new();
        for id in ["a-1", "a-10"] {
            let graph = GraphName::NamedNode(article_iri(id));
            let entity = node("entity/organization/acme");
            let fact = node(&format!("article/{id}/fact/1"));
            articles.push(vec![
                Quad::new(
                    entity.clone(),
                    label.clone(),
                    Literal::from("Acme"),
                    graph.clone(),
                ),
                Quad::new(fact, ng("subject"), entity, graph.clone()),
            ]);
        }
        let mut articles = articles.into_iter();
        let batch = vec![
            ("a-1", "h1", articles.next().unwrap()),
            ("a-10", "h10", articles.next().unwrap()),
        ];
        store.put_articles(batch, true, 2).unwrap();
        store
    }

    #[test]
    fn a_node_is_local_only_under_its_own_article() {
        let graph = GraphName::NamedNode(article_iri("a-1"));
        let quad =
            |subject: &str| Quad::new(node(subject), ng("subject"), node("x"), graph.clone());
        assert!(is_local_to(&quad("article/a-1/fact/3"), &graph));
        assert!(is_local_to(&quad("article/a-1#char=0,5"), &graph));
        assert!(!is_local_to(&quad("article/a-10/fact/3"), &graph));
        assert!(!is_local_to(&quad("entity/person/jane-roe"), &graph));
    }

    #[test]
    fn merged_exports_state_shared_descriptions_once() {
        let store = two_articles();
        assert_eq!(store.counts().unwrap(), (4, 2, 3));
        let mut ntriples = Vec::new();
        assert_eq!(store.export(RdfFormat::NTriples, &mut ntriples).unwrap(), 3);
        let text = String::from_utf8(ntriples).unwrap();
        assert_eq!(text.lines().count(), 3);
        // Article graphs in IRI order; the shared description where first met.
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("article/a-1/fact/1"), "{text}");
        assert!(lines[1].contains("\"Acme\""), "{text}");
        assert!(lines[2].contains("article/a-10/fact/1"), "{text}");
        let mut nquads = Vec::new();
        assert_eq!(store.export(RdfFormat::NQuads, &mut nquads).unwrap(), 4);
    }
}
