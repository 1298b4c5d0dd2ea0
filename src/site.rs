//! The static site around the prerendered pages (SPEC.md §5): each page's
//! `<head>` (title, description, Open Graph, the citation tags reference
//! managers read, the canonical address), the page assembled from trunk's
//! shell, `sitemap.xml` and `robots.txt`. Plain string work, tested
//! natively; the bodies come from the app's components (`app::prerender`).

use crate::catalog::{Catalog, Paper};

/// Where the site lives: its base path (`/`, `/atlas/`) and, when the
/// build is told, its absolute address (`https://owner.github.io/atlas/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub base: String,
    pub address: Option<String>,
}

impl Site {
    /// `base` and `address` as given, each with one trailing slash.
    pub fn new(base: &str, address: Option<&str>) -> Site {
        let slash = |s: &str| format!("{}/", s.trim_end_matches('/'));
        Site {
            base: slash(base),
            address: address.map(slash),
        }
    }

    /// A page's URL: absolute with an address, else from the base path.
    pub fn url(&self, path: &str) -> String {
        match &self.address {
            Some(address) => format!("{address}{path}"),
            None => format!("{}{path}", self.base),
        }
    }
}

/// Escapes text for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a page's `<head>` says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// `website` or `article`.
    pub kind: &'static str,
    /// The page's path below the base (`""`, `paper/x`), for canonical and
    /// `og:url` when the site's address is known.
    pub path: String,
    /// `(name, content)` pairs of `<meta name>` tags (the citation tags).
    pub citation: Vec<(&'static str, String)>,
}

