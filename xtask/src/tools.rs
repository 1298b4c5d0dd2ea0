//! "Ensure tools": install what is missing, skip what is present, and say
//! which. Versions are pinned because trunk and wasm-bindgen fall back to
//! downloading from GitHub on a mismatch, which these machines cannot do.

use crate::workspace::Workspace;
use std::fs;
use std::path::Path;

/// trunk 0.22 needs a newer rustc than the 1.95 these machines have.
const TRUNK_VERSION: &str = "0.21.14";
/// `cargo fuzz` for the bounded fuzzing step (xtask/src/fuzz.rs).
const CARGO_FUZZ_VERSION: &str = "0.13.2";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Whether a command drives a browser (only the tests do).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Needed,
    NotNeeded,
}

/// Installs every missing tool; fails on the first one that cannot be had.
pub fn ensure(ws: &Workspace, browser: Browser) -> Result<(), String> {
    ensure_wasm_target(ws)?;
    ensure_rustup_components(ws)?;
    ensure_cargo_tool(ws, &trunk())?;
    ensure_cargo_tool(ws, &wasm_bindgen(ws)?)?;
    ensure_node_modules(ws)?;
    if browser == Browser::Needed {
        ensure_browser(ws)?;
    }
    Ok(())
}

fn say(message: &str) {
    println!("--> {message}");
}

fn ensure_wasm_target(ws: &Workspace) -> Result<(), String> {
    let installed = ws
        .probe("rustup", &["target", "list", "--installed"])
        .ok_or("`rustup target list --installed` failed: is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        say(&format!("rust target {WASM_TARGET}: present"));
        return Ok(());
    }
    say(&format!("installing rust target {WASM_TARGET}"));
    ws.run(&mut ws.command("rustup", &["target", "add", WASM_TARGET]))
}

/// `cargo fmt` and `cargo clippy`, which a minimal rustup profile leaves
/// out ("no such command: fmt").
const RUSTUP_COMPONENTS: [&str; 2] = ["rustfmt", "clippy"];

fn ensure_rustup_components(ws: &Workspace) -> Result<(), String> {
    let installed = ws
        .probe("rustup", &["component", "list", "--installed"])
        .ok_or("`rustup component list --installed` failed: is rustup installed?")?;
    for component in RUSTUP_COMPONENTS {
        // Listed with the host triple: `rustfmt-x86_64-unknown-linux-gnu`.
        let present = installed.lines().any(|line| {
            line.trim() == component || line.trim().starts_with(&format!("{component}-"))
        });
        if present {
            say(&format!("rustup component {component}: present"));
        } else {
            say(&format!("installing rustup component {component}"));
            ws.run(&mut ws.command("rustup", &["component", "add", component]))?;
        }
    }
    Ok(())
}

/// A binary that `cargo install` provides, pinned to one version.
struct CargoTool {
    binary: &'static str,
    krate: &'static str,
    version: String,
    /// How long the install takes, so that nobody interrupts it.
    duration: &'static str,
    /// Retry without `--locked`: the newest releases can lock a dependency
    /// version that the registry mirror does not have yet.
    retry_unlocked: bool,
}

fn trunk() -> CargoTool {
    CargoTool {
        binary: "trunk",
        krate: "trunk",
        version: TRUNK_VERSION.to_string(),
        duration: "takes 15-20 min, once per machine",
        retry_unlocked: false,
    }
}

fn cargo_fuzz() -> CargoTool {
    CargoTool {
        binary: "cargo-fuzz",
        krate: "cargo-fuzz",
        version: CARGO_FUZZ_VERSION.to_string(),
        duration: "takes 1-2 min, once per machine",
        retry_unlocked: false,
    }
}

/// cargo-fuzz, which only the tests and `cargo xtask fuzz` need.
pub fn ensure_cargo_fuzz(ws: &Workspace) -> Result<(), String> {
    ensure_cargo_tool(ws, &cargo_fuzz())
}

