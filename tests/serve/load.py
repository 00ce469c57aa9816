"""Drives a running `recount serve` on loopback: a bounded load (REQUESTS requests from CLIENTS
concurrent clients), an oversized body, and bodies of random bytes. Prints one JSON object with
what it saw; tests/serve.rs asserts on it.

usage: load.py PORT PID ARTICLE
"""
import http.client
import json
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor

PORT, PID, ARTICLE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
REQUESTS, CLIENTS = 1000, 50
TEXT = open(ARTICLE, encoding="utf-8").read()


def rss_kib():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def post(path, body, content_type="application/json", timeout=60):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        c.request("POST", path, body=body, headers={"Content-Type": content_type})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def one(i):
    """One request of the load; None when it got what it should, else what went wrong."""
    kind = ("check", "numbers", "draft")[i % 3]
    try:
        status, body = post(f"/api/{kind}", json.dumps({"text": TEXT, "name": "a.txt"}))
    except Exception as e:  # a refused or broken connection is an error of the server
        return f"{kind}: {e!r}"
    if status != 200:
        return f"{kind}: HTTP {status}"
    d = json.loads(body)
    if kind == "check" and d["check"]["summary"]["mismatch"] < 1:
        return "check: no mismatch"
    if kind == "numbers" and len(d["numbers"]) < 10:
        return "numbers: too few"
    if kind == "draft" and "claims:" not in d["yaml"]:
        return "draft: no claims"
    return None


def load(n):
    with ThreadPoolExecutor(CLIENTS) as pool:
        return [e for e in pool.map(one, range(n)) if e]


out = {}
# Warm up (allocator pools, thread stacks), then measure the load itself.
out["warmup_errors"] = load(200)
rss_before = rss_kib()
t = time.time()
errors = load(REQUESTS)
out["seconds"] = round(time.time() - t, 2)
out["requests"] = REQUESTS
out["clients"] = CLIENTS
out["errors"] = errors[:10]
out["error_count"] = len(errors)
out["rss_before_kib"] = rss_before
out["rss_after_kib"] = rss_kib()

# 25 MB: refused with 413 and a message, by its declared length and when sent chunked. The
# server answers before the body is all sent, so the client reads the answer when sending fails.
def send_big(body, chunked):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    c.putrequest("POST", "/api/check")
    c.putheader("Content-Type", "text/plain")
    if chunked:
        c.putheader("Transfer-Encoding", "chunked")
    else:
        c.putheader("Content-Length", str(len(body)))
    c.endheaders()
    try:
        for i in range(0, len(body), 1 << 20):
            part = body[i:i + (1 << 20)]
            c.send(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
        if chunked:
            c.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        r = c.getresponse()
        return r.status, json.loads(r.read()).get("error", "")
    except Exception as e:
        return repr(e), ""
    finally:
        c.close()


big = b"7% " * (25 * 1024 * 1024 // 3)
out["big_status"], out["big_error"] = send_big(big, False)
out["big_chunked_status"], out["big_chunked_error"] = send_big(big, True)

# Random bodies, as JSON and as files of every format: answered, never a 5xx.
rng = random.Random(12)
statuses = {}
for i in range(300):
    n = rng.choice([0, 1, 7, 100, 5000])
    body = bytes(rng.getrandbits(8) for _ in range(n))
    if i % 4 == 0:
        body = b'{"text": "' + body.replace(b'"', b"").replace(b"\\", b"") + b'"}'
        path, ct = "/api/check", "application/json"
    else:
        name = rng.choice(["a.txt", "a.md", "a.html", "a.docx", "a"])
        path, ct = f"/api/{rng.choice(['check', 'numbers', 'draft'])}?name={name}", "application/octet-stream"
    try:
        s, _ = post(path, body, ct)
    except Exception as e:
        s = repr(e)
    statuses[str(s)] = statuses.get(str(s), 0) + 1
out["random_statuses"] = statuses
# Still answering afterwards.
out["after"] = one(0)
print(json.dumps(out))
