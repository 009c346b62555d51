/**
 * `npm run bench`: figures, never assertions. Compares, in one run on this machine, the audit of
 * each demo site with Chromium alone loading the same pages under the same settle policy
 * (same quiet window and cap) and the same schedule (the portal, then the other pages a few at
 * once from its load on), the same visitor (gestures, then leaving the page with its grace) and
 * the same desktop presentation, without our request records, extraction, DNS or rules.
 */
import { chromium, type BrowserContext, type Request } from 'playwright-core';
import { Auditor } from '../audit/auditor.js';
import { DEFAULT_MAX_PAGES, DEFAULT_TIMING } from '../audit/settings.js';
import { findBrowser } from '../collect/browser-discovery.js';
import { chromiumArgs, KEPT_PROTECTIONS, regularUserAgent, WEBRTC_PROXIED_ONLY } from '../collect/browser-session.js';
import { parseHostMapping } from '../collect/map-host.js';
import { NetworkQuietTracker } from '../collect/network-quiet.js';
import { LEAVE_GRACE, leavePage, lookAround } from '../collect/visitor.js';
import { desktopArgs, desktopContextOptions, localizePage, presentAsDesktop } from '../collect/desktop.js';
import { PAGES_AT_ONCE } from '../collect/site-pages.js';
import { limiter } from '../util/limit.js';
import { loadExtraTrust } from '../collect/trust.js';
import { demoSites } from '../fixture-internet/demo-sites.js';
import { startFixtureInternet } from '../fixture-internet/server.js';
import { rulesDir } from '../util/paths.js';
import { loadRuleSet } from '../judge/loader.js';
import { startFixtureDns } from '../fixture-internet/dns-server.js';
import { parseDnsServer } from '../collect/dns/servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Chromium alone on one page, with the audit's settle policy; `onLoaded` where the audit plans. */
async function loadAlone(context: BrowserContext, url: string, onLoaded?: () => void): Promise<void> {
  const page = await context.newPage();
  await localizePage(context, page, 'fr-FR');
  const tracker = new NetworkQuietTracker<Request>();
  page.on('request', (r) => tracker.started(r));
  page.on('response', (r) => tracker.done(r.request()));
  page.on('requestfailed', (r) => tracker.done(r));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: DEFAULT_TIMING.timeoutMs }).catch(() => undefined);
  await page.waitForLoadState('load', { timeout: DEFAULT_TIMING.settleCapMs }).catch(() => undefined);
  await lookAround(page, DEFAULT_TIMING.settleCapMs).catch(() => undefined);
  onLoaded?.();
  await tracker.waitForQuiet({ quietMs: DEFAULT_TIMING.quietMs, capMs: DEFAULT_TIMING.settleCapMs, staleMs: 3_000 });
  // The audit's leaving: the events, then the same grace.
  await leavePage(page, LEAVE_GRACE.capMs).catch(() => undefined);
  tracker.touch();
  await tracker.waitForQuiet({ quietMs: LEAVE_GRACE.quietMs, capMs: LEAVE_GRACE.capMs, staleMs: 3_000 });
  await page.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const internet = await startFixtureInternet();
  // The audit's DNS checks ask the fixture zones, so the bench stays offline.
  const fixtureDns = await startFixtureDns();
  const mappings = [parseHostMapping(internet.mapHost)];
  const trust = loadExtraTrust([internet.caCertFile]);
  const browserPath = findBrowser(undefined, process.env);
  const auditor = await Auditor.start(
    {
      lang: 'en',
      candidate: false,
      ownDomains: [],
      mappings,
      timing: DEFAULT_TIMING,
      maxPages: DEFAULT_MAX_PAGES,
      browserPath,
      trust,
      levels: {},
      locale: 'fr-FR',
      dnsServers: [parseDnsServer(fixtureDns.server)],
    },
    loadRuleSet(rulesDir),
  );
  const plain = await chromium.launch({
    // The same switches as the audit's browser: the ratio is our work (the egress gate included),
    // not Chromium's process model. Without the gate, Chromium itself maps the hosts.
    executablePath: browserPath,
    headless: true,
    args: [
      ...chromiumArgs(trust),
      ...WEBRTC_PROXIED_ONLY,
      `--host-resolver-rules=MAP * 127.0.0.1:${internet.port}`,
      ...desktopArgs('fr-FR'),
    ],
    ignoreDefaultArgs: KEPT_PROTECTIONS,
  });

  const rows: string[][] = [];
  try {
    for (const site of demoSites()) {
      const auditMs: number[] = [];
      const aloneMs: number[] = [];
      let pages: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        const { evidence } = await auditor.audit(new URL(site.url));
        auditMs.push(performance.now() - t0);
        pages = evidence.pages.map((p) => p.url);

        const t1 = performance.now();
        const context = await plain.newContext(desktopContextOptions(regularUserAgent(plain.version())));
        await presentAsDesktop(context);
        // The audit's schedule: the portal, and once it has loaded, the other pages a few at once.
        const [portal, ...others] = pages;
        let rest: Promise<unknown> = Promise.resolve();
        const startOthers = (): void => {
          const at = limiter(PAGES_AT_ONCE);
          rest = Promise.all(others.map((url) => at(() => loadAlone(context, url))));
        };
        if (portal) await loadAlone(context, portal, startOthers);
        await rest;
        await context.close();
        aloneMs.push(performance.now() - t1);
      }
      const a = median(auditMs);
      const b = median(aloneMs);
      rows.push([site.url, String(pages.length), a.toFixed(0), b.toFixed(0), (a / b).toFixed(2), (a - b).toFixed(0)]);
    }
  } finally {
    await auditor.close();
    await plain.close();
    await internet.close();
    await fixtureDns.close();
  }
  const header = ['demo site', 'pages', 'audit ms', 'Chromium alone ms', 'ratio', 'overhead ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(
    `chatons-audit bench: median of ${ROUNDS} rounds, quiet window ${DEFAULT_TIMING.quietMs} ms, same browser build for both columns`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** The parts of the bench, in the order they run; BENCH_ONLY=demo,dns… runs some of them. */
const PARTS: Readonly<Record<string, () => Promise<void>>> = {
  demo: main,
  dns: async () => (await import('./dns.js')).run(),
  batch: async () => (await import('./batch.js')).run(),
  documents: async () => (await import('./documents.js')).run(),
  trackers: async () => (await import('./trackers.js')).run(),
};
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const unknown = only.filter((p) => !(p in PARTS));
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(PARTS)) {
  if (only.length === 0 || only.includes(name)) await run();
}
