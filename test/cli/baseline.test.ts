/**
 * Periodic re-audits: --baseline marks findings new / unchanged / resolved, and --fail-on new
 * fails only on new blocking findings. The association's site gains a Google tag between two
 * runs (fixtures asso-avant.example → asso-apres.example, the same page plus one script).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline, hasNewBlockingFinding } from '../../src/baseline.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { runCli } from '../support/cli.js';
import { goldenResult } from '../support/golden.js';
import { schemaErrors } from '../support/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'chatons-baseline-'));
const before = join(dir, 'before.json');
let internet: FixtureInternet;
beforeAll(async () => {
  internet = await startFixtureInternet();
});
afterAll(async () => internet?.close());
const world = (): string[] => ['--map-host', internet.mapHost, '--ca-cert', internet.caCertFile];
const newFindings = (r: AuditResult) => r.rules.flatMap((rule) => rule.findings.filter((f) => f.baseline === 'new').map((f) => [rule.id, f.host]));

describe('--baseline', () => {
  it('finds exactly one new finding when a tracker is added between two runs', async () => {
    const first = await runCli([...world(), '-f', 'json', '-o', before, '--save-evidence', join(dir, 'before-evidence.json'), 'https://asso-avant.example/']);
    expect(first.code).toBe(1);
    const second = await runCli([...world(), '-f', 'json', '--baseline', before, '--fail-on', 'new', 'https://asso-apres.example/']);
    const result = JSON.parse(second.stdout) as AuditResult;
    expect(newFindings(result)).toEqual([['no-third-party-requests', 'www.googletagmanager.com']]);
    expect(result.baseline).toMatchObject({ file: before, new: 1, unchanged: 3, resolved: [] });
    expect(schemaErrors(result)).toEqual([]);
    expect(second.code).toBe(1);
  });

  it('exits 0 under --fail-on new when nothing is new, though the site still fails', async () => {
    const run = await runCli(['--from-evidence', join(dir, 'before-evidence.json'), '--baseline', before, '--fail-on', 'new', '-f', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 constat(s) nouveau(x), 3 inchangé(s), 0 résolu(s)');
    const blocking = await runCli(['--from-evidence', join(dir, 'before-evidence.json'), '--baseline', before]);
    expect(blocking.code).toBe(1);
  });

  it('lists resolved findings and refuses an unreadable baseline with exit 2', async () => {
    const after = goldenResult('asso-apres.example');
    const back = compareWithBaseline(goldenResult('asso-avant.example'), after, 'after.json');
    expect(back.baseline?.resolved).toEqual([expect.objectContaining({ rule: 'no-third-party-requests', host: 'www.googletagmanager.com', code: 'thirdPartyRequest', pageRole: 'portal' })]);
    expect(hasNewBlockingFinding(back)).toBe(false);
    const bad = await runCli(['--from-evidence', join(dir, 'before-evidence.json'), '--baseline', join(dir, 'before-evidence.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--baseline illisible.*schemaVersion 1/);
    expect(readFileSync(before, 'utf8')).toContain('"verdict"');
  });
});
