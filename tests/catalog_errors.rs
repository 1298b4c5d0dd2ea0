//! Broken catalogs: each kind of mistake gives a precise message naming the
//! paper (id or index) and the field, and nothing panics.

use systems_atlas::catalog::{Catalog, CatalogError};
use systems_atlas::date::Day;
use systems_atlas::lint::{lint, LintOptions};

fn lint_options(unverified: &'static [&'static str]) -> LintOptions<'static> {
    LintOptions {
        today: Day::parse("2026-12-01").unwrap(),
        unverified_authors: unverified,
    }
}

const VALID: &str = r#"{
  "schema": 1,
  "name": "Fixture",
  "categories": [{"id": "networking", "name": "Networking"}],
  "companies": [{"id": "google", "name": "Google"}],
  "venues": [{"id": "nsdi", "name": "NSDI"}],
  "papers": [{
    "id": "orion-nsdi21",
    "title": "Orion",
    "venue": "nsdi",
    "year": 2021,
    "companies": ["google"],
    "category": "networking",
    "tags": ["sdn"],
    "summary": "A control plane.",
    "url": "https://example.org/orion",
    "extra": "unknown fields are ignored"
  }]
}"#;

/// The messages for `VALID` with `from` replaced by `to`.
fn problems_after(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "fixture has {from}");
    match Catalog::from_json(&VALID.replacen(from, to, 1)) {
        Ok(_) => vec![],
        Err(CatalogError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        Err(other) => vec![other.to_string()],
    }
}

#[test]
fn the_valid_fixture_loads_with_tags_declared_by_use() {
    let c = Catalog::from_json(VALID).unwrap();
    assert_eq!(c.papers.len(), 1);
    assert_eq!(c.tags[0].id, "sdn");
}

#[test]
fn invalid_json_names_line_and_column() {
    let err = Catalog::from_json("{\n  \"schema\": 1,\n  oops\n}").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("line 3, column 3"), "{text}");
}

#[test]
fn each_mistake_names_the_paper_and_field() {
    let cases = [
        (
            r#""venue": "nsdi","#,
            r#""venue": "osdi","#,
            r#"paper "orion-nsdi21" (#1), field `venue`: "osdi" is not declared in `venues`"#,
        ),
        (
            r#""year": 2021"#,
            r#""year": "2021""#,
            r#"paper "orion-nsdi21" (#1), field `year`: must be a number, found a string"#,
        ),
        (
            r#""year": 2021"#,
            r#""year": 21"#,
            r#"paper "orion-nsdi21" (#1), field `year`: 21 is not a plausible year"#,
        ),
        (
            r#""companies": ["google"]"#,
            r#""companies": []"#,
            r#"paper "orion-nsdi21" (#1), field `companies`: names no company"#,
        ),
        (
            r#""companies": ["google"]"#,
            r#""companies": ["goggle"]"#,
            r#"paper "orion-nsdi21" (#1), field `companies`: "goggle" is not declared in `companies`"#,
        ),
        (
            r#""category": "networking","#,
            r#""#,
            r#"paper "orion-nsdi21" (#1), field `category`: is missing"#,
        ),
        (
            r#""title": "Orion","#,
            r#""title": "  ","#,
            r#"paper "orion-nsdi21" (#1), field `title`: is empty"#,
        ),
        (
            r#""id": "orion-nsdi21""#,
            r#""id": "Orion NSDI""#,
            r#"paper "Orion NSDI" (#1), field `id`: "Orion NSDI" is not a slug (lowercase letters, digits and '-')"#,
        ),
        (
            r#""tags": ["sdn"]"#,
            r#""tags": "sdn""#,
            r#"paper "orion-nsdi21" (#1), field `tags`: must be an array of ids, found a string"#,
        ),
        (
            r#""url": "https://example.org/orion""#,
            r#""url": "javascript:alert(1)""#,
            r#"paper "orion-nsdi21" (#1), field `url`: "javascript:alert(1)" is not an http(s) link"#,
        ),
        (
            r#""schema": 1"#,
            r#""schema": 2"#,
            "catalog, field `schema`: this app reads schema 1, found 2",
        ),
        (
            r#""venues": [{"id": "nsdi", "name": "NSDI"}]"#,
            r#""venues": [{"id": "nsdi"}]"#,
            "venues[0], field `name`: is missing",
        ),
    ];
    for (from, to, want) in cases {
        let got = problems_after(from, to);
        assert!(
            got.iter().any(|p| p == want),
            "after {to}:\n  want {want}\n  got  {got:?}"
        );
    }
}

