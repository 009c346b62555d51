/**
 * Periodic re-audits: --baseline marks findings new / unchanged / resolved, and --fail-on new
 * fails only on new blocking findings. The association's site gains a Google tag between two
 * runs: a copy of the fixture internet whose asso-avant.example home page is replaced, between
 * the runs, by asso-apres.example's (the same page plus one script).
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/audit/baseline.js';
import { hasNewBlockingFinding } from '../../src/judge/verdict.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { fixturesDir } from '../../src/util/paths.js';
import { lines, runMain } from '../support/main.js';
import { goldenResult } from '../support/golden.js';
import { schemaErrors } from '../support/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'chatons-baseline-'));
const before = join(dir, 'before.json');
const webRoot = join(dir, 'web');
let internet: FixtureInternet;
beforeAll(async () => {
  cpSync(join(fixturesDir, 'web'), webRoot, { recursive: true });
  internet = await startFixtureInternet({ webRoot });
});
afterAll(async () => internet?.close());
const world = (): string[] => ['--map-host', internet.mapHost, '--ca-cert', internet.caCertFile];
const newFindings = (r: AuditResult) =>
  r.rules.flatMap((rule) => rule.findings.filter((f) => f.baseline === 'new').map((f) => [rule.id, f.host ?? f.subject]));

describe('--baseline', () => {
  it('finds exactly one new finding when a tracker is added between two runs', async () => {
    const first = await runMain([
      ...world(),
      '-f',
      'json',
      '-o',
      before,
      '--save-evidence',
      join(dir, 'before-evidence.json'),
      'https://asso-avant.example/',
    ]);
    expect(first.code).toBe(1);
    copyFileSync(join(webRoot, 'asso-apres.example/index.html'), join(webRoot, 'asso-avant.example/index.html'));
    const second = await runMain([...world(), '-f', 'json', '--baseline', before, '--fail-on', 'new', 'https://asso-avant.example/']);
    const result = JSON.parse(second.stdout) as AuditResult;
    // The one added tag is one new finding in each rule that judges it, and nothing else is new.
    expect(newFindings(result)).toEqual([
      ['consent-free-analytics', 'www.googletagmanager.com'],
      ['no-known-trackers', 'www.googletagmanager.com'],
      ['no-third-party-requests', 'www.googletagmanager.com'],
    ]);
    expect(result.baseline).toMatchObject({ file: before, new: 3, resolved: [] });
    expect(result.baseline?.unchanged).toBeGreaterThan(0);
    expect(schemaErrors(result)).toEqual([]);
    expect(second.code).toBe(1);
  });

  it('exits 0 under --fail-on new when nothing is new, though the site still fails', async () => {
    const run = await runMain([
      '--from-evidence',
      join(dir, 'before-evidence.json'),
      '--baseline',
      before,
      '--fail-on',
      'new',
      '-f',
      'markdown',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 constat nouveau, [1-9]\d* inchangés?, 0 résolu\b/);
    const blocking = await runMain(['--from-evidence', join(dir, 'before-evidence.json'), '--baseline', before]);
    expect(blocking.code).toBe(1);
  });

  it('lists resolved findings and refuses an unreadable baseline with exit 2', async () => {
    const after = goldenResult('asso-apres.example');
    const back = compareWithBaseline(goldenResult('asso-avant.example'), after, 'after.json');
    expect(back.baseline?.resolved).toEqual([
      expect.objectContaining({
        rule: 'no-third-party-requests',
        host: 'www.googletagmanager.com',
        code: 'thirdPartyRequest',
        pageRole: 'portal',
      }),
    ]);
    expect(hasNewBlockingFinding(back.rules)).toBe(false);
    const bad = await runMain(['--from-evidence', join(dir, 'before-evidence.json'), '--baseline', join(dir, 'before-evidence.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--baseline illisible.*schemaVersion 1/);
    expect(readFileSync(before, 'utf8')).toContain('"verdict"');
  });
});

describe('--fail-on new in every mode', () => {
  it('reads the baseline whether the run is one audit, several, a batch with --output-dir, both with -o, or a merge', async () => {
    // Non-compliant sites re-audited unchanged against their own previous results: nothing is new.
    const site = 'https://google-fonts.example/';
    const sites = [site, 'https://gravatar-cdn.example/'];
    const prev = join(dir, 'fonts-prev.json');
    const first = await runMain([...world(), '-f', 'json', '-o', prev, ...sites]);
    expect(first.code).toBe(1);
    const again = ['--baseline', prev, '--fail-on', 'new'];
    const single = await runMain([...world(), ...again, '-f', 'json', site]);
    const several = await runMain([...world(), ...again, '-f', 'json', ...sites]);
    const batch = await runMain([...world(), ...again, '--output-dir', join(dir, 'fonts-batch'), ...sites]);
    const batchAndOutput = await runMain([
      ...world(),
      ...again,
      '--output-dir',
      join(dir, 'fonts-both'),
      '-o',
      join(dir, 'fonts-both.json'),
      site,
    ]);
    const merged = await runMain(['merge', join(dir, 'fonts-batch'), ...again]);
    expect([single.code, several.code, batch.code, batchAndOutput.code, merged.code]).toEqual([0, 0, 0, 0, 0]);
    // Exit 0 because the findings were compared, not because nothing was marked at all.
    const reported = [single.stdout, ...lines(several.stdout), readFileSync(join(dir, 'fonts-both.json'), 'utf8')].map(
      (text) => (JSON.parse(text) as AuditResult).baseline,
    );
    expect(reported).toEqual(Array(4).fill(expect.objectContaining({ file: prev, new: 0 })));
    // A baseline in which the sites had no finding: all is new. The modes that print no result say so by their exit code.
    const clean = join(dir, 'fonts-clean.json');
    writeFileSync(
      clean,
      lines(readFileSync(prev, 'utf8'))
        .map((line) => {
          const result = JSON.parse(line) as AuditResult;
          return JSON.stringify({ ...result, rules: result.rules.map((r) => ({ ...r, findings: [] })) });
        })
        .join('\n'),
    );
    const fresh = ['--baseline', clean, '--fail-on', 'new'];
    const batchFresh = await runMain([...world(), ...fresh, '--output-dir', join(dir, 'fonts-fresh'), site]);
    const mergeFresh = await runMain(['merge', join(dir, 'fonts-batch'), ...fresh]);
    expect([batchFresh.code, mergeFresh.code]).toEqual([1, 1]);
    // The controls: the same batch and merge under the default --fail-on blocking fail on the same sites.
    const control = await runMain([...world(), '--baseline', prev, '--output-dir', join(dir, 'fonts-control'), site]);
    const mergeControl = await runMain(['merge', join(dir, 'fonts-batch'), '--baseline', prev]);
    expect([control.code, mergeControl.code]).toEqual([1, 1]);
  });
});
