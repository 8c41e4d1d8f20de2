//! Fuzzing in `cargo test`: generated and mutated input for the three readers of untrusted
//! text (the `.ftl` pipeline — parse, check, bundle, format —, `beyan.lock`, and the TOML
//! configuration). Whatever the input, nothing may panic, abort or overflow the stack.
//!
//! A small, fixed budget runs with the tests; a longer campaign is the same test with more
//! cases: `BEYAN_FUZZ_CASES=20000 BEYAN_FUZZ_SEED=7 cargo test --release -p beyan-l10n --test
//! fuzz`. A failing input is written to `target/fuzz-failures/` before the test fails.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use beyan_content::{Config, Locale, Release, Slug, Workspace};
use beyan_l10n::{BundleBuilder, BundleOptions, CheckOptions, EntryKind, Lockfile, check};

/// xorshift64*: deterministic, seedable, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn budget() -> (usize, u64) {
    let cases = std::env::var("BEYAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let seed = std::env::var("BEYAN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    (cases, seed)
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_text(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_default()
}

/// Fluent's tokens, and what has broken parsers before: deep nesting, escapes of characters no
/// format carries, bidi controls, CRLF, a BOM, huge numbers, unclosed braces.
const FTL_TOKENS: &[&str] = &[
    "msg",
    "-term",
    "card",
    "headline",
    " = ",
    "=",
    "\n",
    "\r\n",
    "    ",
    "  .attr = ",
    ".aria-label = ",
    "{ ",
    " }",
    "{",
    "}",
    "$n",
    "$type",
    "{ $n }",
    "{ -term }",
    "{ card }",
    "{ card.attr }",
    "{ NUMBER($n) }",
    "{ DATETIME($d, month: \"long\") }",
    "{ \"\\u0000\" }",
    "{ \"\\uFFFF\" }",
    "{ $n ->\n",
    "[one] one\n",
    "[few] few\n",
    "*[other] many\n",
    "}\n",
    "# comment\n",
    "## group\n",
    "### file\n",
    "\u{FEFF}",
    "\u{202E}",
    "\u{2068}",
    "\u{1}",
    "[link](https://x.example)",
    "*em*",
    "**strong**",
    "<span>",
    "</span>",
    "Ölkə İstanbul ıi",
    "اردو ۲۰۲۵",
    "99999999999999999999",
    "{{{{{{{{",
    "}}}}}}}}",
    "\\",
    "\"",
    "-",
    "[",
    "]",
    "*",
    ".",
    " ",
    "\t",
];

const LOCK_TOKENS: &[&str] = &[
    "version = 1\n",
    "version = 2\n",
    "[az.\"common.ftl\"]\n",
    "[az.\"a\\",
    "[tr.\"releases/x.ftl\"]\n",
    "headline = { reference = \"",
    "\", translation = \"",
    "\" }\n",
    "0123456789abcdef",
    "\\u0000",
    "\"",
    "{",
    "}",
    "=",
    "\n",
    "#",
    "[",
    "]",
    ".",
    " ",
    "\u{FFFD}",
    "é",
];

const TOML_TOKENS: &[&str] = &[
    "[locales]\n",
    "reference = \"en\"\n",
    "required = [\"az\", \"tr\"]\n",
    "optional = [\"en-XA\", \"assets\"]\n",
    "[site]\n",
    "base-url = \"https://x.example/#f\"\n",
    "[contact]\n",
    "name = \"<b>\\u0001</b>\"\n",
    "email = \"a@b.c\"\n",
    "phone = \"+1\"\n",
    "[check.severity]\n",
    "same-as-source = \"off\"\n",
    "date = 2025-11-08\n",
    "embargo = 2025-11-08T09:00:00+05:00\n",
    "embargo = 2025-11-08\n",
    "number = \"1/25\"\n",
    "\"",
    "[",
    "]",
    "=",
    "\n",
    "x",
    "{",
    "}",
    "\\u0000",
    "é",
];

/// A text built from `tokens`, or `seed` mutated: bytes flipped, inserted, removed, slices
/// repeated, tokens spliced in.
fn generate(rng: &mut Rng, tokens: &[&str], seed: &str) -> Vec<u8> {
    if seed.is_empty() || rng.below(3) == 0 {
        let mut out = Vec::new();
        for _ in 0..rng.below(60) {
            out.extend_from_slice(rng.pick(tokens).as_bytes());
        }
        return out;
    }
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..=rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if at < bytes.len() => bytes[at] = rng.next() as u8,
            1 => {
                let token = rng.pick(tokens).as_bytes().to_vec();
                bytes.splice(at..at, token);
            }
            2 if at < bytes.len() => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 if at < bytes.len() => {
                let end = (at + rng.below(20)).min(bytes.len());
                let slice = bytes[at..end].repeat(rng.below(50));
                bytes.splice(at..at, slice);
            }
            _ => bytes.insert(at.min(bytes.len()), b"{}\n$-.[]*"[rng.below(9)]),
        }
    }
    bytes
}

