# Tasks that mirror CI. `just ci` runs what .ci/run runs.

default: check

# Everything CI runs, in the same order.
ci:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    cargo test --workspace --locked
    cargo run --release --locked -p beyan -- check

# The test suite (the README's test command).
test:
    cargo test --workspace

# Check the sample workspace (the CI gate on the repository itself).
check:
    cargo run --release -p beyan -- check

# Refresh the README's screenshots from the browser test (needs Chromium).
screenshots:
    cargo test -p beyan --test cli browser::rendered_pages_in_headless_chromium
    cp target/browser/en-release-390.png target/browser/ur-release-390.png target/browser/ur-index-390.png docs/screenshots/

# Re-record the CLI test expectations after an intended output change; review the diff.
bless:
    TRYCMD=overwrite cargo test -p beyan --test cli

# Benchmarks of issue 5, side by side with compare-locales and Hugo; writes BENCHMARKS.md.
# Installs hyperfine, hugo and compare-locales if missing. Never part of `cargo test`.
bench:
    bash bench/run.sh
