"""Writes BENCHMARKS.md (on stdout) from the exports of bench/run.sh (hyperfine, GNU time, serve_latency.py).

Reads target/bench/results/*.json and the facts run.sh exports in the environment; computes
medians, ratios and whether each target of issues 5 and 14 is met. Standard library only.
"""

import collections
import json
import os
import statistics
import sys

env = os.environ
RESULTS = env["RESULTS"]
ROOT = env["ROOT"]


def load(name):
    with open(os.path.join(RESULTS, name), encoding="utf-8") as f:
        return json.load(f)


def runs(name):
    return {r["command"]: r for r in load(name)["results"]}


def pooled(results):
    """One command's runs over several rounds, summarized as hyperfine summarizes one."""
    times = [t for r in results for t in r["times"]]
    return {
        "times": times,
        "median": statistics.median(times),
        "mean": statistics.mean(times),
        "stddev": statistics.stdev(times) if len(times) > 1 else 0,
        "min": min(times),
        "max": max(times),
        "user": statistics.mean(r["user"] for r in results),
        "system": statistics.mean(r["system"] for r in results),
    }


ROUNDS = int(env["ROUNDS"])
check_rounds = [runs(f"check-{i}.json") for i in range(1, ROUNDS + 1)]
PRE_CONTENT = "beyan check (pre-content)"
timings = {
    name: pooled([r[name] for r in check_rounds])
    for name in ["beyan check", "parse floor", PRE_CONTENT]
}
# The ratio within each round, where both ran minutes apart at most.
round_ratios = sorted(r["beyan check"]["median"] / r["parse floor"]["median"] for r in check_rounds)
base_ratios = sorted(r["beyan check"]["median"] / r[PRE_CONTENT]["median"] for r in check_rounds)
for export in ["compare-locales.json", "render.json", "copy.json", "sample.json"]:
    timings.update(runs(export))
rss_kb = load("rss.json")
serve = {"sample": load("serve-sample.json"), "archive": load("serve-archive.json")}


def median(name):
    return timings[name]["median"]


def fmt_time(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.2f} ms"


def fmt_mib(kib):
    return f"{kib / 1024:.1f} MiB"


def display(command):
    # Paths relative to the repository root, as one would type them there.
    return command.replace(ROOT + "/", "")


def yes(met):
    return "**met**" if met else "**not met**"


check = median("beyan check")
floor = median("parse floor")
compare_locales = median("compare-locales")
render = median("beyan render")
hugo = median("hugo")
COPY_BEYAN = "cp -r of beyan's output"
COPY_HUGO = "cp -r of Hugo's output"
sample = median("beyan check (sample)")
workspace_bytes = int(env["LARGE_BYTES"])
rss_limit_kib = (4 * workspace_bytes + 20 * 1000 * 1000) / 1024

