//! GraphML (<http://graphml.graphdrawing.org/>) for Gephi, Cytoscape, networkx
//! and yEd. Plain `<data>` keys carry the attributes; yFiles graphics keys
//! give yEd a filled, labelled node and a labelled edge, which the other
//! tools ignore.

use super::{hex_colour, xml_escape, Graph};
use std::io::{Result, Write};

/// Writes `graph` as GraphML.
pub fn write(graph: &Graph, out: &mut dyn Write) -> Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">"#
    )?;
    writeln!(
        out,
        "  <!-- newsgraph: {} entities, {} relations -->",
        graph.nodes.len(),
        graph.edges.len()
    )?;
    for (id, domain, kind) in [
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("mentions", "node", "int"),
        ("aliases", "node", "string"),
        ("iri", "node", "string"),
        ("relation", "edge", "string"),
        ("date", "edge", "string"),
        ("articles", "edge", "int"),
        ("facts", "edge", "int"),
        ("evidence", "edge", "string"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{id}" attr.type="{kind}"/>"#
        )?;
    }
    writeln!(
        out,
        r#"  <key id="yfiles_node" for="node" yfiles.type="nodegraphics"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="yfiles_edge" for="edge" yfiles.type="edgegraphics"/>"#
    )?;
    writeln!(out, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
    for node in &graph.nodes {
        let label = xml_escape(&node.label);
        writeln!(out, r#"    <node id="{}">"#, xml_escape(&node.iri))?;
        writeln!(out, r#"      <data key="label">{label}</data>"#)?;
        writeln!(
            out,
            r#"      <data key="type">{}</data>"#,
            xml_escape(&node.entity_type)
        )?;
        writeln!(
            out,
            r#"      <data key="mentions">{}</data>"#,
            node.mentions
        )?;
        if !node.aliases.is_empty() {
            writeln!(
                out,
                r#"      <data key="aliases">{}</data>"#,
                xml_escape(&node.aliases.join(" | "))
            )?;
        }
        writeln!(
            out,
            r#"      <data key="iri">{}</data>"#,
            xml_escape(&node.iri)
        )?;
        let width = 30 + 7 * node.label.chars().count().min(40);
        writeln!(
            out,
            r#"      <data key="yfiles_node"><y:ShapeNode><y:Geometry height="30.0" width="{width}.0"/><y:Fill color="{}" transparent="false"/><y:Shape type="roundrectangle"/><y:NodeLabel>{label}</y:NodeLabel></y:ShapeNode></data>"#,
            hex_colour(&node.entity_type).to_uppercase()
        )?;
        writeln!(out, "    </node>")?;
    }
    for (n, edge) in graph.edges.iter().enumerate() {
        let (source, target) = (&graph.nodes[edge.source].iri, &graph.nodes[edge.target].iri);
        writeln!(
            out,
            r#"    <edge id="e{}" source="{}" target="{}">"#,
            n + 1,
            xml_escape(source),
            xml_escape(target)
        )?;
        writeln!(
            out,
            r#"      <data key="relation">{}</data>"#,
            xml_escape(&edge.relation)
        )?;
        if let Some(date) = edge.date {
            writeln!(out, r#"      <data key="date">{date}</data>"#)?;
        }
        writeln!(
            out,
            r#"      <data key="articles">{}</data>"#,
            edge.articles.len()
        )?;
        writeln!(out, r#"      <data key="facts">{}</data>"#, edge.facts)?;
        writeln!(
            out,
            r#"      <data key="evidence">{}</data>"#,
            xml_escape(&edge.evidence)
        )?;
        let caption = match edge.date {
            Some(date) => format!("{} {date}", edge.relation),
            None => edge.relation.clone(),
        };
        writeln!(
            out,
            r#"      <data key="yfiles_edge"><y:PolyLineEdge><y:Arrows source="none" target="standard"/><y:EdgeLabel>{}</y:EdgeLabel></y:PolyLineEdge></data>"#,
            xml_escape(&caption)
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
