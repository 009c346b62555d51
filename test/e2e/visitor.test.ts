/**
 * The audit's browser sees what a reviewer's browser sends: trackers fired when the page is
 * left (pagehide beacon, keepalive fetch on hidden), at the first gesture, later than the load,
 * and only when the page believes a human is there. Real Chromium, one page visit each.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMING } from '../../src/audit/settings.js';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { BrowserSession } from '../../src/collect/browser-session.js';
import { EgressGate } from '../../src/collect/egress-gate.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { collectPage, instrumentSiteContext, type CollectedPage } from '../../src/collect/page.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import type { RequestEvidence } from '../../src/contracts/evidence.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';

let internet: FixtureInternet;
let session: BrowserSession;

beforeAll(async () => {
  internet = await startFixtureInternet();
  session = await BrowserSession.launch({
    executablePath: findBrowser(undefined, process.env),
    trust: loadExtraTrust([internet.caCertFile]),
    locale: 'fr-FR',
    pagesAtOnce: 2,
  });
});
afterAll(async () => {
  await session?.close();
  await internet?.close();
});

/** Every host of the fixture internet, through the site's egress gate as in an audit. */
const siteContext = (): Promise<BrowserContext> =>
  session.newSiteContext(new EgressGate({ mappings: [parseHostMapping(internet.mapHost)], allowPrivate: false }));

/** One page in a fresh site context, as collectSite visits it. */
async function visit(url: string, quietMs = 500): Promise<CollectedPage> {
  const context = await siteContext();
  try {
    await instrumentSiteContext(context);
    return await collectPage(
      context,
      { url, role: 'portal' },
      { timeoutMs: 20_000, settleCapMs: 6_000, quietMs },
      { locale: session.locale },
    );
  } finally {
    await context.close();
  }
}

const toHost = (collected: CollectedPage, host: string): RequestEvidence[] => collected.requests.filter((r) => r.host === host);

describe('leaving the page', () => {
  it("records a sendBeacon sent from pagehide, as the page's, in the leave phase", async () => {
    const collected = await visit('https://depart-discret.example/?on=pagehide');
    const beacons = toHost(collected, 'collect.beacon-pisteur.example');
    expect(beacons.map((r) => [r.method, r.resourceType, r.phase, r.page])).toEqual([
      ['POST', 'ping', 'leave', 'https://depart-discret.example/?on=pagehide'],
    ]);
  });

  it('records a keepalive fetch sent when the page becomes hidden', async () => {
    const collected = await visit('https://depart-discret.example/?on=hidden');
    const sent = toHost(collected, 'collect.keepalive-pisteur.example');
    expect(sent.map((r) => [r.method, r.phase])).toEqual([['POST', 'leave']]);
  });

  it('still reads the page before leaving it', async () => {
    const collected = await visit('https://depart-discret.example/?on=pagehide');
    expect(collected.page.title).toBe('Atelier vélo');
    expect(collected.page.html).toContain('Atelier vélo participatif');
  });
});

describe('being a visitor', () => {
  for (const gesture of ['mousemove', 'wheel', 'keydown']) {
    it(`triggers a tracker loaded at the first ${gesture}`, async () => {
      const collected = await visit(`https://geste-attendu.example/?on=${gesture}`);
      const tracker = toHost(collected, 'www.googletagmanager.com');
      expect(tracker.map((r) => [r.resourceType, r.phase])).toEqual([['script', expect.stringMatching(/^(interaction|late)$/)]]);
      expect(tracker[0]?.url).toContain(`on=${gesture}`);
    });
  }

  it('never clicks: a tracker loaded at the first pointerdown stays silent', async () => {
    const collected = await visit('https://geste-attendu.example/?on=pointerdown');
    expect(toHost(collected, 'www.googletagmanager.com')).toEqual([]);
  });

  it('catches a tracker injected 1.5 s after load, in the late phase (default quiet window)', async () => {
    const collected = await visit('https://late-tracker.example/', DEFAULT_TIMING.quietMs);
    const tracker = toHost(collected, 'www.googletagmanager.com');
    expect(tracker.map((r) => r.phase)).toEqual(['late']);
    expect(tracker[0]?.startMs).toBeGreaterThanOrEqual(1_500);
    // The page's own document was requested while it loaded.
    expect(collected.requests.find((r) => r.host === 'late-tracker.example')?.phase).toBe('load');
  });
});

describe('not recognisable as automation', () => {
  for (const check of ['webdriver', 'useragent', 'plugins', 'languages', 'permissions', 'window']) {
    it(`passes the "${check}" check of a page that loads its tracker only for humans`, async () => {
      const collected = await visit(`https://humain-seulement.example/?check=${check}`);
      expect(toHost(collected, 'www.googletagmanager.com').map((r) => r.url)).toEqual([
        `https://www.googletagmanager.com/gtag/js?id=G-HUMAIN&check=${check}`,
      ]);
    });
  }

  it('sends an Accept-Language that agrees with navigator.languages', async () => {
    const context = await siteContext();
    try {
      const page = await context.newPage();
      const header = new Promise<string | undefined>((resolve) =>
        page.on('request', (r) => void r.allHeaders().then((h) => resolve(h['accept-language']))),
      );
      await page.goto('https://humain-seulement.example/?check=languages');
      const languages = await page.evaluate(() => navigator.languages);
      const accepted = (await header)?.split(',').map((l) => l.split(';')[0]);
      expect(accepted).toEqual(languages);
      expect(languages.slice(0, 2)).toEqual(['fr-FR', 'fr']);
    } finally {
      await context.close();
    }
  });
});
