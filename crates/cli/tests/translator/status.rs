//! `beyan status` in its three formats, and `beyan todo`, on a copy of the sample with one
//! Urdu paragraph missing and one English headline changed after locking.

use super::workspace::{SLUG, Sandbox};

/// The sample, locked, then: Urdu `paragraph-03` deleted, the English headline changed (so
/// every locale's headline is stale), an Azerbaijani paragraph given markup-like text.
fn translated_then_changed() -> Sandbox {
    let ws = Sandbox::sample();
    ws.beyan(&["lock"]).expect(0);
    let ur = format!("locales/ur/releases/{SLUG}.ftl");
    let text = ws.read(&ur);
    let start = text.find("paragraph-03 =").expect("paragraph-03");
    let end = text.find("paragraph-04 =").expect("paragraph-04");
    ws.write(&ur, &format!("{}{}", &text[..start], &text[end..]));
    ws.edit(
        &format!("locales/en/releases/{SLUG}.ftl"),
        "headline = 5th Anniversary",
        "headline = <b>Fifth</b> Anniversary",
    );
    ws
}

#[test]
fn json_counts_per_locale_and_release_and_lists_pending() {
    let ws = translated_then_changed();
    let json = ws.beyan(&["status", "--format", "json"]).expect(0).json();
    assert_eq!(json["reference"], "en");
    assert_eq!(json["messages"], 45);
    let ur = &json["locales"][2];
    assert_eq!(ur["locale"], "ur");
    assert_eq!(ur["direction"], "rtl");
    assert_eq!(ur["complete"], false);
    assert_eq!(ur["messages"]["total"], 45);
    assert_eq!(ur["messages"]["translated"], 44);
    assert_eq!(ur["messages"]["missing"], 1);
    assert_eq!(ur["messages"]["stale"], 1);
    let missing_words = ur["words"]["missing"].as_u64().expect("words");
    assert!(
        missing_words > 40,
        "paragraph-03 has 59 words: {missing_words}"
    );
    assert_eq!(
        ur["words"]["translated"].as_u64().expect("n") + missing_words,
        ur["words"]["total"].as_u64().expect("n")
    );
    let pending: Vec<(String, String)> = ur["pending"]
        .as_array()
        .expect("pending")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_owned(),
                p["state"].as_str().expect("state").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        pending,
        [
            ("headline".to_owned(), "stale".to_owned()),
            ("paragraph-03".to_owned(), "missing".to_owned())
        ]
    );
    let az = &json["locales"][0];
    assert_eq!(az["complete"], true);
    assert_eq!(az["messages"]["stale"], 1);
    assert_eq!(az["direction"], "ltr");

    let release = &json["releases"][0];
    assert_eq!(release["release"], SLUG);
    assert_eq!(release["date"], "2025-11-08");
    assert_eq!(release["locales"][2]["messages"]["missing"], 1);
    assert_eq!(release["locales"][2]["messages"]["total"], 15);
    assert_eq!(json["shared"]["files"][0], "common.ftl");
    assert_eq!(json["shared"]["locales"][2]["messages"]["missing"], 0);
}

