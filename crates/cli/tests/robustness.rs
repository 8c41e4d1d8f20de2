//! Hostile input: whatever a file under `locales/` contains, `check` reports it with file,
//! line and column, checks everything else, and never panics or overflows its stack.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// A throw-away workspace: reference `en`, required `az`, files added by the test.
struct TestWorkspace {
    dir: tempfile::TempDir,
}

impl TestWorkspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Self { dir };
        ws.file(
            "beyan.toml",
            b"[locales]\nreference = \"en\"\nrequired = [\"az\"]\noptional = [\"tr\"]\n",
        );
        ws.file("locales/en/main.ftl", b"hello = Hello\nbye = Goodbye\n");
        ws.file("locales/en/other.ftl", b"thanks = Thank you\n");
        ws.file("locales/az/other.ftl", b"thanks = Sag olun\n");
        ws.file("locales/tr/main.ftl", b"hello = Merhaba\nbye = Hoscakal\n");
        ws.file("locales/tr/other.ftl", b"thanks = Tesekkurler\n");
        ws
    }

    fn file(&self, path: &str, bytes: &[u8]) -> &Self {
        let path = self.dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
        self
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `check --format json`, returning the exit code and the document.
    fn check_json(&self) -> (i32, Value) {
        let output = Command::cargo_bin("beyan")
            .expect("binary")
            .args(["check", "--format", "json", "--workspace"])
            .arg(self.root())
            .output()
            .expect("runs");
        let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}\nstderr: {}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
        });
        (output.status.code().expect("exit code"), json)
    }
}

fn diagnostics<'a>(json: &'a Value, code: &str) -> Vec<&'a Value> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

fn locale<'a>(json: &'a Value, code: &str) -> &'a Value {
    json["locales"]
        .as_array()
        .expect("locales")
        .iter()
        .find(|l| l["locale"] == code)
        .expect("locale present")
}

#[test]
fn two_hundred_thousand_nested_placeables() {
    let ws = TestWorkspace::new();
    let mut text = b"hello = Salam\nbye = ".to_vec();
    text.extend(std::iter::repeat_n(b'{', 200_000));
    text.extend(std::iter::repeat_n(b'}', 200_000));
    text.extend(b"\n");
    ws.file("locales/az/main.ftl", &text);
    let (code, json) = ws.check_json();
    assert_eq!(code, 1);
    let errors = diagnostics(&json, "syntax-error");
    assert_eq!(errors.len(), 1, "{json:#}");
    assert_eq!(errors[0]["file"], "locales/az/main.ftl");
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(errors[0]["column"], 7 + 32);
    // The entry that could not be parsed is missing; the rest of the file is read.
    let missing = diagnostics(&json, "missing-message");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0]["id"], "bye");
    // The optional locale is still checked, and complete.
    assert_eq!(locale(&json, "tr")["complete"], true);
}

#[test]
fn a_pasted_run_of_control_characters_is_one_finding_per_character() {
    // 200,000 copies of U+0001 and one U+0002 on one line: before, every copy was a
    // diagnostic holding its own copy of the 200 KB line (tens of gigabytes).
    let ws = TestWorkspace::new();
    let mut text = b"hello = Salam\nbye = ".to_vec();
    text.extend(std::iter::repeat_n(1u8, 200_000));
    text.extend(b"x\x02\n");
    ws.file("locales/az/main.ftl", &text);
    let (code, json) = ws.check_json();
    assert_eq!(code, 1);
    let found = diagnostics(&json, "invalid-character");
    let found: Vec<(u64, u64, &str)> = found
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (2, 7));
    assert!(
        found[0].2.contains("U+0001 (200000 times)"),
        "{}",
        found[0].2
    );
    assert_eq!((found[1].0, found[1].1), (2, 7 + 200_001));
    assert!(found[1].2.contains("U+0002,"), "{}", found[1].2);
    // The person reading it gets the position of each, the line being too long to quote.
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .args(["check", "--workspace"])
        .arg(ws.root())
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("locales/az/main.ftl:2:7\n"), "{report}");
    assert!(
        report.contains("locales/az/main.ftl:2:200008\n"),
        "{report}"
    );
    assert!(
        report.len() < 10_000,
        "the long line is not quoted: {} bytes",
        report.len()
    );
}

#[test]
fn invalid_utf8_is_reported_and_other_files_checked() {
    let ws = TestWorkspace::new();
    ws.file(
        "locales/az/main.ftl",
        b"hello = Salam\nbye = Sa\xC3\x28ol\n",
    );
    ws.file("locales/tr/other.ftl", b"thanks = Te\xFFsekkurler\n");
    let (code, json) = ws.check_json();
    assert_eq!(code, 1);
    let found = diagnostics(&json, "invalid-encoding");
    assert_eq!(found.len(), 2, "{json:#}");
    assert_eq!(found[0]["locale"], "az");
    assert_eq!(
        (found[0]["line"].clone(), found[0]["column"].clone()),
        (2.into(), 9.into())
    );
    assert_eq!(found[1]["locale"], "tr");
    assert_eq!(found[1]["file"], "locales/tr/other.ftl");
    assert_eq!(found[1]["column"], 12);
    // Messages of the broken files were still read: nothing is reported missing.
    assert!(diagnostics(&json, "missing-message").is_empty());
}

