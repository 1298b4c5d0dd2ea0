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
