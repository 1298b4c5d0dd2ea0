//! `prerender <dir> <public-url> [<site-address>]`: writes the static site
//! (SPEC.md §5) into a trunk build directory whose `index.html` is the app
//! shell: `index.html` (the root view), `papers.html`, `paper/<id>.html`
//! for every paper, `sitemap.xml` and `robots.txt`. The shell itself must
//! already be saved as `404.html` (trunk's post_build hook does both).
//!
//! `prerender --root <shell.html> <catalog.json> <public-url> <out.html>`
//! writes only the root view of another catalog (the benchmark's).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use systems_atlas::app::prerender::{root_page, site_files};
use systems_atlas::atlas::Atlas;
use systems_atlas::catalog::Catalog;
use systems_atlas::site::Site;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let done = match args.as_slice() {
        [flag, shell, catalog, base, out] if flag == "--root" => {
            root(shell, catalog, base, out).map(|()| None)
        }
        [dir, base, rest @ ..] => run(PathBuf::from(dir), base, rest.first().map(String::as_str))
            .map(|n| Some(format!("{n} files written into {dir}"))),
        _ => {
            eprintln!("usage: prerender <dir> <public-url> [<site-address>]");
            return ExitCode::from(2);
        }
    };
    match done {
        Ok(said) => {
            if let Some(said) = said {
                println!("prerender: {said}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root(shell: &str, catalog: &str, base: &str, out: &str) -> Result<(), String> {
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let catalog = Catalog::from_json(&read(catalog)?).map_err(|e| e.to_string())?;
    let page = root_page(
        Arc::new(Atlas::new(catalog)),
        &read(shell)?,
        &Site::new(base, None),
    )?;
    std::fs::write(out, page).map_err(|e| format!("cannot write {out}: {e}"))
}

fn run(dir: PathBuf, base: &str, address: Option<&str>) -> Result<usize, String> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))
    };
    let shell = read("index.html")?;
    let catalog = Catalog::from_json(&read("catalog.json")?).map_err(|e| e.to_string())?;
    let site = Site::new(base, address.filter(|a| !a.is_empty()));
    let files = site_files(Arc::new(Atlas::new(catalog)), &shell, &site)?;
    for (path, text) in &files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(files.len())
}