out = []
w = out.append
w("# Benchmarks")
w("")
w(
    "Written by `bash bench/run.sh` (`just bench`); do not edit by hand, run it again. "
    "Every figure below comes from one run of that script on one machine, tools side by side."
)
w("")
w("## Machine and tools")
w("")
w(f"- Date: {env['BENCH_DATE']}")
w(f"- CPU: {env['BENCH_CPU']}, {env['BENCH_NPROC']} cores (`nproc`), RAM {env['BENCH_RAM']}")
w(f"- OS: {env['BENCH_OS']}, Linux {env['BENCH_KERNEL']}")
w(f"- {env['V_BEYAN']} (commit {env['V_GIT']}), built with `cargo build --release`, {env['V_RUSTC']}")
w(f"- {env['V_CL']} ({env['V_PYTHON']}, in a throw-away venv), {env['V_HUGO']} (Debian), {env['V_HYPERFINE']} (Debian)")
w("")
w("## Targets (issues 5 and 12)")
w("")
w("| target | measured | ratio | verdict |")
w("| --- | --- | --- | --- |")
w(
    f"| `check` of the large workspace ≥ 100× faster than compare-locales | "
    f"{fmt_time(check)} vs {fmt_time(compare_locales)} | {compare_locales / check:.1f}× faster | "
    f"{yes(compare_locales / check >= 100)} |"
)
# Judged by the ratio within each round (both tools measured minutes apart at most), not by the
# ratio of pooled medians: the machine's speed drifts between rounds, and the floor (one thread)
# and beyan (every core) do not drift alike.
floor_ratio = statistics.median(round_ratios)
w(
    f"| `check` within 2× of the read-and-parse floor | {fmt_time(check)} vs {fmt_time(floor)} "
    f"(pooled medians) | {floor_ratio:.2f}× the floor (median of the {ROUNDS} rounds' ratios; "
    f"{round_ratios[0]:.2f}× to {round_ratios[-1]:.2f}×) | {yes(floor_ratio <= 2)} |"
)
base_ratio = statistics.median(base_ratios)
w(
    f"| `check` with the content checks within 1.25× of `check` before them (commit "
    f"{env['BASELINE']}) | {fmt_time(check)} vs {fmt_time(median(PRE_CONTENT))} (pooled medians) | "
    f"{base_ratio:.2f}× (median of the {ROUNDS} rounds' ratios; {base_ratios[0]:.2f}× to "
    f"{base_ratios[-1]:.2f}×) | {yes(base_ratio <= 1.25)} |"
)
w(
    f"| `render` of the archive ≥ 2× faster than Hugo | {fmt_time(render)} vs {fmt_time(hugo)} | "
    f"{hugo / render:.2f}× faster | {yes(hugo / render >= 2)} |"
)
w(
    f"| peak RSS of `check` < 4 × workspace bytes + 20 MB | {fmt_mib(rss_kb['beyan check'])} "
    f"(limit {fmt_mib(rss_limit_kib)}: 4 × {workspace_bytes:,} B + 20 MB) | "
    f"{rss_kb['beyan check'] / rss_limit_kib:.2f} of the limit | {yes(rss_kb['beyan check'] < rss_limit_kib)} |"
)
w(
    f"| `beyan check` on the sample < 5 ms | {fmt_time(sample)} | {sample / 0.005:.2f} of the budget | "
    f"{yes(sample < 0.005)} |"
)
w("")
w("## Targets (issue 14: streaming render, incremental serve)")
w("")
w("| target | measured | ratio | verdict |")
w("| --- | --- | --- | --- |")
MIB_150 = 150 * 1000 * 1000 / 1024
for label, beyan_name, hugo_name in [
    ("1,000", "beyan render", "hugo"),
    ("4,000", "beyan render (4,000)", "hugo (4,000)"),
]:
    kib = rss_kb[beyan_name]
    w(
        f"| peak RSS of `render` of {label} releases ≤ 150 MB | {fmt_mib(kib)} (Hugo "
        f"{fmt_mib(rss_kb[hugo_name])}) | {kib / MIB_150:.2f} of the budget; "
        f"{rss_kb[hugo_name] / kib:.2f}× less than Hugo | {yes(kib <= MIB_150)} |"
    )
w(
    f"| `render` of the archive ≥ 3× faster than Hugo | {fmt_time(render)} vs {fmt_time(hugo)} | "
    f"{hugo / render:.2f}× faster | {yes(hugo / render >= 3)} |"
)
for name, budget in [("sample", 100), ("archive", 300)]:
    figures = serve[name]
    w(
        f"| `serve`: save of a `.ftl` → reload event on the {name} ≤ {budget} ms | "
        f"{figures['median_ms']:.0f} ms (median of {figures['runs']}; "
        f"{figures['min_ms']:.0f} … {figures['max_ms']:.0f} ms) | "
        f"{figures['median_ms'] / budget:.2f} of the budget | {yes(figures['median_ms'] <= budget)} |"
    )
