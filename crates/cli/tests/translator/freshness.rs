//! `beyan lock` and `stale-translation`: the Freshness lifecycle of PRODUCT.md on a copy of
//! the sample, and a corrupt `beyan.lock`.

use super::workspace::{SLUG, Sandbox};

fn en() -> String {
    format!("locales/en/releases/{SLUG}.ftl")
}

fn az() -> String {
    format!("locales/az/releases/{SLUG}.ftl")
}

#[test]
fn lifecycle_lock_change_relock_edit_accept() {
    let ws = Sandbox::sample();
    // First lock: every present translation recorded; nothing stale.
    let run = ws.beyan(&["lock"]).expect(0);
    assert!(
        run.stdout.contains("wrote beyan.lock: 135 entries"),
        "{}",
        run.stdout
    );
    assert!(ws.stale().is_empty());

    // The English headline changes: every locale's headline is stale (a warning: exit 0).
    ws.edit(
        &en(),
        "headline = 5th Anniversary",
        "headline = Fifth Anniversary",
    );
    assert_eq!(ws.stale(), ["az:headline", "tr:headline", "ur:headline"]);
    ws.beyan(&["check"]).expect(0);
    ws.beyan(&["check", "--strict"]).expect(1);

    // Locking again without editing keeps them stale, and says so.
    let before = ws.read("beyan.lock");
    let run = ws.beyan(&["lock"]).expect(0);
    assert!(
        run.stdout.contains("3 translations are still stale"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("locales/tr/releases/{SLUG}.ftl  headline"))
    );
    assert_eq!(ws.read("beyan.lock"), before, "nothing to re-record");
    assert_eq!(ws.stale(), ["az:headline", "tr:headline", "ur:headline"]);

    // Editing the Azerbaijani translation and locking makes it fresh; the others stay stale.
    ws.edit(
        &az(),
        "headline = Azərbaycanın 44 günlük",
        "headline = Azərbaycanın qırx dörd günlük",
    );
    let run = ws.beyan(&["lock"]).expect(0);
    assert!(
        run.stdout
            .contains("1 recorded against the current reference"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.stale(), ["tr:headline", "ur:headline"]);

    // The English changes again; `--accept` confirms Turkish as still valid, only for tr.
    ws.edit(
        &en(),
        "headline = Fifth Anniversary",
        "headline = The Fifth Anniversary",
    );
    assert_eq!(ws.stale(), ["az:headline", "tr:headline", "ur:headline"]);
    let run = ws
        .beyan(&["lock", "--locale", "tr", "--accept", "headline"])
        .expect(0);
    assert!(
        run.stdout.contains(&format!(
            "accepted headline in locales/tr/releases/{SLUG}.ftl"
        )),
        "{}",
        run.stdout
    );
    assert_eq!(ws.stale(), ["az:headline", "ur:headline"]);
    ws.beyan(&["lock", "--accept", "headline"]).expect(0);
    assert!(ws.stale().is_empty());
    ws.beyan(&["check", "--strict"]).expect(0);
}

#[test]
fn lock_is_sorted_deterministic_and_drops_what_is_gone() {
    let ws = Sandbox::sample();
    ws.beyan(&["lock"]).expect(0);
    let first = ws.read("beyan.lock");
    std::fs::remove_file(ws.path("beyan.lock")).expect("rm");
    ws.beyan(&["lock"]).expect(0);
    assert_eq!(ws.read("beyan.lock"), first, "same inputs, same bytes");
    let mut tables: Vec<&str> = first.lines().filter(|l| l.starts_with('[')).collect();
    // The reference texts come last, after the sorted locale tables.
    assert_eq!(tables.pop(), Some("[reference-texts]"));
    let mut sorted = tables.clone();
    sorted.sort();
    assert_eq!(tables, sorted);
    assert_eq!(tables[0], "[az.\"common.ftl\"]");

    // A message removed from the reference loses its entries; a missing translation has none.
    let text = ws.read(&en());
    let without = text.replace(
        "subheadline = Statement of the Embassy on Victory Day, 8 November\n",
        "",
    );
    ws.write(&en(), &without);
    let ur = format!("locales/ur/releases/{SLUG}.ftl");
    let ur_text = ws.read(&ur);
    let dateline = ur_text
        .lines()
        .find(|l| l.starts_with("dateline-city"))
        .expect("dateline");
    ws.write(&ur, &ur_text.replace(&format!("{dateline}\n"), ""));
    let run = ws.beyan(&["lock"]).expect(0);
    assert!(
        run.stdout.contains("wrote beyan.lock: 131 entries"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("4 dropped"), "{}", run.stdout);
    let lock = ws.read("beyan.lock");
    assert!(!lock.contains("subheadline"));
    let ur_table = lock.split("[ur.").nth(2).expect("ur release table");
    assert!(!ur_table.contains("dateline-city"), "{ur_table}");
    assert!(lock.contains("dateline-city"), "az and tr keep theirs");
}

#[test]
fn locking_one_locale_keeps_the_others() {
    let ws = Sandbox::sample();
    ws.beyan(&["lock", "--locale", "az"]).expect(0);
    let lock = ws.read("beyan.lock");
    assert!(lock.contains("[az."));
    assert!(!lock.contains("[tr."));
    ws.beyan(&["lock", "--locale", "tr"]).expect(0);
    let lock = ws.read("beyan.lock");
    assert!(lock.contains("[az.") && lock.contains("[tr.") && !lock.contains("[ur."));
}

#[test]
fn unknown_accept_id_is_refused_before_writing() {
    let ws = Sandbox::sample();
    let run = ws.beyan(&["lock", "--accept", "headlin"]).expect(2);
    assert!(run.stderr.contains("`headlin`"), "{}", run.stderr);
    assert!(!ws.path("beyan.lock").exists());
}

#[test]
fn corrupt_lock_is_exit_2_naming_its_line_and_never_rewritten() {
    let ws = Sandbox::sample();
    let corrupt = "version = 1\n\n[az.\"common.ftl\"]\norg-name = { reference = \"not-a-hash\", translation = \"0000000000000000\" }\n";
    ws.write("beyan.lock", corrupt);
    for command in ["lock", "check", "status"] {
        let run = ws.beyan(&[command]).expect(2);
        assert!(
            run.stderr.contains("beyan.lock:4:"),
            "{command}: {}",
            run.stderr
        );
    }
    ws.write("beyan.lock", "version = 1\n[az\n");
    let run = ws.beyan(&["lock"]).expect(2);
    assert!(run.stderr.contains("beyan.lock:2:"), "{}", run.stderr);
    assert_eq!(ws.read("beyan.lock"), "version = 1\n[az\n");
}
