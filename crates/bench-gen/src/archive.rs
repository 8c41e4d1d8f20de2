//! The *archive* workspace: many releases, each complete in every locale, with the sample's
//! `beyan.toml` and shared `common.ftl` files. What `beyan render` publishes in the benchmark.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::file_tree::FileTree;
use crate::ftl_item::{english, write_items};
use crate::release_text::{ReleaseText, words};
use crate::rng::Rng;
use crate::vocabulary::LOCALES;

/// The sample workspace's shared files, so the archive renders with the real labels.
pub const SAMPLE_CONFIG: &str = include_str!("../../../beyan.toml");
pub const SAMPLE_COMMON: [&str; 4] = [
    include_str!("../../../locales/en/common.ftl"),
    include_str!("../../../locales/az/common.ftl"),
    include_str!("../../../locales/tr/common.ftl"),
    include_str!("../../../locales/ur/common.ftl"),
];

#[derive(Debug, Clone)]
pub struct ArchiveRelease {
    pub slug: String,
    pub date: Date,
    /// The press office's number, `17/24`, on some releases.
    pub number: Option<String>,
    pub text: ReleaseText,
}

#[derive(Debug, Clone)]
pub struct Archive {
    /// Newest first.
    pub releases: Vec<ArchiveRelease>,
}

impl Archive {
    /// `count` releases, one every few days back from 7 November 2025.
    pub fn generate(seed: u64, count: usize) -> Self {
        let mut rng = Rng::new(seed).fork(2);
        let mut date = Date::constant(2025, 11, 7);
        let mut releases: Vec<ArchiveRelease> = Vec::with_capacity(count);
        let mut slugs = std::collections::HashSet::new();
        for _ in 0..count {
            let text = ReleaseText::generate(&mut rng, (6, 10));
            let topic = english(&words(&mut rng, 2, 3)).replace(' ', "-");
            let mut slug = format!("{date}-{topic}");
            let mut n = 2;
            while !slugs.insert(slug.clone()) {
                slug = format!("{date}-{topic}-{n}");
                n += 1;
            }
            releases.push(ArchiveRelease {
                slug,
                date,
                number: None,
                text,
            });
            let gap = rng.range(1, 5) as i64;
            date = date.saturating_sub(gap.days());
        }
        // Numbers run up through each year, oldest first, on about a third of the releases.
        let mut sequence: Option<(i16, u32)> = None;
        for release in releases.iter_mut().rev() {
            let year = release.date.year();
            let next = match sequence {
                Some((y, n)) if y == year => n + 1,
                _ => 1,
            };
            sequence = Some((year, next));
            if rng.chance(0.35) {
                release.number = Some(format!("{next}/{:02}", year % 100));
            }
        }
        Self { releases }
    }

    /// The beyan workspace of the archive.
    pub fn workspace(&self) -> FileTree {
        let mut tree = FileTree::default();
        tree.insert("beyan.toml", SAMPLE_CONFIG);
        for (lang, locale) in LOCALES.iter().enumerate() {
            tree.insert(format!("locales/{locale}/common.ftl"), SAMPLE_COMMON[lang]);
        }
        for release in &self.releases {
            let mut toml = format!("# Synthetic archive release.\ndate = {}\n", release.date);
            if let Some(number) = &release.number {
                toml.push_str(&format!("number = \"{number}\"\n"));
            }
            tree.insert(format!("releases/{}.toml", release.slug), toml);
            for (lang, locale) in LOCALES.iter().enumerate() {
                tree.insert(
                    format!("locales/{locale}/releases/{}.ftl", release.slug),
                    write_items(&release.text.items(), lang),
                );
            }
        }
        tree
    }
}
