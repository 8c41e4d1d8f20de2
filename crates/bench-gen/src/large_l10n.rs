//! The *large l10n* workspace: a product-sized set of Fluent files (≈230 per locale, ≈11,000
//! messages and terms, ≈5,000 attributes in the reference), az/tr/ur partially translated and
//! seeded with defects of every diagnostic code of `beyan check`, a `beyan.lock` with a few
//! stale records, and a compare-locales `l10n.toml` for the same files.

use std::collections::{BTreeMap, HashSet};

use beyan_content::Locale;
use beyan_l10n::{FtlFile, LockEntry, Lockfile, content_hash};

use crate::file_tree::FileTree;
use crate::ftl_item::{FtlEntry, Item, Pattern, Piece, english, write_entry, write_items};
use crate::release_text::{ReleaseText, words};
use crate::rng::Rng;
use crate::vocabulary::{EN, LOCALES, WORDS};

/// The size and seed of a generated workspace. [`LargeSpec::default`] is the benchmark's.
#[derive(Debug, Clone)]
pub struct LargeSpec {
    pub seed: u64,
    /// Shared (non-release) files per locale, the brand file included.
    pub ui_files: usize,
    /// Average messages per shared file.
    pub entries_per_file: usize,
    pub releases: usize,
    /// How many times each kind of defect is seeded in each translated locale.
    pub defects_per_code: usize,
    /// Every translated locale complete and without a seeded defect (nothing stale either).
    pub complete: bool,
    /// Seed the structural defects (one per code of issue 10's gate).
    pub structural_defects: bool,
    /// Seed the content defects (numbers, URLs, punctuation, glossary…), recorded as seeds.
    pub content_defects: bool,
}

impl Default for LargeSpec {
    fn default() -> Self {
        Self {
            seed: 20_251_108,
            ui_files: 220,
            entries_per_file: 50,
            releases: 10,
            defects_per_code: 6,
            complete: false,
            structural_defects: true,
            content_defects: true,
        }
    }
}

/// Share of the reference's messages present in each translated locale, and how many whole
/// shared files that locale has not started.
const COVERAGE: [(f64, usize); 3] = [(0.92, 0), (0.85, 2), (0.70, 6)];

/// Brand names: the same in every language, and allow-listed for `same-as-source`.
const BRAND_TERMS: [(&str, &str); 4] = [
    ("-brand-short-name", "Beyan"),
    ("-brand-full-name", "Beyan Press Desk"),
    ("-brand-product-name", "Beyan Publisher"),
    ("-vendor-short-name", "Embassy Digital Services"),
];

const FOLDERS: [&str; 12] = [
    "browser",
    "settings",
    "editor",
    "dashboard",
    "accounts",
    "newsroom",
    "reports",
    "help",
    "toolkit",
    "devtools",
    "mail",
    "calendar",
];

const STRING_VARIABLES: [&str; 5] = ["name", "user", "file", "domain", "title"];
const NUMBER_VARIABLES: [&str; 3] = ["size", "total", "percent"];
const DATE_VARIABLES: [&str; 2] = ["date", "updated"];
const VALUE_ATTRIBUTES: [&str; 4] = ["title", "placeholder", "aria-label", "tooltiptext"];

/// One generated `.ftl` file of one locale.
#[derive(Debug, Clone)]
struct GenFile {
    /// Relative to the locale folder.
    rel: String,
    items: Vec<Item>,
    /// Shared files other than the brand file take defects; release files stay clean.
    takes_defects: bool,
}

/// One seeded defect: the diagnostic code it should produce, the locale and the message id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seed {
    pub code: &'static str,
    pub locale: &'static str,
    pub id: String,
}

/// Glossary terms of the generated workspace: English words of the vocabulary, rendered by the
/// vocabulary's own translations (which every translated message uses, so only a seeded
/// defect drops one).
const GLOSSARY_TERMS: [&str; 3] = ["embassy", "archive", "calendar"];

/// Generates the whole workspace in memory.
pub fn generate(spec: &LargeSpec) -> FileTree {
    generate_with_seeds(spec).0
}

/// Generates the workspace and says which content defects were seeded where (for measuring
/// the content checks' recall and precision).
pub fn generate_with_seeds(spec: &LargeSpec) -> (FileTree, Vec<Seed>) {
    let rng = Rng::new(spec.seed);
    let (mut reference, releases) = reference_files(spec, &mut rng.fork(1));
    add_content_facts(&mut reference);
    let mut tree = FileTree::default();
    let mut translated = Vec::new();
    let mut seeds = Vec::new();
    for (target, &(coverage, dropped)) in COVERAGE.iter().enumerate() {
        let lang = target + 1;
        let mut trng = rng.fork(100 + lang as u64);
        let (coverage, dropped) = if spec.complete {
            (1.0, 0)
        } else {
            (coverage, dropped.min(spec.ui_files / 10))
        };
        let mut files = translate(&reference, coverage, dropped, &mut trng);
        if !spec.complete && spec.structural_defects {
            seed_defects(&mut files, lang, spec.defects_per_code, &mut trng);
        }
        if !spec.complete && spec.content_defects {
            seeds.extend(seed_content_defects(
                &mut files,
                lang,
                spec.defects_per_code,
                &mut rng.fork(200 + lang as u64),
            ));
        }
        translated.push(files);
    }

    for file in &reference {
        tree.insert(
            format!("locales/en/{}", file.rel),
            write_items(&file.items, EN),
        );
    }
    for (target, files) in translated.iter().enumerate() {
        let lang = target + 1;
        for file in files {
            tree.insert(
                format!("locales/{}/{}", LOCALES[lang], file.rel),
                write_items(&file.items, lang),
            );
        }
    }
    for (slug, date) in &releases {
        tree.insert(
            format!("releases/{slug}.toml"),
            format!("# Synthetic release of the benchmark workspace.\ndate = {date}\n"),
        );
    }
    tree.insert("beyan.toml", config(spec.seed));
    tree.insert("glossary.toml", glossary());
    tree.insert("l10n.toml", compare_locales_config());
    let stale = if spec.complete {
        0
    } else {
        spec.defects_per_code
    };
    let lock = lockfile(&tree, stale, &mut rng.fork(3));
    tree.insert("beyan.lock", lock.to_text());
    (tree, seeds)
}

