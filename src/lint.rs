//! The contributor checks on a catalog that already loads (issue "The
//! catalog"): stricter than what the app accepts, because a fork's catalog
//! may be looser than ours but ours must stay clean.

use crate::catalog::{Catalog, Problem};
use crate::date::Day;
use std::collections::HashMap;

/// The six categories of SPEC.md §1, in their order.
pub const CATEGORY_IDS: [&str; 6] = [
    "cluster-management",
    "storage",
    "networking",
    "ml-infrastructure",
    "serverless",
    "reliability",
];

/// The first year the catalog covers.
pub const FIRST_YEAR: u16 = 2020;

/// Tags per paper.
pub const TAGS_PER_PAPER: std::ops::RangeInclusive<usize> = 2..=6;

/// Summary length in characters: two or three sentences.
pub const SUMMARY_CHARS: std::ops::RangeInclusive<usize> = 120..=600;

/// The share of the vocabulary that may be used by one paper only: a tag
/// on one paper is usually a missing synonym.
pub const MAX_SINGLE_USE_TAGS: f64 = 0.1;

/// What the stricter rules need to know besides the catalog.
pub struct LintOptions<'a> {
    /// No paper is from a later year, or `added` after this day.
    pub today: Day,
    /// Papers whose author list could not be verified yet: they may have
    /// none. Every other paper must list its authors.
    pub unverified_authors: &'a [&'a str],
}

impl LintOptions<'_> {
    pub fn today() -> LintOptions<'static> {
        LintOptions {
            today: Day::today(),
            unverified_authors: &[],
        }
    }
}

/// The ids listed in an allow-list file: one per line, `#` starts a
/// comment.
pub fn allow_list(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Every problem of the bundled catalog's stricter rules, in catalog order.
pub fn lint(catalog: &Catalog, options: &LintOptions) -> Vec<Problem> {
    let current_year = options.today.year;
    let mut problems = Vec::new();
    let mut push = |location: String, field: &str, message: String| {
        problems.push(Problem {
            location,
            field: field.to_string(),
            message,
        })
    };

    let ids: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
    if ids != CATEGORY_IDS {
        push(
            "catalog".into(),
            "categories",
            format!("must be {} in this order", CATEGORY_IDS.join(", ")),
        );
    }
    if catalog.papers.is_empty() {
        push("catalog".into(), "papers", "is empty".into());
    }

    let mut titles: HashMap<String, &str> = HashMap::new();
    let mut tag_use = vec![0usize; catalog.tags.len()];
    let mut category_use = vec![0usize; catalog.categories.len()];
    for (i, paper) in catalog.papers.iter().enumerate() {
        let loc = format!("paper \"{}\" (#{})", paper.id, i + 1);
        if !(FIRST_YEAR..=current_year).contains(&paper.year) {
            push(
                loc.clone(),
                "year",
                format!("{} is outside {FIRST_YEAR}–{current_year}", paper.year),
            );
        }
        let key = paper.title.to_lowercase();
        if let Some(other) = titles.get(&key) {
            push(
                loc.clone(),
                "title",
                format!("is the same as paper \"{other}\""),
            );
        } else {
            titles.insert(key, &paper.id);
        }
        // A paper without an official page keeps `url: null`; links are
        // never invented.
        if let Some(url) = paper.url.as_ref().filter(|u| !u.starts_with("https://")) {
            push(
                loc.clone(),
                "url",
                format!("\"{url}\" is not an https link"),
            );
        }
        if let Some(doi) = &paper.doi {
            if !doi.starts_with("10.") || !doi.contains('/') {
                push(
                    loc.clone(),
                    "doi",
                    format!("\"{doi}\" is not a DOI (10.xxxx/…)"),
                );
            }
        }
        let unverified = options.unverified_authors.contains(&paper.id.as_str());
        if paper.authors.is_empty() && !unverified {
            push(
                loc.clone(),
                "authors",
                "is missing (list the paper in the unverified-authors file until its list is verified)".into(),
            );
        }
        if !paper.authors.is_empty() && unverified {
            push(
                loc.clone(),
                "authors",
                "are listed, but the paper is still in the unverified-authors file".into(),
            );
        }
        for (n, name) in catalog.authors_of(paper).enumerate() {
            let lower = name.to_lowercase();
            let words: Vec<String> = crate::text::words(name).collect();
            let et_al = words.windows(2).any(|w| w[0] == "et" && w[1] == "al");
            if et_al || words.iter().any(|w| w == "and") || name.contains(',') {
                push(
                    loc.clone(),
                    "authors",
                    format!(
                        "\"{name}\" is not one person's name (no \"et al.\", commas or \"and\")"
                    ),
                );
            }
            if name != name.trim() || name.contains("  ") {
                push(
                    loc.clone(),
                    "authors",
                    format!("\"{name}\" has stray spaces"),
                );
            }
            if catalog
                .authors_of(paper)
                .take(n)
                .any(|earlier| earlier.to_lowercase() == lower)
            {
                push(
                    loc.clone(),
                    "authors",
                    format!("\"{name}\" is listed twice"),
                );
            }
        }
        match paper.added {
            None => push(loc.clone(), "added", "is missing".into()),
            Some(day) if day > options.today => push(
                loc.clone(),
                "added",
                format!("{day} is in the future (today is {})", options.today),
            ),
            Some(_) => {}
        }
        if !TAGS_PER_PAPER.contains(&paper.tags.len()) {
            push(
                loc.clone(),
                "tags",
                format!(
                    "has {} tags, wants {} to {}",
                    paper.tags.len(),
                    TAGS_PER_PAPER.start(),
                    TAGS_PER_PAPER.end()
                ),
            );
        }
        for &t in &paper.tags {
            tag_use[t] += 1;
        }
        category_use[paper.category] += 1;
        let summary = paper.summary.trim();
        let chars = summary.chars().count();
        if summary.eq_ignore_ascii_case(paper.title.trim()) {
            push(loc.clone(), "summary", "repeats the title".into());
        } else if !SUMMARY_CHARS.contains(&chars) {
            push(
                loc.clone(),
                "summary",
                format!(
                    "has {chars} characters, wants {} to {}",
                    SUMMARY_CHARS.start(),
                    SUMMARY_CHARS.end()
                ),
            );
        }
    }
    let single_use: Vec<&str> = catalog
        .tags
        .iter()
        .zip(&tag_use)
        .filter(|(_, &n)| n == 1)
        .map(|(t, _)| t.id.as_str())
        .collect();
    let allowed = (catalog.tags.len() as f64 * MAX_SINGLE_USE_TAGS).floor() as usize;
    if single_use.len() > allowed {
        push(
            "catalog".into(),
            "tags",
            format!(
                "{} tags are used by one paper only ({}), at most {allowed} may be",
                single_use.len(),
                single_use.join(", ")
            ),
        );
    }
    for (tag, &n) in catalog.tags.iter().zip(&tag_use) {
        let loc = format!("tag \"{}\"", tag.id);
        if tag.description.is_none() {
            push(loc.clone(), "description", "is missing".into());
        }
        if n == 0 {
            push(loc, "", "is used by no paper".into());
        }
    }
    for (category, &n) in catalog.categories.iter().zip(&category_use) {
        if n == 0 {
            push(
                format!("category \"{}\"", category.id),
                "",
                "has no papers".into(),
            );
        }
    }
    problems
}
