//! Exports for graph tools (GraphML, GEXF, Neo4j, Cypher, CSV, DOT) and the
//! filters shared by every export.
//!
//! The store holds an RDF graph with one named graph per article. Graph tools
//! want something simpler: **nodes** are entities (label, type, mention
//! count, aliases) and **edges** are relation facts with both a subject and an
//! object. Identical `(subject, relation, object)` triples read from several
//! facts or articles become one edge that records how many articles support
//! it, its earliest date and the first evidence sentence (facts ordered by
//! article id, then by position in the article).
//!
//! [`Filter`] selects part of the graph: some articles, a date range, an
//! entity's neighbourhood, some relations. [`Snapshot::graph`] applies it for
//! the graph tools and [`Snapshot::rdf_subset`] for the RDF formats.
//!
//! ```
//! use newsgraph::graph_export::{Filter, GraphFormat, Snapshot};
//! use newsgraph::input::RawArticle;
//! use newsgraph::pipeline::Pipeline;
//! use newsgraph::rules::Rules;
//! use newsgraph::store::GraphStore;
//!
//! let raw = RawArticle {
//!     id: "harbour-minister".into(),
//!     text: "Prime Minister Ana Lima dismissed Finance Minister Paulo Reis on Friday, officials said."
//!         .into(),
//!     ..RawArticle::default()
//! };
//! let article = Pipeline::new(Rules::builtin(), None).process(&raw);
//! let store = GraphStore::in_memory()?;
//! store.put_articles(vec![(&article.id, &article.hash, article.quads)], true, 1)?;
//!
//! let filter = Filter {
//!     around: Some("Paulo Reis".into()),
//!     ..Filter::default()
//! };
//! let graph = Snapshot::load(&store)?.graph(&filter)?;
//! assert!(graph.edges.iter().any(|e| e.relation == "dismissed"));
//! let mut graphml = Vec::new();
//! GraphFormat::Graphml.write(&graph, &mut graphml)?;
//! assert!(String::from_utf8(graphml)?.contains("Paulo Reis"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv;
mod dot;
mod gexf;
mod graphml;
mod neo4j;

pub use dot::render_graphviz;
pub use neo4j::write_neo4j_folder;

use crate::dates::Date;
use crate::error::{Error, ExportError, Result};
use crate::mapping::NG;
use crate::model::Relation;
use crate::queries::internal;
use crate::store::GraphStore;
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::QueryResults;
use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::io::Write;

/// Which part of the graph an export holds. Empty filter: everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Only what was read from these articles (ids).
    pub articles: Vec<String>,
    /// Only facts dated on or after this day; undated facts are left out.
    pub from: Option<Date>,
    /// Only facts dated on or before this day; undated facts are left out.
    pub to: Option<Date>,
    /// Only the neighbourhood of the entity with this label or alias (any case).
    pub around: Option<String>,
    /// How many edges away from `around` to go.
    pub depth: usize,
    /// Only facts of these relations; figures are left out.
    pub relations: Vec<Relation>,
}

impl Default for Filter {
    /// Everything; an `around` set later reaches one edge away.
    fn default() -> Filter {
        Filter {
            articles: Vec::new(),
            from: None,
            to: None,
            around: None,
            depth: 1,
            relations: Vec::new(),
        }
    }
}

impl Filter {
    /// True when the filter selects everything.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && !self.narrows_facts()
    }

    /// True when the filter keeps only some facts of the chosen articles
    /// (then entities without a kept fact are left out too).
    fn narrows_facts(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || self.around.is_some()
            || !self.relations.is_empty()
    }
}

