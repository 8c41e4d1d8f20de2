//! The generated workspaces: deterministic, the sizes the benchmark promises, and (for the
//! large one) every diagnostic code of `beyan check` in every translated locale.

use std::collections::BTreeSet;

use bench_gen::{Archive, FileTree, LargeSpec, hugo_site, large_l10n, parse_floor};
use beyan_content::Workspace;
use beyan_l10n::{CheckOptions, Code, Lockfile, Severity, check};

fn small() -> LargeSpec {
    LargeSpec {
        ui_files: 24,
        entries_per_file: 40,
        releases: 2,
        defects_per_code: 2,
        ..LargeSpec::default()
    }
}

fn read_back(dir: &std::path::Path) -> std::io::Result<FileTree> {
    let mut tree = FileTree::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).map_err(std::io::Error::other)?;
                let rel = rel.to_string_lossy().replace('\\', "/");
                tree.insert(rel, std::fs::read(&path)?);
            }
        }
    }
    Ok(tree)
}

#[test]
fn same_seed_gives_byte_identical_files_on_disk() {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for dir in &dirs {
        large_l10n::generate(&small())
            .write(&dir.path().join("ws"))
            .unwrap();
    }
    let first = read_back(&dirs[0].path().join("ws")).unwrap();
    assert_eq!(first, read_back(&dirs[1].path().join("ws")).unwrap());
    assert!(first.files.len() > 4 * 24);

    let other = large_l10n::generate(&LargeSpec { seed: 1, ..small() });
    assert_ne!(first, other, "the seed must matter");

    assert_eq!(
        Archive::generate(5, 30).workspace(),
        Archive::generate(5, 30).workspace()
    );
    assert_ne!(
        Archive::generate(5, 30).workspace(),
        Archive::generate(6, 30).workspace()
    );
    assert_eq!(
        hugo_site(&Archive::generate(5, 3)),
        hugo_site(&Archive::generate(5, 3))
    );
}

#[test]
fn large_workspace_has_the_promised_size() {
    let tree = large_l10n::generate(&LargeSpec::default());
    let reference: Vec<(&String, &Vec<u8>)> = tree
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("locales/en/"))
        .collect();
    // 220 shared files (brand included), 2 product-shaped ones, 10 releases.
    assert_eq!(reference.len(), 232);
    let bytes: usize = reference.iter().map(|(_, b)| b.len()).sum();
    assert!((850_000..1_100_000).contains(&bytes), "{bytes} bytes");
    let (mut entries, mut attributes) = (0, 0);
    for (_, text) in &reference {
        let text = std::str::from_utf8(text).unwrap();
        let resource = fluent_syntax::parser::parse(text).unwrap();
        for entry in resource.body {
            match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    entries += 1;
                    attributes += m.attributes.len();
                }
                fluent_syntax::ast::Entry::Term(t) => {
                    entries += 1;
                    attributes += t.attributes.len();
                }
                _ => {}
            }
        }
    }
    assert!((10_500..11_500).contains(&entries), "{entries} entries");
    assert!(
        (4_700..5_300).contains(&attributes),
        "{attributes} attributes"
    );
    let config = std::str::from_utf8(tree.get("l10n.toml").unwrap()).unwrap();
    assert!(config.contains("reference = \"locales/en/**\""));
    assert!(config.contains("l10n = \"locales/{locale}/**\""));
}

#[test]
fn large_workspace_seeds_every_diagnostic_in_every_translated_locale() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    large_l10n::generate(&small()).write(&root).unwrap();
    let workspace = Workspace::load(&root).unwrap();
    let lock = Lockfile::load(&root).unwrap().expect("a beyan.lock");
    let report = check(
        &workspace,
        &CheckOptions {
            lock: Some(&lock),
            ..CheckOptions::default()
        },
    );
    // The reference's only defect is its own: `shared-label` in two files. The translations
    // mirror it and are not blamed.
    let reference: Vec<(&str, Option<&str>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.locale == "en")
        .map(|d| (d.code.as_str(), d.id.as_deref()))
        .collect();
    assert_eq!(reference, [("duplicate-id", Some("shared-label"))]);
    let all: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for locale in ["az", "tr", "ur"] {
        let found: BTreeSet<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.locale == locale)
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(found, all, "{locale}");
    }
    let percent: Vec<f64> = report.locales.iter().map(|l| l.percent()).collect();
    assert!(
        percent[0] > percent[1] && percent[1] > percent[2],
        "{percent:?}"
    );
    assert!(percent[2] > 55.0 && percent[0] < 97.0, "{percent:?}");
}

