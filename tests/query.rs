//! The URL codec (SPEC.md §2): examples, and properties over any input.

use proptest::prelude::*;
use systems_atlas::query::{Query, Sort, YearRange};

fn decode(s: &str) -> Query {
    Query::decode(s).query
}

#[test]
fn examples_from_the_spec() {
    let q = decode("q=rdma+storage&category=networking,storage&company=alibaba,microsoft&venue=nsdi,sigcomm&tag=rdma,llm&year=2021-2023&sort=title");
    assert_eq!(q.text, "rdma storage");
    assert_eq!(q.categories, ["networking", "storage"]);
    assert_eq!(q.companies, ["alibaba", "microsoft"]);
    assert_eq!(q.venues, ["nsdi", "sigcomm"]);
    assert_eq!(q.tags, ["rdma", "llm"]);
    assert_eq!(
        q.years,
        YearRange {
            from: Some(2021),
            to: Some(2023)
        }
    );
    assert_eq!(q.sort(), Sort::Title);
}

#[test]
fn encoding_is_canonical_defaults_left_out_order_fixed() {
    let q = decode("sort=year-asc&tag=p4&q=a%26b&year=2023-&company=google");
    assert_eq!(
        q.encode(),
        "q=a%26b&company=google&tag=p4&year=2023-&sort=year-asc"
    );
    assert_eq!(decode("").encode(), "");
    // The default order for the text is left out …
    assert_eq!(decode("q=x&sort=relevance").encode(), "q=x");
    assert_eq!(decode("sort=year-desc").encode(), "");
    // … and a non-default one stays.
    assert_eq!(decode("sort=relevance").encode(), "sort=relevance");
    assert_eq!(decode("q=x&sort=year-desc").encode(), "q=x&sort=year-desc");
}

#[test]
fn invalid_values_are_dropped_and_reported_the_rest_applies() {
    let d = Query::decode("?year=abc&company=google&sort=best&tag=Bad!Id,rdma&utm_source=x");
    assert_eq!(d.query.companies, ["google"]);
    assert_eq!(d.query.tags, ["rdma"]);
    assert!(d.query.years.is_unbounded());
    assert_eq!(d.query.sort, None);
    let ignored: Vec<String> = d
        .ignored
        .iter()
        .map(|i| format!("{}={}", i.param, i.value))
        .collect();
    assert_eq!(ignored, ["year=abc", "sort=best", "tag=Bad!Id"]);
}

#[test]
fn years_keep_four_digits_in_the_url() {
    // Found by the fuzzer (fuzz/corpus/query_decode/year-leading-zero):
    // `0285` was written back as `285`, which decodes to no range at all.
    for url in ["year=0285-2021", "year=0007", "year=0999-", "year=-0042"] {
        let q = decode(url);
        assert_eq!(q.encode(), url);
        assert_eq!(decode(&q.encode()), q);
    }
}

#[test]
fn authors_are_names_compared_without_case_and_extra_spaces() {
    let q = decode("author=Marc+Brooker,+marc++brooker+,Tao%20Chen&author=Smith%2C+Jr.");
    assert_eq!(q.authors, ["Marc Brooker", "Tao Chen", "Smith, Jr."]);
    assert!(q.has_author("MARC BROOKER"));
    // After the year, before the sort; a comma inside a name is escaped.
    let mut all = q.clone();
    all.years = YearRange::single(2020);
    all.set_sort(Some(Sort::Title));
    assert_eq!(
        all.encode(),
        "year=2020&author=Marc+Brooker,Tao+Chen,Smith%2C+Jr.&sort=title"
    );
    assert_eq!(decode(&all.encode()), all);
    assert_eq!(
        q.toggled_author("marc brooker").authors,
        ["Tao Chen", "Smith, Jr."]
    );
    assert_eq!(
        decode("").toggled_author(" Ada  Lovelace ").encode(),
        "author=Ada+Lovelace"
    );
    assert!(decode("author=x").is_filtered());
    let long = format!("author={}", "a".repeat(300));
    let d = Query::decode(&long);
    assert!(d.query.authors.is_empty());
    assert_eq!(d.ignored[0].reason, "too long for a name");
}

