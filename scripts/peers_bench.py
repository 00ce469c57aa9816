"""The number extraction a user would otherwise pick, on the same sample as recount: Microsoft
Recognizers-Text (recognizers-text-suite) and quantulum3, each timed in this process, recount
through its command line, all on the first BYTES of a file.

    target/peers-venv/bin/python scripts/peers_bench.py RECOUNT FILE [BYTES]

(scripts/setup.sh bench makes target/peers-venv with both packages from PyPI.)

Prints the seconds of each, its MB/s, and its time as a multiple of recount's.
"""

import subprocess
import sys
import time

recount, path = sys.argv[1], sys.argv[2]
size = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
with open(path, encoding="utf-8") as f:
    sample = f.read(size)
lines = [l for l in sample.splitlines() if l.strip()]
mb = len(sample.encode()) / 1e6


def timed(run):
    start = time.perf_counter()
    found = run()
    return time.perf_counter() - start, found


def with_recount():
    out = subprocess.run([recount, "numbers", "--format", "jsonl", "-j1", "--from", "txt", "-"],
                         input=sample.encode(), capture_output=True, check=True).stdout
    import json
    return sum(len(json.loads(l)["numbers"]) for l in out.splitlines())


def with_recognizers():
    from recognizers_number import recognize_number, Culture
    return sum(len(recognize_number(l, Culture.English)) for l in lines)


def with_quantulum():
    from quantulum3 import parser
    return sum(len(parser.parse(l)) for l in lines)


base, n = timed(with_recount)
print(f"sample: {mb:.2f} MB of {path.rsplit('/', 1)[-1]}, {len(lines)} lines")
print(f"{'recount numbers':28} {base:8.2f} s {mb / base:8.2f} MB/s {1:8.1f}x  {n} numbers")
for name, run in [("Recognizers-Text (number)", with_recognizers), ("quantulum3", with_quantulum)]:
    try:
        t, found = timed(run)
        print(f"{name:28} {t:8.2f} s {mb / t:8.2f} MB/s {t / base:8.1f}x  {found} found")
    except Exception as e:  # a peer that fails to load or run is reported, not fatal
        print(f"{name:28} failed: {e}")
