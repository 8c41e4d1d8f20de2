//! The published site: every page of a plan rendered in memory, then written in one swap.
//!
//! Output paths are built only from validated slugs and locale codes (`[a-z0-9-]`, BCP 47),
//! so nothing a workspace contains can name a path outside the output folder. Nothing here
//! reads the clock: every date comes from the releases and the plan's `now`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap as HashMap;

use beyan_content::{Contact, Locale, Workspace};
use beyan_l10n::{BundleBuilder, Direction};
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::engine::{Bundles, Engine, MemoScope};
use crate::markup::Format;
use crate::page_sink::{Collector, Counted, FolderSink, PageSink};
use crate::plan::{Plan, PlanLocale, PlannedRelease};
use crate::release_texts::release_texts;
use crate::render_error::RenderError;
use crate::templates::TemplateSet;
use crate::workspace_assets::WorkspaceAssets;

/// Noto Nastaliq Urdu subset to the Arabic-script blocks and compressed to WOFF2 (see
/// `assets/fonts/README.md`); the stylesheet loads it only for those code points.
const FONT: &[u8] = include_bytes!("../assets/fonts/NotoNastaliqUrdu-Regular.subset.woff2");
const FONT_PATH: &str = "assets/fonts/NotoNastaliqUrdu-Regular.subset.woff2";
const FONT_LICENSE: &[u8] = include_bytes!("../assets/fonts/OFL.txt");

/// The rendered files, by path relative to the output folder (with `/`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
    /// The locales that got pages, in plan order.
    pub locales: Vec<Locale>,
}

impl Site {
    /// Pages and feeds written (assets not counted).
    pub fn pages(&self) -> usize {
        self.files
            .keys()
            .filter(|p| !p.starts_with("assets/"))
            .count()
    }

    /// Writes every file below `dir`, which must exist and be empty.
    pub fn write_into(&self, dir: &Path) -> std::io::Result<()> {
        let sink = FolderSink::new(dir);
        self.files
            .par_iter()
            .try_for_each(|(path, bytes)| sink.page(path, bytes))
    }

    /// Replaces the locked output folder with the site (and its manifest) in one swap: a
    /// failure leaves the previous output as it was.
    pub fn write_to(&self, out: &beyan_content::LockedOutputDir) -> Result<(), RenderError> {
        out.replace(|dir| self.write_into(dir))?;
        Ok(())
    }
}

/// What a streamed render wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Pages and feeds (assets not counted).
    pub pages: usize,
    /// The locales that got pages, in plan order.
    pub locales: Vec<Locale>,
}

