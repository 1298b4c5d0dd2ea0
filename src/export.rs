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

/// A LaTeX command for an accented Latin letter (`é` → `{\'e}`), so that
/// names survive classic BibTeX as well as biber.
fn latex_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'À' => "{\\`A}",
        'Á' => "{\\'A}",
        'Â' => "{\\^A}",
        'Ã' => "{\\~A}",
        'Ä' => "{\\\"A}",
        'Å' => "{\\AA}",
        'Æ' => "{\\AE}",
        'Ç' => "{\\c{C}}",
        'È' => "{\\`E}",
        'É' => "{\\'E}",
        'Ê' => "{\\^E}",
        'Ë' => "{\\\"E}",
        'Ì' => "{\\`I}",
        'Í' => "{\\'I}",
        'Î' => "{\\^I}",
        'Ï' => "{\\\"I}",
        'Ñ' => "{\\~N}",
        'Ò' => "{\\`O}",
        'Ó' => "{\\'O}",
        'Ô' => "{\\^O}",
        'Õ' => "{\\~O}",
        'Ö' => "{\\\"O}",
        'Ø' => "{\\O}",
        'Ù' => "{\\`U}",
        'Ú' => "{\\'U}",
        'Û' => "{\\^U}",
        'Ü' => "{\\\"U}",
        'Ý' => "{\\'Y}",
        'ß' => "{\\ss}",
        'à' => "{\\`a}",
        'á' => "{\\'a}",
        'â' => "{\\^a}",
        'ã' => "{\\~a}",
        'ä' => "{\\\"a}",
        'å' => "{\\aa}",
        'æ' => "{\\ae}",
        'ç' => "{\\c{c}}",
        'è' => "{\\`e}",
        'é' => "{\\'e}",
        'ê' => "{\\^e}",
        'ë' => "{\\\"e}",
        'ì' => "{\\`\\i}",
        'í' => "{\\'\\i}",
        'î' => "{\\^\\i}",
        'ï' => "{\\\"\\i}",
        'ñ' => "{\\~n}",
        'ò' => "{\\`o}",
        'ó' => "{\\'o}",
        'ô' => "{\\^o}",
        'õ' => "{\\~o}",
        'ö' => "{\\\"o}",
        'ø' => "{\\o}",
        'ù' => "{\\`u}",
        'ú' => "{\\'u}",
        'û' => "{\\^u}",
        'ü' => "{\\\"u}",
        'ý' => "{\\'y}",
        'ÿ' => "{\\\"y}",
        'Ā' => "{\\=A}",
        'ā' => "{\\=a}",
        'Ă' => "{\\u{A}}",
        'ă' => "{\\u{a}}",
        'Ą' => "{\\k{A}}",
        'ą' => "{\\k{a}}",
        'Ć' => "{\\'C}",
        'ć' => "{\\'c}",
        'Ĉ' => "{\\^C}",
        'ĉ' => "{\\^c}",
        'Ċ' => "{\\.C}",
        'ċ' => "{\\.c}",
        'Č' => "{\\v{C}}",
        'č' => "{\\v{c}}",
        'Ď' => "{\\v{D}}",
        'ď' => "{\\v{d}}",
        'Đ' => "{\\DJ}",
        'đ' => "{\\dj}",
        'Ē' => "{\\=E}",
        'ē' => "{\\=e}",
        'Ĕ' => "{\\u{E}}",
        'ĕ' => "{\\u{e}}",
        'Ė' => "{\\.E}",
        'ė' => "{\\.e}",
        'Ę' => "{\\k{E}}",
        'ę' => "{\\k{e}}",
        'Ě' => "{\\v{E}}",
        'ě' => "{\\v{e}}",
        'Ĝ' => "{\\^G}",
        'ĝ' => "{\\^g}",
        'Ğ' => "{\\u{G}}",
        'ğ' => "{\\u{g}}",
        'Ġ' => "{\\.G}",
        'ġ' => "{\\.g}",
        'Ģ' => "{\\c{G}}",
        'ģ' => "{\\c{g}}",
        'Ĥ' => "{\\^H}",
        'ĥ' => "{\\^h}",
        'Ĩ' => "{\\~I}",
        'ĩ' => "{\\~\\i}",
        'Ī' => "{\\=I}",
        'ī' => "{\\=\\i}",
        'Ĭ' => "{\\u{I}}",
        'ĭ' => "{\\u{\\i}}",
        'Į' => "{\\k{I}}",
        'į' => "{\\k{i}}",
        'İ' => "{\\.I}",
        'ı' => "{\\i}",
        'Ĵ' => "{\\^J}",
        'ĵ' => "{\\^j}",
        'Ķ' => "{\\c{K}}",
        'ķ' => "{\\c{k}}",
        'Ĺ' => "{\\'L}",
        'ĺ' => "{\\'l}",
        'Ļ' => "{\\c{L}}",
        'ļ' => "{\\c{l}}",
        'Ľ' => "{\\v{L}}",
        'ľ' => "{\\v{l}}",
        'Ł' => "{\\L}",
        'ł' => "{\\l}",
        'Ń' => "{\\'N}",
        'ń' => "{\\'n}",
        'Ņ' => "{\\c{N}}",
        'ņ' => "{\\c{n}}",
        'Ň' => "{\\v{N}}",
        'ň' => "{\\v{n}}",
        'Ō' => "{\\=O}",
        'ō' => "{\\=o}",
        'Ŏ' => "{\\u{O}}",
        'ŏ' => "{\\u{o}}",
        'Ő' => "{\\H{O}}",
        'ő' => "{\\H{o}}",
        'Œ' => "{\\OE}",
        'œ' => "{\\oe}",
        'Ŕ' => "{\\'R}",
        'ŕ' => "{\\'r}",
        'Ŗ' => "{\\c{R}}",
        'ŗ' => "{\\c{r}}",
        'Ř' => "{\\v{R}}",
        'ř' => "{\\v{r}}",
        'Ś' => "{\\'S}",
        'ś' => "{\\'s}",
        'Ŝ' => "{\\^S}",
        'ŝ' => "{\\^s}",
        'Ş' => "{\\c{S}}",
        'ş' => "{\\c{s}}",
        'Š' => "{\\v{S}}",
        'š' => "{\\v{s}}",
        'Ţ' => "{\\c{T}}",
        'ţ' => "{\\c{t}}",
        'Ť' => "{\\v{T}}",
        'ť' => "{\\v{t}}",
        'Ũ' => "{\\~U}",
        'ũ' => "{\\~u}",
        'Ū' => "{\\=U}",
        'ū' => "{\\=u}",
        'Ŭ' => "{\\u{U}}",
        'ŭ' => "{\\u{u}}",
        'Ů' => "{\\r{U}}",
        'ů' => "{\\r{u}}",
        'Ű' => "{\\H{U}}",
        'ű' => "{\\H{u}}",
        'Ų' => "{\\k{U}}",
        'ų' => "{\\k{u}}",
        'Ŵ' => "{\\^W}",
        'ŵ' => "{\\^w}",
        'Ŷ' => "{\\^Y}",
        'ŷ' => "{\\^y}",
        'Ÿ' => "{\\\"Y}",
        'Ź' => "{\\'Z}",
        'ź' => "{\\'z}",
        'Ż' => "{\\.Z}",
        'ż' => "{\\.z}",
        'Ž' => "{\\v{Z}}",
        'ž' => "{\\v{z}}",
        _ => return None,
    })
}

