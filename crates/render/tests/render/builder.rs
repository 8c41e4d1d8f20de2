//! A small beyan workspace in a temporary folder, and a render of it.

use std::path::Path;

use beyan_content::{Locale, Slug, Workspace};
use beyan_render::{Plan, RenderOptions, Site};

pub const SLUG: &str = "2025-11-08-victory-day";

pub const CONFIG: &str = "[locales]\nreference = \"en\"\nrequired = [\"az\", \"tr\", \"ur\"]\n\n\
    [site]\nbase-url = \"https://press.example\"\n\n\
    [contact]\nname = \"Press Office\"\nemail = \"press@example.org\"\n";

pub const COMMON_EN: &str = "org-name = Embassy\nsite-title = Embassy — Press releases\n\
    about-heading = About the Embassy\nboilerplate = The Embassy represents its country.\n\
    for-immediate-release = FOR IMMEDIATE RELEASE\n\
    embargoed-until = EMBARGOED UNTIL { DATETIME($embargo, dateStyle: \"long\", timeStyle: \"short\") }\n\
    embargo-preview = Preview: under embargo.\n\
    release-date = { DATETIME($date, dateStyle: \"long\") }\n\
    release-number = Release No. { $number }\nmedia-contact = Media contact\nend-mark = ###\n\
    language-name = English\nchoose-language = Choose a language\nother-languages = Other languages\n\
    press-releases = Press releases\n\
    releases-count = { $count ->\n    [one] { $count } release\n   *[other] { $count } releases\n}\n\
    skip-to-content = Skip to content\npublished-on = Published { DATETIME($date, dateStyle: \"long\") }\n\
    feed-title = Embassy: press releases\n\
    contact-email = E-mail\ncontact-phone = Phone\nhome = Home\nbreadcrumb = You are here\n\
    all-releases = All press releases\nsubscribe = Subscribe\n\
    subscribe-feeds = Feeds for news readers\n\
    page-address = Page address\n";

/// Builds a workspace file by file.
pub struct WorkspaceBuilder {
    dir: tempfile::TempDir,
}

impl WorkspaceBuilder {
    /// A workspace with `beyan.toml`, English shared text and every other locale's shared text
    /// as a copy of English with its own `language-name`.
    pub fn new() -> Self {
        let builder = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        builder
            .file("beyan.toml", CONFIG)
            .file("locales/en/common.ftl", COMMON_EN)
            .file(
                "locales/az/common.ftl",
                &COMMON_EN.replace("= English", "= Azərbaycanca"),
            )
            .file(
                "locales/tr/common.ftl",
                &COMMON_EN.replace("= English", "= Türkçe"),
            )
            .file(
                "locales/ur/common.ftl",
                &COMMON_EN.replace("= English", "= اردو"),
            )
    }

    pub fn file(self, path: &str, text: &str) -> Self {
        let path = self.dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    /// A release with the same text in every locale.
    pub fn release(self, slug: &str, toml: &str, ftl: &str) -> Self {
        let mut builder = self.file(&format!("releases/{slug}.toml"), toml);
        for locale in ["en", "az", "tr", "ur"] {
            builder = builder.file(&format!("locales/{locale}/releases/{slug}.ftl"), ftl);
        }
        builder
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn workspace(&self) -> Workspace {
        Workspace::load(self.root()).expect("valid workspace")
    }
}

pub fn options(now: &str) -> RenderOptions {
    RenderOptions {
        releases: Vec::new(),
        locales: Vec::new(),
        now: now.parse().expect("timestamp"),
        include_embargoed: false,
        skip_incomplete: false,
        extra_locales: Vec::new(),
    }
}

pub fn plan(workspace: &Workspace, options: &RenderOptions) -> Plan {
    beyan_render::plan(workspace, options).expect("plan")
}

pub fn render(workspace: &Workspace, options: &RenderOptions) -> Site {
    let plan = plan(workspace, options);
    assert!(plan.blocking(options).is_empty(), "{:?}", plan.incomplete);
    beyan_render::render(workspace, &plan, &mut |_| {}).expect("render")
}

pub fn text(site: &Site, path: &str) -> String {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", site.files.keys().collect::<Vec<_>>()));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

pub fn locale(code: &str) -> Locale {
    Locale::parse(code).expect("locale")
}

pub fn slug(text: &str) -> Slug {
    Slug::parse(text).expect("slug")
}
