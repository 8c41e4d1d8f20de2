//! The CI gate on a product's shape: no false blocks (issue 10's defects 1–7), what `check`
//! passes `render` publishes (limits, scopes, missing folders), and `status`, `todo` and
//! `check` agree on every count. Each test runs on a fresh copy of the sample.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::render::Sample;

const LOCALES: [&str; 4] = ["en", "az", "tr", "ur"];
const TARGETS: [&str; 3] = ["az", "tr", "ur"];
const RELEASE: &str = "releases/2025-11-08-victory-day.ftl";

fn beyan(root: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("beyan")
        .expect("binary")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs")
}

/// `check --format json`: exit code and document.
fn check(root: &Path) -> (i32, Value) {
    let output = beyan(root, &["check", "--format", "json"]);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().expect("exit code"), json)
}

fn codes<'j>(json: &'j Value, locale: &str) -> Vec<(&'j str, &'j str)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["locale"] == locale)
        .map(|d| {
            (
                d["code"].as_str().unwrap_or(""),
                d["id"].as_str().unwrap_or(""),
            )
        })
        .collect()
}

fn summary<'j>(json: &'j Value, locale: &str) -> &'j Value {
    json["locales"]
        .as_array()
        .expect("locales")
        .iter()
        .find(|l| l["locale"] == locale)
        .expect("locale summary")
}

/// Appends `text` to `rel` in every locale.
fn everywhere(sample: &Sample, rel: &str, text: &str) {
    for locale in LOCALES {
        let path = format!("locales/{locale}/{rel}");
        let old = std::fs::read_to_string(sample.root().join(&path)).unwrap_or_default();
        sample.write(&path, &format!("{old}{text}"));
    }
}

fn render_ok(sample: &Sample) {
    let out = sample.out();
    let out = out.to_str().expect("utf-8 path");
    let assert = sample.render(&["--out", out]);
    let output = assert.get_output();
    assert_eq!(
        output.status.code(),
        Some(0),
        "render: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_attribute_using_its_own_message_is_no_cycle() {
    let sample = Sample::new();
    everywhere(
        &sample,
        "cards.ftl",
        "card = { $number }\n    .aria-label = { $type } { card }\nloop = { loop.title }\n    .title = { loop }\n",
    );
    let (_, json) = check(sample.root());
    for locale in LOCALES {
        let cycles: Vec<_> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["locale"] == locale && d["code"] == "cyclic-reference")
            .collect();
        // `card` is fine; `loop` (value → attribute → value) is a true cycle, and the
        // translations, mirroring it, are not blamed for it.
        let expected = usize::from(locale == "en");
        assert_eq!(cycles.len(), expected, "{locale}: {cycles:?}");
        if let Some(cycle) = cycles.first() {
            assert_eq!(
                cycle["message"],
                "references form a cycle: loop → loop.title → loop"
            );
        }
    }
    // Without the true cycle, everything passes and renders.
    everywhere(&sample, "cards.ftl", "");
    for locale in LOCALES {
        sample.write(
            &format!("locales/{locale}/cards.ftl"),
            "card = { $number }\n    .aria-label = { $type } { card }\n",
        );
    }
    let (code, json) = check(sample.root());
    assert_eq!(code, 0, "{json:#}");
    render_ok(&sample);
}

#[test]
fn markup_is_compared_variant_by_variant() {
    let sample = Sample::new();
    sample.write(
        "locales/en/items.ftl",
        "items = { $n ->\n   *[other] <span>{ $n }</span> items in <span>the list</span>\n}\n",
    );
    for locale in TARGETS {
        sample.write(
            &format!("locales/{locale}/items.ftl"),
            "items = { $n ->\n    [one] <span>{ $n }</span> öğe <span>listede</span>\n   *[other] <span>{ $n }</span> öğe <span>listede</span>\n}\n",
        );
    }
    sample.write(
        "locales/tr/items.ftl",
        "items = { $n ->\n    [one] <span>{ $n }</span> öğe listede\n   *[other] <span>{ $n }</span> öğe <span>listede</span>\n}\n",
    );
    let (_, json) = check(sample.root());
    for locale in TARGETS {
        let mismatches: Vec<_> = codes(&json, locale)
            .into_iter()
            .filter(|(code, _)| *code == "markup-mismatch")
            .collect();
        // Only Turkish drops a `<span>` in one variant.
        assert_eq!(mismatches.len(), usize::from(locale == "tr"), "{locale}");
    }
}

