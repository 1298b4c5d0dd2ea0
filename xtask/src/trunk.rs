//! The app's trunk commands: the dev server and release builds. Trunk runs
//! `--offline` so that a missing or mismatched tool is a clear error at once
//! instead of 30 s of failing GitHub downloads.

use crate::tools::{self, Browser};
use crate::workspace::Workspace;
use std::process::Command;

/// Where `cargo xtask build` puts the site for GitHub Pages.
const PAGES_DIST: &str = "dist";

/// `trunk serve` on a fixed local address, with live reload.
pub fn serve(ws: &Workspace) -> Result<(), String> {
    tools::ensure(ws, Browser::NotNeeded)?;
    fetch_dependencies(ws)?;
    let args = [
        "serve",
        "--offline",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
    ];
    hand_over(ws.command("trunk", &args))
}

/// A release build into `dist/` that GitHub Pages can serve under
/// `public_url`.
pub fn build_for_pages(ws: &Workspace, options: &BuildOptions) -> Result<(), String> {
    tools::ensure(ws, Browser::NotNeeded)?;
    // The post_build hook reads the site's address from the environment
    // trunk passes on (canonical links, og:url, the sitemap).
    if let Some(site) = &options.site_url {
        std::env::set_var(crate::post_build::SITE_URL_ENV, site);
    }
    site_build(ws, &options.public_url, PAGES_DIST)?;
    println!(
        "site ready in {PAGES_DIST}/ (public URL {}{})",
        options.public_url,
        options
            .site_url
            .as_deref()
            .map(|s| format!(", address {s}"))
            .unwrap_or_default()
    );
    Ok(())
}

/// `cargo xtask build [--public-url /repo/] [--site-url https://…/repo/]`.
#[derive(Debug, PartialEq, Eq)]
pub struct BuildOptions {
    pub public_url: String,
    pub site_url: Option<String>,
}

pub fn parse_build_options(options: &[&str]) -> Result<BuildOptions, String> {
    let mut public = Vec::new();
    let mut site_url = None;
    let mut rest = options.iter();
    while let Some(&option) = rest.next() {
        if option == "--site-url" {
            site_url = Some(
                rest.next()
                    .ok_or("--site-url needs an address")?
                    .to_string(),
            );
        } else if let Some(url) = option.strip_prefix("--site-url=") {
            site_url = Some(url.to_string());
        } else if option == "--public-url" {
            public.push(option);
            public.push(rest.next().ok_or("--public-url needs a path")?);
        } else {
            public.push(option);
        }
    }
    if let Some(site) = &site_url {
        if !(site.starts_with("https://") || site.starts_with("http://")) || !site.ends_with('/') {
            return Err(format!(
                "--site-url `{site}` must be an http(s) address ending in `/`, like https://owner.github.io/repo/"
            ));
        }
    }
    Ok(BuildOptions {
        public_url: parse_public_url(&public)?,
        site_url,
    })
}

/// A release build into `dist` for `public_url`: the app, its static
/// pages, and `404.html` (the app shell) so that deep links and filtered
/// views load the app on GitHub Pages (both written by the post_build
/// hook, `post_build.rs`).
pub fn site_build(ws: &Workspace, public_url: &str, dist: &str) -> Result<(), String> {
    release_build(ws, &["--public-url", public_url, "--dist", dist])?;
    let dir = ws.root.join(dist);
    for page in ["404.html", "papers.html", "sitemap.xml"] {
        if !dir.join(page).exists() {
            return Err(format!("{dist}/{page} is missing after the build"));
        }
    }
    Ok(())
}

/// `trunk build --release --offline` plus `extra` arguments. Offline mode
/// passes `--offline` to cargo too, so the crates are fetched first.
fn release_build(ws: &Workspace, extra: &[&str]) -> Result<(), String> {
    fetch_dependencies(ws)?;
    let args = [&["build", "--release", "--offline"], extra].concat();
    ws.run(&mut ws.command("trunk", &args))
}

fn fetch_dependencies(ws: &Workspace) -> Result<(), String> {
    ws.run(&mut ws.command("cargo", &["fetch"]))
}

/// The value of `--public-url` (`/` without it). It must start and end
/// with `/`: a relative public URL breaks deep links.
pub fn parse_public_url(options: &[&str]) -> Result<String, String> {
    let url = match options {
        [] => "/",
        ["--public-url", url] => url,
        [option] if option.starts_with("--public-url=") => &option["--public-url=".len()..],
        _ => {
            return Err(format!(
                "unexpected `{}`: usage is `cargo xtask build [--public-url /repo/]`",
                options.join(" ")
            ))
        }
    };
    if url.starts_with('/') && url.ends_with('/') {
        Ok(url.to_string())
    } else {
        Err(format!(
            "--public-url `{url}` must start and end with `/`, like `/systems-atlas/`"
        ))
    }
}

/// Replaces this process with the server, so that Ctrl-C, `kill` and the
/// exit code reach it and come back unchanged.
#[cfg(unix)]
fn hand_over(mut command: Command) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    println!("$ {}", crate::workspace::describe(&command));
    let error = command.exec();
    Err(format!("cannot start trunk: {error}"))
}

/// Elsewhere: wait for the server and pass its exit code on.
#[cfg(not(unix))]
fn hand_over(mut command: Command) -> Result<(), String> {
    println!("$ {}", crate::workspace::describe(&command));
    let status = command
        .status()
        .map_err(|e| format!("cannot start trunk: {e}"))?;
    std::process::exit(status.code().unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::{parse_build_options, parse_public_url};

    #[test]
    fn the_site_address_is_optional_and_checked() {
        let o = parse_build_options(&[
            "--public-url",
            "/atlas/",
            "--site-url",
            "https://o.github.io/atlas/",
        ])
        .unwrap();
        assert_eq!(o.public_url, "/atlas/");
        assert_eq!(o.site_url.as_deref(), Some("https://o.github.io/atlas/"));
        assert_eq!(parse_build_options(&[]).unwrap().site_url, None);
        assert!(parse_build_options(&["--site-url", "o.github.io/atlas"]).is_err());
    }

    #[test]
    fn public_url_defaults_to_the_root() {
        assert_eq!(parse_public_url(&[]).unwrap(), "/");
    }

    #[test]
    fn public_url_in_both_spellings() {
        let spaced = parse_public_url(&["--public-url", "/systems-atlas/"]);
        assert_eq!(spaced.unwrap(), "/systems-atlas/");
        let joined = parse_public_url(&["--public-url=/systems-atlas/"]);
        assert_eq!(joined.unwrap(), "/systems-atlas/");
    }

    #[test]
    fn public_url_needs_both_slashes() {
        assert!(parse_public_url(&["--public-url", "systems-atlas/"]).is_err());
        assert!(parse_public_url(&["--public-url", "/systems-atlas"]).is_err());
        assert!(parse_public_url(&["--dist", "x"]).is_err());
    }
}