#[test]
fn archive_is_complete_and_clean_in_every_locale() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    Archive::generate(11, 25).workspace().write(&root).unwrap();
    let workspace = Workspace::load(&root).unwrap();
    assert_eq!(workspace.releases.len(), 25);
    assert!(workspace.releases.iter().any(|r| r.number.is_some()));
    let report = check(&workspace, &CheckOptions::default());
    let problems: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error || d.code != Code::SameAsSource)
        .map(|d| format!("{} {} {}", d.code.as_str(), d.file, d.message))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(report.locales.iter().all(|l| l.complete));

    let count = parse_floor(&root).unwrap();
    assert_eq!(count.files, 4 * 26);
    assert_eq!(count.junk, 0);
}

#[test]
fn hugo_site_has_a_page_per_release_per_language() {
    let archive = Archive::generate(11, 4);
    let site = hugo_site(&archive);
    let pages = site
        .files
        .keys()
        .filter(|p| p.contains("/releases/") && p.ends_with(".md"))
        .count();
    assert_eq!(pages, 16);
    let slug = &archive.releases[0].slug;
    let urdu =
        std::str::from_utf8(site.get(&format!("content/ur/releases/{slug}.md")).unwrap()).unwrap();
    assert!(urdu.contains("dateline = \""), "{urdu}");
    let i18n = std::str::from_utf8(site.get("i18n/tr.toml").unwrap()).unwrap();
    assert!(i18n.contains("[boilerplate]"), "{i18n}");
    assert!(
        !i18n.contains("other = \"boilerplate\""),
        "labels are resolved: {i18n}"
    );
    assert!(
        std::str::from_utf8(site.get("config.toml").unwrap())
            .unwrap()
            .contains("languageDirection = \"rtl\"")
    );
}

/// The entries of every `.ftl` file of a generated tree, by (locale, file, id): the source
/// text of each definition of the id.
fn entries_of(
    tree: &FileTree,
) -> std::collections::BTreeMap<(String, String, String), Vec<String>> {
    let mut out = std::collections::BTreeMap::new();
    for (path, bytes) in &tree.files {
        let Some(rest) = path.strip_prefix("locales/") else {
            continue;
        };
        let Some((locale, rel)) = rest.split_once('/') else {
            continue;
        };
        let code = beyan_content::Locale::parse(locale).expect("a locale code");
        let file = beyan_l10n::FtlFile::parse(&code, rel.to_owned(), bytes);
        for entry in &file.entries {
            out.entry((locale.to_owned(), rel.to_owned(), entry.id.to_string()))
                .or_insert_with(Vec::new)
                .push(file.source.text[entry.start..entry.end].to_owned());
        }
    }
    out
}

