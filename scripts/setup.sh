#!/usr/bin/env bash
# What recount's tests and scripts need beyond Rust, from Debian's packages; installs only what
# is missing, so a second run costs nothing.
#
#   scripts/setup.sh          for the tests: poppler-utils (pdftotext reads the test PDFs back)
#   scripts/setup.sh bench    also what scripts/bench.sh uses: hyperfine and /usr/bin/time, and
#                             for scripts/peers_bench.py a Python venv in target/peers-venv with
#                             recognizers-text-suite and quantulum3 from PyPI
set -euo pipefail
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ "${1:-}" = bench ]; then
  command -v hyperfine >/dev/null || need+=(hyperfine)
  [ -x /usr/bin/time ] || need+=(time)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "${1:-}" = bench ]; then
  venv="$(cd "$(dirname "$0")/.." && pwd)/target/peers-venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  # recognizers-text-suite imports a name that emoji 2 dropped.
  "$venv/bin/python" -c "import recognizers_number, quantulum3" 2>/dev/null ||
    "$venv/bin/pip" install -q recognizers-text-suite quantulum3 "emoji<2"
fi