impl Head {
    /// The tags that go before `</head>` (the title and description replace
    /// the shell's own).
    fn extra_tags(&self, site: &Site) -> String {
        let mut tags = vec![
            format!(
                r#"<meta property="og:title" content="{}" />"#,
                escape(&self.title)
            ),
            format!(
                r#"<meta property="og:description" content="{}" />"#,
                escape(&self.description)
            ),
            format!(r#"<meta property="og:type" content="{}" />"#, self.kind),
            r#"<meta property="og:site_name" content="Systems Atlas" />"#.to_string(),
        ];
        if site.address.is_some() {
            let url = escape(&site.url(&self.path));
            tags.push(format!(r#"<link rel="canonical" href="{url}" />"#));
            tags.push(format!(r#"<meta property="og:url" content="{url}" />"#));
        }
        for (name, content) in &self.citation {
            tags.push(format!(
                r#"<meta name="{name}" content="{}" />"#,
                escape(content)
            ));
        }
        tags.join("\n    ")
    }
}

/// The head of a paper's page: its title, summary, and the citation tags
/// of Highwire Press that Zotero, Mendeley and Google Scholar read.
pub fn paper_head(catalog: &Catalog, paper: &Paper) -> Head {
    let venue = catalog.venue_of(paper);
    let mut citation = vec![("citation_title", paper.title.clone())];
    citation.extend(
        catalog
            .authors_of(paper)
            .map(|a| ("citation_author", a.to_string())),
    );
    citation.push(("citation_publication_date", paper.year.to_string()));
    citation.push((
        "citation_conference_title",
        venue
            .full_name
            .clone()
            .unwrap_or_else(|| venue.name.clone()),
    ));
    if let Some(doi) = &paper.doi {
        citation.push(("citation_doi", doi.clone()));
    }
    if let Some(url) = &paper.url {
        citation.push(("citation_abstract_html_url", url.clone()));
    }
    Head {
        title: format!("{} — Systems Atlas", paper.title),
        description: paper.summary.clone(),
        kind: "article",
        path: format!("paper/{}", paper.id),
        citation,
    }
}

/// The page: trunk's `shell` with `head`'s title, description and tags,
/// `kind` as `data-prerendered` on `<html>` (the app's start and the early
/// script read it), and `body` inside `#atlas-prerendered`.
pub fn page(
    shell: &str,
    head: &Head,
    site: &Site,
    kind: &str,
    body: &str,
) -> Result<String, String> {
    let mut html = shell.to_string();
    replace_between(&mut html, 0, "<title>", "</title>", &escape(&head.title))?;
    let description = html
        .find(r#"name="description""#)
        .ok_or("the shell has no <meta name=\"description\">")?;
    replace_between(
        &mut html,
        description,
        "content=\"",
        "\"",
        &escape(&head.description),
    )?;
    let head_end = html.find("</head>").ok_or("the shell has no </head>")?;
    html.insert_str(head_end, &format!("    {}\n  ", head.extra_tags(site)));
    let open = html.find("<html").ok_or("the shell has no <html>")? + 5;
    html.insert_str(open, &format!(r#" data-prerendered="{kind}""#));
    let body_open = html.find("<body>").ok_or("the shell has no <body>")? + 6;
    let body_close = html.rfind("</body>").ok_or("the shell has no </body>")?;
    let noscript =
        "<noscript><p class=\"atlas-noscript\">Searching and filtering need JavaScript; \
                    this page and every paper's page read without it.</p></noscript>";
    html.replace_range(
        body_open..body_close,
        &format!("\n    {noscript}\n    <div id=\"atlas-prerendered\">{body}</div>\n  "),
    );
    Ok(html)
}

/// Replaces the text between the first `open` at or after `from` and the
/// `close` after it.
fn replace_between(
    html: &mut String,
    from: usize,
    open: &str,
    close: &str,
    with: &str,
) -> Result<(), String> {
    let start = from
        + html[from..]
            .find(open)
            .ok_or(format!("the shell has no {open}"))?
        + open.len();
    let end = start
        + html[start..]
            .find(close)
            .ok_or(format!("the shell has no {close}"))?;
    html.replace_range(start..end, with);
    Ok(())
}

/// `sitemap.xml`: the root, the list of all papers, and every paper page.
pub fn sitemap(catalog: &Catalog, site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |path: &str, lastmod: Option<String>| {
        out.push_str(&format!("  <url><loc>{}</loc>", escape(&site.url(path))));
        if let Some(day) = lastmod {
            out.push_str(&format!("<lastmod>{day}</lastmod>"));
        }
        out.push_str("</url>\n");
    };
    url("", catalog.updated.clone());
    url("papers", catalog.updated.clone());
    for paper in &catalog.papers {
        url(
            &format!("paper/{}", paper.id),
            paper.added.map(|d| d.to_string()),
        );
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be read; the sitemap is named when the
/// site's address is known (a `Sitemap:` line must be an absolute URL).
pub fn robots(site: &Site) -> String {
    match &site.address {
        Some(_) => format!(
            "User-agent: *\nAllow: /\nSitemap: {}\n",
            site.url("sitemap.xml")
        ),
        None => "User-agent: *\nAllow: /\n".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <title>Systems Atlas</title>\n    \
        <meta\n      name=\"description\"\n      content=\"Old.\"\n    />\n  </head>\n  <body>\n    \
        <noscript>x</noscript>\n  </body>\n</html>\n";

    #[test]
    fn a_page_gets_its_head_and_body_escaped() {
        let head = Head {
            title: "A <b>\"bold\"</b> & co".into(),
            description: "It's <script>".into(),
            kind: "article",
            path: "paper/x".into(),
            citation: vec![("citation_author", "Ann \"O\" <Lee>".into())],
        };
        let site = Site::new("/atlas", Some("https://me.github.io/atlas"));
        let html = page(SHELL, &head, &site, "paper", "<main>hi</main>").unwrap();
        assert!(
            html.contains("<title>A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co</title>"),
            "{html}"
        );
        assert!(
            html.contains("content=\"It&#39;s &lt;script&gt;\""),
            "{html}"
        );
        assert!(html.contains(
            r#"<meta name="citation_author" content="Ann &quot;O&quot; &lt;Lee&gt;" />"#
        ));
        assert!(
            html.contains(r#"<link rel="canonical" href="https://me.github.io/atlas/paper/x" />"#)
        );
        assert!(html.contains(
            r#"<meta property="og:url" content="https://me.github.io/atlas/paper/x" />"#
        ));
        assert!(
            html.contains(r#"<html data-prerendered="paper" lang="en">"#),
            "{html}"
        );
        assert!(html.contains("<div id=\"atlas-prerendered\"><main>hi</main></div>"));
        assert!(!html.contains("Old."));
        // Without the address: no canonical, no og:url.
        let local = page(SHELL, &head, &Site::new("/", None), "paper", "").unwrap();
        assert!(!local.contains("canonical") && !local.contains("og:url"));
    }

    #[test]
    fn urls_carry_the_base_once() {
        let site = Site::new("/atlas/", None);
        assert_eq!(site.url("paper/x"), "/atlas/paper/x");
        assert_eq!(Site::new("/", None).url(""), "/");
        let abs = Site::new("/atlas/", Some("https://o.github.io/atlas/"));
        assert_eq!(
            abs.url("sitemap.xml"),
            "https://o.github.io/atlas/sitemap.xml"
        );
        assert_eq!(
            robots(&abs),
            "User-agent: *\nAllow: /\nSitemap: https://o.github.io/atlas/sitemap.xml\n"
        );
        assert_eq!(robots(&site), "User-agent: *\nAllow: /\n");
    }
}
