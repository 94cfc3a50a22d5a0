// Widgets as a web editor and a reader see them, in headless Chromium (Debian's, driven by playwright-core):
// the embed builder makes the snippets, a plain HTML page on another origin embeds the iframe widget, the script
// widget and a chart, and we check the numbers against the API, the network (nothing but localhost), the console
// (no errors, so no CSP violations either) and accessibility with axe-core (no serious or critical violations).
//
// Started by WidgetBrowserTest with one JSON argument:
//   {"baseUrl", "dataset", "geo", "compare": [codes the widget should compare with], "filters": {dimension: code},
//    "screenshots": dir}
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const config = JSON.parse(process.argv[2] || '{}');
const { baseUrl, dataset, geo, compare = [], filters = {}, screenshots = 'target/screenshots' } = config;
const ONLY = process.env.ONLY_LANG; // while developing: ONLY_LANG=fi runs one language
const LANGUAGES = ['en', 'sq', 'fi', 'sv', 'bg', 'pl', 'cs'];
const ACCENT = '0a6b3d';
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeResults = {};

let browser;
let hostServer;
let hostOrigin;
const hostPages = new Map();
const hostPolicies = new Map();

before(async () => {
  assert.ok(baseUrl && dataset && geo, 'usage: node widgets.spec.mjs \'{"baseUrl":…,"dataset":…,"geo":…}\'');
  fs.mkdirSync(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // This machine's network is closed: keep Chromium from calling home at start and in the background.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // The embedding site: another origin than the API (127.0.0.1 vs localhost), as on a municipality's own server.
  hostServer = http.createServer((req, res) => {
    const page = hostPages.get(req.url.split('?')[0]);
    if (!page) {
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const headers = { 'Content-Type': 'text/html; charset=utf-8' };
    const policy = hostPolicies.get(req.url.split('?')[0]);
    if (policy) headers['Content-Security-Policy'] = policy;
    res.writeHead(200, headers).end(page);
  });
  await new Promise((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${hostServer.address().port}`;
});

after(async () => {
  if (browser) await browser.close();
  if (hostServer) hostServer.close();
  fs.writeFileSync(path.join(screenshots, 'axe-results.json'), JSON.stringify(axeResults, null, 2));
});

function isLocal(url) {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** A browser context that refuses and records every request not to this machine, and records console errors. */
async function watchedPage(viewport = { width: 900, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const outside = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { context, page, outside, errors };
}

async function apiJson(pathAndQuery) {
  const response = await fetch(baseUrl + pathAndQuery);
  assert.equal(response.status, 200, pathAndQuery);
  return response.json();
}

/** The latest published value of each area, as the API gives it. */
async function latestValues(lang) {
  const areas = [geo, ...compare].join(',');
  const others = Object.entries(filters).map(([dimension, code]) => `&${dimension}=${code}`).join('');
  const doc = await apiJson(`/v1/datasets/${dataset}/observations?geo=${areas}${others}&lastPeriods=10&lang=${lang}`);
  const latest = {};
  for (const o of doc.observations) if (o.value !== null) latest[o.geo] = { time: o.time, value: o.value };
  return { latest, decimals: doc.unit.decimals };
}

/** What a reader should see: the API's number as the language writes it (decimal comma but in English). */
function shownAs(value, decimals, lang) {
  const text = new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  return normalised(text);
}

/** Without spaces and the percent sign: the server's and the browser's locale data may group thousands differently. */
function normalised(text) {
  return text.replace(/[\s\u00a0\u202f%]/g, '').replace(/\u2212/g, '-');
}

const snippets = {};

/**
 * Uses the builder like an editor: dataset, area, the other dimensions, comparison (region and country are ticked
 * by default) and colour, then each language in turn, copying the three snippets each time.
 */
test('the embed builder makes iframe, script and chart snippets in every language', { timeout: 90_000 }, async () => {
  const { context, page, outside, errors } = await watchedPage();
  try {
    await page.goto(`${baseUrl}/widgets`);
    await page.waitForFunction((id) => [...document.querySelectorAll('#dataset option')].some((o) => o.value === id), dataset);
    await page.selectOption('#dataset', dataset);
    // The page's own first load may still be answering: wait for the load of this choice, the latest one.
    await page.waitForFunction((id) => document.body.dataset.loadedDataset === id
      && document.body.dataset.completedLoad === document.body.dataset.requestedLoad, dataset);
    await page.waitForFunction((code) => [...document.querySelectorAll('#geo option')].some((o) => o.value === code), geo);
    await page.selectOption('#geo', geo);
    for (const [dimension, code] of Object.entries(filters)) await page.selectOption(`#dim-${dimension}`, code);
    await page.locator('#accent').fill(`#${ACCENT}`);
    for (const lang of LANGUAGES) {
      await page.selectOption('#lang', lang);
      await page.waitForFunction(([id, code, language, accent]) => {
        const q = document.body.dataset.snippetFor || '';
        return q.startsWith(`dataset=${id}&geo=${code}&`) && q.includes(`lang=${language}`) && q.includes(`accent=${accent}`);
      }, [dataset, geo, lang, ACCENT]);
      snippets[lang] = {
        iframe: await page.inputValue('#snippet-iframe'),
        script: await page.inputValue('#snippet-script'),
        chart: await page.inputValue('#snippet-chart'),
      };
      assert.match(snippets[lang].iframe, /^<iframe src="http:\/\/localhost:\d+\/widgets\/indicator\?[^"]*compare=region,country/);
      assert.match(snippets[lang].script, new RegExp(`<script async src="http://localhost:\\d+/widgets/embed\\.js" data-dataset="${dataset}" .*data-lang="${lang}"`));
      assert.match(snippets[lang].chart, /<img src="http:\/\/localhost:\d+\/v1\/datasets\/[^"]+\/chart\.svg\?/);
    }
    await page.frameLocator('#preview').locator('.lmo-number').waitFor();
    await page.waitForFunction(() => document.getElementById('chart-preview').complete);
    await screenshotWhole(page, 'builder.png');
    assert.deepEqual(outside, [], 'nothing requested outside localhost');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

function hostPage(lang, snippets) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Town news (${lang})</title></head>
<body><main style="max-width:42rem;margin:0 auto;font-family:Georgia,serif">
<h1>Youth unemployment in our town</h1>
<p>The latest figures, embedded from the Labour Market Observatory.</p>
<h2>As an iframe</h2>
${snippets.iframe}
<h2>As a script</h2>
${snippets.script}
<h2>As a chart</h2>
${snippets.chart}
</main></body></html>`;
}

/**
 * The whole page in one picture. The viewport is made as tall as the page instead of using fullPage, whose
 * temporary resize reaches the cross-origin iframe, which then reports (and briefly gets) another height.
 */
async function screenshotWhole(page, file) {
  const { width } = page.viewportSize();
  const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  await page.setViewportSize({ width, height });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: path.join(screenshots, file) });
}

async function runAxe(page) {
  for (const frame of page.frames()) await frame.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

for (const lang of LANGUAGES.filter((l) => !ONLY || l === ONLY)) {
  test(`the builder's snippets, pasted into a plain page, show a correct, accessible widget (${lang})`, { timeout: 90_000 }, async () => {
    const { context, page, outside, errors } = await watchedPage();
    try {
      assert.ok(snippets[lang], 'the builder made this language\'s snippets');
      hostPages.set(`/host-${lang}.html`, hostPage(lang, snippets[lang]));
      await page.goto(`${hostOrigin}/host-${lang}.html`);
      const frame = page.frameLocator('iframe');
      const shadow = page.locator('.lmo-widget');
      await frame.locator('.lmo-number').waitFor();
      await shadow.locator('.lmo-number').waitFor();
      await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));

      // The iframe is as tall as its content: it told the page its height and embed.js applied it.
      const frameHandle = await page.$('iframe');
      const inner = await frameHandle.contentFrame();
      const fits = async () => {
        const contentHeight = await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const frameHeight = await frameHandle.evaluate((f) => f.getBoundingClientRect().height);
        return Math.abs(contentHeight - frameHeight) <= 2 ? frameHeight : null;
      };
      let height = null;
      for (let i = 0; i < 150 && height === null; i++) {
        height = await fits();
        if (height === null) await page.waitForTimeout(100);
      }
      assert.ok(height, 'iframe height follows its content');

      // The numbers equal the API's, written as the language writes them.
      const { latest, decimals } = await latestValues(lang);
      for (const widget of [frame, shadow]) {
        const number = widget.locator('.lmo-number');
        assert.equal(Number(await number.getAttribute('value')), latest[geo].value, `${lang}: headline value`);
        assert.equal(normalised(await number.innerText()), shownAs(latest[geo].value, decimals, lang), `${lang}: headline as shown`);
        const compared = widget.locator('.lmo-compare data');
        assert.equal(await compared.count(), compare.length, `${lang}: comparison areas`);
        for (let i = 0; i < compare.length; i++) {
          assert.equal(Number(await compared.nth(i).getAttribute('value')), latest[compare[i]].value, `${lang}: ${compare[i]}`);
          assert.equal(normalised(await compared.nth(i).innerText()), shownAs(latest[compare[i]].value, decimals, lang));
        }
      }

      await screenshotWhole(page, `widgets-${lang}.png`);

      // Keyboard: Tab to the table toggle in the iframe, open it with Enter; the frame grows to show the table.
      const toggle = frame.locator('button[aria-controls="lmo-table"]');
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const rows = await frame.locator('#lmo-table tbody tr').count();
      assert.ok(rows >= 2, 'the table lists the periods');
      await page.waitForFunction(([before]) => document.querySelector('iframe').getBoundingClientRect().height > before + 50, [height]);
      const shadowToggle = shadow.locator('button[aria-controls="lmo-table"]');
      await shadowToggle.focus();
      await page.keyboard.press('Enter');
      await shadow.locator('#lmo-table table').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await shadowToggle.getAttribute('aria-expanded'), 'true', 'the script widget opens its table too');
      assert.equal(await shadow.locator('#lmo-table tbody tr').count(), rows, 'both widgets show the same table');

      const violations = await runAxe(page);
      axeResults[lang] = violations;
      const summary = violations.map((v) => `${v.impact} ${v.id} (${v.nodes}): ${v.help}`).join('; ') || 'none';
      console.log(`axe ${lang}: ${violations.length} violation(s): ${summary}`);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(blocking, [], `${lang}: serious or critical accessibility violations`);

      assert.deepEqual(outside, [], 'nothing requested outside localhost');
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  });
}

