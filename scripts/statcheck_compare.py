"""statcheck beside recount: agreement with statcheck's test cases, differences, speed, and
optionally the results of both on a folder of PDFs.

Run through scripts/statcheck-compare, which installs statcheck and builds recount.
"""

import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "../shared/peers/stats/statcheck_cases.jsonl")
CORPUS = os.path.join(ROOT, "../shared/corpus/english-wiki.txt")
RECOUNT = os.path.join(ROOT, "target/release/recount")
R_SCRIPT = os.path.join(ROOT, "scripts/statcheck_compare.R")
# Copies of the corpus sample in the speed text: enough work that process start-up is small.
COPIES = 3

# Fields compared with the expected values (the harness's, less the text-level ones).
FIELDS = ["test_type", "df1", "df2", "test_comp", "test_value", "p_comp", "reported_p",
          "computed_p", "error", "decision_error", "raw"]


def num(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return v
    try:
        return float(v)
    except (TypeError, ValueError):
        return v


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(b), 1e-12)


def field_ok(k, got, want):
    if k in ("df1", "df2", "test_value", "reported_p", "computed_p"):
        return close(num(got), num(want))
    if k == "raw":
        return got is not None and " ".join(str(got).split()) == " ".join(str(want).split())
    return got == want


def score(case, results):
    """Why `results` (a tool's, in text order) disagree with the case, or None."""
    exp = case["expected"]
    bad = []
    if "n_results" in exp and len(results) != exp["n_results"]:
        bad.append(f"n_results {len(results)}")
    per = [k for k in exp if k in FIELDS]
    if per:
        target = results[0] if results else None
        if "select_raw" in case:
            sel = " ".join(case["select_raw"].split())
            target = next((r for r in results
                           if " ".join(str(r.get("raw", "")).split()) == sel), None)
        if target is None:
            bad.append("no result")
        else:
            bad += [k for k in per if not field_ok(k, target.get(k), exp[k])]
    return ", ".join(bad) or None


def statcheck_results(cases, tmp):
    src = os.path.join(tmp, "cases.jsonl")
    out = os.path.join(tmp, "statcheck.jsonl")
    with open(src, "w") as f:
        for c in cases:
            f.write(json.dumps(c) + "\n")
    subprocess.run(["Rscript", R_SCRIPT, "cases", src, out], check=True)
    res, crashed = {}, {}
    with open(out) as f:
        for line in f:
            d = json.loads(line)
            rows = d["results"] if isinstance(d["results"], list) else []
            res[d["id"]] = [{k: r.get(k) for k in FIELDS} for r in rows]
            if d.get("crashed"):
                crashed[d["id"]] = d["crashed"]
    return res, crashed


def recount_settings(opts):
    s = ["p-value.one-tailed-text=" + str(bool(opts.get("OneTailedTxt", False))).lower()]
    if "OneTailedTests" in opts:
        s.append("p-value.one-tailed=" + str(opts["OneTailedTests"]).lower())
    if "pEqualAlphaSig" in opts:
        s.append("p-value.p-equal-alpha-sig=" + str(opts["pEqualAlphaSig"]).lower())
    if "pZeroError" in opts:
        s.append("p-value.p-zero-error=" + str(opts["pZeroError"]).lower())
    if "alpha" in opts:
        s.append(f"p-value.alpha={opts['alpha']}")
    return s


