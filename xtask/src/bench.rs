//! `cargo xtask bench`: the speed benchmark of BENCHMARKS.md. The release
//! build and a plain-JavaScript baseline (MiniSearch + vanilla DOM) run side
//! by side in headless Chromium on generated catalogs of several sizes.
//!
//! This side prepares and hands over: the tools, the release build, the
//! catalogs, and timings of the app's plain-Rust core measured natively (so
//! that a slow load or keystroke in the browser can be split into the
//! engine's share and the rest). `tools/bench/bench.mjs` drives the browser
//! and writes the report. It is a benchmark, not a test: a missed target is
//! reported, never a failure.

use crate::gen_catalog;
use crate::tools::{self, Browser, CHROMIUM};
use crate::trunk;
use crate::workspace::Workspace;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};
use systems_atlas::atlas::{Atlas, PAGE};
use systems_atlas::catalog::Catalog;
use systems_atlas::query::Query;

/// Everything the benchmark writes, relative to the repository root.
const OUT: &str = "target/bench";
/// The release build the browser measures (site root `/`).
const APP_DIST: &str = "target/bench/app";
const BENCH_DIR: &str = "tools/bench";
/// The smallest app on the same stack, and where its release build goes.
const FLOOR_DIR: &str = "tools/bench/floor";
const FLOOR_DIST: &str = "target/bench/floor";
/// The sizes without `--sizes`: the shipped catalog (0 stands for its
/// size, read from public/catalog.json), then 10,000 and 100,000 papers.
const DEFAULT_SIZES: [usize; 3] = [SHIPPED, 10_000, 100_000];
const SHIPPED: usize = 0;

struct Options {
    sizes: Vec<usize>,
    lighthouse: bool,
    /// Also build and measure the stack's floor (`tools/bench/floor`).
    floor: bool,
    /// Reuse `target/bench/app` instead of building it again.
    no_build: bool,
    /// Only the native core timings (the release re-run of this command).
    native_only: bool,
}

fn parse(args: &[&str]) -> Result<Options, String> {
    let usage =
        "usage: cargo xtask bench [--sizes 411,10000,100000] [--lighthouse] [--floor] [--no-build]";
    let mut options = Options {
        sizes: DEFAULT_SIZES.to_vec(),
        lighthouse: false,
        floor: false,
        no_build: false,
        native_only: false,
    };
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        let sizes = match arg {
            "--sizes" => Some(*rest.next().ok_or(usage)?),
            _ if arg.starts_with("--sizes=") => Some(&arg["--sizes=".len()..]),
            "--lighthouse" => {
                options.lighthouse = true;
                None
            }
            "--floor" => {
                options.floor = true;
                None
            }
            "--no-build" => {
                options.no_build = true;
                None
            }
            "--native-only" => {
                options.native_only = true;
                None
            }
            _ => return Err(format!("unexpected `{arg}`; {usage}")),
        };
        if let Some(list) = sizes {
            options.sizes = list
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| {
                    s.trim()
                        .replace('_', "")
                        .parse()
                        .map_err(|_| format!("`{s}` is not a number of papers; {usage}"))
                })
                .collect::<Result<_, _>>()?;
        }
    }
    Ok(options)
}