fn glossary() -> String {
    let mut out = String::from("# Glossary of the synthetic workspace.\n");
    for term in GLOSSARY_TERMS {
        let Some(words) = WORDS.iter().find(|w| w[EN] == term) else {
            continue;
        };
        out.push_str("\n[[term]]\n");
        for (lang, locale) in LOCALES.iter().enumerate() {
            out.push_str(&format!("{locale} = \"{}\"\n", words[lang]));
        }
    }
    out
}

/// Facts that a translation must carry unchanged, added to the reference without drawing from
/// the generator's random numbers (so the rest of the workspace stays as it was): a year, a
/// URL or an e-mail address in some messages, a `# max-length` comment on others.
fn add_content_facts(reference: &mut [GenFile]) {
    let mut n = 0usize;
    for file in reference.iter_mut().filter(|f| f.takes_defects) {
        for item in &mut file.items {
            let Item::Entry(entry) = item else { continue };
            if entry.id.starts_with('-') || !is_simple(entry) {
                continue;
            }
            n += 1;
            let fact = match n % 20 {
                3 => Some(Piece::Literal(format!("{}", 2000 + n % 26))),
                7 => Some(Piece::Literal(format!(
                    "https://press.embassy.example/notes/{n}"
                ))),
                11 => Some(Piece::Literal(format!("desk{n}@embassy.example"))),
                15 => {
                    entry.comment.push("max-length: 80".into());
                    None
                }
                _ => None,
            };
            if let Some(fact) = fact {
                push_piece(entry, fact);
            }
        }
    }
}

