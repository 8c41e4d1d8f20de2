//! `Sandbox`: a throw-away workspace for the translator-workflow tests, either a copy of the
//! repository's sample or built file by file, and a way to run `beyan` in it.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub const SLUG: &str = "2025-11-08-victory-day";

pub struct Sandbox {
    dir: tempfile::TempDir,
}

/// What a `beyan` run printed, and its exit code.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code().expect("exit code"),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts the exit code, showing the output when it differs.
    pub fn expect(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

impl Sandbox {
    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A copy of the repository's sample workspace (config, releases, locales; no lock).
    pub fn sample() -> Self {
        let sandbox = Self::empty();
        let root = repo_root();
        std::fs::copy(root.join("beyan.toml"), sandbox.path("beyan.toml")).expect("config");
        copy_dir(&root.join("releases"), &sandbox.path("releases"));
        copy_dir(&root.join("locales"), &sandbox.path("locales"));
        sandbox
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Replaces the one occurrence of `from` in a file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    /// Writes `original` with the one occurrence of `from` replaced, to `rel`.
    pub fn edit_from(&self, original: &str, rel: &str, from: &str, to: &str) -> &Self {
        assert_eq!(original.matches(from).count(), 1, "`{from}` once in {rel}");
        self.write(rel, &original.replacen(from, to, 1))
    }

    /// Runs `beyan --workspace ROOT ARGS`.
    pub fn beyan(&self, args: &[&str]) -> Run {
        let output = Command::cargo_bin("beyan")
            .expect("binary")
            .arg("--workspace")
            .arg(self.root())
            .args(args)
            .env("NO_COLOR", "1")
            // 2026-01-01T00:00:00Z: the status page's "generated" line, fixed.
            .env("SOURCE_DATE_EPOCH", "1767225600")
            .output()
            .expect("runs");
        Run::from(output)
    }

    /// Runs `beyan ARGS` in `cwd` without `--workspace` (for `init`).
    pub fn beyan_in(&self, cwd: &Path, args: &[&str]) -> Run {
        let output = Command::cargo_bin("beyan")
            .expect("binary")
            .args(args)
            .current_dir(cwd)
            .env("NO_COLOR", "1")
            .output()
            .expect("runs");
        Run::from(output)
    }

    /// The `stale-translation` diagnostics of `check --format json`, as `locale:id`.
    pub fn stale(&self) -> Vec<String> {
        let json = self.beyan(&["check", "--format", "json"]).json();
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["code"] == "stale-translation")
            .map(|d| {
                format!(
                    "{}:{}",
                    d["locale"].as_str().unwrap_or(""),
                    d["id"].as_str().unwrap_or("")
                )
            })
            .collect()
    }
}