pub fn run(ws: &Workspace, args: &[&str]) -> Result<(), String> {
    let mut options = parse(args)?;
    if options.sizes.contains(&SHIPPED) {
        let path = ws.root.join("public/catalog.json");
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let shipped = Catalog::from_json(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .papers
            .len();
        for size in &mut options.sizes {
            if *size == SHIPPED {
                *size = shipped;
            }
        }
    }
    if options.native_only {
        return native_timings(&ws.root, &options.sizes);
    }
    tools::ensure(ws, Browser::NotNeeded)?;
    if !Path::new(CHROMIUM).exists() {
        return Err(format!(
            "{CHROMIUM} is missing: `apt-get install chromium` (or `cargo xtask test` once)"
        ));
    }
    ensure_bench_modules(ws)?;
    if options.no_build && ws.root.join(APP_DIST).join("index.html").exists() {
        println!("--> reusing the release build in {APP_DIST}");
    } else {
        trunk::site_build(ws, "/", APP_DIST)?;
    }
    for &size in &options.sizes {
        let catalog = ws.root.join(gen_catalog::default_out(size));
        gen_catalog::write(&ws.root, size, &catalog)?;
        // The root view as a build of this catalog would prerender it
        // (SPEC.md §5); bench.mjs serves it as the app's index.html.
        prerender_root(
            ws,
            &catalog,
            &ws.root.join(OUT).join(format!("root-{size}.html")),
        )?;
    }
    native_in_release(ws, &options.sizes)?;

    let sizes = options
        .sizes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let script = format!("{BENCH_DIR}/bench.mjs");
    let mut args = vec![script.as_str(), "--app", APP_DIST, "--sizes", &sizes];
    if options.lighthouse {
        args.push("--lighthouse");
    }
    if options.floor {
        build_floor(ws)?;
        args.extend(["--floor", FLOOR_DIST]);
    }
    let mut node = ws.command("node", &args);
    node.env("NODE_PATH", ws.node_modules())
        .env("CHROMIUM", CHROMIUM);
    ws.run(&mut node)
}

/// The floor app's release build, with its own lock file, Trunk.toml and
/// cargo target directory (it is not part of the app's workspace).
fn build_floor(ws: &Workspace) -> Result<(), String> {
    let manifest = format!("{FLOOR_DIR}/Cargo.toml");
    ws.run(&mut ws.command("cargo", &["fetch", "--manifest-path", &manifest]))?;
    let config = format!("{FLOOR_DIR}/Trunk.toml");
    let mut trunk = ws.command("trunk", &["--config", &config, "build", "--release"]);
    trunk.env(
        "CARGO_TARGET_DIR",
        ws.root.join("target/bench/floor-target"),
    );
    ws.run(&mut trunk)
}

/// `npm ci --prefix tools/bench` when its lock file changed since the last
/// install (npm writes `node_modules/.package-lock.json` on each install).
/// Only the benchmark needs these packages, so only it installs them.
fn ensure_bench_modules(ws: &Workspace) -> Result<(), String> {
    let dir = ws.root.join(BENCH_DIR);
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(&dir.join("package-lock.json"));
    let installed = modified(&dir.join("node_modules").join(".package-lock.json"));
    let stale = match (lock, installed) {
        (_, None) => true,
        (Some(lock), Some(installed)) => lock > installed,
        (None, Some(_)) => false,
    };
    if stale {
        println!("--> installing {BENCH_DIR}/node_modules (npm ci: minisearch, lighthouse)");
        ws.run(&mut ws.command(
            "npm",
            &["ci", "--prefix", BENCH_DIR, "--no-audit", "--no-fund"],
        ))
    } else {
        println!("--> {BENCH_DIR}/node_modules (minisearch, lighthouse): present");
        Ok(())
    }
}

/// Writes the prerendered root view of `catalog` into the app build's
/// shell, as `out` (the prerender binary's `--root` mode).
fn prerender_root(ws: &Workspace, catalog: &Path, out: &Path) -> Result<(), String> {
    let shell = ws.root.join(APP_DIST).join("404.html");
    ws.run(
        ws.command("cargo", &crate::post_build::PRERENDER)
            .arg("--root")
            .arg(&shell)
            .arg(catalog)
            .arg("/")
            .arg(out),
    )
}

/// `cargo xtask` is a debug build, whose timings of the core would say
/// nothing about the app's: the timings run in a release build of this
/// same command.
fn native_in_release(ws: &Workspace, sizes: &[usize]) -> Result<(), String> {
    if !cfg!(debug_assertions) {
        return native_timings(&ws.root, sizes);
    }
    let list = sizes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let args = [
        "run",
        "--quiet",
        "--release",
        "--package",
        "xtask",
        "--",
        "bench",
        "--native-only",
        "--sizes",
        &list,
    ];
    ws.run(&mut ws.command("cargo", &args))
}

/// The texts of the search box after each keystroke of one round
/// (`tools/bench/keystrokes.txt`, which bench.mjs types).
pub fn keystroke_texts(script: &str) -> Result<Vec<String>, String> {
    let mut text = String::new();
    let mut texts = Vec::new();
    for line in script.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(typed) = line.strip_prefix("type ") {
            for c in typed.chars() {
                text.push(c);
                texts.push(text.clone());
            }
        } else if let Some(n) = line.strip_prefix("back ") {
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("keystrokes: `{line}` needs a number"))?;
            for _ in 0..n {
                text.pop();
                texts.push(text.clone());
            }
        } else {
            return Err(format!("keystrokes: cannot read `{line}`"));
        }
    }
    Ok(texts)
}

