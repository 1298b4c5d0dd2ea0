//! The explorer's engine: a catalog with everything precomputed that a view
//! needs, and the evaluation of a [`Query`] into [`Results`]: the matching
//! papers, facet counts, tag weights and chart bins, all in one pass of
//! bit-set operations.

use crate::bits::Bits;
use crate::catalog::Catalog;
use crate::date::Day;
use crate::order::{self, Key};
use crate::query::{Facet, Ignored, Query, Sort, YearRange};
use crate::search::{query_terms, IndexBuilder, SearchIndex};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Cards the explorer renders at first, and adds by "show more" or by
/// scrolling near the end of the list. A card is about 280 px tall on a
/// desktop, so 8 fill the first screen and the next one, which is as far
/// ahead as the list looks before it adds a page; a keystroke builds no
/// card that is far from view. The count, facets and charts always cover
/// every match. (Here, not in the app, so that the benchmark's native
/// timings ask for the same page.)
pub const PAGE: usize = 8;

/// A catalog ready to be queried. Built once after loading.
pub struct Atlas {
    pub catalog: Catalog,
    /// Built on first use: a view without search text needs no index, so
    /// the first results can show before it exists (see [`Atlas::index`]).
    index: OnceLock<SearchIndex>,
    /// A build of the index in progress (see [`Atlas::build_index_step`]).
    building: Mutex<Option<IndexBuilder>>,
    /// Per facet (in [`Facet::ALL`] order), per value: its papers.
    facet_bits: [Vec<Bits>; 4],
    /// The distinct years of the catalog, ascending, and their papers.
    years: Vec<u16>,
    year_bits: Vec<Bits>,
    /// Authors as the `author` parameter names them, built on the first
    /// view that names one (most views never do, and at 100,000 papers the
    /// table of a few hundred thousand names would weigh on every load).
    authors: OnceLock<Authors>,
    /// Paper indices in each fixed order, and each paper's place in the
    /// newest-first order (the tie-break of relevance).
    by_year_desc: Vec<u32>,
    by_year_asc: Vec<u32>,
    by_title: Vec<u32>,
    year_desc_rank: Vec<u32>,
}

/// The catalog's authors as the `author` filter sees them: one per name
/// compared case-insensitively, with its papers (a list, not a bit set:
/// most people have a paper or two among thousands).
struct Authors {
    /// Per author: the entry of `Catalog::people` that first spells the
    /// name, and the papers.
    list: Vec<(u32, Vec<u32>)>,
    by_name: HashMap<String, usize>,
}

impl Authors {
    fn new(catalog: &Catalog) -> Authors {
        let mut list: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        // Per entry of `catalog.people`: its author, once looked up.
        let mut author_of_person: Vec<Option<usize>> = vec![None; catalog.people.len()];
        for (p, paper) in catalog.papers.iter().enumerate() {
            for &person in &paper.authors {
                let a = *author_of_person[person].get_or_insert_with(|| {
                    let key = crate::query::author_name(&catalog.people[person]).to_lowercase();
                    *by_name.entry(key).or_insert_with(|| {
                        list.push((person as u32, Vec::new()));
                        list.len() - 1
                    })
                });
                // Two spellings of one name on one paper count it once.
                if list[a].1.last() != Some(&(p as u32)) {
                    list[a].1.push(p as u32);
                }
            }
        }
        Authors { list, by_name }
    }
}

/// A [`Query`] resolved against a catalog: ids replaced by indices, the
/// text split into terms. Unknown ids are gone (and were reported).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub terms: Vec<String>,
    pub filters: Filters,
    pub sort: Sort,
}

/// The chosen facet values and year range of a view, without its text:
/// what the filter controls show as pressed. Typing leaves it unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Per facet (in [`Facet::ALL`] order): selected value indices.
    pub facets: [Vec<usize>; 4],
    pub years: YearRange,
    /// Chosen authors (see [`Atlas::author_name`]), in the order chosen.
    pub authors: Vec<usize>,
    /// A shared list: these papers (indices), if any are chosen.
    pub papers: Vec<usize>,
    /// Papers added on or after this day.
    pub since: Option<Day>,
}

