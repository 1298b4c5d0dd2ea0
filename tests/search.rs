//! The search rule (SPEC.md §3) and the facet rules (SPEC.md §2, issue
//! "Exploration"), checked against a direct, obviously-correct reading of
//! the rules over the bundled catalog and over small fixtures.

use systems_atlas::atlas::Atlas;
use systems_atlas::catalog::{Catalog, Paper};
use systems_atlas::query::{Facet, Query, Sort};
use systems_atlas::search::{IndexBuilder, SearchIndex};

fn bundled() -> Atlas {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .unwrap();
    Atlas::new(Catalog::from_json(&text).unwrap())
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// SPEC.md §3, read literally.
fn spec_text_match(c: &Catalog, p: &Paper, text: &str) -> bool {
    let mut haystack = words(&p.title);
    haystack.extend(words(&p.summary));
    for t in &p.tags {
        haystack.extend(words(&c.tags[*t].id));
    }
    for a in &p.authors {
        haystack.extend(words(&c.people[*a]));
    }
    for co in &p.companies {
        haystack.extend(words(&c.companies[*co].name));
    }
    haystack.extend(words(&c.venues[p.venue].name));
    haystack.extend(words(&c.categories[p.category].name));
    words(text)
        .iter()
        .all(|term| haystack.iter().any(|w| w.starts_with(term.as_str())))
}

/// SPEC.md §2 facets, read literally: OR within, AND across, tags AND.
fn spec_match(c: &Catalog, p: &Paper, q: &Query) -> bool {
    let any = |ids: &[String], have: &[&str]| {
        ids.is_empty() || ids.iter().any(|i| have.contains(&i.as_str()))
    };
    let companies: Vec<&str> = p
        .companies
        .iter()
        .map(|&i| c.companies[i].id.as_str())
        .collect();
    let tags: Vec<&str> = p.tags.iter().map(|&i| c.tags[i].id.as_str()).collect();
    spec_text_match(c, p, &q.text)
        && any(&q.categories, &[c.categories[p.category].id.as_str()])
        && any(&q.companies, &companies)
        && any(&q.venues, &[c.venues[p.venue].id.as_str()])
        && q.tags.iter().all(|t| tags.contains(&t.as_str()))
        && q.years.contains(p.year)
        && (q.papers.is_empty() || q.papers.contains(&p.id))
        && q.since
            .is_none_or(|since| p.added.is_some_and(|added| added >= since))
        && (q.authors.is_empty()
            || p.authors.iter().any(|&a| {
                q.authors
                    .iter()
                    .any(|name| name.to_lowercase() == c.people[a].to_lowercase())
            }))
}

fn expected_ids(atlas: &Atlas, q: &Query) -> Vec<String> {
    let c = &atlas.catalog;
    // An unknown id is dropped and the rest of the view applies (SPEC.md §2).
    let mut q = q.clone();
    for facet in Facet::ALL {
        let known = atlas.facet_ids(facet);
        q.values_mut(facet)
            .retain(|id| known.contains(&id.as_str()));
    }
    q.papers.retain(|id| c.paper_index(id).is_some());
    q.authors.retain(|name| {
        c.people
            .iter()
            .any(|p| p.to_lowercase() == name.to_lowercase())
    });
    let q = &q;
    let mut ids: Vec<String> = c
        .papers
        .iter()
        .filter(|p| spec_match(c, p, q))
        .map(|p| p.id.clone())
        .collect();
    ids.sort();
    ids
}

fn actual_ids(atlas: &Atlas, q: &Query) -> Vec<String> {
    let (ordered, results) = atlas.search(q, usize::MAX);
    assert_eq!(ordered.len(), results.count, "the order lists every match");
    let mut ids: Vec<String> = ordered
        .iter()
        .map(|&i| atlas.catalog.papers[i].id.clone())
        .collect();
    ids.sort();
    ids
}

/// Views of every kind; the dozen URL views of the issue among them.
const VIEWS: &[&str] = &[
    "",
    "q=rdma",
    "q=RDMA+storage",
    "q=sched",
    "q=google",
    "q=nsdi",
    "q=machine+learning",
    "q=p4",
    "q=llm+fail",
    "q=zzzz",
    "q=rdma,,storage!!",
    "q=%C3%BCber",
    "category=networking,storage",
    "company=alibaba,microsoft",
    "venue=nsdi,sigcomm",
    "tag=rdma",
    "tag=rdma,gpu",
    "year=2022",
    "year=2021-2023",
    "year=2023-",
    "year=-2021",
    "company=google&year=2021",
    "q=cache&category=storage&year=2020-2022",
    "company=meta&tag=training&sort=title",
    "company=nope&category=networking",
    "year=abc&venue=osdi",
    "q=brooker",
    "q=marc+brook",
    "q=chen",
    "q=zhang+rdma",
    "author=Marc+Brooker",
    "author=marc+brooker",
    "author=Marc++Brooker+",
    "author=Nobody+Here,Marc+Brooker",
    "author=Andrew+D.+Ferguson&year=2021",
    "author=Marc+Brooker&q=tiny",
    "author=Marc+Brooker&company=google",
    "paper=orion-nsdi21,delos-osdi20",
    "paper=orion-nsdi21,no-such-paper-99",
    "paper=no-such-paper-99",
    "paper=orion-nsdi21,delos-osdi20&year=2021",
    "paper=orion-nsdi21,delos-osdi20&q=orion",
    "since=2026-11-28",
    "since=2026-11-29",
    "since=2026-12-01",
    "since=2030-01-01",
    "since=2026-11-29&company=google",
    "since=2026-12-01&tag=llm&paper=orion-nsdi21",
];

#[test]
fn an_author_search_lists_exactly_their_papers() {
    // Every author of the catalog: `?author=<name>` lists exactly the
    // papers with that name among their authors, and a search for the
    // family name finds each of them.
    let atlas = bundled();
    let c = &atlas.catalog;
    assert!(c.people.len() > 1000, "the catalog names its authors");
    for (person, name) in c.people.iter().enumerate() {
        let mut want: Vec<String> = c
            .papers
            .iter()
            .filter(|p| {
                p.authors
                    .iter()
                    .any(|&a| c.people[a].to_lowercase() == name.to_lowercase())
            })
            .map(|p| p.id.clone())
            .collect();
        want.sort();
        let q = Query::default().toggled_author(name);
        assert_eq!(actual_ids(&atlas, &q), want, "author={name}");
        // In any case, where upper case maps back (not for a dotless ı).
        let upper = name.to_uppercase();
        if upper.to_lowercase() == name.to_lowercase() {
            let upper = Query::default().toggled_author(&upper);
            assert_eq!(
                actual_ids(&atlas, &upper),
                want,
                "author={name}, upper case"
            );
        }
        let family = words(name).pop().unwrap_or_default();
        let (_, results) = atlas.search(&Query::default().with_text(&family), 0);
        for id in &want {
            let i = c.paper_index(id).unwrap();
            assert!(
                results.matches.contains(i),
                "q={family} finds {id} ({person})"
            );
        }
    }
}

#[test]
fn every_view_matches_exactly_what_the_spec_says() {
    let atlas = bundled();
    for view in VIEWS {
        let q = Query::decode(view).query;
        assert_eq!(
            actual_ids(&atlas, &q),
            expected_ids(&atlas, &q),
            "view ?{view}"
        );
    }
}

#[test]
fn every_word_prefix_of_every_title_finds_its_paper() {
    let atlas = bundled();
    for (i, paper) in atlas.catalog.papers.iter().enumerate() {
        for word in words(&paper.title) {
            let prefix: String = word.chars().take(3).collect();
            let q = Query::decode(&format!("q={prefix}")).query;
            let (_, results) = atlas.search(&q, 0);
            assert!(results.matches.contains(i), "{prefix} finds {}", paper.id);
        }
    }
}

#[test]
fn relevance_ranks_title_hits_above_tag_and_author_hits_above_the_rest() {
    let atlas = bundled();
    let cach = relevance_holds(&atlas, "cach");
    assert!(
        cach.contains(&3) && cach.contains(&1),
        "title and other hits: {cach:?}"
    );
    let chen = relevance_holds(&atlas, "chen");
    assert!(chen.contains(&2), "author hits: {chen:?}");
    relevance_holds(&atlas, "li");
}

/// The ranks (3 title, 2 tag or author, 1 other) of the papers `text`
/// finds, in the order listed: never rising.
fn relevance_holds(atlas: &Atlas, text: &str) -> Vec<u8> {
    let q = Query::decode(&format!("q={text}")).query;
    assert_eq!(q.sort(), Sort::Relevance);
    let (ordered, _) = atlas.search(&q, usize::MAX);
    let c = &atlas.catalog;
    let rank = |p: &Paper| {
        let hit = |t: &str| words(t).iter().any(|w| w.starts_with(text));
        if hit(&p.title) {
            3
        } else if p.tags.iter().any(|&t| hit(&c.tags[t].id))
            || p.authors.iter().any(|&a| hit(&c.people[a]))
        {
            2
        } else {
            1
        }
    };
    let ranks: Vec<u8> = ordered
        .iter()
        .map(|&i| rank(&atlas.catalog.papers[i]))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "{text}: {ranks:?}");
    ranks
}