/// Loads each generated catalog with the app's own code, natively, and
/// times the stages the browser cannot show apart (the wasm has no
/// function names): JSON parse and validation, building the index and
/// bit sets, and one keystroke's query (search, counts, charts, first
/// page). Best-of-N timings. Writes `target/bench/native.json` for the
/// report.
fn native_timings(root: &Path, sizes: &[usize]) -> Result<(), String> {
    let script_path = root.join(BENCH_DIR).join("keystrokes.txt");
    let script = fs::read_to_string(&script_path)
        .map_err(|e| format!("cannot read {}: {e}", script_path.display()))?;
    let texts = keystroke_texts(&script)?;
    let mut json = String::from("{\n");
    for (i, &size) in sizes.iter().enumerate() {
        let path = root.join(gen_catalog::default_out(size));
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        // The best of several runs, for the same reason as the keystrokes.
        let runs = if size >= 100_000 { 3 } else { 5 };
        let mut parse = Vec::new();
        let mut index = Vec::new();
        let mut atlas = None;
        for _ in 0..runs {
            let start = Instant::now();
            let catalog = Catalog::from_json(&text).map_err(|e| e.to_string())?;
            parse.push(start.elapsed());
            // The bit sets and the search index (which the app builds
            // right after the first results are on screen).
            let start = Instant::now();
            let built = Atlas::new(catalog);
            built.index();
            index.push(start.elapsed());
            atlas = Some(built);
        }
        let atlas = atlas.expect("at least one run");
        // Per keystroke, the best of five: the machine is shared, and other
        // work only ever adds time.
        let mut keys: Vec<Duration> = texts
            .iter()
            .map(|text| {
                let query = Query::default().with_text(text);
                (0..5)
                    .map(|_| {
                        let start = Instant::now();
                        std::hint::black_box(atlas.search(&query, PAGE));
                        start.elapsed()
                    })
                    .min()
                    .expect("five runs")
            })
            .collect();
        let parse = *parse.iter().min().expect("at least one run");
        let index = *index.iter().min().expect("at least one run");
        let (key_median, key_p95) = (median(&mut keys), percentile(&mut keys, 95));
        println!(
            "native core, {size} papers: parse+validate {:.1} ms, index {:.1} ms, \
             keystroke query median {:.3} ms, p95 {:.3} ms",
            ms(parse),
            ms(index),
            ms(key_median),
            ms(key_p95)
        );
        let _ = writeln!(
            json,
            "  \"{size}\": {{ \"bytes\": {}, \"parse_ms\": {:.3}, \"index_ms\": {:.3}, \
             \"key_median_ms\": {:.4}, \"key_p95_ms\": {:.4} }}{}",
            text.len(),
            ms(parse),
            ms(index),
            ms(key_median),
            ms(key_p95),
            if i + 1 < sizes.len() { "," } else { "" }
        );
    }
    json.push_str("}\n");
    let out = root.join(OUT).join("native.json");
    fs::create_dir_all(root.join(OUT)).map_err(|e| format!("cannot create {OUT}: {e}"))?;
    fs::write(&out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(samples: &mut [Duration]) -> Duration {
    percentile(samples, 50)
}

/// The nearest-rank percentile (the same rule as bench.mjs).
fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    samples.sort_unstable();
    let rank = (p * samples.len()).div_ceil(100).max(1);
    samples[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_keystroke_script() {
        let texts = keystroke_texts("# comment\ntype ab\nback 1\ntype  c\nback 9\n").unwrap();
        let mut expected = vec!["a", "ab", "a", "a ", "a c", "a ", "a"];
        expected.extend([""; 7]); // Backspace in an empty box is still a key.
        assert_eq!(texts, expected);
        assert!(keystroke_texts("jump 3").is_err());
    }

    #[test]
    fn the_benchmark_round_ends_with_an_empty_box() {
        let script = include_str!("../../tools/bench/keystrokes.txt");
        let texts = keystroke_texts(script).unwrap();
        assert_eq!(texts.last().map(String::as_str), Some(""));
        assert!(texts.iter().any(|t| t == "distributed storage rdma"));
    }

    #[test]
    fn options() {
        let o = parse(&["--sizes", "100,1_000", "--lighthouse"]).unwrap();
        assert_eq!(o.sizes, [100, 1000]);
        assert!(o.lighthouse && !o.no_build && !o.floor);
        assert!(parse(&["--floor"]).unwrap().floor);
        assert_eq!(parse(&[]).unwrap().sizes, DEFAULT_SIZES);
        assert_eq!(parse(&["--sizes="]).unwrap().sizes, Vec::<usize>::new());
        assert!(parse(&["--sizes", "x"]).is_err());
        assert!(parse(&["--fast"]).is_err());
    }

    #[test]
    fn nearest_rank_percentiles() {
        let mut samples: Vec<Duration> = (1..=20).map(Duration::from_millis).collect();
        assert_eq!(percentile(&mut samples, 50), Duration::from_millis(10));
        assert_eq!(percentile(&mut samples, 95), Duration::from_millis(19));
    }
}
