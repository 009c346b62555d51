/**
 * The CLI against the fixture internet: exit codes, JSON output, NDJSON, demo. Through main()
 * in-process, except the first cases, which prove the real bin (bin/ → dist/) does the same.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { lines, runCli } from '../support/cli.js';
import { runMain } from '../support/main.js';
import { CLOSED_PORT } from '../support/fixture-audit.js';
import { schemaErrors } from '../support/schema.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';

let internet: FixtureInternet;
let dns: FixtureDns;
beforeAll(async () => {
  internet = await startFixtureInternet();
  dns = await startFixtureDns();
});
afterAll(async () => {
  await internet?.close();
  await dns?.close();
});
const world = (): string[] => ['--map-host', internet.mapHost, '--ca-cert', internet.caCertFile, '--dns-server', dns.server];

describe('the real bin', () => {
  it('exits 0 on the compliant site and prints JSON that validates', async () => {
    const run = await runCli([...world(), '--format', 'json', 'https://services.bonchaton.example/']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AuditResult;
    expect(result.verdict).toBe('compliant');
    expect(schemaErrors(result)).toEqual([]);
  });

  it('exits 2 on bad input with one line and no stack trace', async () => {
    const run = await runCli(['--frobnicate', 'site.example']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/option inconnue --frobnicate.*--help/)]);
    expect(run.stdout).toBe('');
  });
});

describe('CLI audits', () => {
  it('exits 1 on a non-compliant site, 0 with --fail-on never', async () => {
    const [failing, never] = await Promise.all([
      runMain([...world(), 'google-fonts.example']),
      runMain([...world(), '--fail-on', 'never', 'google-fonts.example']),
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('non conforme');
    expect(failing.stdout).toContain('fonts.gstatic.com');
    expect(never.code).toBe(0);
  });

  it('makes an unreachable site a finding (exit 1), not a crash', async () => {
    const run = await runMain(['--map-host', `down.example=127.0.0.1:${CLOSED_PORT}`, '--format', 'json', 'https://down.example/']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as AuditResult;
    expect(result.rules.find((r) => r.id === 'site-online')?.outcome).toBe('fail');
    expect(result.pages[0]?.error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(result.errors.some((e) => e.message.includes('ERR_CONNECTION_REFUSED'))).toBe(true);
  });

  it('prints one JSON line per site for several targets, writes --output and re-judges saved evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatons-out-'));
    const evidenceFile = join(dir, 'evidence.json');
    const run = await runMain([
      ...world(),
      '--format',
      'json',
      '--save-evidence',
      evidenceFile,
      'https://services.bonchaton.example/',
      'https://gravatar-cdn.example/',
    ]);
    expect(run.code).toBe(1);
    const results = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditResult);
    expect(results.map((r) => [r.target, r.verdict])).toEqual([
      ['https://services.bonchaton.example/', 'compliant'],
      ['https://gravatar-cdn.example/', 'non-compliant'],
    ]);
    const rejudged = await runMain(['--from-evidence', evidenceFile, '--lang', 'en', '--output', join(dir, 'report.json')]);
    expect(rejudged.code).toBe(1);
    const lines = readFileSync(join(dir, 'report.json'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditResult);
    expect(lines.map((r) => r.verdict)).toEqual(['compliant', 'non-compliant']);
    expect(lines[1]?.rules.find((r) => r.id === 'no-third-party-images')?.title).toBe('No image loaded from a third party');
  });
});

describe('chatons-audit demo', () => {
  it('serves the embedded sites, audits them and exits 0', async () => {
    const run = await runMain(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^Verdict : .*$/gm)).toEqual(['Verdict : conforme', 'Verdict : non conforme', 'Verdict : non conforme']);
    expect(run.stdout).toContain('fonts.googleapis.com');
    expect(run.stdout).toContain('secure.gravatar.com');
  });
});
