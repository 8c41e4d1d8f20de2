//! A new user's first hour (issue 11): one flag vocabulary, help that shows the way, a CI
//! failure that says why, `init` that finishes the set-up.

use crate::translator::workspace::{SLUG, Sandbox};

#[test]
fn one_flag_vocabulary() {
    let ws = Sandbox::sample();
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let site = site.to_str().expect("UTF-8");
    let now = "2025-11-10T00:00:00Z";
    // -o/--output, with --out kept as an alias; -l comma-separated and repeated.
    ws.beyan(&[
        "render", "-q", "--now", now, "-o", site, "-l", "az,tr", "-l", "ur",
    ])
    .expect(0);
    ws.beyan(&["render", "--now", now, "--output", site])
        .expect(0);
    let run = ws.beyan(&["render", "--now", now, "--out", site]).expect(0);
    assert!(run.stderr.contains("rendered"), "{}", run.stderr);
    // -q: nothing but problems.
    let quiet = ws
        .beyan(&["render", "-q", "--now", now, "-o", site])
        .expect(0);
    assert_eq!(quiet.stderr, "");
    // -f on check and status; -l on todo, repeatable.
    ws.beyan(&["check", "-f", "json", "-l", "az,tr"]).json();
    ws.beyan(&["status", "-f", "json"]).json();
    ws.beyan(&["todo", "-l", "az,tr"]).expect(0);
    let quiet = ws.beyan(&["check", "-q"]).expect(0);
    assert_eq!(quiet.stdout, "check passed: az, tr, ur complete\n");
}

#[test]
fn colour_is_chosen_by_flag() {
    let ws = Sandbox::sample();
    ws.write(&format!("locales/az/releases/{SLUG}.ftl"), "headline = x\n");
    let always = ws.beyan(&["--color", "always", "check"]).expect(1);
    assert!(always.stdout.contains("\u{1b}["), "{}", always.stdout);
    let never = ws.beyan(&["check", "--color", "never"]).expect(1);
    assert!(!never.stdout.contains("\u{1b}["), "{}", never.stdout);
}

#[test]
fn every_help_shows_examples_and_exit_codes() {
    let ws = Sandbox::empty();
    for command in [
        "check",
        "render",
        "status",
        "todo",
        "lock",
        "new",
        "init",
        "xliff",
        "xliff export",
        "xliff import",
        "tm",
        "tm export",
        "serve",
        "explain",
        "completions",
        "man",
    ] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.push("--help");
        let run = ws.beyan_in(ws.root(), &args).expect(0);
        assert!(
            run.stdout.contains("Examples:\n  beyan "),
            "{command}: {}",
            run.stdout
        );
        assert!(run.stdout.contains("Exit codes: 0 success"), "{command}");
    }
    // Where diagnostics are involved, the help leads to `beyan explain`.
    for command in ["check", "render", "xliff", "serve"] {
        let run = ws.beyan_in(ws.root(), &[command, "--help"]).expect(0);
        assert!(run.stdout.contains("beyan explain"), "{command}");
    }
    // For init the folder is DIR: no --workspace in its help, though it is still accepted.
    let init = ws.beyan_in(ws.root(), &["init", "--help"]).expect(0);
    assert!(!init.stdout.contains("--workspace"), "{}", init.stdout);
    ws.beyan_in(ws.root(), &["init", "-q", "-w", "press"])
        .expect(0);
    assert!(ws.path("press/beyan.toml").is_file());
}

#[test]
fn a_strict_github_run_that_fails_on_warnings_says_why_in_an_error() {
    let ws = Sandbox::sample();
    ws.write("locales/az/extra.ftl", "obsolete-here = x\n");
    let lenient = ws.beyan(&["check", "-f", "github"]).expect(0);
    assert!(!lenient.stdout.contains("::error"), "{}", lenient.stdout);
    let strict = ws.beyan(&["check", "-f", "github", "--strict"]).expect(1);
    let last = strict.stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "::error title=beyan check::check failed: required locale incomplete or with warnings (--strict): az"
    );
}