impl Filters {
    /// Whether value `index` of `facet` is chosen.
    pub fn contains(&self, facet: Facet, index: usize) -> bool {
        self.of(facet).contains(&index)
    }

    /// The chosen values of `facet`, in the order they were chosen.
    pub fn of(&self, facet: Facet) -> &[usize] {
        &self.facets[facet_slot(facet)]
    }

    /// No facet value, year range or author chosen.
    pub fn is_empty(&self) -> bool {
        self.facets.iter().all(Vec::is_empty)
            && self.years.is_unbounded()
            && self.authors.is_empty()
            && self.papers.is_empty()
            && self.since.is_none()
    }
}

/// How many papers each option of a facet would give (see [`Atlas::run`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per facet (in [`Facet::ALL`] order), per value index.
    pub values: [Vec<usize>; 4],
    /// Per year of [`Atlas::years`].
    pub years: Vec<usize>,
}

impl FacetCounts {
    pub fn of(&self, facet: Facet) -> &[usize] {
        &self.values[facet_slot(facet)]
    }
}

/// One year of the timeline: its papers per category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearBin {
    pub year: u16,
    pub per_category: Vec<usize>,
}

impl YearBin {
    pub fn total(&self) -> usize {
        self.per_category.iter().sum()
    }
}

/// Everything a view shows about its matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    pub matches: Bits,
    pub count: usize,
    pub counts: FacetCounts,
    /// Papers per year and category, with every filter but the year range
    /// applied, so that the timeline shows where a range could move.
    pub timeline: Vec<YearBin>,
}

/// The filter slots after the four facets' (see [`Atlas::run`]).
const YEARS: usize = 4;
const AUTHORS: usize = 5;
const PAPERS: usize = 6;
const SINCE: usize = 7;
const FILTERS: usize = 8;

fn facet_slot(facet: Facet) -> usize {
    match facet {
        Facet::Category => 0,
        Facet::Company => 1,
        Facet::Venue => 2,
        Facet::Tag => 3,
    }
}

impl Atlas {
    pub fn new(catalog: Catalog) -> Atlas {
        let n = catalog.papers.len();
        let papers = &catalog.papers;
        let mut years: Vec<u16> = papers.iter().map(|p| p.year).collect();
        order::sort_by_key(&mut years, |y| Key::default().asc(y.into(), 16));
        years.dedup();
        let sets = |values: usize| vec![Bits::empty(n); values];
        let mut facet_bits = [
            sets(catalog.categories.len()),
            sets(catalog.companies.len()),
            sets(catalog.venues.len()),
            sets(catalog.tags.len()),
        ];
        let mut year_bits = sets(years.len());
        for (p, paper) in papers.iter().enumerate() {
            let [categories, companies, venues, tags] = &mut facet_bits;
            categories[paper.category].insert(p);
            paper.companies.iter().for_each(|&c| companies[c].insert(p));
            venues[paper.venue].insert(p);
            paper.tags.iter().for_each(|&t| tags[t].insert(p));
            year_bits[years.binary_search(&paper.year).unwrap_or_default()].insert(p);
        }

        let titles: Vec<String> = papers.iter().map(|p| p.title.to_lowercase()).collect();
        // Sorted as (text, id) pairs, like the search index's words: the
        // same sort in the wasm for both.
        let mut by_title: Vec<(&str, u32)> =
            titles.iter().zip(0..).map(|(t, p)| (&**t, p)).collect();
        by_title.sort_unstable();
        let by_title: Vec<u32> = by_title.into_iter().map(|(_, p)| p).collect();
        let mut title_rank = vec![0u32; n];
        for (rank, &p) in by_title.iter().enumerate() {
            title_rank[p as usize] = rank as u32;
        }
        let mut by_year_desc: Vec<u32> = (0..n as u32).collect();
        let year = |p: u32| u64::from(papers[p as usize].year);
        let rank = |p: u32| u64::from(title_rank[p as usize]);
        order::sort_by_key(&mut by_year_desc, |p| {
            Key::default().desc(year(p), 16).asc(rank(p), 32)
        });
        let mut by_year_asc: Vec<u32> = (0..n as u32).collect();
        order::sort_by_key(&mut by_year_asc, |p| {
            Key::default().asc(year(p), 16).asc(rank(p), 32)
        });
        let mut year_desc_rank = vec![0u32; n];
        for (rank, &p) in by_year_desc.iter().enumerate() {
            year_desc_rank[p as usize] = rank as u32;
        }

        Atlas {
            index: OnceLock::new(),
            building: Mutex::new(None),
            catalog,
            facet_bits,
            years,
            year_bits,
            authors: OnceLock::new(),
            by_year_desc,
            by_year_asc,
            by_title,
            year_desc_rank,
        }
    }

