#!/usr/bin/env bash
# What recount's tests and scripts need beyond Rust, from Debian's packages; installs only what
# is missing, so a second run costs nothing.
#
#   scripts/setup.sh          for the tests: poppler-utils (pdftotext reads the test PDFs back)
#   scripts/setup.sh bench    also what scripts/bench.sh uses: hyperfine and /usr/bin/time
set -euo pipefail
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ "${1:-}" = bench ]; then
  command -v hyperfine >/dev/null || need+=(hyperfine)
  [ -x /usr/bin/time ] || need+=(time)
fi
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