def recount_results(cases):
    groups = collections.defaultdict(list)
    for c in cases:
        groups[json.dumps(c["options"], sort_keys=True)].append(c)
    res = {}
    for key, cs in groups.items():
        args = [RECOUNT, "check", "--input", "jsonl", "--format", "jsonl", "--all",
                "--fail-on", "never", "--select", "p-value"]
        for s in recount_settings(json.loads(key)):
            args += ["--set", s]
        stdin = "".join(json.dumps({"text": c["input"], "id": c["id"]}) + "\n" for c in cs)
        out = subprocess.run(args, input=stdin, capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            d = json.loads(line)
            fs = sorted(d.get("findings", []), key=lambda f: f["start"])
            res[d["path"]] = [{k: f["stat"].get(k) for k in FIELDS} for f in fs if "stat" in f]
    return res


def timed(cmd, runs):
    """Median wall and CPU seconds (user + sys, the kernel's accounting of the finished
    process) of `runs` runs after a warm-up, and the last run's output."""
    walls, cpus, out = [], [], ""
    for k in range(runs + 1):
        with tempfile.TemporaryFile() as f:
            t = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.DEVNULL)
            _, _, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t
            f.seek(0)
            out = f.read().decode()
        if k:
            walls.append(wall)
            cpus.append(ru.ru_utime + ru.ru_stime)
    return statistics.median(walls), statistics.median(cpus), out


