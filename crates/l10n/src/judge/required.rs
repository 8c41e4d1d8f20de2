//! Messages that something besides the `.ftl` files needs: `render`'s templates name labels
//! (`t(id="feed-title")`) that every published page formats. The reference must define each
//! in a file the bundle that formats it holds, or `render` stops half-way; the translations
//! then follow the reference as for any other message (`missing-message`).
//!
//! The list is the caller's (the CLI reads the templates): `check` never reads a template.

use std::collections::HashSet;

use beyan_content::Slug;

use crate::check::Part;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::catalog::{Catalog, FileScope};

/// Which bundles format a required message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequiredIn {
    /// The pages of no release (index, feeds): the locale's shared files must define it.
    Shared,
    /// Every release's pages: its own file or the shared files may define it.
    EveryRelease,
}

/// A message the templates use, with where they first use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredMessage {
    pub id: String,
    pub required_in: RequiredIn,
    /// Where it is used, for the diagnostic (`templates/feed.xml (built-in), line 3`).
    pub used_by: String,
}

/// A `missing-message` error on the reference for each required message it does not define
/// where its bundles would find it (one per release that lacks it), for the files of `part`.
///
/// A workspace without releases is a translation project, not a site (the compare-locales
/// layout of a product's strings): its reference is not asked for the site's labels, which
/// would block every such project for text it never publishes.
pub fn missing_required(
    reference: &Catalog,
    releases: &[&Slug],
    required: &[RequiredMessage],
    part: &Part<'_>,
) -> Vec<Diagnostic> {
    if required.is_empty() || releases.is_empty() {
        return Vec::new();
    }
    let locale = reference.locale.as_str();
    let ids_in = |keep: &dyn Fn(&FileScope) -> bool| -> HashSet<&str> {
        reference
            .files
            .iter()
            .filter(|f| keep(&f.scope))
            .flat_map(|f| f.entries.iter().map(|e| e.id.as_str()))
            .collect()
    };
    let shared = ids_in(&|scope| *scope == FileScope::Shared);
    let missing = |id: &str, used_by: &str, file: String, scope: FileScope, add: &str| Diagnostic {
        severity: Code::MissingMessage.default_severity(),
        code: Code::MissingMessage,
        locale: locale.to_owned(),
        file,
        line: None,
        column: None,
        id: Some(id.to_owned()),
        message: format!(
            "missing message `{id}`, which the templates use ({used_by}); {add} or `render` cannot publish"
        ),
        source_line: None,
        scope: Some(scope),
        help: None,
    };
    let mut out = Vec::new();
    for message in required.iter().filter(|m| !shared.contains(m.id.as_str())) {
        match message.required_in {
            RequiredIn::Shared if !part.holds(&FileScope::Shared) => {}
            RequiredIn::Shared => out.push(missing(
                &message.id,
                &message.used_by,
                format!("locales/{locale}/common.ftl"),
                FileScope::Shared,
                "define it in a shared file of the reference (not one release's own)",
            )),
            RequiredIn::EveryRelease => {
                for slug in releases {
                    let scope = FileScope::Release(slug.as_str().to_owned());
                    if !part.holds(&scope) {
                        continue;
                    }
                    let own = reference.release_file(slug.as_str());
                    if own.is_some_and(|f| f.entry(&message.id).is_some()) {
                        continue;
                    }
                    out.push(missing(
                        &message.id,
                        &message.used_by,
                        format!("locales/{locale}/releases/{slug}.ftl"),
                        scope,
                        "define it in the release's file or a shared file",
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use beyan_content::Locale;

    fn required(id: &str, required_in: RequiredIn) -> RequiredMessage {
        RequiredMessage {
            id: id.to_owned(),
            required_in,
            used_by: "templates/x.html (built-in), line 1".to_owned(),
        }
    }

    #[test]
    fn shared_labels_must_be_shared_and_release_texts_in_every_release() {
        let en = Locale::parse("en").unwrap();
        let reference = Catalog::from_texts(
            &en,
            &[
                ("common.ftl", "org-name = Embassy\n"),
                ("releases/a.ftl", "headline = A\nfeed-title = Feed\n"),
                ("releases/b.ftl", "other = B\n"),
            ],
        );
        let (a, b) = (Slug::parse("a").unwrap(), Slug::parse("b").unwrap());
        let found = missing_required(
            &reference,
            &[&a, &b],
            &[
                required("org-name", RequiredIn::Shared),
                required("feed-title", RequiredIn::Shared),
                required("headline", RequiredIn::EveryRelease),
                required("org-name", RequiredIn::EveryRelease),
            ],
            &Part::All,
        );
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.id.as_deref().unwrap_or(""), d.file.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("feed-title", "locales/en/common.ftl"),
                ("headline", "locales/en/releases/b.ftl"),
            ]
        );
        // Without releases, nothing is published: the site's labels are not asked for.
        let required = [required("feed-title", RequiredIn::Shared)];
        assert!(missing_required(&reference, &[], &required, &Part::All).is_empty());
    }
}
