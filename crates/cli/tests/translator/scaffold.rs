//! `beyan new` and `beyan init`: what they create, what they refuse (exit 2, nothing written),
//! and that a new workspace passes `check` and `render` at once.

use super::workspace::Sandbox;

#[test]
fn init_then_check_render_new_and_status() {
    let parent = Sandbox::empty();
    let dir = parent.path("press");
    let run = parent.beyan_in(parent.root(), &["init", "press"]).expect(0);
    assert!(
        run.stdout.contains("created a beyan workspace in press"),
        "{}",
        run.stdout
    );
    for file in [
        "beyan.toml",
        "locales/en/common.ftl",
        "releases/example-release.toml",
        "locales/en/releases/example-release.ftl",
        "templates/release.html",
        "templates/style.css",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    parent.beyan_in(&dir, &["check"]).expect(0);
    parent.beyan_in(&dir, &["render"]).expect(0);
    let page = std::fs::read_to_string(dir.join("dist/en/example-release.html")).expect("page");
    assert!(
        page.contains("Headline: one line that says what happened"),
        "{page}"
    );
    assert!(page.contains("CITY"), "the dateline city in capitals");

    // A new release in the new workspace, then a translator locale.
    let run = parent
        .beyan_in(&dir, &["new", "2026-01-05-visit", "--date", "2026-01-05"])
        .expect(0);
    assert!(
        run.stdout
            .contains("created releases/2026-01-05-visit.toml")
    );
    let toml = std::fs::read_to_string(dir.join("releases/2026-01-05-visit.toml")).expect("toml");
    assert!(toml.contains("date = 2026-01-05\n"), "{toml}");
    parent.beyan_in(&dir, &["check"]).expect(0);
    parent.beyan_in(&dir, &["render"]).expect(0);
    assert!(dir.join("dist/en/2026-01-05-visit.html").is_file());

    let config = std::fs::read_to_string(dir.join("beyan.toml")).expect("config");
    std::fs::write(
        dir.join("beyan.toml"),
        config.replace("required = []", "required = [\"az\"]"),
    )
    .expect("write");
    std::fs::create_dir_all(dir.join("locales/az")).expect("mkdir");
    let json = parent
        .beyan_in(&dir, &["status", "--format", "json"])
        .expect(0)
        .json();
    assert_eq!(json["locales"][0]["messages"]["translated"], 0);
    let releases: Vec<&str> = json["releases"]
        .as_array()
        .expect("releases")
        .iter()
        .map(|r| r["release"].as_str().expect("slug"))
        .collect();
    assert!(releases.contains(&"2026-01-05-visit") && releases.contains(&"example-release"));
    parent.beyan_in(&dir, &["check"]).expect(1);
}

#[test]
fn init_refuses_a_non_empty_folder_or_a_file() {
    let parent = Sandbox::empty();
    parent.write("taken/notes.txt", "mine");
    let run = parent.beyan_in(parent.root(), &["init", "taken"]).expect(2);
    assert!(run.stderr.contains("not empty"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_dir(parent.path("taken"))
            .expect("dir")
            .count(),
        1
    );
    parent.write("file", "x");
    parent.beyan_in(parent.root(), &["init", "file"]).expect(2);
    // An empty folder is fine.
    std::fs::create_dir(parent.path("empty")).expect("mkdir");
    parent.beyan_in(parent.root(), &["init", "empty"]).expect(0);
    assert!(parent.path("empty/beyan.toml").is_file());
}

#[test]
fn new_refuses_bad_slugs_dates_and_existing_releases() {
    let ws = Sandbox::sample();
    for slug in ["Bad_Slug", "-lead", "a/b", "..", ""] {
        let run = ws
            .beyan(&["new", "--date", "2026-01-05", "--", slug])
            .expect(2);
        assert!(run.stderr.contains("slug"), "{slug}: {}", run.stderr);
    }
    for date in ["2026-13-01", "5 Jan 2026", "2026-1-5"] {
        ws.beyan(&["new", "ok-slug", "--date", date]).expect(2);
    }
    assert!(!ws.path("releases/ok-slug.toml").exists());

    let slug = super::workspace::SLUG;
    let en = format!("locales/en/releases/{slug}.ftl");
    let before = ws.read(&en);
    let run = ws.beyan(&["new", slug, "--date", "2026-01-05"]).expect(2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(ws.read(&en), before);

    // Only the reference text exists (no TOML yet): still refused, nothing written.
    ws.write("locales/en/releases/half.ftl", "headline = Mine\n");
    ws.beyan(&["new", "half", "--date", "2026-01-05"]).expect(2);
    assert!(!ws.path("releases/half.toml").exists());
    assert_eq!(ws.read("locales/en/releases/half.ftl"), "headline = Mine\n");
}

#[test]
fn new_release_without_date_is_dated_today_and_shows_up_in_todo() {
    let ws = Sandbox::sample();
    // Read the clock on both sides: the run may straddle midnight.
    let before = jiff::ZonedDateTime::now().date().to_string();
    ws.beyan(&["new", "statement"]).expect(0);
    let after = jiff::ZonedDateTime::now().date().to_string();
    let toml = ws.read("releases/statement.toml");
    assert!(
        toml.contains(&format!("date = {before}\n")) || toml.contains(&format!("date = {after}\n")),
        "{toml}"
    );
    let todo = ws
        .beyan(&["todo", "-l", "az", "--release", "statement"])
        .expect(0)
        .stdout;
    assert!(
        todo.contains("# locales/az/releases/statement.ftl (new file: create it)"),
        "{todo}"
    );
    for id in [
        "headline",
        "subheadline",
        "dateline-city",
        "paragraph-01",
        "paragraph-02",
        "paragraph-03",
    ] {
        assert!(todo.contains(&format!("\n{id} =\n")), "{id}: {todo}");
    }
}

#[test]
fn new_takes_the_date_of_a_dated_slug() {
    let ws = Sandbox::sample();
    ws.beyan(&["new", "2026-12-01-trade-mission"]).expect(0);
    let toml = ws.read("releases/2026-12-01-trade-mission.toml");
    assert!(toml.contains("date = 2026-12-01\n"), "{toml}");
    // An explicit date wins; a prefix that is no date is just a slug.
    ws.beyan(&["new", "2026-12-02-visit", "--date", "2026-12-03"])
        .expect(0);
    assert!(
        ws.read("releases/2026-12-02-visit.toml")
            .contains("date = 2026-12-03\n")
    );
    ws.beyan(&["new", "2026-13-45-oops"]).expect(0);
    let toml = ws.read("releases/2026-13-45-oops.toml");
    assert!(!toml.contains("date = 2026-13"), "{toml}");
}

#[test]
fn typos_get_a_suggestion() {
    let ws = Sandbox::sample();
    let run = ws.beyan(&["status", "--locale", "tr-TR"]).expect(2);
    assert!(run.stderr.contains("did you mean `tr`?"), "{}", run.stderr);
    let run = ws.beyan(&["lock", "--accept", "headlin"]).expect(2);
    assert!(
        run.stderr.contains("did you mean `headline`?"),
        "{}",
        run.stderr
    );
}
