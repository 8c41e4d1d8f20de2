//! `render --pseudo`: pseudolocalized versions of every page, for layout testing before the
//! translations exist. They are rendered as a separate plan from the reference's files and
//! only their own folders (`<out>/en-XA/`, `<out>/ar-XB/`) are merged into the site, so the
//! real pages, the language chooser and the sitemap never mention them.

use beyan_content::{Locale, Workspace};
use beyan_l10n::Pseudo;
use beyan_render::{PlanLocale, RenderError, RenderOptions, Site};

/// Renders the pseudolocales with the same releases, clock and embargo rules as `options` and
/// adds their folders to `site`. Returns the codes added.
pub fn add_pseudolocales(
    workspace: &Workspace,
    options: &RenderOptions,
    site: &mut Site,
) -> anyhow::Result<Vec<Locale>> {
    let reference = workspace.reference().clone();
    let extra: Vec<PlanLocale> = Pseudo::ALL
        .into_iter()
        .map(|pseudo| PlanLocale {
            locale: pseudo.locale(),
            source: reference.clone(),
            options: pseudo.bundle_options(),
            // A pseudolocale never blocks a render; the reference's own gate already ran.
            required: false,
        })
        .collect();
    let codes: Vec<Locale> = extra.iter().map(|l| l.locale.clone()).collect();
    // The reference renders too (the shared pages need it) but only the pseudo folders are kept.
    let mut locales = vec![reference];
    locales.extend(codes.iter().cloned());
    let pseudo_options = RenderOptions {
        locales,
        skip_incomplete: true,
        extra_locales: extra,
        ..options.clone()
    };
    let plan = beyan_render::plan(workspace, &pseudo_options)?;
    let pseudo_site = beyan_render::render(workspace, &plan, &mut |_| {})
        .map_err(|e: RenderError| anyhow::anyhow!("pseudolocales: {e}"))?;
    let prefixes: Vec<String> = codes.iter().map(|c| format!("{c}/")).collect();
    for (path, bytes) in pseudo_site.files {
        if prefixes.iter().any(|p| path.starts_with(p.as_str())) {
            site.files.insert(path, bytes);
        }
    }
    Ok(codes)
}
