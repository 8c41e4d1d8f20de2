//! Safety (issue 9): beyan deletes only what it wrote, reads only inside the workspace, and
//! every output parses. One test per reproducer of the issue, each in temporary folders.

use std::path::Path;

use crate::translator::workspace::{Run, SLUG, Sandbox};

const NOW: &str = "2025-11-10T00:00:00Z";
const SECRET: &str = "SECRET-TOKEN-4f1c";

/// A folder beside the sandbox's workspace, outside it.
fn outside() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn render(sandbox: &Sandbox, out: &Path, extra: &[&str]) -> Run {
    let out = out.to_str().expect("UTF-8 path");
    let mut args = vec!["render", "--now", NOW, "--out", out];
    args.extend_from_slice(extra);
    sandbox.beyan(&args)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Asserts that `xml` is well-formed XML 1.0.
fn assert_well_formed(path: &Path) {
    let text = std::fs::read_to_string(path).expect("output");
    let mut reader = quick_xml::Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Text(t)) => {
                let raw = String::from_utf8_lossy(&t);
                assert!(
                    !raw.chars()
                        .any(|c| (c as u32) < 0x20 && !"\t\n\r".contains(c)),
                    "{}: a control character in text",
                    path.display()
                );
            }
            Ok(_) => {}
            Err(e) => panic!("{} is not well-formed: {e}", path.display()),
        }
    }
}

#[test]
fn c1_a_folder_beyan_did_not_write_is_refused_untouched() {
    let sandbox = Sandbox::sample();
    let t = outside();
    let v = t.path().join("v");
    std::fs::create_dir(&v).expect("mkdir");
    std::fs::write(v.join("precious.txt"), "p").expect("write");
    let run = render(&sandbox, &v, &[]).expect(2);
    assert!(run.stderr.contains("precious.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was touched"), "{}", run.stderr);
    assert_eq!(names(&v), ["precious.txt"]);
    assert_eq!(
        names(t.path()),
        ["v"],
        "no lock or staging folder left beside it"
    );
}

#[test]
fn c1_the_home_folder_is_never_an_output() {
    let sandbox = Sandbox::sample();
    let t = outside();
    let home = t.path().join("home");
    std::fs::create_dir(&home).expect("mkdir");
    let output = assert_cmd::Command::cargo_bin("beyan")
        .expect("binary")
        .args(["--workspace"])
        .arg(sandbox.root())
        .args(["render", "--now", NOW, "--out"])
        .arg(&home)
        .env("HOME", &home)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("home folder"), "{stderr}");
    assert!(names(&home).is_empty());
}