#[test]
fn defects_of_the_reference_are_reported_once_on_the_reference() {
    let sample = Sample::new();
    everywhere(
        &sample,
        "more.ftl",
        "about-heading = Again\nuses-unknown = See { -nowhere }\n",
    );
    let (code, json) = check(sample.root());
    assert_eq!(code, 1, "the reference's errors block");
    let mut en = codes(&json, "en");
    en.sort_unstable();
    assert_eq!(
        en,
        [
            ("duplicate-id", "about-heading"),
            ("unknown-reference", "uses-unknown")
        ]
    );
    for locale in TARGETS {
        assert_eq!(codes(&json, locale), [], "{locale}");
        assert_eq!(summary(&json, locale)["complete"], true, "{locale}");
    }
    // A translation that differs from the reference is still blamed.
    sample.write(
        "locales/az/more.ftl",
        "about-heading = Yenə\nuses-unknown = { -nowhere } { -elsewhere }\n",
    );
    let (_, json) = check(sample.root());
    assert_eq!(codes(&json, "az"), [("unknown-reference", "uses-unknown")]);
}

#[test]
fn same_as_source_leaves_single_words_and_names_alone() {
    let sample = Sample::new();
    everywhere(
        &sample,
        "names.ftl",
        "browser = Firefox\n-brand = Beyan\nversion = Firefox 128.0 { $n } https://www.mozilla.org press@embassy.example\ntwo-words = Two words\n",
    );
    let (_, json) = check(sample.root());
    for locale in TARGETS {
        let same: Vec<&str> = codes(&json, locale)
            .into_iter()
            .filter(|(code, _)| *code == "same-as-source")
            .map(|(_, id)| id)
            .collect();
        assert_eq!(same, ["two-words"], "{locale}");
    }
}

#[test]
fn a_lock_line_cut_after_a_backslash_is_an_error_with_its_position() {
    let sample = Sample::new();
    sample.write("beyan.lock", "version = 1\n[az.\"a\\");
    for command in [&["status"][..], &["check"], &["todo", "--locale", "az"]] {
        let output = beyan(sample.root(), command);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(stderr.contains("beyan.lock:2:"), "{command:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{command:?}: {stderr}");
    }
}

#[test]
fn a_shared_file_under_releases_is_shared_by_check_and_render() {
    let sample = Sample::new();
    for locale in LOCALES {
        sample.write(
            &format!("locales/{locale}/releases/archive/notes.ftl"),
            "-archive-name = Archive\n",
        );
        // The headline (which every page of the release shows) uses the shared term.
        let path = format!("locales/{locale}/{RELEASE}");
        let old = std::fs::read_to_string(sample.root().join(&path)).expect("release file");
        sample.write(
            &path,
            &old.replacen("headline = ", "headline = { -archive-name }: ", 1),
        );
    }
    let (code, json) = check(sample.root());
    assert_eq!(code, 0, "{json:#}");
    render_ok(&sample);
}

/// Raises the reference text of one message of `release` (so its translations go stale).
fn make_stale(sample: &Sample) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let lock = std::fs::read_to_string(repo.join("beyan.lock")).expect("the sample's lock");
    sample.write("beyan.lock", &lock);
    let path = format!("locales/en/{RELEASE}");
    let old = std::fs::read_to_string(sample.root().join(&path)).expect("release file");
    sample.write(
        &path,
        &old.replace(
            "dateline-city = Islamabad",
            "dateline-city = Islamabad, Pakistan",
        ),
    );
}

#[test]
fn stale_counts_agree_when_the_warning_is_off() {
    let sample = Sample::new();
    make_stale(&sample);
    let config = std::fs::read_to_string(sample.root().join("beyan.toml")).expect("config");
    sample.write(
        "beyan.toml",
        &format!("{config}\n[check.severity]\nstale-translation = \"off\"\n"),
    );
    let (code, json) = check(sample.root());
    assert_eq!(code, 0, "{json:#}");
    assert!(codes(&json, "az").is_empty());
    agree(sample.root(), &json);
    for locale in TARGETS {
        assert_eq!(summary(&json, locale)["messages"]["stale"], 1, "{locale}");
    }
}

