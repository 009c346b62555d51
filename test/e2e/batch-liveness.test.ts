/**
 * A batch always ends, and a hostile site never brands its neighbours: hostile sites (a
 * history.pushState storm, slowloris headers, a response that never ends, a page that crashes
 * its renderer) mixed with clean sites, through the real CLI at --concurrency 2 --timeout 6000.
 * The clean sites' results equal those of the same batch without the hostile sites, and the
 * process exits by itself, well before a hard timeout that would kill it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { runCli, type CliRun } from '../support/cli.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';

const CLEAN = ['services.bonchaton.example', 'late-tracker.example', 'lazy-image.example', 'google-fonts.example'];
const HOSTILE = ['pushstate-storm', 'slowloris', 'never-ends', 'renderer-crash'].map((h) => `${h}.hostile.example`);
/** Hostile sites first, so every clean site runs beside or after them. */
const MIXED = [HOSTILE[0], HOSTILE[1], CLEAN[0], HOSTILE[2], CLEAN[1], HOSTILE[3], CLEAN[2], CLEAN[3]] as string[];
/** Far above what the batch needs (each site is bounded by 4 x 6 s), far below a stuck CI job. */
const HARD_TIMEOUT_MS = 300_000;

let internet: FixtureInternet;
let dns: FixtureDns;
const runs: Record<'mixed' | 'clean', { run: CliRun; dir: string }> = {} as never;

async function batch(hosts: readonly string[]): Promise<{ run: CliRun; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chatons-liveness-'));
  writeFileSync(join(dir, 'targets.txt'), `${hosts.join('\n')}\n`);
  const run = await runCli(
    [
      '--map-host',
      internet.mapHost,
      '--ca-cert',
      internet.caCertFile,
      '--dns-server',
      dns.server,
      '--targets',
      'targets.txt',
      '--output-dir',
      'out',
      '--timeout',
      '6000',
      '--concurrency',
      '2',
      '--max-pages',
      '3',
      '--lang',
      'en',
    ],
    {},
    dir,
    HARD_TIMEOUT_MS,
  );
  return { run, dir };
}

const result = (which: 'mixed' | 'clean', host: string): AuditResult | null => {
  try {
    return JSON.parse(readFileSync(join(runs[which].dir, 'out', `${host}.json`), 'utf8')) as AuditResult;
  } catch {
    return null;
  }
};

/** What a reviewer reads of a result: verdict, pages, rules and their findings (no timings). */
function digest(r: AuditResult | null): unknown {
  if (!r) return null;
  return {
    verdict: r.verdict,
    pages: r.pages.map((p) => [p.url, p.status, p.error]),
    rules: r.rules.map((rule) => [rule.id, rule.outcome, rule.findings.map((f) => [f.code, f.host ?? null, f.page ?? null]).sort()]),
    thirdParties: [...new Set(r.requests.filter((q) => q.party === 'third').map((q) => q.host))].sort(),
  };
}

beforeAll(
  async () => {
    internet = await startFixtureInternet();
    dns = await startFixtureDns();
    runs.mixed = await batch(MIXED);
    runs.clean = await batch(CLEAN);
  },
  2 * HARD_TIMEOUT_MS + 10_000,
);
afterAll(async () => {
  await internet?.close();
  await dns?.close();
});

describe('batch liveness with hostile neighbours (real CLI)', () => {
  it('exits by itself, with the documented code', () => {
    expect(runs.mixed.run.timedOut, runs.mixed.run.stderr).toBeUndefined();
    expect(runs.clean.run.timedOut, runs.clean.run.stderr).toBeUndefined();
    expect([0, 1, 2]).toContain(runs.mixed.run.code);
  });

  it('gives every clean site the result it gets without the hostile sites', () => {
    for (const host of CLEAN) {
      expect(result('clean', host)?.verdict, host).toBeDefined();
      expect(digest(result('mixed', host)), host).toEqual(digest(result('clean', host)));
    }
  });

  it('audits the pushState storm itself in full: the browser keeps its navigation rate limit', () => {
    const storm = result('mixed', 'pushstate-storm.hostile.example');
    expect(storm?.pages[0]?.status).toBe(200);
    // Flooded, the page could not even be read (content, links): errors of the extract stage.
    expect(storm?.errors.filter((e) => e.stage === 'extract' || e.stage === 'settle')).toEqual([]);
  });

  it('never gives a verdict to a site the browser could not open a page for', () => {
    const summary = JSON.parse(readFileSync(join(runs.mixed.dir, 'out', 'summary.json'), 'utf8')) as {
      sites: { target: string; verdict: string | null; error?: string | null }[];
    };
    for (const host of HOSTILE) {
      const site = summary.sites.find((s) => s.target === `https://${host}/`);
      expect(site, host).toBeDefined();
      const r = result('mixed', host);
      if (r) expect(r.pages.length, host).toBeGreaterThan(0);
      else expect(site?.verdict, host).toBeNull();
    }
    for (const host of MIXED) {
      const tool = result('mixed', host)?.errors.filter((e) => /^(newContext|newPage) did not finish/.test(e.message)) ?? [];
      expect(tool, host).toEqual([]);
    }
  });
});