#[test]
fn c1_a_folder_beyan_rendered_is_replaced_until_something_else_is_added() {
    let sandbox = Sandbox::sample();
    let t = outside();
    let out = t.path().join("site");
    render(&sandbox, &out, &[]).expect(0);
    let manifest = std::fs::read_to_string(out.join(".beyan-site")).expect("manifest");
    assert!(manifest.contains(&format!("en/{SLUG}.html")), "{manifest}");
    render(&sandbox, &out, &[]).expect(0);
    std::fs::write(out.join("en/notes.txt"), "mine").expect("write");
    let run = render(&sandbox, &out, &[]).expect(2);
    assert!(run.stderr.contains("en/notes.txt"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(out.join("en/notes.txt")).expect("kept"),
        "mine"
    );
}

#[cfg(unix)]
#[test]
fn c2_an_output_is_judged_where_it_really_leads() {
    let sandbox = Sandbox::sample();
    let t = outside();
    std::os::unix::fs::symlink(sandbox.path("locales"), t.path().join("L")).expect("link");
    let before = names(&sandbox.path("releases"));
    let run = render(&sandbox, &t.path().join("L/../releases"), &[]).expect(2);
    assert!(run.stderr.contains("releases/"), "{}", run.stderr);
    assert_eq!(names(&sandbox.path("releases")), before);
    for inside in ["locales/az/dist", "templates", "assets/x", "."] {
        render(&sandbox, &sandbox.path(inside), &[]).expect(2);
    }
    assert_eq!(names(&sandbox.path("releases")), before);
}

#[cfg(unix)]
#[test]
fn c3_a_template_linked_out_of_the_workspace_is_never_published() {
    let sandbox = Sandbox::sample();
    let t = outside();
    std::fs::write(t.path().join("passwd"), SECRET).expect("write");
    std::fs::create_dir_all(sandbox.path("templates")).expect("mkdir");
    std::os::unix::fs::symlink(t.path().join("passwd"), sandbox.path("templates/style.css"))
        .expect("link");
    let out = t.path().join("o");
    let run = render(&sandbox, &out, &[]).expect(2);
    assert!(run.stderr.contains("templates/style.css"), "{}", run.stderr);
    assert!(
        run.stderr.contains("outside the workspace"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(SECRET));
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn c4_a_translation_linked_out_of_the_workspace_is_never_read() {
    let sandbox = Sandbox::sample();
    let t = outside();
    std::fs::write(
        t.path().join("x.ftl"),
        format!("leak = {SECRET}\nbad = {{\n"),
    )
    .expect("w");
    std::os::unix::fs::symlink(t.path().join("x.ftl"), sandbox.path("locales/az/x.ftl"))
        .expect("link");
    std::os::unix::fs::symlink("/proc/self/environ", sandbox.path("locales/tr/env.ftl"))
        .expect("link");
    let runs = [
        sandbox.beyan(&["check"]),
        sandbox.beyan(&["check", "--format", "json"]),
        sandbox.beyan(&["todo", "--locale", "az"]),
        sandbox.beyan(&["status", "--format", "html"]),
    ];
    for run in &runs {
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains(SECRET), "{all}");
        assert!(!all.contains("BEYAN_SAFETY_SECRET"), "{all}");
    }
    let check = &runs[0];
    assert_eq!(check.code, 1, "{}", check.stderr);
    let all = format!("{}{}", check.stdout, check.stderr);
    assert!(all.contains("locales/az/x.ftl"), "{all}");
    assert!(all.contains("locales/tr/env.ftl"), "{all}");
    assert!(all.contains("outside the workspace"), "{all}");
}

#[test]
fn c5_a_release_contact_is_validated_and_escaped_everywhere() {
    let sandbox = Sandbox::sample();
    let toml = format!("releases/{SLUG}.toml");
    let original = sandbox.read(&toml);
    sandbox.write(
        &toml,
        &format!(
            "{original}\n[contact]\nname = \"<img src=x onerror=alert(1)>\"\nemail = \"x@y.z> <script>alert(2)</script\"\n"
        ),
    );
    let run = sandbox.beyan(&["check"]).expect(2);
    assert!(run.stderr.contains("contact.email"), "{}", run.stderr);

    sandbox.write(
        &toml,
        &format!("{original}\n[contact]\nname = \"<img src=x onerror=alert(1)>\"\nemail = \"press@embassy.example\"\n"),
    );
    let t = outside();
    let out = t.path().join("site");
    render(&sandbox, &out, &[]).expect(0);
    let html = std::fs::read_to_string(out.join(format!("en/{SLUG}.html"))).expect("html");
    assert!(!html.contains("<img src=x"), "raw HTML in the page");
    assert!(html.contains("&lt;img src=x"), "escaped in the page");
    let md = std::fs::read_to_string(out.join(format!("en/{SLUG}.md"))).expect("md");
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    assert!(!md.replace("\\<img", "").contains("<img"), "{md}");
    for xml in ["en/feed.xml", "sitemap.xml"] {
        assert_well_formed(&out.join(xml));
    }
}

#[test]
fn m1_a_control_character_in_the_configuration_is_an_error() {
    let sandbox = Sandbox::sample();
    let config = sandbox.read("beyan.toml");
    for bad in [
        "https://press.embassy.example/a\\u0001",
        "https://user:pw@press.embassy.example",
        "https://press.embassy.example/#top",
    ] {
        sandbox.edit_from(
            &config,
            "beyan.toml",
            "base-url = \"https://press.embassy.example\"",
            &format!("base-url = \"{bad}\""),
        );
        let run = sandbox.beyan(&["check"]).expect(2);
        assert!(
            run.stderr.contains("site.base-url"),
            "{bad}: {}",
            run.stderr
        );
    }
    sandbox.edit_from(
        &config,
        "beyan.toml",
        "[contact]\n",
        "[contact]\nname = \"A\\u0000B\"\n",
    );
    let run = sandbox.beyan(&["check"]).expect(2);
    assert!(run.stderr.contains("contact.name"), "{}", run.stderr);
}

#[test]
fn m4_slugs_and_locales_that_collide_with_outputs_are_refused() {
    let sandbox = Sandbox::sample();
    for slug in ["index", "feed", "sitemap", "con", "nul"] {
        let run = sandbox
            .beyan(&["new", slug, "--date", "2025-12-01"])
            .expect(2);
        assert!(run.stderr.contains("reserved"), "{slug}: {}", run.stderr);
    }
    assert!(!sandbox.path("releases/index.toml").exists());
    let config = sandbox.read("beyan.toml");
    for (code, why) in [("assets", "assets/"), ("en-XA", "pseudolocale")] {
        sandbox.write(
            "beyan.toml",
            &config.replacen("optional = [", &format!("optional = [\"{code}\", "), 1),
        );
        let run = sandbox.beyan(&["check"]).expect(2);
        assert!(run.stderr.contains(why), "{code}: {}", run.stderr);
    }
}

#[test]
fn m7_leftovers_of_killed_runs_are_removed_and_concurrent_renders_wait() {
    let sandbox = Sandbox::sample();
    let t = outside();
    let out = t.path().join("site");
    for leftover in [
        ".site.beyan-new-dead",
        ".site.beyan-old-dead",
        ".site.new-AbCdEf",
    ] {
        std::fs::create_dir_all(t.path().join(leftover).join("en")).expect("mkdir");
    }
    std::fs::write(t.path().join("unrelated.txt"), "keep").expect("write");
    render(&sandbox, &out, &[]).expect(0);
    assert_eq!(
        names(t.path()),
        ["site", "unrelated.txt"],
        "leftovers removed, nothing else"
    );
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| render(&sandbox, &out, &[])))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for run in runs {
        run.expect(0);
    }
    assert_eq!(names(t.path()), ["site", "unrelated.txt"]);
    assert!(out.join(format!("ur/{SLUG}.html")).is_file());
}

