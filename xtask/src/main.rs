//! `cargo xtask`: the project's developer commands, in Rust so that they run
//! the same on every machine and in CI with nothing but cargo installed.
//!
//! Std only (plus the app's plain-Rust core for the catalog check), so that
//! this compiles in seconds, before any of the tools it installs exist.

mod bench;
mod catalog;
mod fuzz;
mod gen_catalog;
mod pipeline;
pub mod post_build;
mod tools;
mod trunk;
mod workspace;

use std::path::PathBuf;
use std::process::ExitCode;
use tools::Browser;
use workspace::Workspace;

const USAGE: &str = "\
Usage: cargo xtask <command>

Commands:
  serve                       install missing tools, then `trunk serve` on http://127.0.0.1:8080
  test                        every check CI runs: fmt, clippy, native tests, fuzzing (30 s
                              per target), wasm tests in headless Chromium, release build,
                              end-to-end tests
  build [--public-url /repo/] [--site-url https://owner.github.io/repo/]
                              release build into dist/ for GitHub Pages (default URL: /),
                              with the static pages; the address makes canonical links
  catalog check [PATH]        load and lint a catalog (default: public/catalog.json)
  setup                       install missing tools (trunk, wasm-bindgen-cli, npm tools)
  fuzz [--seconds N] [TARGET] the cargo-fuzz targets in fuzz/ (query_decode, catalog_load),
                              N seconds each (default 60); a failing input is kept in
                              fuzz/artifacts/TARGET/
  gen-catalog N [--out PATH]  a deterministic N-paper catalog for benchmarks
                              (default: target/bench/catalog-N.json)
  bench [--sizes 100,10000,100000] [--lighthouse]
                              speed benchmark of the release build against a plain-JS
                              baseline in headless Chromium (BENCHMARKS.md)
  post-build                  trunk's post_build hook (Trunk.toml): CSP hash, service worker
  help                        this text

Tools are installed once per machine and skipped when present; the first
install of trunk takes 15-20 minutes.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let ws = Workspace::locate();
    let result = match args.as_slice() {
        [] | ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        ["serve"] => trunk::serve(&ws),
        ["test"] => return pipeline::run(&ws),
        ["build", options @ ..] => {
            trunk::parse_build_options(options).and_then(|o| trunk::build_for_pages(&ws, &o))
        }
        ["catalog", "check"] => catalog::check(&ws.root.join(catalog::BUNDLED)),
        ["catalog", "check", path] => catalog::check(&PathBuf::from(path)),
        ["setup"] => tools::ensure(&ws, Browser::NotNeeded),
        ["gen-catalog", options @ ..] => gen_catalog::run(&ws.root, options),
        ["bench", options @ ..] => bench::run(&ws, options),
        ["fuzz", options @ ..] => fuzz::run(&ws, options),
        ["post-build"] => post_build::run(&ws),
        _ => {
            eprintln!("xtask: unknown command `{}`\n\n{USAGE}", args.join(" "));
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