#[test]
fn locale_filter_and_human_table_in_80_columns() {
    let ws = translated_then_changed();
    let run = ws.beyan(&["status", "--locale", "ur"]).expect(0);
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    assert!(run.stdout.contains("44/45"), "{}", run.stdout);
    assert!(run.stdout.contains(" 97% "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("ur: 1 missing, 1 stale (beyan todo --locale ur)")
    );
    assert!(!run.stdout.contains("az "), "only ur: {}", run.stdout);
    ws.beyan(&["status", "--locale", "xx"]).expect(2);
}

#[test]
fn html_page_is_self_contained_escaped_rtl_and_deterministic() {
    let ws = translated_then_changed();
    let out = ws.path("report/status.html");
    std::fs::create_dir_all(out.parent().expect("parent")).expect("mkdir");
    let out_arg = out.to_str().expect("utf-8 path");
    ws.beyan(&["status", "--format", "html", "-o", out_arg])
        .expect(0);
    let html = ws.read("report/status.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"));
    for external in [
        "<script", "<link", "src=", "http://", "https://", "@import", "url(",
    ] {
        assert!(
            !html.contains(external),
            "`{external}` in a self-contained page"
        );
    }
    // The changed English headline is shown escaped, beside each translation.
    assert!(html.contains("&lt;b&gt;Fifth&lt;/b&gt; Anniversary"));
    assert!(!html.contains("<b>Fifth"));
    // Urdu cells run right to left; the English beside them left to right.
    assert!(html.contains("<pre lang=\"ur\" dir=\"rtl\">"));
    assert!(html.contains("<pre lang=\"en\" dir=\"ltr\">"));
    assert!(!html.contains("lang=\"az\" dir=\"rtl\""));
    let ur_todo = html
        .split("id=\"todo-ur\"")
        .nth(1)
        .expect("ur to-do section");
    assert!(ur_todo.contains("<code>paragraph-03</code>"));
    assert!(ur_todo.contains("not translated yet"));
    assert!(
        ur_todo.contains("However, Armenia’s continuation"),
        "English beside it"
    );
    // Locales by their own names, when the dashboard was made, and a partly stale locale
    // says how much of it is current beside its bar.
    assert!(
        html.contains(
            "<span class=\"name\" lang=\"ur\">اردو</span> <span class=\"code\">ur</span>"
        )
    );
    assert!(html.contains("Generated 2026-01-01 00:00 UTC."), "{html}");
    let ur_row = html
        .split("<li class=\"row\">")
        .find(|row| row.contains("lang=\"ur\""))
        .expect("a ur row");
    assert!(ur_row.contains("% up to date</span>"), "{ur_row}");
    // The shared text did not change: its rows are all current and say nothing more.
    let shared = html
        .split("Shared text")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .expect("the shared text's rows");
    assert!(shared.contains("100%"), "{shared}");
    assert!(!shared.contains("up to date"), "{shared}");
    // Same workspace, same bytes.
    ws.beyan(&["status", "--format", "html", "-o", out_arg])
        .expect(0);
    assert_eq!(ws.read("report/status.html"), html);
    // Without -o the page goes to stdout.
    assert_eq!(
        ws.beyan(&["status", "--format", "html"]).expect(0).stdout,
        html
    );
}

#[test]
fn todo_is_a_ready_to_fill_snippet_and_edits_nothing() {
    let ws = translated_then_changed();
    let ur_file = format!("locales/ur/releases/{SLUG}.ftl");
    let before = ws.read(&ur_file);
    let run = ws.beyan(&["todo", "--locale", "ur"]).expect(0);
    let todo = run.stdout;
    assert!(todo.contains("1 missing, 0 incomplete, 1 stale"), "{todo}");
    assert!(todo.contains(&format!("\n# {ur_file}\n")), "{todo}");
    // The stale headline: the new English in comments, the current Urdu to revise.
    let stale = todo.find("# stale").expect("stale block");
    let headline = &todo[stale..];
    assert!(
        headline.contains("#   headline = <b>Fifth</b> Anniversary"),
        "{headline}"
    );
    assert!(headline.contains("\nheadline = "), "{headline}");
    // The missing paragraph: its English, line by line, then an empty message to fill.
    assert!(
        todo.contains("#   paragraph-03 =\n#       However, Armenia’s continuation"),
        "{todo}"
    );
    assert!(todo.contains("\nparagraph-03 =\n"), "{todo}");
    assert_eq!(ws.read(&ur_file), before, "todo never edits a file");

    // Pasting the filled snippet into the file makes ur complete again.
    let filled = todo.replace("\nparagraph-03 =\n", "\nparagraph-03 = ترجمہ\n");
    let paragraph: String = filled
        .split("\n\n")
        .find(|block| block.contains("\nparagraph-03 = "))
        .expect("paragraph block")
        .to_owned();
    ws.write(&ur_file, &format!("{before}\n{paragraph}\n"));
    let json = ws
        .beyan(&["status", "--format", "json", "--locale", "ur"])
        .expect(0)
        .json();
    assert_eq!(json["locales"][0]["messages"]["missing"], 0);

    // Filters: one release only; an unknown release or locale is a usage error.
    let run = ws.beyan(&["todo", "-l", "az", "--release", SLUG]).expect(0);
    assert!(
        run.stdout.contains("0 missing, 0 incomplete, 1 stale"),
        "{}",
        run.stdout
    );
    ws.beyan(&["todo", "-l", "az", "--release", "nope"])
        .expect(2);
    ws.beyan(&["todo", "-l", "en"]).expect(2);
}
