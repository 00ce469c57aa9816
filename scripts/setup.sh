#!/usr/bin/env bash
# Installs what the tests need beyond Cargo's crates, each from its package registry, into
# target/tools (npm packages, the SARIF schema) and the user's Python (PyPI packages):
#
# - jsonschema (PyPI): validates `--format sarif` against the SARIF 2.1.0 schema;
# - the SARIF 2.1.0 schema, as shipped in the npm package @microsoft/jest-sarif;
# - pygls (PyPI): the language-server client that drives `recount lsp` in its test;
# - playwright-core (npm) and Debian's chromium: the browser test of `recount serve`
#   (skipped, saying so, where Chromium cannot be installed);
# - Debian's poppler-utils: pdftotext reads the test PDFs back.
#
# `scripts/setup.sh bench` also installs what scripts/bench.sh uses: Debian's hyperfine and
# /usr/bin/time, and for scripts/peers_bench.py a Python venv in target/peers-venv with
# recognizers-text-suite and quantulum3 from PyPI.
#
# `scripts/setup.sh fuzz` also installs cargo-fuzz (crates.io), which scripts/fuzz.sh runs.
#
# Safe to run again: what is there already is not fetched twice.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/tools
mkdir -p "$tools"

say() { echo "setup: $*" >&2; }

if ! python3 -c 'import jsonschema, pygls, lsprotocol' 2>/dev/null; then
    say "installing jsonschema and pygls from PyPI"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'jsonschema>=4.20' 'pygls>=2.0,<3' 'lsprotocol>=2025'
fi

schema="$tools/sarif-schema-2.1.0.json"
if [ ! -s "$schema" ]; then
    say "fetching the SARIF 2.1.0 schema (npm: @microsoft/jest-sarif)"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
    tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
    mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
    rm -rf "$tmp"
fi

if [ ! -d "$tools/node_modules/playwright-core" ]; then
    say "installing playwright-core from npm"
    npm install --silent --no-audit --no-fund --prefix "$tools" playwright-core@1 >/dev/null
fi

if [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        say "installing Debian's chromium"
        apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null \
            || say "chromium could not be installed: the browser test will be skipped"
    else
        say "no /usr/bin/chromium and no root apt-get: the browser test will be skipped (apt-get install chromium)"
    fi
fi

# Debian packages: poppler-utils for the tests, hyperfine and time for the benchmarks.
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ "${1:-}" = bench ]; then
    command -v hyperfine >/dev/null || need+=(hyperfine)
    [ -x /usr/bin/time ] || need+=(time)
fi
if [ ${#need[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        say "installing ${need[*]} from Debian"
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
            || say "could not install ${need[*]}: the tests that need them will say they skipped"
    else
        say "missing ${need[*]} and no root apt-get: apt-get install ${need[*]}"
    fi
fi

if [ "${1:-}" = bench ]; then
    venv="$(pwd)/target/peers-venv"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    # recognizers-text-suite imports a name that emoji 2 dropped.
    "$venv/bin/python" -c "import recognizers_number, quantulum3" 2>/dev/null ||
        "$venv/bin/pip" install -q recognizers-text-suite quantulum3 "emoji<2"
fi

if [ "${1:-}" = fuzz ] && ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz from crates.io"
    cargo install --quiet cargo-fuzz --locked
fi
