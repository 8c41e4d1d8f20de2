//! What the templates need of the reference: every message a template names literally
//! (`t(id="press-releases")`) must resolve in the bundles it is formatted with. `check` is
//! given this list ([`template_requirements`]), so that a workspace whose reference lacks a
//! label the pages print fails the gate instead of stopping `render` half-way.

use beyan_l10n::{RequiredIn, RequiredMessage};

use crate::templates::TemplateSet;

/// Messages the site tests with `has_message` before a template formats them (`site.rs`): a
/// release may go without them.
pub const OPTIONAL_MESSAGES: &[&str] = &["subheadline", "contact-name"];

/// A message a template names literally, with where it is first named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateMessage {
    pub id: String,
    /// How errors name the template (`templates/index.html (built-in)`).
    pub template: String,
    /// Workspace-relative path for diagnostics (`templates/index.html`).
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Where the pages of no release first format it (`templates/index.html (built-in), line
    /// 8`), if they do: a call outside the `release.*` templates without `release=` (index,
    /// feeds, the language chooser) uses the locale's shared bundle.
    pub shared_use: Option<String>,
}

impl TemplateMessage {
    /// Where it is first named, for messages.
    pub fn first_use(&self) -> String {
        format!("{}, line {}", self.template, self.line)
    }
}

/// The messages the templates name literally, each once, in template order.
pub fn template_messages(set: &TemplateSet) -> Vec<TemplateMessage> {
    const CALL: &str = "t(id=\"";
    let mut out: Vec<TemplateMessage> = Vec::new();
    for template in &set.templates {
        let text = &template.text;
        let mut from = 0;
        // The line of `from`, counted on from the previous call rather than from the start of
        // the template each time.
        let mut line = 1;
        while let Some(found) = text[from..].find(CALL) {
            let start = from + found + CALL.len();
            line += text[from..start].matches('\n').count();
            from = start;
            let Some(len) = text[start..].find('"') else {
                break;
            };
            let id = &text[start..start + len];
            if id.is_empty() {
                continue;
            }
            let before = &text[..start];
            let arguments = text[start..].split(')').next().unwrap_or("");
            let shared_use = (!template.name.starts_with("release.")
                && !arguments.contains("release="))
            .then(|| format!("{}, line {line}", template.display_path()));
            if let Some(seen) = out.iter_mut().find(|m| m.id == id) {
                if seen.shared_use.is_none() {
                    seen.shared_use = shared_use;
                }
                continue;
            }
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            out.push(TemplateMessage {
                id: id.to_owned(),
                template: template.display_path(),
                file: template
                    .path
                    .clone()
                    .unwrap_or_else(|| format!("templates/{}", template.name)),
                line,
                column,
                shared_use,
            });
        }
    }
    out
}

/// What `check` must make sure the reference defines for these templates: every message they
/// name but the [optional](OPTIONAL_MESSAGES) ones.
pub fn template_requirements(set: &TemplateSet) -> Vec<RequiredMessage> {
    template_messages(set)
        .into_iter()
        .filter(|m| !OPTIONAL_MESSAGES.contains(&m.id.as_str()))
        .map(|m| {
            let (required_in, used_by) = match &m.shared_use {
                Some(shared_use) => (RequiredIn::Shared, shared_use.clone()),
                None => (RequiredIn::EveryRelease, m.first_use()),
            };
            RequiredMessage {
                id: m.id,
                required_in,
                used_by,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_of_each_first_use() {
        let mut set = TemplateSet::built_in();
        set.templates.push(crate::templates::TemplateSource {
            name: "extra.html".to_owned(),
            text: "{{ t(id=\"a\") }}\n\n  {{ t(id=\"\") }} {{ t(id=\"b\") }}\n\u{e9}{{ t(id=\"c\") }}\n"
                .to_owned(),
            path: None,
        });
        let found = template_messages(&set);
        // Every position, as counted from the start of its template.
        for message in &found {
            let template = set
                .templates
                .iter()
                .find(|t| message.template == t.display_path())
                .unwrap();
            let call = format!("t(id=\"{}\"", message.id);
            let start = template.text.find(&call).unwrap() + "t(id=\"".len();
            let before = &template.text[..start];
            assert_eq!(
                message.line,
                before.matches('\n').count() + 1,
                "{message:?}"
            );
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(message.column, column, "{message:?}");
        }
        let line_of = |id: &str| {
            found
                .iter()
                .find(|m| m.id == id)
                .map(|m| (m.line, m.column))
        };
        assert_eq!(line_of("a"), Some((1, 10)));
        assert_eq!(line_of("b"), Some((3, 27)));
        assert_eq!(line_of("c"), Some((4, 11)));
    }

    #[test]
    fn labels_of_index_pages_are_shared_and_release_texts_per_release() {
        let set = TemplateSet::built_in();
        let required = template_requirements(&set);
        let find = |id: &str| required.iter().find(|m| m.id == id).map(|m| m.required_in);
        assert_eq!(find("feed-title"), Some(RequiredIn::Shared));
        assert_eq!(find("org-name"), Some(RequiredIn::Shared));
        assert_eq!(find("headline"), Some(RequiredIn::EveryRelease));
        assert_eq!(find("dateline-city"), Some(RequiredIn::EveryRelease));
        assert_eq!(find("subheadline"), None);
        assert_eq!(find("contact-name"), None);
        let feed_title = required.iter().find(|m| m.id == "feed-title").unwrap();
        assert!(!feed_title.used_by.contains("release."), "{feed_title:?}");
    }
}
