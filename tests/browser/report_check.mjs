// Open a peacetrack report in headless Chromium (Debian's, via playwright-core; no
// browser download), look at it as a reader would, and print what was seen as JSON.
// Called by tests/browser/test_report.py:  node report_check.mjs '<config JSON>'
// config: {url, chromium, screenshot, shots, viewport, filter, axe, linkDate}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const config = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: config.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const out = { console: [], pageErrors: [], dialogs: [], requests: [], zoom: null };
try {
  const page = await browser.newPage({ viewport: config.viewport || { width: 1280, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") out.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => out.pageErrors.push(String(e)));
  page.on("dialog", async (d) => {
    out.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("request", (r) => out.requests.push(r.url()));

  const started = Date.now();
  await page.goto(config.url, { waitUntil: "load" });
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  out.loadMs = Date.now() - started;
  out.readyMs = Number(await page.getAttribute("html", "data-ready-ms"));

  const facts = () =>
    page.evaluate(() => {
      const text = (sel) => Array.from(document.querySelectorAll(sel), (n) => n.textContent);
      return {
        title: document.title,
        h1: document.querySelector("h1").textContent,
        summary: document.getElementById("summary").textContent,
        bands: document.querySelectorAll("#overview rect.band").length,
        bars: document.querySelectorAll("#overview rect.bar").length,
        nodes: document.querySelectorAll("#graph g.node").length,
        nodeLabels: text("#graph g.node text"),
        edges: document.querySelectorAll("#graph line.edge").length,
        legend: text("#graph-legend li"),
        graphNote: document.getElementById("graph-note").textContent,
        snapshotDate: document.getElementById("snapshot-date").textContent,
        slider: {
          value: document.getElementById("snapshot-slider").value,
          max: document.getElementById("snapshot-slider").max,
          valuetext: document.getElementById("snapshot-slider").getAttribute("aria-valuetext"),
        },
        rounds: text("#snapshot-rounds li"),
        delegations: text("#snapshot-delegations summary .delegation-name"),
        openDelegations: document.querySelectorAll("#snapshot-delegations details[open]").length,
        members: text("#snapshot-delegations li"),
        ceasefires: text("#snapshot-ceasefires h4"),
        exclusions: text("#snapshot-ceasefires .exclusions li"),
        excluded: text("#snapshot-excluded li"),
        designations: text("#snapshot-designations li"),
        positions: text("#snapshot-positions li"),
        moreButtons: text("#snapshot button.more"),
        events: text("#event-list li"),
        eventsStatus: document.getElementById("events-status").textContent,
        claims: text("#contested-list .claim .claimant"),
        claimValues: text("#contested-list .claim .value"),
        contestHeadings: text("#contested-list h3"),
        sources: document.querySelectorAll("#source-list li").length,
        sourceLinks: Array.from(document.querySelectorAll("#source-list a"), (a) => a.getAttribute("href")),
        imgs: document.querySelectorAll("img").length,
        bodyText: document.body.innerText,
      };
    });

  out.first = await facts();
  if (config.screenshot) await page.screenshot({ path: config.screenshot, fullPage: true });
  // More pictures: {path} is the first screen, {path, selector} one element.
  for (const shot of config.shots || []) {
    if (shot.selector) await page.locator(shot.selector).screenshot({ path: shot.path });
    else await page.screenshot({ path: shot.path });
  }

  // The overview's zoom buttons, when there are two stretches to show.
  const zoom = await page.$$("#overview-zoom button");
  if (zoom.length) {
    const axis = () => page.$$eval("#overview .axis text", (ns) => ns.map((n) => n.textContent));
    const before = await axis();
    await zoom[0].click();
    out.zoom = { before, after: await axis(), pressed: await zoom[0].getAttribute("aria-pressed") };
    await zoom[zoom.length - 1].click();
  }

  // The snapshot control: one step earlier (or later, at the first date), then the
  // slider's Home key. Skipped when there is no date to move to.
  const atStart = await page.isDisabled("#snapshot-prev");
  const atEnd = await page.isDisabled("#snapshot-next");
  if (!(atStart && atEnd)) {
    const clickStarted = Date.now();
    await page.click(atStart ? "#snapshot-next" : "#snapshot-prev");
    out.stepMs = Date.now() - clickStarted;
    out.redrawMs = Number(await page.getAttribute("html", "data-snapshot-ms"));
    out.stepped = await facts();
    await page.focus("#snapshot-slider");
    await page.keyboard.press("Home");
    out.home = await facts();
  }

  // Paging and the filter of the event list.
  if (!(await page.isDisabled("#events-next"))) {
    await page.click("#events-next");
    out.nextPage = (await facts()).events.slice(0, 3);
  }
  if (config.filter !== undefined) {
    await page.fill("#events-filter", config.filter);
    await page.waitForFunction(
      () => /matching/.test(document.getElementById("events-status").textContent),
      null,
      { timeout: 10000 },
    );
    const filtered = await facts();
    out.filtered = { events: filtered.events, status: filtered.eventsStatus };
  }

  if (config.axe) {
    // Evaluated through the DevTools protocol, so the page's CSP does not block it.
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const result = await page.evaluate(() =>
      window.axe.run(document, { resultTypes: ["violations"], preload: false }),
    );
    out.axe = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  }
  // A link to a date opens the page on it; the slider writes the link.
  out.hashAfterSlider = await page.evaluate(() => window.location.hash);
  if (config.linkDate) {
    await page.goto(`${config.url}#at=${config.linkDate}`, { waitUntil: "load" });
    await page.reload({ waitUntil: "load" });
    await page.waitForSelector("html[data-ready=true]");
    out.linked = (await facts()).snapshotDate;
  }
  out.dialogsAfter = out.dialogs.length;
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
