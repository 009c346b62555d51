/**
 * Tracker knowledge figures (with their targets): engine load time (< 100 ms), matching throughput
 * on one core (≥ 100,000 URLs/s), and the time tracker work adds to each audited page (< 50 ms):
 * cookie/storage collection in the browser plus naming and the tracker rules at judgement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { Auditor } from '../audit/auditor.js';
import { DEFAULT_TIMING } from '../audit/settings.js';
import { findBrowser } from '../collect/browser-discovery.js';
import { spyOnCookieWrites, watchCookiesAndStorage } from '../collect/gatherers/cookies-storage.js';
import { parseHostMapping } from '../collect/map-host.js';
import { loadExtraTrust } from '../collect/trust.js';
import type { Evidence } from '../contracts/evidence.js';
import { startFixtureInternet } from '../fixture-internet/server.js';
import { judge } from '../judge/judge.js';
import { rulesDir } from '../util/paths.js';
import { loadRuleSet } from '../judge/loader.js';
import { trackersDataDir } from '../trackers/data-files.js';
import { createTrackerKnowledge } from '../trackers/index.js';
import type { RuleSet } from '../contracts/rule.js';

const TRACKER_RULES = new Set([
  'no-known-trackers',
  'no-ads',
  'no-third-party-hints',
  'consent-free-analytics',
  'social-network-alternative',
]);
const SITES = [
  'https://pisteurs.example/',
  'https://tout-voir.example/',
  'https://ga4-banniere.example/',
  'https://matomo-maison.example/',
];
const TYPES = ['script', 'image', 'stylesheet', 'xhr', 'ping', 'font', 'document'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Realistic, all-distinct URLs: known tracker hosts, CDN and unknown hosts, varied paths. They
 * go through JSON, as an audit's URLs do (Playwright's protocol messages): a template literal
 * makes a rope string that the first lookup would flatten, a cost of building the corpus, not of
 * matching.
 */
function corpus(size: number, seed: number): { url: string; type: string; page: string }[] {
  const tpw = JSON.parse(readFileSync(join(trackersDataDir, 'third-party-web.json'), 'utf8')) as { entities: { domains: string[] }[] };
  const hosts = tpw.entities.flatMap((e) => e.domains.map((d) => d.replace(/^\*\./, 'www.')));
  const out: { url: string; type: string; page: string }[] = [];
  for (let i = 0; i < size; i++) {
    const n = i * 7919 + seed;
    const host = n % 3 === 0 ? `static${n % 997}.site${n % 4999}.example` : hosts[n % hosts.length];
    // Mostly ordinary assets, one path in seven shaped like a tracker hit.
    const path = ['static/js/main.a1b2c3', 'img/photo-123', 'css/style', 'fonts/inter-400', 'api/v1/items', 'collect', 'embed/player'][
      n % 7
    ];
    out.push({
      url: `https://${host}/${path}.${n % 2 ? 'js' : 'gif'}?id=${n}&v=${seed}`,
      type: TYPES[n % TYPES.length] as string,
      page: `https://member${n % 50}.example.org/`,
    });
  }
  const rows = JSON.parse(JSON.stringify(out)) as typeof out;
  // Requests of one page share its URL string, as they share the page's evidence.
  const pages = new Map<string, string>();
  for (const row of rows) {
    row.page = pages.get(row.page) ?? row.page;
    pages.set(row.page, row.page);
  }
  return rows;
}

/** Wall and CPU milliseconds of fn: on a shared, overloaded machine the CPU time is the stable figure. */
function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function loadTimes(): { first: { wall: number; cpu: number }; median: { wall: number; cpu: number } } {
  const times = Array.from({ length: 7 }, () => timed(() => createTrackerKnowledge().warm()));
  const first = times[0] ?? { wall: 0, cpu: 0 };
  return { first, median: { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) } };
}

