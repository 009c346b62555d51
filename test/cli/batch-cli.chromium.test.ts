/**
 * Batches against the fixture internet: a run of the real bin killed midway (SIGKILL) and
 * resumed with the same command loses and duplicates no site; --force and --shard; federation
 * files. The resumed runs and the federations go through main() in-process. Merge and batch
 * input refused before any browser starts: batch-cli.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/audit/batch/output-dir.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { packageRoot } from '../../src/util/paths.js';
import { lines, runMain } from '../support/main.js';

const SITES = [
  'services.bonchaton.example',
  'google-fonts.example',
  'gravatar-cdn.example',
  'lazy-image.example',
  'iframe-embed.example',
  'ua.example',
].map((h) => `https://${h}/`);

let internet: FixtureInternet;
beforeAll(async () => {
  internet = await startFixtureInternet();
});
afterAll(async () => internet?.close());

const siteFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'summary.json')
    .sort();

describe('batch resume', () => {
  it('resumes a run killed midway without losing or duplicating a site', async () => {
    const work = mkdtempSync(join(tmpdir(), 'chatons-resume-'));
    writeFileSync(join(work, 'sites.txt'), `# members\n${SITES.join('\n')}\n`);
    const out = join(work, 'out');
    const args = [
      join(packageRoot, 'bin/chatons-audit.js'),
      '--map-host',
      internet.mapHost,
      '--ca-cert',
      internet.caCertFile,
      '--targets',
      'sites.txt',
      '--output-dir',
      'out',
      '--concurrency',
      '1',
      '--timeout',
      '5000',
      '--quiet-window',
      '300',
      '--lang',
      'en',
    ];

    // First run: killed (SIGKILL, no chance to clean up) once two sites are written.
    const child = spawn(process.execPath, args, { cwd: work, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        let written: string[] = [];
        try {
          written = siteFiles(out);
        } catch {
          // Not created yet.
        }
        if (written.length >= 2) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the batch ended before it could be killed'));
      });
    });
    await exited;
    const before = new Map(siteFiles(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(before.size).toBeGreaterThanOrEqual(2);
    expect(before.size).toBeLessThan(SITES.length);
    const killed = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(killed.partial).toBe(true);
    expect(killed.pending.length).toBeGreaterThanOrEqual(SITES.length - before.size - 1);

    // Same command again: finished sites are skipped, the others audited, each once.
    const resumed = await runMain(args.slice(1), {}, work);
    expect(resumed.code, resumed.stderr).toBe(1);
    const skipped = lines(resumed.stderr).filter((l) => l.includes('already audited'));
    expect(skipped).toHaveLength(before.size);
    expect(siteFiles(out)).toEqual(SITES.map((u) => `${new URL(u).hostname}.json`).sort());
    for (const [file, text] of before) expect(readFileSync(join(out, file), 'utf8'), file).toBe(text);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.sites.map((s) => s.target)).toEqual(SITES);
    expect(summary.counts).toMatchObject({ error: 0 });
    expect([summary.partial, summary.pending]).toEqual([false, []]);
    expect(summary.counts.compliant + summary.counts['non-compliant'] + summary.counts.incomplete).toBe(SITES.length);
    for (const url of SITES) expect(resumed.stdout).toContain(url);

    // --force with a shard: only that slice, audited again.
    const forced = await runMain([...args.slice(1), '--force', '--shard', '2/3', '--save-evidence', 'evidence.json'], {}, work);
    expect(lines(forced.stderr).filter((l) => /^\[\d\/2\]/.test(l))).toHaveLength(2);
    expect(forced.stderr).not.toContain('already audited');
    const shardSummary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(shardSummary.shard).toBe('2/3');
    expect(shardSummary.sites.map((s) => s.target)).toEqual([SITES[1], SITES[4]]);
    const saved = JSON.parse(readFileSync(join(work, 'evidence.json'), 'utf8')) as { target: string; evidenceVersion: number }[];
    expect(saved.map((e) => [e.target, e.evidenceVersion])).toEqual([
      [SITES[1], 1],
      [SITES[4], 1],
    ]);
  }, 120_000);
});

describe('federation file', () => {
  const world = (): string[] => [
    '--map-host',
    internet.mapHost,
    '--ca-cert',
    internet.caCertFile,
    '--timeout',
    '5000',
    '--quiet-window',
    '300',
    '--lang',
    'en',
  ];

  it('re-audits every member a federation lists (URL), each with its organisation file; a broken member is listed, the rest go on', async () => {
    const work = mkdtempSync(join(tmpdir(), 'chatons-federation-'));
    const run = await runMain([...world(), '--targets', 'https://collectif.example/chatons.properties', '--output-dir', 'out'], {}, work);
    // google-fonts.example is non-compliant; the members that could not be audited do not make it exit 2.
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('federation https://collectif.example/chatons.properties: reading the organisation files of 6 members');
    // The collective's own file follows the format: no warning about it.
    expect(run.stderr).not.toContain('federation https://collectif.example/chatons.properties: the mandatory field');
    expect(run.stderr).toMatch(/membres\/disparu\.properties: organisation file unreadable \(HTTP 404\); member not audited/);
    expect(run.stderr).toMatch(
      /membres\/interne\.properties: organization\.website http:\/\/10\.1\.2\.3\/admin\/ is a private or local address \(10\.1\.2\.3\)/,
    );
    const summary = JSON.parse(readFileSync(join(work, 'out', 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.sites.map((s) => [s.target, s.verdict])).toEqual([
      ['https://services.bonchaton.example/', 'compliant'],
      ['https://google-fonts.example/', 'non-compliant'],
      ['https://collectif.example/membres/disparu.properties', null],
      ['https://collectif.example/membres/sans-site.properties', null],
      ['https://collectif.example/membres/interne.properties', null],
    ]);
    expect(summary.counts).toEqual({ compliant: 1, 'non-compliant': 1, incomplete: 0, error: 3 });
    expect(summary.sites[3]?.error).toMatch(/names no organization\.website/);
    expect(siteFiles(join(work, 'out'))).toEqual(['google-fonts.example.json', 'services.bonchaton.example.json']);
    // Each member is audited with the organisation file the federation lists (not a probe of its site).
    const fonts = JSON.parse(readFileSync(join(work, 'out', 'google-fonts.example.json'), 'utf8')) as AuditResult;
    const ci = fonts.rules.find((r) => r.id === 'chatonsinfos');
    expect(ci?.findings.find((f) => f.code === 'found')?.args.url).toBe('https://collectif.example/membres/google-fonts.properties');
    expect(run.stdout).toMatch(/disparu\.properties.*error/);
  }, 120_000);

  it('reads a local federation file, and shards its members like any list', async () => {
    const work = mkdtempSync(join(tmpdir(), 'chatons-federation-local-'));
    writeFileSync(
      join(work, 'chatons.properties'),
      [
        'file.class = federation',
        'subs.a = https://collectif.example/membres/disparu.properties',
        'subs.b = https://collectif.example/membres/sans-site.properties',
        'subs.c = membres/relatif.properties',
      ].join('\n'),
    );
    const run = await runMain([...world(), '--targets', 'chatons.properties', '--output-dir', 'out', '--shard', '1/2'], {}, work);
    expect(run.code, run.stderr).toBe(0);
    // It declares the federation class but carries none of its fields: warned, and read all the same.
    expect(
      lines(run.stderr)
        .filter((l) => l.startsWith('federation chatons.properties: the mandatory field'))
        .map((l) => l.split(' ')[5]),
    ).toEqual(['federation.name', 'federation.description', 'federation.website', 'federation.contact.email']);
    const summary = JSON.parse(readFileSync(join(work, 'out', 'summary.json'), 'utf8')) as BatchSummary;
    // Members 1 and 3 of 3 (1-based shard 1/2 takes list positions 0 and 2).
    expect(summary.sites.map((s) => [s.target, s.verdict])).toEqual([
      ['https://collectif.example/membres/disparu.properties', null],
      ['membres/relatif.properties', null],
    ]);
    expect(summary.sites.map((s) => s.error)).toEqual([
      'https://collectif.example/membres/disparu.properties: organisation file unreadable (HTTP 404); member not audited',
      'membres/relatif.properties: organisation file unreadable (not an http(s) URL); member not audited',
    ]);
  });
});