w("")
out_beyan_bytes = int(env["OUT_BEYAN_BYTES"])
out_hugo_bytes = int(env["OUT_HUGO_BYTES"])
w(
    f"What the render target compares: beyan writes {int(env['OUT_BEYAN_FILES']):,} files of "
    f"{out_beyan_bytes / 1e6:.0f} MB for the archive (five forms of each release), Hugo "
    f"{int(env['OUT_HUGO_FILES']):,} files of {out_hugo_bytes / 1e6:.0f} MB (one page of each). "
    f"A plain copy of each output tree on the same file system (`cp -r`, one thread, into an "
    f"emptied folder) takes {fmt_time(median(COPY_BEYAN))} for beyan's and "
    f"{fmt_time(median(COPY_HUGO))} for Hugo's: the copy of beyan's output alone is "
    f"{median(COPY_BEYAN) / render:.2f} of beyan's render time and "
    f"{median(COPY_HUGO) / hugo:.2f} of Hugo's. Not a target; the cost of that much output to "
    "the file system, whatever program writes it."
)
w("")
w(
    "Serve: `bench/serve_latency.py` copies the workspace's sources to a temporary folder, "
    "starts `beyan serve --port 0` on the copy, opens the event stream open pages listen to, "
    "and saves `locales/az/releases/<slug>.ftl` with a new headline every 0.3 s (the first save "
    f"a warm-up): from the end of the save to the `reload` event (slugs `{env['SAMPLE_SLUG']}` "
    f"and `{env['ARCHIVE_SLUG']}`). The 4,000-release archive and Hugo site are "
    "`bench-gen archive --releases 4000` and `bench-gen hugo-site --releases 4000`."
)
w("")
w(
    f"Medians of {env['RUNS']} runs (the sample: {int(env['RUNS']) * 20}) after warm-up runs; "
    f"`beyan check` and the floor: {ROUNDS} rounds of {env['RUNS']} runs each, taking turns, pooled "
    f"(the ratio within each round ranged from {round_ratios[0]:.2f}× to {round_ratios[-1]:.2f}×, "
    f"median {statistics.median(round_ratios):.2f}×)."
)
w("")
w("## All measurements")
w("")
w("| what | median | mean ± σ | min … max | runs | peak RSS |")
w("| --- | --- | --- | --- | --- | --- |")
for name in [
    "beyan check",
    "parse floor",
    PRE_CONTENT,
    "compare-locales",
    "beyan render",
    "hugo",
    COPY_BEYAN,
    COPY_HUGO,
    "beyan check (sample)",
]:
    t = timings[name]
    rss = fmt_mib(rss_kb[name]) if name in rss_kb else "–"
    w(
        f"| {name} | {fmt_time(t['median'])} | {fmt_time(t['mean'])} ± {fmt_time(t['stddev'] or 0)} | "
        f"{fmt_time(t['min'])} … {fmt_time(t['max'])} | {len(t['times'])} | {rss} |"
    )
w("")
w("User and system CPU time (means) show how much of the wall time is parallel work:")
w("")
for name in [
    "beyan check",
    "parse floor",
    PRE_CONTENT,
    "compare-locales",
    "beyan render",
    "hugo",
    COPY_BEYAN,
    COPY_HUGO,
]:
    t = timings[name]
    w(f"- {name}: user {fmt_time(t['user'])}, system {fmt_time(t['system'])}, wall {fmt_time(t['mean'])}")
w("")

check_output = load("check-output.json")
w("## Inputs")
w("")
w(
    f"Generated by `target/release/bench-gen` with its default seed: the same bytes on every run "
    f"(`cargo test -p bench-gen` checks that)."
)
w("")
w(
    f"- **Large l10n** (`target/bench/large`): {env['LARGE_FILES']} files, {workspace_bytes:,} bytes in all; "
    f"{env['REF_FTL_FILES']} `.ftl` files and {int(env['REF_FTL_BYTES']):,} bytes in the reference `en`, "
    f"{int(env['LARGE_FTL_BYTES']):,} bytes of `.ftl` in the four locales; a `beyan.lock` of "
    f"{int(env['LOCK_BYTES']):,} bytes recording every translated message (as `beyan lock` writes it)."
)
for locale in check_output["locales"]:
    m = locale["messages"]
    w(
        f"  - {locale['locale']}: {m['translated']:,} of {m['total']:,} messages and terms translated "
        f"({100 * m['translated'] / m['total']:.0f}%), {m['missing']:,} missing, "
        f"{locale['errors']:,} errors, {locale['warnings']:,} warnings"
    )
