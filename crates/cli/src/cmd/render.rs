//! `beyan render`: publishes every complete language version of the releases.
//!
//! An explicit `--out` is relative to the current folder, like any path argument; without it
//! the site goes to `dist/` at the workspace root, wherever in the workspace the command runs.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use beyan_content::{Locale, Slug, WriteGate, WriteRefused};
use beyan_render::{Incomplete, RenderError, RenderOptions, TemplateError};

use crate::context::Context;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan render                                   every complete version to dist/",
    "beyan render -o site --release 2025-11-08-victory-day",
    "beyan render --skip-incomplete                 publish what is complete, name the rest",
    "beyan render --include-embargoed --now 2025-11-08T09:00:00+05:00",
    "beyan check                                    why a version is incomplete (beyan explain CODE)",
))]
pub struct Args {
    /// Publish only this release (repeatable).
    #[arg(long = "release", value_name = "SLUG")]
    releases: Vec<String>,
    /// Publish only this locale (repeatable).
    #[arg(long = "locale", short = 'l', value_name = "L", value_delimiter = ',')]
    locales: Vec<String>,
    /// Output folder, replaced whole [default: dist at the workspace root].
    #[arg(
        long = "output",
        short = 'o',
        visible_alias = "out",
        value_name = "DIR"
    )]
    out: Option<PathBuf>,
    /// Publish the complete versions and skip incomplete ones instead of failing.
    #[arg(long)]
    skip_incomplete: bool,
    /// Also publish releases under embargo, marked as previews.
    #[arg(long)]
    include_embargoed: bool,
    /// The instant embargoes are compared with, RFC 3339 [default: the clock].
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// Also publish pseudolocalized pages for layout testing: en-XA (accented, ~30% longer)
    /// and ar-XB (flipped, right to left); never in the language chooser or the sitemap.
    #[arg(long)]
    pseudo: bool,
    /// Also print each release page to `<locale>/<slug>.pdf` (A4, letterhead, fonts embedded)
    /// with headless Chromium (found on PATH, or BEYAN_CHROMIUM).
    #[arg(long)]
    pdf: bool,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let workspace = context.workspace()?;
    let now = match &args.now {
        // The parser's own reason names its internals ("four digit integer"); the example
        // says what to write.
        Some(text) => text.parse::<jiff::Timestamp>().map_err(|_| {
            anyhow::anyhow!(
                "--now `{text}` is not a date and time with a UTC offset, such as 2025-11-08T09:00:00+05:00 (RFC 3339)"
            )
        })?,
        None => jiff::Timestamp::now(),
    };
    let releases = args
        .releases
        .iter()
        .map(|s| Slug::parse(s).map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let locales = args
        .locales
        .iter()
        .map(|l| Locale::parse(l).map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let options = RenderOptions {
        releases,
        locales,
        now,
        include_embargoed: args.include_embargoed,
        skip_incomplete: args.skip_incomplete,
        extra_locales: Vec::new(),
    };
    let out_arg = args.out.unwrap_or_else(|| workspace.root.join("dist"));
    let mut err = anstream::stderr();
    // A translation project (no releases/) has no site: its index pages would list nothing,
    // and `check` does not ask its reference for the site's labels.
    if workspace.releases.is_empty() {
        let _ = writeln!(
            err,
            "nothing to publish: the workspace has no releases (`beyan new SLUG` scaffolds one); nothing was written"
        );
        return Ok(ExitCode::SUCCESS);
    }
    // Judged and locked before anything is rendered: a folder beyan may not replace is
    // refused at once, and a concurrent render into it is waited for.
    let out = WriteGate::for_workspace(&workspace.root)
        .with_context(|| format!("cannot open the workspace {}", workspace.root.display()))?
        .output_dir(&out_arg)?;
    let out = match out.lock(false) {
        Err(WriteRefused::Busy { shown }) => {
            let _ = writeln!(err, "waiting for another beyan writing {shown} to finish…");
            out.lock(true)?
        }
        other => other?,
    };
    let plan = beyan_render::plan(&workspace, &options)?;

    let blocking = plan.blocking(&options);
    if !blocking.is_empty() {
        for incomplete in &blocking {
            let _ = writeln!(err, "{}", describe("error", incomplete));
        }
        let _ = writeln!(
            err,
            "nothing was written: {} language version{} incomplete; complete {} or pass --skip-incomplete",
            blocking.len(),
            if blocking.len() == 1 { " is" } else { "s are" },
            if blocking.len() == 1 { "it" } else { "them" },
        );
        return Ok(ExitCode::from(1));
    }
    for incomplete in &plan.incomplete {
        let _ = writeln!(err, "{}", describe("skipped", incomplete));
    }
    for slug in &plan.embargoed {
        let embargo = workspace
            .release(slug.as_str())
            .and_then(|r| r.embargo)
            .map(|e| e.to_string())
            .unwrap_or_default();
        let _ = writeln!(
            err,
            "withheld: `{slug}` is under embargo until {embargo} (pass --include-embargoed for a preview)"
        );
    }

    let progress =
        (std::io::stderr().is_terminal() && !context.quiet).then(|| indicatif::ProgressBar::new(0));
    if let Some(bar) = &progress
        && let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len}")
    {
        bar.set_style(style);
    }
    let mut written = None;
    let mut on_progress = |p: beyan_render::Progress| {
        if let Some(bar) = &progress {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
        }
    };
    // Pseudolocales and PDFs are made from the finished site, so those renders are held in
    // memory; every other render streams its pages into the output's staging folder.
    let extras = args.pseudo || args.pdf;
    let rendered = if extras {
        beyan_render::render(&workspace, &plan, &mut on_progress).map(Some)
    } else {
        beyan_render::render_to(&workspace, &plan, &out, &mut on_progress).map(|rendered| {
            written = Some(rendered);
            None
        })
    };
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let site = match rendered {
        Ok(site) => site,
        Err(RenderError::Template(e)) => {
            template_error(&e);
            return Ok(ExitCode::from(2));
        }
        Err(RenderError::Io(e)) => {
            return Err(
                anyhow::Error::new(e).context(format!("cannot write {}", out_arg.display()))
            );
        }
        Err(e) => return Err(e.into()),
    };
    let mut pseudo = Vec::new();
    let mut pdfs = 0;
    if let Some(mut site) = site {
        if args.pseudo {
            pseudo = super::render_pseudo::add_pseudolocales(&workspace, &options, &mut site)?;
        }
        if args.pdf {
            pdfs =
                super::render_pdf::add_pdfs(&mut site, workspace.config.site.base_url.as_deref())?;
        }
        site.write_to(&out)
            .with_context(|| format!("cannot write {}", out_arg.display()))?;
        written = Some(beyan_render::Rendered {
            pages: site.pages(),
            locales: site.locales.clone(),
        });
    }
    let Some(written) = written else {
        return Ok(ExitCode::SUCCESS);
    };

    if context.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    for (locale, count) in &plan.stale {
        let _ = writeln!(
            err,
            "published {} in {locale} whose reference text changed since (beyan todo --locale {locale})",
            crate::report::count(*count, "stale translation", "stale translations"),
        );
    }
    let codes: Vec<&str> = written.locales.iter().map(Locale::as_str).collect();
    let _ = writeln!(
        err,
        "rendered {} page{} in {} locale{} ({}) to {} in {:.2}s",
        written.pages,
        if written.pages == 1 { "" } else { "s" },
        codes.len(),
        if codes.len() == 1 { "" } else { "s" },
        codes.join(", "),
        out_arg.display(),
        started.elapsed().as_secs_f64()
    );
    if pdfs > 0 {
        let _ = writeln!(
            err,
            "printed {pdfs} release page{} to PDF",
            if pdfs == 1 { "" } else { "s" }
        );
    }
    if !pseudo.is_empty() {
        let codes: Vec<&str> = pseudo.iter().map(Locale::as_str).collect();
        let _ = writeln!(
            err,
            "pseudolocales for layout testing in {} (not in the language chooser or the sitemap)",
            codes.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `error: the `az` version of `slug` is incomplete: missing `a`, `b` (file)`.
fn describe(label: &str, incomplete: &Incomplete) -> String {
    let missing: Vec<String> = incomplete
        .problems
        .iter()
        .filter(|p| p.code.starts_with("missing-"))
        .filter_map(|p| p.id.as_ref().map(|id| format!("`{id}`")))
        .collect();
    let others: Vec<String> = incomplete
        .problems
        .iter()
        .filter(|p| !p.code.starts_with("missing-"))
        .map(|p| match &p.id {
            Some(id) => format!("{} `{id}`", p.code),
            None => p.code.clone(),
        })
        .collect();
    let mut files: Vec<&str> = incomplete
        .problems
        .iter()
        .map(|p| p.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    if !others.is_empty() {
        parts.push(others.join(", "));
    }
    format!(
        "{label}: the `{}` version of `{}` is incomplete: {} ({})",
        incomplete.locale,
        incomplete.release,
        parts.join("; "),
        files.join(", ")
    )
}

fn template_error(error: &TemplateError) {
    let mut err = anstream::stderr();
    let style = anstyle::AnsiColor::Red.on_default().bold();
    let _ = writeln!(err, "{style}error{style:#}: template {error}");
    if let Some(report) = &error.report {
        // Tera's report repeats the message; its source line and caret are what help.
        let located: Vec<&str> = report.lines().skip(1).collect();
        if !located.is_empty() {
            let _ = writeln!(err, "{}", located.join("\n"));
        }
    }
}
