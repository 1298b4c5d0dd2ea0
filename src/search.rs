//! Full-text search by the rule of SPEC.md §3: every query term must be a
//! prefix of some word of the paper's title, summary, tags, author names,
//! company names, venue name or category name.
//!
//! The index is built once per catalog. Its terms are sorted, so the words
//! a prefix matches form one contiguous run, and their postings are stored
//! in the same order, so one prefix costs one linear scan of one slice.

use crate::bits::Bits;
use crate::catalog::{Catalog, Paper};
use crate::text::{for_each_word, words};
use rustc_hash::FxHashMap;

/// Where in a paper a word was found; higher ranks higher (SPEC.md §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Summary, company, venue or category names.
    Other = 0,
    TagOrAuthor = 1,
    Title = 2,
}

const FIELD_BITS: u32 = 2;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;

/// The inverted index over all papers of a catalog.
#[derive(Debug, PartialEq)]
pub struct SearchIndex {
    paper_count: usize,
    /// Distinct words, sorted.
    terms: Vec<Box<str>>,
    /// `postings[offsets[t]..offsets[t + 1]]` are the papers with term `t`.
    offsets: Vec<u32>,
    /// `paper << FIELD_BITS | best field`, grouped by term in term order.
    postings: Vec<u32>,
}

impl SearchIndex {
    /// Builds the index in one go (see [`IndexBuilder`] for a build in
    /// steps).
    pub fn build(catalog: &Catalog) -> SearchIndex {
        let mut builder = IndexBuilder::new(catalog);
        while !builder.step(catalog, usize::MAX) {}
        builder.finish()
    }

    /// The distinct words of the catalog, sorted.
    pub fn terms(&self) -> &[Box<str>] {
        &self.terms
    }

    /// The postings of every word that starts with `prefix`.
    fn postings_for_prefix(&self, prefix: &str) -> &[u32] {
        let lo = self.terms.partition_point(|t| &**t < prefix);
        let hi = lo + self.terms[lo..].partition_point(|t| t.starts_with(prefix));
        &self.postings[self.offsets[lo] as usize..self.offsets[hi] as usize]
    }

    /// The papers that match every term (terms are lowercase words, see
    /// [`query_terms`]). No terms match every paper.
    pub fn matching(&self, terms: &[String]) -> Bits {
        let mut result = Bits::full(self.paper_count);
        let mut term_bits = Bits::empty(self.paper_count);
        for term in terms {
            term_bits.clear();
            for &posting in self.postings_for_prefix(term) {
                term_bits.insert((posting >> FIELD_BITS) as usize);
            }
            result.intersect_with(&term_bits);
            if result.is_empty() {
                break;
            }
        }
        result
    }

    /// Relevance of each paper in `matches`: per term, the best field any of
    /// its words matched in (title 4, tag or author 2, other 1), summed over the
    /// terms. Indexed by paper; papers outside `matches` score 0.
    pub fn scores(&self, terms: &[String], matches: &Bits) -> Vec<u16> {
        const WEIGHT: [u16; 3] = [1, 2, 4];
        let mut total = vec![0u16; self.paper_count];
        let mut best = vec![0u16; self.paper_count];
        for term in terms {
            best.iter_mut().for_each(|b| *b = 0);
            for &posting in self.postings_for_prefix(term) {
                let p = (posting >> FIELD_BITS) as usize;
                if matches.contains(p) {
                    let w = WEIGHT[(posting & FIELD_MASK) as usize];
                    best[p] = best[p].max(w);
                }
            }
            for (t, b) in total.iter_mut().zip(&best) {
                *t = t.saturating_add(*b);
            }
        }
        total
    }

    /// Near-miss suggestions for a term that matches nothing: catalog words
    /// within a small edit distance, most frequent first. They are offered
    /// as "did you mean", never used to widen a result (SPEC.md §3).
    pub fn suggestions(&self, term: &str, max: usize) -> Vec<String> {
        let limit = match term.chars().count() {
            0..=3 => return Vec::new(),
            4..=6 => 1,
            _ => 2,
        };
        let mut found: Vec<(usize, usize, &str)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let d = edit_distance(term, t, limit)?;
                let freq = (self.offsets[i + 1] - self.offsets[i]) as usize;
                Some((d, usize::MAX - freq, &**t))
            })
            .collect();
        found.sort_unstable();
        found
            .into_iter()
            .take(max)
            .map(|(_, _, t)| t.to_string())
            .collect()
    }
}

