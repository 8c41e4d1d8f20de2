//! The templates a render uses: the built-in set, embedded in the binary from the repository's
//! `templates/` folder, with a workspace's own `templates/<name>` replacing a built-in of the
//! same name (and adding partials of its own).

use std::path::Path;

use beyan_content::ReadGate;

/// One template's text and where it came from, to name it in errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSource {
    /// The name templates refer to each other by (`release.html`).
    pub name: String,
    pub text: String,
    /// Workspace-relative path of the override, or `None` for a built-in.
    pub path: Option<String>,
}

impl TemplateSource {
    /// How errors name this template.
    pub fn display_path(&self) -> String {
        match &self.path {
            Some(path) => path.clone(),
            None => format!("templates/{} (built-in)", self.name),
        }
    }
}

/// The built-in templates, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../templates/base.html")),
    (
        "release.html",
        include_str!("../../../templates/release.html"),
    ),
    (
        "release.txt",
        include_str!("../../../templates/release.txt"),
    ),
    ("release.md", include_str!("../../../templates/release.md")),
    (
        "release.json",
        include_str!("../../../templates/release.json"),
    ),
    ("feed.json", include_str!("../../../templates/feed.json")),
    ("index.html", include_str!("../../../templates/index.html")),
    (
        "languages.html",
        include_str!("../../../templates/languages.html"),
    ),
    ("feed.xml", include_str!("../../../templates/feed.xml")),
    (
        "sitemap.xml",
        include_str!("../../../templates/sitemap.xml"),
    ),
    ("style.css", include_str!("../../../templates/style.css")),
];

/// Why the workspace's templates could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct TemplateLoadError {
    pub path: String,
    pub message: String,
}

/// Every template of a render, sorted by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSet {
    pub templates: Vec<TemplateSource>,
}

impl TemplateSet {
    pub fn built_in() -> Self {
        Self {
            templates: BUILT_IN
                .iter()
                .map(|(name, text)| TemplateSource {
                    name: (*name).to_owned(),
                    text: (*text).to_owned(),
                    path: None,
                })
                .collect(),
        }
    }

    /// The built-ins overlaid with `<root>/templates/**`, when that folder exists. Read
    /// through the workspace's gate: a template whose link leads out of the workspace is an
    /// error naming it, and is never read.
    pub fn load(root: &Path) -> Result<Self, TemplateLoadError> {
        let mut set = Self::built_in();
        let gate = ReadGate::new(root).map_err(|e| TemplateLoadError {
            path: "templates/".to_owned(),
            message: format!("cannot open the workspace: {e}"),
        })?;
        let listing = gate.list(&root.join("templates"), true, &|_| true);
        if listing.files.is_empty() && listing.refused.is_empty() {
            return Ok(set);
        }
        if let Some((_, refused)) = listing.refused.into_iter().next() {
            return Err(TemplateLoadError {
                path: refused.path,
                message: refused.reason,
            });
        }
        for (name, path) in listing.files {
            let shown = format!("templates/{name}");
            let bytes = gate
                .read(&path)
                .map_err(|refused| TemplateLoadError {
                    path: refused.path,
                    message: refused.reason,
                })?
                .unwrap_or_default();
            let text = String::from_utf8(bytes).map_err(|_| TemplateLoadError {
                path: shown.clone(),
                message: "the file is not valid UTF-8".to_owned(),
            })?;
            let source = TemplateSource {
                name: name.clone(),
                text,
                path: Some(shown),
            };
            match set.templates.iter_mut().find(|t| t.name == name) {
                Some(existing) => *existing = source,
                None => set.templates.push(source),
            }
        }
        set.templates.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(set)
    }

    pub fn get(&self, name: &str) -> Option<&TemplateSource> {
        self.templates.iter().find(|t| t.name == name)
    }

    /// Whether every template reads as the built-in of its name (a workspace's identical copy
    /// counts as the built-in) and there is no other: then no page asks for a message of
    /// another release than its own except through the texts the renderer lists.
    pub fn is_built_in(&self) -> bool {
        self.templates.len() == BUILT_IN.len()
            && self.templates.iter().all(|t| {
                BUILT_IN
                    .iter()
                    .any(|(name, text)| *name == t.name && *text == t.text)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_templates_override_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates/partials")).unwrap();
        std::fs::write(dir.path().join("templates/release.txt"), "mine").unwrap();
        std::fs::write(dir.path().join("templates/partials/x.html"), "part").unwrap();
        let set = TemplateSet::load(dir.path()).unwrap();
        let release = set.get("release.txt").unwrap();

        assert_eq!(release.text, "mine");
        assert_eq!(release.display_path(), "templates/release.txt");
        assert_eq!(set.get("partials/x.html").unwrap().text, "part");
        assert_eq!(set.get("release.html").unwrap().path, None);
        assert_eq!(set.templates.len(), BUILT_IN.len() + 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_template_linked_out_of_the_workspace_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(dir.path().join("passwd"), "root:x:0:0").unwrap();
        std::os::unix::fs::symlink(dir.path().join("passwd"), root.join("templates/style.css"))
            .unwrap();
        let error = TemplateSet::load(&root).unwrap_err();
        assert_eq!(error.path, "templates/style.css");
        assert!(error.message.contains("outside the workspace"), "{error}");
        assert!(!error.to_string().contains("root:x"), "{error}");
    }

    #[test]
    fn without_a_folder_the_built_ins_render() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            TemplateSet::load(dir.path()).unwrap(),
            TemplateSet::built_in()
        );
    }
}
