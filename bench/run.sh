#!/usr/bin/env bash
# The benchmarks of issues 5 and 14, side by side on this machine, in one run:
#   beyan check (large workspace) vs compare-locales 9.0.5 vs the read-and-parse floor,
#   beyan render (1,000-release archive) vs Hugo on the same releases, and a plain copy of each
#   one's output tree (what that many bytes cost the file system alone),
#   beyan check vs beyan check before the content checks (issue 12's 1.25× budget),
#   peak RSS (check; render of 1,000 and 4,000 releases beside Hugo's), beyan check on the sample,
#   and `beyan serve`'s save-to-reload latency on the sample and the archive.
# Writes the raw hyperfine exports to target/bench/results/ and the summary to BENCHMARKS.md.
# Never part of `cargo test`. Usage: bash bench/run.sh   (or `just bench`)
# Knobs: BENCH_RUNS (default 10), BENCH_WARMUP (default 3), BENCH_ROUNDS (default 5: rounds of
# beyan check and the floor in turn), BENCH_OUT (default BENCHMARKS.md), BENCH_BASELINE (default
# 4ce95d2: the last commit before the content checks, built once into target/bench/).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BENCH=target/bench
RESULTS=$BENCH/results
RUNS=${BENCH_RUNS:-10}
WARMUP=${BENCH_WARMUP:-3}
ROUNDS=${BENCH_ROUNDS:-5}
OUT=${BENCH_OUT:-BENCHMARKS.md}
BEYAN=target/release/beyan
GEN=target/release/bench-gen
COMPARE_LOCALES=$BENCH/venv/bin/compare-locales
BASELINE=${BENCH_BASELINE:-4ce95d2}
# Rendered sites go to a tmpfs when there is one: on ext4, creating 12,000 files right after
# deleting 12,000 (each timed run starts from an emptied folder) sends most of the time into
# the kernel's inode allocator (`recently_deleted`), for beyan and Hugo alike, and single
# runs then vary from 2 s to 12 s. A tmpfs measures the tools rather than that.
if [[ -z ${BENCH_SITES:-} ]]; then
    BENCH_SITES=$BENCH/sites
    [[ -d /dev/shm && -w /dev/shm ]] && BENCH_SITES=/dev/shm/beyan-bench-sites
fi
mkdir -p "$BENCH_SITES"
BENCH_SITES=$(cd "$BENCH_SITES" && pwd)

log() { printf '==> %s\n' "$*" >&2; }

# --- Tools: Debian's hyperfine, hugo and GNU time; compare-locales in a throw-away venv.
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v hugo >/dev/null || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
    log "installing ${missing[*]} from Debian"
    sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi
if ! "$COMPARE_LOCALES" --version 2>/dev/null | grep -qx 'compare-locales 9.0.5'; then
    log "installing compare-locales 9.0.5 in $BENCH/venv"
    mkdir -p "$BENCH"
    python3 -m venv "$BENCH/venv"
    "$BENCH/venv/bin/pip" install -q 'compare-locales==9.0.5'
fi

# --- Build and generate (deterministic: the default seed gives the same bytes every time).
log "building beyan and bench-gen (release)"
cargo build --release --quiet -p beyan -p bench-gen
if ! "$BEYAN" render --help >/dev/null 2>&1; then
    echo "error: this beyan has no \`render\` command; the render benchmark cannot run" >&2
    exit 2
fi
# `check` before the content checks, from the sources of that commit (git archive: no worktree
# to clean up), with its own target folder; built once per commit.
BASE_DIR=$BENCH/baseline-$BASELINE
BASE_BEYAN=$BASE_DIR/target/release/beyan
if [[ ! -x $BASE_BEYAN ]]; then
    log "building beyan $BASELINE (before the content checks) in $BASE_DIR (once)"
    rm -rf "$BASE_DIR/src"
    mkdir -p "$BASE_DIR/src"
    git archive "$BASELINE" | tar -x -C "$BASE_DIR/src"
    (cd "$BASE_DIR/src" && cargo build --release --quiet --locked -p beyan --target-dir "$ROOT/$BASE_DIR/target")
fi
log "generating workspaces under $BENCH"
"$GEN" large-l10n "$BENCH/large"
# The baseline reads only version 1 of beyan.lock; the generated lock has no reference texts
# (version 2's only addition), so the same workspace with its version line set to 1 is the same
# input to it.
if grep -qx '\[reference-texts\]' "$BENCH/large/beyan.lock"; then
    echo "error: the generated beyan.lock has reference texts, which $BASELINE cannot read" >&2
    exit 2
