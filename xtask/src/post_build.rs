//! `cargo xtask post-build`: trunk's `post_build` hook (Trunk.toml). It runs
//! in `$TRUNK_STAGING_DIR` after `index.html` is written and before the
//! files are moved to the dist directory, and finishes what only the
//! final file set can decide:
//!
//! 1. The Content-Security-Policy allows the inline scripts (trunk's
//!    loader and the early script) by their SHA-256 hashes
//!    (`'inline-script-hashes'` in index.html), so no other inline script
//!    can run.
//! 2. `404.html` is the shell, with preloads of the wasm and its glue.
//! 3. On release builds, the static pages (SPEC.md §5) are rendered into
//!    it by the prerender binary.
//! 4. `sw.js` gets the list of files to precache and a cache version
//!    derived from their contents (not their names: the wasm name is
//!    hashed before wasm-opt changes the file).

use crate::workspace::Workspace;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// Written in index.html where the inline script hashes go.
const HASHES_PLACEHOLDER: &str = "'inline-script-hashes'";
/// Written in public/sw.js where the generated values go.
const PRECACHE_PLACEHOLDER: &str = "self.__ATLAS_PRECACHE__";
const VERSION_PLACEHOLDER: &str = "self.__ATLAS_VERSION__";

/// The site's absolute address for canonical links and the sitemap, if
/// the build was given one (`cargo xtask build --site-url …`).
pub const SITE_URL_ENV: &str = "ATLAS_SITE_URL";

pub fn run(ws: &Workspace) -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("TRUNK_STAGING_DIR is not set: this command is trunk's post_build hook")?;
    let index = staging.join("index.html");
    let html = read(&index)?;
    let html = with_script_hashes(&html)?;
    write(&index, &html)?;
    // The shell stays the page for every path that has no page of its own
    // (GitHub Pages serves 404.html there), so filtered views and unknown
    // paths still load the app. It shows nothing before the app runs, so
    // it preloads the wasm (the prerendered pages do not: their first
    // paint needs only their HTML and CSS, Trunk.toml).
    write(&staging.join("404.html"), &with_preloads(&html)?)?;
    if std::env::var("TRUNK_PROFILE").as_deref() == Ok("release") {
        prerender(ws, &staging)?;
    }

    let files = precache_files(&staging)?;
    let version = content_version(&staging, &files)?;
    let sw_path = staging.join("sw.js");
    let template = read(&sw_path)?;
    let list = files
        .iter()
        .map(|f| format!("{f:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sw = fill(&template, PRECACHE_PLACEHOLDER, &format!("[{list}]"))?;
    let sw = fill(&sw, VERSION_PLACEHOLDER, &format!("{version:?}"))?;
    write(&sw_path, &sw)?;
    println!(
        "post-build: CSP hashes set, sw.js precaches {} files as version {version}",
        files.len()
    );
    Ok(())
}

/// `cargo` running the prerender binary, before its own arguments.
pub const PRERENDER: [&str; 8] = [
    "run",
    "--quiet",
    "--no-default-features",
    "--features",
    "ssr",
    "--bin",
    "prerender",
    "--",
];

/// Writes the static pages (SPEC.md §5) with the app's components, by the
/// prerender binary (the `ssr` build of the app, `src/bin/prerender.rs`).
/// Release builds only: `cargo xtask serve` keeps the shell.
fn prerender(ws: &Workspace, staging: &Path) -> Result<(), String> {
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_string());
    let site = std::env::var(SITE_URL_ENV).unwrap_or_default();
    ws.run(
        ws.command("cargo", &PRERENDER)
            .arg(staging)
            .arg(&public_url)
            .arg(&site),
    )
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn fill(text: &str, placeholder: &str, value: &str) -> Result<String, String> {
    if !text.contains(placeholder) {
        return Err(format!("{placeholder} is missing from the template"));
    }
    Ok(text.replace(placeholder, value))
}

/// The inline `<script>` bodies of an HTML page (trunk writes exactly one).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !open.contains(" src=") {
            scripts.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    scripts
}