/// The graph-tool export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// GraphML with yEd graphics (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// GEXF 1.3, dynamic, with a start date on every dated edge (Gephi's timeline).
    Gexf,
    /// Neo4j bulk-import CSVs, `nodes.csv` and `relationships.csv`, in a folder.
    Neo4j,
    /// A Cypher script of `MERGE` statements (cypher-shell, Neo4j Browser).
    Cypher,
    /// A flat CSV edge list.
    Csv,
    /// Graphviz DOT.
    Dot,
    /// SVG drawn by Graphviz `dot`.
    Svg,
    /// PNG drawn by Graphviz `dot`.
    Png,
}

impl GraphFormat {
    /// The file extension of the default output (`out/graph.<ext>`); Neo4j writes a folder.
    pub fn extension(self) -> &'static str {
        match self {
            GraphFormat::Graphml => "graphml",
            GraphFormat::Gexf => "gexf",
            GraphFormat::Neo4j => "neo4j",
            GraphFormat::Cypher => "cypher",
            GraphFormat::Csv => "csv",
            GraphFormat::Dot => "dot",
            GraphFormat::Svg => "svg",
            GraphFormat::Png => "png",
        }
    }

    /// Writes `graph` in this format. Neo4j's two files go to a folder
    /// instead: see [`write_neo4j_folder`].
    pub fn write(self, graph: &Graph, out: &mut dyn Write) -> Result<()> {
        let io = |e: std::io::Error| Error::io("<export output>", e);
        match self {
            GraphFormat::Graphml => graphml::write(graph, out).map_err(io),
            GraphFormat::Gexf => gexf::write(graph, out).map_err(io),
            GraphFormat::Cypher => neo4j::write_cypher(graph, out).map_err(io),
            GraphFormat::Csv => csv::write(graph, out).map_err(io),
            GraphFormat::Dot => dot::write(graph, out).map_err(io),
            GraphFormat::Svg | GraphFormat::Png => {
                let mut text = Vec::new();
                dot::write(graph, &mut text).map_err(io)?;
                let image = render_graphviz(&text, self.extension())?;
                out.write_all(&image).map_err(io)
            }
            GraphFormat::Neo4j => Err(ExportError::Neo4jIsAFolder.into()),
        }
    }
}

/// An entity: a node of the exported graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The entity IRI (also the node id in GraphML, GEXF and Neo4j).
    pub iri: String,
    /// Canonical name (the smallest, if articles disagree).
    pub label: String,
    /// Entity class name: Person, Organization, Country, Place, MilitaryForce or Group.
    pub entity_type: String,
    /// Mentions, summed over the selected articles.
    pub mentions: u64,
    /// Other names, sorted.
    pub aliases: Vec<String>,
    /// True for the entity an `--around` export is centred on (drawn in bold).
    pub focus: bool,
}

/// One `(subject, relation, object)` edge, aggregated over the facts stating it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Index of the subject in [`Graph::nodes`].
    pub source: usize,
    /// Index of the object in [`Graph::nodes`].
    pub target: usize,
    /// Relation name, e.g. `dismissed`.
    pub relation: String,
    /// Earliest date of the facts, if any is dated.
    pub date: Option<Date>,
    /// Ids of the supporting articles, sorted.
    pub articles: Vec<String>,
    /// How many facts state the edge.
    pub facts: usize,
    /// The evidence sentence of the first fact (article order), on one line.
    pub evidence: String,
}

/// The exported graph: entities and aggregated edges, sorted by IRI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// Entities, sorted by IRI.
    pub nodes: Vec<Node>,
    /// Edges, sorted by (subject IRI, relation, object IRI).
    pub edges: Vec<Edge>,
}

impl Graph {
    /// The earliest date of a node's edges; `None` if it has none or an undated one
    /// (such a node is shown for the whole timeline).
    pub fn node_start(&self, node: usize) -> Option<Date> {
        let mut start: Option<Date> = None;
        for edge in self
            .edges
            .iter()
            .filter(|e| e.source == node || e.target == node)
        {
            let date = edge.date?;
            start = Some(start.map_or(date, |s| s.min(date)));
        }
        start
    }
}

