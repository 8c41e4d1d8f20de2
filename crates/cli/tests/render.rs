//! `beyan render` end to end on a copy of the repository's sample: exit codes, what it says on
//! stderr, and what it leaves in `--out`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const SLUG: &str = "2025-11-08-victory-day";
const NOW: &str = "2025-11-10T00:00:00Z";

/// The sample workspace (config, releases, locales) copied into a temporary folder.
pub(crate) struct Sample {
    dir: tempfile::TempDir,
}

impl Sample {
    pub(crate) fn new() -> Self {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = tempfile::tempdir().expect("temp dir");
        copy(&repo.join("beyan.toml"), &dir.path().join("beyan.toml"));
        for folder in ["releases", "locales"] {
            copy_dir(&repo.join(folder), &dir.path().join(folder));
        }
        Self { dir }
    }

    /// A copy of any workspace folder (a test fixture).
    pub(crate) fn copy_of(folder: &Path) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(folder, dir.path());
        Self { dir }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn write(&self, path: &str, text: &str) {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub(crate) fn out(&self) -> PathBuf {
        self.root().join("dist")
    }

    /// Runs `beyan render` in the workspace, at `NOW` unless `args` give `--now`.
    pub(crate) fn render(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let mut command = Command::cargo_bin("beyan").expect("binary");
        command
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .arg("render");
        if !args.contains(&"--now") {
            command.args(["--now", NOW]);
        }
        command.args(args).assert()
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(from, to).expect("copy");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            copy(&entry.path(), &target);
        }
    }
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// Every file below `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry"))
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().expect("type").is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.push((name, std::fs::read(entry.path()).expect("read")));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out
}

#[test]
fn publishes_every_locale_and_says_so() {
    let sample = Sample::new();
    let assert = sample.render(&[]).success();
    let said = stderr(&assert);
    assert!(
        said.contains("rendered 34 pages in 4 locales (en, az, tr, ur) to"),
        "{said}"
    );
    for locale in ["en", "az", "tr", "ur"] {
        for format in ["html", "txt", "md", "json", "eml"] {
            assert!(
                sample
                    .out()
                    .join(format!("{locale}/{SLUG}.{format}"))
                    .is_file()
            );
        }
    }
    let tr = std::fs::read_to_string(sample.out().join(format!("tr/{SLUG}.txt"))).unwrap();
    assert!(tr.contains("İSLAMABAD — 8 Kasım 2025"), "{tr}");
    let ur = std::fs::read_to_string(sample.out().join(format!("ur/{SLUG}.html"))).unwrap();
    assert!(ur.contains("<html lang=\"ur\" dir=\"rtl\">") && ur.contains("8 نومبر، 2025"));
    assert!(
        sample
            .out()
            .join("assets/fonts/NotoNastaliqUrdu-Regular.subset.woff2")
            .is_file()
    );
}

#[test]
fn an_incomplete_translation_fails_naming_ids_and_writes_nothing() {
    let sample = Sample::new();
    sample.render(&[]).success();
    let before = snapshot(&sample.out());
    let path = format!("locales/az/releases/{SLUG}.ftl");
    let text = std::fs::read_to_string(sample.root().join(&path)).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("subheadline") && !l.starts_with("dateline-city"))
        .map(|l| format!("{l}\n"))
        .collect();
    sample.write(&path, &without);

    let assert = sample.render(&[]).code(1);
    let said = stderr(&assert);
    assert!(
        said.contains(&format!(
            "error: the `az` version of `{SLUG}` is incomplete: missing `subheadline`, `dateline-city`"
        )),
        "{said}"
    );
    assert!(said.contains("--skip-incomplete"));
    assert_eq!(
        snapshot(&sample.out()),
        before,
        "the previous output is untouched"
    );

    let assert = sample.render(&["--skip-incomplete"]).success();
    let said = stderr(&assert);
    assert!(
        said.contains(&format!("skipped: the `az` version of `{SLUG}`")),
        "{said}"
    );
    assert!(!sample.out().join(format!("az/{SLUG}.html")).exists());
    let en = std::fs::read_to_string(sample.out().join(format!("en/{SLUG}.html"))).unwrap();
    assert!(!en.contains(&format!("../az/{SLUG}.html")));
    assert!(en.contains(&format!("../tr/{SLUG}.html")));
}

