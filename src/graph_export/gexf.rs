//! GEXF 1.3 (<https://gexf.net>) for Gephi. The graph is dynamic with
//! `timeformat="date"`: a dated edge starts on its earliest date and a node on
//! the earliest date of its edges, so Gephi's timeline shows the story
//! growing day by day. Undated edges, and nodes with an undated edge or none,
//! have no start and are shown throughout.

use super::{type_colour, xml_escape, Graph};
use std::io::{Result, Write};

/// Writes `graph` as GEXF 1.3.
pub fn write(graph: &Graph, out: &mut dyn Write) -> Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(
        out,
        "    <creator>newsgraph {}</creator>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "    <description>{} entities, {} relations</description>",
        graph.nodes.len(),
        graph.edges.len()
    )?;
    writeln!(out, "  </meta>")?;
    writeln!(
        out,
        r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#
    )?;
    writeln!(out, r#"    <attributes class="node" mode="static">"#)?;
    for (id, kind) in [
        ("type", "string"),
        ("mentions", "integer"),
        ("aliases", "string"),
        ("iri", "string"),
    ] {
        writeln!(
            out,
            r#"      <attribute id="{id}" title="{id}" type="{kind}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge" mode="static">"#)?;
    for (id, kind) in [
        ("relation", "string"),
        ("date", "string"),
        ("articles", "integer"),
        ("facts", "integer"),
        ("evidence", "string"),
    ] {
        writeln!(
            out,
            r#"      <attribute id="{id}" title="{id}" type="{kind}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for (i, node) in graph.nodes.iter().enumerate() {
        let start = graph
            .node_start(i)
            .map(|d| format!(r#" start="{d}""#))
            .unwrap_or_default();
        writeln!(
            out,
            r#"      <node id="{}" label="{}"{start}>"#,
            xml_escape(&node.iri),
            xml_escape(&node.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        writeln!(
            out,
            r#"          <attvalue for="type" value="{}"/>"#,
            xml_escape(&node.entity_type)
        )?;
        writeln!(
            out,
            r#"          <attvalue for="mentions" value="{}"/>"#,
            node.mentions
        )?;
        if !node.aliases.is_empty() {
            writeln!(
                out,
                r#"          <attvalue for="aliases" value="{}"/>"#,
                xml_escape(&node.aliases.join(" | "))
            )?;
        }
        writeln!(
            out,
            r#"          <attvalue for="iri" value="{}"/>"#,
            xml_escape(&node.iri)
        )?;
        writeln!(out, "        </attvalues>")?;
        let (r, g, b) = type_colour(&node.entity_type);
        writeln!(
            out,
            r#"        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>"#
        )?;
        writeln!(
            out,
            r#"        <viz:size value="{:.1}"/>"#,
            10.0 + 4.0 * (node.mentions.max(1) as f64).ln()
        )?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (n, edge) in graph.edges.iter().enumerate() {
        let (source, target) = (&graph.nodes[edge.source].iri, &graph.nodes[edge.target].iri);
        let start = edge
            .date
            .map(|d| format!(r#" start="{d}""#))
            .unwrap_or_default();
        writeln!(
            out,
            r#"      <edge id="e{}" source="{}" target="{}" label="{}" weight="{}"{start}>"#,
            n + 1,
            xml_escape(source),
            xml_escape(target),
            xml_escape(&edge.relation),
            edge.articles.len()
        )?;
        writeln!(out, "        <attvalues>")?;
        writeln!(
            out,
            r#"          <attvalue for="relation" value="{}"/>"#,
            xml_escape(&edge.relation)
        )?;
        if let Some(date) = edge.date {
            writeln!(out, r#"          <attvalue for="date" value="{date}"/>"#)?;
        }
        writeln!(
            out,
            r#"          <attvalue for="articles" value="{}"/>"#,
            edge.articles.len()
        )?;
        writeln!(
            out,
            r#"          <attvalue for="facts" value="{}"/>"#,
            edge.facts
        )?;
        writeln!(
            out,
            r#"          <attvalue for="evidence" value="{}"/>"#,
            xml_escape(&edge.evidence)
        )?;
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}
