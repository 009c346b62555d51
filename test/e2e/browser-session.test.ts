/**
 * The switches BrowserSession gives Chromium: Playwright's own feature list survives ours
 * (Chromium keeps only the last --disable-features), and the renderers we switch off for memory
 * are really gone while pages are open (and there without our switches).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTree, type ProcessInfo } from '../../src/bench/process-tree.js';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { BrowserSession, chromiumArgs, DISABLED_FEATURES } from '../../src/collect/browser-session.js';
import { EgressGate } from '../../src/collect/egress-gate.js';
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
  it("keeps Playwright's feature lists as they are and adds ours after them", async () => {
    const server = await chromium.launchServer({ executablePath, headless: true });
    const playwrightArgs = server.process().spawnargs;
    await server.close();
    // The command line BrowserSession really launches Chromium with.
    const session = await BrowserSession.launch({ executablePath, trust: { pems: [], spkiHashes: [] }, locale: 'fr-FR', pagesAtOnce: 1 });
    const launched = session.process.args;
    await session.close();
    const theirs = featureList(playwrightArgs, 'disable');
    expect(theirs).toContain('HttpsUpgrades');
    // Exactly Playwright's list first (an entry it adds or drops shows here), then ours.
    expect(featureList(launched, 'disable').slice(0, theirs.length)).toEqual(theirs);
    expect(featureList(launched, 'disable')).toEqual([...DISABLED_FEATURES]);
    expect(featureList(launched, 'enable')).toEqual(featureList(playwrightArgs, 'enable'));
  });

  it('sends loopback through the proxy even where the environment tells Playwright not to', async () => {
    // Chromium lets loopback bypass a proxy unless `<-loopback>` is said; Playwright stops
    // saying it when this variable is set. The egress gate must not depend on that.
    process.env.PLAYWRIGHT_DISABLE_FORCED_CHROMIUM_PROXIED_LOOPBACK = '1';
    try {
      const session = await BrowserSession.launch({ executablePath, trust: { pems: [], spkiHashes: [] }, locale: 'fr-FR', pagesAtOnce: 1 });
      const launched = session.process.args;
      await session.close();
      expect(launched.filter((a) => a.startsWith('--proxy-bypass-list='))).toEqual(['--proxy-bypass-list=<-loopback>']);
    } finally {
      delete process.env.PLAYWRIGHT_DISABLE_FORCED_CHROMIUM_PROXIED_LOOPBACK;
    }
  });
});

/** Every process under `root`, not `root` itself. */
function descendants(root: number): ProcessInfo[] {
  return processTree(root).filter((p) => p.pid !== root);
}

/** Pages of three sites (three registrable domains, no frames of other sites). */
const SITES = ['https://services.bonchaton.example/', 'https://google-fonts.example/', 'https://gravatar-cdn.example/'];

/** Renderer processes under `root` once three sites are open and the tabs' blank renderers gone. */
async function renderersWithThreeSites(root: number, context: BrowserContext): Promise<ProcessInfo[]> {
  for (const url of SITES) {
    const page = await context.newPage();
    await page.goto(url);
  }
  // A new tab's blank renderer exits shortly after the navigation that replaces it.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return descendants(root).filter((p) => p.cmdline.includes('--type=renderer'));
}

describe.skipIf(process.platform !== 'linux')('Chromium processes of a session (/proc)', () => {
  let internet: FixtureInternet;
  beforeAll(async () => {
    internet = await startFixtureInternet();
  });
  afterAll(async () => internet?.close());

  it('runs one renderer per site: no spare renderer, no address-bar popup renderer', async () => {
    const mappings = [parseHostMapping(internet.mapHost)];
    const trust = loadExtraTrust([internet.caCertFile]);
    const session = await BrowserSession.launch({ executablePath, trust, locale: 'fr-FR', pagesAtOnce: 4 });
    try {
      const context = await session.newSiteContext(new EgressGate({ mappings, allowPrivate: false }));
      const renderers = await renderersWithThreeSites(session.process.pid ?? 0, context);
      expect(renderers.filter((p) => p.cmdline.includes('--top-chrome-webui'))).toEqual([]);
      expect(renderers).toHaveLength(SITES.length);
      await context.close();
    } finally {
      await session.close();
    }
  });

  it("control: the same pages with Playwright's switches alone have both extra renderers", async () => {
    const trust = loadExtraTrust([internet.caCertFile]);
    const args = [
      ...chromiumArgs(trust).filter((a) => !a.startsWith('--disable-features=')),
      `--host-resolver-rules=MAP * 127.0.0.1:${internet.port}`,
    ];
    const server = await chromium.launchServer({ executablePath, headless: true, args });
    try {
      const browser = await chromium.connect(server.wsEndpoint());
      const context = await browser.newContext();
      const renderers = await renderersWithThreeSites(server.process().pid ?? 0, context);
      expect(renderers.filter((p) => p.cmdline.includes('--top-chrome-webui'))).toHaveLength(1);
      expect(renderers.length).toBeGreaterThan(SITES.length + 1);
      await browser.close();
    } finally {
      await server.close();
    }
  });
});
