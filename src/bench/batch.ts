/**
 * Batch bench: 50 generated fixture sites audited on one browser at concurrency 1, 2 and 4.
 * Prints sites/minute, the peak memory of the whole process tree (this Node process and every
 * browser process under it, from /proc), and the memory after site 10 vs after the last site
 * (a leak shows as growth). RSS sums count shared pages once per process (an upper bound);
 * PSS shares them out, so it is the closer figure for "memory used".
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Auditor } from '../audit/auditor.js';
import { DEFAULT_MAX_PAGES, DEFAULT_TIMING } from '../audit/settings.js';
import { runBatch } from '../audit/batch/runner.js';
import type { BatchTarget } from '../audit/batch/targets.js';
import { findBrowser } from '../collect/browser-discovery.js';
import { parseHostMapping } from '../collect/map-host.js';
import { loadExtraTrust } from '../collect/trust.js';
import { startFixtureInternet } from '../fixture-internet/server.js';
import { rulesDir } from '../util/paths.js';
import { loadRuleSet } from '../judge/loader.js';
import { processTree } from './process-tree.js';

const SITES = Number(process.env.BENCH_SITES ?? 50);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,2,4').split(',').map(Number);
const MiB = 1024 * 1024;

/** A small hoster's home page: first-party stylesheet, logo and script, like the demo sites. */
function writeSites(root: string, count: number): string[] {
  const hosts: string[] = [];
  for (let i = 1; i <= count; i++) {
    const host = `chaton-${String(i).padStart(2, '0')}.bench.example`;
    hosts.push(host);
    const dir = join(root, host);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Chaton n°${i}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><img src="/logo.svg" alt="Chaton ${i}" width="64" height="64"><h1>Chaton n°${i}</h1></header>
<main><p>Services libres et loyaux : courriel, agenda, pad, visioconférence.</p>
<ul>${Array.from({ length: 12 }, (_, k) => `<li><a href="/service-${k}">Service ${k}</a></li>`).join('')}</ul>
<p>${'Hébergement associatif, sans publicité ni pistage. '.repeat(40)}</p></main>
<footer><a href="/mentions-legales">Mentions légales</a> · <a href="/cgu">CGU</a></footer>
<script src="/app.js"></script></body></html>\n`,
    );
    writeFileSync(join(dir, 'style.css'), 'body{font-family:sans-serif;max-width:60rem;margin:auto}header{display:flex;gap:1rem}\n');
    writeFileSync(
      join(dir, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#f7a"/></svg>\n',
    );
    writeFileSync(join(dir, 'app.js'), 'document.documentElement.dataset.ready = "1";\n');
  }
  return hosts;
}

interface Memory {
  rss: number;
  pss: number;
}

/** This process and all its descendants, from /proc (Linux). */
function treeMemory(): Memory {
  let rss = 0;
  let pss = 0;
  for (const { pid } of processTree(process.pid)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return { rss, pss };
}

interface Row {
  concurrency: number;
  seconds: number;
  perMinute: number;
  peak: Memory;
  after10: Memory;
  afterLast: Memory;
  failed: number;
}

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'chatons-bench-sites-'));
  const hosts = writeSites(root, SITES);
  const internet = await startFixtureInternet({ webRoot: root });
  const mappings = [parseHostMapping(internet.mapHost)];
  const trust = loadExtraTrust([internet.caCertFile]);
  const browserPath = findBrowser(undefined, process.env);
  const ruleSet = loadRuleSet(rulesDir);
  const targets: BatchTarget[] = hosts.map((h) => ({ url: new URL(`https://${h}/`), overrides: {} }));
  const rows: Row[] = [];
  try {
    for (const concurrency of LEVELS) {
      let peak: Memory = { rss: 0, pss: 0 };
      const sample = (): Memory => {
        const m = treeMemory();
        peak = { rss: Math.max(peak.rss, m.rss), pss: Math.max(peak.pss, m.pss) };
        return m;
      };
      const sampler = setInterval(sample, 250);
      let done = 0;
      let failed = 0;
      let after10: Memory = { rss: 0, pss: 0 };
      let afterLast: Memory = { rss: 0, pss: 0 };
      const t0 = performance.now();
      await runBatch(targets, {
        concurrency,
        launch: () =>
          Auditor.start(
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
              concurrency,
            },
            ruleSet,
          ),
        onSite: (outcome) => {
          done += 1;
          if ('error' in outcome) failed += 1;
          if (done === 10) after10 = sample();
          if (done === targets.length) afterLast = sample();
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      rows.push({ concurrency, seconds, perMinute: (targets.length / seconds) * 60, peak, after10, afterLast, failed });
      process.stderr.write(`batch bench: concurrency ${concurrency} done in ${seconds.toFixed(1)} s\n`);
    }
  } finally {
    await internet.close();
    rmSync(root, { recursive: true, force: true });
  }

  const mib = (n: number): string => (n / MiB).toFixed(0);
  const growth = (a: number, b: number): string => (a > 0 ? `${(((b - a) / a) * 100).toFixed(1)}%` : 'n/a');
  const header = [
    'concurrency',
    'seconds',
    'sites/min',
    'peak RSS MiB',
    'peak PSS MiB',
    'PSS @10 MiB',
    `PSS @${SITES} MiB`,
    'PSS growth',
    'RSS growth',
    'failed',
  ];
  const table = rows.map((r) => [
    String(r.concurrency),
    r.seconds.toFixed(1),
    r.perMinute.toFixed(1),
    mib(r.peak.rss),
    mib(r.peak.pss),
    mib(r.after10.pss),
    mib(r.afterLast.pss),
    growth(r.after10.pss, r.afterLast.pss),
    growth(r.after10.rss, r.afterLast.rss),
    String(r.failed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log('');
  console.log(
    `batch bench: ${SITES} generated fixture sites, one browser, quiet window ${DEFAULT_TIMING.quietMs} ms; memory = this process + browser tree`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}
