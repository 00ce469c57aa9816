#!/usr/bin/env bash
# recount's PDF reader (pdf-extract) beside poppler's `pdftotext -layout` on the PDFs given:
# the time of each (hyperfine, in the same run), and the numbers recount finds in the text of
# each, with how many of them the other text has too (the same value on the same page).
#
#   scripts/pdf-readers.sh FILE.pdf ...     (needs hyperfine and pdftotext: scripts/setup.sh bench)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
recount="$repo/target/release/recount"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%-28s %6s %10s %12s %10s %10s %8s\n' file pages "recount s" "pdftotext s" "n recount" "n poppler" "shared"
for f in "$@"; do
  hyperfine --style none --runs 3 --warmup 1 --export-json "$work/h.json" \
    "$recount numbers --format jsonl '$f' > $work/ours.jsonl" \
    "pdftotext -layout '$f' $work/poppler.txt" >/dev/null 2>&1
  # Poppler's text through recount as plain text, its lines counted per page as recount does.
  "$recount" numbers --format jsonl --from txt "$work/poppler.txt" >"$work/theirs.jsonl" || true
  python3 - "$f" "$work/h.json" "$work/ours.jsonl" "$work/theirs.jsonl" "$work/poppler.txt" <<'PY'
import json, os, sys
f, h, ours, theirs, ptxt = sys.argv[1:]
t = [r["mean"] for r in json.load(open(h))["results"]]
def numbers(path):
    out = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        for n in r.get("numbers", []):
            out.append((n.get("page"), n["line"], n["value"]))
    return out
# Poppler's pages end in form feeds: page and line on it, from the line of the whole text.
starts, line = [1], 1
for ch in open(ptxt, encoding="utf-8", errors="replace").read():
    if ch == "\n": line += 1
    elif ch == "\f": starts.append(line)
def paged(n):
    _, line, value = n
    page = max(i for i, s in enumerate(starts) if s <= line)
    return (page + 1, line - starts[page] + 1, value)
a = numbers(ours)
b = [paged(n) for n in numbers(theirs)]
# The same value on the same page (poppler's layout keeps blank lines, so lines differ).
from collections import Counter
shared = sum((Counter((p, v) for p, _, v in a) & Counter((p, v) for p, _, v in b)).values())
pages = max([n[0] or 0 for n in a] + [0])
print(f"{os.path.basename(f)[:28]:28} {pages:6} {t[0]:10.3f} {t[1]:12.3f} {len(a):10} {len(b):10} {shared:8}")
PY
done
