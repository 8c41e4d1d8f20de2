//! A render kept alive for the preview: every bundle stays built, so that a save re-checks and
//! re-renders only what it affects. A release's `.ftl`: that release's pages in each locale
//! built from the file, and those locales' indexes and feeds. A translation's shared `.ftl`:
//! that locale's pages and the language chooser.
//!
//! It renders with the same jobs, contexts and templates as [`crate::render_into`]; a change it
//! cannot judge on its own (a version that becomes publishable or stops being so, a language's
//! new name, the reference's shared text) is reported to the caller, which plans and renders
//! again.

use std::sync::Arc;

use beyan_content::{Locale, Workspace};
use beyan_l10n::{BundleBuilder, Catalog, FileScope, FtlFile, LocaleBundle, check_catalogs};
use rayon::prelude::*;

use crate::engine::{Bundles, Engine};
use crate::page_sink::{Counted, PageSink};
use crate::plan::{Plan, PlanLocale, problems, shared_problems};
use crate::render_error::RenderError;
use crate::site::{
    Job, ListedReleases, Progress, Rendered, SiteContext, bundle_builders, jobs,
    load_locale_bundles, load_shared_bundles, put_assets,
};
use crate::templates::TemplateSet;
use crate::workspace_assets::WorkspaceAssets;

/// What [`LiveSite::update_release_files`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    /// The pages the change affects were rendered again into the sink.
    Rendered { pages: usize },
    /// The change alters what the plan publishes (or is not a release's own file): plan and
    /// render the whole site again.
    Replan,
}

/// A planned site with every bundle built, ready to render again in part.
pub struct LiveSite {
    workspace: Workspace,
    plan: Plan,
    assets: WorkspaceAssets,
    bundles: Arc<Bundles>,
    /// The templates, compiled once; it is given the bundles again after each change.
    engine: Engine,
}