#[test]
fn init_with_locales_then_todo_is_the_next_step() {
    let ws = Sandbox::empty();
    let run = ws
        .beyan_in(ws.root(), &["init", "press", "--locales", "az,tr,ur"])
        .expect(0);
    assert!(
        run.stdout
            .ends_with("next: cd press && beyan todo --locale az --write\n"),
        "{}",
        run.stdout
    );
    let press = ws.path("press");
    let config = std::fs::read_to_string(press.join("beyan.toml")).expect("config");
    assert!(
        config.contains("required = [\"az\", \"tr\", \"ur\"]"),
        "{config}"
    );
    assert!(press.join("locales/ur/common.ftl").is_file());
    let todo = ws.beyan_in(&press, &["todo", "--locale", "az"]).expect(0);
    assert!(
        todo.stdout.contains("# locales/az/common.ftl\n"),
        "{}",
        todo.stdout
    );
    ws.beyan_in(&press, &["check"]).expect(1);
}

#[test]
fn a_broken_reference_comes_first_in_status() {
    let ws = Sandbox::sample();
    let text = ws.read("locales/en/common.ftl");
    ws.write(
        "locales/en/common.ftl",
        &format!("{text}\nbroken = {{ unclosed\n"),
    );
    let run = ws.beyan(&["status"]).expect(0);
    let first_table = run.stdout.find("locale").unwrap_or(usize::MAX);
    let warning = run
        .stdout
        .find("the reference en has 1 error")
        .unwrap_or(usize::MAX);
    assert!(warning < first_table, "{}", run.stdout);
}

#[test]
fn a_pasted_empty_message_and_an_unclosed_brace_are_one_diagnostic_each() {
    let ws = Sandbox::sample();
    let rel = format!("locales/az/releases/{SLUG}.ftl");
    let text = ws.read(&rel);
    // The headline pasted from `todo` and left empty; the dateline with an unclosed `{`.
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let headline = lines
        .iter()
        .position(|l| l.starts_with("headline ="))
        .expect("headline");
    lines[headline] = "headline =".to_owned();
    let city = lines
        .iter()
        .position(|l| l.starts_with("dateline-city ="))
        .expect("city");
    lines[city] = "dateline-city = { $city".to_owned();
    ws.write(&rel, &(lines.join("\n") + "\n"));
    let json = ws.beyan(&["check", "-f", "json", "-l", "az"]).json();
    let about = |id: &str| -> Vec<serde_json::Value> {
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| {
                d["file"] == rel.as_str() && d["message"].as_str().unwrap_or("").contains(id)
            })
            .cloned()
            .collect()
    };
    let headline_found = about("`headline`");
    assert_eq!(headline_found.len(), 1, "{headline_found:#?}");
    assert!(
        headline_found[0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("not translated yet")
    );
    assert_eq!(headline_found[0]["line"], headline + 1);
    let brace = about("never closed");
    assert_eq!(brace.len(), 1, "{brace:#?}");
    assert_eq!(brace[0]["line"], city + 1);
    assert_eq!(brace[0]["column"], 17, "at the opening brace");
    let missing_city = about("`dateline-city`");
    assert!(missing_city.is_empty(), "{missing_city:#?}");
}

#[test]
fn a_missing_translation_file_is_one_line_in_human_output() {
    let ws = Sandbox::sample();
    let rel = format!("locales/tr/releases/{SLUG}.ftl");
    std::fs::remove_file(ws.path(&rel)).expect("remove");
    let human = ws.beyan(&["check", "-l", "tr"]).expect(1);
    let line =
        format!("error[missing-message]: {rel} is missing: 15 messages — beyan todo --locale tr");
    assert_eq!(human.stdout.matches(&line).count(), 1, "{}", human.stdout);
    assert!(
        !human.stdout.contains("missing message `headline`"),
        "{}",
        human.stdout
    );
    // JSON keeps every message.
    let json = ws.beyan(&["check", "-f", "json", "-l", "tr"]).json();
    let missing = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "missing-message" && d["file"] == rel.as_str())
        .count();
    assert_eq!(missing, 15);
}

