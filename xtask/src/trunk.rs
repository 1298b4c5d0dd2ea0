//! The app's trunk commands: the dev server and release builds. Trunk runs
//! `--offline` so that a missing or mismatched tool is a clear error at once
//! instead of 30 s of failing GitHub downloads.

use crate::tools::{self, Browser};
use crate::workspace::Workspace;
use std::fs;
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
pub fn build_for_pages(ws: &Workspace, public_url: &str) -> Result<(), String> {
    tools::ensure(ws, Browser::NotNeeded)?;
    site_build(ws, public_url, PAGES_DIST)?;
    println!("site ready in {PAGES_DIST}/ (public URL {public_url})");
    Ok(())
}

/// A release build into `dist` for `public_url`, with `404.html` beside
/// `index.html` so that deep links load the app on GitHub Pages.
pub fn site_build(ws: &Workspace, public_url: &str, dist: &str) -> Result<(), String> {
    release_build(ws, &["--public-url", public_url, "--dist", dist])?;
    let dir = ws.root.join(dist);
    fs::copy(dir.join("index.html"), dir.join("404.html"))
        .map_err(|e| format!("cannot copy {dist}/index.html to 404.html: {e}"))?;
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
    use super::parse_public_url;

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