impl LiveSite {
    /// Loads the templates and assets of `workspace` and builds the bundles of `plan`.
    pub fn new(workspace: Workspace, mut plan: Plan) -> Result<Self, RenderError> {
        // A save re-checks a release against every locale's files: hold them all.
        for catalog in &mut plan.catalogs {
            catalog
                .read_set_aside()
                .map_err(|(file, message)| beyan_l10n::BundleError { file, message })?;
        }
        let templates = TemplateSet::load(&workspace.root)?;
        let assets = WorkspaceAssets::load(&workspace.root)?;
        let bundles = {
            let builders = bundle_builders(&plan);
            let mut bundles = load_shared_bundles(&builders)?;
            for locale in &plan.locales {
                let own = load_locale_bundles(&plan, &builders, &locale.locale)?;
                bundles.extend(own);
            }
            Arc::new(bundles)
        };
        let engine = Engine::new(templates, Arc::clone(&bundles))?;
        Ok(Self {
            workspace,
            plan,
            assets,
            bundles,
            engine,
        })
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Renders every page into `sink`.
    pub fn render_all(&self, sink: &dyn PageSink) -> Result<Rendered, RenderError> {
        let counted = Counted {
            sink,
            pages: std::sync::atomic::AtomicUsize::new(0),
        };
        let jobs = jobs(&self.plan, None);
        self.render_jobs(&jobs, &counted)?;
        put_assets(&self.assets, &counted)?;
        Ok(Rendered {
            pages: counted.pages.into_inner(),
            locales: self.plan.locales.iter().map(|l| l.locale.clone()).collect(),
        })
    }

    /// Renders `jobs` into `sink`; the number of pages written (assets aside).
    fn render_counted(&self, jobs: &[Job<'_>], sink: &dyn PageSink) -> Result<usize, RenderError> {
        let counted = Counted {
            sink,
            pages: std::sync::atomic::AtomicUsize::new(0),
        };
        self.render_jobs(jobs, &counted)?;
        Ok(counted.pages.into_inner())
    }

    fn render_jobs(&self, jobs: &[Job<'_>], sink: &dyn PageSink) -> Result<(), RenderError> {
        let listed = ListedReleases::default();
        let site = SiteContext::new(
            &self.workspace,
            &self.plan,
            &self.bundles,
            &self.assets,
            &listed,
        );
        let mut progress = Progress {
            done: 0,
            total: jobs.iter().map(Job::pages).sum(),
        };
        site.render_jobs(&self.engine, jobs, sink, &mut progress, &mut |_| {})
    }

    /// Replaces release files (each `(source locale, file)`, a `releases/<slug>.ftl`) and
    /// renders again what they affect into `sink`: the release's pages in every locale made
    /// from a replaced file, and those locales' indexes and feeds. Each release is checked
    /// again in every locale (a reference file changes what its translations are judged
    /// against); when that changes whether a version is published, nothing is rendered and
    /// the answer is [`Update::Replan`].
    pub fn update_release_files(
        &mut self,
        files: Vec<(Locale, FtlFile)>,
        sink: &dyn PageSink,
    ) -> Result<Update, RenderError> {
        let mut changed: Vec<(Locale, String)> = Vec::new();
        for (source, file) in files {
            let Some(slug) = file.release_slug().map(str::to_owned) else {
                return Ok(Update::Replan);
            };
            let Some(catalog) = self.plan.catalogs.iter_mut().find(|c| c.locale == source) else {
                return Ok(Update::Replan);
            };
            match catalog
                .files
                .binary_search_by(|f| f.rel.as_str().cmp(&file.rel))
            {
                // The same text (a translation filled again after a reference's save, with
                // nothing it lacks changed): its pages stay as they are.
                Ok(i) if same_text(&catalog.files[i], &file) => continue,
                Ok(i) => catalog.files[i] = file,
                Err(i) => catalog.files.insert(i, file),
            }
            if !changed.contains(&(source.clone(), slug.clone())) {
                changed.push((source, slug));
            }
        }
        let mut slugs: Vec<&str> = changed.iter().map(|(_, s)| s.as_str()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        for slug in &slugs {
            if !self.recheck(slug) {
                return Ok(Update::Replan);
            }
        }

        // The bundles built from a replaced file, in every locale made from it.
        let mut rebuilt: Vec<(Locale, String)> = Vec::new();
        let mut built = Vec::new();
        for (source, slug) in &changed {
            let Some(planned) = self
                .plan
                .releases
                .iter()
                .find(|r| r.release.slug.as_str() == slug)
            else {
                continue;
            };
            let Some(catalog) = self.plan.catalogs.iter().find(|c| &c.locale == source) else {
                continue;
            };
            for locale in self.plan.locales.iter().filter(|l| &l.source == source) {
                if !planned.locales.contains(&locale.locale) {
                    continue;
                }
                let bundle = BundleBuilder::new(catalog, &locale.locale, locale.options)
                    .release(Some(slug))?;
                built.push((locale.locale.clone(), slug.clone(), bundle));
                rebuilt.push((locale.locale.clone(), slug.clone()));
            }
        }
        if rebuilt.is_empty() {
            return Ok(Update::Rendered { pages: 0 });
        }
        // The engine holds the bundles too: it lets go of them while they are changed in place.
        self.engine.set_bundles(Arc::default());
        let Some(bundles) = Arc::get_mut(&mut self.bundles) else {
            return Ok(Update::Replan);
        };
        for (locale, slug, bundle) in built {
            bundles.insert(locale.as_str(), Some(&slug), Arc::new(bundle));
        }
        self.engine.set_bundles(Arc::clone(&self.bundles));

        let mut affected: Vec<Job<'_>> = Vec::new();
        let mut locales: Vec<&Locale> = Vec::new();
        for planned in &self.plan.releases {
            for locale in &planned.locales {
                let hit = rebuilt
                    .iter()
                    .any(|(l, s)| l == locale && s == planned.release.slug.as_str());
                if hit {
                    affected.push(Job::Release { planned, locale });
                    if !locales.contains(&locale) {
                        locales.push(locale);
                    }
                }
            }
        }
        for locale in locales {
            affected.extend([Job::Feed(locale), Job::JsonFeed(locale), Job::Index(locale)]);
        }
        Ok(Update::Rendered {
            pages: self.render_counted(&affected, sink)?,
        })
    }

    /// Replaces shared files (`common.ftl`…) of the translation `source` and renders again
    /// every page of the locales made from it, and the language chooser. The locale is checked
    /// again whole; [`Update::Replan`] when a version's verdict changes, when the locale's own
    /// name (which every page's language switcher shows) changes, or for the reference's
    /// files (every translation is judged against them).
    pub fn update_shared_files(
        &mut self,
        source: &Locale,
        files: Vec<FtlFile>,
        sink: &dyn PageSink,
    ) -> Result<Update, RenderError> {
        let locales: Vec<PlanLocale> = self
            .plan
            .locales
            .iter()
            .filter(|l| &l.source == source)
            .cloned()
            .collect();
        if *source == self.plan.reference || locales.is_empty() {
            return Ok(Update::Replan);
        }
        let names_before: Vec<Option<String>> =
            locales.iter().map(|l| self.language_name(l)).collect();
        let Some(catalog) = self.plan.catalogs.iter_mut().find(|c| &c.locale == source) else {
            return Ok(Update::Replan);
        };
        for file in files {
            if file.scope != FileScope::Shared {
                return Ok(Update::Replan);
            }
            match catalog
                .files
                .binary_search_by(|f| f.rel.as_str().cmp(&file.rel))
            {
                Ok(i) => catalog.files[i] = file,
                Err(i) => catalog.files.insert(i, file),
            }
        }
        let catalog = catalog.clone();
        let Some(reference) = self
            .plan
            .catalogs
            .iter()
            .find(|c| c.locale == self.plan.reference)
        else {
            return Ok(Update::Replan);
        };
        let report = check_catalogs(
            &self.workspace,
            &[reference.clone(), catalog.clone()],
            None,
            &[],
        );
        if !shared_problems(&report, source).is_empty() {
            return Ok(Update::Replan);
        }
        for planned in &self.plan.releases {
            for locale in &locales {
                let found = problems(&report, source, &planned.release.slug);
                if found.is_empty() != planned.locales.contains(&locale.locale) {
                    return Ok(Update::Replan);
                }
                if let Some(incomplete) = self
                    .plan
                    .incomplete
                    .iter_mut()
                    .find(|i| i.release == planned.release.slug && i.locale == locale.locale)
                {
                    incomplete.problems = found;
                }
            }
        }

        let mut tasks: Vec<(&Locale, Option<&str>, usize)> = Vec::new();
        let builders: Vec<BundleBuilder<'_>> = locales
            .iter()
            .map(|l| BundleBuilder::new(&catalog, &l.locale, l.options))
            .collect();
        for (i, locale) in locales.iter().enumerate() {
            tasks.push((&locale.locale, None, i));
            for planned in &self.plan.releases {
                if planned.locales.contains(&locale.locale) {
                    tasks.push((&locale.locale, Some(planned.release.slug.as_str()), i));
                }
            }
        }
        let built: Vec<(&Locale, Option<&str>, LocaleBundle)> = tasks
            .par_iter()
            .map(|(locale, slug, i)| {
                builders[*i]
                    .release(*slug)
                    .map(|bundle| (*locale, *slug, bundle))
            })
            .collect::<Result<_, _>>()?;
        self.engine.set_bundles(Arc::default());
        let Some(bundles) = Arc::get_mut(&mut self.bundles) else {
            return Ok(Update::Replan);
        };
        for (locale, slug, bundle) in built {
            bundles.insert(locale.as_str(), slug, Arc::new(bundle));
        }
        self.engine.set_bundles(Arc::clone(&self.bundles));
        let names_after: Vec<Option<String>> =
            locales.iter().map(|l| self.language_name(l)).collect();
        if names_after != names_before {
            return Ok(Update::Replan);
        }

        let mut affected: Vec<Job<'_>> = Vec::new();
        for locale in &locales {
            let locale = &locale.locale;
            let Some(locale) = self
                .plan
                .locales
                .iter()
                .map(|l| &l.locale)
                .find(|l| *l == locale)
            else {
                continue;
            };
            affected.extend([Job::Feed(locale), Job::JsonFeed(locale), Job::Index(locale)]);
            for planned in &self.plan.releases {
                if let Some(locale) = planned.locales.iter().find(|l| *l == locale) {
                    affected.push(Job::Release { planned, locale });
                }
            }
        }
        affected.push(Job::Languages);
        Ok(Update::Rendered {
            pages: self.render_counted(&affected, sink)?,
        })
    }

    /// The name a locale gives itself (`language-name`), as its shared bundle formats it.
    fn language_name(&self, locale: &PlanLocale) -> Option<String> {
        self.bundles
            .get(locale.locale.as_str(), None)
            .and_then(|b| b.format("language-name", None).ok())
    }

    /// Checks release `slug` again in every locale (its own file and the shared files, the
    /// scope its bundle holds) and records its problems; `false` when a version's verdict
    /// (published or not) changed.
    fn recheck(&mut self, slug: &str) -> bool {
        let scoped: Vec<Catalog> = self
            .plan
            .catalogs
            .iter()
            .map(|catalog| catalog.scoped_to_release(slug))
            .collect();
        let report = check_catalogs(&self.workspace, &scoped, None, &[]);
        let Some(planned) = self
            .plan
            .releases
            .iter()
            .find(|r| r.release.slug.as_str() == slug)
        else {
            return true;
        };
        let slug = planned.release.slug.clone();
        for locale in &self.plan.locales {
            let found = problems(&report, &locale.source, &slug);
            let published = planned.locales.contains(&locale.locale);
            if found.is_empty() != published {
                return false;
            }
            if let Some(incomplete) = self
                .plan
                .incomplete
                .iter_mut()
                .find(|i| i.release == slug && i.locale == locale.locale)
            {
                incomplete.problems = found;
            }
        }
        true
    }
}

/// Whether two parses of a file read the same text.
fn same_text(a: &FtlFile, b: &FtlFile) -> bool {
    a.source.text == b.source.text
        && a.source.invalid_utf8_at == b.source.invalid_utf8_at
        && a.io_error == b.io_error
}
