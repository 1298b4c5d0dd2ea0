//! The bundled catalog: it loads, passes the contributor checks, and agrees
//! with the verified facts (tests/data/catalog-facts.jsonl, a copy of the
//! project's fact sheet).

use serde_json::Value;
use systems_atlas::catalog::Catalog;
use systems_atlas::date::Day;
use systems_atlas::lint::{allow_list, lint, LintOptions};

fn bundled() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .expect("public/catalog.json is readable");
    Catalog::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn bundled_catalog_passes_every_check() {
    let catalog = bundled();
    let options = LintOptions {
        today: Day::today(),
        unverified_authors: &allow_list(include_str!("data/unverified-authors.txt")),
    };
    let problems: Vec<String> = lint(&catalog, &options)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn bundled_catalog_matches_the_verified_facts() {
    let catalog = bundled();
    let facts: Vec<Value> = include_str!("data/catalog-facts.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("facts are JSON lines"))
        .collect();
    assert_eq!(
        catalog.papers.len(),
        facts.len(),
        "one paper per fact record"
    );
    let area_to_category = |area: &str| -> &str {
        match area {
            "Cluster Management & Scheduling" => "cluster-management",
            "Distributed Storage & Databases" => "storage",
            "Networking" => "networking",
            "Machine Learning Infrastructure" => "ml-infrastructure",
            "Serverless & Microservices" => "serverless",
            "Reliability & Debugging" => "reliability",
            other => panic!("unknown area {other}"),
        }
    };
    let company_name = |name: &str| -> String {
        match name {
            "Amazon/AWS" => "Amazon".to_string(),
            other => other.to_string(),
        }
    };
    let unverified = allow_list(include_str!("data/unverified-authors.txt"));
    for fact in &facts {
        let title = fact["title"].as_str().unwrap();
        let paper = catalog
            .papers
            .iter()
            .find(|p| p.title == title)
            .unwrap_or_else(|| panic!("no paper titled {title:?}"));
        let venue = catalog.venue_of(paper);
        assert_eq!(
            venue.name,
            fact["venue"].as_str().unwrap(),
            "{title}: venue"
        );
        assert_eq!(
            u64::from(paper.year),
            fact["year"].as_u64().unwrap(),
            "{title}: year"
        );
        // The facts name the companies verified from the paper's page; the
        // catalog lists every company among the authors' affiliations, so
        // it may name more, never fewer.
        let got: Vec<String> = catalog
            .companies_of(paper)
            .map(|c| c.name.clone())
            .collect();
        for company in fact["companies"].as_array().unwrap() {
            let want = company_name(company.as_str().unwrap());
            assert!(
                got.contains(&want),
                "{title}: companies {got:?} lack {want}"
            );
        }
        // The first author is the one the facts name (a family name), where
        // they name one.
        let first_author = fact["first_author"].as_str().map(str::to_lowercase);
        match catalog.authors_of(paper).next() {
            Some(first) => assert!(
                first_author
                    .as_ref()
                    .is_none_or(|family| first.to_lowercase().contains(family)),
                "{title}: the first author {first:?} is not {first_author:?}"
            ),
            None => assert!(
                unverified.contains(&paper.id.as_str()),
                "{title}: no authors, and not in unverified-authors.txt"
            ),
        }
        assert_eq!(
            catalog.category_of(paper).id,
            area_to_category(fact["area"].as_str().unwrap()),
            "{title}: category"
        );
        let https = fact["url"]
            .as_str()
            .map(|u| u.replacen("http://", "https://", 1));
        assert_eq!(paper.url, https, "{title}: url");
        if let Some(doi) = fact["doi"].as_str() {
            assert_eq!(paper.doi.as_deref(), Some(doi), "{title}: doi");
        }
    }
}

/// The runs of `n` words of a text, as the originality rule reads them:
/// lowercase words of letters and digits.
fn word_runs(text: &str, n: usize) -> std::collections::HashSet<String> {
    let words: Vec<String> = systems_atlas::text::words(text).collect();
    words.windows(n).map(|w| w.join(" ")).collect()
}

#[test]
fn summaries_are_in_our_own_words() {
    // No run of 8 words from the original list or from any fact's
    // `headline` note (the abstracts themselves were checked the same way
    // when each summary was written; they are not kept here).
    let catalog = bundled();
    let mut borrowed = word_runs(include_str!("data/seed-list.txt"), 8);
    for line in include_str!("data/catalog-facts.jsonl").lines() {
        let fact: Value = serde_json::from_str(line).unwrap();
        if let Some(note) = fact["headline"].as_str() {
            borrowed.extend(word_runs(note, 8));
        }
    }
    let mut copied = Vec::new();
    for paper in &catalog.papers {
        if let Some(run) = word_runs(&paper.summary, 8).intersection(&borrowed).next() {
            copied.push(format!("{}: \"{run}\"", paper.id));
        }
    }
    assert!(
        copied.is_empty(),
        "summaries repeat 8 words of a source:\n{}",
        copied.join("\n")
    );
}

#[test]
fn every_verified_author_list_names_its_source() {
    let catalog = bundled();
    let sources: Vec<(&str, &str)> = include_str!("data/author-sources.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').expect("id<TAB>address"))
        .collect();
    for paper in catalog.papers.iter().filter(|p| !p.authors.is_empty()) {
        // An address, or for a public file read through the search index,
        // what it is and its index id.
        let source = sources.iter().find(|(id, _)| *id == paper.id);
        assert!(
            source.is_some_and(|(_, page)| page.trim().len() > 10),
            "{}: its authors have no source in author-sources.tsv",
            paper.id
        );
    }
}

#[test]
fn seed_papers_use_the_recorded_corrections() {
    let catalog = bundled();
    let titled = |t: &str| catalog.papers.iter().find(|p| p.title == t);
    assert!(titled("Millions of Tiny Databases").is_some());
    let confucius = catalog
        .papers
        .iter()
        .find(|p| p.title.contains("Confucius"))
        .expect("the Confucius paper is in the catalog");
    let companies: Vec<&str> = catalog
        .companies_of(confucius)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(companies, ["meta"]);
}

#[test]
fn text_bytes_and_stream_load_the_same_catalog_and_the_same_errors() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .expect("public/catalog.json");
    let from_text = Catalog::from_json(&text).expect("valid catalog");
    assert_eq!(Catalog::from_slice(text.as_bytes()), Ok(from_text.clone()));
    // A reader that hands out a few bytes at a time, as the browser's
    // buffer is read in chunks.
    let chunked = std::io::BufReader::with_capacity(7, text.as_bytes());
    assert_eq!(Catalog::from_reader(chunked), Ok(from_text));

    let broken = text.replacen("\"year\": 2020", "\"year\": \"2020\"", 1);
    let expected = Catalog::from_json(&broken).unwrap_err();
    assert!(expected.to_string().contains("field `year`"), "{expected}");
    assert_eq!(
        Catalog::from_slice(broken.as_bytes()),
        Err(expected.clone())
    );
    assert_eq!(Catalog::from_reader(broken.as_bytes()), Err(expected));
}