#[test]
fn render_says_when_it_publishes_stale_translations() {
    let ws = Sandbox::sample();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../beyan.lock"),
        ws.path("beyan.lock"),
    )
    .expect("lock");
    let rel = format!("locales/en/releases/{SLUG}.ftl");
    let text = ws.read(&rel);
    let headline = text
        .lines()
        .find(|l| l.starts_with("headline ="))
        .expect("headline");
    ws.write(
        &rel,
        &text.replacen(headline, "headline = A new English headline", 1),
    );
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let run = ws
        .beyan(&[
            "render",
            "--now",
            "2025-11-10T00:00:00Z",
            "-o",
            &site.to_string_lossy(),
        ])
        .expect(0);
    for locale in ["az", "tr", "ur"] {
        let said = format!(
            "published 1 stale translation in {locale} whose reference text changed since (beyan todo --locale {locale})"
        );
        assert!(run.stderr.contains(&said), "{}", run.stderr);
    }
}

#[test]
fn json_documents_carry_their_version_and_the_verdict() {
    let ws = Sandbox::sample();
    let check = ws.beyan(&["check", "-f", "json"]).expect(0).json();
    assert_eq!(check["version"], 1);
    assert_eq!(check["passed"], true);
    let status = ws.beyan(&["status", "-f", "json"]).expect(0).json();
    assert_eq!(status["version"], 1);
    ws.write("locales/az/extra.ftl", "obsolete-here = x\n");
    let strict = ws
        .beyan(&["check", "-f", "json", "--strict"])
        .expect(1)
        .json();
    assert_eq!(strict["passed"], false);
    let lenient = ws.beyan(&["check", "-f", "json"]).expect(0).json();
    assert_eq!(lenient["passed"], true);
}

/// Writes a (placeholder) translation after every empty `id =` and `.attribute =` of a file.
fn fill(path: &std::path::Path) {
    let text = std::fs::read_to_string(path).expect("to-do file");
    let filled: Vec<String> = text
        .lines()
        .map(|line| {
            if !line.starts_with('#') && line.trim_end().ends_with(" =") {
                format!("{line} Tərcümə {}", line.trim().trim_end_matches(" ="))
            } else {
                line.to_owned()
            }
        })
        .collect();
    std::fs::write(path, filled.join("\n") + "\n").expect("filled");
}

/// The README's "Your first release in ten minutes", run: each command's next-step hint is
/// the command run next.
#[test]
fn walkthrough_from_init_to_a_published_release() {
    let ws = Sandbox::empty();
    let run = ws
        .beyan_in(ws.root(), &["init", "press", "--locales", "az"])
        .expect(0);
    assert!(
        run.stdout
            .ends_with("next: cd press && beyan todo --locale az --write\n"),
        "{}",
        run.stdout
    );
    let press = ws.path("press");
    let run = ws
        .beyan_in(&press, &["new", "2026-12-01-trade-mission"])
        .expect(0);
    assert!(
        run.stdout
            .contains("beyan todo --locale <locale> --release 2026-12-01-trade-mission")
    );
    let run = ws
        .beyan_in(&press, &["todo", "--locale", "az", "--write"])
        .expect(0);
    assert!(
        run.stdout.ends_with(
            "next: write the az text after each empty `=`, then run `beyan check --locale az`\n"
        ),
        "{}",
        run.stdout
    );
    // Before it is filled, each message is one "not translated yet".
    let json = ws
        .beyan_in(&press, &["check", "-f", "json", "--locale", "az"])
        .json();
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let empty = diagnostics
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap_or("")
                .contains("not translated yet")
        })
        .count();
    assert!(empty > 20, "{diagnostics:#?}");
    assert!(
        !diagnostics
            .iter()
            .any(|d| d["code"] == "missing-message" && d["locale"] == "az"),
        "{diagnostics:#?}"
    );
    for file in [
        "locales/az/common.ftl",
        "locales/az/releases/example-release.ftl",
        "locales/az/releases/2026-12-01-trade-mission.ftl",
    ] {
        fill(&press.join(file));
    }
    ws.beyan_in(&press, &["check", "--locale", "az"]).expect(0);
    let run = ws.beyan_in(&press, &["lock"]).expect(0);
    assert!(run.stdout.starts_with("wrote beyan.lock"), "{}", run.stdout);
    let run = ws
        .beyan_in(&press, &["render", "--now", "2026-12-02T00:00:00Z"])
        .expect(0);
    assert!(run.stderr.contains("to "), "{}", run.stderr);
    let page = std::fs::read_to_string(press.join("dist/az/2026-12-01-trade-mission.html"))
        .expect("the Azerbaijani page");
    assert!(page.contains("Tərcümə headline"), "{page}");
}