/// `status`, `todo` and `check` count the same: messages, missing, stale, errors, warnings.
fn agree(root: &Path, check_json: &Value) {
    let output = beyan(root, &["status", "--format", "json"]);
    assert!(output.status.code().is_some_and(|c| c <= 1));
    let status: Value = serde_json::from_slice(&output.stdout).expect("status JSON");
    for locale in status["locales"].as_array().expect("locales") {
        let code = locale["locale"].as_str().expect("code");
        let checked = summary(check_json, code);
        for field in ["total", "translated", "missing", "stale"] {
            assert_eq!(
                locale["messages"][field], checked["messages"][field],
                "{code} {field}"
            );
        }
        for field in ["errors", "warnings", "complete"] {
            assert_eq!(locale[field], checked[field], "{code} {field}");
        }
        let pending = locale["pending"].as_array().expect("pending");
        let count = |state: &str| pending.iter().filter(|p| p["state"] == state).count();
        assert_eq!(
            count("missing"),
            checked["messages"]["missing"].as_u64().unwrap_or(0) as usize,
            "{code} pending missing"
        );
        assert_eq!(
            count("stale"),
            checked["messages"]["stale"].as_u64().unwrap_or(0) as usize,
            "{code} pending stale"
        );
        // The part table (shared + releases) sums to the locale.
        let mut stale = status["shared"]["locales"]
            .as_array()
            .expect("shared")
            .iter()
            .find(|p| p["locale"] == code)
            .map_or(0, |p| p["messages"]["stale"].as_u64().unwrap_or(0));
        for release in status["releases"].as_array().expect("releases") {
            stale += release["locales"]
                .as_array()
                .expect("release locales")
                .iter()
                .find(|p| p["locale"] == code)
                .map_or(0, |p| p["messages"]["stale"].as_u64().unwrap_or(0));
        }
        assert_eq!(
            stale,
            checked["messages"]["stale"].as_u64().unwrap_or(0),
            "{code} parts' stale"
        );
        // `todo` says the same in its header.
        let todo = beyan(root, &["todo", "--locale", code]);
        let text = String::from_utf8_lossy(&todo.stdout);
        let header = format!(
            "{} missing, {} incomplete, {} stale",
            count("missing"),
            count("incomplete"),
            count("stale")
        );
        assert!(text.contains(&header), "{code}: {header} in {text}");
    }
}

#[test]
fn invalid_characters_are_errors_with_their_position() {
    let sample = Sample::new();
    let path = format!("locales/tr/{RELEASE}");
    let old = std::fs::read_to_string(sample.root().join(&path)).expect("release file");
    sample.write(
        &path,
        &old.replacen("headline = ", "headline = A\u{1}B ", 1)
            .replacen("subheadline = ", "subheadline = { \"\\u0000\" }\u{FFFF}", 1),
    );
    let (code, json) = check(sample.root());
    assert_eq!(code, 1);
    let found: Vec<(u64, u64, &str)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "invalid-character")
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (4, 13, "headline"),
            (5, 17, "subheadline"),
            (5, 27, "subheadline")
        ],
        "{json:#}"
    );
}

#[test]
fn check_refuses_what_the_runtime_would_refuse() {
    let sample = Sample::new();
    // 101 placeables in one message; a chain of 150 terms; a select whose costliest variant
    // stays within the limit although all variants together do not.
    let many: String = (0..101).map(|_| "{ $n }").collect();
    let mut chain = String::from("chained = { -t0 }\n");
    for i in 0..150 {
        chain.push_str(&format!("-t{i} = {{ -t{} }}\n", i + 1));
    }
    chain.push_str("-t150 = end\n");
    let sixty: String = (0..60).map(|_| "{ $n }").collect();
    everywhere(
        &sample,
        "limits.ftl",
        &format!(
            "many = {many}\n{chain}within = {{ $n ->\n    [one] {sixty}\n   *[other] {sixty}\n}}\n"
        ),
    );
    let (code, json) = check(sample.root());
    assert_eq!(code, 1);
    let mut en = codes(&json, "en");
    en.sort_unstable();
    assert_eq!(
        en,
        [
            ("too-many-placeables", "-t49"),
            ("too-many-placeables", "many")
        ],
        "{json:#}"
    );
    for locale in TARGETS {
        assert_eq!(codes(&json, locale), [], "{locale}");
    }
}

