/**
 * Domains, DNS and HTTPS with real Chromium against the fixture internet and the fixture DNS:
 * parent and www, CNAME cloaking, a used parent, HTTP only, GAFAM infrastructure, broken DNS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteAudit } from '../../src/audit/auditor.js';
import { DEFAULT_TIMING } from '../../src/audit/settings.js';
import { startFixtureWorld, type FixtureWorld } from '../support/fixture-audit.js';
import { schemaErrors } from '../support/schema.js';

let world: FixtureWorld;
const audit = (url: string): Promise<SiteAudit> => world.auditor.audit(new URL(url));
const rule = (a: SiteAudit, id: string) => a.result.rules.find((r) => r.id === id);

beforeAll(async () => {
  // Static fixtures settle fast: a short quiet window keeps this file's browser time low.
  world = await startFixtureWorld({ timing: { ...DEFAULT_TIMING, quietMs: 500 } });
});
afterAll(async () => world?.close());

describe('domains, DNS and HTTPS end to end (real Chromium, fixture DNS)', () => {
  it('keeps the compliant hoster compliant: parent and www redirect, HTTPS valid, own mail and DNS', async () => {
    const a = await audit('https://services.bonchaton.example/');
    expect(a.result.verdict).toBe('compliant');
    expect(a.result.pages.map((p) => [p.role, p.url])).toEqual(
      expect.arrayContaining([
        ['parent', 'https://bonchaton.example/'],
        ['www', 'https://www.bonchaton.example/'],
      ]),
    );
    expect(Object.fromEntries(a.result.rules.map((r) => [r.id, r.outcome]))).toMatchObject({
      'parent-domain-consistent': 'pass',
      'no-cname-cloaking': 'pass',
      https: 'pass',
      'https-hardening': 'pass',
      'gafam-infrastructure': 'pass',
    });
    expect(a.result.dns.find((d) => d.host === 'bonchaton.example')).toMatchObject({ mx: ['mail.bonchaton.example'], status: 'ok' });
    expect(a.evidence.tls?.length).toBeGreaterThan(0);
    expect(a.evidence.tls?.filter((t) => !t.authorized)).toEqual([]);
    expect(schemaErrors(a.result)).toEqual([]);
  });

  it('uncloaks stats.<own> CNAMEd to an analytics vendor, and reports the NXDOMAIN parent', async () => {
    const a = await audit('https://services.pistechaton.example/');
    expect(a.result.verdict).toBe('non-compliant');
    const cloaking = rule(a, 'no-cname-cloaking');
    expect(cloaking?.outcome).toBe('fail');
    expect(cloaking?.findings[0]).toMatchObject({
      code: 'cloaked',
      host: 'stats.pistechaton.example',
      pageRole: 'portal',
      subject: 'edge.metricsfox.example',
    });
    expect(cloaking?.findings[0]?.args.chain).toBe(
      'stats.pistechaton.example → pistechaton.collect.metricsfox.example → edge.metricsfox.example',
    );
    expect(a.result.requests.find((r) => r.host === 'stats.pistechaton.example')).toMatchObject({
      party: 'third',
      cname: ['pistechaton.collect.metricsfox.example', 'edge.metricsfox.example'],
    });
    expect(rule(a, 'no-third-party-requests')?.findings.map((f) => f.host)).toContain('stats.pistechaton.example');
    // Parent and www do not exist: not visited, and the suggestion gives the remedy.
    expect(a.result.pages.map((p) => p.role)).toEqual(['portal']);
    const parent = rule(a, 'parent-domain-consistent');
    expect(parent).toMatchObject({ level: 'suggestion', outcome: 'fail' });
    expect(parent?.findings.map((f) => [f.code, f.host])).toEqual([
      ['noDns', 'pistechaton.example'],
      ['noDns', 'www.pistechaton.example'],
    ]);
    expect(parent?.findings[0]?.message).toContain('CNAME');
    expect(schemaErrors(a.result)).toEqual([]);
  });

  it('audits a used parent with every rule: Google Fonts fail on the parent page while the portal is clean', async () => {
    const a = await audit('https://services.polichaton.example/');
    const fonts = rule(a, 'no-third-party-fonts');
    expect(fonts?.outcome).toBe('fail');
    expect(new Set(fonts?.findings.map((f) => [f.pageRole, f.page].join(' ')))).toEqual(new Set(['parent https://polichaton.example/']));
    expect(rule(a, 'parent-domain-consistent')?.outcome).toBe('pass');
    expect(a.result.pages.find((p) => p.role === 'www')?.finalUrl).toBe('https://services.polichaton.example/');
  });

  it('fails https on an HTTP-only site', async () => {
    const a = await audit('http://vieuxchaton.example/');
    const https = rule(a, 'https');
    expect(https?.outcome).toBe('fail');
    expect(https?.findings.map((f) => f.code).sort()).toEqual(['noHttpsRedirect', 'notHttps']);
    expect(a.result.verdict).toBe('non-compliant');
  });

  it('reports cf-ray and Google MX in gafam-infrastructure', async () => {
    const a = await audit('https://services.nuagechaton.example/');
    const gafam = rule(a, 'gafam-infrastructure');
    expect(gafam).toMatchObject({ level: 'suggestion', outcome: 'fail' });
    expect(gafam?.findings.map((f) => `${f.code}:${f.subject}`)).toEqual(expect.arrayContaining(['header:Cloudflare', 'mx:Google']));
    expect(gafam?.findings.find((f) => f.code === 'header')?.args.header).toBe('cf-ray: 8c2f4a1b9d3e5f60-CDG');
  });

  it('survives a CNAME loop, a silent server, SERVFAIL and a dangling CNAME with clear outcomes', async () => {
    const a = await audit('https://services.pannechaton.example/');
    const byHost = Object.fromEntries(a.result.dns.map((d) => [d.host, d]));
    expect(byHost['boucle.pannechaton.example']).toMatchObject({ status: 'loop' });
    expect(byHost['lent.pannechaton.example']).toMatchObject({ status: 'timeout' });
    expect(byHost['panne.pannechaton.example']).toMatchObject({ status: 'servfail' });
    expect(byHost['orphelin.pannechaton.example']).toMatchObject({ status: 'nxdomain', cname: ['supprime.pannechaton.example'] });
    const cloaking = rule(a, 'no-cname-cloaking');
    expect(cloaking?.outcome).toBe('needs-review');
    expect(cloaking?.reason).toMatch(
      /boucle\.pannechaton\.example \(CNAME loop.*lent\.pannechaton\.example \(.*no answer.*panne\.pannechaton\.example \(.*SERVFAIL/,
    );
    // The audit went on: the portal was judged and the DNS faults cost one timeout, not one per name.
    expect(a.result.pages[0]).toMatchObject({ role: 'portal', status: 200 });
    expect(a.result.durationMs).toBeLessThan(4 * 30_000);
    expect(schemaErrors(a.result)).toEqual([]);
  });
});