#[test]
fn a_template_error_is_exit_2_with_file_and_line_and_keeps_the_old_output() {
    let sample = Sample::new();
    sample.render(&[]).success();
    let before = snapshot(&sample.out());
    sample.write(
        "templates/release.txt",
        "line one\n{{ t(id=\"headline\", attr=\"nope\") }}\n",
    );
    let assert = sample.render(&[]).code(2);
    let said = stderr(&assert);
    assert!(said.contains("templates/release.txt:2:"), "{said}");
    assert!(said.contains("nope"), "{said}");
    assert_eq!(snapshot(&sample.out()), before);
    // A message the template names that no locale defines is known before rendering: the
    // release is incomplete (exit 1), as `check` says, and nothing is written either.
    sample.write("templates/release.txt", "line one\n{{ t(id=\"nope\") }}\n");
    let assert = sample.render(&[]).code(1);
    let said = stderr(&assert);
    assert!(said.contains("missing `nope`"), "{said}");
    assert_eq!(snapshot(&sample.out()), before);
}

#[test]
fn the_same_inputs_and_now_give_the_same_bytes() {
    let sample = Sample::new();
    sample.render(&["--out", "one"]).success();
    sample.render(&["--out", "two"]).success();
    let one = snapshot(&sample.root().join("one"));
    let two = snapshot(&sample.root().join("two"));
    assert_eq!(
        one.len(),
        34 + 4,
        "34 pages, the style sheet, the font, its licence and the manifest"
    );
    assert_eq!(one, two);
}

#[test]
fn embargo_follows_now() {
    let sample = Sample::new();
    sample.write(
        &format!("releases/{SLUG}.toml"),
        "date = 2025-11-08\nembargo = 2025-11-08T09:00:00+05:00\n",
    );
    let early = ["--now", "2025-11-08T03:00:00Z"];
    let said = stderr(&sample.render(&early).success());
    assert!(said.contains(&format!("withheld: `{SLUG}`")), "{said}");
    assert!(!sample.out().join(format!("en/{SLUG}.html")).exists());

    sample
        .render(&["--now", "2025-11-08T03:00:00Z", "--include-embargoed"])
        .success();
    let page = std::fs::read_to_string(sample.out().join(format!("en/{SLUG}.html"))).unwrap();
    assert!(page.contains("Preview: this release is under embargo"));
    assert!(page.contains("EMBARGOED UNTIL November 8, 2025"));
    // Shown at the offset the press office wrote, not converted to UTC.
    assert!(page.contains("9:00\u{202f}AM GMT+5"), "{page}");
    let tr = std::fs::read_to_string(sample.out().join(format!("tr/{SLUG}.txt"))).unwrap();
    assert!(tr.contains("8 Kasım 2025 09:00 GMT+5"), "{tr}");
}

#[test]
fn usage_errors_are_exit_2() {
    let sample = Sample::new();
    let said = stderr(&sample.render(&["--now", "tomorrow"]).code(2));
    assert!(said.contains("--now `tomorrow`"), "{said}");
    let said = stderr(&sample.render(&["--release", "no-such-release"]).code(2));
    assert!(said.contains("no-such-release"), "{said}");
    let said = stderr(&sample.render(&["--out", "."]).code(2));
    assert!(said.contains("refusing to write"), "{said}");
    assert!(sample.root().join("beyan.toml").is_file());
}

/// Regression: `render --locale az` (any selection without the reference) failed with
/// "no messages for locale `en`" from the language chooser. It publishes a site of the chosen
/// locales, whose shared pages are in the first of them (in configuration order).
#[test]
fn publishing_only_some_locales_needs_no_reference_pages() {
    let sample = Sample::new();
    let cases: [(&[&str], &[&str], &str); 4] = [
        (
            &["--locale", "az"],
            &["az"],
            "rendered 10 pages in 1 locale (az) to",
        ),
        (
            &["--locale", "tr", "--locale", "az", "--release", SLUG],
            &["az", "tr"],
            "rendered 18 pages in 2 locales (az, tr) to",
        ),
        (
            &["-l", "ur"],
            &["ur"],
            "rendered 10 pages in 1 locale (ur) to",
        ),
        (
            &["--locale", "en"],
            &["en"],
            "rendered 10 pages in 1 locale (en) to",
        ),
    ];
    for (args, published, says) in cases {
        let said = stderr(&sample.render(args).success());
        assert!(said.contains(says), "{args:?}: {said}");
        let mut folders: Vec<String> = std::fs::read_dir(sample.out())
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name != "assets" && !name.contains('.'))
            .collect();
        folders.sort();
        assert_eq!(folders, published, "{args:?}");
        for locale in published {
            assert!(sample.out().join(format!("{locale}/{SLUG}.html")).is_file());
            assert!(sample.out().join(format!("{locale}/feed.xml")).is_file());
        }
        let chooser = std::fs::read_to_string(sample.out().join("index.html")).unwrap();
        assert!(
            chooser.contains(&format!("<html lang=\"{}\"", published[0])),
            "{args:?}: {chooser}"
        );
        assert!(sample.out().join("sitemap.xml").is_file());
    }
}

