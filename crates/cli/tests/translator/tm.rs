//! Translation memory: `todo` offers remembered translations (exact as a ready line, fuzzy as a
//! comment with its score), and `tm export` writes TMX 1.4b that an independent reader (the
//! Translate Toolkit) reads back.

use std::path::PathBuf;
use std::process::Command;

use super::workspace::{SLUG, Sandbox};

fn with_repeated_text() -> Sandbox {
    let ws = Sandbox::sample();
    let en = format!("locales/en/releases/{SLUG}.ftl");
    let text = ws.read(&en);
    let headline = text
        .lines()
        .find_map(|l| l.strip_prefix("headline = "))
        .expect("headline")
        .to_owned();
    assert!(headline.starts_with("5th "), "{headline}");
    ws.write(
        &en,
        &format!(
            "{text}\ncontact-heading = Media contact\nsixth = 6th {}\n",
            &headline["5th ".len()..]
        ),
    );
    ws
}

#[test]
fn todo_offers_exact_and_fuzzy_matches() {
    let ws = with_repeated_text();
    let run = ws.beyan(&["todo", "--locale", "az"]).expect(0);
    let az_contact = ws
        .read("locales/az/common.ftl")
        .lines()
        .find_map(|l| l.strip_prefix("media-contact = ").map(str::to_owned))
        .expect("media-contact");
    assert!(
        run.stdout.contains(&format!(
            "# from locales/az/common.ftl media-contact\ncontact-heading = {az_contact}\n"
        )),
        "{}",
        run.stdout
    );
    let fuzzy = format!(
        "# fuzzy 90% from locales/az/releases/{SLUG}.ftl headline:\n#   en: 5th Anniversary"
    );
    assert!(run.stdout.contains(&fuzzy), "{}", run.stdout);
    assert!(run.stdout.contains("\nsixth =\n"), "{}", run.stdout);
}

#[test]
fn a_stale_translation_is_not_remembered() {
    let ws = with_repeated_text();
    ws.beyan(&["lock"]).expect(0);
    ws.edit(
        "locales/en/common.ftl",
        "media-contact = Media contact",
        "media-contact = Press contact",
    );
    let run = ws.beyan(&["todo", "--locale", "az"]).expect(0);
    assert!(
        !run.stdout
            .contains("from locales/az/common.ftl media-contact"),
        "{}",
        run.stdout
    );
}

/// A Python with the Translate Toolkit: `BEYAN_TMX_PYTHON`, else `python3`.
fn translate_toolkit() -> Option<PathBuf> {
    let python = std::env::var_os("BEYAN_TMX_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("python3"));
    let ok = Command::new(&python)
        .args(["-c", "import translate.storage.tmx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the Translate Toolkit is required in CI (.ci/run installs it)"
        );
        return None;
    }
    Some(python)
}

#[test]
fn tmx_reads_back_with_the_translate_toolkit() {
    let Some(python) = translate_toolkit() else {
        eprintln!(
            "skipped: no Translate Toolkit (pip install translate-toolkit; BEYAN_TMX_PYTHON)"
        );
        return;
    };
    let ws = Sandbox::sample();
    let path = ws.root().with_extension("ur.tmx");
    let run = ws
        .beyan(&[
            "tm",
            "export",
            "--locale",
            "ur",
            "-o",
            path.to_str().expect("utf-8"),
        ])
        .expect(0);
    assert!(
        run.stderr.contains("translation units (en → ur)"),
        "{}",
        run.stderr
    );
    let script = "import sys\nfrom translate.storage import tmx\nstore = tmx.tmxfile.parsefile(sys.argv[1])\nfor unit in store.units:\n    print(unit.getid(), unit.source.replace('\\n', ' '), '=>', unit.target.replace('\\n', ' '), sep='\\t')\n";
    let output = Command::new(&python)
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let rows: Vec<&str> = text.lines().collect();
    let ur = ws.read(&format!("locales/ur/releases/{SLUG}.ftl"));
    let headline = ur
        .lines()
        .find_map(|l| l.strip_prefix("headline = "))
        .expect("headline");
    let expected = format!(
        "locales/ur/releases/{SLUG}.ftl#headline\t5th Anniversary of Azerbaijan’s Victory in the 44-Day Patriotic War\t=>\t{headline}"
    );
    assert!(rows.contains(&expected.as_str()), "{expected}\nin\n{text}");
    // Every message of the sample is translated and fresh: every one is remembered.
    let en_messages = |rel: &str| {
        ws.read(rel)
            .lines()
            .filter(|l| {
                l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') && l.contains(" =")
            })
            .count()
    };
    let total = en_messages("locales/en/common.ftl")
        + en_messages(&format!("locales/en/releases/{SLUG}.ftl"));
    assert_eq!(rows.len(), total, "{text}");
    std::fs::remove_file(&path).expect("remove");
}
