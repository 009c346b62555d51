import { describe, expect, it } from 'vitest';
import { dns, evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';
import { hostMatchesPattern } from '../../src/judge/rule-data.js';

const T = 'https://services.example.org/';
const clean = [dns('example.org', { mx: ['mail.example.org'], ns: ['ns1.example.org'] }), dns('services.example.org')];

describe('gafam-infrastructure', () => {
  it.each([
    ['own server, own mail and DNS', evidence(T, [page(T, 'portal', { headers: { server: 'nginx' } })], [], { dns: clean }), 'pass', []],
    ['Cloudflare proxy (cf-ray)', evidence(T, [page(T, 'portal', { headers: { 'cf-ray': '8a1b2c3d4e5f-CDG', server: 'cloudflare' } })], [], { dns: clean }), 'fail', ['header:Cloudflare']],
    ['Google MX', evidence(T, [page(T)], [], { dns: [dns('example.org', { mx: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] })] }), 'fail', ['mx:Google']],
    ['Microsoft 365 MX and Azure DNS', evidence(T, [page(T)], [], {
      dns: [dns('example.org', { mx: ['example-org.mail.protection.outlook.com'], ns: ['ns1-01.azure-dns.com'] })],
    }), 'fail', ['mx:Microsoft (Azure, Microsoft 365)', 'ns:Microsoft (Azure, Microsoft 365)']],
    ['Cloudflare NS', evidence(T, [page(T)], [], { dns: [dns('example.org', { ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'] })] }), 'fail', ['ns:Cloudflare']],
    ['CloudFront CNAME', evidence(T, [page(T)], [], { dns: [dns('services.example.org', { cname: ['d111111abcdef8.cloudfront.net'] })] }), 'fail', ['cname:Amazon CloudFront / AWS']],
    ['Fastly by header', evidence(T, [page(T, 'portal', { headers: { 'x-served-by': 'cache-par-lfpg1960021-PAR' } })], [], { dns: clean }), 'fail', ['header:Fastly']],
    ['no DNS evidence, clean headers', evidence(T, [page(T)]), 'needs-review', []],
  ] as const)('%s → %s', (_name, ev, outcome, found) => {
    const result = ruleResult('gafam-infrastructure', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => `${f.code}:${f.subject}`)).toEqual(found);
  });

  it('quotes the header as evidence', () => {
    const ev = evidence(T, [page(T, 'portal', { headers: { 'cf-ray': '8a1b2c3d4e5f-CDG' } })], [], { dns: clean });
    expect(ruleResult('gafam-infrastructure', ev).findings[0]?.message).toBe('The page goes through Cloudflare (header "cf-ray: 8a1b2c3d4e5f-CDG").');
  });

  it.each([
    ['ns-1234.awsdns-56.org', 'ns-*.awsdns-*.org', true],
    ['x.ns-1.awsdns-2.org.evil.example', 'ns-*.awsdns-*.org', false],
    ['ada.ns.cloudflare.com', 'ns.cloudflare.com', true],
    ['notcloudflare.com', 'cloudflare.com', false],
  ] as const)('pattern %s ~ %s → %s', (host, pattern, expected) => {
    expect(hostMatchesPattern(host, pattern)).toBe(expected);
  });
});