#[test]
fn m8_init_fills_an_empty_current_folder_in_place() {
    let sandbox = Sandbox::empty();
    let here = sandbox.path("here");
    std::fs::create_dir(&here).expect("mkdir");
    let run = sandbox.beyan_in(&here, &["init", "."]).expect(0);
    assert!(run.stdout.contains("next: beyan check"), "{}", run.stdout);
    assert!(here.join("beyan.toml").is_file() && here.join(".gitignore").is_file());
    assert!(
        !names(&here).iter().any(|n| n.contains("beyan-")),
        "{:?}",
        names(&here)
    );
    let empty = sandbox.path("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    sandbox.beyan_in(&empty, &["init"]).expect(0);
    assert!(empty.join("beyan.toml").is_file());
    let again = sandbox.beyan_in(&empty, &["init"]).expect(2);
    assert!(again.stderr.contains("not empty"), "{}", again.stderr);
    sandbox.beyan_in(&empty, &["check"]).expect(0);
}

#[test]
fn m_status_output_never_overwrites_a_source() {
    let sandbox = Sandbox::sample();
    let config = sandbox.read("beyan.toml");
    for target in ["beyan.toml", "locales/en/common.ftl", "releases/x.html"] {
        let run = sandbox.beyan(&["status", "-o", &sandbox.path(target).to_string_lossy()]);
        let run = run.expect(2);
        assert!(run.stderr.contains("refusing"), "{target}: {}", run.stderr);
    }
    assert_eq!(sandbox.read("beyan.toml"), config);
    let t = outside();
    let file = t.path().join("status.html");
    sandbox
        .beyan(&["status", "--format", "html", "-o", &file.to_string_lossy()])
        .expect(0);
    assert!(file.is_file());
    assert_eq!(names(t.path()), ["status.html"], "no temporary file left");
}

#[test]
fn m_a_release_argument_is_a_slug_not_a_path() {
    let sandbox = Sandbox::sample();
    let run = sandbox
        .beyan(&["todo", "--locale", "az", "--release", "../releases/x"])
        .expect(2);
    assert!(run.stderr.contains("not a valid slug"), "{}", run.stderr);
}

#[test]
fn m9_skip_incomplete_publishes_the_complete_locales_and_names_the_others() {
    let sandbox = Sandbox::sample();
    for locale in ["tr", "ur"] {
        for file in ["common.ftl", &format!("releases/{SLUG}.ftl")] {
            sandbox.write(&format!("locales/{locale}/{file}"), "");
        }
    }
    let t = outside();
    let out = t.path().join("site");
    let run = render(&sandbox, &out, &["--skip-incomplete"]).expect(0);
    assert!(
        run.stderr.contains("skipped: the `tr` version"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("skipped: the `ur` version"),
        "{}",
        run.stderr
    );
    assert_eq!(
        names(&out),
        [
            ".beyan-site",
            "assets",
            "az",
            "en",
            "index.html",
            "sitemap.xml"
        ]
    );
    let chooser = std::fs::read_to_string(out.join("index.html")).expect("chooser");
    assert!(!chooser.contains("href=\"tr/"), "{chooser}");
}