/// A product-shaped workspace (attributes naming their message, ids duplicated across
/// reference files, terms in their own file, selects with markup): complete locales pass
/// without one diagnostic of their own; with defects seeded, every code is found (recall) and
/// every diagnostic of a translation points at something the seeding changed (precision).
#[test]
fn product_shaped_workspace_precision_and_recall() {
    let complete_spec = LargeSpec {
        complete: true,
        ..small()
    };
    let complete_tree = large_l10n::generate(&complete_spec);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("complete");
    complete_tree.write(&root).unwrap();
    let workspace = Workspace::load(&root).unwrap();
    let lock = Lockfile::load(&root).unwrap().expect("a beyan.lock");
    let report = check(
        &workspace,
        &CheckOptions {
            lock: Some(&lock),
            ..CheckOptions::default()
        },
    );
    let own: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.locale != "en")
        .collect();
    assert!(
        own.is_empty(),
        "false positives on complete locales: {own:#?}"
    );
    assert!(report.locales.iter().all(|l| l.complete));

    // The structural seeds alone: content seeds are measured by their own test.
    let seeded_tree = large_l10n::generate(&LargeSpec {
        content_defects: false,
        ..small()
    });
    let root = dir.path().join("seeded");
    seeded_tree.write(&root).unwrap();
    let workspace = Workspace::load(&root).unwrap();
    let lock = Lockfile::load(&root).unwrap().expect("a beyan.lock");
    let report = check(
        &workspace,
        &CheckOptions {
            lock: Some(&lock),
            ..CheckOptions::default()
        },
    );
    let before = entries_of(&complete_tree);
    let after = entries_of(&seeded_tree);
    let changed_files: BTreeSet<&String> = seeded_tree
        .files
        .iter()
        .filter(|(path, bytes)| complete_tree.get(path) != Some(bytes.as_slice()))
        .map(|(path, _)| path)
        .collect();
    let (mut true_positives, mut total) = (0, 0);
    let mut false_positives = Vec::new();
    for d in report.diagnostics.iter().filter(|d| d.locale != "en") {
        total += 1;
        let rel = d
            .file
            .strip_prefix(&format!("locales/{}/", d.locale))
            .unwrap_or(&d.file);
        let id = d.id.as_deref().map(|id| id.split('.').next().unwrap_or(id));
        let key = |id: &str| (d.locale.clone(), rel.to_owned(), id.to_owned());
        let explained = match id {
            // Stale records are seeded in the lock, not in the files.
            _ if d.code == Code::StaleTranslation => true,
            Some(id) => before.get(&key(id)) != after.get(&key(id)),
            None => changed_files.contains(&d.file),
        };
        if explained {
            true_positives += 1;
        } else {
            false_positives.push(d);
        }
    }
    let precision = true_positives as f64 / total.max(1) as f64;
    let mut recall_found = 0;
    let mut recall_total = 0;
    for locale in ["az", "tr", "ur"] {
        let found: BTreeSet<Code> = report
            .diagnostics
            .iter()
            .filter(|d| d.locale == locale)
            .map(|d| d.code)
            .collect();
        // The structural codes: the content codes have their seeds and test of their own.
        let seeded = Code::ALL
            .iter()
            .filter(|c| !bench_gen::precision::CONTENT_CODES.contains(&c.as_str()));
        for code in seeded {
            recall_total += 1;
            recall_found += usize::from(found.contains(code));
        }
    }
    let recall = recall_found as f64 / recall_total as f64;
    eprintln!(
        "precision {precision:.4} ({true_positives}/{total}), code recall {recall:.4} ({recall_found}/{recall_total})"
    );
    assert!(false_positives.is_empty(), "{false_positives:#?}");
    assert_eq!(recall_found, recall_total);
}

#[test]
fn content_checks_find_the_seeds_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    // The content seeds alone: structural defects (a changed variable, a dropped message) are
    // measured by the product-shaped test.
    let spec = LargeSpec {
        defects_per_code: 4,
        structural_defects: false,
        ..small()
    };
    let (tree, seeds) = large_l10n::generate_with_seeds(&spec);
    tree.write(&root).unwrap();
    let workspace = Workspace::load(&root).unwrap();
    let report = check(&workspace, &CheckOptions::default());
    for score in bench_gen::precision::score(&seeds, &report.diagnostics) {
        assert!(score.seeded >= 3, "{score:?}");
        if score.found != score.seeded {
            for seed in seeds.iter().filter(|s| s.code == score.code) {
                let hit = report.diagnostics.iter().any(|d| {
                    d.code.as_str() == seed.code
                        && d.locale == seed.locale
                        && d.id.as_deref() == Some(seed.id.as_str())
                });
                if !hit {
                    eprintln!("missed {seed:?}");
                }
            }
        }
        assert_eq!(score.found, score.seeded, "{score:?}");
        assert!(score.false_positives.is_empty(), "{score:?}");
    }
}

/// The benchmark's own workspace, every defect seeded: the content checks find each of their
/// seeds and nothing else, whatever the structural seeds do to the same messages (a
/// `too-many-placeables` seed on a message with a `max-length`, an emphasis unwrapped between
/// two equal words, a `[few]` variant the locale never selects once made false positives).
#[test]
fn the_full_workspace_has_no_content_false_positive() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let (tree, seeds) = large_l10n::generate_with_seeds(&LargeSpec::default());
    tree.write(&root).unwrap();
    let workspace = Workspace::load(&root).unwrap();
    let report = check(&workspace, &CheckOptions::default());
    for score in bench_gen::precision::score(&seeds, &report.diagnostics) {
        assert_eq!(score.found, score.seeded, "{score:?}");
        assert!(score.false_positives.is_empty(), "{score:?}");
    }
}
