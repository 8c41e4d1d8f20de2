//! Workspace discovery and loading: the root folder, its `beyan.toml` and its releases.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use crate::{
    Config, ConfigError, ConfigErrors, GLOSSARY_FILE, Glossary, Locale, ReadGate, Release, Slug,
};

pub const CONFIG_FILE: &str = "beyan.toml";
pub const LOCK_FILE: &str = "beyan.lock";

/// A loaded, validated workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    pub config: Config,
    /// Newest first (by date, then slug).
    pub releases: Vec<Release>,
    /// Every read of the workspace's files goes through it.
    pub reader: ReadGate,
    /// `glossary.toml`, empty when the workspace has none.
    pub glossary: Glossary,
}

/// Walks up from `start` to the first folder holding a `beyan.toml`.
pub fn discover_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}

impl Workspace {
    /// Loads the workspace rooted at `root`, reporting every configuration problem at once.
    pub fn load(root: &Path) -> Result<Self, ConfigErrors> {
        let reader = ReadGate::new(root).map_err(|e| {
            ConfigError::new(
                root.display().to_string(),
                format!("cannot open the workspace: {e}"),
            )
        })?;
        let text = read_text(&reader, &root.join(CONFIG_FILE))?;
        let config = Config::parse(CONFIG_FILE, &text)?;
        let mut errors = Vec::new();

        for locale in config.locales.all() {
            if !root.join("locales").join(locale.as_str()).is_dir() {
                let is_reference = *locale == config.locales.reference;
                if is_reference {
                    let key = "locales.reference";
                    let position = find_value(&text, locale.as_str());
                    errors.push(
                        ConfigError::new(
                            CONFIG_FILE,
                            format!("the reference folder `locales/{locale}/` does not exist"),
                        )
                        .with_key(key)
                        .at(&text, position),
                    );
                }
            }
        }

        let releases = load_releases(&reader, root, &config, &mut errors);
        let glossary = load_glossary(&reader, root, &config, &mut errors);
        if errors.is_empty() {
            Ok(Self {
                root: root.to_path_buf(),
                config,
                releases,
                reader,
                glossary,
            })
        } else {
            Err(ConfigErrors(errors))
        }
    }

    pub fn reference(&self) -> &Locale {
        &self.config.locales.reference
    }

    /// `locales/<locale>` as an absolute path.
    pub fn locale_dir(&self, locale: &Locale) -> PathBuf {
        self.root.join("locales").join(locale.as_str())
    }

    /// Workspace-relative path of a release's text in one locale.
    pub fn release_ftl(locale: &Locale, slug: &Slug) -> String {
        format!("locales/{locale}/releases/{slug}.ftl")
    }

    pub fn release(&self, slug: &str) -> Option<&Release> {
        self.releases.iter().find(|r| r.slug.as_str() == slug)
    }

    /// Why `slug` names no release, with the closest slug when one is close:
    /// "no release `x` (there is no releases/x.toml); did you mean `y`?".
    pub fn unknown_release(&self, slug: &str) -> String {
        let known = self.releases.iter().map(|r| r.slug.as_str());
        let hint = crate::closest(slug, known)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        format!("no release `{slug}` (there is no releases/{slug}.toml){hint}")
    }
}

fn load_glossary(
    reader: &ReadGate,
    root: &Path,
    config: &Config,
    errors: &mut Vec<ConfigError>,
) -> Glossary {
    let path = root.join(GLOSSARY_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Glossary::default();
    }
    read_text(reader, &path)
        .and_then(|text| Glossary::parse(GLOSSARY_FILE, &text, &config.locales))
        .unwrap_or_else(|e| {
            errors.extend(e.0);
            Glossary::default()
        })
}

fn load_releases(
    reader: &ReadGate,
    root: &Path,
    config: &Config,
    errors: &mut Vec<ConfigError>,
) -> Vec<Release> {
    let listing = reader.list(&root.join("releases"), false, &|name| {
        name.ends_with(".toml")
    });
    for (_, refused) in listing.refused {
        errors.push(ConfigError::new(refused.path, refused.reason));
    }
    // An archive has thousands of releases: read and parse them in parallel, keeping the
    // listing's order for the errors.
    let read: Vec<Result<Release, Vec<ConfigError>>> = listing
        .files
        .par_iter()
        .map(|(name, path)| load_release(reader, root, config, name, path))
        .collect();
    let mut releases = Vec::with_capacity(read.len());
    for release in read {
        match release {
            Ok(release) => releases.push(release),
            Err(e) => errors.extend(e),
        }
    }
    releases.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    releases
}

/// One release's TOML, checked to have a reference text.
fn load_release(
    reader: &ReadGate,
    root: &Path,
    config: &Config,
    name: &str,
    path: &Path,
) -> Result<Release, Vec<ConfigError>> {
    let file = format!("releases/{name}");
    let stem = name.trim_end_matches(".toml");
    let slug = Slug::parse(stem).map_err(|message| vec![ConfigError::new(&file, message)])?;
    let text = read_text(reader, path).map_err(|e| e.0)?;
    let release = Release::parse(slug, &file, &text).map_err(|e| e.0)?;
    let text_file = Workspace::release_ftl(&config.locales.reference, &release.slug);
    if root.join(&text_file).is_file() {
        Ok(release)
    } else {
        Err(vec![ConfigError::new(
            &file,
            format!("the release has no reference text: `{text_file}` does not exist"),
        )])
    }
}

fn read_text(reader: &ReadGate, path: &Path) -> Result<String, ConfigErrors> {
    let file = reader.shown(path);
    let bytes = reader
        .read(path)
        .map_err(|refused| ConfigError::new(&refused.path, refused.reason))?
        .ok_or_else(|| ConfigError::new(&file, "cannot read the file: it does not exist"))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let valid = &bytes[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        ConfigError::new(&file, "the file is not valid UTF-8")
            .at(&text, Some(text.len()..text.len()))
            .into()
    })
}

/// Span of the first quoted occurrence of `value`, to point at it.
fn find_value(text: &str, value: &str) -> Option<std::ops::Range<usize>> {
    let quoted = format!("\"{value}\"");
    text.find(&quoted).map(|start| start..start + quoted.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    const CONFIG: &str = "[locales]\nreference = \"en\"\nrequired = [\"az\"]\n";

    #[test]
    fn loads_releases_newest_first_and_discovers_root() {
        let dir = workspace(&[
            ("beyan.toml", CONFIG),
            ("releases/old.toml", "date = 2024-01-01\n"),
            ("releases/new.toml", "date = 2025-01-01\n"),
            ("locales/en/releases/old.ftl", "headline = a\n"),
            ("locales/en/releases/new.ftl", "headline = b\n"),
        ]);
        let ws = Workspace::load(dir.path()).unwrap();
        let slugs: Vec<_> = ws.releases.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs, ["new", "old"]);
        let nested = dir.path().join("locales/en/releases");
        assert_eq!(discover_root(&nested).unwrap(), dir.path());
    }

    #[test]
    fn reports_every_problem() {
        let dir = workspace(&[
            ("beyan.toml", CONFIG),
            ("releases/Bad_Slug.toml", "date = 2024-01-01\n"),
            ("releases/no-text.toml", "date = 2024-01-01\n"),
        ]);
        let errors = Workspace::load(dir.path()).unwrap_err().0;
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0].key.as_deref(), Some("locales.reference"));
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[1].message.contains("not a valid slug"));
        assert!(errors[2].message.contains("no reference text"));
    }
}
