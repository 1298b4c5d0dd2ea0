//! The view's state as a typed value, and its URL form (SPEC.md §2).
//!
//! `Query::decode` accepts any string and never panics: a value it cannot
//! use is dropped and reported in [`Decoded::ignored`], and the rest of the
//! view still applies. `encode` writes the canonical form: defaults left
//! out, parameters in the order of the SPEC table, so that
//! `decode(encode(q)) == q` for every decoded `q`.

use crate::catalog::is_slug;
use crate::date::Day;
use crate::text::words;
use std::fmt;

/// The list facets of a view; the year range and the text are separate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Category,
    Company,
    Venue,
    Tag,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Category, Facet::Company, Facet::Venue, Facet::Tag];

    /// The URL parameter (and test hook suffix) of this facet.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Category => "category",
            Facet::Company => "company",
            Facet::Venue => "venue",
            Facet::Tag => "tag",
        }
    }

    /// How the facet's values combine: tags must all match, the others any.
    pub fn is_conjunctive(self) -> bool {
        self == Facet::Tag
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    YearDesc,
    YearAsc,
    Title,
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::YearDesc, Sort::YearAsc, Sort::Title];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::YearDesc => "year-desc",
            Sort::YearAsc => "year-asc",
            Sort::Title => "title",
            Sort::Relevance => "relevance",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::YearDesc => "Newest first",
            Sort::YearAsc => "Oldest first",
            Sort::Title => "Title A–Z",
            Sort::Relevance => "Best match",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == s)
    }
}

/// An inclusive range of years; either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct YearRange {
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl YearRange {
    pub fn single(year: u16) -> YearRange {
        YearRange {
            from: Some(year),
            to: Some(year),
        }
    }

    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    pub fn contains(&self, year: u16) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }

    /// Whether `year` shows as chosen (a pressed year button or bar): the
    /// range is set and contains it. No range contains every year but
    /// chooses none.
    pub fn selects(&self, year: u16) -> bool {
        !self.is_unbounded() && self.contains(year)
    }

    /// Parses `2022`, `2021-2023`, `2023-` or `-2021`. A reversed range is
    /// put in order; `None` for anything else.
    pub fn parse(s: &str) -> Option<YearRange> {
        fn year(s: &str) -> Option<u16> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        }
        let range = match s.split_once('-') {
            None => YearRange::single(year(s)?),
            Some((a, b)) => {
                let from = if a.is_empty() { None } else { Some(year(a)?) };
                let to = if b.is_empty() { None } else { Some(year(b)?) };
                YearRange { from, to }
            }
        };
        match (range.from, range.to) {
            (None, None) => None,
            (Some(f), Some(t)) if f > t => Some(YearRange {
                from: Some(t),
                to: Some(f),
            }),
            _ => Some(range),
        }
    }
}

/// Years are written with four digits, as `parse` reads them: `0285`.
impl fmt::Display for YearRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => write!(f, "{a:04}"),
            (Some(a), Some(b)) => write!(f, "{a:04}-{b:04}"),
            (Some(a), None) => write!(f, "{a:04}-"),
            (None, Some(b)) => write!(f, "-{b:04}"),
            (None, None) => Ok(()),
        }
    }
}

/// Everything a view shows: the search text, the filters and the order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub text: String,
    pub categories: Vec<String>,
    pub companies: Vec<String>,
    pub venues: Vec<String>,
    pub tags: Vec<String>,
    pub years: YearRange,
    /// Author names, any of them (OR), matched case-insensitively and
    /// exactly; each trimmed, with inner runs of spaces made one.
    pub authors: Vec<String>,
    /// Paper ids, any of them (OR): a shared list of papers.
    pub papers: Vec<String>,
    /// Papers `added` on or after this day.
    pub since: Option<Day>,
    /// `None` is the default order for the text (see [`Query::sort`]).
    pub sort: Option<Sort>,
}

/// A URL value that was dropped, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
    pub reason: &'static str,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={} ({})", self.param, self.value, self.reason)
    }
}

/// The result of decoding a URL: the view and what had to be dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub query: Query,
    pub ignored: Vec<Ignored>,
}

