// The portal as a reader sees it, in headless Chromium (Debian's, driven by playwright-core): the front page in
// English, Polish and Bulgarian, a catalogue search, dataset pages (default and chosen selections) and area pages, each at 320 and 1280 px. Checks: no axe-core violation, no
// console error (so no CSP violation either), no request outside the server, no horizontal scroll at 320 px, one h1;
// whole-page screenshots go to the screenshots directory.
//
// Started by PortalBrowserTest with one JSON argument: {"baseUrl", "screenshots": dir}
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const config = JSON.parse(process.argv[2] || '{}');
const { baseUrl, screenshots = 'target/screenshots' } = config;
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeResults = {};
const PAGES = [
  { name: 'front-en', path: '/en/' },
  { name: 'front-pl', path: '/pl/' },
  { name: 'front-bg', path: '/bg/' },
  { name: 'catalogue-pl-bezrobocie', path: '/pl/datasets?q=bezrobocie' },
  { name: 'dataset-en-unemployment-rate', path: '/en/datasets/unemployment-rate' },
  { name: 'dataset-fi-registered-unemployed', path: '/fi/datasets/registered-unemployed' },
  { name: 'dataset-bg-graduate-outcomes', path: '/bg/datasets/graduate-outcomes' },
  { name: 'dataset-cs-cz-pno-by-measure', path: '/cs/datasets/cz-pno?geo=CZ0513,CZ_563889&measure=PNO,JOBSEEKERS_15_64&columns=measure' },
  { name: 'area-en-helsinki', path: '/en/areas/FI_091' },
  { name: 'area-fi-helsinki', path: '/fi/areas/FI_091' },
  { name: 'area-bg-plovdiv', path: '/bg/areas/BG_PDV22' },
  { name: 'calendar-en', path: '/en/calendar' },
  { name: 'calendar-bg', path: '/bg/calendar' },
  { name: 'calendar-sq', path: '/sq/calendar' },
  { name: 'releases-en-unemployment-rate', path: '/en/datasets/unemployment-rate/releases' },
  { name: 'releases-pl-graduate-outcomes', path: '/pl/datasets/graduate-outcomes/releases' },
];
const WIDTHS = [320, 1280];

let browser;

before(async () => {
  assert.ok(baseUrl, 'usage: node portal.spec.mjs \'{"baseUrl":…}\'');
  fs.mkdirSync(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  fs.writeFileSync(path.join(screenshots, 'portal-axe-results.json'), JSON.stringify(axeResults, null, 2));
});

function isLocal(url) {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

for (const { name, path: pagePath } of PAGES) {
  for (const width of WIDTHS) {
    test(`${name} at ${width} px: accessible, self-contained, no sideways scroll`, { timeout: 60_000 }, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const outside = [];
      const errors = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        outside.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        const response = await page.goto(baseUrl + pagePath);
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('h1').count(), 1, 'one h1');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `no horizontal scroll (${overflow} px too wide)`);
        // Keyboard: the first Tab reaches the skip link, which becomes visible.
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
        });
        axeResults[`${name}-${width}`] = violations;
        await page.keyboard.press('Escape');
        await page.evaluate(() => document.activeElement.blur());
        const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: path.join(screenshots, `portal-${name}-${width}.png`) });
        assert.deepEqual(violations, [], 'no axe violations');
        assert.deepEqual(errors, [], 'no console errors');
        assert.deepEqual(outside, [], 'no request outside the server');
      } finally {
        await context.close();
      }
    });
  }
}