#[test]
fn bom_and_crlf_are_accepted_with_exact_positions() {
    let ws = TestWorkspace::new();
    ws.file(
        "locales/az/main.ftl",
        b"\xEF\xBB\xBFhello = Salam\r\nbye = Sag ol\r\n",
    );
    let (code, json) = ws.check_json();
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(locale(&json, "az")["complete"], true);

    ws.file(
        "locales/az/main.ftl",
        b"\xEF\xBB\xBFhello = Salam\r\nbye Sag ol\r\n",
    );
    let (code, json) = ws.check_json();
    assert_eq!(code, 1);
    let errors = diagnostics(&json, "syntax-error");
    assert_eq!(errors.len(), 1, "{json:#}");
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(errors[0]["column"], 5);
}

#[test]
fn megabytes_of_garbage_and_empty_files() {
    let ws = TestWorkspace::new();
    let garbage: Vec<u8> = (0..4_000_000u32)
        .map(|i| {
            let alphabet = b"{}[]*.=-#\"\\ az\n";
            alphabet[(i.wrapping_mul(2_654_435_761) >> 20) as usize % alphabet.len()]
        })
        .collect();
    ws.file("locales/az/main.ftl", &garbage);
    ws.file("locales/tr/main.ftl", b"");
    let (code, json) = ws.check_json();
    assert_eq!(code, 1);
    assert!(!diagnostics(&json, "syntax-error").is_empty());
    // The empty optional file: both messages missing, reported against the expected path.
    let tr_missing: Vec<_> = diagnostics(&json, "missing-message")
        .into_iter()
        .filter(|d| d["locale"] == "tr")
        .collect();
    assert_eq!(tr_missing.len(), 2);
    assert_eq!(tr_missing[0]["file"], "locales/tr/main.ftl");
    assert_eq!(tr_missing[0]["line"], Value::Null);
}

#[test]
fn cycles_and_long_chains() {
    let ws = TestWorkspace::new();
    ws.file(
        "locales/az/main.ftl",
        b"hello = { hello }\nbye = { -a }\n-a = { -b }\n-b = { -a }\n",
    );
    let (code, json) = ws.check_json();
    assert_eq!(code, 1);
    let cycles = diagnostics(&json, "cyclic-reference");
    assert_eq!(cycles.len(), 2, "{json:#}");
    assert!(
        cycles[0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("hello → hello")
    );
    assert!(
        cycles[1]["message"]
            .as_str()
            .unwrap_or("")
            .contains("-a → -b → -a")
    );

    // 100,000 messages each referring to the next: no cycle, and no stack overflow.
    let mut chain = String::from("hello = { m0 }\nbye = Sag ol\n");
    for i in 0..100_000 {
        chain.push_str(&format!("m{i} = {{ m{} }}\n", i + 1));
    }
    chain.push_str("m100000 = end\n");
    ws.file("locales/az/main.ftl", chain.as_bytes());
    let (_, json) = ws.check_json();
    assert!(diagnostics(&json, "cyclic-reference").is_empty());
    assert_eq!(diagnostics(&json, "obsolete-message").len(), 100_001);
}

#[test]
fn workspace_is_found_upward_and_flag_works_after_command() {
    let ws = TestWorkspace::new();
    ws.file("locales/az/main.ftl", b"hello = Salam\nbye = Sag ol\n");
    Command::cargo_bin("beyan")
        .expect("binary")
        .current_dir(ws.root().join("locales/az"))
        .arg("check")
        .assert()
        .success();
    Command::cargo_bin("beyan")
        .expect("binary")
        .current_dir(std::env::temp_dir())
        .args(["check", "--workspace"])
        .arg(ws.root())
        .assert()
        .success();
    let empty = tempfile::tempdir().expect("temp dir");
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .current_dir(empty.path())
        .arg("check")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no `beyan.toml`"));
}

#[test]
fn corrupt_lock_is_an_error_not_rewritten() {
    let ws = TestWorkspace::new();
    ws.file("locales/az/main.ftl", b"hello = Salam\nbye = Sag ol\n");
    ws.file("beyan.lock", b"version = 1\n[az\n");
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .args(["check", "--workspace"])
        .arg(ws.root())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("beyan.lock:2:"), "{stderr}");
    let lock = std::fs::read(ws.root().join("beyan.lock")).expect("lock kept");
    assert_eq!(lock, b"version = 1\n[az\n");
}

#[test]
fn a_corrupt_lock_is_reported_in_the_format_asked_for() {
    let ws = TestWorkspace::new();
    ws.file("locales/az/main.ftl", b"hello = Salam\n");
    ws.file("beyan.lock", b"version = 1\n[az\n");
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .args(["check", "--format", "json", "--workspace"])
        .arg(ws.root())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON document");
    let error = &json["errors"][0];
    assert_eq!(error["file"], "beyan.lock", "{json}");
    assert_eq!(error["line"], 2, "{json}");
    assert!(error["column"].is_u64(), "{json}");
}