/// A fact (relation fact or figure) as read from the store.
#[derive(Debug, Clone)]
struct FactRow {
    iri: String,
    article: String,
    position: u64,
    relation: Option<String>,
    subject: Option<String>,
    object: Option<String>,
    /// Other entities the fact refers to (organisation, place, source).
    others: Vec<String>,
    date: Option<Date>,
    evidence: Option<String>,
    sentence: String,
}

/// What one article graph says about one entity.
#[derive(Debug, Clone, Default)]
struct EntityInArticle {
    labels: BTreeSet<String>,
    types: BTreeSet<String>,
    aliases: BTreeSet<String>,
    mentions: u64,
}

/// Everything the exports need, read from the store once.
pub struct Snapshot {
    /// Article id → article IRI.
    articles: BTreeMap<String, String>,
    facts: Vec<FactRow>,
    /// Entity IRI → article id → what that article says.
    entities: BTreeMap<String, BTreeMap<String, EntityInArticle>>,
}

/// What a filter keeps, before it is shaped for one kind of export.
struct Selection {
    articles: BTreeSet<String>,
    facts: Vec<usize>,
    /// Entities the graph tools show as nodes.
    nodes: BTreeSet<String>,
    /// The `--around` entities.
    centres: BTreeSet<String>,
}

impl Snapshot {
    /// Reads articles, facts and entities from the store.
    pub fn load(store: &GraphStore) -> Result<Snapshot> {
        let mut articles = BTreeMap::new();
        for row in select(store, internal::EXPORT_ARTICLES, &["doc", "id"])? {
            if let [Some(doc), Some(id)] = &row[..] {
                articles.insert(id.clone(), doc.clone());
            }
        }

        let mut facts: BTreeMap<String, FactRow> = BTreeMap::new();
        let columns = [
            "fact", "id", "relation", "subject", "object", "other", "date", "evidence", "sentence",
        ];
        for row in select(store, internal::EXPORT_FACTS, &columns)? {
            let [Some(iri), Some(article), relation, subject, object, other, date, evidence, sentence] =
                <[Option<String>; 9]>::try_from(row).unwrap_or_default()
            else {
                continue;
            };
            let fact = facts.entry(iri.clone()).or_insert_with(|| FactRow {
                position: iri
                    .rsplit('/')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0),
                iri,
                article,
                relation: relation.and_then(|r| r.strip_prefix(NG).map(str::to_string)),
                subject,
                object,
                others: Vec::new(),
                date: date.as_deref().and_then(Date::parse_iso),
                evidence,
                sentence: one_line(sentence.as_deref().unwrap_or_default()),
            });
            if let Some(other) = other {
                if !fact.others.contains(&other) {
                    fact.others.push(other);
                }
            }
        }
        let mut facts: Vec<FactRow> = facts.into_values().collect();
        facts.sort_by(|a, b| {
            (&a.article, a.position, &a.iri).cmp(&(&b.article, b.position, &b.iri))
        });

