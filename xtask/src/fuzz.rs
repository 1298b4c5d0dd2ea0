//! `cargo xtask fuzz`: the cargo-fuzz targets in `fuzz/` (the URL decoder
//! and the catalog loader), each for a bounded time. The tests' proptests
//! try a few thousand random inputs; libFuzzer follows the code's branches
//! and reaches the inputs those miss (`year=0285-2021` was one).
//!
//! Without a sanitizer: the project's code has no `unsafe`, so
//! AddressSanitizer would mostly watch serde_json, at 4-6 times fewer inputs
//! per second (measured), and it needs `-Zsanitizer`, so nightly or
//! RUSTC_BOOTSTRAP=1. With `--sanitizer=none` cargo-fuzz builds on stable as
//! it is. Debug assertions stay on, so that an integer overflow is a panic,
//! as in the tests.

use crate::workspace::Workspace;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The fuzz targets, `fuzz/fuzz_targets/<name>.rs`.
pub const TARGETS: [&str; 2] = ["query_decode", "catalog_load"];
/// Seconds per target in `cargo xtask test`.
pub const CI_SECONDS: u64 = 30;
/// Seconds per target for `cargo xtask fuzz` without `--seconds`.
const DEFAULT_SECONDS: u64 = 60;
/// The options of every `cargo fuzz` build and run.
const BUILD: [&str; 2] = ["--sanitizer=none", "--debug-assertions"];
/// Where each run adds the inputs it found, so that the committed seeds in
/// `fuzz/corpus/<target>` stay as they are and the next local run starts
/// where this one stopped.
const GROWN_CORPUS: &str = "target/fuzz-corpus";
/// One input that takes longer than this is a failure (a hang), instead of
/// libFuzzer's default of 20 minutes.
const INPUT_TIMEOUT_SECONDS: u64 = 10;

struct Options {
    seconds: u64,
    targets: Vec<&'static str>,
}

fn parse(args: &[&str]) -> Result<Options, String> {
    let usage = format!(
        "usage: cargo xtask fuzz [--seconds N] [{}]",
        TARGETS.join("|")
    );
    let mut options = Options {
        seconds: DEFAULT_SECONDS,
        targets: Vec::new(),
    };
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        let seconds = match arg {
            "--seconds" => *rest.next().ok_or(&usage)?,
            _ if arg.starts_with("--seconds=") => &arg["--seconds=".len()..],
            _ => match TARGETS.iter().find(|&&target| target == arg) {
                Some(target) => {
                    options.targets.push(target);
                    continue;
                }
                None => return Err(format!("unexpected `{arg}`; {usage}")),
            },
        };
        options.seconds = seconds
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("`{seconds}` is not a number of seconds; {usage}"))?;
    }
    if options.targets.is_empty() {
        options.targets = TARGETS.to_vec();
    }
    Ok(options)
}

/// `cargo xtask fuzz [--seconds N] [TARGET]`: installs cargo-fuzz when it
/// is missing, then runs the targets.
pub fn run(ws: &Workspace, args: &[&str]) -> Result<(), String> {
    let options = parse(args)?;
    crate::tools::ensure_cargo_fuzz(ws)?;
    run_targets(ws, &options.targets, options.seconds)
}

/// Builds every target, then runs each for `seconds`, stopping at the first
/// that finds an input that fails.
pub fn run_targets(ws: &Workspace, targets: &[&str], seconds: u64) -> Result<(), String> {
    ws.run(&mut ws.command("cargo", &[&["fuzz", "build"][..], &BUILD].concat()))?;
    for target in targets {
        run_target(ws, target, seconds)?;
    }
    Ok(())
}

fn run_target(ws: &Workspace, target: &str, seconds: u64) -> Result<(), String> {
    let grown = format!("{GROWN_CORPUS}/{target}");
    let seeds = format!("fuzz/corpus/{target}");
    fs::create_dir_all(ws.root.join(&grown)).map_err(|e| format!("cannot create {grown}: {e}"))?;
    let max_time = format!("-max_total_time={seconds}");
    let timeout = format!("-timeout={INPUT_TIMEOUT_SECONDS}");
    // libFuzzer writes new inputs into the first corpus directory only.
    let args = [
        &["fuzz", "run", target][..],
        &BUILD,
        &[&grown, &seeds, "--"],
        &[&max_time, &timeout, "-verbosity=0", "-print_final_stats=1"],
    ]
    .concat();
    let started = SystemTime::now();
    let Err(error) = ws.run(&mut ws.command("cargo", &args)) else {
        return Ok(());
    };
    let artifacts = new_files(&ws.root.join("fuzz/artifacts").join(target), started);
    if artifacts.is_empty() {
        return Err(error);
    }
    let paths: Vec<String> = artifacts
        .iter()
        .map(|path| {
            let path = path.strip_prefix(&ws.root).unwrap_or(path);
            path.display().to_string()
        })
        .collect();
    Err(format!(
        "fuzz target {target} found an input that fails (panic, hang or out of memory), \
         saved in {}; see the panic above, and run it again with \
         `cargo fuzz run {} {target} {}`",
        paths.join(", "),
        BUILD.join(" "),
        paths[0]
    ))
}

/// The files in `dir` modified since `since`: the inputs libFuzzer saved
/// (`crash-…`, `timeout-…`, `oom-…`) during this run.
fn new_files(dir: &Path, since: SystemTime) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= since)
        })
        .map(|entry| entry.path())
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Workspace;

    #[test]
    fn options() {
        let o = parse(&[]).unwrap();
        assert_eq!((o.seconds, o.targets), (DEFAULT_SECONDS, TARGETS.to_vec()));
        let o = parse(&["--seconds", "5", "catalog_load"]).unwrap();
        assert_eq!((o.seconds, o.targets), (5, vec!["catalog_load"]));
        assert_eq!(parse(&["--seconds=7"]).unwrap().seconds, 7);
        assert!(parse(&["--seconds", "0"]).is_err());
        assert!(parse(&["--seconds"]).is_err());
        assert!(parse(&["no_such_target"]).is_err());
    }

    #[test]
    fn every_target_has_a_source_and_seeds() {
        let root = Workspace::locate().root;
        for target in TARGETS {
            let source = root.join(format!("fuzz/fuzz_targets/{target}.rs"));
            assert!(source.exists(), "{}", source.display());
            let seeds = root.join(format!("fuzz/corpus/{target}"));
            let count = fs::read_dir(&seeds).map_or(0, |dir| dir.count());
            assert!(count > 0, "no seed inputs in {}", seeds.display());
        }
    }

    #[test]
    fn only_files_written_since_the_start_are_new() {
        let dir = std::env::temp_dir().join(format!("xtask-fuzz-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("crash-old"), "x").unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(3600);
        assert!(new_files(&dir, later).is_empty());
        let found = new_files(&dir, SystemTime::UNIX_EPOCH);
        assert_eq!(found, [dir.join("crash-old")]);
        assert!(new_files(&dir.join("missing"), SystemTime::UNIX_EPOCH).is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }
}