#[test]
fn fixed_orders_hold() {
    let atlas = bundled();
    let papers = &atlas.catalog.papers;
    let order = |view: &str| atlas.search(&Query::decode(view).query, usize::MAX).0;
    let desc = order("");
    assert!(desc
        .windows(2)
        .all(|w| papers[w[0]].year >= papers[w[1]].year));
    let asc = order("sort=year-asc");
    assert!(asc
        .windows(2)
        .all(|w| papers[w[0]].year <= papers[w[1]].year));
    let titles = order("sort=title");
    assert!(titles
        .windows(2)
        .all(|w| papers[w[0]].title.to_lowercase() <= papers[w[1]].title.to_lowercase()));
    // A limit returns the first matches of the same order.
    assert_eq!(atlas.search(&Query::default(), 7).0, desc[..7]);
}

#[test]
fn facet_counts_exclude_their_own_filter() {
    let atlas = bundled();
    let c = &atlas.catalog;
    let q = Query::decode("company=google&category=networking&year=2021-2023&tag=sdn").query;
    let (_, results) = atlas.search(&q, 0);
    for facet in Facet::ALL {
        let ids = atlas.facet_ids(facet);
        for (i, id) in ids.iter().enumerate() {
            // What the user would get by choosing this option: for OR
            // facets, the own filter replaced by the option alone plus what
            // is chosen; for the AND tag facet, the option added.
            let mut with = q.clone();
            if facet.is_conjunctive() {
                if !with.is_selected(facet, id) {
                    with = with.toggled(facet, id);
                }
            } else {
                *with.values_mut(facet) = vec![id.to_string()];
            }
            let want = c.papers.iter().filter(|p| spec_match(c, p, &with)).count();
            assert_eq!(results.counts.of(facet)[i], want, "{} {id}", facet.param());
        }
    }
    // Years: every filter but the year range, per year.
    for (y, &count) in atlas.years().iter().zip(&results.counts.years) {
        let mut with = q.clone();
        with.years = systems_atlas::query::YearRange::single(*y);
        let want = c.papers.iter().filter(|p| spec_match(c, p, &with)).count();
        assert_eq!(count, want, "year {y}");
    }
    // The timeline's bins add up to the year counts.
    let totals: Vec<usize> = results.timeline.iter().map(|b| b.total()).collect();
    assert_eq!(totals, results.counts.years);
}

