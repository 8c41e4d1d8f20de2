//! Publishing layer of beyan: turns a workspace's releases into every language version (HTML,
//! plain text, Markdown, IPTC ninjs, e-mail), per-locale indexes, Atom and JSON feeds, a language chooser and a sitemap.
//!
//! Resolve first (`plan`: locales, releases, completeness, embargo), then render the plan:
//! `render_to` streams the pages into an output folder that `beyan_content::WriteGate` judged
//! and locked (one locale's bundles at a time, each page written as it is made), `render`
//! collects them in memory (a `Site`), and a `LiveSite` keeps every bundle to render again
//! only what a saved `.ftl` affects (the preview). It never prints and never reads the
//! clock; the caller passes `now` and reports progress and problems.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod email;
mod engine;
mod json_string;
mod live_site;
mod markup;
mod page_sink;
mod plan;
mod release_texts;
mod render_error;
mod requirements;
mod site;
mod templates;
mod workspace_assets;

pub use live_site::{LiveSite, Update};
pub use markup::{
    Format, Isolation, escape_html, is_permitted_url, plain, render as render_markup,
};
pub use page_sink::{FolderSink, PageSink};
pub use plan::{
    Incomplete, Plan, PlanError, PlanLocale, PlannedRelease, Problem, RenderOptions, plan,
};
pub use render_error::{RenderError, TemplateError};
pub use requirements::{
    OPTIONAL_MESSAGES, TemplateMessage, template_messages, template_requirements,
};
pub use site::{Progress, Rendered, Site, render, render_into, render_to};
pub use templates::{BUILT_IN, TemplateLoadError, TemplateSet, TemplateSource};
pub use workspace_assets::AssetError;