def speed_text(cases, tmp):
    """The English Wikipedia sample of ../shared/corpus with the cases' inputs spread through
    it: a long text of prose with results in it."""
    with open(CORPUS, encoding="utf-8") as f:
        lines = f.read().splitlines()
    inputs = [" ".join(c["input"].split()) for c in cases]
    out = []
    lines = lines * COPIES
    for i, line in enumerate(lines):
        out.append(line)
        if i % 20 == 0:
            out.append("In the study, " + inputs[(i // 20) % len(inputs)] + ".")
    path = os.path.join(tmp, "speed.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return path


def key(r):
    """What identifies a result in both tools' output: test, value, reported p."""
    return (r.get("test_type"), num(r.get("test_value")), num(r.get("reported_p")))


def compare_pdfs(folder, tmp):
    """Both tools on every PDF in `folder` (statcheck's checkPDFdir, recount check): the
    results each finds, and where their verdicts differ."""
    out = os.path.join(tmp, "pdfs.jsonl")
    subprocess.run(["Rscript", R_SCRIPT, "pdfs", folder, out], check=True)
    sc = collections.defaultdict(list)
    with open(out) as f:
        for line in f:
            d = json.loads(line)
            sc[d["source"]].append(d)
    pdfs = sorted(n for n in os.listdir(folder) if n.lower().endswith(".pdf"))
    totals = [0, 0, 0]
    print(f"\nPDFs in {folder}: results found (statcheck, recount, both with the same "
          "error and decision error)")
    for name in pdfs:
        p = subprocess.run([RECOUNT, "check", "--select", "p-value", "--all", "--fail-on",
                            "never", "--format", "jsonl", os.path.join(folder, name)],
                           capture_output=True, text=True, check=True)
        rc = [f["stat"] for line in p.stdout.splitlines()
              for f in json.loads(line).get("findings", []) if "stat" in f]
        s_by = {key(r): r for r in sc.get(name, [])}
        r_by = {key(r): r for r in rc}
        same = [k for k in s_by if k in r_by and all(
            s_by[k].get(f) == r_by[k].get(f) for f in ("error", "decision_error"))]
        totals[0] += len(s_by)
        totals[1] += len(r_by)
        totals[2] += len(same)
        print(f"  {name:<32} {len(s_by):>4} {len(r_by):>4} {len(same):>4}")
        for k in sorted(set(s_by) | set(r_by), key=str):
            if k in same:
                continue
            show = lambda r: None if r is None else (r.get("error"), r.get("decision_error"))
            print(f"      {k}: statcheck {show(s_by.get(k))}, recount {show(r_by.get(k))}")
    print(f"  {'all':<32} {totals[0]:>4} {totals[1]:>4} {totals[2]:>4}")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    pdf_dir = sys.argv[2] if len(sys.argv) > 2 else None
    with open(CASES) as f:
        cases = [json.loads(line) for line in f]
    # The p-values alone (AllPValues) are no results; recount reports results only.
    cases = [c for c in cases if not c["options"].get("AllPValues")]
    with tempfile.TemporaryDirectory() as tmp:
        sc, crashed = statcheck_results(cases, tmp)
        rc = recount_results(cases)

        tally = collections.defaultdict(lambda: [0, 0, 0])
        diffs = []
        for c in cases:
            s, r = sc.get(c["id"], []), rc.get(c["id"], [])
            ws, wr = score(c, s), score(c, r)
            for key in (c["stratum"], c["kind"]):
                t = tally[key]
                t[0] += 1
                t[1] += ws is None
                t[2] += wr is None
            same = len(s) == len(r) and all(
                all(field_ok(k, b.get(k), a.get(k)) for k in
                    ("test_type", "test_value", "reported_p", "error", "decision_error"))
                for a, b in zip(s, r))
            if not same:
                diffs.append((c["id"], c["stratum"], c["input"], s, r))

        print(f"{'stratum':<24} {'cases':>6} {'statcheck':>10} {'recount':>9}")
        for key in sorted(tally):
            n, a, b = tally[key]
            print(f"{key:<24} {n:>6} {100 * a / n:>9.1f}% {100 * b / n:>8.1f}%")
        print(f"\n{len(diffs)} cases where the two tools' results differ "
              "(count, test type, value, reported p, error, decision error):")
        for cid, stratum, text, s, r in diffs:
            short = lambda rs: [(x.get("test_type"), x.get("test_value"), x.get("reported_p"),
                                 x.get("error"), x.get("decision_error")) for x in rs]
            print(f"  {cid} {stratum} {json.dumps(' '.join(text.split()))[:90]}")
            print(f"      statcheck {short(s)}")
            print(f"      recount   {short(r)}")

        if crashed:
            print(f"\nstatcheck stopped with an error on {len(crashed)} cases (no results):")
            for cid, msg in crashed.items():
                text = next(c["input"] for c in cases if c["id"] == cid)
                print(f"  {cid} {json.dumps(' '.join(text.split()))[:70]}: {msg}")
        if pdf_dir:
            compare_pdfs(pdf_dir, tmp)
        # statcheck stops on a whole text when one result trips it: leave those out.
        path = speed_text([c for c in cases if c["id"] not in crashed], tmp)
        size = os.path.getsize(path)
        sc_wall, sc_cpu, sc_out = timed(["Rscript", R_SCRIPT, "time", path], runs)
        sc_inner, sc_n = sc_out.split()
        rc_args = [RECOUNT, "check", "--select", "p-value", "--fail-on", "never", "--all",
                   "--format", "jsonl", path]
        rc_wall, rc_cpu, rc_out = timed(rc_args, runs)
        all_wall, all_cpu, _ = timed([RECOUNT, "check", "--fail-on", "never", "--format",
                                      "jsonl", path], runs)
        rc_n = len(json.loads(rc_out)["findings"]) if rc_out.strip() else 0
        mb = size / 1e6
        print(f"\nspeed on {mb:.2f} MB (the English Wikipedia sample of ../shared/corpus, "
              f"{COPIES} times, with the cases' inputs spread through it: {sc_n} statcheck "
              f"results, {rc_n} recount results), median of {runs} runs, whole processes:")
        print(f"  {'':18} {'wall s':>8} {'cpu s':>8} {'MB/s (wall)':>12} {'x statcheck (wall, cpu)':>24}")
        print(f"  {'statcheck 1.4.0':18} {sc_wall:8.3f} {sc_cpu:8.3f} {mb / sc_wall:12.3f}"
              f"   ({float(sc_inner):.3f} s inside R)")
        for name, w, c in (("recount p-value", rc_wall, rc_cpu),
                           ("recount all rules", all_wall, all_cpu)):
            print(f"  {name:18} {w:8.3f} {c:8.3f} {mb / w:12.3f} {sc_wall / w:12.0f} {sc_cpu / c:10.0f}")


if __name__ == "__main__":
    main()
