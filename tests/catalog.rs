//! The bundled catalog: it loads, passes the contributor checks, and agrees
//! with the verified facts (tests/data/catalog-facts.jsonl, a copy of the
//! project's fact sheet).

use serde_json::Value;
use systems_atlas::catalog::Catalog;
use systems_atlas::lint::{current_year, lint};

fn bundled() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .expect("public/catalog.json is readable");
    Catalog::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn bundled_catalog_passes_every_check() {
    let catalog = bundled();
    let problems: Vec<String> = lint(&catalog, current_year())
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
        let mut want: Vec<String> = fact["companies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| company_name(c.as_str().unwrap()))
            .collect();
        let mut got: Vec<String> = catalog
            .companies_of(paper)
            .map(|c| c.name.clone())
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{title}: companies");
        assert_eq!(
            catalog.category_of(paper).id,
            area_to_category(fact["area"].as_str().unwrap()),
            "{title}: category"
        );
        assert_eq!(paper.url.as_deref(), fact["url"].as_str(), "{title}: url");
        if let Some(doi) = &paper.doi {
            assert!(
                paper
                    .url
                    .as_deref()
                    .is_some_and(|u| u.contains(doi.as_str())),
                "{title}: the doi {doi} is the one its link points at"
            );
        }
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
