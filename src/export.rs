//! Citations and exports of papers.

use crate::catalog::{Catalog, Paper};

/// Escapes text for a BibTeX field in braces: the characters LaTeX treats
/// specially get a backslash, braces are balanced by escaping them.
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A BibTeX `@inproceedings` entry keyed by the paper id. The catalog has
/// no author lists, so the entry has none: add them before citing.
pub fn bibtex(catalog: &Catalog, paper: &Paper) -> String {
    let venue = catalog.venue_of(paper);
    let booktitle = match &venue.full_name {
        Some(full) => format!("{full} ({} {})", venue.name, paper.year),
        None => format!("{} {}", venue.name, paper.year),
    };
    let companies: Vec<&str> = catalog
        .companies_of(paper)
        .map(|c| c.name.as_str())
        .collect();
    let mut fields = vec![
        ("title", format!("{{{}}}", bibtex_escape(&paper.title))),
        ("booktitle", bibtex_escape(&booktitle)),
        ("year", paper.year.to_string()),
    ];
    if let Some(url) = &paper.url {
        fields.push(("url", bibtex_escape(url)));
    }
    if let Some(doi) = &paper.doi {
        fields.push(("doi", bibtex_escape(doi)));
    }
    fields.push((
        "note",
        bibtex_escape(&format!("Companies: {}", companies.join(", "))),
    ));
    let body: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@inproceedings{{{},\n{}\n}}\n", paper.id, body.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::bibtex_escape;

    #[test]
    fn escapes_latex_specials() {
        assert_eq!(
            bibtex_escape("50% & {x}_1 #2 $"),
            "50\\% \\& \\{x\\}\\_1 \\#2 \\$"
        );
        assert_eq!(
            bibtex_escape("a\\b~c^"),
            "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}"
        );
        assert_eq!(bibtex_escape("line\nbreak"), "line break");
    }
}

/// The formats the result list can be downloaded in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Bibtex,
    Csv,
    Json,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Bibtex, Format::Csv, Format::Json, Format::Markdown];

    pub fn label(self) -> &'static str {
        match self {
            Format::Bibtex => "BibTeX",
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Bibtex => "bib",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Bibtex => "application/x-bibtex",
            Format::Csv => "text/csv",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown",
        }
    }
}

/// The papers (indices, in list order) in a format.
pub fn export(catalog: &Catalog, papers: &[usize], format: Format) -> String {
    let papers = papers.iter().map(|&i| &catalog.papers[i]);
    match format {
        Format::Bibtex => papers
            .map(|p| bibtex(catalog, p))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Csv => {
            let mut out =
                String::from("id,title,venue,year,companies,category,tags,url,doi,summary\r\n");
            for p in papers {
                let companies: Vec<&str> =
                    catalog.companies_of(p).map(|c| c.name.as_str()).collect();
                let tags: Vec<&str> = catalog.tags_of(p).map(|t| t.id.as_str()).collect();
                let row = [
                    p.id.as_str(),
                    &p.title,
                    &catalog.venue_of(p).name,
                    &p.year.to_string(),
                    &companies.join("; "),
                    &catalog.category_of(p).name,
                    &tags.join("; "),
                    p.url.as_deref().unwrap_or(""),
                    p.doi.as_deref().unwrap_or(""),
                    &p.summary,
                ]
                .map(csv_field);
                out.push_str(&row.join(","));
                out.push_str("\r\n");
            }
            out
        }
        Format::Json => {
            // The catalog's own paper format (SPEC.md §1), fields in its order.
            #[derive(serde::Serialize)]
            struct JsonPaper<'a> {
                id: &'a str,
                title: &'a str,
                venue: &'a str,
                year: u16,
                companies: Vec<&'a str>,
                category: &'a str,
                tags: Vec<&'a str>,
                summary: &'a str,
                url: Option<&'a str>,
                doi: Option<&'a str>,
            }
            let list: Vec<JsonPaper> = papers
                .map(|p| JsonPaper {
                    id: &p.id,
                    title: &p.title,
                    venue: &catalog.venue_of(p).id,
                    year: p.year,
                    companies: catalog.companies_of(p).map(|c| c.id.as_str()).collect(),
                    category: &catalog.category_of(p).id,
                    tags: catalog.tags_of(p).map(|t| t.id.as_str()).collect(),
                    summary: &p.summary,
                    url: p.url.as_deref(),
                    doi: p.doi.as_deref(),
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Markdown => {
            let mut out = String::new();
            for p in papers {
                let companies: Vec<&str> =
                    catalog.companies_of(p).map(|c| c.name.as_str()).collect();
                let title = markdown_escape(&p.title);
                let linked = match &p.url {
                    Some(url) => format!("[{title}](<{url}>)"),
                    None => title,
                };
                out.push_str(&format!(
                    "- {linked}, {} {} ({}): {}\n",
                    catalog.venue_of(p).name,
                    p.year,
                    companies.join(", "),
                    markdown_escape(&p.summary)
                ));
            }
            out
        }
    }
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line
/// break, with quotes doubled. A leading `=`, `+`, `-` or `@` is prefixed
/// with `'` so that spreadsheets do not run it as a formula.
pub fn csv_field(text: &str) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Escapes the characters that would make Markdown out of plain text.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod format_tests {
    use super::{csv_field, markdown_escape};

    #[test]
    fn csv_quotes_only_when_needed_and_defuses_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(markdown_escape("a*b_[c]<d>"), "a\\*b\\_\\[c\\]\\<d\\>");
    }
}