#[test]
fn a_duplicate_paper_id_names_both() {
    let doubled = VALID.replacen(
        r#""papers": [{"#,
        r#""papers": [{"id": "orion-nsdi21", "title": "Twin", "venue": "nsdi", "year": 2021, "companies": ["google"], "category": "networking", "tags": [], "summary": "x"}, {"#,
        1,
    );
    let err = Catalog::from_json(&doubled).unwrap_err().to_string();
    assert!(
        err.contains(
            r#"paper "orion-nsdi21" (#2), field `id`: "orion-nsdi21" is already used by paper #1"#
        ),
        "{err}"
    );
}

#[test]
fn non_object_papers_and_roots_are_reported_not_panicked() {
    for text in [
        "[]",
        "null",
        "42",
        r#"{"schema":1,"papers":[1, "x", null]}"#,
    ] {
        let err = Catalog::from_json(text).unwrap_err();
        assert!(
            matches!(err, CatalogError::Invalid(ref p) if !p.is_empty()),
            "{text}: {err}"
        );
    }
}

#[test]
fn lint_reports_the_stricter_rules() {
    let c = Catalog::from_json(
        &VALID
            .replace(r#""year": 2021"#, r#""year": 2019"#)
            .replace("https://example.org/orion", "http://example.org/orion"),
    )
    .unwrap();
    let problems: Vec<String> = lint(&c, &lint_options(&[]))
        .iter()
        .map(ToString::to_string)
        .collect();
    for want in [
        "catalog, field `categories`: must be cluster-management, storage, networking, ml-infrastructure, serverless, reliability in this order",
        r#"paper "orion-nsdi21" (#1), field `year`: 2019 is outside 2020–2026"#,
        r#"paper "orion-nsdi21" (#1), field `url`: "http://example.org/orion" is not an https link"#,
        r#"paper "orion-nsdi21" (#1), field `tags`: has 1 tags, wants 2 to 6"#,
        r#"paper "orion-nsdi21" (#1), field `summary`: has 16 characters, wants 120 to 600"#,
        r#"tag "sdn", field `description`: is missing"#,
        "catalog, field `tags`: 1 tags are used by one paper only (sdn), at most 0 may be",
        r#"paper "orion-nsdi21" (#1), field `authors`: is missing (list the paper in the unverified-authors file until its list is verified)"#,
        r#"paper "orion-nsdi21" (#1), field `added`: is missing"#,
    ] {
        assert!(problems.iter().any(|p| p == want), "want {want}\ngot {problems:#?}");
    }
}

mod never_panics {
    use super::VALID;
    use proptest::prelude::*;
    use systems_atlas::catalog::Catalog;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Any text at all: an error or a catalog, never a panic.
        #[test]
        fn on_any_text(text in "\\PC{0,200}") {
            let _ = Catalog::from_json(&text);
        }

        /// The valid fixture with a span replaced by arbitrary JSON-ish
        /// text: reaches deep into the validator, never panics, and a
        /// rejected catalog always says why.
        #[test]
        fn on_mutations_of_a_valid_catalog(
            start in 0usize..VALID.len(),
            len in 0usize..40,
            insert in "[\\[\\]{}\",:0-9a-z \\-.]{0,20}",
        ) {
            let start = (0..=start).rev().find(|&i| VALID.is_char_boundary(i)).unwrap_or(0);
            let end = (start + len).min(VALID.len());
            let end = (end..=VALID.len()).find(|&i| VALID.is_char_boundary(i)).unwrap_or(VALID.len());
            let text = format!("{}{}{}", &VALID[..start], insert, &VALID[end..]);
            if let Err(e) = Catalog::from_json(&text) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

#[test]
fn authors_and_added_load_and_their_mistakes_are_named() {
    let with = |authors: &str, added: &str| {
        VALID.replacen(
            r#""year": 2021,"#,
            &format!(r#""year": 2021, "authors": {authors}, "added": {added},"#),
            1,
        )
    };
    let c = Catalog::from_json(&with(
        r#"["Andrew D. Ferguson", "Steve Gribble"]"#,
        r#""2026-11-28""#,
    ))
    .unwrap();
    let paper = &c.papers[0];
    assert_eq!(
        c.authors_of(paper).collect::<Vec<_>>(),
        ["Andrew D. Ferguson", "Steve Gribble"]
    );
    assert_eq!(
        paper.added.map(|d| d.to_string()).as_deref(),
        Some("2026-11-28")
    );

    let problems = |text: String| match Catalog::from_json(&text) {
        Err(CatalogError::Invalid(p)) => p.iter().map(ToString::to_string).collect::<Vec<_>>(),
        other => panic!("expected problems, got {other:?}"),
    };
    assert_eq!(
        problems(with(r#""Ferguson""#, r#""2026-11-28""#)),
        [
            r#"paper "orion-nsdi21" (#1), field `authors`: must be an array of names, found a string"#
        ]
    );
    assert_eq!(
        problems(with(r#"["A B", 3]"#, r#""2026-11-28""#)),
        [r#"paper "orion-nsdi21" (#1), field `authors`: names must be strings, found a number"#]
    );
    assert_eq!(
        problems(with(r#"["A B", " "]"#, r#""2026-11-28""#)),
        [r#"paper "orion-nsdi21" (#1), field `authors`: has an empty name"#]
    );
    assert_eq!(
        problems(with(r#"["A B"]"#, r#""2026-02-30""#)),
        [r#"paper "orion-nsdi21" (#1), field `added`: "2026-02-30" is not a date (YYYY-MM-DD)"#]
    );

    // The stricter rules: one person per name, each once, no future day.
    let c = Catalog::from_json(&with(
        r#"["Ann Lee", "Bo Li et al.", "ann lee", "Violet Alvarez"]"#,
        r#""2027-01-01""#,
    ))
    .unwrap();
    let found: Vec<String> = lint(&c, &lint_options(&[]))
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("`authors`") || p.contains("`added`"))
        .collect();
    assert_eq!(
        found,
        [
            r#"paper "orion-nsdi21" (#1), field `authors`: "Bo Li et al." is not one person's name (no "et al.", commas or "and")"#,
            r#"paper "orion-nsdi21" (#1), field `authors`: "ann lee" is listed twice"#,
            r#"paper "orion-nsdi21" (#1), field `added`: 2027-01-01 is in the future (today is 2026-12-01)"#,
        ]
    );

    // A paper on the allow-list may have no authors, and must not have any.
    let bare = Catalog::from_json(VALID).unwrap();
    let on_list = lint(&bare, &lint_options(&["orion-nsdi21"]));
    assert!(on_list.iter().all(|p| p.field != "authors"), "{on_list:?}");
    let listed = Catalog::from_json(&with(r#"["Ann Lee"]"#, r#""2026-11-28""#)).unwrap();
    let stale = lint(&listed, &lint_options(&["orion-nsdi21"]));
    assert!(
        stale
            .iter()
            .any(|p| p.field == "authors" && p.message.contains("still in the unverified")),
        "{stale:?}"
    );
}

/// The fixtures in tests/data/broken/: each is the valid fixture with one
/// mistake, and says in `_expect` (an unknown field, so ignored) what the
/// loader must name. The JSON Schema rejects the same files
/// (tests/e2e/schema.test.mjs).
#[test]
fn every_broken_fixture_is_refused_naming_its_paper_and_field() {
    let valid = include_str!("data/valid-catalog.json");
    Catalog::from_json(valid).unwrap_or_else(|e| panic!("valid-catalog.json: {e}"));
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/broken");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("tests/data/broken") {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let expect: serde_json::Value = serde_json::from_str(&text).unwrap();
        let expect = expect["_expect"].as_str().expect("an _expect field");
        let error = Catalog::from_json(&text)
            .expect_err(&format!("{} loads", path.display()))
            .to_string();
        assert!(error.contains(expect), "{}: {error}", path.display());
        seen += 1;
    }
    assert!(seen >= 10, "{seen} fixtures");
}