/// Runs `body` on `input`; a panic saves the input and fails the test with its path.
fn guarded(target: &str, case: usize, input: &[u8], body: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(body)).is_err() {
        let dir = repo().join("target/fuzz-failures");
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("{target}-{case}.bin"));
        let _ = std::fs::write(&path, input);
        panic!(
            "{target}: case {case} panicked; input saved to {}",
            path.display()
        );
    }
}

#[test]
fn ftl_pipeline_never_panics() {
    let (cases, seed) = budget();
    let mut rng = Rng(seed | 1);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let config = "[locales]\nreference = \"en\"\nrequired = [\"az\"]\n";
    std::fs::create_dir_all(root.join("locales/en/releases")).expect("mkdir");
    std::fs::create_dir_all(root.join("locales/az/releases")).expect("mkdir");
    std::fs::write(root.join("beyan.toml"), config).expect("config");
    let seeds = [
        seed_text("locales/en/common.ftl"),
        seed_text("locales/az/releases/2025-11-08-victory-day.ftl"),
        seed_text("locales/ur/common.ftl"),
    ];
    let az = Locale::parse("az").expect("az");
    for case in 0..cases {
        let (r, t) = (rng.below(seeds.len()), rng.below(seeds.len()));
        let reference = generate(&mut rng, FTL_TOKENS, &seeds[r]);
        let translation = generate(&mut rng, FTL_TOKENS, &seeds[t]);
        let lock = generate(&mut rng, LOCK_TOKENS, "");
        std::fs::write(root.join("locales/en/common.ftl"), &reference).expect("write");
        std::fs::write(root.join("locales/az/common.ftl"), &translation).expect("write");
        let mut input = reference.clone();
        input.extend_from_slice(b"\n=====\n");
        input.extend_from_slice(&translation);
        guarded("ftl", case, &input, || {
            let workspace = Workspace::load(root).expect("the fixed config loads");
            let lock = Lockfile::parse("beyan.lock", &String::from_utf8_lossy(&lock)).ok();
            let report = check(
                &workspace,
                &CheckOptions {
                    lock: lock.as_ref(),
                    ..CheckOptions::default()
                },
            );
            assert!(!report.locales.is_empty());
            let catalog = beyan_l10n::load_catalog(root, &az);
            let builder = BundleBuilder::new(&catalog, &az, BundleOptions::default());
            if let Ok(bundle) = builder.release(None) {
                for entry in catalog.files.iter().flat_map(|f| &f.entries) {
                    if entry.kind == EntryKind::Message {
                        let _ = bundle.format(&entry.id, None);
                    }
                }
            }
        });
    }
}

#[test]
fn lock_reader_never_panics() {
    let (cases, seed) = budget();
    let mut rng = Rng((seed ^ 0x10c) | 1);
    let sample = seed_text("beyan.lock");
    for case in 0..cases * 4 {
        let input = generate(&mut rng, LOCK_TOKENS, &sample);
        guarded("lock", case, &input, || {
            let _ = Lockfile::parse("beyan.lock", &String::from_utf8_lossy(&input));
        });
    }
    // The panic of the issue: a header cut after a backslash.
    assert!(Lockfile::parse("beyan.lock", "version = 1\n[az.\"a\\").is_err());
}

#[test]
fn configuration_readers_never_panic() {
    let (cases, seed) = budget();
    let mut rng = Rng((seed ^ 0xc0f) | 1);
    let config = seed_text("beyan.toml");
    let release = seed_text("releases/2025-11-08-victory-day.toml");
    let slug = Slug::parse("2025-11-08-victory-day").expect("slug");
    for case in 0..cases * 4 {
        let input = generate(
            &mut rng,
            TOML_TOKENS,
            if case % 2 == 0 { &config } else { &release },
        );
        let text = String::from_utf8_lossy(&input).into_owned();
        guarded("toml", case, &input, || {
            let _ = Config::parse("beyan.toml", &text);
            let _ = Release::parse(slug.clone(), "releases/x.toml", &text);
        });
    }
}

/// Inputs that once crashed a reader, found by the campaigns above.
#[test]
fn known_crashers_stay_fixed() {
    let az = Locale::parse("az").expect("az");
    // fluent-syntax sliced inside `é` after a short `\u` escape (campaign seed 11, case 13735;
    // here as decoded text and as the invalid byte the decoder replaces).
    for bytes in [&b"r={\"\\u\xfa"[..], "r = { \"\\u\u{e9}\" }\n".as_bytes()] {
        let file = beyan_l10n::FtlFile::parse(&az, "common.ftl".into(), bytes);
        let found: Vec<&str> = file
            .syntax_errors
            .iter()
            .map(|e| e.message.as_str())
            .collect();
        assert!(
            found.iter().any(|m| m.contains("unicode escape")),
            "{found:?}"
        );
    }
}
