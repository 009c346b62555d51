/**
 * Hostile and broken sites through the real CLI, as one batch: each ends within its time
 * bound, its report says what happened, nothing is written outside the output folder (not
 * even in TMPDIR), and the exit code is the documented one (1: some sites are non-compliant).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Auditor } from '../../src/audit/auditor.js';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import type { AuditResult, RuleResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { runCli, type CliRun } from '../support/cli.js';
import { schemaErrors } from '../support/schema.js';
import { startFixtureDns } from '../../src/fixture-internet/dns-server.js';
import { parseDnsServer } from '../../src/collect/dns/servers.js';
import { ruleSet } from '../support/rules.js';

// Generous for a loaded 2-core machine: page set-up and hostile pages share the CPU.
const TIMEOUT_MS = 8_000;
/** DESIGN.md: a site is bounded by 4x the per-page timeout (closing the context aside). */
const SITE_BOUND_MS = 4 * TIMEOUT_MS + 2_000;

const HOSTS = [
  'redirect-loop',
  'never-ends',
  'huge',
  'infinite-loop',
  'download',
  'popups',
  'dialogs',
  'basic-auth',
  'tls-failure',
  'connection-reset',
  'not-html',
  'navigates-away',
  'private-redirect',
  'private-resource',
].map((h) => `${h}.hostile.example`);

let internet: FixtureInternet;
let work: string;
let run: CliRun;
const results = new Map<string, AuditResult>();

beforeAll(async () => {
  internet = await startFixtureInternet();
  work = mkdtempSync(join(tmpdir(), 'chatons-hostile-'));
  mkdirSync(join(work, 'tmp'));
  const list = join(mkdtempSync(join(tmpdir(), 'chatons-hostile-list-')), 'hostile.txt');
  writeFileSync(list, `# hostile and broken sites\n${HOSTS.join('\n')}\n`);
  run = await runCli(
    [
      '--map-host',
      internet.mapHost,
      '--ca-cert',
      internet.caCertFile,
      '--targets',
      list,
      '--output-dir',
      'out',
      '--timeout',
      String(TIMEOUT_MS),
      '--quiet-window',
      '300',
      '--concurrency',
      '2',
      '--lang',
      'en',
    ],
    { TMPDIR: join(work, 'tmp') },
    work,
  );
  for (const host of HOSTS) {
    results.set(host, JSON.parse(readFileSync(join(work, 'out', `${host}.json`), 'utf8')) as AuditResult);
  }
}, 240_000);
afterAll(async () => internet?.close());

const rule = (host: string, id: string): RuleResult => {
  const found = results.get(host)?.rules.find((r) => r.id === id);
  if (!found) throw new Error(`${id} missing for ${host}`);
  return found;
};
const codes = (host: string, id: string): string[] => rule(host, id).findings.map((f) => f.code);