test('the script widget keeps its look on a page with a strict Content-Security-Policy', { timeout: 60_000 }, async () => {
  const { context, page, outside, errors } = await watchedPage();
  try {
    const api = new URL(baseUrl).origin;
    hostPages.set('/strict.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict page</title></head>
<body><main><h1>A site that allows no inline styles</h1>${snippets.en.script}</main></body></html>`);
    hostPolicies.set('/strict.html', `default-src 'self'; script-src ${api}; connect-src ${api}`);
    await page.goto(`${hostOrigin}/strict.html`);
    const widget = page.locator('.lmo-widget .lmo');
    await widget.locator('.lmo-number').waitFor();
    assert.equal(await widget.evaluate((el) => getComputedStyle(el).borderTopWidth), '4px', 'the widget is styled');
    await screenshotWhole(page, 'widgets-strict-csp-en.png');
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, [], 'no CSP violations or other console errors');
  } finally {
    await context.close();
  }
});

test('the snippets fit a 390 px phone page: the chart shrinks, nothing scrolls sideways', { timeout: 60_000 }, async () => {
  const { context, page, outside, errors } = await watchedPage({ width: 390, height: 900 });
  try {
    hostPages.set('/phone.html', hostPage('en', snippets.en));
    await page.goto(`${hostOrigin}/phone.html`);
    await page.frameLocator('iframe').locator('.lmo-number').waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    const chartWidth = await page.evaluate(() => document.querySelector('img').getBoundingClientRect().width);
    assert.ok(chartWidth <= 390, `the chart is ${chartWidth}px wide in a 390 px page`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow}px)`);
    await screenshotWhole(page, 'widgets-390px-en.png');
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the widget page reads well 280 px wide, in the dark theme', { timeout: 60_000 }, async () => {
  const { context, page, outside, errors } = await watchedPage({ width: 280, height: 900 });
  try {
    await page.goto(`${baseUrl}/widgets/indicator?dataset=${dataset}&geo=${geo}&compare=region,country&lang=fi&theme=dark`);
    await page.locator('.lmo-number').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 280 px (overflow ${overflow}px)`);
    await screenshotWhole(page, 'widget-280px-dark-fi.png');
    const violations = await runAxe(page);
    axeResults['280px-dark-fi'] = violations;
    console.log(`axe 280px dark fi: ${violations.length} violation(s): ${violations.map((v) => `${v.impact} ${v.id}`).join('; ') || 'none'}`);
    assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), []);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
