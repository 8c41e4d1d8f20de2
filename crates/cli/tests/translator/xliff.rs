//! `xliff export` / `xliff import` on a copy of the sample: the untouched round trip changes no
//! byte, an edited target comes back as Fluent, bad placeholders are refused by unit, and the
//! export is valid against the OASIS XLIFF 2 core schema (when the schema and xmllint are there).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::workspace::{SLUG, Sandbox};

/// Every file below `locales/`, with its bytes, sorted by path.
fn locale_files(ws: &Sandbox) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.push((path, bytes));
            }
        }
    }
    let mut out = Vec::new();
    walk(&ws.path("locales"), &mut out);
    out.sort();
    out
}

fn export(ws: &Sandbox, locale: &str) -> String {
    let file = format!("{locale}.xlf");
    let out = ws.root().parent().expect("parent").join(format!(
        "{}-{file}",
        ws.root().file_name().expect("name").to_string_lossy()
    ));
    ws.beyan(&[
        "xliff",
        "export",
        "--locale",
        locale,
        "-o",
        out.to_str().expect("utf-8"),
    ])
    .expect(0);
    let xml = std::fs::read_to_string(&out).expect("exported");
    std::fs::remove_file(&out).expect("remove");
    xml
}

/// Writes `xml` outside the workspace and imports it.
fn import(ws: &Sandbox, xml: &str) -> super::workspace::Run {
    let path = ws.root().with_extension("import.xlf");
    std::fs::write(&path, xml).expect("write");
    let run = ws.beyan(&["xliff", "import", path.to_str().expect("utf-8")]);
    std::fs::remove_file(&path).expect("remove");
    run
}

#[test]
fn export_then_import_without_edits_changes_no_byte() {
    let ws = Sandbox::sample();
    let before = locale_files(&ws);
    for locale in ["az", "tr", "ur"] {
        let xml = export(&ws, locale);
        assert!(xml.contains(&format!("trgLang=\"{locale}\"")));
        assert!(
            xml.contains("<unit id=\"releases-count:one\""),
            "a unit per variant"
        );
        let run = import(&ws, &xml).expect(0);
        assert!(
            run.stdout.contains("no translation changed"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("complete"),
            "check summary: {}",
            run.stdout
        );
    }
    assert!(
        locale_files(&ws) == before,
        "an import without edits rewrote a file"
    );
}

#[test]
fn an_edited_target_round_trips_and_nothing_else_moves() {
    let ws = Sandbox::sample();
    let rel = format!("locales/az/releases/{SLUG}.ftl");
    let before = ws.read(&rel);
    let xml = export(&ws, "az");
    let old = "<target>ŞUŞA</target>";
    let edited = if xml.contains(old) {
        xml.replacen(old, "<target>Şuşa şəhəri &amp; {ətrafı}</target>", 1)
    } else {
        // The dateline city is whatever the sample says: edit the unit's target, whatever it is.
        let at = xml
            .find("<unit id=\"dateline-city\"")
            .expect("dateline-city unit");
        let start = at + xml[at..].find("<target>").expect("target") + "<target>".len();
        let end = start + xml[start..].find("</target>").expect("end");
        format!(
            "{}Şuşa şəhəri &amp; {{ətrafı}}{}",
            &xml[..start],
            &xml[end..]
        )
    };
    let run = import(&ws, &edited).expect(0);
    assert!(
        run.stdout
            .contains(&format!("wrote {rel}: 1 message (dateline-city)")),
        "{}",
        run.stdout
    );
    let after = ws.read(&rel);
    assert!(
        after.contains("dateline-city = Şuşa şəhəri & { \"{\" }ətrafı{ \"}\" }\n"),
        "{after}"
    );
    // Only that line changed.
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(before.lines().count(), after.lines().count());
    // Exported again, the new text is the unit's target.
    let again = export(&ws, "az");
    assert!(again.contains("<target>Şuşa şəhəri &amp; {ətrafı}</target>"));
}

#[test]
fn a_dropped_or_invented_placeholder_names_its_unit_and_writes_nothing() {
    let ws = Sandbox::sample();
    let before = locale_files(&ws);
    let xml = export(&ws, "tr");
    let at = xml.find("<unit id=\"releases-count:other\"").expect("unit");
    let start = at + xml[at..].find("<target>").expect("target");
    let end = start + xml[start..].find("</target>").expect("end");
    let dropped = format!(
        "{}<target>bültenler<ph id=\"7\"/>{}",
        &xml[..start],
        &xml[end..]
    );
    let run = import(&ws, &dropped).expect(1);
    assert!(
        run.stderr
            .contains("error: unit `releases-count:other`: placeholder `1` ({ $count }) dropped"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: unit `releases-count:other`: invented placeholder `7`"),
        "{}",
        run.stderr
    );
    let unknown = xml.replacen("<unit id=\"headline\"", "<unit id=\"headlines\"", 1);
    let run = import(&ws, &unknown).expect(1);
    assert!(
        run.stderr.contains("unit `headlines`: no such message"),
        "{}",
        run.stderr
    );
    let run = import(&ws, &xml[..xml.len() / 2]).expect(1);
    assert!(run.stderr.contains("not well-formed XML"), "{}", run.stderr);
    assert!(locale_files(&ws) == before, "a refused import wrote a file");
}

#[test]
fn stale_translations_are_initial_with_a_note() {
    let ws = Sandbox::sample();
    ws.beyan(&["lock"]).expect(0);
    let en = format!("locales/en/releases/{SLUG}.ftl");
    let text = ws.read(&en);
    let line = text
        .lines()
        .find(|l| l.starts_with("headline = "))
        .expect("headline")
        .to_owned();
    ws.edit(&en, &line, &format!("{line} (updated)"));
    let xml = export(&ws, "az");
    let at = xml.find("<unit id=\"headline\"").expect("unit");
    let unit = &xml[at..at + xml[at..].find("</unit>").expect("end")];
    assert!(unit.contains("<note category=\"stale\">"), "{unit}");
    assert!(unit.contains("<segment state=\"initial\">"), "{unit}");
    let fresh = xml.find("<unit id=\"dateline-city\"").expect("unit");
    assert!(xml[fresh..].starts_with("<unit id=\"dateline-city\" name=\"dateline-city\">"));
    assert!(
        xml[fresh..fresh + 400].contains("state=\"translated\""),
        "untouched messages stay translated"
    );
}

#[test]
fn export_refuses_to_write_over_a_source_file() {
    let ws = Sandbox::sample();
    let before = ws.read("beyan.toml");
    for target in ["beyan.toml", "locales/az/common.ftl", "releases/x.xlf"] {
        let path = ws.path(target);
        let run = ws
            .beyan(&[
                "xliff",
                "export",
                "--locale",
                "az",
                "-o",
                path.to_str().expect("utf-8"),
            ])
            .expect(2);
        assert!(run.stderr.contains("refusing to write"), "{}", run.stderr);
    }
    assert_eq!(ws.read("beyan.toml"), before);
    assert!(!ws.path("releases/x.xlf").exists());
}

/// The OASIS XLIFF 2 core schema, `xliff_core_2.0.xsd` (XLIFF 2.1's core schema too), named by
/// `BEYAN_XLIFF_XSD`; `.ci/run` fetches it, and CI fails without it.
fn schema() -> Option<PathBuf> {
    let path = std::env::var_os("BEYAN_XLIFF_XSD").map(PathBuf::from);
    let found = path.filter(|path| path.exists());
    assert!(
        found.is_some() || std::env::var("CI").as_deref() != Ok("true"),
        "the XLIFF 2 core schema is required in CI (.ci/run sets BEYAN_XLIFF_XSD)"
    );
    found
}

fn xmllint() -> bool {
    let found = Command::new("xmllint").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "xmllint is required in CI (.ci/run installs libxml2-utils)"
        );
    }
    found
}

