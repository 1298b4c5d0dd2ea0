//! Where the repository is, and running tools from it with one PATH.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root and the PATH every tool is started with.
pub struct Workspace {
    pub root: PathBuf,
    path: OsString,
}

impl Workspace {
    /// The repository this xtask was built from, so that `cargo xtask` works
    /// from any directory inside it.
    pub fn locate() -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask/ sits inside the repository")
            .to_path_buf();
        let path = tool_path(&root);
        Workspace { root, path }
    }

    /// `tools/node_modules`, where `npm ci` puts wasm-opt and playwright-core.
    pub fn node_modules(&self) -> PathBuf {
        self.root.join("tools").join("node_modules")
    }

    /// A command that starts in the repository root with the tool PATH.
    pub fn command(&self, program: impl AsRef<Path>, args: &[&str]) -> Command {
        let mut command = Command::new(program.as_ref());
        command
            .args(args)
            .current_dir(&self.root)
            .env("PATH", &self.path);
        command
    }

    /// Runs a command to completion, echoing it first so that a failure can
    /// be reproduced by hand.
    pub fn run(&self, command: &mut Command) -> Result<(), String> {
        let line = describe(command);
        println!("$ {line}");
        let status = command
            .status()
            .map_err(|e| format!("cannot start `{line}`: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{line}` failed ({status})"))
        }
    }

    /// The trimmed stdout of a command that succeeded, or `None` when the
    /// program is missing or fails: how tools are probed for their versions.
    pub fn probe(&self, program: impl AsRef<Path>, args: &[&str]) -> Option<String> {
        match self.command(program, args).output() {
            Ok(Output { status, stdout, .. }) if status.success() => {
                Some(String::from_utf8_lossy(&stdout).trim().to_string())
            }
            _ => None,
        }
    }
}

/// The caller's PATH behind the npm tools (trunk must find that wasm-opt, not
/// Debian's broken one) and cargo's bin directory (where `cargo install`
/// puts trunk and wasm-bindgen, even when a shell has not added it yet).
fn tool_path(root: &Path) -> OsString {
    let node_bin = root.join("tools").join("node_modules").join(".bin");
    let inherited = env::var_os("PATH").unwrap_or_default();
    let dirs = [node_bin, cargo_home().join("bin")]
        .into_iter()
        .chain(env::split_paths(&inherited));
    env::join_paths(dirs).expect("PATH entries contain no separator")
}

fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// A command as a shell line, with the variables it sets (PATH aside).
pub fn describe(command: &Command) -> String {
    let env = command
        .get_envs()
        .filter(|(key, _)| *key != "PATH")
        .filter_map(|(key, value)| Some((key, value?)))
        .map(|(key, value)| format!("{}={}", key.to_string_lossy(), value.to_string_lossy()));
    let words = std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|word| word.to_string_lossy().into_owned());
    env.chain(words).collect::<Vec<_>>().join(" ")
}
