// The portal as a reader sees it, in headless Chromium (Debian's, driven by playwright-core): the front page, a
// catalogue search, a dataset page, an area page, the release calendar and a release history in each of the seven
// languages, each at 320 and 1280 px. Checks: no axe-core violation, no
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
// Every page type in all seven languages, each language on a different dataset, search and area so that between them
// the pages show every kind of content (counts, rates, categorical ratings, suppressed cells, measures side by side).
const PER_LANGUAGE = {
  en: { q: 'unemployment', dataset: '/datasets/unemployment-rate', area: 'FI_091', releases: 'unemployment-rate' },
  sq: { q: 'papunë', dataset: '/datasets/xk-vet-labour-match', area: 'XK01', releases: 'xk-vet-labour-match' },
  fi: { q: 'työttömät', dataset: '/datasets/registered-unemployed', area: 'FI_091', releases: 'registered-unemployed' },
  sv: { q: 'Helsingfors', dataset: '/datasets/occupational-barometer', area: 'FI_091', releases: 'occupational-barometer' },
  bg: { q: 'Пловдив', dataset: '/datasets/graduate-outcomes', area: 'BG_PDV22', releases: 'graduate-outcomes' },
  pl: { q: 'bezrobocie', dataset: '/datasets/job-vacancies', area: 'PL_1261', releases: 'job-vacancies' },
  cs: { q: 'nezaměstnanost', dataset: '/datasets/cz-pno?geo=CZ0513,CZ_563889&measure=PNO,JOBSEEKERS_15_64&columns=measure',
        area: 'CZ0513', releases: 'cz-pno' },
};
const ONLY = process.env.ONLY_LANG; // while developing: ONLY_LANG=fi runs one language
const PAGES = Object.entries(PER_LANGUAGE).filter(([lang]) => !ONLY || lang === ONLY).flatMap(([lang, p]) => [
  { name: `front-${lang}`, path: `/${lang}/` },
  { name: `catalogue-${lang}-search`, path: `/${lang}/datasets?q=${encodeURIComponent(p.q)}` },
  { name: `dataset-${lang}-${p.dataset.split(/[/?]/)[2]}`, path: `/${lang}${p.dataset}` },
  { name: `area-${lang}-${p.area}`, path: `/${lang}/areas/${p.area}` },
  { name: `calendar-${lang}`, path: `/${lang}/calendar` },
  { name: `releases-${lang}-${p.releases}`, path: `/${lang}/datasets/${p.releases}/releases` },
]);
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
        let response = await page.goto(baseUrl + pagePath);
        if (response.status() === 503) {
          // The server's admission gate refused an uncached query on a busy machine: its documented answer, with
          // Retry-After. A reader's browser would be asked to come back; so is this one, once.
          const wait = Math.min(5, Number(response.headers()['retry-after'] || 1));
          console.log(`${name}: 503 with Retry-After ${wait} s, asking again`);
          await new Promise((r) => setTimeout(r, wait * 1000));
          response = await page.goto(baseUrl + pagePath);
        }
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