        let mut entities: BTreeMap<String, BTreeMap<String, EntityInArticle>> = BTreeMap::new();
        for row in select(
            store,
            internal::EXPORT_ENTITIES,
            &["e", "id", "type", "label", "n"],
        )? {
            if let [Some(e), Some(id), Some(class), Some(label), Some(n)] = &row[..] {
                let info = entities
                    .entry(e.clone())
                    .or_default()
                    .entry(id.clone())
                    .or_default();
                if let Some(name) = class.strip_prefix(NG) {
                    info.types.insert(name.to_string());
                }
                info.labels.insert(one_line(label));
                info.mentions = info.mentions.max(n.parse().unwrap_or(0));
            }
        }
        for row in select(store, internal::EXPORT_ALIASES, &["e", "id", "alias"])? {
            if let [Some(e), Some(id), Some(alias)] = &row[..] {
                if let Some(info) = entities.get_mut(e).and_then(|m| m.get_mut(id)) {
                    info.aliases.insert(one_line(alias));
                }
            }
        }
        Ok(Snapshot {
            articles,
            facts,
            entities,
        })
    }

    /// Applies a filter: the articles, facts and node entities it keeps.
    fn selection(&self, filter: &Filter) -> Result<Selection> {
        for id in &filter.articles {
            if !self.articles.contains_key(id) {
                return Err(ExportError::NoArticle { id: id.clone() }.into());
            }
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            if from > to {
                return Err(ExportError::DatesReversed { from, to }.into());
            }
        }
        let articles: BTreeSet<String> = if filter.articles.is_empty() {
            self.articles.keys().cloned().collect()
        } else {
            filter.articles.iter().cloned().collect()
        };
        let relations: BTreeSet<&str> = filter.relations.iter().map(|r| r.name()).collect();
        let dated = filter.from.is_some() || filter.to.is_some();
        let mut facts: Vec<usize> = (0..self.facts.len())
            .filter(|&i| {
                let f = &self.facts[i];
                articles.contains(&f.article)
                    && (!dated
                        || f.date.is_some_and(|d| {
                            filter.from.is_none_or(|from| d >= from)
                                && filter.to.is_none_or(|to| d <= to)
                        }))
                    && (relations.is_empty()
                        || f.relation.as_deref().is_some_and(|r| relations.contains(r)))
            })
            .collect();

        let mut nodes: BTreeSet<String> = BTreeSet::new();
        let mut centres: BTreeSet<String> = BTreeSet::new();
        if let Some(name) = &filter.around {
            centres = self.find_entities(name, &articles);
            if centres.is_empty() {
                return Err(ExportError::NoEntity { name: name.clone() }.into());
            }
            let reached = self.neighbourhood(&facts, centres.clone(), filter.depth);
            facts.retain(|&i| {
                let f = &self.facts[i];
                match (&f.subject, &f.object) {
                    (Some(s), Some(o)) => reached.contains(s) && reached.contains(o),
                    (Some(e), None) | (None, Some(e)) => reached.contains(e),
                    (None, None) => f.others.iter().any(|e| reached.contains(e)),
                }
            });
            nodes = reached;
        } else if !filter.narrows_facts() {
            nodes = self
                .entities
                .iter()
                .filter(|(_, by)| by.keys().any(|a| articles.contains(a)))
                .map(|(e, _)| e.clone())
                .collect();
        }
        for &i in &facts {
            if let (Some(s), Some(o)) = (&self.facts[i].subject, &self.facts[i].object) {
                nodes.insert(s.clone());
                nodes.insert(o.clone());
            }
        }
        Ok(Selection {
            articles,
            facts,
            nodes,
            centres,
        })
    }

    /// Entities whose label or alias in the given articles equals `name`, any case.
    fn find_entities(&self, name: &str, articles: &BTreeSet<String>) -> BTreeSet<String> {
        let wanted = name.trim().to_lowercase();
        self.entities
            .iter()
            .filter(|(_, by)| {
                by.iter()
                    .filter(|(a, _)| articles.contains(*a))
                    .any(|(_, info)| {
                        info.labels
                            .iter()
                            .chain(&info.aliases)
                            .any(|l| l.to_lowercase() == wanted)
                    })
            })
            .map(|(e, _)| e.clone())
            .collect()
    }

    /// Entities at most `depth` edges (either direction) from `centres`.
    fn neighbourhood(
        &self,
        facts: &[usize],
        centres: BTreeSet<String>,
        depth: usize,
    ) -> BTreeSet<String> {
        let mut adjacent: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for &i in facts {
            if let (Some(s), Some(o)) = (&self.facts[i].subject, &self.facts[i].object) {
                adjacent.entry(s).or_default().insert(o);
                adjacent.entry(o).or_default().insert(s);
            }
        }
        let mut reached: BTreeSet<String> = centres.clone();
        let mut queue: VecDeque<(String, usize)> = centres.into_iter().map(|c| (c, 0)).collect();
        while let Some((entity, distance)) = queue.pop_front() {
            if distance == depth {
                continue;
            }
            for next in adjacent.get(entity.as_str()).into_iter().flatten() {
                if reached.insert(next.to_string()) {
                    queue.push_back((next.to_string(), distance + 1));
                }
            }
        }
        reached
    }

    /// The graph the graph-tool formats export: entities and aggregated edges.
    pub fn graph(&self, filter: &Filter) -> Result<Graph> {
        let selection = self.selection(filter)?;
        let nodes: Vec<Node> = selection
            .nodes
            .iter()
            .map(|iri| {
                let mut node = self.node(iri, &selection.articles);
                node.focus = selection.centres.contains(iri);
                node
            })
            .collect();
        let index: BTreeMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.iri.as_str(), i))
            .collect();
        let mut edges: BTreeMap<(usize, String, usize), Edge> = BTreeMap::new();
        // Facts are in article order, so the first fact of an edge gives its evidence.
        for &i in &selection.facts {
            let f = &self.facts[i];
            let (Some(relation), Some(s), Some(o)) = (&f.relation, &f.subject, &f.object) else {
                continue;
            };
            let (Some(&source), Some(&target)) = (index.get(s.as_str()), index.get(o.as_str()))
            else {
                continue;
            };
            let edge = edges
                .entry((source, relation.clone(), target))
                .or_insert_with(|| Edge {
                    source,
                    target,
                    relation: relation.clone(),
                    date: None,
                    articles: Vec::new(),
                    facts: 0,
                    evidence: f.sentence.clone(),
                });
            edge.facts += 1;
            if let Some(date) = f.date {
                edge.date = Some(edge.date.map_or(date, |d| d.min(date)));
            }
            if !edge.articles.contains(&f.article) {
                edge.articles.push(f.article.clone());
            }
        }
        let edges = edges
            .into_values()
            .map(|mut e| {
                e.articles.sort();
                e
            })
            .collect();
        Ok(Graph { nodes, edges })
    }

    /// A node as the selected articles describe it.
    fn node(&self, iri: &str, articles: &BTreeSet<String>) -> Node {
        let mut merged = EntityInArticle::default();
        let by_article = self.entities.get(iri);
        let selected: Vec<&EntityInArticle> = by_article
            .into_iter()
            .flatten()
            .filter(|(a, _)| articles.contains(*a))
            .map(|(_, i)| i)
            .collect();
        // An entity reached through a fact is described in that fact's article; fall back to any article.
        let described = if selected.is_empty() {
            by_article.into_iter().flatten().map(|(_, i)| i).collect()
        } else {
            selected
        };
        for info in described {
            merged.labels.extend(info.labels.iter().cloned());
            merged.types.extend(info.types.iter().cloned());
            merged.aliases.extend(info.aliases.iter().cloned());
            merged.mentions += info.mentions;
        }
        let label = merged
            .labels
            .iter()
            .next()
            .cloned()
            .unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_string());
        let aliases = merged.aliases.into_iter().filter(|a| *a != label).collect();
        let entity_type = merged
            .types
            .into_iter()
            .next()
            .unwrap_or_else(|| "Entity".to_string());
        Node {
            iri: iri.to_string(),
            label,
            entity_type,
            mentions: merged.mentions,
            aliases,
            focus: false,
        }
    }

    /// The quads an RDF export with `filter` keeps: for each kept fact its
    /// node, evidence and direct edge; the descriptions of the entities the
    /// kept facts refer to; and the metadata of the articles they come from.
    /// With only `--article`, that is the whole graph of each chosen article.
    pub fn rdf_subset(&self, store: &GraphStore, filter: &Filter) -> Result<Vec<Quad>> {
        let selection = self.selection(filter)?;
        if !filter.narrows_facts() {
            let graphs: HashSet<&str> = selection
                .articles
                .iter()
                .map(|id| self.articles[id].as_str())
                .collect();
            let mut kept = store.quads()?;
            kept.retain(
                |q| matches!(&q.graph_name, GraphName::NamedNode(g) if graphs.contains(g.as_str())),
            );
            return Ok(kept);
        }
        let mut graphs: HashSet<String> = HashSet::new();
        let mut subjects: HashSet<String> = HashSet::new();
        let mut entities: HashSet<String> = HashSet::new();
        let mut edges: HashSet<(String, String, String, String)> = HashSet::new();
        for &i in &selection.facts {
            let f = &self.facts[i];
            let graph = self.articles[&f.article].clone();
            subjects.insert(f.iri.clone());
            subjects.extend(f.evidence.iter().cloned());
            entities.extend(f.subject.iter().chain(&f.object).chain(&f.others).cloned());
            if let (Some(relation), Some(s), Some(o)) = (&f.relation, &f.subject, &f.object) {
                edges.insert((
                    s.clone(),
                    format!("{NG}{relation}"),
                    o.clone(),
                    graph.clone(),
                ));
            }
            graphs.insert(graph);
        }
        let edge_properties: HashSet<String> = Relation::ALL
            .iter()
            .map(|r| format!("{NG}{}", r.name()))
            .collect();
        let mut kept = Vec::new();
        for quad in store.quads()? {
            let GraphName::NamedNode(graph) = &quad.graph_name else {
                continue;
            };
            if !graphs.contains(graph.as_str()) {
                continue;
            }
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            let (s, p) = (subject.as_str(), quad.predicate.as_str());
            let keep = if s == graph.as_str() || subjects.contains(s) {
                true
            } else if edge_properties.contains(p) {
                let Term::NamedNode(o) = &quad.object else {
                    continue;
                };
                edges.contains(&(
                    s.to_string(),
                    p.to_string(),
                    o.as_str().to_string(),
                    graph.as_str().to_string(),
                ))
            } else {
                entities.contains(s)
            };
            if keep {
                kept.push(quad);
            }
        }
        Ok(kept)
    }
}