/// A name for a BibTeX `author` field: LaTeX specials escaped and accented
/// Latin letters as LaTeX commands. Other scripts stay as they are (UTF-8
/// BibTeX and biber read them).
pub fn bibtex_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match latex_letter(c) {
            Some(command) => out.push_str(command),
            None => out.push_str(&bibtex_escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// The ASCII letters of a surname for a citation key: accents dropped
/// (`Altınbüken` → `Altinbuken`), anything else left out.
fn key_letters(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(command) = latex_letter(c) {
            // The letters of `{\'e}`, `{\c{C}}`, `{\ss}`, `{\`\i}`: after
            // the command's own brace, or all of them.
            let inner = command.trim_start_matches("{\\");
            let inner = inner.find('{').map_or(inner, |i| &inner[i + 1..]);
            out.extend(inner.chars().filter(char::is_ascii_alphabetic));
        }
    }
    out
}

/// The family name of "First Last" as a key part: the last word, with a
/// lowercase particle before it (`van`, `de`, `von`…) and without a
/// suffix (`Jr.`).
fn family_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1
        && matches!(
            words.last().map(|w| w.trim_end_matches('.')),
            Some("Jr" | "Sr" | "II" | "III" | "IV")
        )
    {
        words.pop();
    }
    let Some(last) = words.pop() else {
        return String::new();
    };
    let mut family = String::new();
    if let Some(particle) = words.last().filter(|w| {
        [
            "van", "von", "de", "der", "den", "da", "di", "du", "le", "la",
        ]
        .contains(w)
    }) {
        family.push_str(&key_letters(particle));
        if let Some(first) = family.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    family.push_str(&key_letters(last));
    family
}

/// A citation key in dblp's manner: the first author's family name, the
/// initials of the next two authors' family names, the venue and the
/// year's last two digits (`BrookerCP:NSDI20` for Brooker, Chen and Ping
/// at NSDI 2020; dblp's `conf/nsdi/BrookerCP20`). A paper without
/// authors, or whose first name gives no ASCII letters, is keyed by its id.
pub fn bibtex_key(catalog: &Catalog, paper: &Paper) -> String {
    let mut names = catalog.authors_of(paper).map(family_name);
    match names.next().filter(|first| {
        first
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    }) {
        Some(mut key) => {
            if let Some(first) = key.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            for other in names.take(2) {
                if let Some(initial) = other.chars().next() {
                    key.push(initial.to_ascii_uppercase());
                }
            }
            let venue = catalog.venue_of(paper).id.to_ascii_uppercase();
            key.push_str(&format!(":{venue}{:02}", paper.year % 100));
            key
        }
        None => paper.id.clone(),
    }
}

/// A BibTeX `@inproceedings` entry with every author, keyed by
/// [`bibtex_key`].
pub fn bibtex(catalog: &Catalog, paper: &Paper) -> String {
    bibtex_keyed(catalog, paper, &bibtex_key(catalog, paper))
}

fn bibtex_keyed(catalog: &Catalog, paper: &Paper, key: &str) -> String {
    let venue = catalog.venue_of(paper);
    let booktitle = match &venue.full_name {
        Some(full) => format!("{full} ({} {})", venue.name, paper.year),
        None => format!("{} {}", venue.name, paper.year),
    };
    let companies: Vec<&str> = catalog
        .companies_of(paper)
        .map(|c| c.name.as_str())
        .collect();
    let authors: Vec<String> = catalog.authors_of(paper).map(bibtex_name).collect();
    let mut fields = Vec::new();
    if !authors.is_empty() {
        fields.push(("author", authors.join(" and ")));
    }
    fields.extend([
        ("title", format!("{{{}}}", bibtex_escape(&paper.title))),
        ("booktitle", bibtex_escape(&booktitle)),
        ("year", paper.year.to_string()),
    ]);
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
    format!("@inproceedings{{{key},\n{}\n}}\n", body.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::{bibtex_escape, bibtex_name, family_name, key_letters};

    #[test]
    fn names_are_latex_safe() {
        assert_eq!(
            bibtex_name("Deniz Altınbüken"),
            "Deniz Alt{\\i}nb{\\\"u}ken"
        );
        assert_eq!(bibtex_name("José Ñúñez"), "Jos{\\'e} {\\~N}{\\'u}{\\~n}ez");
        assert_eq!(bibtex_name("Łukasz Øster"), "{\\L}ukasz {\\O}ster");
        assert_eq!(bibtex_name("A_B & C"), "A\\_B \\& C");
        assert_eq!(bibtex_name("李明"), "李明");
    }

    #[test]
    fn key_parts_are_ascii_family_names() {
        assert_eq!(key_letters("Altınbüken"), "Altinbuken");
        assert_eq!(key_letters("Çelik"), "Celik");
        assert_eq!(key_letters("Weiß"), "Weiss");
        assert_eq!(family_name("Jacob Van Geffen"), "Geffen");
        assert_eq!(family_name("Robbert van Renesse"), "VanRenesse");
        assert_eq!(family_name("Sam Smith Jr."), "Smith");
        assert_eq!(family_name("Andrew D. Ferguson"), "Ferguson");
    }

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
        Format::Bibtex => {
            // Keys are unique within the file: a repeat gets a, b, c…
            let mut seen: std::collections::HashMap<String, usize> = Default::default();
            papers
                .map(|p| {
                    let key = bibtex_key(catalog, p);
                    let n = seen.entry(key.clone()).or_default();
                    *n += 1;
                    let key = match *n {
                        1 => key,
                        n => format!("{key}{}", char::from(b'a' + ((n - 2) % 26) as u8)),
                    };
                    bibtex_keyed(catalog, p, &key)
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Format::Csv => {
            let mut out = String::from(
                "id,title,authors,venue,year,companies,category,tags,url,doi,summary\r\n",
            );
            for p in papers {
                let companies: Vec<&str> =
                    catalog.companies_of(p).map(|c| c.name.as_str()).collect();
                let tags: Vec<&str> = catalog.tags_of(p).map(|t| t.id.as_str()).collect();
                let authors: Vec<&str> = catalog.authors_of(p).collect();
                let row = [
                    p.id.as_str(),
                    &p.title,
                    &authors.join("; "),
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
                authors: Vec<&'a str>,
                companies: Vec<&'a str>,
                category: &'a str,
                tags: Vec<&'a str>,
                summary: &'a str,
                url: Option<&'a str>,
                doi: Option<&'a str>,
                #[serde(skip_serializing_if = "Option::is_none")]
                added: Option<String>,
            }
            let list: Vec<JsonPaper> = papers
                .map(|p| JsonPaper {
                    id: &p.id,
                    title: &p.title,
                    venue: &catalog.venue_of(p).id,
                    year: p.year,
                    authors: catalog.authors_of(p).collect(),
                    companies: catalog.companies_of(p).map(|c| c.id.as_str()).collect(),
                    category: &catalog.category_of(p).id,
                    tags: catalog.tags_of(p).map(|t| t.id.as_str()).collect(),
                    summary: &p.summary,
                    url: p.url.as_deref(),
                    doi: p.doi.as_deref(),
                    added: p.added.map(|d| d.to_string()),
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
                let authors: Vec<&str> = catalog.authors_of(p).collect();
                let by = if authors.is_empty() {
                    String::new()
                } else {
                    format!(" by {}", markdown_escape(&authors.join(", ")))
                };
                out.push_str(&format!(
                    "- {linked}{by}, {} {} ({}): {}\n",
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
