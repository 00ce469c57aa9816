#!/usr/bin/env bash
# Runs recount over a corpus on Spark in local mode (scripts/spark/README.md).
#
#   scripts/spark/run.sh OUT_DIR [CORPUS ...]     (default corpus: ../shared/corpus)
#
# Installs PySpark from PyPI into target/spark-venv the first time; needs Java 17 or later.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"; shift
[ $# -gt 0 ] || set -- "$repo/../shared/corpus"
venv="$repo/target/spark-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pyspark" 2>/dev/null || "$venv/bin/pip" install -q "pyspark>=4,<5"
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
"$venv/bin/python" "$repo/scripts/spark/recount_spark.py" --recount "$repo/target/release/recount" --out "$out" "$@"