#[test]
fn a_long_chain_of_terms_is_checked_in_linear_time() {
    // 30,000 terms each referring to the next, timed against 30,000 that refer to nothing:
    // a walk quadratic in the chain's length (27 s for 100,000) would stand out by far.
    const N: usize = 30_000;
    let timed = |chained: bool| {
        let sample = Sample::new();
        let mut text = String::from("chained = { -t0 }\n");
        for i in 0..N {
            if chained {
                text.push_str(&format!("-t{i} = {{ -t{} }}\n", i + 1));
            } else {
                text.push_str(&format!("-t{i} = {{ $x }}\n"));
            }
        }
        text.push_str(&format!("-t{N} = end\n"));
        sample.write("locales/en/chain.ftl", &text);
        let started = std::time::Instant::now();
        let (_, json) = check(sample.root());
        (started.elapsed(), json)
    };
    let (flat, _) = timed(false);
    let (chain, json) = timed(true);
    // `-t29899` is the first term that meets 101 placeables.
    assert_eq!(codes(&json, "en"), [("too-many-placeables", "-t29899")]);
    assert!(
        chain < flat * 3 + std::time::Duration::from_secs(2),
        "chain {chain:?}, flat {flat:?}"
    );
}

#[test]
fn a_configured_locale_without_a_folder_is_one_finding_and_the_others_publish() {
    let sample = Sample::new();
    let config = std::fs::read_to_string(sample.root().join("beyan.toml")).expect("config");
    sample.write(
        "beyan.toml",
        &config.replace("optional = []", "optional = [\"fil\"]"),
    );
    let (code, json) = check(sample.root());
    assert_eq!(code, 0, "{json:#}");
    let fil: Vec<&Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["locale"] == "fil")
        .collect();
    assert_eq!(fil.len(), 1, "{fil:?}");
    assert_eq!(fil[0]["file"], "locales/fil");
    assert_eq!(summary(&json, "fil")["complete"], false);
    render_ok(&sample);
    assert!(sample.out().join("az").is_dir());
    assert!(!sample.out().join("fil").exists());
}

/// A small deterministic generator (SplitMix64): the same mutations on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Every `.ftl` file of the workspace, relative to its root.
fn ftl_files(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.map(|e| e.expect("entry")).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().expect("type").is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else if name.ends_with(".ftl") {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root.join("locales"), "locales/", &mut out);
    out
}

/// One random edit of a translator's or an author's kind, in one file.
fn mutate(sample: &Sample, rng: &mut Rng) -> String {
    let files = ftl_files(sample.root());
    let file = &files[rng.below(files.len())];
    let path = sample.root().join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let at = rng.below(lines.len() + 1);
    let ids: Vec<String> = lines
        .iter()
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_owned()))
        .filter(|id| !id.is_empty() && !id.starts_with(['.', '#', ' ']))
        .collect();
    let some_id = || {
        ids.first()
            .cloned()
            .unwrap_or_else(|| "org-name".to_owned())
    };
    let what = rng.below(12);
    let edit = match what {
        0 if !lines.is_empty() => {
            lines.remove(at.min(lines.len() - 1));
            "delete a line"
        }
        1 if !lines.is_empty() => {
            let line = lines[at.min(lines.len() - 1)].clone();
            lines.insert(at.min(lines.len()), line);
            "duplicate a line"
        }
        2 => {
            lines.push(format!("extra-{} = {{ {} }}", rng.below(5), some_id()));
            "a message referring to another"
        }
        3 => {
            lines.push(format!(
                "loop-{0} = {{ loop-{0}.title }}\n    .title = {{ loop-{0} }}",
                rng.below(3)
            ));
            "a cycle through an attribute"
        }
        4 => {
            lines.push("cardish = { $n }\n    .label = { $t } { cardish }".to_owned());
            "an attribute using its own message"
        }
        5 => {
            lines.push("bad = A\u{1}B { \"\\u0000\" }".to_owned());
            "an invalid character"
        }
        6 => {
            let many: String = (0..(95 + rng.below(10))).map(|_| "{ $n }").collect();
            lines.push(format!("many = {many}"));
            "about a hundred placeables"
        }
        7 => {
            lines.push("uses-term = { -archive-term }".to_owned());
            let locale = file.split('/').nth(1).unwrap_or("en");
            sample.write(
                &format!("locales/{locale}/releases/archive/terms.ftl"),
                "-archive-term = Archive\n",
            );
            "a term from a shared file under releases/"
        }
        8 if !lines.is_empty() => {
            let last = lines.len() - 1;
            lines[at.min(last)].push_str(" <span>x</span>");
            "markup added"
        }
        9 => {
            lines.push(
                "sel = { $n ->\n    [one] <b>one</b>\n   *[other] <b>{ $n }</b> many\n}".to_owned(),
            );
            "a select with markup"
        }
        10 => {
            lines.push(format!("{} = Again and again", some_id()));
            "a duplicate id"
        }
        _ => {
            lines.push("-brand = Beyan\nname = Firefox".to_owned());
            "single words"
        }
    };
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(&path, text).expect("write");
    format!("{edit} in {file}")
}