#[test]
fn unknown_ids_are_reported_and_the_rest_applies() {
    let atlas = bundled();
    let q = Query::decode("company=nope,google").query;
    let (selection, ignored) = atlas.resolve(&q);
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].value, "nope");
    assert_eq!(selection.filters.facets[1].len(), 1);
}

#[test]
fn suggestions_offer_near_misses_without_changing_results() {
    let atlas = bundled();
    let q = Query::decode("q=shedulng").query;
    assert_eq!(atlas.search(&q, 0).1.count, 0);
    let s = atlas.index().suggestions("shedulng", 3);
    assert!(s.iter().any(|w| w == "scheduling"), "{s:?}");
}

#[test]
fn facet_options_list_areas_in_catalog_order_and_the_rest_largest_first() {
    let atlas = bundled();
    let c = &atlas.catalog;
    assert_eq!(
        atlas.facet_order(Facet::Category),
        (0..c.categories.len()).collect::<Vec<_>>()
    );
    for facet in [Facet::Company, Facet::Venue, Facet::Tag] {
        let order = atlas.facet_order(facet);
        let total = atlas.facet_ids(facet).len();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..total).collect::<Vec<_>>(),
            "{facet:?}: every value once"
        );
        let papers = |i: usize| {
            c.papers
                .iter()
                .filter(|p| match facet {
                    Facet::Company => p.companies.contains(&i),
                    Facet::Venue => p.venue == i,
                    _ => p.tags.contains(&i),
                })
                .count()
        };
        for pair in order.windows(2) {
            let (a, b) = (papers(pair[0]), papers(pair[1]));
            assert!(
                a > b || (a == b && pair[0] < pair[1]),
                "{facet:?}: {pair:?} has {a} then {b}"
            );
        }
    }
}

#[test]
fn an_index_built_in_steps_is_the_index_built_at_once() {
    let atlas = bundled();
    let catalog = &atlas.catalog;
    let whole = SearchIndex::build(catalog);
    for papers in [1, 7, 64, catalog.papers.len(), usize::MAX] {
        let mut builder = IndexBuilder::new(catalog);
        let mut steps = 1;
        while !builder.step(catalog, papers) {
            steps += 1;
        }
        assert!(builder.finish() == whole, "steps of {papers} papers");
        let passes = 2 * catalog
            .papers
            .len()
            .div_ceil(papers.min(catalog.papers.len()));
        assert!(steps <= passes + 1, "{steps} steps of {papers} papers");
    }
    // The app's way: steps, then a search; or a search in the middle.
    let stepped = bundled();
    while !stepped.build_index_step(10) {}
    assert!(*stepped.index() == whole);
    let interrupted = bundled();
    assert!(!interrupted.build_index_step(10));
    assert!(*interrupted.index() == whole);
    assert!(interrupted.build_index_step(10), "done once searched");
}