/// Progress of a render: `done` of `total` pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Renders every page of `plan` in memory.
pub fn render(
    workspace: &Workspace,
    plan: &Plan,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<Site, RenderError> {
    let collector = Collector::default();
    let rendered = render_into(workspace, plan, &collector, on_progress)?;
    Ok(Site {
        files: collector
            .files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
        locales: rendered.locales,
    })
}

/// Replaces the locked output folder with the rendered site, each page written into the
/// staging folder as soon as it is made (nothing but one locale's bundles is held at a
/// time), then the manifest and the swap: a failure leaves the previous output as it was.
pub fn render_to(
    workspace: &Workspace,
    plan: &Plan,
    out: &beyan_content::LockedOutputDir,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<Rendered, RenderError> {
    let mut rendered = None;
    out.replace(|dir| -> Result<(), RenderError> {
        let sink = FolderSink::new(dir);
        rendered = Some(render_into(workspace, plan, &sink, on_progress)?);
        Ok(())
    })?;
    Ok(rendered.unwrap_or(Rendered {
        pages: 0,
        locales: Vec::new(),
    }))
}

/// Renders every page of `plan` into `sink`, one locale at a time: the bundles of a locale's
/// releases are built for its pass and dropped after it, so memory does not grow with the
/// number of locales, and pages leave as they are made.
pub fn render_into(
    workspace: &Workspace,
    plan: &Plan,
    sink: &dyn PageSink,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<Rendered, RenderError> {
    let templates = TemplateSet::load(&workspace.root)?;
    let assets = WorkspaceAssets::load(&workspace.root)?;
    let counted = Counted {
        sink,
        pages: std::sync::atomic::AtomicUsize::new(0),
    };
    let sink: &dyn PageSink = &counted;
    let builders = bundle_builders(plan);
    let shared = load_shared_bundles(&builders)?;
    let all_jobs = jobs(plan, None);
    let total = all_jobs.iter().map(Job::pages).sum();
    let mut progress = Progress { done: 0, total };
    // The built-in index and feeds list the releases' texts, formatted by the release pages;
    // a workspace's own templates may ask any release's bundle for a message.
    let lists_views = templates.is_built_in();
    let mut engine = Engine::new(templates, Arc::new(Bundles::default()))?;
    for locale in &plan.locales {
        let code = &locale.locale;
        let listed = ListedReleases::default();
        let releases: Vec<&PlannedRelease> = plan
            .releases
            .iter()
            .filter(|r| r.locales.contains(code))
            .collect();
        // A few hundred releases' bundles at a time: their pages, then the next ones.
        for chunk in releases.chunks(RELEASES_PER_PASS) {
            let bundles = with_shared(load_bundles(&builders, code, chunk)?, &shared);
            engine.set_bundles(Arc::clone(&bundles));
            let site = SiteContext::new(workspace, plan, &bundles, &assets, &listed);
            let jobs: Vec<Job<'_>> = chunk
                .iter()
                .map(|planned| Job::Release {
                    planned,
                    locale: code,
                })
                .collect();
            site.render_jobs(&engine, &jobs, sink, &mut progress, on_progress)?;
        }
        let own = if lists_views {
            Bundles::default()
        } else {
            load_bundles(&builders, code, &releases)?
        };
        let bundles = with_shared(own, &shared);
        engine.set_bundles(Arc::clone(&bundles));
        let site = SiteContext::new(workspace, plan, &bundles, &assets, &listed);
        let jobs = [Job::Feed(code), Job::JsonFeed(code), Job::Index(code)];
        site.render_jobs(&engine, &jobs, sink, &mut progress, on_progress)?;
    }
    let bundles = Arc::new(shared);
    engine.set_bundles(Arc::clone(&bundles));
    let listed = ListedReleases::default();
    let site = SiteContext::new(workspace, plan, &bundles, &assets, &listed);
    let rest = [Job::Languages, Job::Sitemap, Job::Style];
    site.render_jobs(&engine, &rest, sink, &mut progress, on_progress)?;
    put_assets(&assets, sink)?;
    Ok(Rendered {
        pages: counted.pages.into_inner(),
        locales: plan.locales.iter().map(|l| l.locale.clone()).collect(),
    })
}

/// How many of a locale's releases have their bundles built at a time in a streamed render:
/// enough to keep both cores busy, few enough that memory does not grow with the archive.
const RELEASES_PER_PASS: usize = 256;

/// `bundles` with every locale's shared bundle added.
fn with_shared(mut bundles: Bundles, shared: &Bundles) -> Arc<Bundles> {
    for (code, bundle) in shared.locales_shared() {
        bundles.insert(code, None, bundle);
    }
    Arc::new(bundles)
}

/// The stylesheet's font and the workspace's own assets.
pub(crate) fn put_assets(assets: &WorkspaceAssets, sink: &dyn PageSink) -> std::io::Result<()> {
    sink.page(FONT_PATH, FONT)?;
    for (path, bytes) in &assets.files {
        sink.page(&format!("assets/{path}"), bytes)?;
    }
    sink.page("assets/fonts/OFL.txt", FONT_LICENSE)
}

/// The jobs of one locale's pass (its index, feeds and release pages), or of the whole site.
pub(crate) fn jobs<'p>(plan: &'p Plan, locale: Option<&Locale>) -> Vec<Job<'p>> {
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for planned in &plan.releases {
        for l in &planned.locales {
            if locale.is_none_or(|only| only == l) {
                jobs.push(Job::Release { planned, locale: l });
            }
        }
    }
    // The release pages first: the index and the feeds then find every release's texts
    // formatted (`SiteContext::release_texts`).
    for l in &plan.locales {
        if locale.is_none_or(|only| *only == l.locale) {
            jobs.push(Job::Feed(&l.locale));
            jobs.push(Job::JsonFeed(&l.locale));
            jobs.push(Job::Index(&l.locale));
        }
    }
    if locale.is_none() {
        jobs.extend([Job::Languages, Job::Sitemap, Job::Style]);
    }
    jobs
}

pub(crate) fn bundle_builders(plan: &Plan) -> Vec<(&PlanLocale, BundleBuilder<'_>)> {
    plan.locales
        .iter()
        .filter_map(|locale| {
            let catalog = plan.catalogs.iter().find(|c| c.locale == locale.source)?;
            Some((
                locale,
                BundleBuilder::new(catalog, &locale.locale, locale.options),
            ))
        })
        .collect()
}

/// The shared bundle of every locale.
pub(crate) fn load_shared_bundles(
    builders: &[(&PlanLocale, BundleBuilder<'_>)],
) -> Result<Bundles, RenderError> {
    let tasks = builders
        .iter()
        .map(|(locale, builder)| (locale.locale.as_str(), builder, None))
        .collect();
    build_bundles(tasks)
}

/// The bundles of `locale`'s published releases.
pub(crate) fn load_locale_bundles(
    plan: &Plan,
    builders: &[(&PlanLocale, BundleBuilder<'_>)],
    locale: &Locale,
) -> Result<Bundles, RenderError> {
    let published: Vec<&PlannedRelease> = plan
        .releases
        .iter()
        .filter(|r| r.locales.contains(locale))
        .collect();
    load_bundles(builders, locale, &published)
}

/// The bundles of `releases` in `locale`.
fn load_bundles(
    builders: &[(&PlanLocale, BundleBuilder<'_>)],
    locale: &Locale,
    releases: &[&PlannedRelease],
) -> Result<Bundles, RenderError> {
    let mut tasks = Vec::new();
    for (planned_locale, builder) in builders {
        if planned_locale.locale == *locale {
            for planned in releases {
                tasks.push((
                    locale.as_str(),
                    builder,
                    Some(planned.release.slug.as_str()),
                ));
            }
        }
    }
    build_bundles(tasks)
}

fn build_bundles(
    tasks: Vec<(&str, &BundleBuilder<'_>, Option<&str>)>,
) -> Result<Bundles, RenderError> {
    // Thousands of bundles for an archive: build them in parallel.
    let built: Vec<_> = tasks
        .par_iter()
        .map(|(locale, builder, slug)| {
            builder
                .release(*slug)
                .map(|bundle| (*locale, *slug, Arc::new(bundle)))
        })
        .collect::<Result<_, _>>()?;
    let mut bundles = Bundles::default();
    for (locale, slug, bundle) in built {
        bundles.insert(locale, slug, bundle);
    }
    Ok(bundles)
}

pub(crate) enum Job<'p> {
    /// A release's pages in one locale, in every format.
    Release {
        planned: &'p PlannedRelease,
        locale: &'p Locale,
    },
    Index(&'p Locale),
    Feed(&'p Locale),
    JsonFeed(&'p Locale),
    Languages,
    Sitemap,
    Style,
}

impl Job<'_> {
    pub(crate) fn pages(&self) -> usize {
        match self {
            // Every template format and the e-mail when there is an address to send from.
            Job::Release { .. } => RELEASE_PAGES.len() + 1,
            _ => 1,
        }
    }
}

/// The templates of a release page, with the extension of the file each gives and the format
/// its messages are escaped for (the ninjs JSON takes plain text and escapes it with `json`).
const RELEASE_PAGES: [(&str, &str, Format); 4] = [
    ("release.html", "html", Format::Html),
    ("release.txt", "txt", Format::Text),
    ("release.md", "md", Format::Markdown),
    ("release.json", "json", Format::Text),
];

/// Renders template `name` as the page at `path` into `sink`, as it goes.
fn page(
    engine: &Engine,
    name: &str,
    context: &Context,
    path: &str,
    sink: &dyn PageSink,
) -> Result<(), RenderError> {
    sink.page_from(path, &mut |out| Ok(engine.write_to(name, context, out)?))
}

/// Renders template `name` into a page of its own.
fn owned_page(engine: &Engine, name: &str, context: &Context) -> Result<Vec<u8>, RenderError> {
    let mut bytes = Vec::new();
    engine.render_to(name, context, &mut bytes)?;
    Ok(bytes)
}

/// A locale as templates see it.
#[derive(Debug, Clone, Serialize)]
struct LangView {
    code: String,
    dir: &'static str,
    /// The language's own name (`language-name` in its `common.ftl`).
    name: String,
}

/// Another version of the current page.
#[derive(Debug, Clone, Serialize)]
struct Alternate {
    code: String,
    dir: &'static str,
    name: String,
    /// Relative to the current page.
    href: String,
    /// Absolute with a base URL, else relative to the current page.
    url: String,
    current: bool,
}

#[derive(Debug, Clone, Serialize)]
struct ContactView {
    /// A person named in the release's TOML (a name is the same in every language), else the
    /// site's TOML name when the locale has no `contact-name` message.
    name: Option<String>,
    /// Print the locale's `contact-name` message (the press office, translated).
    name_message: bool,
    email: Option<String>,
    phone: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct QuoteView {
    id: String,
    attribution: bool,
}

#[derive(Debug, Clone, Serialize)]
struct ReleaseView {
    slug: String,
    date: String,
    /// RFC 3339 at the offset it was written with, when the release has an embargo.
    embargo: Option<String>,
    /// Still under embargo: rendered only as a marked preview.
    preview: bool,
    number: Option<String>,
    has_subheadline: bool,
    paragraphs: Vec<String>,
    quotes: Vec<QuoteView>,
    contact: Option<ContactView>,
    /// Relative to the current page.
    href: String,
    /// Absolute with a base URL, else relative to the current page.
    url: String,
    atom_id: String,
    /// Midnight UTC of the release date, for feeds.
    updated: String,
    /// When the release is published: the embargo's end, else midnight UTC of its date
    /// (RFC 3339).
    published: String,
    /// Its headline, subheadline and body, formatted (pages of one release, indexes, feeds).
    texts: Option<tera::Value>,
}

/// The workspace's own assets the templates use, as paths below `<out>/assets/`.
#[derive(Debug, Clone, Serialize)]
struct AssetsView {
    emblem: Option<String>,
    favicon: Option<String>,
    share_image: Option<String>,
}

/// `[site]` colours, as CSS values.
#[derive(Debug, Clone, Serialize)]
struct ColorsView {
    accent: Option<String>,
    band: Option<String>,
}

pub(crate) struct SiteContext<'a> {
    workspace: &'a Workspace,
    plan: &'a Plan,
    bundles: &'a Bundles,
    langs: BTreeMap<String, LangView>,
    assets: AssetsView,
    colors: ColorsView,
    listed: &'a ListedReleases,
}

/// Each (locale, release) as listed, once made (`SiteContext::listed_view`): a release's
/// pages make it, and the locale's index and feeds, rendered after them without the
/// releases' bundles, reuse it.
#[derive(Default)]
pub(crate) struct ListedReleases(Mutex<HashMap<(Locale, String), Arc<Listed>>>);

/// A release as listed: its view, and the view as templates read it (made once, its strings
/// shared by every context that lists it).
struct Listed {
    view: ReleaseView,
    value: tera::Value,
}

/// The template values of `listed`, for a context (each a shared value, not a copy).
fn values(listed: &[Arc<Listed>]) -> Vec<&tera::Value> {
    listed.iter().map(|l| &l.value).collect()
}

impl ListedReleases {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Locale, String), Arc<Listed>>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl<'a> SiteContext<'a> {
    pub(crate) fn new(
        workspace: &'a Workspace,
        plan: &'a Plan,
        bundles: &'a Bundles,
        assets: &WorkspaceAssets,
        listed: &'a ListedReleases,
    ) -> Self {
        let langs = plan
            .locales
            .iter()
            .map(|l| {
                let name = bundles
                    .get(l.locale.as_str(), None)
                    .and_then(|b| b.format("language-name", None).ok())
                    .map_or_else(|| l.locale.to_string(), |n| crate::markup::plain(&n));
                let view = LangView {
                    code: l.locale.to_string(),
                    dir: Direction::of(&l.locale).as_str(),
                    name,
                };
                (l.locale.to_string(), view)
            })
            .collect();
        let site = &workspace.config.site;
        Self {
            workspace,
            plan,
            bundles,
            langs,
            assets: AssetsView {
                emblem: assets.emblem(),
                favicon: assets.favicon(),
                share_image: assets.share_image(),
            },
            colors: ColorsView {
                accent: site.accent_color.map(|c| c.to_string()),
                band: site.band_color.map(|c| c.to_string()),
            },
            listed,
        }
    }

    fn base_url(&self) -> Option<&str> {
        self.workspace.config.site.base_url.as_deref()
    }

    /// The public URL of a path below the output root, or without a base URL the path as
    /// seen from a page `prefix` away from the root (`../` inside a locale folder).
    fn url(&self, path: &str, prefix: &str) -> String {
        match self.base_url() {
            Some(base) => format!("{base}/{path}"),
            None => format!("{prefix}{path}"),
        }
    }

    /// A permanent identifier for Atom: the URL, or a URN when there is no base URL.
    fn atom_id(&self, path: &str) -> String {
        match self.base_url() {
            Some(base) => format!("{base}/{path}"),
            None => format!(
                "urn:beyan:{}",
                path.trim_end_matches(".html").replace('/', ":")
            ),
        }
    }

    fn lang(&self, locale: &str) -> LangView {
        self.langs.get(locale).cloned().unwrap_or_else(|| LangView {
            code: locale.to_owned(),
            dir: "ltr",
            name: locale.to_owned(),
        })
    }

    fn release_view(
        &self,
        planned: &PlannedRelease,
        locale: &Locale,
        from_locale_dir: bool,
    ) -> ReleaseView {
        let release = &planned.release;
        let slug = release.slug.as_str();
        let bundle = self.bundles.get(locale.as_str(), Some(slug));
        let ids: Vec<String> = bundle.map(|b| b.release_ids().to_vec()).unwrap_or_default();
        let paragraphs = ids
            .iter()
            .filter(|id| id.starts_with("paragraph-"))
            .cloned()
            .collect();
        let quotes = ids
            .iter()
            .filter(|id| id.starts_with("quote-"))
            .map(|id| QuoteView {
                id: id.clone(),
                attribution: bundle.is_some_and(|b| b.has_attribute(id, "attribution")),
            })
            .collect();
        let contact = merge_contact(
            &self.workspace.config.contact,
            release.contact.as_ref(),
            bundle.is_some_and(|b| b.has_message("contact-name")),
        );
        let path = format!("{locale}/{slug}.html");
        ReleaseView {
            slug: slug.to_owned(),
            date: release.date.to_string(),
            embargo: release.embargo.map(|instant| {
                let offset = release.embargo_offset.unwrap_or(jiff::tz::Offset::UTC);
                instant.display_with_offset(offset).to_string()
            }),
            preview: planned.preview,
            number: release.number.clone(),
            has_subheadline: bundle.is_some_and(|b| b.has_message("subheadline")),
            paragraphs,
            quotes,
            contact,
            href: if from_locale_dir {
                format!("{slug}.html")
            } else {
                path.clone()
            },
            url: self.url(&path, "../"),
            atom_id: self.atom_id(&path),
            updated: format!("{}T00:00:00Z", release.date),
            published: release.embargo.map_or_else(
                || format!("{}T00:00:00Z", release.date),
                |instant| instant.to_string(),
            ),
            texts: None,
        }
    }

    /// The release as its pages, the index and the feeds of `locale` show it (seen from the
    /// locale's folder), with its texts: made from its bundle on first use, then remembered.
    fn listed_view(
        &self,
        planned: &PlannedRelease,
        locale: &Locale,
    ) -> Result<Arc<Listed>, RenderError> {
        let slug = planned.release.slug.as_str();
        let key = (locale.clone(), slug.to_owned());
        let known = self.listed.lock().get(&key).cloned();
        if let Some(listed) = known {
            return Ok(listed);
        }
        let mut view = self.release_view(planned, locale, true);
        let bundle = self
            .bundles
            .get(locale.as_str(), Some(slug))
            .ok_or_else(|| RenderError::Texts(format!("no messages for `{slug}` in `{locale}`")))?;
        let quotes: Vec<(&str, bool)> = view
            .quotes
            .iter()
            .map(|q| (q.id.as_str(), q.attribution))
            .collect();
        let texts = release_texts(bundle, &view.paragraphs, &quotes)
            .map_err(|e| RenderError::Texts(format!("{locale}/{slug}: {e}")))?;
        view.texts = Some(texts);
        let value = tera::Value::try_from_serializable(&view)
            .map_err(|e| RenderError::Texts(format!("{locale}/{slug}: {e}")))?;
        view.texts = None;
        let listed = Arc::new(Listed { view, value });
        self.listed.lock().insert(key, Arc::clone(&listed));
        Ok(listed)
    }

    /// The views of `releases` in `locale`, as indexes and feeds list them.
    fn listed(
        &self,
        releases: Vec<&PlannedRelease>,
        locale: &Locale,
    ) -> Result<Vec<Arc<Listed>>, RenderError> {
        releases
            .into_iter()
            .map(|r| self.listed_view(r, locale))
            .collect()
    }

    /// The versions of a release (published ones only), for switchers and hreflang.
    fn release_alternates(
        &self,
        planned: &PlannedRelease,
        current: &Locale,
        prefix: &str,
    ) -> Vec<Alternate> {
        let slug = planned.release.slug.as_str();
        planned
            .locales
            .iter()
            .map(|locale| {
                let path = format!("{locale}/{slug}.html");
                self.alternate(locale, path, prefix, locale == current)
            })
            .collect()
    }

    /// One language's version of a page at `path` (from the output root), seen from `prefix`.
    fn alternate(&self, locale: &Locale, path: String, prefix: &str, current: bool) -> Alternate {
        let lang = self.lang(locale.as_str());
        Alternate {
            code: lang.code,
            dir: lang.dir,
            name: lang.name,
            href: format!("{prefix}{path}"),
            url: self.url(&path, prefix),
            current,
        }
    }

    /// Every locale's index, as seen from `prefix` (`../` inside a locale folder).
    fn index_alternates(&self, current: Option<&Locale>, prefix: &str) -> Vec<Alternate> {
        self.plan
            .locales
            .iter()
            .map(|l| {
                let path = format!("{}/index.html", l.locale);
                self.alternate(&l.locale, path, prefix, current == Some(&l.locale))
            })
            .collect()
    }

    /// The releases of a locale's feeds (Atom and JSON Feed): published, previews left out,
    /// each with its full text.
    fn feed_releases(&self, locale: &Locale) -> Result<Vec<Arc<Listed>>, RenderError> {
        let published = self.published_in(locale);
        self.listed(
            published.into_iter().filter(|r| !r.preview).collect(),
            locale,
        )
    }

    fn published_in(&self, locale: &Locale) -> Vec<&'a PlannedRelease> {
        self.plan
            .releases
            .iter()
            .filter(|r| r.locales.contains(locale))
            .collect()
    }

    fn base_context(
        &self,
        locale: &str,
        format: Format,
        release: Option<&str>,
        root: &str,
    ) -> Context {
        let mut context = Context::new();
        context.insert("_locale", locale);
        context.insert("_format", format.as_str());
        context.insert("_release", &release);
        context.insert("lang", &self.lang(locale));
        context.insert("root", root);
        context.insert("base_url", &self.base_url());
        context.insert("reference", self.plan.reference.as_str());
        context.insert("now", &self.plan.now.to_string());
        context.insert("assets", &self.assets);
        let asset_url = |name: &Option<String>| {
            name.as_ref()
                .map(|name| self.url(&format!("assets/{name}"), root))
        };
        context.insert("share_image_url", &asset_url(&self.assets.share_image));
        context.insert("emblem_url", &asset_url(&self.assets.emblem));
        context.insert("footer_contact", &self.footer_contact(locale));
        context.insert("colors", &self.colors);
        context
    }

    /// Renders `jobs` in parallel into `sink`, a chunk at a time so that progress can be
    /// reported from this thread.
    pub(crate) fn render_jobs(
        &self,
        engine: &Engine,
        jobs: &[Job<'_>],
        sink: &dyn PageSink,
        progress: &mut Progress,
        on_progress: &mut dyn FnMut(Progress),
    ) -> Result<(), RenderError> {
        for chunk in jobs.chunks(256) {
            chunk.par_iter().try_for_each(|job| {
                let _memo = MemoScope::new();
                self.render(engine, job, sink)
            })?;
            progress.done += chunk.iter().map(Job::pages).sum::<usize>();
            on_progress(*progress);
        }
        Ok(())
    }

    /// Renders the pages of `job` into `sink`.
    fn render(
        &self,
        engine: &Engine,
        job: &Job<'_>,
        sink: &dyn PageSink,
    ) -> Result<(), RenderError> {
        let default = self.plan.default_locale.as_str();
        match job {
            Job::Release { planned, locale } => {
                let slug = planned.release.slug.as_str();
                // One context for every format: only `_format` differs between them.
                let mut context =
                    self.base_context(locale.as_str(), Format::Html, Some(slug), "../");
                let listed = self.listed_view(planned, locale)?;
                let view = &listed.view;
                let alternates = self.release_alternates(planned, locale, "../");
                let x_default = alternates
                    .iter()
                    .find(|a| a.code == default)
                    .map(|a| a.url.clone());
                context.insert_value("release", listed.value.clone());
                context.insert("alternates", &alternates);
                context.insert("x_default", &x_default);
                context.insert("canonical", &view.url);
                context.insert("feed_href", "feed.xml");
                context.insert("index_href", "index.html");
                context.insert(
                    "index_url",
                    &self.url(&format!("{locale}/index.html"), "../"),
                );
                let mut text = None;
                let mut html = None;
                for (template, extension, format) in RELEASE_PAGES {
                    context.insert("_format", format.as_str());
                    let bytes = owned_page(engine, template, &context)?;
                    sink.page(&format!("{locale}/{slug}.{extension}"), &bytes)?;
                    match extension {
                        "txt" => text = Some(bytes),
                        "html" => html = Some(bytes),
                        _ => {}
                    }
                }
                let email = self.email(planned, locale, view, text.as_deref(), html.as_deref());
                if let Some(email) = email {
                    sink.page(&format!("{locale}/{slug}.eml"), &email)?;
                }
                Ok(())
            }
            Job::Index(locale) => {
                let mut context = self.base_context(locale.as_str(), Format::Html, None, "../");
                let releases = self.listed(self.published_in(locale), locale)?;
                let path = format!("{locale}/index.html");
                context.insert("releases", &values(&releases));
                context.insert("alternates", &self.index_alternates(Some(locale), "../"));
                context.insert(
                    "x_default",
                    &self.url(&format!("{default}/index.html"), "../"),
                );
                context.insert("canonical", &self.url(&path, "../"));
                context.insert("feed_href", "feed.xml");
                page(engine, "index.html", &context, &path, sink)
            }
            Job::Feed(locale) => {
                let mut context = self.base_context(locale.as_str(), Format::Xml, None, "../");
                let releases = self.feed_releases(locale)?;
                let updated = releases.first().map_or_else(
                    || "1970-01-01T00:00:00Z".to_owned(),
                    |r| r.view.updated.clone(),
                );
                context.insert("releases", &values(&releases));
                context.insert("updated", &updated);
                context.insert("feed_url", &self.url(&format!("{locale}/feed.xml"), "../"));
                context.insert("feed_id", &self.atom_id(&format!("{locale}/feed.xml")));
                context.insert(
                    "json_feed_url",
                    &self.url(&format!("{locale}/feed.json"), "../"),
                );
                context.insert(
                    "index_url",
                    &self.url(&format!("{locale}/index.html"), "../"),
                );
                page(
                    engine,
                    "feed.xml",
                    &context,
                    &format!("{locale}/feed.xml"),
                    sink,
                )
            }
            Job::JsonFeed(locale) => {
                let mut context = self.base_context(locale.as_str(), Format::Text, None, "../");
                let releases = self.feed_releases(locale)?;
                context.insert("releases", &values(&releases));
                context.insert("feed_url", &self.url(&format!("{locale}/feed.json"), "../"));
                context.insert(
                    "index_url",
                    &self.url(&format!("{locale}/index.html"), "../"),
                );
                page(
                    engine,
                    "feed.json",
                    &context,
                    &format!("{locale}/feed.json"),
                    sink,
                )
            }
            Job::Languages => {
                let mut context = self.base_context(default, Format::Html, None, "");
                context.insert("alternates", &self.index_alternates(None, ""));
                context.insert("canonical", &self.url("index.html", ""));
                page(engine, "languages.html", &context, "index.html", sink)
            }
            Job::Sitemap => {
                let context = self.sitemap_context();
                page(engine, "sitemap.xml", &context, "sitemap.xml", sink)
            }
            Job::Style => {
                let context = self.base_context(default, Format::Text, None, "../");
                page(engine, "style.css", &context, "assets/style.css", sink)
            }
        }
    }

    /// The site's media contact, for every page's footer.
    fn footer_contact(&self, locale: &str) -> Option<ContactView> {
        let has_name = self
            .bundles
            .get(locale, None)
            .is_some_and(|b| b.has_message("contact-name"));
        merge_contact(&self.workspace.config.contact, None, has_name)
    }

    /// The `.eml` of a release page, from its rendered text and HTML; `None` without an
    /// e-mail address to send it from.
    fn email(
        &self,
        planned: &PlannedRelease,
        locale: &Locale,
        view: &ReleaseView,
        text: Option<&[u8]>,
        html: Option<&[u8]>,
    ) -> Option<Vec<u8>> {
        let from_address = view.contact.as_ref()?.email.as_deref()?;
        let bundle = self
            .bundles
            .get(locale.as_str(), Some(planned.release.slug.as_str()))?;
        let plain_message = |id: &str| {
            bundle
                .format(id, None)
                .ok()
                .map(|text| crate::markup::plain(&text))
        };
        let text = text?;
        let html = html?;
        let date = match planned.release.embargo {
            Some(instant) => instant.as_second(),
            None => jiff::tz::Offset::UTC
                .to_timestamp(planned.release.date.at(0, 0, 0, 0))
                .map_or(0, |instant| instant.as_second()),
        };
        let email = crate::email::Email {
            slug: &view.slug,
            locale: locale.as_str(),
            subject: &plain_message("headline")?,
            from_name: &plain_message("org-name")?,
            from_address,
            date,
            text,
            html,
        };
        Some(email.to_bytes())
    }

    fn sitemap_context(&self) -> Context {
        #[derive(Serialize)]
        struct Url {
            loc: String,
            /// The date of the newest release the page shows.
            lastmod: Option<String>,
            /// Every version of the page: one value shared by all of them (an archive's
            /// sitemap lists thousands of releases, each in every locale).
            alternates: tera::Value,
            x_default: Option<String>,
        }
        let default = self.plan.default_locale.as_str();
        let published = |r: &&PlannedRelease| !r.preview;
        let newest = self
            .plan
            .releases
            .iter()
            .filter(published)
            .map(|r| r.release.date)
            .max();
        let mut urls = vec![Url {
            loc: self.url("index.html", ""),
            lastmod: newest.map(|d| d.to_string()),
            alternates: tera::Value::from_serializable(&[] as &[Alternate]),
            x_default: None,
        }];
        let indexes = self.index_alternates(None, "");
        let index_alternates = tera::Value::from_serializable(&indexes);
        for (index, locale) in indexes.iter().zip(&self.plan.locales) {
            let newest = self
                .published_in(&locale.locale)
                .into_iter()
                .filter(|r| !r.preview)
                .map(|r| r.release.date)
                .max();
            urls.push(Url {
                loc: index.url.clone(),
                lastmod: newest.map(|d| d.to_string()),
                alternates: index_alternates.clone(),
                x_default: indexes
                    .iter()
                    .find(|a| a.code == default)
                    .map(|a| a.url.clone()),
            });
        }
        for planned in self.plan.releases.iter().filter(|r| !r.preview) {
            let Some(first) = planned.locales.first() else {
                continue;
            };
            let alternates = self.release_alternates(planned, first, "");
            let x_default = alternates
                .iter()
                .find(|a| a.code == default)
                .map(|a| a.url.clone());
            let shared = tera::Value::from_serializable(&alternates);
            for alternate in &alternates {
                urls.push(Url {
                    loc: alternate.url.clone(),
                    lastmod: Some(planned.release.date.to_string()),
                    alternates: shared.clone(),
                    x_default: x_default.clone(),
                });
            }
        }
        let mut context = self.base_context(default, Format::Xml, None, "");
        context.insert("urls", &urls);
        context
    }
}

/// The release's contact over the site's. The name a reader sees is translated: a person
/// named in the release's TOML stays as written, and otherwise the locale's `contact-name`
/// message (when the workspace has one) replaces the site's TOML name.
fn merge_contact(
    site: &Contact,
    release: Option<&Contact>,
    has_name_message: bool,
) -> Option<ContactView> {
    let pick = |f: fn(&Contact) -> &Option<String>| {
        release
            .and_then(|r| f(r).clone())
            .or_else(|| f(site).clone())
    };
    let person = release.and_then(|r| r.name.clone());
    let name_message = person.is_none() && has_name_message;
    let view = ContactView {
        name: person.or_else(|| (!name_message).then(|| site.name.clone()).flatten()),
        name_message,
        email: pick(|c| &c.email),
        phone: pick(|c| &c.phone),
    };
    (view.name.is_some() || view.email.is_some() || view.phone.is_some()).then_some(view)
}