#[test]
fn the_export_is_valid_against_the_xliff_core_schema() {
    let Some(schema) = schema() else {
        eprintln!(
            "skipped: no XLIFF 2 core schema (set BEYAN_XLIFF_XSD to OASIS's xliff_core_2.0.xsd, as .ci/run does)"
        );
        return;
    };
    if !xmllint() {
        eprintln!("skipped: no xmllint (install the `libxml2-utils` package)");
        return;
    }
    let ws = Sandbox::sample();
    let validate = |locale: &str, xml: &str| {
        let path = ws.root().with_extension(format!("{locale}.xlf"));
        std::fs::write(&path, xml).expect("write");
        let output = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&path)
            .output()
            .expect("xmllint runs");
        std::fs::remove_file(&path).expect("remove");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    for locale in ["az", "ur"] {
        let xml = export(&ws, locale);
        let (valid, stderr) = validate(locale, &xml);
        assert!(valid, "{stderr}");
        // The schema does judge: a state outside XLIFF's four is refused.
        let broken = xml.replacen("state=\"translated\"", "state=\"done\"", 1);
        assert_ne!(broken, xml, "the export has a translated segment");
        let (valid, stderr) = validate(locale, &broken);
        assert!(!valid && stderr.contains("state"), "{stderr}");
    }
}

#[test]
fn a_rewritten_message_keeps_the_files_conventions_and_obsolete_attributes() {
    let ws = Sandbox::sample();
    let rel = "locales/az/common.ftl";
    let text = ws.read(rel);
    let line = text
        .lines()
        .find(|l| l.starts_with("choose-language = "))
        .expect("choose-language")
        .to_owned();
    let with_extra = text.replace(&line, &format!("{line}\n    .title = Köhnə atribut"));
    ws.write(
        rel,
        &format!("\u{FEFF}{}", with_extra.replace('\n', "\r\n")),
    );
    let xml = export(&ws, "az");
    let at = xml.find("<unit id=\"choose-language\"").expect("unit");
    let start = at + xml[at..].find("<target>").expect("target") + "<target>".len();
    let end = start + xml[start..].find("</target>").expect("end");
    let edited = format!("{}Dil seçin, zəhmət olmasa{}", &xml[..start], &xml[end..]);
    import(&ws, &edited).expect(0);
    let after = std::fs::read(ws.path(rel)).expect("read");
    let after = String::from_utf8(after).expect("utf-8");
    assert!(after.starts_with('\u{FEFF}'), "the BOM stays");
    assert!(
        after.contains(
            "choose-language = Dil seçin, zəhmət olmasa\r\n    .title = Köhnə atribut\r\n"
        ),
        "{after}"
    );
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "CRLF throughout"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_not_rewritten() {
    let ws = Sandbox::sample();
    let rel = "locales/az/common.ftl";
    let xml = export(&ws, "az");
    let mut bytes = std::fs::read(ws.path(rel)).expect("read");
    bytes.extend_from_slice(b"broken = \xff\n");
    std::fs::write(ws.path(rel), &bytes).expect("write");
    let edited = xml.replacen(
        "<target>Azərbaycan Səfirliyi</target>",
        "<target>Azərbaycan Respublikasının Səfirliyi</target>",
        1,
    );
    assert_ne!(edited, xml, "the sample's -org-short target");
    let run = import(&ws, &edited).expect(1);
    assert!(run.stderr.contains("not UTF-8"), "{}", run.stderr);
    assert_eq!(std::fs::read(ws.path(rel)).expect("read"), bytes);
}
