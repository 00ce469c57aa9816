#!/usr/bin/env bash
# Speed and memory of recount through its command line, beside `grep -c '[0-9]'` on the same
# input in the same run (a shared machine's speed drifts; the ratio holds).
#
#   scripts/bench.sh [CORPUS_DIR]        (default: ../shared/corpus beside the repository)
#
# For each .txt file of the corpus: MB/s of `numbers --format jsonl` and `check --format json`
# with one thread and with all cores, the time of each as a multiple of grep's, and peak memory
# (/usr/bin/time -v). Then, on the whole corpus as a folder, `check` with two threads against
# one; and peak memory while streaming 1 GB of JSON Lines (the corpus's lines, repeated) through
# `numbers --input jsonl`, and while reading a folder of 1 GB (the corpus's files, linked again
# and again) with BENCH_BIG_CMD (default `numbers --format jsonl`; `check --format json` takes
# some twenty minutes of two cores there).
#
# Needs hyperfine (scripts/setup.sh bench installs it). BENCH_RUNS sets the timed runs (3),
# BENCH_WARMUP the runs before them (1); BENCH_BIG=0 skips the 1 GB inputs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$repo/../shared/corpus}"
runs="${BENCH_RUNS:-3}"
warmup="${BENCH_WARMUP:-1}"
big_cmd="${BENCH_BIG_CMD:-numbers --format jsonl}"
cores="$(nproc)"
command -v hyperfine >/dev/null || { echo "bench.sh: hyperfine is missing (scripts/setup.sh bench)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time is missing (scripts/setup.sh bench)" >&2; exit 2; }

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
recount="$repo/target/release/recount"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The mean wall seconds of each command in hyperfine's JSON export, one a line; with `cpu`, the
# mean CPU seconds (user and system) instead.
means() { python3 -c 'import json,sys; [print(r["user"] + r["system"] if sys.argv[2:] else r["mean"]) for r in json.load(open(sys.argv[1]))["results"]]' "$@"; }
# Peak resident memory (MB) of a command run once, its output to a file.
peak() { /usr/bin/time -v "$@" >"$work/peak.out" 2>"$work/time.txt" || true; awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt"; }

echo "recount $("$recount" --version | cut -d' ' -f2), $cores cores, $runs runs each; times are means; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "MB/s is the file's size over wall time, and in brackets over CPU time (user + system), which"
echo "a machine shared with other work changes less; x grep is wall time over grep's, in the same run"
printf '%-32s %6s | %-34s | %-34s | %s\n' "" "" "numbers --format jsonl" "check --format json" ""
printf '%-32s %6s | %14s %9s %9s | %14s %9s %9s | %s\n' file MB "MB/s -j1 (cpu)" "MB/s -j$cores" "x grep" \
  "MB/s -j1 (cpu)" "MB/s -j$cores" "x grep" "peak MB (numbers, check)"
for f in "$corpus"/*.txt; do
  case "$(basename "$f")" in README*) continue ;; esac
  [ "${BENCH_FILES:-1}" = 0 ] && break
  mb="$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$f")"
  hyperfine --style none -i --runs "$runs" --warmup "$warmup" --export-json "$work/h.json" \
    "grep -c '[0-9]' '$f' > $work/out" \
    "$recount numbers --format jsonl -j1 '$f' > $work/out" \
    "$recount numbers --format jsonl -j$cores '$f' > $work/out" \
    "$recount check --fail-on never --format json -j1 '$f' > $work/out" \
    "$recount check --fail-on never --format json -j$cores '$f' > $work/out" >/dev/null
  mapfile -t t < <(means "$work/h.json")
  mapfile -t u < <(means "$work/h.json" cpu)
  pn="$(peak "$recount" numbers --format jsonl "$f")"
  pc="$(peak "$recount" check --fail-on never --format json "$f")"
  python3 - "$f" "$mb" "${t[@]}" "${u[1]}" "${u[3]}" "$pn" "$pc" <<'EOF'
import os, sys
f, mb, g, n1, nn, c1, cn, un, uc, pn, pc = sys.argv[1:]
mb, g, n1, nn, c1, cn, un, uc = map(float, (mb, g, n1, nn, c1, cn, un, uc))
# A time too short to measure (0 CPU seconds on a tiny file) gives no ratio.
r = lambda a, b: f"{a / b:.1f}" if b > 0 else "-"
print(f"{os.path.basename(f):32} {mb:6.1f} | {r(mb, n1):>6} ({r(mb, un):>5}) {r(mb, nn):>9} {r(n1, g):>9} | "
      f"{r(mb, c1):>6} ({r(mb, uc):>5}) {r(mb, cn):>9} {r(c1, g):>9} | {pn}, {pc}")
EOF
done

# A folder of files: threads against one thread, and grep over the same files. The corpus is cut
# at line ends into files of 1 MB, so that no one file (Reuters is two fifths of the corpus)
# decides how long the run takes.
mkdir "$work/folder"
for f in "$corpus"/*.txt; do
  case "$(basename "$f")" in README*) ;; *) split -C 1000000 -d -a 3 --additional-suffix=.txt "$f" "$work/folder/$(basename "$f" .txt)-" ;; esac
done
hyperfine --style none -i --runs "$runs" --warmup "$warmup" --export-json "$work/h.json" \
  "grep -c '[0-9]' $work/folder/* > $work/out" \
  "$recount check --fail-on never --format json -j1 $work/folder > $work/out" \
  "$recount check --fail-on never --format json -j$cores $work/folder > $work/out" \
  "$recount numbers --format jsonl -j1 $work/folder > $work/out" \
  "$recount numbers --format jsonl -j$cores $work/folder > $work/out" >/dev/null
mapfile -t t < <(means "$work/h.json")
mapfile -t u < <(means "$work/h.json" cpu)
python3 - "${t[@]}" "$cores" "${u[@]}" <<'EOF'
import sys
g, c1, cn, n1, nn = map(float, sys.argv[1:6])
j = sys.argv[6]
ug, uc1, ucn, un1, unn = map(float, sys.argv[7:12])
print(f"corpus as a folder of 1 MB files (load average {open('/proc/loadavg').read().split()[0]}):")
print(f"  check -j{j} is {c1/cn:.2f}x as fast as -j1 in wall time ({c1/g:.1f}x and {cn/g:.1f}x grep), "
      f"CPU time -j{j}/-j1 {ucn/uc1:.2f}")
print(f"  numbers -j{j} is {n1/nn:.2f}x as fast as -j1 in wall time ({n1/g:.1f}x and {nn/g:.1f}x grep), "
      f"CPU time -j{j}/-j1 {unn/un1:.2f}")
EOF

[ "${BENCH_BIG:-1}" = 0 ] && exit 0
# 1 GB of JSON Lines, streamed through standard input.
python3 - "$corpus" "$work/big.jsonl" <<'EOF'
import json, os, sys
corpus, out = sys.argv[1:]
lines = []
for name in sorted(os.listdir(corpus)):
    if name.endswith(".txt") and not name.startswith("README"):
        with open(os.path.join(corpus, name), encoding="utf-8", errors="replace") as f:
            lines += [json.dumps({"id": f"{name}:{i}", "text": l.rstrip("\n")}) + "\n"
                      for i, l in enumerate(f, 1) if l.strip()]
block = "".join(lines).encode()
with open(out, "wb") as f:
    written = 0
    while written < 1_000_000_000:
        f.write(block)
        written += len(block)
EOF
gb="$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e9:.2f}')" "$work/big.jsonl")"
start=$(date +%s.%N)
/usr/bin/time -v "$recount" numbers --input jsonl --format jsonl <"$work/big.jsonl" >/dev/null 2>"$work/time.txt" || true
end=$(date +%s.%N)
echo "$gb GB of JSON Lines, numbers --input jsonl: peak $(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt") MB, $(python3 -c "print(f'{$gb * 1000 / ($end - $start):.0f}')") MB/s"
rm "$work/big.jsonl"

# A folder of 1 GB: the corpus files linked into subfolders until they add up to it.
size="$(du -bL "$work/folder" | cut -f1)"
copies=$(( (1000000000 + size - 1) / size ))
for i in $(seq 1 "$copies"); do mkdir "$work/big$i"; cp -s "$work/folder/"* "$work/big$i/"; done
mkdir "$work/bigfolder" && mv "$work"/big[0-9]* "$work/bigfolder/"
start=$(date +%s.%N)
# shellcheck disable=SC2086
/usr/bin/time -v "$recount" $big_cmd "$work/bigfolder" >"$work/out" 2>"$work/time.txt" || true
end=$(date +%s.%N)
echo "$(( copies * size / 1000000 )) MB folder ($copies x the corpus), $big_cmd: peak $(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt") MB, $(python3 -c "print(f'{$copies * $size / 1e6 / ($end - $start):.0f}')") MB/s"
