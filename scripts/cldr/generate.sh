#!/usr/bin/env bash
# Regenerates lang/cldr/ from the Unicode CLDR JSON packages of the npm registry.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=48.2.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm install --prefix "$work" --no-save --no-audit --no-fund \
  "cldr-core@$VERSION" "cldr-numbers-full@$VERSION" "cldr-units-full@$VERSION" \
  "cldr-localenames-full@$VERSION" >/dev/null
python3 scripts/cldr/generate.py "$work/node_modules" lang/cldr
