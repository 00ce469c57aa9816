"""A language-server client (pygls) that drives `recount lsp` over stdio.

usage: client.py RECOUNT check ARTICLE   exercises diagnostics, edits, hover and code actions
                                          and prints what it saw as JSON (tests/lsp.rs asserts)
       client.py RECOUNT latency CORPUS   times diagnostics after one-line edits in a 1 MB
                                          Markdown buffer and prints the figures as JSON
"""
import asyncio
import json
import statistics
import sys
import time

from lsprotocol import types as t
from pygls.lsp.client import BaseLanguageClient

BIN, MODE, INPUT = sys.argv[1], sys.argv[2], sys.argv[3]


class Client(BaseLanguageClient):
    def __init__(self):
        super().__init__("recount-test", "1")
        self.diagnostics = {}  # uri -> (version, [Diagnostic], time received)
        self.changed = asyncio.Condition()


client = Client()


@client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
async def on_diagnostics(params: t.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = (params.version, params.diagnostics, time.perf_counter())
    async with client.changed:
        client.changed.notify_all()


async def diagnostics_for(uri, version, timeout=30):
    async def ready():
        async with client.changed:
            await client.changed.wait_for(
                lambda: uri in client.diagnostics and (client.diagnostics[uri][0] or 0) >= version
            )
    await asyncio.wait_for(ready(), timeout)
    return client.diagnostics[uri]


def open_doc(uri, language, text, version=1):
    client.text_document_did_open(t.DidOpenTextDocumentParams(
        text_document=t.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


def change(uri, version, line, start, end, new):
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[t.TextDocumentContentChangePartial(
            range=t.Range(start=t.Position(line=line, character=start), end=t.Position(line=line, character=end)),
            text=new)]))


def utf16_col(line_text, index):
    return len(line_text[:index].encode("utf-16-le")) // 2


def where(text, needle):
    """(line, UTF-16 column) of the first `needle` in `text`."""
    k = text.index(needle)
    line = text.count("\n", 0, k)
    start = text.rfind("\n", 0, k) + 1
    return line, utf16_col(text[start:], k - start)


def show(d):
    return {"line": d.range.start.line, "character": d.range.start.character,
            "end": d.range.end.character, "severity": int(d.severity), "code": d.code,
            "message": d.message, "related": len(d.related_information or [])}


async def start():
    await client.start_io(BIN, "lsp")
    await client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities(), process_id=None))
    client.initialized(t.InitializedParams())


async def stop():
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


async def check():
    out = {}
    await start()
    text = open(INPUT, encoding="utf-8").read()
    uri = "file:///tmp/recount-lsp-test/minneapolis-2026.txt"
    open_doc(uri, "plaintext", text)
    _, diags, _ = await diagnostics_for(uri, 1)
    out["opened"] = [show(d) for d in diags]

    line, col = where(text, "380.000")
    hover = await client.text_document_hover_async(t.HoverParams(
        text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line=line, character=col + 1)))
    out["hover"] = hover.contents.value if hover else None

    target = next(d for d in diags if d.code == "share-of-share")
    actions = await client.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=uri), range=target.range,
        context=t.CodeActionContext(diagnostics=[target])))
    out["actions"] = [{"title": a.title, "edits": [
        {"line": e.range.start.line, "character": e.range.start.character, "text": e.new_text}
        for e in a.edit.changes[uri]]} for a in actions]

    # One edit: the stated 8.79% becomes 8.74%, which is what 38% of 23% gives.
    line, col = where(text, "8.79%")
    change(uri, 2, line, col, col + 4, "8.74")
    _, diags, _ = await diagnostics_for(uri, 2)
    out["after_edit"] = [show(d) for d in diags]

    md = "# Dates\n\nThe vote was on Wednesday, March 3, 2026.\n\nThat is 40% of 30%, or 20% of all voters.\n"
    muri = "file:///tmp/recount-lsp-test/dates.md"
    open_doc(muri, "markdown", md)
    _, mdiags, _ = await diagnostics_for(muri, 1)
    out["markdown"] = [show(d) for d in mdiags]
    wd = next(d for d in mdiags if d.code == "weekday")
    actions = await client.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=muri), range=wd.range,
        context=t.CodeActionContext(diagnostics=[wd])))
    out["weekday_actions"] = [{"title": a.title, "text": a.edit.changes[muri][0].new_text,
                               "line": a.edit.changes[muri][0].range.start.line,
                               "character": a.edit.changes[muri][0].range.start.character} for a in actions]

    tex = "That is 40% of 30%, or 20% of all voters.\n% recount-disable-next-line share-of-share\nThat is 40% of 30%, or 20% of all voters.\n"
    turi = "file:///tmp/recount-lsp-test/notes.tex"
    open_doc(turi, "latex", tex)
    _, tdiags, _ = await diagnostics_for(turi, 1)
    out["latex"] = [show(d) for d in tdiags]

    html = "<p>That is 40% of 30%, or 20% of all voters.</p>\n<!-- recount-disable-next-line share-of-share -->\n<p>That is 40% of 30%, or 20% of all voters.</p>\n"
    huri = "file:///tmp/recount-lsp-test/page.html"
    open_doc(huri, "html", html)
    _, hdiags, _ = await diagnostics_for(huri, 1)
    out["html"] = [show(d) for d in hdiags]
    await stop()
    print(json.dumps(out))


async def latency():
    """A 1 MB Markdown buffer of real paragraphs with a claim in the middle; each edit flips the
    claim's stated figure, and the time runs from sending the edit to its diagnostics."""
    corpus = open(INPUT, encoding="utf-8").read()
    paragraphs = [p for p in corpus.split("\n") if p.strip()]
    body, size, k = [], 0, 0
    while size < 1_000_000:
        p = paragraphs[k % len(paragraphs)]
        body.append(p)
        size += len(p.encode()) + 2
        k += 1
    claim = "That is 40% of 30%, or 20% of all voters."
    mid = len(body) // 2
    body.insert(mid, claim)
    text = "\n\n".join(body) + "\n"
    await start()
    uri = "file:///tmp/recount-lsp-latency/big.md"
    t0 = time.perf_counter()
    open_doc(uri, "markdown", text)
    await diagnostics_for(uri, 1, timeout=120)
    opened = time.perf_counter() - t0
    line, col = where(text, claim)
    col += claim.index("20%")
    times, counts = [], []
    version = 1
    for i in range(12):
        version += 1
        new = "12" if i % 2 == 0 else "20"
        sent = time.perf_counter()
        change(uri, version, line, col, col + 2, new)
        _, diags, got = await diagnostics_for(uri, version)
        times.append((got - sent) * 1000)
        counts.append(sum(1 for d in diags if d.range.start.line == line))
        # Let the whole check that follows a quiet buffer run, as it would while one reads.
        await asyncio.sleep(2.0)
    await stop()
    # Beside it, the baseline of the same run: `recount check` of the whole buffer by the CLI.
    import subprocess
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as f:
        f.write(text)
    cli = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([BIN, "check", "--isolated", "--fail-on", "never", "--format", "line", f.name],
                       stdout=subprocess.DEVNULL, check=True)
        cli.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"bytes": len(text.encode()), "open_seconds": round(opened, 3),
                      "cli_check_median_ms": round(statistics.median(cli), 1),
                      "edit_ms": [round(x, 1) for x in times],
                      "median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1),
                      "claim_line_diagnostics": counts}))


asyncio.run(check() if MODE == "check" else latency())
