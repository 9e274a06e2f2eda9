//! Shows what each pipeline stage makes of a text file: sentences, mentions
//! with their types and entities, and facts. For rule writers:
//!
//!     cargo run --example analyse -- story.txt [YYYY-MM-DD]

use newsgraph::dates::Date;
use newsgraph::input::RawArticle;
use newsgraph::pipeline::Pipeline;
use newsgraph::rules::Rules;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: analyse FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let date = args.next().and_then(|d| Date::parse_iso(&d));
    let raw = RawArticle {
        id: "analysed".into(),
        text,
        ..RawArticle::default()
    };
    let analysis = Pipeline::new(Rules::builtin(), date).analyse(&raw);
    let entities = &analysis.resolved.entities;
    println!("date: {:?}", analysis.clean.date.map(|d| d.to_string()));
    let rules = Rules::builtin();
    let country = analysis.resolved.dominant_country(&rules.names);
    println!(
        "dominant country: {:?}",
        country.map(|c| entities[c].label.as_str())
    );
    for e in entities.iter().filter(|e| e.mentions > 1) {
        println!(
            "  entity {} ({}) x{}",
            e.label,
            e.entity_type.name(),
            e.mentions
        );
    }
    for (s, sentence) in analysis.sentences.iter().enumerate() {
        println!(
            "\n[{s}] {}",
            &analysis.clean.body[sentence.start..sentence.end]
        );
        for (m, e) in &analysis.resolved.mentions[s] {
            let entity =
                e.map(|e| format!("{} ({})", entities[e].label, entities[e].entity_type.name()));
            let title = m
                .title
                .as_ref()
                .map(|t| format!(" title={:?} qualifier={:?}", t.text, t.qualifier))
                .unwrap_or_default();
            println!(
                "    {:?} {:?} {:?} -> {}{title}",
                m.text,
                m.kind,
                m.entity_type.map(|t| t.name()),
                entity.unwrap_or("-".into())
            );
        }
        for f in analysis
            .facts
            .relations
            .iter()
            .filter(|f| f.evidence.sentence == s)
        {
            let name = |e: Option<usize>| e.map(|e| entities[e].label.as_str()).unwrap_or("");
            println!(
                "  => {} {:?} {:?} role={:?} org={:?} date={:?} ({})",
                f.relation.name(),
                name(f.subject),
                name(f.object),
                f.role,
                name(f.organization),
                f.date.map(|d| d.to_string()),
                f.extractor
            );
        }
        for c in analysis
            .facts
            .counts
            .iter()
            .filter(|c| c.evidence.sentence == s)
        {
            let source = c.source.map(|e| entities[e].label.as_str()).unwrap_or("");
            println!(
                "  => count {} {} {:?} source={source:?}",
                c.kind, c.number, c.who
            );
        }
    }
}
