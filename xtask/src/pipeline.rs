//! `cargo xtask test`: every check CI runs, in order from fastest to
//! slowest, stopping at the first failure so that its output is the last
//! thing on screen.

use crate::fuzz;
use crate::tools::{self, Browser, CHROMEDRIVER, CHROMIUM};
use crate::trunk;
use crate::workspace::Workspace;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// The release builds the end-to-end tests serve, kept apart from `dist/`:
/// one at the site root, one under a GitHub Pages project path.
const E2E_DIST: &str = "target/e2e-dist";
const E2E_DIST_SUBPATH: &str = "target/e2e-dist-atlas";
const E2E_SUBPATH: &str = "/atlas/";

/// One check: a command, or Rust code for the checks that are not one.
struct Step<'a> {
    name: &'static str,
    /// A file or directory another engineer writes: when it is missing the
    /// step fails, because skipping it would report untested code as passing.
    requires: Option<&'static str>,
    action: Action<'a>,
}

enum Action<'a> {
    Command(Command),
    Code(Box<dyn FnOnce() -> Result<(), String> + 'a>),
}

impl<'a> Step<'a> {
    fn command(name: &'static str, command: Command) -> Step<'a> {
        Step {
            name,
            requires: None,
            action: Action::Command(command),
        }
    }

    fn code(name: &'static str, code: impl FnOnce() -> Result<(), String> + 'a) -> Step<'a> {
        Step {
            name,
            requires: None,
            action: Action::Code(Box::new(code)),
        }
    }

    fn requires(self, path: &'static str) -> Step<'a> {
        Step {
            requires: Some(path),
            ..self
        }
    }

    fn run(self, ws: &Workspace) -> Result<(), String> {
        if let Some(path) = self.requires.filter(|path| !ws.root.join(path).exists()) {
            return Err(format!("{path} does not exist, so this step cannot run"));
        }
        match self.action {
            Action::Command(mut command) => ws.run(&mut command),
            Action::Code(code) => code(),
        }
    }
}

fn steps(ws: &Workspace) -> Vec<Step<'_>> {
    // Written as one line each, as they would be typed; no argument has spaces.
    let cargo = |line: &str| ws.command("cargo", &line.split_whitespace().collect::<Vec<_>>());

    let mut wasm_tests = cargo("test --target wasm32-unknown-unknown --test browser");
    wasm_tests
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");

    let mut fmt = cargo("fmt --all -- --check");
    // The fuzz crate is a workspace of its own (fuzz/Cargo.toml).
    let mut fmt_fuzz = cargo("fmt --manifest-path fuzz/Cargo.toml -- --check");

    let mut e2e = ws.command("node", &["--test", "--test-concurrency=1", "tests/e2e/"]);
    e2e.env("ATLAS_DIST", ws.root.join(E2E_DIST))
        .env("ATLAS_DIST_SUBPATH", ws.root.join(E2E_DIST_SUBPATH))
        .env("CHROMIUM", CHROMIUM)
        .env("NODE_PATH", ws.node_modules());

    vec![
        Step::code("tools", || {
            tools::ensure(ws, Browser::Needed)?;
            tools::ensure_cargo_fuzz(ws)
        }),
        Step::code("fmt", move || {
            ws.run(&mut fmt)?;
            ws.run(&mut fmt_fuzz)
        }),
        Step::code("clippy (native, and the components natively)", move || {
            ws.run(&mut cargo(
                "clippy --workspace --no-default-features --all-targets -- -D warnings",
            ))?;
            // The components as the prerender binary builds them (SPEC.md §5).
            ws.run(&mut cargo(
                "clippy --no-default-features --features ssr --all-targets -- -D warnings",
            ))
        }),
        Step::command(
            "clippy (wasm)",
            cargo(
                "clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings",
            ),
        ),
        Step::code("native tests (and the static pages)", move || {
            ws.run(&mut cargo("test --workspace --no-default-features"))?;
            ws.run(&mut cargo(
                "test --no-default-features --features ssr --test prerender",
            ))
        }),
        Step::code("fuzz (bounded)", || {
            fuzz::run_targets(ws, &fuzz::TARGETS, fuzz::CI_SECONDS)
        })
        .requires("fuzz/Cargo.toml"),
        Step::command("wasm tests (headless Chromium)", wasm_tests).requires("tests/browser.rs"),
        Step::code("release builds (/ and /atlas/)", || {
            trunk::site_build(ws, "/", E2E_DIST)?;
            trunk::site_build(ws, E2E_SUBPATH, E2E_DIST_SUBPATH)
        }),
        Step::command("end-to-end", e2e).requires("tests/e2e"),
    ]
}

/// What happened to one step.
struct Outcome {
    duration: Duration,
    passed: bool,
}

/// Runs the steps up to the first failure, then prints the summary.
pub fn run(ws: &Workspace) -> ExitCode {
    let steps = steps(ws);
    let names: Vec<&str> = steps.iter().map(|step| step.name).collect();
    let mut outcomes = Vec::new();
    for (i, step) in steps.into_iter().enumerate() {
        let name = step.name;
        println!("\n==> [{}/{}] {name}", i + 1, names.len());
        let start = Instant::now();
        let result = step.run(ws);
        let duration = start.elapsed();
        match &result {
            Ok(()) => println!("<== {name}: ok in {}", seconds(duration)),
            Err(error) => eprintln!("<== {name}: FAILED in {}: {error}", seconds(duration)),
        }
        outcomes.push(Outcome {
            duration,
            passed: result.is_ok(),
        });
        if result.is_err() {
            break;
        }
    }
    print_summary(&names, &outcomes);
    if outcomes.iter().all(|outcome| outcome.passed) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The table of durations, including the steps that did not run, and the
/// one-line verdict CI logs end with.
fn print_summary(names: &[&str], outcomes: &[Outcome]) {
    let width = names.iter().map(|name| name.len()).max().unwrap_or(0);
    println!("\n==> summary");
    for (i, name) in names.iter().enumerate() {
        let (time, verdict) = match outcomes.get(i) {
            Some(outcome) if outcome.passed => (seconds(outcome.duration), "ok"),
            Some(outcome) => (seconds(outcome.duration), "FAILED"),
            None => ("-".to_string(), "not run"),
        };
        println!("  {name:<width$}  {time:>8}  {verdict}");
    }
    let total: Duration = outcomes.iter().map(|outcome| outcome.duration).sum();
    println!("  {:<width$}  {:>8}", "total", seconds(total));
    let passed = outcomes.iter().filter(|outcome| outcome.passed).count();
    println!("xtask: {passed} passed, {} failed", outcomes.len() - passed);
}

fn seconds(duration: Duration) -> String {
    format!("{:.1}s", duration.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::Step;
    use crate::workspace::Workspace;

    #[test]
    fn a_missing_input_fails_the_step_instead_of_skipping_it() {
        let ws = Workspace::locate();
        let step = Step::code("wasm tests", || Ok(())).requires("tests/no-such-file.rs");
        let error = step.run(&ws).unwrap_err();
        assert!(
            error.contains("tests/no-such-file.rs does not exist"),
            "{error}"
        );
    }

    #[test]
    fn a_present_input_lets_the_step_run() {
        let ws = Workspace::locate();
        let step = Step::code("x", || Err("ran".to_string())).requires("Cargo.toml");
        assert_eq!(step.run(&ws).unwrap_err(), "ran");
    }
}