/// index.html with the CSP placeholder replaced by the inline scripts'
/// hashes.
fn with_script_hashes(html: &str) -> Result<String, String> {
    let hashes: Vec<String> = inline_scripts(html)
        .into_iter()
        .map(|body| {
            let digest = Sha256::digest(body.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    fill(html, HASHES_PLACEHOLDER, &hashes.join(" "))
}

/// `html` with preloads of the JS glue and the wasm that its loader
/// script imports (the names trunk hashed), before `</head>`.
fn with_preloads(html: &str) -> Result<String, String> {
    let quoted_after = |marker: &str| -> Option<&str> {
        let start = html.find(marker)? + marker.len();
        let rest = &html[start..];
        let quote = rest.find(['\'', '"'])?;
        let rest = &rest[quote + 1..];
        Some(&rest[..rest.find(['\'', '"'])?])
    };
    let js = quoted_after("* as bindings from").ok_or("no JS glue import in the loader script")?;
    let wasm = quoted_after("module_or_path:").ok_or("no wasm path in the loader script")?;
    let links = format!(
        "<link rel=\"modulepreload\" href=\"{js}\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"{wasm}\" \
         crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">"
    );
    let head_end = html.find("</head>").ok_or("no </head>")?;
    Ok(format!("{}{links}{}", &html[..head_end], &html[head_end..]))
}

/// The files the service worker installs with: every file of the build,
/// relative, sorted, but the worker itself, hidden files, the paper
/// pages (cached when visited: the shell renders them offline before
/// that) and what only crawlers read.
fn precache_files(staging: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut dirs = vec![staging.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries =
            fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(staging)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            let skip = relative == "sw.js"
                || relative.starts_with("paper/")
                || relative == "sitemap.xml"
                || relative == "robots.txt";
            if !skip {
                files.push(relative);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A 64-bit FNV-1a hash over the names and contents of the files, in hex.
fn content_version(staging: &Path, files: &[String]) -> Result<String, String> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in files {
        feed(file.as_bytes());
        feed(&[0]);
        let bytes = fs::read(staging.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        feed(&bytes);
    }
    Ok(format!("{hash:016x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html =
            "<script src=\"a.js\"></script><script type=\"module\">\nimport x;\n</script><p>";
        assert_eq!(inline_scripts(html), ["\nimport x;\n"]);
    }

    #[test]
    fn the_csp_gets_the_hash_of_the_inline_script() {
        let html =
            "<meta content=\"script-src 'self' 'inline-script-hashes'\"><script>alert(1)</script>";
        let out = with_script_hashes(html).unwrap();
        // sha256("alert(1)") in base64, as browsers compute it.
        assert!(
            out.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{out}"
        );
    }

    #[test]
    fn the_shell_preloads_what_its_loader_imports() {
        let html = "<head><script type=\"module\">\nimport init, * as bindings from '/a-1.js';\n\
                    const wasm = await init({ module_or_path: '/a-1_bg.wasm' });\n</script></head>";
        let out = with_preloads(html).unwrap();
        assert!(
            out.contains("<link rel=\"modulepreload\" href=\"/a-1.js\""),
            "{out}"
        );
        assert!(
            out.contains("<link rel=\"preload\" href=\"/a-1_bg.wasm\""),
            "{out}"
        );
        assert!(out.ends_with("</head>"));
        assert!(with_preloads("<head></head>").is_err());
    }

    #[test]
    fn a_missing_placeholder_is_an_error() {
        assert!(with_script_hashes("<script>x</script>").is_err());
    }

    #[test]
    fn precache_lists_the_build_and_versions_by_content() {
        let dir = std::env::temp_dir().join(format!("atlas-post-build-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::create_dir_all(dir.join("paper")).unwrap();
        fs::write(dir.join("paper/x.html"), "p").unwrap();
        for (name, text) in [
            ("index.html", "i"),
            ("404.html", "i"),
            ("sw.js", "s"),
            (".trunk-lock", ""),
            ("app.wasm", "w"),
            ("sub/x.css", "c"),
            ("robots.txt", "r"),
        ] {
            fs::write(dir.join(name), text).unwrap();
        }
        let files = precache_files(&dir).unwrap();
        assert_eq!(files, ["404.html", "app.wasm", "index.html", "sub/x.css"]);
        let v1 = content_version(&dir, &files).unwrap();
        fs::write(dir.join("app.wasm"), "W").unwrap();
        let v2 = content_version(&dir, &files).unwrap();
        assert_ne!(v1, v2);
        fs::remove_dir_all(&dir).unwrap();
    }
}