/// Seeds one defect of each content code `count` times in the translated `files` of `lang`,
/// on messages that no structural defect touched.
fn seed_content_defects(
    files: &mut [GenFile],
    lang: usize,
    count: usize,
    rng: &mut Rng,
) -> Vec<Seed> {
    let locale = LOCALES[lang];
    let mut used: HashSet<(usize, usize)> = HashSet::new();
    // Messages touched by the structural defects are left alone: duplicated ids, obsolete
    // messages, pasted English, references, bidi controls, unknown variables, changed links.
    let mut seen = HashSet::new();
    let duplicated: HashSet<String> = files
        .iter()
        .flat_map(|f| &f.items)
        .filter_map(|item| match item {
            Item::Entry(e) if !seen.insert(e.id.clone()) => Some(e.id.clone()),
            _ => None,
        })
        .collect();
    let untouched = |e: &FtlEntry| {
        e.lang_override.is_none()
            && !duplicated.contains(&e.id)
            && !e.id.contains("-legacy-")
            && !e.pieces().any(|p| {
                matches!(p, Piece::MessageRef(_) | Piece::TermRef(_))
                    || matches!(p, Piece::Literal(t) if t.contains('\u{2068}'))
                    || matches!(p, Piece::Variable("username"))
                    || matches!(p, Piece::Link { url, .. } if url.ends_with("-old"))
            })
    };
    let mut seeds = Vec::new();
    let mut seeded = |code: &'static str, files: &mut [GenFile], at: (usize, usize)| {
        seeds.push(Seed {
            code,
            locale,
            id: entry_at(files, at).id.clone(),
        });
    };
    let literal = |needle: &'static str| {
        move |e: &FtlEntry| {
            e.pieces()
                .any(|p| matches!(p, Piece::Literal(t) if t.contains(needle)))
        }
    };
    let simple = |e: &FtlEntry| is_simple(e) && untouched(e);
    let words_of = |e: &FtlEntry| match &e.value {
        Some(Pattern::Line(p)) => p.iter().find_map(|p| match p {
            Piece::Words(w) if w.len() >= 2 => Some(w.len()),
            _ => None,
        }),
        _ => None,
    };

    // number-mismatch: a year changed (or added where the reference has none).
    let plain = |e: &FtlEntry| untouched(e) && e.attributes.is_empty();
    let year = |e: &FtlEntry| {
        e.pieces().any(|p| {
            matches!(p, Piece::Literal(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    for at in targets(files, &mut used, rng, count, |e| plain(e) && year(e)) {
        for piece in entry_at(files, at)
            .value
            .iter_mut()
            .flat_map(|v| v.pieces_mut())
            .flatten()
        {
            if let Piece::Literal(text) = piece
                && text.bytes().all(|b| b.is_ascii_digit())
            {
                *text = text.replace("20", "19");
            }
        }
        seeded("number-mismatch", files, at);
    }
    for at in targets(files, &mut used, rng, count, |e| {
        simple(e) && words_of(e).is_some()
    }) {
        push_piece(entry_at(files, at), Piece::Literal("12".into()));
        seeded("number-mismatch", files, at);
    }
    // url-mismatch and email-mismatch: the address changed.
    for at in targets(files, &mut used, rng, count, |e| {
        untouched(e) && literal("https://")(e)
    }) {
        for piece in entry_at(files, at)
            .value
            .iter_mut()
            .flat_map(|v| v.pieces_mut())
            .flatten()
        {
            if let Piece::Literal(text) = piece {
                *text = text.replace("press.", "old.");
            }
        }
        seeded("url-mismatch", files, at);
    }
    for at in targets(files, &mut used, rng, count, |e| {
        untouched(e) && literal("@")(e)
    }) {
        for piece in entry_at(files, at)
            .value
            .iter_mut()
            .flat_map(|v| v.pieces_mut())
            .flatten()
        {
            if let Piece::Literal(text) = piece {
                *text = text.replace("desk", "info");
            }
        }
        seeded("email-mismatch", files, at);
    }
    // punctuation-mismatch: the last sentence of a paragraph left without its full stop.
    let wrapped = |e: &FtlEntry| {
        untouched(e) && e.attributes.is_empty() && matches!(e.value, Some(Pattern::Wrapped { .. }))
    };
    for at in targets(files, &mut used, rng, count, wrapped) {
        if let Some(Piece::Sentence { stop, .. }) = entry_at(files, at)
            .value
            .as_mut()
            .and_then(Pattern::pieces_mut)
            .and_then(|p| p.last_mut())
        {
            *stop = false;
        }
        seeded("punctuation-mismatch", files, at);
    }
    // whitespace: a space typed twice between two words.
    for at in targets(files, &mut used, rng, count, |e| {
        simple(e) && words_of(e).is_some()
    }) {
        if let Some(pieces) = entry_at(files, at)
            .value
            .as_mut()
            .and_then(Pattern::pieces_mut)
            && let Some(Piece::Words(w)) = pieces.first().cloned()
        {
            pieces[0] = Piece::Words(w[..1].to_vec());
            pieces.insert(1, Piece::Literal(" ".into()));
            pieces.insert(2, Piece::Words(w[1..].to_vec()));
        }
        seeded("whitespace", files, at);
    }
    // repeated-word: the first word typed twice (a word of one word in this language: a
    // doubled phrase such as "nümayəndə heyəti nümayəndə heyəti" is no repeated word).
    let one_word_first = |e: &FtlEntry| match &e.value {
        Some(Pattern::Line(p)) => matches!(
            p.first(),
            Some(Piece::Words(w)) if WORDS.get(w[0]).is_some_and(|t| !t[lang].contains(' '))
        ),
        _ => false,
    };
    for at in targets(files, &mut used, rng, count, |e| {
        simple(e) && words_of(e).is_some() && one_word_first(e)
    }) {
        if let Some(Piece::Words(w)) = entry_at(files, at)
            .value
            .as_mut()
            .and_then(Pattern::pieces_mut)
            .and_then(|p| p.first_mut())
        {
            w.insert(1, w[0]);
        }
        seeded("repeated-word", files, at);
    }
    // too-long: a message with a `# max-length` that the translation overruns.
    let limited = |e: &FtlEntry| plain(e) && e.comment.iter().any(|c| c.contains("max-length"));
    for at in targets(files, &mut used, rng, count, limited) {
        let long: Vec<usize> = (0..20).map(|i| (i * 7) % WORDS.len()).collect();
        push_piece(entry_at(files, at), Piece::Words(long));
        seeded("too-long", files, at);
    }
    // glossary: a term's rendering replaced by another word.
    let terms: Vec<usize> = GLOSSARY_TERMS
        .iter()
        .filter_map(|t| WORDS.iter().position(|w| w[EN] == *t))
        .collect();
    let has_term = |e: &FtlEntry| {
        untouched(e)
            && e.attributes.is_empty()
            && !matches!(e.value, Some(Pattern::Plural { .. }))
            && e.pieces().any(|p| matches!(p, Piece::Words(w) | Piece::Sentence { words: w, .. } if w.iter().any(|i| terms.contains(i))))
    };
    for at in targets(files, &mut used, rng, count, has_term) {
        let replacement = WORDS.iter().position(|w| w[EN] == "button").unwrap_or(0);
        for piece in entry_at(files, at)
            .value
            .iter_mut()
            .flat_map(|v| v.pieces_mut())
            .flatten()
        {
            if let Piece::Words(w) | Piece::Sentence { words: w, .. } = piece {
                for i in 0..w.len() {
                    if !terms.contains(&w[i]) {
                        continue;
                    }
                    // Another word, which neither repeats a neighbour nor is a term itself.
                    let mut word = replacement;
                    let clashes = |word: usize| {
                        terms.contains(&word)
                            || (i > 0 && crate::release_text::repeats(w[i - 1], word))
                            || w.get(i + 1)
                                .is_some_and(|&next| crate::release_text::repeats(word, next))
                    };
                    while clashes(word) {
                        word = (word + 1) % WORDS.len();
                    }
                    w[i] = word;
                }
            }
        }
        seeded("glossary", files, at);
    }
    // invalid-suppression: a `beyan-ignore` without a reason.
    for at in targets(files, &mut used, rng, count, simple) {
        entry_at(files, at)
            .comment
            .push("beyan-ignore: too-long".into());
        seeded("invalid-suppression", files, at);
    }
    seeds
}

fn config(seed: u64) -> String {
    let allow: Vec<String> = BRAND_TERMS
        .iter()
        .map(|(id, _)| format!("\"{id}\""))
        .collect();
    format!(
        "# Synthetic large workspace for benchmarks, made by `bench-gen large-l10n` (seed {seed}).\n\
         # Regenerate it rather than editing it.\n\n\
         [locales]\nreference = \"en\"\nrequired = [\"az\", \"tr\", \"ur\"]\noptional = []\n\n\
         [site]\nbase-url = \"https://press.embassy.example\"\n\n\
         [check]\n# Brand names are the same in every language.\nsame-as-source-allow = [{}]\n",
        allow.join(", ")
    )
}

/// compare-locales 9 project configuration for the same files.
fn compare_locales_config() -> String {
    "# compare-locales configuration for the same files as beyan.toml:\n\
     #   compare-locales l10n.toml . az tr ur\n\
     basepath = \".\"\n\
     locales = [\"az\", \"tr\", \"ur\"]\n\n\
     [[paths]]\n    reference = \"locales/en/**\"\n    l10n = \"locales/{locale}/**\"\n"
        .to_owned()
}

/// Ids in use across the shared scope, and what later entries may refer to.
#[derive(Default)]
struct Scope {
    ids: HashSet<String>,
    messages_with_value: Vec<String>,
    terms: Vec<String>,
}

impl Scope {
    fn fresh_id(&mut self, rng: &mut Rng, prefix: &str) -> String {
        let base = if rng.chance(0.7) {
            format!("{prefix}-{}", WORDS[rng.below(WORDS.len())][EN])
        } else {
            format!(
                "{prefix}-{}-{}",
                WORDS[rng.below(WORDS.len())][EN],
                WORDS[rng.below(WORDS.len())][EN]
            )
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }
}

/// The reference files (shared ones first, then releases) and the releases' slugs and dates.
fn reference_files(spec: &LargeSpec, rng: &mut Rng) -> (Vec<GenFile>, Vec<(String, String)>) {
    let mut scope = Scope::default();
    let mut files = Vec::new();

    let mut brand = vec![Item::ResourceComment(vec![
        "Brand names. They are not translated.".into(),
    ])];
    for (id, name) in BRAND_TERMS {
        scope.ids.insert(id.into());
        scope.terms.push(id.into());
        brand.push(Item::Entry(FtlEntry::new(
            id.into(),
            Some(Pattern::Line(vec![Piece::Literal(name.into())])),
        )));
    }
    files.push(GenFile {
        rel: "branding/brand.ftl".into(),
        items: brand,
        takes_defects: false,
    });

    // The shapes of a large product that a gate must not mistake for defects: an attribute
    // that uses its own message's value, select expressions with markup in every variant,
    // messages using terms of another file, and an id that the reference defines in two files
    // (its own defect, which the translations mirror).
    files.push(GenFile {
        rel: "product/cards.ftl".into(),
        items: vec![Item::Raw(
            concat!(
                "card = { $number }\n",
                "    .aria-label = { $type } { card }\n",
                "cart-items = { $count ->\n",
                "    [one] <span>{ $count }</span> · <span>{ -brand-short-name }</span>\n",
                "   *[other] <span>{ $count }</span> · <span>{ -brand-short-name }</span>\n",
                "}\n",
                "vendor-line = { -vendor-short-name } · { -brand-product-name }\n",
                "shared-label = { -brand-full-name }\n",
            )
            .as_bytes()
            .to_vec(),
        )],
        takes_defects: false,
    });
    files.push(GenFile {
        rel: "product/labels.ftl".into(),
        items: vec![Item::Raw(
            b"shared-label = { -brand-full-name }\nsettings-title = <b>{ -brand-short-name }</b>\n"
                .to_vec(),
        )],
        takes_defects: false,
    });

    let mut stems = HashSet::new();
    for _ in 1..spec.ui_files {
        let stem = loop {
            let stem = format!(
                "{}-{}",
                WORDS[rng.below(WORDS.len())][EN],
                WORDS[rng.below(WORDS.len())][EN]
            );
            if stems.insert(stem.clone()) {
                break stem;
            }
        };
        let folder = rng.pick(&FOLDERS);
        let count = rng.range(
            spec.entries_per_file.saturating_sub(10).max(1),
            spec.entries_per_file + 10,
        );
        files.push(GenFile {
            rel: format!("{folder}/{stem}.ftl"),
            items: ui_file(&stem, count, &mut scope, rng),
            takes_defects: true,
        });
    }

    let mut releases = Vec::new();
    for i in 0..spec.releases {
        let date = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + rng.below(28));
        let slug = format!("{date}-{}-{}", english(&words(rng, 1, 1)), i + 1);
        let text = ReleaseText::generate(rng, (3, 5));
        files.push(GenFile {
            rel: format!("releases/{slug}.ftl"),
            items: text.items(),
            takes_defects: false,
        });
        releases.push((slug, date));
    }
    (files, releases)
}

fn ui_file(stem: &str, count: usize, scope: &mut Scope, rng: &mut Rng) -> Vec<Item> {
    let mut items = vec![Item::ResourceComment(vec![format!(
        "Strings of the {} panel.",
        stem.replace('-', " ")
    )])];
    if rng.chance(0.4) {
        let id = format!("-{stem}-name");
        scope.ids.insert(id.clone());
        let mut term = FtlEntry::new(
            id.clone(),
            Some(Pattern::Line(vec![Piece::Words(words(rng, 2, 3))])),
        );
        term.comment
            .push("The feature's name, used inside other messages.".into());
        items.push(Item::Entry(term));
        scope.terms.push(id);
    }
    for i in 0..count {
        if i % 12 == 0 {
            items.push(Item::GroupComment(crate::ftl_item::sentence(
                &words(rng, 1, 3),
                EN,
            )));
        }
        let id = scope.fresh_id(rng, stem);
        let entry = ui_entry(id, scope, rng);
        if entry.value.is_some() {
            scope.messages_with_value.push(entry.id.clone());
        }
        items.push(Item::Entry(entry));
    }
    items
}

fn ui_entry(id: String, scope: &Scope, rng: &mut Rng) -> FtlEntry {
    let shape = rng.below(100);
    if shape < 9 {
        // A button or menu item: label and access key only.
        let label = words(rng, 1, 3);
        let mut entry = FtlEntry::new(id, None);
        entry.attributes.push((
            "label".into(),
            Pattern::Line(vec![Piece::Words(label.clone())]),
        ));
        entry.attributes.push((
            "accesskey".into(),
            Pattern::Line(vec![Piece::Initial(label[0])]),
        ));
        return entry;
    }
    let (value, comment) = ui_value(scope, rng);
    let mut entry = FtlEntry::new(id, Some(value));
    entry.comment = comment;
    if shape < 30 {
        let first = rng.below(VALUE_ATTRIBUTES.len());
        let mut names = vec![VALUE_ATTRIBUTES[first]];
        if rng.chance(0.3) {
            names.push(VALUE_ATTRIBUTES[(first + 1 + rng.below(3)) % VALUE_ATTRIBUTES.len()]);
        }
        for name in names {
            entry.attributes.push((
                name.into(),
                Pattern::Line(vec![Piece::Words(words(rng, 1, 4))]),
            ));
        }
    } else if entry.comment.is_empty() && rng.chance(0.04) {
        entry
            .comment
            .push(format!("Shown in the {} view.", english(&words(rng, 1, 2))));
    }
    entry
}

/// A message value and the comment that explains its variables.
fn ui_value(scope: &Scope, rng: &mut Rng) -> (Pattern, Vec<String>) {
    let kind = rng.below(100);
    let mut comment = Vec::new();
    let variable = |rng: &mut Rng, comment: &mut Vec<String>| {
        let (piece, name, kind) = match rng.below(3) {
            0 => {
                let v = *rng.pick(&NUMBER_VARIABLES);
                (Piece::Number(v), v, "Number")
            }
            1 => {
                let v = *rng.pick(&DATE_VARIABLES);
                (Piece::Date(v), v, "Date")
            }
            _ => {
                let v = *rng.pick(&STRING_VARIABLES);
                (Piece::Variable(v), v, "String")
            }
        };
        if comment.is_empty() {
            comment.push("Variables:".to_owned());
        }
        comment.push(format!(
            "  ${name} ({kind}) - the {}",
            english(&words(rng, 1, 2))
        ));
        piece
    };
    let pattern = if kind < 8 {
        let selector = if rng.chance(0.7) { "count" } else { "total" };
        comment.push("Variables:".into());
        comment.push(format!("  ${selector} (Number) - how many items"));
        Pattern::Plural {
            selector,
            variants: vec![
                (
                    "one",
                    vec![Piece::Variable(selector), Piece::Words(words(rng, 1, 3))],
                ),
                (
                    "other",
                    vec![Piece::Number(selector), Piece::Words(words(rng, 1, 4))],
                ),
            ],
        }
    } else if kind < 10 {
        let pieces = (0..rng.range(2, 3))
            .map(|_| Piece::Sentence {
                words: words(rng, 5, 9),
                capital: true,
                stop: true,
            })
            .collect();
        Pattern::Wrapped { pieces, width: 80 }
    } else if kind < 35 {
        let mut pieces = vec![Piece::Words(words(rng, 1, 2))];
        let first = variable(rng, &mut comment);
        pieces.push(first.clone());
        pieces.push(Piece::Words(words(rng, 1, 3)));
        if rng.chance(0.3) {
            let second = variable(rng, &mut comment);
            if second.variable() != first.variable() {
                pieces.push(second);
            } else {
                comment.pop();
            }
        }
        Pattern::Line(pieces)
    } else if kind < 45 && !scope.terms.is_empty() {
        let mut pieces = vec![Piece::Words(words(rng, 1, 3))];
        if rng.chance(0.6) || scope.messages_with_value.is_empty() {
            pieces.push(Piece::TermRef(rng.pick(&scope.terms).clone()));
        } else {
            pieces.push(Piece::MessageRef(
                rng.pick(&scope.messages_with_value).clone(),
            ));
        }
        pieces.push(Piece::Words(words(rng, 0, 3)));
        pieces.retain(|p| !matches!(p, Piece::Words(w) if w.is_empty()));
        Pattern::Line(pieces)
    } else if kind < 50 {
        let markup = if rng.chance(0.7) {
            Piece::Link {
                url: format!(
                    "https://support.embassy.example/kb/{}",
                    english(&words(rng, 1, 2)).replace(' ', "-")
                ),
                words: words(rng, 1, 3),
            }
        } else {
            Piece::Emphasis(words(rng, 1, 2))
        };
        Pattern::Line(vec![
            Piece::Words(words(rng, 2, 4)),
            markup,
            Piece::Words(words(rng, 1, 3)),
        ])
    } else {
        Pattern::Line(vec![Piece::Words(words(rng, 1, 4))])
    };
    // Only some authors document their variables.
    if !rng.chance(if matches!(pattern, Pattern::Plural { .. }) {
        0.4
    } else {
        0.25
    }) {
        comment.clear();
    }
    (pattern, comment)
}

/// The translated locale: each message present with probability `coverage`, except that a
/// message is left out when something it refers to is (a translator cannot use a term that
/// the locale does not have yet; only the seeded defects produce unknown references).
fn translate(reference: &[GenFile], coverage: f64, dropped: usize, rng: &mut Rng) -> Vec<GenFile> {
    let shared: Vec<usize> = (0..reference.len())
        .filter(|&i| reference[i].takes_defects)
        .collect();
    let mut skipped = HashSet::new();
    while skipped.len() < dropped.min(shared.len()) {
        skipped.insert(*rng.pick(&shared));
    }
    let mut present: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, file) in reference.iter().enumerate() {
        if skipped.contains(&i) {
            continue;
        }
        let partial = file.takes_defects;
        let mut items = Vec::new();
        for item in &file.items {
            match item {
                Item::Entry(entry) => {
                    let resolvable = entry.references().all(|r| present.contains(r));
                    if resolvable && (!partial || rng.chance(coverage)) {
                        present.insert(entry.id.clone());
                        items.push(item.clone());
                    }
                }
                other => items.push(other.clone()),
            }
        }
        out.push(GenFile {
            rel: file.rel.clone(),
            items,
            takes_defects: file.takes_defects,
        });
    }
    out
}

fn entry_at(files: &mut [GenFile], (f, i): (usize, usize)) -> &mut FtlEntry {
    match &mut files[f].items[i] {
        Item::Entry(entry) => entry,
        _ => unreachable!("targets are entries"),
    }
}

/// Picks up to `count` entries matching `pred` that no other defect has touched.
fn targets(
    files: &[GenFile],
    used: &mut HashSet<(usize, usize)>,
    rng: &mut Rng,
    count: usize,
    pred: impl Fn(&FtlEntry) -> bool,
) -> Vec<(usize, usize)> {
    let candidates: Vec<(usize, usize)> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.takes_defects)
        .flat_map(|(f, file)| {
            file.items
                .iter()
                .enumerate()
                .filter_map(move |(i, item)| match item {
                    Item::Entry(e) if !e.id.starts_with('-') => Some(((f, i), e)),
                    _ => None,
                })
        })
        .filter(|(at, e)| !used.contains(at) && pred(e))
        .map(|(at, _)| at)
        .collect();
    let mut picked = Vec::new();
    let mut tries = 0;
    while picked.len() < count.min(candidates.len()) && tries < count * 100 {
        tries += 1;
        let at = *rng.pick(&candidates);
        if used.insert(at) {
            picked.push(at);
        }
    }
    picked
}

/// A one-line message of plain words.
fn is_simple(e: &FtlEntry) -> bool {
    e.attributes.is_empty()
        && matches!(&e.value, Some(Pattern::Line(p)) if p.iter().all(|p| matches!(p, Piece::Words(_))))
}

/// Applies one defect of every kind `count` times to the translated `files` of `lang`.
fn seed_defects(files: &mut Vec<GenFile>, lang: usize, count: usize, rng: &mut Rng) {
    let mut used = HashSet::new();
    // Insertions shift indices, so they are applied last, from the end.
    let mut inserts: Vec<(usize, usize, Item)> = Vec::new();

    // syntax-error: the `=` forgotten, which the parser turns into Junk.
    for at in targets(files, &mut used, rng, count, is_simple) {
        let mut text = String::new();
        write_entry(&mut text, entry_at(files, at), lang);
        files[at.0].items[at.1] = Item::Raw(text.replacen(" =", "", 1).into_bytes());
    }
    // invalid-encoding: a word pasted from a Latin-1 document, in a couple of files.
    for at in targets(files, &mut used, rng, count.div_ceil(3), is_simple) {
        let mut text = String::new();
        write_entry(&mut text, entry_at(files, at), lang);
        let mut bytes = text.trim_end().as_bytes().to_vec();
        bytes.extend_from_slice(b" M\xFCd\xFCrl\xFCk\n");
        files[at.0].items[at.1] = Item::Raw(bytes);
    }
    let with_value_and_attributes = |e: &FtlEntry| e.value.is_some() && !e.attributes.is_empty();
    for at in targets(files, &mut used, rng, count, with_value_and_attributes) {
        entry_at(files, at).attributes.pop();
    }
    // Without variables in the value, so that dropping it is only a missing value.
    let without_variables =
        |e: &FtlEntry| with_value_and_attributes(e) && e.pieces().all(|p| p.variable().is_none());
    for at in targets(files, &mut used, rng, count, without_variables) {
        entry_at(files, at).value = None;
    }
    for at in targets(files, &mut used, rng, count, is_simple) {
        let duplicate = entry_at(files, at).clone();
        inserts.push((at.0, at.1 + 1, Item::Entry(duplicate)));
    }
    for at in targets(files, &mut used, rng, count, is_simple) {
        push_piece(entry_at(files, at), Piece::Variable("username"));
    }
    for at in targets(files, &mut used, rng, count, is_simple) {
        push_piece(
            entry_at(files, at),
            Piece::TermRef("-brand-shortname".into()),
        );
    }
    // cyclic-reference: two messages of one file that refer to each other.
    for first in targets(files, &mut used, rng, count, is_simple) {
        let partner = (0..files[first.0].items.len())
            .map(|i| (first.0, i))
            .find(|&at| {
                !used.contains(&at)
                    && matches!(&files[at.0].items[at.1], Item::Entry(e) if !e.id.starts_with('-') && is_simple(e))
            });
        if let Some(second) = partner {
            used.insert(second);
            let first_id = entry_at(files, first).id.clone();
            let second_id = entry_at(files, second).id.clone();
            push_piece(entry_at(files, first), Piece::MessageRef(second_id));
            push_piece(entry_at(files, second), Piece::MessageRef(first_id));
        }
    }
    for (n, at) in targets(files, &mut used, rng, count, |_| true)
        .into_iter()
        .enumerate()
    {
        let stem = files[at.0]
            .rel
            .rsplit('/')
            .next()
            .unwrap_or("x")
            .trim_end_matches(".ftl")
            .to_owned();
        let entry = FtlEntry::new(
            format!("{stem}-legacy-{}", n + 1),
            Some(Pattern::Line(vec![Piece::Words(words(rng, 2, 5))])),
        );
        inserts.push((at.0, at.1 + 1, Item::Entry(entry)));
    }
    for at in targets(files, &mut used, rng, count, is_simple) {
        let words = words(rng, 2, 4);
        entry_at(files, at)
            .attributes
            .push(("tooltip".into(), Pattern::Line(vec![Piece::Words(words)])));
    }
    let with_variable = |e: &FtlEntry| {
        e.attributes.is_empty()
            && matches!(&e.value, Some(Pattern::Line(p)) if p.iter().any(|p| p.variable().is_some()))
    };
    for at in targets(files, &mut used, rng, count, with_variable) {
        let replacement = words(rng, 1, 2);
        if let Some(pieces) = entry_at(files, at)
            .value
            .as_mut()
            .and_then(Pattern::pieces_mut)
        {
            let dropped = pieces.iter().find_map(Piece::variable);
            for i in 0..pieces.len() {
                if pieces[i].variable().is_some() && pieces[i].variable() == dropped {
                    // Not the word just before it again ("photo photo"): the next one instead.
                    let mut words = replacement.clone();
                    if let Some(Piece::Words(before)) = i.checked_sub(1).map(|b| &pieces[b])
                        && let Some(&last) = before.last()
                    {
                        while crate::release_text::repeats(last, words[0]) {
                            words[0] = (words[0] + 1) % WORDS.len();
                        }
                    }
                    pieces[i] = Piece::Words(words);
                }
            }
        }
    }
    let is_plural = |e: &FtlEntry| matches!(e.value, Some(Pattern::Plural { .. }));
    for at in targets(files, &mut used, rng, count, is_plural) {
        if let Some(Pattern::Plural { variants, .. }) = &mut entry_at(files, at).value {
            variants.retain(|(key, _)| *key != "one");
        }
    }
    // unknown-plural-category: a `[few]` variant, which none of az, tr and ur has.
    for at in targets(files, &mut used, rng, count, is_plural) {
        if let Some(Pattern::Plural { variants, .. }) = &mut entry_at(files, at).value
            && let Some((_, pieces)) = variants.first()
        {
            let pieces = pieces.clone();
            variants.insert(0, ("few", pieces));
        }
    }
    // same-as-source: English left in place, in messages of more than one word (a single
    // word is most often a name, which the check leaves alone).
    let is_prose = |e: &FtlEntry| {
        is_simple(e)
            && e.pieces()
                .map(|p| match p {
                    Piece::Words(words) => words.len(),
                    _ => 0,
                })
                .sum::<usize>()
                > 1
    };
    for at in targets(files, &mut used, rng, count, is_prose) {
        entry_at(files, at).lang_override = Some(EN);
    }
    // invalid-character: a control character pasted into the text, and one escaped in a
    // string literal.
    for (n, at) in targets(files, &mut used, rng, count, is_simple)
        .into_iter()
        .enumerate()
    {
        let pasted = if n % 2 == 0 {
            "\u{7}"
        } else {
            "{ \"\\u0000\" }"
        };
        push_piece(entry_at(files, at), Piece::Literal(pasted.into()));
    }
    // too-many-placeables: 101 placeables in one message, more than the runtime resolves
    // (not in one with a `# max-length`, which the placeables would also make too long).
    let unlimited =
        |e: &FtlEntry| is_simple(e) && !e.comment.iter().any(|c| c.contains("max-length"));
    for at in targets(files, &mut used, rng, count, unlimited) {
        let many: String = (0..101).map(|_| "{ \"·\" }").collect();
        push_piece(entry_at(files, at), Piece::Literal(many));
    }
    for at in targets(files, &mut used, rng, count, is_simple) {
        if let Some(pieces) = entry_at(files, at)
            .value
            .as_mut()
            .and_then(Pattern::pieces_mut)
        {
            pieces.insert(0, Piece::Literal("\u{2068}".into()));
            pieces.push(Piece::Literal("\u{2069}".into()));
        }
    }
    let has_markup = |e: &FtlEntry| {
        let pieces: Vec<&Piece> = e.pieces().collect();
        // Emphasis unwrapped must not set a word beside itself: "server *server welcome*"
        // would read "server server", a repeated word no seed meant.
        let unwraps_cleanly = pieces.windows(2).all(|pair| match (pair[0], pair[1]) {
            (Piece::Words(a), Piece::Emphasis(b)) | (Piece::Emphasis(a), Piece::Words(b)) => {
                a.last() != b.first()
            }
            _ => true,
        });
        unwraps_cleanly
            && pieces
                .iter()
                .any(|p| matches!(p, Piece::Link { .. } | Piece::Emphasis(_)))
    };
    for at in targets(files, &mut used, rng, count, has_markup) {
        if let Some(pieces) = entry_at(files, at)
            .value
            .as_mut()
            .and_then(Pattern::pieces_mut)
        {
            for piece in pieces.iter_mut() {
                match piece {
                    Piece::Link { url, .. } => url.push_str("-old"),
                    Piece::Emphasis(words) => *piece = Piece::Words(words.clone()),
                    _ => {}
                }
            }
        }
    }

    inserts.sort_by_key(|(f, i, _)| std::cmp::Reverse((*f, *i)));
    for (f, i, item) in inserts {
        files[f].items.insert(i, item);
    }

    // A file the reference no longer has (Turkish only: one obsolete file is enough).
    if LOCALES[lang] == "tr" {
        let items = vec![
            Item::ResourceComment(vec!["The toolbar of the old editor.".into()]),
            Item::Entry(FtlEntry::new(
                "legacy-toolbar-save".into(),
                Some(Pattern::Line(vec![Piece::Words(words(rng, 2, 3))])),
            )),
            Item::Entry(FtlEntry::new(
                "legacy-toolbar-print".into(),
                Some(Pattern::Line(vec![Piece::Words(words(rng, 2, 3))])),
            )),
        ];
        files.push(GenFile {
            rel: "legacy/toolbar.ftl".into(),
            items,
            takes_defects: false,
        });
        files.sort_by(|a, b| a.rel.cmp(&b.rel));
    }
}

fn push_piece(entry: &mut FtlEntry, piece: Piece) {
    if let Some(pieces) = entry.value.as_mut().and_then(Pattern::pieces_mut) {
        pieces.push(piece);
    }
}

/// What `beyan lock` would have recorded after the last translation round, except that the
/// English of `stale` messages per locale has changed since.
fn lockfile(tree: &FileTree, stale: usize, rng: &mut Rng) -> Lockfile {
    let parse = |locale: &str, rel: &str| -> Option<FtlFile> {
        let bytes = tree.get(&format!("locales/{locale}/{rel}"))?;
        let locale = Locale::parse(locale).ok()?;
        Some(FtlFile::parse(&locale, rel.to_owned(), bytes))
    };
    let reference: Vec<FtlFile> = tree
        .files
        .keys()
        .filter_map(|path| path.strip_prefix("locales/en/"))
        .filter_map(|rel| parse("en", rel))
        .collect();
    let mut lock = Lockfile::default();
    for locale in &LOCALES[1..] {
        let mut records: Vec<(String, String)> = Vec::new();
        let files = lock.locales.entry((*locale).to_owned()).or_default();
        for reference_file in &reference {
            let Some(target) = parse(locale, &reference_file.rel) else {
                continue;
            };
            let mut entries = BTreeMap::new();
            for entry in &reference_file.entries {
                let Some(translation) = target.entry(&entry.id) else {
                    continue;
                };
                entries.insert(
                    entry.id.to_string(),
                    LockEntry {
                        reference: content_hash(entry.body(&reference_file.source)),
                        translation: content_hash(translation.body(&target.source)),
                    },
                );
                records.push((reference_file.rel.clone(), entry.id.to_string()));
            }
            files.insert(reference_file.rel.clone(), entries);
        }
        let mut chosen = HashSet::new();
        while chosen.len() < stale.min(records.len()) {
            chosen.insert(rng.below(records.len()));
        }
        for i in chosen {
            let (rel, id) = &records[i];
            if let Some(entry) = files.get_mut(rel).and_then(|f| f.get_mut(id)) {
                entry.reference = content_hash(&format!("{} (earlier wording)", entry.reference));
            }
        }
    }
    lock
}
