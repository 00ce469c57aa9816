#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ side by side for FUZZ_SECONDS each (1800 unless set),
# on the stable compiler, and prints one table row per target from libFuzzer's last status line:
# executions, edges (cov), features (ft), and the out-of-memory inputs, timeouts and crashes it
# met. Needs cargo-fuzz (`scripts/setup.sh fuzz`).
#
#   scripts/fuzz.sh                 # all six targets
#   FUZZ_SECONDS=600 scripts/fuzz.sh check recognize
#   scripts/fuzz.sh --table         # the table of the last runs again, from their logs
#
# Each target starts from its checked-in seeds (fuzz/corpus/TARGET) and what earlier runs found
# (target/fuzz-corpus/TARGET, kept between runs and never checked in). Inputs that fail land in
# fuzz/artifacts/TARGET; copy each into fuzz/regressions/TARGET once its mechanism is fixed.
# The runs are niced, so that other work on the machine keeps its share.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${FUZZ_SECONDS:-1800}
table_only=false
if [ "${1:-}" = --table ]; then
    table_only=true
    shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(recognize check derive claim_file sources jsonl)
logs="$root/target/fuzz-logs"
mkdir -p "$logs"
cd fuzz

table() {
    echo "| target | executions | edges (cov) | features (ft) | oom/timeout/crash | seconds |"
    echo "| --- | --- | --- | --- | --- | --- |"
    for t in "${targets[@]}"; do
        [ -f "$logs/$t.log" ] || continue
        # Fork mode's status lines: "#EXECS: cov: N ft: N corp: N exec/s: N
        # oom/timeout/crash: a/b/c time: Ns ...".
        last=$(grep -E '^#[0-9]+: cov:' "$logs/$t.log" | tail -n 1 || true)
        execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
        cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")
        ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$last")
        failed=$(sed -E 's|.* oom/timeout/crash: ([0-9/]+).*|\1|' <<<"$last")
        took=$(sed -E 's/.* time: ([0-9]+)s.*/\1/' <<<"$last")
        echo "| $t | ${execs:-?} | ${cov:-?} | ${ft:-?} | ${failed:-?} | ${took:-?} |"
    done
}
if $table_only; then
    table
    exit 0
fi

command -v cargo-fuzz >/dev/null || { echo "fuzz.sh: cargo-fuzz is missing: scripts/setup.sh fuzz" >&2; exit 2; }
export RUSTC_BOOTSTRAP=1
# One build of every target before the clocks start.
for t in "${targets[@]}"; do
    cargo fuzz build -s none -a "$t" >/dev/null 2>&1 || cargo fuzz build -s none -a "$t"
done
for t in "${targets[@]}"; do
    scratch="$root/target/fuzz-corpus/$t"
    mkdir -p "$scratch" "artifacts/$t"
    nice -n 19 cargo fuzz run -s none -a "$t" "$scratch" "corpus/$t" -- \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_len=4096 -timeout=10 -rss_limit_mb=2048 -max_total_time="$secs" \
        >"$logs/$t.log" 2>&1 &
done
wait
table