fi
rm -rf "$BENCH/large-v1"
cp -a "$BENCH/large" "$BENCH/large-v1"
sed -i 's/^version = 2$/version = 1/' "$BENCH/large-v1/beyan.lock"
"$GEN" archive "$BENCH/archive"
"$GEN" hugo-site "$BENCH/hugo"
"$GEN" archive "$BENCH/archive4k" --releases 4000
"$GEN" hugo-site "$BENCH/hugo4k" --releases 4000
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# --- The commands, exactly as measured (also printed in BENCHMARKS.md).
CHECK_CMD="$BEYAN --workspace $BENCH/large check --format json"
FLOOR_CMD="$GEN parse-floor $BENCH/large"
BASE_CMD="$BASE_BEYAN --workspace $BENCH/large-v1 check --format json"
CL_CMD="$COMPARE_LOCALES $BENCH/large/l10n.toml $BENCH/large az tr ur"
RENDER_CMD="$BEYAN --workspace $BENCH/archive render --out $BENCH_SITES/out-beyan"
HUGO_CMD="hugo --source $BENCH/hugo --destination $BENCH_SITES/out-hugo --quiet"
SAMPLE_CMD="$BEYAN --workspace . check"
RENDER4K_CMD="$BEYAN --workspace $BENCH/archive4k render --out $BENCH_SITES/out-beyan"
HUGO4K_CMD="hugo --source $BENCH/hugo4k --destination $BENCH_SITES/out-hugo --quiet"
SAMPLE_SLUG=2025-11-08-victory-day
ARCHIVE_SLUG=$(basename "$(find "$BENCH/archive/releases" -name '*.toml' | sort | tail -n 1)" .toml)

# Exit 1 is expected from both checkers on the large workspace (it has seeded defects): -i.
# beyan, the floor and beyan before the content checks take turns, round after round: a shared
# machine's speed drifts over a minute, and one block of each would put the drift into the
# ratio. The rounds are pooled.
log "check: beyan vs the parse floor vs beyan $BASELINE ($ROUNDS rounds)"
for round in $(seq 1 "$ROUNDS"); do
    hyperfine -N -i --output=pipe --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$RESULTS/check-$round.json" \
        -n "beyan check" "$CHECK_CMD" \
        -n "parse floor" "$FLOOR_CMD" \
        -n "beyan check (pre-content)" "$BASE_CMD"
done
log "check: compare-locales (slow: one warm-up)"
hyperfine -N -i --output=pipe --warmup 1 --runs "$RUNS" \
    --export-json "$RESULTS/compare-locales.json" \
    -n "compare-locales" "$CL_CMD"

log "render: beyan vs hugo, each into an emptied folder"
hyperfine -N --output=pipe --warmup 2 --runs "$RUNS" \
    --export-json "$RESULTS/render.json" \
    --prepare "rm -rf $BENCH_SITES/out-beyan" -n "beyan render" "$RENDER_CMD" \
    --prepare "rm -rf $BENCH_SITES/out-hugo" -n "hugo" "$HUGO_CMD"
