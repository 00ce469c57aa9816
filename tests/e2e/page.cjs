// Drives the page of `recount serve` in Debian's Chromium with playwright-core: pastes an
// article, reads the marked spans and the findings, clicks a finding, reads its derivation,
// saves a screenshot and measures that it is not blank. Prints what it saw as JSON.
//
// usage: node page.cjs URL ARTICLE SCREENSHOT.png
const path = require("path");
const fs = require("fs");
const { chromium } = require(path.resolve("target/tools/node_modules/playwright-core"));

const [url, article, shot] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const out = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside = [];
    page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url()); });
    await page.goto(url);
    await page.fill("#input", fs.readFileSync(article, "utf8"));
    await page.click("#check");
    await page.waitForSelector("#findings li");
    const items = () => page.$$eval("#findings li", (els) => els.map((e) => ({ verdict: e.dataset.verdict, text: e.textContent })));
    out.findings = await items();
    out.claims = await page.$$eval("#doc .claim", (els) => els.map((e) => ({ text: e.textContent, cls: e.className })));
    out.figures = await page.$$eval("#doc .num", (els) => els.length);
    await page.check("#showall");
    out.all_findings = await items();
    out.all_claims = await page.$$eval("#doc .claim", (els) => els.map((e) => ({ text: e.textContent, cls: e.className })));
    await page.click('#findings li:has-text("8.79%")');
    out.derivation = await page.textContent("#derivation");
    out.inputs = await page.$$eval("#doc .input", (els) => els.map((e) => e.textContent));
    out.selected = await page.$$eval("#doc .selected", (els) => els.map((e) => e.textContent));
    out.locale = await page.textContent("#evidence");
    const download = page.waitForEvent("download");
    await page.click("#draft");
    const d = await download;
    out.draft_name = d.suggestedFilename();
    out.draft = fs.readFileSync(await d.path(), "utf8");
    await page.screenshot({ path: shot });
    out.outside_requests = outside;
    // Not blank: the screenshot's pixels, read back in a canvas, have many colours.
    const blank = await browser.newPage();
    const b64 = fs.readFileSync(shot).toString("base64");
    out.screenshot = await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = "data:image/png;base64," + b64;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width; c.height = img.height;
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let dark = 0;
      for (let i = 0; i < px.length; i += 4 * 7) {
        colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
        if (px[i] + px[i + 1] + px[i + 2] < 200) dark++;
      }
      return { width: c.width, height: c.height, colours: colours.size, dark };
    }, b64);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