/// A [`SearchIndex`] built a number of papers at a time, so that the app
/// can build it between frames (at 100,000 papers the whole build takes
/// seconds in the browser, and the page would not answer meanwhile).
///
/// Two passes over the papers' words, and no list of occurrences in
/// between: the first gives each distinct word an id and counts its papers,
/// the second writes each posting straight into its place. A paper's words
/// come best field first (title, tags and authors, the rest), so the first time a paper
/// shows a word is in its best field. Memory is the postings and a few
/// numbers per distinct word.
pub struct IndexBuilder {
    ids: FxHashMap<Box<str>, u32>,
    names: Names,
    buffer: String,
    /// Per word id: the last paper that showed it.
    last: Vec<u32>,
    pass: Pass,
    /// The first paper the current pass has not seen.
    next_paper: usize,
    paper_count: usize,
}

enum Pass {
    /// Per word id: its papers.
    Count { papers_of: Vec<u32> },
    Place {
        /// Per word id: its place in the sorted order of the words.
        rank: Vec<u32>,
        offsets: Vec<u32>,
        /// Per word, by rank: where its next posting goes.
        next: Vec<u32>,
        postings: Vec<u32>,
    },
}

impl IndexBuilder {
    pub fn new(catalog: &Catalog) -> IndexBuilder {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut buffer = String::new();
        // Words of the shared names are found once, not once per paper.
        let mut names = |list: &mut dyn Iterator<Item = &str>| -> Vec<Vec<u32>> {
            list.map(|name| {
                let mut found = Vec::new();
                for_each_word(name, &mut buffer, |w| found.push(intern(&mut ids, w)));
                found
            })
            .collect()
        };
        let names = Names {
            companies: names(&mut catalog.companies.iter().map(|c| c.name.as_str())),
            venues: names(&mut catalog.venues.iter().map(|v| v.name.as_str())),
            categories: names(&mut catalog.categories.iter().map(|c| c.name.as_str())),
            tags: names(&mut catalog.tags.iter().map(|t| t.id.as_str())),
            people: names(&mut catalog.people.iter().map(String::as_str)),
        };
        let words = ids.len();
        IndexBuilder {
            ids,
            names,
            buffer,
            last: vec![u32::MAX; words],
            pass: Pass::Count {
                papers_of: vec![0; words],
            },
            next_paper: 0,
            paper_count: catalog.papers.len(),
        }
    }

    /// Reads up to `papers` more papers of `catalog` (the one given to
    /// [`IndexBuilder::new`]); true once the index is complete.
    pub fn step(&mut self, catalog: &Catalog, papers: usize) -> bool {
        debug_assert_eq!(catalog.papers.len(), self.paper_count);
        let end = self.next_paper.saturating_add(papers).min(self.paper_count);
        let IndexBuilder {
            ids,
            names,
            buffer,
            last,
            pass,
            next_paper,
            paper_count,
        } = self;
        match pass {
            Pass::Count { papers_of } => {
                for (p, paper) in catalog.papers[*next_paper..end].iter().enumerate() {
                    let p = (*next_paper + p) as u32;
                    let mut seen = |word: u32, _| {
                        let w = word as usize;
                        if w >= last.len() {
                            last.resize(w + 1, u32::MAX);
                            papers_of.resize(w + 1, 0);
                        }
                        if last[w] != p {
                            last[w] = p;
                            papers_of[w] += 1;
                        }
                    };
                    names.each_word(paper, buffer, &mut |w| intern(ids, w), &mut seen);
                }
                *next_paper = end;
                if end == *paper_count {
                    let placed = Pass::place(ids, papers_of);
                    *pass = placed;
                    last.iter_mut().for_each(|l| *l = u32::MAX);
                    *next_paper = 0;
                }
            }
            Pass::Place {
                rank,
                next,
                postings,
                ..
            } => {
                // Each posting into its place; papers come in ascending order.
                for (p, paper) in catalog.papers[*next_paper..end].iter().enumerate() {
                    let p = (*next_paper + p) as u32;
                    let mut place = |word: u32, field: Field| {
                        let w = word as usize;
                        if last[w] != p {
                            last[w] = p;
                            let slot = &mut next[rank[w] as usize];
                            postings[*slot as usize] = p << FIELD_BITS | field as u32;
                            *slot += 1;
                        }
                    };
                    names.each_word(paper, buffer, &mut |w| ids[w], &mut place);
                }
                *next_paper = end;
            }
        }
        self.is_done()
    }

