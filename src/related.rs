//! Related papers for a paper page, each with the reasons it is related.

use crate::catalog::{Catalog, Paper};
use crate::order::{self, Key};

/// Why two papers are related; each reason is also a filter the user can
/// apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Tag(usize),
    Company(usize),
    Category(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub paper: usize,
    pub score: u32,
    pub reasons: Vec<Reason>,
}

/// Weights: a shared tag says most about the subject, a shared company
/// about the setting, the same area least.
const TAG: u32 = 3;
const COMPANY: u32 = 2;
const CATEGORY: u32 = 1;

/// The `max` papers most related to paper `of`, best first (ties: newer,
/// then catalog order). Papers sharing only the area are left out.
pub fn related(catalog: &Catalog, of: usize, max: usize) -> Vec<Related> {
    let this = &catalog.papers[of];
    let found: Vec<Related> = catalog
        .papers
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != of)
        .filter_map(|(i, other)| {
            let reasons = reasons(this, other);
            let score = reasons
                .iter()
                .map(|r| match r {
                    Reason::Tag(_) => TAG,
                    Reason::Company(_) => COMPANY,
                    Reason::Category(_) => CATEGORY,
                })
                .sum();
            (score > CATEGORY).then_some(Related {
                paper: i,
                score,
                reasons,
            })
        })
        .collect();
    // Found in catalog order, which equal keys keep.
    let positions: Vec<usize> = (0..found.len()).collect();
    let best = order::first_by_key(&positions, max, |i| {
        let r = &found[i];
        Key::default()
            .desc(r.score.into(), 32)
            .desc(catalog.papers[r.paper].year.into(), 16)
    });
    let mut found: Vec<Option<Related>> = found.into_iter().map(Some).collect();
    best.into_iter().filter_map(|i| found[i].take()).collect()
}

fn reasons(a: &Paper, b: &Paper) -> Vec<Reason> {
    let mut out: Vec<Reason> = a
        .tags
        .iter()
        .filter(|t| b.tags.contains(t))
        .map(|&t| Reason::Tag(t))
        .collect();
    out.extend(
        a.companies
            .iter()
            .filter(|c| b.companies.contains(c))
            .map(|&c| Reason::Company(c)),
    );
    if a.category == b.category {
        out.push(Reason::Category(a.category));
    }
    out
}