/// `check` exit 0 ⇒ `render` exit 0, and `status`, `todo` and `check` count alike.
fn gate_holds(sample: &Sample, what: &str) {
    let (code, json) = check(sample.root());
    assert!(code == 0 || code == 1, "{what}: check exit {code}");
    agree(sample.root(), &json);
    if code == 0 {
        let out = sample.out();
        let _ = std::fs::remove_dir_all(&out);
        let assert = sample.render(&["--out", out.to_str().expect("utf-8 path")]);
        let output = assert.get_output();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{what}: check passed, render failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn what_check_passes_render_publishes_under_random_edits() {
    let mut rng = Rng(0x6A7E);
    let mut passed = 0;
    for round in 0..24 {
        let sample = Sample::new();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let lock = std::fs::read_to_string(repo.join("beyan.lock")).expect("the sample's lock");
        sample.write("beyan.lock", &lock);
        let edits: Vec<String> = (0..1 + rng.below(3))
            .map(|_| mutate(&sample, &mut rng))
            .collect();
        let what = format!("round {round}: {}", edits.join("; "));
        gate_holds(&sample, &what);
        passed += usize::from(check(sample.root()).0 == 0);
    }
    // Some rounds pass the gate (so the render side is exercised), some do not.
    assert!((1..24).contains(&passed), "{passed} of 24 passed");
}

/// A label the templates print (`feed-title`) that the reference lacks fails `check`, on the
/// reference, and `render` names it as missing (exit 1) instead of stopping half-way (exit 2).
#[test]
fn a_label_the_templates_print_is_required_of_the_reference() {
    let sample = Sample::new();
    let path = sample.root().join("locales/en/common.ftl");
    let common = std::fs::read_to_string(&path).expect("common.ftl");
    let without: String = common
        .lines()
        .filter(|l| !l.starts_with("feed-title ="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, common, "the sample's reference has `feed-title`");
    sample.write("locales/en/common.ftl", &without);
    let (code, json) = check(sample.root());
    assert_eq!(code, 1);
    assert_eq!(codes(&json, "en"), [("missing-message", "feed-title")]);
    let out = sample.out();
    let assert = sample.render(&["--out", out.to_str().expect("utf-8 path")]);
    let output = assert.get_output();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("`feed-title`"), "{stderr}");
}

#[test]
fn what_check_passes_render_publishes_on_every_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cmd");
    let mut judged = 0;
    for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
        let folder = entry.expect("entry").path();
        if !folder.join("beyan.toml").is_file() || !folder.join("locales").is_dir() {
            continue;
        }
        let sample = Sample::copy_of(&folder);
        let what = folder.display().to_string();
        // Configuration errors (exit 2) are what some fixtures are about.
        if beyan(sample.root(), &["check"]).status.code() == Some(2) {
            continue;
        }
        let (code, json) = check(sample.root());
        judged += 1;
        agree(sample.root(), &json);
        if code != 0 {
            continue;
        }
        let out = sample.out();
        let assert = sample.render(&["--out", out.to_str().expect("utf-8 path")]);
        let output = assert.get_output();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{what}: check passed, render failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(judged >= 4, "{judged} fixtures judged");
}

#[test]
fn an_error_cannot_be_lowered_so_render_never_fails_past_a_passed_check() {
    let sample = Sample::new();
    let config = std::fs::read_to_string(sample.root().join("beyan.toml")).expect("config");
    for (code, level) in [("missing-message", "warning"), ("unknown-reference", "off")] {
        sample.write(
            "beyan.toml",
            &format!("{config}\n[check.severity]\n{code} = \"{level}\"\n"),
        );
        let line = config.lines().count() + 3;
        for command in ["check", "render"] {
            let output = beyan(sample.root(), &[command]);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
            assert!(
                stderr.contains(&format!("beyan.toml:{line}"))
                    && stderr.contains("cannot publish past"),
                "{command}: {stderr}"
            );
        }
    }
}