    fn is_done(&self) -> bool {
        matches!(self.pass, Pass::Place { .. }) && self.next_paper == self.paper_count
    }

    /// The index, once [`IndexBuilder::step`] said it is complete.
    pub fn finish(self) -> SearchIndex {
        let Pass::Place {
            rank,
            offsets,
            postings,
            ..
        } = self.pass
        else {
            panic!("IndexBuilder::finish before the last step");
        };
        // The words themselves move from the table into sorted order.
        let mut terms: Vec<Box<str>> = vec![Box::default(); rank.len()];
        for (word, id) in self.ids {
            terms[rank[id as usize] as usize] = word;
        }
        SearchIndex {
            paper_count: self.paper_count,
            terms,
            offsets,
            postings,
        }
    }
}

impl Pass {
    /// Between the passes: each word's place in the sorted order, and
    /// where its postings start.
    fn place(ids: &FxHashMap<Box<str>, u32>, papers_of: &[u32]) -> Pass {
        let mut order: Vec<(&str, u32)> = ids.iter().map(|(w, &id)| (&**w, id)).collect();
        order.sort_unstable();
        let mut rank = vec![0u32; order.len()];
        for (r, (_, id)) in order.iter().enumerate() {
            rank[*id as usize] = r as u32;
        }
        let words = order.len();
        let mut offsets = vec![0u32; words + 1];
        for (id, &n) in papers_of.iter().enumerate() {
            offsets[rank[id] as usize + 1] = n;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        Pass::Place {
            rank,
            next: offsets.clone(),
            postings: vec![0u32; offsets[words] as usize],
            offsets,
        }
    }
}

/// The id of `word`, given on first sight.
fn intern(ids: &mut FxHashMap<Box<str>, u32>, word: &str) -> u32 {
    if let Some(&id) = ids.get(word) {
        return id;
    }
    let id = ids.len() as u32;
    ids.insert(word.into(), id);
    id
}

/// The word ids of the names papers refer to, by index.
struct Names {
    companies: Vec<Vec<u32>>,
    venues: Vec<Vec<u32>>,
    categories: Vec<Vec<u32>>,
    tags: Vec<Vec<u32>>,
    people: Vec<Vec<u32>>,
}

impl Names {
    /// Calls `seen` with each word of `paper` (its id from `id`) and the
    /// field it is in, best field first: title, tags and authors, then the
    /// summary, companies, venue and category.
    fn each_word(
        &self,
        paper: &Paper,
        buffer: &mut String,
        id: &mut dyn FnMut(&str) -> u32,
        seen: &mut dyn FnMut(u32, Field),
    ) {
        for_each_word(&paper.title, buffer, |w| seen(id(w), Field::Title));
        for &t in &paper.tags {
            self.tags[t]
                .iter()
                .for_each(|&w| seen(w, Field::TagOrAuthor));
        }
        for &a in &paper.authors {
            self.people[a]
                .iter()
                .for_each(|&w| seen(w, Field::TagOrAuthor));
        }
        for_each_word(&paper.summary, buffer, |w| seen(id(w), Field::Other));
        for &c in &paper.companies {
            self.companies[c]
                .iter()
                .for_each(|&w| seen(w, Field::Other));
        }
        self.venues[paper.venue]
            .iter()
            .chain(&self.categories[paper.category])
            .for_each(|&w| seen(w, Field::Other));
    }
}

/// The search terms of a query text, as SPEC.md §3 splits them.
pub fn query_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = words(text).collect();
    // A term that is a prefix of another term adds nothing to an AND of
    // prefixes; dropping it saves a scan.
    terms.sort_unstable();
    terms.dedup();
    let keep: Vec<String> = terms
        .iter()
        .filter(|t| !terms.iter().any(|o| o != *t && o.starts_with(t.as_str())))
        .cloned()
        .collect();
    keep
}

/// Levenshtein distance between `a` and `b` if it is at most `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= limit).then_some(prev[b.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_terms_drop_prefixes_of_other_terms() {
        assert_eq!(query_terms("RDMA rd storage"), ["rdma", "storage"]);
        assert_eq!(query_terms("  "), Vec::<String>::new());
        assert_eq!(query_terms("p4, P4"), ["p4"]);
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("rdma", "rdma", 1), Some(0));
        assert_eq!(edit_distance("rmda", "rdma", 2), Some(2));
        assert_eq!(edit_distance("kubernets", "kubernetes", 1), Some(1));
        assert_eq!(edit_distance("abc", "xyz", 1), None);
    }
}