impl Query {
    /// Decodes a query string, with or without its leading `?`.
    pub fn decode(search: &str) -> Decoded {
        let mut d = Decoded::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut sort = None;
        for pair in search.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(key);
            let value = percent_decode(raw);
            let q = &mut d.query;
            match key.as_str() {
                "q" => q.text = value,
                // Split before decoding: a name may hold an encoded comma.
                "author" => {
                    for name in raw.split(',').map(|n| author_name(&percent_decode(n))) {
                        if name.is_empty() {
                            continue;
                        }
                        if name.chars().count() > MAX_AUTHOR_CHARS {
                            d.ignored.push(Ignored {
                                param: key.clone(),
                                value: name,
                                reason: "too long for a name",
                            });
                        } else if !q.has_author(&name) {
                            q.authors.push(name);
                        }
                    }
                }
                "year" if value.is_empty() => {}
                "year" => match YearRange::parse(&value) {
                    Some(r) => q.years = r,
                    None => d.ignored.push(Ignored {
                        param: key,
                        value,
                        reason: "not a year or range of years",
                    }),
                },
                "paper" => push_ids(&mut q.papers, &key, &value, &mut d.ignored),
                "since" if value.is_empty() => {}
                "since" => match Day::parse(&value) {
                    Some(day) => q.since = Some(day),
                    None => d.ignored.push(Ignored {
                        param: key,
                        value,
                        reason: "not a date (YYYY-MM-DD)",
                    }),
                },
                "sort" if value.is_empty() => {}
                "sort" => match Sort::parse(&value) {
                    Some(s) => sort = Some(s),
                    None => d.ignored.push(Ignored {
                        param: key,
                        value,
                        reason: "not a sort order",
                    }),
                },
                other => {
                    let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == other) else {
                        continue; // Unknown parameters are ignored (SPEC.md §2).
                    };
                    push_ids(q.values_mut(facet), &key, &value, &mut d.ignored);
                }
            }
        }
        d.query.set_sort(sort);
        d
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn encode(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.text)));
        }
        for facet in Facet::ALL {
            let values = self.values(facet);
            if !values.is_empty() {
                let list: Vec<String> = values.iter().map(|v| percent_encode(v)).collect();
                parts.push(format!("{}={}", facet.param(), list.join(",")));
            }
        }
        if !self.years.is_unbounded() {
            parts.push(format!("year={}", self.years));
        }
        if !self.authors.is_empty() {
            let list: Vec<String> = self.authors.iter().map(|a| percent_encode(a)).collect();
            parts.push(format!("author={}", list.join(",")));
        }
        if !self.papers.is_empty() {
            parts.push(format!("paper={}", self.papers.join(",")));
        }
        if let Some(day) = self.since {
            parts.push(format!("since={day}"));
        }
        if let Some(sort) = self.sort {
            parts.push(format!("sort={}", sort.as_str()));
        }
        parts.join("&")
    }

    /// True when the text has at least one search term.
    pub fn has_terms(&self) -> bool {
        words(&self.text).next().is_some()
    }

    /// The order in effect: the chosen one, or the default for the text.
    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or(self.default_sort())
    }

    pub fn default_sort(&self) -> Sort {
        if self.has_terms() {
            Sort::Relevance
        } else {
            Sort::YearDesc
        }
    }

    /// Chooses an order; the default for the text is stored as `None` so
    /// that it stays out of the URL and follows the text.
    pub fn set_sort(&mut self, sort: Option<Sort>) {
        self.sort = sort.filter(|&s| s != self.default_sort());
    }

    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Category => &self.categories,
            Facet::Company => &self.companies,
            Facet::Venue => &self.venues,
            Facet::Tag => &self.tags,
        }
    }

    pub fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Category => &mut self.categories,
            Facet::Company => &mut self.companies,
            Facet::Venue => &mut self.venues,
            Facet::Tag => &mut self.tags,
        }
    }

    pub fn is_selected(&self, facet: Facet, id: &str) -> bool {
        self.values(facet).iter().any(|v| v == id)
    }

    /// This view with `id` added to or removed from `facet`.
    pub fn toggled(&self, facet: Facet, id: &str) -> Query {
        let mut next = self.clone();
        let values = next.values_mut(facet);
        match values.iter().position(|v| v == id) {
            Some(i) => {
                values.remove(i);
            }
            None => values.push(id.to_string()),
        }
        next
    }

    /// Whether `name` is among the chosen authors (case-insensitively).
    pub fn has_author(&self, name: &str) -> bool {
        let name = author_name(name).to_lowercase();
        self.authors.iter().any(|a| a.to_lowercase() == name)
    }

    /// This view with author `name` added or removed.
    pub fn toggled_author(&self, name: &str) -> Query {
        let mut next = self.clone();
        let name = author_name(name);
        let lower = name.to_lowercase();
        match next.authors.iter().position(|a| a.to_lowercase() == lower) {
            Some(i) => {
                next.authors.remove(i);
            }
            None if !name.is_empty() => next.authors.push(name),
            None => {}
        }
        next
    }

    /// A view of exactly these papers (a shared list, SPEC.md §6).
    pub fn of_papers<'a>(ids: impl IntoIterator<Item = &'a str>) -> Query {
        let mut query = Query::default();
        for id in ids {
            if is_slug(id) && !query.papers.iter().any(|p| p == id) {
                query.papers.push(id.to_string());
            }
        }
        query
    }

    /// This view with another search text (the sort follows the text when
    /// it was the default).
    pub fn with_text(&self, text: &str) -> Query {
        let mut next = self.clone();
        next.text = text.to_string();
        next.set_sort(self.sort);
        next
    }

    /// True when any filter or text narrows the view.
    pub fn is_filtered(&self) -> bool {
        self.has_terms()
            || Facet::ALL.iter().any(|&f| !self.values(f).is_empty())
            || !self.years.is_unbounded()
            || !self.authors.is_empty()
            || !self.papers.is_empty()
            || self.since.is_some()
    }

    /// This view with every filter and the text removed; the order stays.
    pub fn cleared(&self) -> Query {
        let mut next = Query::default();
        next.set_sort(self.sort);
        next
    }
}

