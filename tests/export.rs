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
    assert!(csv.iter().all(|r| r.len() == 10), "ten fields in every row");
    assert_eq!(csv[1][1], c.papers[papers[0]].title);
    assert_eq!(csv[1][9], c.papers[papers[0]].summary);

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
}

#[test]
fn a_bibtex_entry_has_the_facts() {
    let atlas = bundled();
    let c = &atlas.catalog;
    let p = &c.papers[c
        .paper_index("orion-nsdi21")
        .expect("Orion is in the catalog")];
    let entry = bibtex(c, p);
    assert!(
        entry.starts_with("@inproceedings{orion-nsdi21,\n"),
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