/// The CLI must be exactly the version of the `wasm-bindgen` crate the app
/// links, or the generated JS glue does not match the wasm.
fn wasm_bindgen(ws: &Workspace) -> Result<CargoTool, String> {
    let lock_path = ws.root.join("Cargo.lock");
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    Ok(CargoTool {
        binary: "wasm-bindgen",
        krate: "wasm-bindgen-cli",
        version: locked_version(&lock, "wasm-bindgen")?,
        duration: "takes about 5 min, once per machine",
        retry_unlocked: true,
    })
}

fn ensure_cargo_tool(ws: &Workspace, tool: &CargoTool) -> Result<(), String> {
    let (binary, version) = (tool.binary, tool.version.as_str());
    match installed_version(ws, binary) {
        Some(found) if found == version => {
            say(&format!("{binary} {version}: present"));
            return Ok(());
        }
        Some(found) => say(&format!("{binary} {found} on PATH, need {version}")),
        None => {}
    }
    say(&format!(
        "installing {} {version} ({})",
        tool.krate, tool.duration
    ));
    cargo_install(ws, tool)?;
    match installed_version(ws, binary) {
        Some(found) if found == version => Ok(()),
        found => Err(format!(
            "installed {} {version}, but `{binary} --version` reports {}: is another {binary} earlier on PATH?",
            tool.krate,
            found.as_deref().unwrap_or("nothing")
        )),
    }
}

fn installed_version(ws: &Workspace, binary: &str) -> Option<String> {
    version_in(&ws.probe(binary, &["--version"])?).map(str::to_string)
}

fn cargo_install(ws: &Workspace, tool: &CargoTool) -> Result<(), String> {
    let args = ["install", tool.krate, "--version", &tool.version];
    let locked = ws.run(&mut ws.command("cargo", &[&args[..], &["--locked"]].concat()));
    match locked {
        Err(error) if tool.retry_unlocked => {
            say(&format!("{error}; retrying without --locked"));
            ws.run(&mut ws.command("cargo", &args))
        }
        result => result,
    }
}

/// The version of a package in Cargo.lock's text, which must be unique.
fn locked_version(lock: &str, name: &str) -> Result<String, String> {
    let wanted = format!("name = \"{name}\"");
    let mut versions: Vec<&str> = lock
        .split("[[package]]")
        .filter(|package| package.lines().any(|line| line.trim() == wanted))
        .filter_map(|package| {
            package
                .lines()
                .find_map(|line| line.trim().strip_prefix("version = "))
        })
        .map(|quoted| quoted.trim_matches('"'))
        .collect();
    versions.sort_unstable();
    versions.dedup();
    match versions.as_slice() {
        [version] => Ok(version.to_string()),
        [] => Err(format!("Cargo.lock has no package `{name}`")),
        _ => Err(format!(
            "Cargo.lock has several versions of `{name}` ({}); one CLI cannot match them all",
            versions.join(", ")
        )),
    }
}

/// The first word of a `--version` line that starts with a digit:
/// `trunk 0.21.14`, `wasm-opt version 132 (version_132)`,
/// `Chromium 131.0.6778.85 built on Debian`.
fn version_in(text: &str) -> Option<&str> {
    text.split_whitespace()
        .find(|word| word.starts_with(|c: char| c.is_ascii_digit()))
}

/// The major version: `131` of `131.0.6778.85`.
fn major(version: &str) -> &str {
    version.split('.').next().unwrap_or(version)
}