# What each wrote for the 1,000 releases (counted now: the peak RSS runs below render the
# 4,000-release archive into the same folders).
count_files() { find "$1" -type f "${@:2}" | wc -l; }
sum_bytes() { find "$1" -type f "${@:2}" -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
OUT_BEYAN_FILES=$(count_files "$BENCH_SITES/out-beyan")
OUT_HUGO_FILES=$(count_files "$BENCH_SITES/out-hugo")
OUT_BEYAN_BYTES=$(sum_bytes "$BENCH_SITES/out-beyan")
OUT_HUGO_BYTES=$(sum_bytes "$BENCH_SITES/out-hugo")

# The bytes alone: a plain copy (`cp -r`, one thread) of each tool's output tree, on the same
# file system, into an emptied folder. Not a target: what the file system costs for that much
# output, whatever program makes it.
log "render: copying each tool's output tree (the bytes alone)"
rm -rf "$BENCH_SITES/tree-beyan" "$BENCH_SITES/tree-hugo"
mv "$BENCH_SITES/out-beyan" "$BENCH_SITES/tree-beyan"
mv "$BENCH_SITES/out-hugo" "$BENCH_SITES/tree-hugo"
COPY_BEYAN_CMD="cp -r $BENCH_SITES/tree-beyan $BENCH_SITES/copy-beyan"
COPY_HUGO_CMD="cp -r $BENCH_SITES/tree-hugo $BENCH_SITES/copy-hugo"
hyperfine -N --output=pipe --warmup 2 --runs "$RUNS" \
    --export-json "$RESULTS/copy.json" \
    --prepare "rm -rf $BENCH_SITES/copy-beyan" -n "cp -r of beyan's output" "$COPY_BEYAN_CMD" \
    --prepare "rm -rf $BENCH_SITES/copy-hugo" -n "cp -r of Hugo's output" "$COPY_HUGO_CMD"
rm -rf "$BENCH_SITES/tree-beyan" "$BENCH_SITES/tree-hugo" "$BENCH_SITES/copy-beyan" \
    "$BENCH_SITES/copy-hugo"

log "check on the sample"
sample_status=0
$SAMPLE_CMD >/dev/null 2>&1 || sample_status=$?
hyperfine -N -i --output=pipe --warmup 20 --runs $((RUNS * 20)) \
    --export-json "$RESULTS/sample.json" \
    -n "beyan check (sample)" "$SAMPLE_CMD"

# Serve: each save of a release's .ftl (a new headline) to the `reload` event an open page
# receives, on a copy of the workspace (the script copies the sources; nothing here is edited).
log "serve: save-to-reload latency (sample, then archive)"
python3 bench/serve_latency.py "$BEYAN" . az "$SAMPLE_SLUG" $((RUNS * 2)) >"$RESULTS/serve-sample.json"
python3 bench/serve_latency.py "$BEYAN" "$BENCH/archive" az "$ARCHIVE_SLUG" $((RUNS * 2)) \
    >"$RESULTS/serve-archive.json"

# Peak RSS: the largest of three runs, from GNU time's "Maximum resident set size".
peak_rss_kb() {
    local best=0 kb
    for _ in 1 2 3; do
        /usr/bin/time -v -o "$RESULTS/time.txt" "$@" >/dev/null 2>&1 || true
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$RESULTS/time.txt")
        kb=${kb:-0}
        ((kb > best)) && best=$kb
    done
    echo "$best"
}
log "peak RSS"
# shellcheck disable=SC2086 # the commands are word lists
{
    echo "{"
    echo "  \"beyan check\": $(peak_rss_kb $CHECK_CMD),"
    echo "  \"parse floor\": $(peak_rss_kb $FLOOR_CMD),"
    echo "  \"beyan check (pre-content)\": $(peak_rss_kb $BASE_CMD),"
    echo "  \"compare-locales\": $(peak_rss_kb $CL_CMD),"
    echo "  \"beyan render\": $(peak_rss_kb $RENDER_CMD),"
    echo "  \"hugo\": $(rm -rf "$BENCH_SITES/out-hugo"; peak_rss_kb $HUGO_CMD),"
    echo "  \"beyan render (4,000)\": $(peak_rss_kb $RENDER4K_CMD),"
    echo "  \"hugo (4,000)\": $(rm -rf "$BENCH_SITES/out-hugo"; peak_rss_kb $HUGO4K_CMD),"
    echo "  \"beyan check (sample)\": $(peak_rss_kb $SAMPLE_CMD)"
    echo "}"
} >"$RESULTS/rss.json"

# --- What was measured, on what.
check_status=0
$CHECK_CMD >"$RESULTS/check-output.json" 2>/dev/null || check_status=$?
export BENCH_DATE BENCH_NPROC BENCH_CPU BENCH_RAM BENCH_OS BENCH_KERNEL
BENCH_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
BENCH_NPROC=$(nproc)
BENCH_CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
BENCH_RAM=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
BENCH_OS=$(. /etc/os-release && echo "$PRETTY_NAME")
BENCH_KERNEL=$(uname -r)
export V_BEYAN V_GIT V_RUSTC V_CL V_HUGO V_HYPERFINE V_PYTHON
V_BEYAN=$("$BEYAN" --version)
V_GIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo "+changes")
V_RUSTC=$(rustc --version)
V_CL=$("$COMPARE_LOCALES" --version 2>&1)
V_HUGO=$(hugo version | cut -d' ' -f1-2)
V_HYPERFINE=$(hyperfine --version)
V_PYTHON=$("$BENCH/venv/bin/python" --version 2>&1)
export LARGE_FILES LARGE_BYTES LARGE_FTL_BYTES REF_FTL_FILES REF_FTL_BYTES LOCK_BYTES \
    ARCHIVE_FILES ARCHIVE_BYTES OUT_BEYAN_FILES OUT_HUGO_FILES OUT_BEYAN_BYTES OUT_HUGO_BYTES \
    CHECK_STATUS SAMPLE_STATUS
LARGE_FILES=$(count_files "$BENCH/large")
LARGE_BYTES=$(sum_bytes "$BENCH/large")
LARGE_FTL_BYTES=$(sum_bytes "$BENCH/large/locales" -name '*.ftl')
REF_FTL_FILES=$(count_files "$BENCH/large/locales/en" -name '*.ftl')
REF_FTL_BYTES=$(sum_bytes "$BENCH/large/locales/en" -name '*.ftl')
LOCK_BYTES=$(sum_bytes "$BENCH/large" -name beyan.lock)
ARCHIVE_FILES=$(count_files "$BENCH/archive")
ARCHIVE_BYTES=$(sum_bytes "$BENCH/archive")
CHECK_STATUS=$check_status
SAMPLE_STATUS=$sample_status
export BASE_CMD BASELINE
export CHECK_CMD FLOOR_CMD CL_CMD RENDER_CMD HUGO_CMD SAMPLE_CMD RUNS WARMUP ROUNDS ROOT RESULTS \
    BENCH_SITES RENDER4K_CMD HUGO4K_CMD SAMPLE_SLUG ARCHIVE_SLUG COPY_BEYAN_CMD COPY_HUGO_CMD
python3 bench/report.py >"$OUT"
rm -rf "$BENCH_SITES/out-beyan" "$BENCH_SITES/out-hugo"
log "wrote $OUT"
