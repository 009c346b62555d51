/**
 * The evidence pack with a real Chromium: one audit with --evidence-dir writes screenshots, a HAR, page
 * sources and provenance, and the JSON result points to them; the HTML report made from that
 * evidence is opened in Chromium: it renders, filters its request table, makes no request
 * leaving the file, and a screenshot of it is written to test-results/html-report.png.
 */
import { trackerLists } from '../../src/trackers/index.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { packageRoot } from '../../src/util/paths.js';
import { runCli } from '../support/cli.js';
import { schemaErrors } from '../support/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'chatons-pack-'));
const packDir = join(dir, 'pack');
let internet: FixtureInternet;
let browser: Browser;
let result: AuditResult;

beforeAll(async () => {
  internet = await startFixtureInternet();
  const run = await runCli([
    '--map-host',
    internet.mapHost,
    '--ca-cert',
    internet.caCertFile,
    '--evidence-dir',
    packDir,
    '--save-evidence',
    join(dir, 'evidence.json'),
    '-o',
    join(dir, 'result.json'),
    'https://asso-apres.example/',
  ]);
  expect(run.code, run.stderr).toBe(1);
  result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as AuditResult;
  browser = await chromium.launch({ executablePath: findBrowser(undefined, process.env), headless: true });
});
afterAll(async () => {
  await browser?.close();
  await internet?.close();
});

describe('evidence pack (--evidence-dir)', () => {
  it('points the JSON result to screenshots, HAR, sources and provenance, and still validates', () => {
    expect(schemaErrors(result)).toEqual([]);
    const pack = result.evidencePack;
    expect(pack?.dir).toBe(packDir);
    // The portal first, then the pages the planners added (documents...), each with its files.
    expect(pack?.pages.map((p) => p.url)).toEqual(result.pages.map((p) => p.url));
    expect(pack?.pages[0]?.url).toBe('https://asso-apres.example/');
    const page = pack?.pages[0];
    for (const p of pack?.pages ?? []) {
      for (const file of [p.screenshotTop, p.screenshotFull, p.source, pack?.har, pack?.provenance]) {
        expect(file, `every file of ${p.url} is named`).toBeTruthy();
        expect(statSync(join(packDir, file ?? '')).size).toBeGreaterThan(0);
      }
    }
    expect(
      readFileSync(join(packDir, page?.screenshotTop ?? ''))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(readFileSync(join(packDir, page?.source ?? ''), 'utf8')).toContain('googletagmanager.com/gtag/js');
  });

  it("keeps Playwright's HAR of the visit and a provenance file", () => {
    const har = JSON.parse(readFileSync(join(packDir, result.evidencePack?.har ?? ''), 'utf8')) as {
      log: { entries: { request: { url: string } }[] };
    };
    expect(har.log.entries.map((e) => new URL(e.request.url).hostname)).toEqual(
      expect.arrayContaining(['asso-apres.example', 'www.googletagmanager.com', 'secure.gravatar.com']),
    );
    const provenance = JSON.parse(readFileSync(join(packDir, result.evidencePack?.provenance ?? ''), 'utf8')) as Record<string, unknown>;
    expect(provenance).toMatchObject({ tool: { name: 'chatons-audit' }, target: 'https://asso-apres.example/', lists: trackerLists() });
    expect(String(provenance.browser)).toMatch(/^Chromium \d+/);
    expect(Date.parse(String(provenance.finishedAt))).toBeGreaterThanOrEqual(Date.parse(String(provenance.startedAt)));
    expect(provenance.options).toMatchObject({ maxPages: 12, candidate: false });
  });
});

describe('HTML report in Chromium', () => {
  it('renders self-contained, with the screenshot inline, filters requests and never leaves the file', async () => {
    const htmlFile = join(dir, 'report.html');
    const run = await runCli(['--from-evidence', join(dir, 'evidence.json'), '-o', htmlFile]);
    expect(run.code).toBe(1);
    const html = readFileSync(htmlFile, 'utf8');
    const $ = load(html);
    expect($('script[src], link[href], iframe, object, embed').length).toBe(0);
    // One inline top screenshot per audited page, nothing else.
    expect(
      $('img')
        .map((_, e) => $(e).attr('src')?.slice(0, 22))
        .get(),
    ).toEqual(result.pages.map(() => 'data:image/png;base64,'));

    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const url = pathToFileURL(htmlFile).href;
    await page.goto(url);
    await expect(page.locator('.verdict').textContent()).resolves.toContain('non conforme');
    await expect(page.locator('details.rule').count()).resolves.toBe(result.rules.length);
    expect(await page.locator('table.requests tbody tr').count()).toBe(result.requests.length);
    await page.selectOption('select.f-party', 'third');
    const visible = await page
      .locator('table.requests tbody tr:visible')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.party));
    expect(visible).toEqual(result.requests.filter((r) => r.party === 'third').map(() => 'third'));
    await page.selectOption('select.f-type', 'script');
    const thirdScripts = result.requests.filter((r) => r.party === 'third' && r.resourceType === 'script').length;
    expect(thirdScripts).toBeGreaterThan(0);
    await expect(page.locator('.f-count').textContent()).resolves.toBe(String(thirdScripts));
    await expect(
      page
        .locator('.shots img')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).resolves.toBeGreaterThan(100);
    mkdirSync(join(packageRoot, 'test-results'), { recursive: true });
    const shot = join(packageRoot, 'test-results', 'html-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    await context.close();
    expect(existsSync(shot)).toBe(true);
    expect(requests.filter((r) => !r.startsWith('file:') && !r.startsWith('data:'))).toEqual([]);
  });
});