/// npm's packages, reinstalled when the lock file changed since the last
/// `npm ci` (npm writes `node_modules/.package-lock.json` on each install).
fn ensure_node_modules(ws: &Workspace) -> Result<(), String> {
    let tools = ws.root.join("tools");
    let modules = ws.node_modules();
    if is_newer(
        &tools.join("package-lock.json"),
        &modules.join(".package-lock.json"),
    ) {
        say("installing tools/node_modules (npm ci)");
        ws.run(&mut ws.command(
            "npm",
            &["ci", "--prefix", "tools", "--no-audit", "--no-fund"],
        ))?;
    }
    let wasm_opt = modules.join(".bin").join("wasm-opt");
    let version = ws
        .probe(&wasm_opt, &["--version"])
        .and_then(|text| version_in(&text).map(str::to_string))
        .ok_or_else(|| {
            format!(
                "`{} --version` failed: delete tools/node_modules and run `cargo xtask setup`",
                wasm_opt.display()
            )
        })?;
    say(&format!(
        "tools/node_modules (wasm-opt {version}, playwright-core): present"
    ));
    Ok(())
}

/// True when `source` changed after `target` was made, or `target` is missing.
fn is_newer(source: &Path, target: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    match (modified(source), modified(target)) {
        (_, None) => true,
        (Some(source), Some(target)) => source > target,
        (None, Some(_)) => false,
    }
}

/// Debian's Chromium and its matching driver; never a browser a tool would
/// download for itself.
fn ensure_browser(ws: &Workspace) -> Result<(), String> {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        install_browser(ws)?;
    }
    let chromium = browser_version(ws, CHROMIUM)?;
    let driver = browser_version(ws, CHROMEDRIVER)?;
    if major(&chromium) != major(&driver) {
        return Err(format!(
            "chromium {chromium} and chromedriver {driver} differ in major version: \
             upgrade both (apt-get install chromium chromium-driver)"
        ));
    }
    say(&format!(
        "chromium {chromium}, chromedriver {driver}: present"
    ));
    Ok(())
}

fn browser_version(ws: &Workspace, binary: &str) -> Result<String, String> {
    ws.probe(binary, &["--version"])
        .and_then(|text| version_in(&text).map(str::to_string))
        .ok_or_else(|| format!("`{binary} --version` failed"))
}

fn install_browser(ws: &Workspace) -> Result<(), String> {
    let debian = Path::new("/etc/debian_version").exists();
    let root = ws.probe("id", &["-u"]).as_deref() == Some("0");
    if !(debian && root) {
        return Err(format!(
            "{CHROMIUM} and {CHROMEDRIVER} are needed: install the packages `chromium` and \
             `chromium-driver` (Debian: `sudo apt-get install chromium chromium-driver`)"
        ));
    }
    say("installing chromium and chromium-driver (apt-get)");
    ws.run(&mut ws.command("apt-get", &["update"]))?;
    ws.run(
        ws.command("apt-get", &["install", "-y", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]
"#;

    #[test]
    fn finds_the_locked_version_by_exact_name() {
        assert_eq!(locked_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert!(locked_version(LOCK, "wasm-bindgen-cli").is_err());
    }

    #[test]
    fn refuses_two_locked_versions() {
        let two = LOCK.replace("0.2.130\"\nsource", "0.2.129\"\nsource") + LOCK;
        let error = locked_version(&two, "wasm-bindgen").unwrap_err();
        assert!(error.contains("several versions"), "{error}");
    }

    #[test]
    fn reads_version_lines() {
        assert_eq!(version_in("trunk 0.21.14"), Some("0.21.14"));
        assert_eq!(version_in("wasm-bindgen 0.2.130"), Some("0.2.130"));
        assert_eq!(version_in("cargo-fuzz 0.13.2"), Some("0.13.2"));
        assert_eq!(
            version_in("wasm-opt version 132 (version_132)"),
            Some("132")
        );
        let chromium = "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)";
        assert_eq!(major(version_in(chromium).unwrap()), "156");
        assert_eq!(version_in("trunk"), None);
    }

    #[test]
    fn a_missing_target_is_out_of_date() {
        let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        assert!(is_newer(
            &lock,
            Path::new("/nonexistent/.package-lock.json")
        ));
        assert!(!is_newer(Path::new("/nonexistent/lock"), &lock));
    }
}
