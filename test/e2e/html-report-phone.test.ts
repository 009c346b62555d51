/**
 * The HTML report of several sites in Chromium, on a phone-sized viewport: the index is there,
 * failing sites come first, its links land on their article, nothing is wider than the screen.
 * A screenshot goes to a temporary folder (CHATONS_AUDIT_KEEP_SCREENSHOT=1 prints its path).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { renderHtml } from '../../src/report/html.js';
import { severalSites } from '../report/several-sites.js';

const PHONE_WIDTH = 390;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'chatons-html-phone-'));
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findBrowser(undefined, process.env), headless: true });
});
afterAll(async () => {
  await browser?.close();
  if (!process.env.CHATONS_AUDIT_KEEP_SCREENSHOT) rmSync(dir, { recursive: true, force: true });
});

describe('HTML report of several sites in Chromium, 390 px wide', () => {
  it('has an index whose links work, failing sites first, and no horizontal overflow', async () => {
    const results = severalSites();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(results, 'fr'));
    const context = await browser.newContext({
      viewport: { width: PHONE_WIDTH, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
    });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);

    const index = await page
      .locator('nav.index li a')
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })));
    expect(index).toHaveLength(results.length);
    const verdictOf = (target: string): string => results.find((r) => r.target === target)?.verdict ?? '';
    const ranks = index.map((e) => ['non-compliant', 'incomplete', 'compliant'].indexOf(verdictOf(e.text)));
    expect(ranks[0]).toBe(0);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    // Nothing wider than the phone: long titles wrap, tables scroll inside their own box.
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.doc).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(widths.body).toBeLessThanOrEqual(PHONE_WIDTH);
    const tableBoxes = await page
      .locator('table')
      .evaluateAll((tables) => tables.map((t) => (t.parentElement as HTMLElement).getBoundingClientRect().right));
    expect(tableBoxes.length).toBeGreaterThan(0);
    expect(tableBoxes.filter((right) => right > PHONE_WIDTH)).toEqual([]);
    // Each link lands on its article: the hash changes and the article's title is at the top.
    for (const entry of index.slice().reverse()) {
      await page.locator(`nav.index a[href="${entry.href}"]`).click();
      await expect(page.evaluate(() => location.hash)).resolves.toBe(entry.href);
      const top = await page.locator(`article${entry.href} h1`).evaluate((h) => Math.round(h.getBoundingClientRect().top));
      expect(Math.abs(top)).toBeLessThan(60);
      await expect(page.locator(`article${entry.href} h1`).textContent()).resolves.toContain(entry.text);
      await page.evaluate(() => window.scrollTo(0, 0));
    }

    const overflowingTitles = await page
      .locator('h1, h2')
      .evaluateAll((hs) => hs.filter((h) => h.scrollWidth > h.clientWidth).map((h) => h.textContent));
    expect(overflowingTitles).toEqual([]);

    const shot = join(dir, 'html-report-390.png');
    await page.screenshot({ path: shot });
    await page.locator('table.dns').scrollIntoViewIfNeeded();
    const tablesShot = join(dir, 'html-report-390-tables.png');
    await page.screenshot({ path: tablesShot });
    for (const file of [shot, tablesShot]) expect(statSync(file).size).toBeGreaterThan(1000);
    if (process.env.CHATONS_AUDIT_KEEP_SCREENSHOT) process.stderr.write(`screenshots: ${shot} ${tablesShot}\n`);
    await context.close();
    expect(requests.filter((r) => !r.startsWith('file:') && !r.startsWith('data:'))).toEqual([]);
  });
});