#[test]
fn a_shared_list_and_a_since_day_decode_and_encode_in_their_place() {
    let d = Query::decode(
        "since=2026-11-29&paper=orion-nsdi21,Bad!,delos-osdi20,orion-nsdi21&sort=title&author=A+B",
    );
    assert_eq!(d.query.papers, ["orion-nsdi21", "delos-osdi20"]);
    assert_eq!(
        d.query.since.map(|s| s.to_string()).as_deref(),
        Some("2026-11-29")
    );
    assert_eq!(
        d.query.encode(),
        "author=A+B&paper=orion-nsdi21,delos-osdi20&since=2026-11-29&sort=title"
    );
    assert_eq!(d.ignored.len(), 1);
    assert!(d.query.is_filtered());
    for bad in ["since=2026-02-30", "since=yesterday", "since=2026-1-1"] {
        let d = Query::decode(bad);
        assert_eq!(d.query.since, None, "{bad}");
        assert_eq!(d.ignored[0].reason, "not a date (YYYY-MM-DD)");
    }
    let shared = Query::of_papers(["a-1", "b-2", "a-1", "No Slug"]);
    assert_eq!(shared.encode(), "paper=a-1,b-2");
}

#[test]
fn repeated_and_duplicate_values_merge() {
    let q = decode("company=google&company=meta,google");
    assert_eq!(q.companies, ["google", "meta"]);
}

#[test]
fn the_sort_follows_the_text_unless_chosen() {
    let q = decode("");
    assert_eq!(q.sort(), Sort::YearDesc);
    assert_eq!(q.with_text("rdma").sort(), Sort::Relevance);
    let mut titled = q.with_text("rdma");
    titled.set_sort(Some(Sort::Title));
    assert_eq!(titled.with_text("").sort(), Sort::Title);
}

#[test]
fn toggling_adds_and_removes() {
    use systems_atlas::query::Facet;
    let q = decode("tag=rdma");
    let q2 = q.toggled(Facet::Tag, "llm");
    assert_eq!(q2.encode(), "tag=rdma,llm");
    assert_eq!(q2.toggled(Facet::Tag, "rdma").encode(), "tag=llm");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any string decodes without a panic, and decoding is stable:
    /// decode ∘ encode ∘ decode = decode.
    #[test]
    fn decoding_any_string_is_total_and_stable(s in ".{0,80}") {
        let once = decode(&s);
        let again = decode(&once.encode());
        prop_assert_eq!(&again, &once);
        prop_assert_eq!(again.encode(), once.encode());
    }

    /// The same for strings made of the URL's own building blocks, which
    /// reach the interesting branches far more often than random text.
    #[test]
    fn decoding_url_shaped_strings_is_stable(
        parts in prop::collection::vec(
            (prop::sample::select(vec!["q", "category", "company", "venue", "tag", "year", "author", "paper", "since", "sort", "x", ""]),
             "[a-zA-Z0-9%+,=&\\- ]{0,12}"),
            0..6)
    ) {
        let s: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let s = s.join("&");
        let once = decode(&s);
        prop_assert_eq!(decode(&once.encode()), once);
    }

    /// Any author name survives the URL as the filter compares it.
    #[test]
    fn author_names_round_trip(names in prop::collection::vec("\\PC{1,30}", 1..4)) {
        let mut q = Query::default();
        for name in &names {
            if !q.has_author(name) {
                q = q.toggled_author(name);
            }
        }
        prop_assert_eq!(decode(&q.encode()), q);
    }

    /// Any shared list and day survive the URL.
    #[test]
    fn shared_lists_and_days_round_trip(
        ids in prop::collection::vec("[a-z0-9-]{1,20}", 0..5),
        (y, m, d) in (1900u16..2200, 1u8..=12, 1u8..=31),
    ) {
        let mut q = Query::of_papers(ids.iter().map(String::as_str));
        q.since = systems_atlas::date::Day::parse(&format!("{y:04}-{m:02}-{d:02}"));
        prop_assert_eq!(decode(&q.encode()), q);
    }

    /// Any typed text survives the URL unchanged.
    #[test]
    fn text_round_trips(text in "\\PC{0,40}") {
        let q = Query::default().with_text(&text);
        prop_assert_eq!(decode(&q.encode()).text, text);
    }
}