/// A tool on PATH, or `None` locally (CI installs Chromium and poppler-utils, and must have them).
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is required in CI (.ci/run installs it)"
        );
    }
    found
}

/// Runs a poppler tool on `pdf` and returns what it printed.
fn poppler(tool: &Path, args: &[&str], pdf: &Path, rest: &str) -> String {
    let mut command = std::process::Command::new(tool);
    command.args(args).arg(pdf);
    if !rest.is_empty() {
        command.arg(rest);
    }
    let output = command.output().expect("poppler runs");
    assert!(output.status.success(), "{}: {:?}", tool.display(), output);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text as compared across a PDF's text layer: no white space, no direction marks.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn pdf_of_every_release_and_locale_with_its_text_and_fonts() {
    let (Some(_chromium), Some(pdftotext), Some(pdffonts), Some(pdfinfo)) = (
        tool("chromium"),
        tool("pdftotext"),
        tool("pdffonts"),
        tool("pdfinfo"),
    ) else {
        eprintln!("skipped: needs chromium and poppler-utils");
        return;
    };
    let sample = Sample::new();
    let said = stderr(&sample.render(&["--pdf"]).success());
    assert!(said.contains("printed 4 release pages to PDF"), "{said}");
    let first = std::fs::read(sample.out().join(format!("ur/{SLUG}.pdf"))).expect("ur pdf");
    for locale in ["en", "az", "tr", "ur"] {
        let pdf = sample.out().join(format!("{locale}/{SLUG}.pdf"));
        let bytes = std::fs::read(&pdf).expect("pdf");
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(
            has(format!("/URI (https://press.embassy.example/{locale}/index.html)").as_bytes()),
            "{locale}: the PDF's links lead to the published site"
        );
        assert!(!has(b"file://"), "{locale}: a link to the scratch folder");
        let info = poppler(&pdfinfo, &[], &pdf, "");
        assert!(info.contains("(A4)"), "{locale}: {info}");
        let text = squeezed(&poppler(&pdftotext, &["-enc", "UTF-8"], &pdf, "-"));
        let ftl = std::fs::read_to_string(
            sample
                .root()
                .join(format!("locales/{locale}/releases/{SLUG}.ftl")),
        )
        .expect("ftl");
        let headline = ftl
            .lines()
            .find_map(|l| l.strip_prefix("headline = "))
            .expect("headline");
        // The page's public address is printed under the release.
        assert!(
            text.contains(&format!("press.embassy.example/{locale}/{SLUG}.html")),
            "{locale}: the page address: {text}"
        );
        if locale == "ur" {
            // Nastaliq glyphs attach across letters, and a text layer gives some of them back
            // out of order (ف of فتح after the word): most words come back whole.
            let words: Vec<&str> = headline.split_whitespace().collect();
            let found = words.iter().filter(|w| text.contains(*w)).count();
            assert!(
                found * 3 >= words.len() * 2,
                "{locale}: {found} of {} headline words in the text layer: {text}",
                words.len()
            );
            let fonts = poppler(&pdffonts, &[], &pdf, "");
            assert!(
                fonts
                    .lines()
                    .any(|l| l.contains("NotoNastaliqUrdu") && l.contains(" yes ")),
                "the Urdu PDF embeds Nastaliq: {fonts}"
            );
        } else {
            assert!(
                text.contains(&squeezed(headline)),
                "{locale}: headline not in the text layer: {text}"
            );
        }
    }
    // Printed again, the same bytes.
    sample.render(&["--pdf"]).success();
    let again = std::fs::read(sample.out().join(format!("ur/{SLUG}.pdf"))).expect("ur pdf");
    assert!(first == again, "the PDF differs between two renders");
}

#[test]
fn pdf_without_a_browser_names_what_is_missing() {
    let sample = Sample::new();
    let empty = tempfile::tempdir().expect("empty PATH folder");
    let mut command = Command::cargo_bin("beyan").expect("binary");
    let assert = command
        .current_dir(sample.root())
        .env("NO_COLOR", "1")
        .env("PATH", empty.path())
        .env_remove("BEYAN_CHROMIUM")
        .args(["render", "--pdf", "--now", NOW])
        .assert()
        .code(2);
    let said = stderr(&assert);
    assert!(said.contains("render --pdf needs Chromium"), "{said}");
    assert!(said.contains("chromium, chromium-browser"), "{said}");
    assert!(
        !sample.out().exists(),
        "nothing is written when the PDFs cannot be made"
    );
}