    /// The distinct years of the catalog, ascending.
    pub fn years(&self) -> &[u16] {
        &self.years
    }

    /// Every paper, newest first (ties by title), as `year-desc` lists them.
    pub fn newest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_year_desc.iter().map(|&p| p as usize)
    }

    /// The search index. A search before [`Atlas::build_index_step`] has
    /// completed it finishes the build on the spot.
    pub fn index(&self) -> &SearchIndex {
        loop {
            if let Some(index) = self.index.get() {
                return index;
            }
            self.build_index_step(usize::MAX);
        }
    }

    /// Builds up to `papers` papers more of the search index (the app calls
    /// it between frames once the first results are on screen: a view
    /// without search text needs no index); true once the index is ready.
    pub fn build_index_step(&self, papers: usize) -> bool {
        if self.index.get().is_some() {
            return true;
        }
        let mut building = self
            .building
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let builder = building.get_or_insert_with(|| IndexBuilder::new(&self.catalog));
        if !builder.step(&self.catalog, papers) {
            return false;
        }
        if let Some(builder) = building.take() {
            let _ = self.index.set(builder.finish());
        }
        true
    }

    /// The ids of `facet`'s values, in catalog order.
    pub fn facet_ids(&self, facet: Facet) -> Vec<&str> {
        let c = &self.catalog;
        match facet {
            Facet::Category => c.categories.iter().map(|v| v.id.as_str()).collect(),
            Facet::Company => c.companies.iter().map(|v| v.id.as_str()).collect(),
            Facet::Venue => c.venues.iter().map(|v| v.id.as_str()).collect(),
            Facet::Tag => c.tags.iter().map(|v| v.id.as_str()).collect(),
        }
    }

    /// The order the filter panel lists `facet`'s values in: areas in
    /// catalog order, the rest by their papers in the whole catalog, most
    /// first (ties in catalog order). It does not follow the current
    /// counts, so options stay put while the user types.
    pub fn facet_order(&self, facet: Facet) -> Vec<usize> {
        let bits = &self.facet_bits[facet_slot(facet)];
        let mut order: Vec<usize> = (0..bits.len()).collect();
        if facet != Facet::Category {
            let totals: Vec<usize> = bits.iter().map(Bits::count).collect();
            order::sort_by_key(&mut order, |i| Key::default().desc(totals[i] as u64, 32));
        }
        order
    }

    /// The display name of a facet value.
    pub fn facet_name(&self, facet: Facet, index: usize) -> &str {
        let c = &self.catalog;
        match facet {
            Facet::Category => &c.categories[index].name,
            Facet::Company => &c.companies[index].name,
            Facet::Venue => &c.venues[index].name,
            Facet::Tag => &c.tags[index].name,
        }
    }

    /// The name of a chosen author (an index of [`Filters::authors`]).
    pub fn author_name(&self, author: usize) -> &str {
        let person = self.authors().list[author].0;
        &self.catalog.people[person as usize]
    }

    fn authors(&self) -> &Authors {
        self.authors.get_or_init(|| Authors::new(&self.catalog))
    }

    /// The author a name means (case-insensitively), if any paper has it.
    pub fn find_author(&self, name: &str) -> Option<usize> {
        self.authors()
            .by_name
            .get(&crate::query::author_name(name).to_lowercase())
            .copied()
    }

    /// Resolves ids to indices; ids the catalog does not know are dropped
    /// and reported, the rest of the view still applies.
    pub fn resolve(&self, query: &Query) -> (Selection, Vec<Ignored>) {
        let mut ignored = Vec::new();
        let mut selection = Selection {
            terms: query_terms(&query.text),
            filters: Filters {
                years: query.years,
                since: query.since,
                ..Filters::default()
            },
            sort: query.sort(),
        };
        for facet in Facet::ALL {
            let ids = self.facet_ids(facet);
            for id in query.values(facet) {
                match ids.iter().position(|known| known == id) {
                    Some(i) => selection.filters.facets[facet_slot(facet)].push(i),
                    None => ignored.push(Ignored {
                        param: facet.param().to_string(),
                        value: id.clone(),
                        reason: "not in the catalog",
                    }),
                }
            }
        }
        for name in &query.authors {
            match self.find_author(name) {
                Some(a) if !selection.filters.authors.contains(&a) => {
                    selection.filters.authors.push(a)
                }
                Some(_) => {}
                None => ignored.push(Ignored {
                    param: "author".to_string(),
                    value: name.clone(),
                    reason: "no paper by this author",
                }),
            }
        }
        for id in &query.papers {
            match self.catalog.paper_index(id) {
                Some(p) => selection.filters.papers.push(p),
                None => ignored.push(Ignored {
                    param: "paper".to_string(),
                    value: id.clone(),
                    reason: "not in the catalog",
                }),
            }
        }
        (selection, ignored)
    }

    /// The papers each active filter allows; `None` for an inactive one.
    /// Slots 0–3 are the facets, then [`YEARS`], [`AUTHORS`], [`PAPERS`]
    /// and [`SINCE`].
    fn filter_sets(&self, selection: &Selection) -> [Option<Bits>; FILTERS] {
        let n = self.catalog.papers.len();
        let mut sets: [Option<Bits>; FILTERS] = Default::default();
        for facet in Facet::ALL {
            let slot = facet_slot(facet);
            let chosen = &selection.filters.facets[slot];
            if chosen.is_empty() {
                continue;
            }
            let bits = &self.facet_bits[slot];
            let set = if facet.is_conjunctive() {
                let mut all = Bits::full(n);
                chosen.iter().for_each(|&v| all.intersect_with(&bits[v]));
                all
            } else {
                let mut any = Bits::empty(n);
                chosen.iter().for_each(|&v| any.union_with(&bits[v]));
                any
            };
            sets[slot] = Some(set);
        }
        let years = selection.filters.years;
        if !years.is_unbounded() {
            let mut in_range = Bits::empty(n);
            for (y, bits) in self.years.iter().zip(&self.year_bits) {
                if years.contains(*y) {
                    in_range.union_with(bits);
                }
            }
            sets[YEARS] = Some(in_range);
        }
        if !selection.filters.authors.is_empty() {
            let mut any = Bits::empty(n);
            for &a in &selection.filters.authors {
                self.authors().list[a]
                    .1
                    .iter()
                    .for_each(|&p| any.insert(p as usize));
            }
            sets[AUTHORS] = Some(any);
        }
        // Unknown ids were dropped (SPEC.md §2): a list of only unknown ids
        // narrows nothing, and the notice says why.
        if !selection.filters.papers.is_empty() {
            let mut listed = Bits::empty(n);
            selection
                .filters
                .papers
                .iter()
                .for_each(|&p| listed.insert(p));
            sets[PAPERS] = Some(listed);
        }
        if let Some(since) = selection.filters.since {
            let mut added = Bits::empty(n);
            for (p, paper) in self.catalog.papers.iter().enumerate() {
                if paper.added.is_some_and(|day| day >= since) {
                    added.insert(p);
                }
            }
            sets[SINCE] = Some(added);
        }
        sets
    }

    /// Evaluates a selection. Facet counts follow the faceted-search rule:
    /// an OR facet's counts apply every active filter except its own, so an
    /// option's count is what choosing it (in addition) would show; the tag
    /// facet is an AND, so its counts are simply within the matches.
    pub fn run(&self, selection: &Selection) -> Results {
        let text = if selection.terms.is_empty() {
            Bits::full(self.catalog.papers.len())
        } else {
            self.index().matching(&selection.terms)
        };
        let sets = self.filter_sets(selection);
        let all_but = |skip: Option<usize>| {
            let mut bits = text.clone();
            for (slot, set) in sets.iter().enumerate() {
                if Some(slot) != skip {
                    if let Some(set) = set {
                        bits.intersect_with(set);
                    }
                }
            }
            bits
        };
        let matches = all_but(None);

        let mut counts = FacetCounts::default();
        for facet in Facet::ALL {
            let slot = facet_slot(facet);
            let base = if facet.is_conjunctive() || sets[slot].is_none() {
                None
            } else {
                Some(all_but(Some(slot)))
            };
            let base = base.as_ref().unwrap_or(&matches);
            counts.values[slot] = self.facet_bits[slot]
                .iter()
                .map(|bits| base.intersection_count(bits))
                .collect();
        }

        let without_years = if sets[YEARS].is_some() {
            all_but(Some(YEARS))
        } else {
            matches.clone()
        };
        let category_bits = &self.facet_bits[facet_slot(Facet::Category)];
        let timeline: Vec<YearBin> = self
            .years
            .iter()
            .zip(&self.year_bits)
            .map(|(&year, bits)| {
                let mut in_year = without_years.clone();
                in_year.intersect_with(bits);
                YearBin {
                    year,
                    per_category: category_bits
                        .iter()
                        .map(|c| in_year.intersection_count(c))
                        .collect(),
                }
            })
            .collect();
        counts.years = timeline.iter().map(YearBin::total).collect();

        Results {
            count: matches.count(),
            matches,
            counts,
            timeline,
        }
    }

    /// The first `limit` matches in the selection's order.
    pub fn ordered(&self, selection: &Selection, matches: &Bits, limit: usize) -> Vec<usize> {
        let fixed = |order: &[u32]| -> Vec<usize> {
            order
                .iter()
                .map(|&p| p as usize)
                .filter(|&p| matches.contains(p))
                .take(limit)
                .collect()
        };
        match selection.sort {
            Sort::YearDesc => fixed(&self.by_year_desc),
            Sort::YearAsc => fixed(&self.by_year_asc),
            Sort::Title => fixed(&self.by_title),
            Sort::Relevance if selection.terms.is_empty() => fixed(&self.by_year_desc),
            Sort::Relevance => {
                let scores = self.index().scores(&selection.terms, matches);
                let found: Vec<usize> = matches.iter().collect();
                order::first_by_key(&found, limit, |p| {
                    Key::default()
                        .desc(scores[p].into(), 16)
                        .asc(self.year_desc_rank[p].into(), 32)
                })
            }
        }
    }

    /// Evaluates a query from its URL form in one step: the matches in
    /// order (up to `limit`), the results, and what was ignored.
    pub fn search(&self, query: &Query, limit: usize) -> (Vec<usize>, Results) {
        let (selection, _) = self.resolve(query);
        let results = self.run(&selection);
        let ordered = self.ordered(&selection, &results.matches, limit);
        (ordered, results)
    }
}