/// Runs a SELECT query and returns the plain values of `columns` for each row.
fn select(store: &GraphStore, sparql: &str, columns: &[&str]) -> Result<Vec<Vec<Option<String>>>> {
    let QueryResults::Solutions(solutions) = store.query(sparql)? else {
        return Err(Error::NotSelect { query: "export" });
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution?;
        rows.push(
            columns
                .iter()
                .map(|c| {
                    solution.get(*c).map(|t| match t {
                        Term::NamedNode(n) => n.as_str().to_string(),
                        Term::Literal(l) => l.value().to_string(),
                        other => other.to_string(),
                    })
                })
                .collect(),
        );
    }
    Ok(rows)
}

/// Whitespace runs (newlines included) become one space, so every value fits on one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Fill colour (RGB) of an entity type, shared by DOT, GraphML (yEd) and GEXF
/// (ColorBrewer "Paired" light tones: distinct, readable under black text).
pub fn type_colour(entity_type: &str) -> (u8, u8, u8) {
    match entity_type {
        "Person" => (0xa6, 0xce, 0xe3),
        "Organization" => (0xb2, 0xdf, 0x8a),
        "Country" => (0xfd, 0xbf, 0x6f),
        "Place" => (0xca, 0xb2, 0xd6),
        "MilitaryForce" => (0xfb, 0x9a, 0x99),
        "Group" => (0xff, 0xff, 0x99),
        _ => (0xdd, 0xdd, 0xdd),
    }
}

/// The colour as `#rrggbb`.
pub fn hex_colour(entity_type: &str) -> String {
    let (r, g, b) = type_colour(entity_type);
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;\u{FFFD}"
        );
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(one_line(" a\n  b\tc "), "a b c");
    }
}