describe('hostile and broken sites (real Chromium, one batch)', () => {
  it('audits them all, exits 1 (non-compliant sites), and writes nothing outside the output folder', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(readdirSync(work).sort()).toEqual(['out', 'tmp']);
    expect(readdirSync(join(work, 'tmp'))).toEqual([]);
    expect(readdirSync(join(work, 'out')).sort()).toEqual([...HOSTS.map((h) => `${h}.json`), 'summary.json'].sort());
  });

  it('ends every site within its time bound', () => {
    for (const [host, result] of results) expect(result.durationMs, host).toBeLessThan(SITE_BOUND_MS);
  });

  it('redirect loop: the site does not answer, and the report says why', () => {
    expect(codes('redirect-loop.hostile.example', 'site-online')).toEqual(['unreachable']);
    expect(results.get('redirect-loop.hostile.example')?.pages[0]?.error).toMatch(/ERR_TOO_MANY_REDIRECTS|Timeout/);
  });

  it('a response that never ends: answered, load incomplete, bounded', () => {
    expect(results.get('never-ends.hostile.example')?.pages[0]?.status).toBe(200);
    expect(codes('never-ends.hostile.example', 'page-behaviour')).toContain('loadIncomplete');
  });

  it('a 50 MB page: bounded, and only part of it examined', () => {
    expect(codes('huge.hostile.example', 'page-behaviour').some((c) => c === 'loadIncomplete' || c === 'htmlTruncated')).toBe(true);
  });

  it('an infinite JavaScript loop: the page budget holds', () => {
    expect(codes('infinite-loop.hostile.example', 'page-behaviour')).toContain('loadIncomplete');
  });

  it('a download on load: refused and reported', () => {
    const finding = rule('download.hostile.example', 'page-behaviour').findings.find((f) => f.code === 'download');
    expect(finding?.url).toBe('https://download.hostile.example/tarifs.zip');
    expect(finding?.message).toContain('refused');
  });

  it('a window.open storm: no popup opened, one finding with the count', () => {
    const finding = rule('popups.hostile.example', 'page-behaviour').findings.find((f) => f.code === 'popup');
    expect(finding?.url).toBe('https://offres.popup.example/promo');
    expect(finding?.count).toBeGreaterThanOrEqual(20);
    expect(internet.served.filter((s) => s.host === 'offres.popup.example')).toEqual([]);
  });

  it('alert, confirm and prompt: dismissed, reported, and the page still read', () => {
    expect(rule('dialogs.hostile.example', 'site-online').outcome).toBe('pass');
    const details = rule('dialogs.hostile.example', 'page-behaviour').findings.map((f) => f.subject);
    expect(details).toEqual(['alert: Bienvenue !', 'confirm: Acceptez-vous nos conditions ?', 'prompt: Votre adresse électronique ?']);
  });

  it('HTTP basic-auth challenge: an HTTP 401 finding, no credentials tried', () => {
    expect(codes('basic-auth.hostile.example', 'site-online')).toEqual(['httpError']);
    expect(rule('basic-auth.hostile.example', 'site-online').findings[0]?.message).toContain('401');
  });

  it('TLS handshake failure and connection reset: the site does not answer, with the network error', () => {
    expect(results.get('tls-failure.hostile.example')?.pages[0]?.error).toMatch(/ERR_SSL|ERR_CONNECTION_CLOSED/);
    expect(results.get('connection-reset.hostile.example')?.pages[0]?.error).toMatch(/ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/);
    for (const host of ['tls-failure.hostile.example', 'connection-reset.hostile.example']) {
      expect(codes(host, 'site-online')).toEqual(['unreachable']);
      expect(results.get(host)?.verdict).toBe('non-compliant');
    }
  });

  it('a non-HTML portal: reported with its content type', () => {
    const finding = rule('not-html.hostile.example', 'page-behaviour').findings.find((f) => f.code === 'notHtml');
    expect(finding?.subject).toBe('application/pdf');
  });

  it('a page that navigates itself away: reported with its destination', () => {
    const finding = rule('navigates-away.hostile.example', 'page-behaviour').findings.find((f) => f.code === 'navigatedAway');
    expect(finding?.url).toBe('https://autre-site.example/');
  });

  it("a redirect into the auditor's machine: a finding, never a visit (no SSRF)", () => {
    const finding = rule('private-redirect.hostile.example', 'private-addresses').findings[0];
    expect(finding?.url).toBe(`http://127.0.0.1:${internet.port}/internal-secret`);
    expect(codes('private-redirect.hostile.example', 'site-online')).toEqual(['unreachable']);
    expect(internet.served.map((s) => s.path)).not.toContain('/internal-secret');
  });

  it('a resource on a private address: a finding, never fetched', () => {
    expect(rule('private-resource.hostile.example', 'private-addresses').findings[0]?.url).toBe(
      `http://127.0.0.1:${internet.port}/internal-pixel.gif`,
    );
    expect(internet.served.map((s) => s.path)).not.toContain('/internal-pixel.gif');
  });

  it('writes results that validate against the committed JSON Schema', () => {
    for (const [host, result] of results) expect(schemaErrors(result), host).toEqual([]);
  });

  it('prints a summary table with every site', () => {
    for (const host of HOSTS) expect(run.stdout).toContain(`https://${host}/`);
    const summary = JSON.parse(readFileSync(join(work, 'out', 'summary.json'), 'utf8')) as { total: number };
    expect(summary.total).toBe(HOSTS.length);
  });
});

describe('DNS failures at the browser level', () => {
  // The browser resolves nothing itself: the egress gate asks the audit's resolver (here the
  // fixture DNS, which does not know the name) and reports what Chromium would have said.
  it('NXDOMAIN: the site does not answer, with the resolver error', async () => {
    const dns = await startFixtureDns();
    const auditor = await Auditor.start(
      {
        lang: 'en',
        candidate: false,
        ownDomains: [],
        mappings: [],
        dnsServers: [parseDnsServer(dns.server)],
        timing: { timeoutMs: TIMEOUT_MS, settleCapMs: 2_500, quietMs: 300 },
        maxPages: 1,
        browserPath: findBrowser(undefined, process.env),
        trust: loadExtraTrust([internet.caCertFile]),
        levels: {},
        locale: 'fr-FR',
      },
      ruleSet,
    );
    try {
      const { result } = await auditor.audit(new URL('https://nxdomain.hostile.example/'));
      expect(result.pages[0]?.error).toBe('net::ERR_NAME_NOT_RESOLVED');
      expect(result.rules.find((r) => r.id === 'site-online')?.findings[0]?.message).toContain('net::ERR_NAME_NOT_RESOLVED');
      expect(result.durationMs).toBeLessThan(SITE_BOUND_MS);
    } finally {
      await auditor.close();
      await dns.close();
    }
  });
});
