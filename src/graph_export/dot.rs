//! Graphviz DOT, meant to be read at a glance: entity names in boxes filled
//! by type (with a legend), edges labelled with the relation and its date,
//! the evidence sentence as the edge's tooltip in SVG. `svg` and `png` run
//! Graphviz's `dot` on it.

use super::{hex_colour, Graph};
use crate::error::{Error, ExportError, Result};
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escapes text inside an HTML-like label.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes `graph` as a DOT digraph. When the graph has edges, entities
/// without any are left out of the picture (the title says how many).
pub fn write(graph: &Graph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "digraph newsgraph {{")?;
    let linked: BTreeSet<usize> = graph
        .edges
        .iter()
        .flat_map(|e| [e.source, e.target])
        .collect();
    let shown = |i: usize| graph.edges.is_empty() || linked.contains(&i);
    let hidden = (0..graph.nodes.len()).filter(|&i| !shown(i)).count();
    let mut title = format!(
        "newsgraph: {} entities, {} relations",
        graph.nodes.len() - hidden,
        graph.edges.len()
    );
    if hidden > 0 {
        title.push_str(&format!(" ({hidden} entities without relations not shown)"));
    }
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label={}, nodesep=0.3, ranksep=0.6];", quoted(&title))?;
    writeln!(out, "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, color=\"#555555\", margin=\"0.15,0.06\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\", arrowsize=0.7];")?;
    let types: BTreeSet<&str> = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| shown(*i))
        .map(|(_, n)| n.entity_type.as_str())
        .collect();
    if !types.is_empty() {
        let mut rows = String::new();
        for t in &types {
            rows.push_str(&format!(
                "<tr><td bgcolor=\"{}\" width=\"14\"></td><td align=\"left\">{}</td></tr>",
                hex_colour(t),
                html(t)
            ));
        }
        writeln!(
            out,
            "  legend [shape=plaintext, style=\"\", fontsize=9, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"3\"><tr><td colspan=\"2\"><b>entity type</b></td></tr>{rows}</table>>];"
        )?;
    }
    for (i, node) in graph.nodes.iter().enumerate().filter(|(i, _)| shown(*i)) {
        let tooltip = format!(
            "{} · {} mention{}",
            node.entity_type,
            node.mentions,
            if node.mentions == 1 { "" } else { "s" }
        );
        let focus = if node.focus {
            ", penwidth=2.5, fontname=\"Helvetica-Bold\""
        } else {
            ""
        };
        writeln!(
            out,
            "  n{} [label={}, fillcolor=\"{}\", tooltip={}{focus}];",
            i + 1,
            quoted(&node.label),
            hex_colour(&node.entity_type),
            quoted(&tooltip)
        )?;
    }
    for edge in &graph.edges {
        let mut label = edge.relation.clone();
        if let Some(date) = edge.date {
            label.push_str(&format!("\n{date}"));
        }
        if edge.articles.len() > 1 {
            label.push_str(&format!("\n{} articles", edge.articles.len()));
        }
        writeln!(
            out,
            "  n{} -> n{} [label={}, tooltip={}];",
            edge.source + 1,
            edge.target + 1,
            quoted(&label),
            quoted(&edge.evidence)
        )?;
    }
    writeln!(out, "}}")
}

/// Runs Graphviz `dot -T<format>` on DOT text and returns the image.
pub fn render_graphviz(dot_text: &[u8], format: &str) -> Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ExportError::NoGraphviz {
                format: format.to_string(),
            }
            .into(),
            _ => Error::io("dot", e),
        })?;
    let mut stdin = child.stdin.take().ok_or(ExportError::GraphvizInput)?;
    let text = dot_text.to_vec();
    // Write from another thread so a large image on stdout cannot dead-lock the pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&text));
    let output = child.wait_with_output().map_err(|e| Error::io("dot", e))?;
    writer
        .join()
        .map_err(|_| ExportError::GraphvizInput)?
        .map_err(|e| Error::io("dot (stdin)", e))?;
    if !output.status.success() {
        return Err(ExportError::Graphviz {
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        }
        .into());
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_strings_are_escaped() {
        assert_eq!(quoted(r#"say "hi" \ now"#), r#""say \"hi\" \\ now""#);
        assert_eq!(quoted("a\nb"), r#""a\nb""#);
    }
}
