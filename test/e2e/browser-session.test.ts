/**
 * The switches BrowserSession gives Chromium: Playwright's own feature lists survive ours
 * (Chromium keeps only the last --disable-features), and the processes we switch off for memory
 * are really gone while a site's pages are open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { BrowserSession, chromiumArgs } from '../../src/collect/browser-session.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';

const executablePath = findBrowser(undefined, process.env);

/** The feature list Chromium will use: the last occurrence of the switch wins. */
function featureList(args: readonly string[], name: 'disable' | 'enable'): string[] {
  const prefix = `--${name}-features=`;
  const last = args.filter((a) => a.startsWith(prefix)).at(-1);
  return last ? last.slice(prefix.length).split(',').filter(Boolean) : [];
}

describe('Chromium feature lists', () => {
  it('keeps every feature Playwright switches on or off by default', async () => {
    const server = await chromium.launchServer({ executablePath, headless: true });
    const playwrightArgs = server.process().spawnargs;
    await server.close();
    const launched = [...playwrightArgs, ...chromiumArgs([], { pems: [], spkiHashes: [] })];
    for (const name of ['disable', 'enable'] as const) {
      const theirs = featureList(playwrightArgs, name);
      expect(theirs.length).toBeGreaterThan(0);
      expect(featureList(launched, name)).toEqual(expect.arrayContaining(theirs));
    }
    expect(featureList(launched, 'disable')).toContain('HttpsUpgrades');
  });
});

interface ProcessInfo {
  pid: number;
  cmdline: string;
}

/** Every process under `root` (Linux /proc). Chromium rewrites its title, so args may be space-joined. */
function descendants(root: number): ProcessInfo[] {
  const all: { pid: number; ppid: number; cmdline: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.push({ pid: Number(name), ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => p.pid !== root && tree.has(p.pid));
}

describe('Chromium processes of a session', () => {
  let internet: FixtureInternet;
  let session: BrowserSession;
  beforeAll(async () => {
    internet = await startFixtureInternet();
    session = await BrowserSession.launch({
      executablePath, mappings: [parseHostMapping(internet.mapHost)], trust: loadExtraTrust([internet.caCertFile]),
      locale: 'fr-FR', pagesAtOnce: 4,
    });
  });
  afterAll(async () => {
    await session?.close();
    await internet?.close();
  });

  it('runs one renderer per open page: no spare renderer, no address-bar popup, no GPU or network process', async () => {
    const root = session.pid;
    expect(root).toBeTypeOf('number');
    const context = await session.newSiteContext();
    try {
      const paths = ['/', '/mentions-legales', '/cgu'];
      for (const path of paths) {
        const page = await context.newPage();
        await page.goto(`https://services.bonchaton.example${path}`);
      }
      // A new tab's blank renderer exits shortly after the navigation that replaces it.
      let processes: ProcessInfo[] = [];
      const deadline = Date.now() + 5_000;
      do {
        await new Promise((resolve) => setTimeout(resolve, 200));
        processes = descendants(root ?? 0);
      } while (processes.filter((p) => p.cmdline.includes('--type=renderer')).length > paths.length && Date.now() < deadline);
      const renderers = processes.filter((p) => p.cmdline.includes('--type=renderer'));
      expect(renderers.length).toBeGreaterThan(0);
      expect(renderers.length).toBeLessThanOrEqual(paths.length);
      expect(renderers.filter((p) => p.cmdline.includes('--top-chrome-webui'))).toEqual([]);
      expect(processes.filter((p) => p.cmdline.includes('--type=gpu-process'))).toEqual([]);
      expect(processes.filter((p) => p.cmdline.includes('--utility-sub-type=network.mojom.NetworkService'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