/// Adds the comma-separated ids of `value` to `ids`, each once; a value
/// that is not a slug is reported as ignored.
fn push_ids(ids: &mut Vec<String>, param: &str, value: &str, ignored: &mut Vec<Ignored>) {
    for id in value.split(',').filter(|v| !v.is_empty()) {
        if !is_slug(id) {
            ignored.push(Ignored {
                param: param.to_string(),
                value: id.to_string(),
                reason: "not a valid id",
            });
        } else if !ids.iter().any(|known| known == id) {
            ids.push(id.to_string());
        }
    }
}

/// Longer than any person's name: a URL cannot make the app compare
/// megabytes per paper.
pub const MAX_AUTHOR_CHARS: usize = 200;

/// A name as the `author` parameter compares it: trimmed, inner runs of
/// white space made one space.
pub fn author_name(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a
/// byte; a malformed escape stays as it is; invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string: unreserved characters stay, a space
/// becomes `+`, everything else `%XX`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges() {
        assert_eq!(YearRange::parse("2022"), Some(YearRange::single(2022)));
        assert_eq!(
            YearRange::parse("2021-2023"),
            Some(YearRange {
                from: Some(2021),
                to: Some(2023)
            })
        );
        assert_eq!(
            YearRange::parse("2023-"),
            Some(YearRange {
                from: Some(2023),
                to: None
            })
        );
        assert_eq!(
            YearRange::parse("-2021"),
            Some(YearRange {
                from: None,
                to: Some(2021)
            })
        );
        assert_eq!(YearRange::parse("2023-2021"), YearRange::parse("2021-2023"));
        let open_end = YearRange::parse("2023-").unwrap();
        assert!(open_end.selects(2024) && !open_end.selects(2022));
        assert!(YearRange::single(2022).selects(2022));
        assert!(!YearRange::default().selects(2022));
        for bad in [
            "abc",
            "-",
            "20222",
            "2022-x",
            "2021-2022-2023",
            "+2022",
            "２０２２",
        ] {
            assert_eq!(YearRange::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("rdma+storage"), "rdma storage");
        assert_eq!(percent_decode("a%2Cb%20c"), "a,b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_encode("rdma & p4/é"), "rdma+%26+p4%2F%C3%A9");
    }
}
