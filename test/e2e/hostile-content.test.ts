/**
 * A hostile candidate audited for real (fixture host injection.hostile.example): its payload
 * reaches the evidence through every field a report can quote, and every format shows it as
 * data. The same run proves the browser leaves the user's HOME and TMPDIR as it found them.
 * Then the names a host can impose on files: a 236-character host and an IDN in a batch.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/audit/batch/output-dir.js';
import type { Evidence } from '../../src/contracts/evidence.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { HOSTILE_CONTENT_HOST, IDN_HOST, LONG_HOST } from '../../src/fixture-internet/hostile-content.js';
import { judge } from '../../src/judge/judge.js';
import { runCli, type CliRun } from '../support/cli.js';
import { assertTerminal, FORMAT_CHECKS, PAYLOAD_TEXT } from '../support/hostile.js';
import { ruleSet } from '../support/rules.js';

let internet: FixtureInternet;
let work: string;
const fast = ['--timeout', '8000', '--quiet-window', '300'];
const world = (): string[] => ['--map-host', internet.mapHost, '--ca-cert', internet.caCertFile, ...fast];

beforeAll(async () => {
  internet = await startFixtureInternet();
  work = mkdtempSync(join(tmpdir(), 'chatons-hostile-'));
});
afterAll(async () => internet?.close());

describe('a candidate whose every string is a payload', () => {
  let run: CliRun;
  let evidence: Evidence;
  let result: AuditResult;
  let home: string;
  let tmp: string;

  beforeAll(async () => {
    home = join(work, 'home');
    tmp = join(work, 'tmp');
    mkdirSync(home);
    mkdirSync(tmp);
    const evidenceFile = join(work, 'hostile.evidence.json');
    // An empty HOME and TMPDIR, no XDG folder of the machine: whatever the browser writes shows.
    const env = { HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '', XDG_DATA_HOME: '', XDG_STATE_HOME: '' };
    run = await runCli([`https://${HOSTILE_CONTENT_HOST}/`, ...world(), '--save-evidence', evidenceFile], env);
    evidence = JSON.parse(readFileSync(evidenceFile, 'utf8')) as Evidence;
    result = judge(evidence, ruleSet, { lang: 'fr', levels: {} });
  }, 120_000);

  it('collects the payload from every field a report can quote', () => {
    expect(run.stderr).not.toMatch(/\u001b/);
    expect([0, 1]).toContain(run.code);
    const portal = evidence.pages.find((p) => p.finalUrl?.includes('/accueil'));
    expect(portal?.title).toContain('![x](https://t.example/p.png) <img src=x onerror=alert(1)>');
    expect(portal?.redirects.length).toBeGreaterThan(0);
    expect(portal?.finalUrl).toContain('![x](https://t.example/p.png)');
    expect(portal?.links?.map((l) => l.text).join(' ')).toContain('![x](https://t.example/p.png)');
    expect(portal?.headers['referrer-policy']).toContain('<script>alert(2)</script>');
    expect(portal?.headers['strict-transport-security']).toContain('[link](https://evil.example/)');
    expect(portal?.storage?.flatMap((s) => s.localStorage).join(' ')).toContain('\u009b31m');
    expect(portal?.cookies?.map((c) => c.name).join(' ')).toContain('![x](https://t.example/p.png)');
    expect(portal?.storage?.flatMap((s) => s.localStorage).join(' ')).toContain('\u001b[2J');
    expect(evidence.incidents?.find((i) => i.kind === 'dialog')?.detail).toContain('\u001b]8;;https://evil.example/');
    expect(JSON.stringify(evidence.chatonsinfos)).toContain('\\u001b[2J');
    // And the judgement quotes it: charter sentence, legal notice, ChatonsInfos values, dialog.
    const quoting = result.rules.filter(
      (r) => r.findings.some((f) => f.message.includes(PAYLOAD_TEXT[0] ?? '')) || r.reason?.includes(PAYLOAD_TEXT[0] ?? ''),
    );
    expect(quoting.map((r) => r.id)).toEqual(
      expect.arrayContaining(['chatonsinfos', 'legal-notice-content', 'page-behaviour', 'https-hardening']),
    );
  });

  it('prints the terminal report (NO_COLOR=1) with the payload shown, never obeyed', () => {
    assertTerminal(run.stdout);
    expect(run.stdout).toContain('\\x1B[2J');
  });

  it.each(Object.keys(FORMAT_CHECKS))('%s: quotes the payload as data', (format) => {
    FORMAT_CHECKS[format]?.(result);
  });

  it('leaves an empty HOME empty and removes its temporary files', () => {
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(tmp).filter((name) => /chatons-audit|playwright/.test(name))).toEqual([]);
  });

  it('echoes an invalid --targets line on stderr without its escape sequences', async () => {
    const targets = join(work, 'targets.txt');
    writeFileSync(targets, 'https://ok.example/\n\u001b]0;owned\u0007\u001b[2J\u009b31mnot a target\n');
    const bad = await runCli(['--targets', targets, ...world()]);
    expect(bad.code).toBe(2);
    assertTerminal(bad.stderr);
    expect(bad.stderr).toContain('\\x1B]0;owned\\x07');
  });
});

describe('host names that make file names', () => {
  const long = `https://${LONG_HOST}/`;
  const idn = `https://${domainToASCII(IDN_HOST)}/`;

  it('writes a bounded result file for a 236-character host and an IDN, and resume skips both', async () => {
    expect(LONG_HOST).toHaveLength(236);
    const targets = join(work, 'names.txt');
    const blocked = 'https://services.bonchaton.example/';
    writeFileSync(targets, `${long}\nhttps://${IDN_HOST}/\n${blocked}\n`);
    const out = join(work, 'names-out');
    // A folder where one site's file should go: that file cannot be written.
    mkdirSync(join(out, 'services.bonchaton.example.json', 'occupied'), { recursive: true });
    const first = await runCli(['--targets', targets, '--output-dir', out, '--lang', 'en', ...world()]);
    expect(first.code, first.stderr).not.toBe(2);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.sites.map((s) => s.target)).toEqual([long, idn, blocked]);
    // summary.json names only files that exist; the one it could not write says why.
    expect(summary.sites[2]).toMatchObject({ file: null, error: expect.any(String) });
    const written = summary.sites.slice(0, 2);
    for (const site of written) {
      expect(site.file).not.toBeNull();
      expect(Buffer.byteLength(site.file ?? '')).toBeLessThanOrEqual(100);
      expect((JSON.parse(readFileSync(join(out, site.file ?? ''), 'utf8')) as AuditResult).target).toBe(site.target);
    }
    expect(written[1]?.file).toBe('xn--chaton-toil-hbbe.example.json');
    const mtimes = written.map((s) => statSync(join(out, s.file ?? '')).mtimeMs);
    const again = await runCli(['--targets', targets, '--output-dir', out, '--lang', 'en', ...world()]);
    expect(again.code, again.stderr).not.toBe(2);
    expect(again.stderr.match(/already audited/g)).toHaveLength(2);
    expect(written.map((s) => statSync(join(out, s.file ?? '')).mtimeMs)).toEqual(mtimes);
  }, 180_000);

  it('audits a 236-character host alone, with its evidence pack', async () => {
    const pack = join(work, 'pack');
    const single = await runCli([long, '-f', 'json', '--evidence-dir', pack, ...world()]);
    expect(single.code, single.stderr).not.toBe(2);
    expect((JSON.parse(single.stdout) as AuditResult).target).toBe(long);
    expect(readdirSync(pack).length).toBeGreaterThan(0);
    expect(readdirSync(pack).filter((name) => Buffer.byteLength(name) > 100)).toEqual([]);
  }, 60_000);
});
