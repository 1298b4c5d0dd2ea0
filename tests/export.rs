//! Exports of a result list and the related-paper scoring, on the bundled
//! catalog.

use systems_atlas::atlas::Atlas;
use systems_atlas::catalog::Catalog;
use systems_atlas::export::{bibtex, export, Format};
use systems_atlas::query::Query;
use systems_atlas::related::{related, Reason};

fn bundled() -> Atlas {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .unwrap();
    Atlas::new(Catalog::from_json(&text).unwrap())
}

/// Splits CSV text into records (RFC 4180 quoting), to count rows and
/// fields without trusting the writer.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn every_format_holds_every_listed_paper() {
    let atlas = bundled();
    let (papers, results) = atlas.search(&Query::decode("q=rdma").query, usize::MAX);
    let n = results.count;
    assert!(n > 3);
    let c = &atlas.catalog;

    let json: serde_json::Value = serde_json::from_str(&export(c, &papers, Format::Json)).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = papers.iter().map(|&i| c.papers[i].id.as_str()).collect();
    assert_eq!(ids, want);

    let csv = csv_records(&export(c, &papers, Format::Csv));
    assert_eq!(csv.len(), n + 1, "header and one row per paper");
    assert!(
        csv.iter().all(|r| r.len() == 11),
        "eleven fields in every row"
    );
    let first = &c.papers[papers[0]];
    assert_eq!(csv[1][1], first.title);
    assert_eq!(
        csv[1][2],
        c.authors_of(first).collect::<Vec<_>>().join("; ")
    );
    assert_eq!(csv[1][10], first.summary);
    for (p, paper) in json.as_array().unwrap().iter().zip(&papers) {
        let authors: Vec<&str> = p["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(authors, c.authors_of(&c.papers[*paper]).collect::<Vec<_>>());
    }

    let bib = export(c, &papers, Format::Bibtex);
    assert_eq!(bib.matches("@inproceedings{").count(), n);
    let unescaped = bib.replace("\\{", "").replace("\\}", "");
    assert_eq!(
        unescaped.matches('{').count(),
        unescaped.matches('}').count(),
        "balanced braces"
    );

    let md = export(c, &papers, Format::Markdown);
    assert_eq!(md.lines().filter(|l| l.starts_with("- ")).count(), n);
    let family = c
        .authors_of(first)
        .next()
        .unwrap()
        .split(' ')
        .next_back()
        .unwrap();
    assert!(md.lines().next().unwrap().contains(family), "{md}");
}

#[test]
fn bibtex_keys_are_unique_and_every_entry_has_its_authors() {
    let atlas = bundled();
    let c = &atlas.catalog;
    let mut keys = std::collections::HashMap::new();
    for paper in &c.papers {
        let key = systems_atlas::export::bibtex_key(c, paper);
        assert!(
            key.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == ':'),
            "{}: key {key}",
            paper.id
        );
        if let Some(other) = keys.insert(key.clone(), paper.id.clone()) {
            panic!("{} and {other} share the key {key}", paper.id);
        }
        let entry = bibtex(c, paper);
        if !paper.authors.is_empty() {
            let line = entry
                .lines()
                .find(|l| l.trim_start().starts_with("author = {"))
                .unwrap_or_else(|| panic!("{entry}"));
            assert_eq!(
                line.matches(" and ").count(),
                paper.authors.len() - 1,
                "{line}"
            );
        }
    }
    // An export of every paper keeps the keys as they are.
    let all: Vec<usize> = (0..c.papers.len()).collect();
    let bib = export(c, &all, Format::Bibtex);
    assert_eq!(bib.matches("@inproceedings{").count(), c.papers.len());
}

#[test]
fn a_bibtex_entry_has_the_facts() {
    let atlas = bundled();
    let c = &atlas.catalog;
    let p = &c.papers[c
        .paper_index("orion-nsdi21")
        .expect("Orion is in the catalog")];
    let entry = bibtex(c, p);
    // dblp's manner: Ferguson, then the initials of the next two authors.
    assert!(
        entry.starts_with("@inproceedings{FergusonGH:NSDI21,\n"),
        "{entry}"
    );
    assert!(
        entry.contains("  author = {Andrew D. Ferguson and Steve Gribble and "),
        "{entry}"
    );
    assert!(
        entry.contains("title = {{Orion: Google's Software-Defined Networking Control Plane}}"),
        "{entry}"
    );
    assert!(entry.contains("year = {2021}"));
    assert!(entry.contains("booktitle = {USENIX Symposium on Networked Systems Design and Implementation (NSDI 2021)}"), "{entry}");
}

#[test]
fn related_papers_share_something_and_rank_by_it() {
    let atlas = bundled();
    let c = &atlas.catalog;
    for of in 0..c.papers.len() {
        let list = related(c, of, 6);
        assert!(list.len() <= 6);
        assert!(list.windows(2).all(|w| w[0].score >= w[1].score));
        for r in &list {
            assert_ne!(r.paper, of);
            let (a, b) = (&c.papers[of], &c.papers[r.paper]);
            for reason in &r.reasons {
                match *reason {
                    Reason::Tag(t) => assert!(a.tags.contains(&t) && b.tags.contains(&t)),
                    Reason::Company(x) => {
                        assert!(a.companies.contains(&x) && b.companies.contains(&x))
                    }
                    Reason::Category(x) => assert!(a.category == x && b.category == x),
                }
            }
            assert!(
                r.reasons.iter().any(|r| !matches!(r, Reason::Category(_))),
                "more than the area"
            );
        }
    }
}
