//! The contributor checks on a catalog that already loads (issue "The
//! catalog"): stricter than what the app accepts, because a fork's catalog
//! may be looser than ours but ours must stay clean.

use crate::catalog::{Catalog, Problem};
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

/// Every problem of the bundled catalog's stricter rules, in catalog order.
pub fn lint(catalog: &Catalog, current_year: u16) -> Vec<Problem> {
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
    for (tag, &n) in catalog.tags.iter().zip(&tag_use) {
        let loc = format!("tag \"{}\"", tag.id);
        if tag.description.is_none() {
            push(loc.clone(), "description", "is missing".into());
        }
        if n < 2 {
            push(
                loc,
                "",
                format!(
                    "is used by {n} paper{}, wants at least 2",
                    if n == 1 { "" } else { "s" }
                ),
            );
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

/// The calendar year (UTC) of a Unix time, for the "no future papers" rule
/// without a date crate.
pub fn year_of_unix_seconds(seconds: u64) -> u16 {
    // Howard Hinnant's civil-from-days algorithm, year part only.
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(mp >= 10);
    year as u16
}

/// This year, by the system clock.
pub fn current_year() -> u16 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of_unix_seconds(now)
}

#[cfg(test)]
mod tests {
    use super::year_of_unix_seconds;

    #[test]
    fn years_from_unix_time() {
        assert_eq!(year_of_unix_seconds(0), 1970);
        assert_eq!(year_of_unix_seconds(1_735_689_599), 2024); // 2024-12-31T23:59:59Z
        assert_eq!(year_of_unix_seconds(1_735_689_600), 2025); // 2025-01-01T00:00:00Z
        assert_eq!(year_of_unix_seconds(1_709_164_800), 2024); // 2024-02-29
    }
}