codes = collections.Counter(d["code"] for d in check_output["diagnostics"])
w(
    "  - diagnostics by code: "
    + ", ".join(f"`{code}` {count:,}" for code, count in sorted(codes.items()))
)
w(f"  - `beyan check` exit status: {env['CHECK_STATUS']} (1 expected: the defects are seeded)")
w(
    f"- **Archive** (`target/bench/archive`): 1,000 releases × 4 locales, {int(env['ARCHIVE_FILES']):,} files, "
    f"{int(env['ARCHIVE_BYTES']):,} bytes, with the sample's `beyan.toml` and `common.ftl`. The same releases "
    f"as a Hugo site in `target/bench/hugo` (`bench-gen hugo-site`): one Markdown page per release per "
    f"language, the labels of `common.ftl` as Hugo i18n, a minimal layout printing the same parts."
)
w(
    f"  - output: beyan {int(env['OUT_BEYAN_FILES']):,} files (HTML, text, Markdown, JSON and an "
    f"e-mail per release, index, Atom and JSON feeds per locale, sitemap); Hugo {int(env['OUT_HUGO_FILES']):,} files (HTML per "
    f"release, index and RSS per language, sitemaps)"
)
w(f"- **Sample**: the repository root; `beyan check` exit status {env['SAMPLE_STATUS']}.")
w("")
w("## Commands")
w("")
w("Run from the repository root; hyperfine runs each without a shell (`-N`), output piped and discarded.")
w("")
w("```sh")
w(
    f"# check vs the floor, {ROUNDS} times in turn ({env['WARMUP']} warm-ups, {env['RUNS']} runs; "
    "-i: exit 1 is expected)"
)
w(f"hyperfine -N -i --warmup {env['WARMUP']} --runs {env['RUNS']} \\")
w(f"  '{display(env['CHECK_CMD'])}' \\")
w(f"  '{display(env['FLOOR_CMD'])}' \\")
w(f"  '{display(env['BASE_CMD'])}'")
w(f"hyperfine -N -i --warmup 1 --runs {env['RUNS']} '{display(env['CL_CMD'])}'")
sites = env["BENCH_SITES"]
w(f"# render vs Hugo, each into an emptied folder under {sites}")
w(f"hyperfine -N --warmup 2 --runs {env['RUNS']} \\")
w(f"  --prepare 'rm -rf {sites}/out-beyan' '{display(env['RENDER_CMD'])}' \\")
w(f"  --prepare 'rm -rf {sites}/out-hugo' '{display(env['HUGO_CMD'])}'")
w("# the bytes alone: a copy of each output tree (moved aside after the render runs)")
w(f"hyperfine -N --warmup 2 --runs {env['RUNS']} \\")
w(f"  --prepare 'rm -rf {sites}/copy-beyan' '{display(env['COPY_BEYAN_CMD'])}' \\")
w(f"  --prepare 'rm -rf {sites}/copy-hugo' '{display(env['COPY_HUGO_CMD'])}'")
w(f"hyperfine -N -i --warmup 20 --runs {int(env['RUNS']) * 20} '{display(env['SAMPLE_CMD'])}'")
w("# peak RSS: the largest 'Maximum resident set size' of three runs")
w(f"/usr/bin/time -v {display(env['CHECK_CMD'])}")
w(f"/usr/bin/time -v {display(env['RENDER4K_CMD'])}")
w(f"/usr/bin/time -v {display(env['HUGO4K_CMD'])}")
w("# serve: save of a release's .ftl -> reload event")
w(f"python3 bench/serve_latency.py target/release/beyan . az {env['SAMPLE_SLUG']} {int(env['RUNS']) * 2}")
w(f"python3 bench/serve_latency.py target/release/beyan target/bench/archive az {env['ARCHIVE_SLUG']} {int(env['RUNS']) * 2}")
w("```")
w("")
w(
    "The floor is `bench-gen parse-floor`: it reads every `.ftl` file of the four locales once and "
    "parses it with fluent-syntax on one thread, nothing else. `beyan check` also reads "
    "`beyan.toml`, `releases/*.toml` and the `beyan.lock`, which the floor does not."
)
w("")
w(
    f"`beyan check (pre-content)` is `beyan check` built from commit {env['BASELINE']}, the last "
    "before the content checks of issue 12, into `target/bench/`; it reads the same workspace, "
    "copied to `target/bench/large-v1` with the lock's `version = 2` set to 1 (the generated lock "
    "has no reference texts, the only addition of version 2), since that commit reads version 1."
)
if sites.startswith("/dev/shm"):
    w("")
    w(
        f"Rendered sites are written to a tmpfs ({sites}): on this machine's ext4, creating "
        "12,000 files right after deleting 12,000 spends most of each run in the kernel's inode "
        "allocator (`recently_deleted`), for both tools, and single runs varied from 2 s to 12 s."
    )
sys.stdout.write("\n".join(out) + "\n")