/** Median of 5 passes of 200,000 distinct URLs each: one pass varies by ±20% on a shared machine. */
function throughput(): { wall: number; cpu: number } {
  const k = createTrackerKnowledge();
  k.warm();
  for (const r of corpus(30_000, 1)) k.nameRequest(r.url, r.type, r.page);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const urls = corpus(200_000, 2 + pass);
    const t = timed(() => {
      for (const r of urls) k.nameRequest(r.url, r.type, r.page);
    });
    walls.push(urls.length / (t.wall / 1000));
    cpus.push(urls.length / (t.cpu / 1000));
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function withoutTrackerRules(ruleSet: RuleSet): RuleSet {
  return { ...ruleSet, rules: ruleSet.rules.filter((r) => !TRACKER_RULES.has(r.id)) };
}

async function perPage(): Promise<{ collectMs: number; judgeMs: number; pages: number }> {
  const internet = await startFixtureInternet();
  const ruleSet = loadRuleSet(rulesDir);
  const auditor = await Auditor.start(
    {
      lang: 'en',
      candidate: false,
      ownDomains: [],
      mappings: [parseHostMapping(internet.mapHost)],
      timing: DEFAULT_TIMING,
      maxPages: 12,
      browserPath: findBrowser(undefined, process.env),
      trust: loadExtraTrust([internet.caCertFile]),
      levels: {},
      locale: 'fr-FR',
    },
    ruleSet,
  );
  const evidence: Evidence[] = [];
  try {
    for (const site of SITES) evidence.push((await auditor.audit(new URL(site))).evidence);
  } finally {
    await auditor.close();
    await internet.close();
  }
  // Judgement: all rules against the foundation's rules alone, each on fresh tracker memos.
  const judgeDelta: number[] = [];
  const base = withoutTrackerRules(ruleSet);
  for (let round = 0; round < 5; round++) {
    for (const e of evidence) {
      const copy = JSON.parse(JSON.stringify(e)) as Evidence;
      const t0 = performance.now();
      judge(copy, base, { lang: 'en', levels: {} });
      const t1 = performance.now();
      judge(JSON.parse(JSON.stringify(e)) as Evidence, ruleSet, { lang: 'en', levels: {} });
      judgeDelta.push((performance.now() - t1 - (t1 - t0)) / Math.max(1, copy.pages.length));
    }
  }
  // Collection: the cookie and storage read once a page settled, timed on its own.
  const collect: number[] = [];
  const internet2 = await startFixtureInternet();
  const { BrowserSession } = await import('../collect/browser-session.js');
  const session = await BrowserSession.launch({
    executablePath: findBrowser(undefined, process.env),
    trust: loadExtraTrust([internet2.caCertFile]),
    locale: 'fr-FR',
    pagesAtOnce: 1,
  });
  const { EgressGate } = await import('../collect/egress-gate.js');
  const gate = new EgressGate({ mappings: [parseHostMapping(internet2.mapHost)], allowPrivate: false });
  try {
    for (let round = 0; round < 3; round++) {
      for (const site of SITES) {
        const context = await session.newSiteContext(gate);
        await spyOnCookieWrites(context);
        const page = await context.newPage();
        const watch = watchCookiesAndStorage(page);
        await page.goto(site, { waitUntil: 'load' }).catch(() => undefined);
        const t0 = performance.now();
        await watch.collect(context, 5_000);
        collect.push(performance.now() - t0);
        await context.close();
      }
    }
  } finally {
    await session.close();
    await internet2.close();
  }
  return { collectMs: median(collect), judgeMs: median(judgeDelta), pages: evidence.reduce((n, e) => n + e.pages.length, 0) };
}

export async function run(): Promise<void> {
  const load = loadTimes();
  const rate = throughput();
  const page = await perPage();
  const n = (v: number): string => Math.round(v).toLocaleString('en');
  const rows: [string, string, string][] = [
    ['engine + entities load, first (wall / CPU)', `${load.first.wall.toFixed(1)} / ${load.first.cpu.toFixed(1)} ms`, '< 100 ms'],
    ['engine + entities load, median of 7 (wall / CPU)', `${load.median.wall.toFixed(1)} / ${load.median.cpu.toFixed(1)} ms`, '< 100 ms'],
    [
      'matching, distinct URLs, one core, median of 5 (per wall s / per CPU s)',
      `${n(rate.wall)} / ${n(rate.cpu)} URLs/s`,
      '≥ 100,000 URLs/s',
    ],
    ['cookie/storage collection per page (median)', `${page.collectMs.toFixed(1)} ms`, ''],
    ['naming + tracker rules per page (median)', `${page.judgeMs.toFixed(1)} ms`, ''],
    ['added time per audited page', `${(page.collectMs + page.judgeMs).toFixed(1)} ms`, '< 50 ms'],
  ];
  console.log(
    `\ntracker knowledge bench (${page.pages} fixture pages: ${SITES.join(' ')}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores)`,
  );
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`${'measure'.padEnd(w0)}  ${'value'.padStart(w1)}  target`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}
