//! The static pages, rendered natively with the app's own components (the
//! `ssr` feature; `cargo test --no-default-features --features ssr --test
//! prerender`, a step of `cargo xtask test`): every page is there, catalog
//! text is escaped in bodies and heads, and links carry the base once.
#![cfg(feature = "ssr")]

use std::sync::Arc;
use systems_atlas::app::prerender::{render, site_files};
use systems_atlas::atlas::Atlas;
use systems_atlas::catalog::Catalog;
use systems_atlas::site::Site;

const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <title>Systems Atlas</title>\n    \
    <meta name=\"description\" content=\"x\" />\n    <script type=\"module\">import init from '/a.js';</script>\n  \
    </head>\n  <body>\n  </body>\n</html>\n";

fn bundled() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .expect("public/catalog.json");
    Catalog::from_json(&text).expect("the bundled catalog loads")
}

#[test]
fn every_page_is_written_with_its_own_head() {
    let catalog = bundled();
    let n = catalog.papers.len();
    let first = catalog.papers[0].clone();
    let files = site_files(Arc::new(Atlas::new(catalog)), SHELL, &Site::new("/", None)).unwrap();
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert!(names.contains(&"index.html") && names.contains(&"papers.html"));
    assert!(names.contains(&"sitemap.xml") && names.contains(&"robots.txt"));
    assert_eq!(names.iter().filter(|p| p.starts_with("paper/")).count(), n);
    let (_, page) = files
        .iter()
        .find(|(p, _)| *p == format!("paper/{}.html", first.id))
        .unwrap();
    assert!(page.contains("data-prerendered=\"paper\""));
    assert!(
        page.contains("data-testid=\"paper-title\""),
        "the body is the paper page"
    );
    assert!(page.contains("<meta property=\"og:type\" content=\"article\" />"));
    // The shell's loader stays, the body is inside the prerendered root.
    assert!(page.contains("import init from '/a.js';"));
    assert!(page.contains("<div id=\"atlas-prerendered\">"));
    let (_, root) = &files[0];
    assert!(
        root.contains(&format!("{n} papers")),
        "the root has the full count"
    );
}

#[test]
fn catalog_text_is_escaped_in_the_static_pages() {
    let mut text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
            .unwrap();
    let hostile = r#"<img src=x onerror=alert(1)> \"q\" & 'a'"#;
    text = text.replacen(
        "\"title\": \"Autopilot: workload autoscaling at Google\"",
        &format!("\"title\": \"Autopilot {hostile}\""),
        1,
    );
    text = text.replacen(
        "\"Andrew D. Ferguson\"",
        &format!("\"Andrew {hostile}\""),
        1,
    );
    let catalog = Catalog::from_json(&text).unwrap();
    let files = site_files(Arc::new(Atlas::new(catalog)), SHELL, &Site::new("/", None)).unwrap();
    for (path, page) in &files {
        assert!(!page.contains("<img src=x"), "{path} has the raw markup");
        assert!(
            !page.contains("onerror=alert(1)>"),
            "{path} has the raw markup"
        );
    }
    let (_, autopilot) = files
        .iter()
        .find(|(p, _)| p == "paper/autopilot-eurosys20.html")
        .unwrap();
    assert!(
        autopilot.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "shown as text"
    );
    assert!(autopilot.contains("<meta name=\"citation_title\" content=\"Autopilot &lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &amp; &#39;a&#39;\" />"));
}

#[test]
fn under_a_sub_path_every_link_carries_the_base_once() {
    let catalog = bundled();
    let site = Site::new("/atlas/", Some("https://owner.github.io/atlas/"));
    let body = render(Arc::new(Atlas::new(catalog.clone())), &site, "/");
    let hrefs: Vec<&str> = body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with('/'))
        .collect();
    assert!(hrefs.len() > 20, "{hrefs:?}");
    for href in &hrefs {
        assert!(
            href.starts_with("/atlas/") && !href.starts_with("/atlas/atlas"),
            "{href}"
        );
    }
    let files = site_files(Arc::new(Atlas::new(catalog)), SHELL, &site).unwrap();
    let (_, sitemap) = files.iter().find(|(p, _)| p == "sitemap.xml").unwrap();
    assert!(sitemap.contains("<loc>https://owner.github.io/atlas/paper/"));
    let (_, page) = files.iter().find(|(p, _)| p.starts_with("paper/")).unwrap();
    assert!(page.contains("<link rel=\"canonical\" href=\"https://owner.github.io/atlas/paper/"));
}
