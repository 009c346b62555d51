import { describe, expect, it } from 'vitest';
import { dns, evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { hostMatchesPattern } from '../../src/judge/rule-data.js';

const T = 'https://services.example.org/';
const clean = [dns('example.org', { mx: ['mail.example.org'], ns: ['ns1.example.org'] }), dns('services.example.org')];

ruleTester('gafam-infrastructure', {
  valid: [
    {
      name: 'own server, own mail and DNS',
      evidence: evidence(T, [page(T, 'portal', { headers: { server: 'nginx' } })], [], { dns: clean }),
    },
  ],
  invalid: [
    {
      name: 'Cloudflare proxy (cf-ray)',
      evidence: evidence(T, [page(T, 'portal', { headers: { 'cf-ray': '8a1b2c3d4e5f-CDG', server: 'cloudflare' } })], [], { dns: clean }),
      codes: ['header'],
      subjects: ['Cloudflare'],
    },
    {
      name: 'Google MX',
      evidence: evidence(T, [page(T)], [], { dns: [dns('example.org', { mx: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] })] }),
      codes: ['mx'],
      subjects: ['Google'],
    },
    {
      name: 'Microsoft 365 MX and Azure DNS',
      evidence: evidence(T, [page(T)], [], {
        dns: [dns('example.org', { mx: ['example-org.mail.protection.outlook.com'], ns: ['ns1-01.azure-dns.com'] })],
      }),
      codes: ['mx', 'ns'],
      subjects: ['Microsoft (Azure, Microsoft 365)', 'Microsoft (Azure, Microsoft 365)'],
    },
    {
      name: 'Cloudflare NS',
      evidence: evidence(T, [page(T)], [], { dns: [dns('example.org', { ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'] })] }),
      codes: ['ns'],
      subjects: ['Cloudflare'],
    },
    {
      name: 'CloudFront CNAME',
      evidence: evidence(T, [page(T)], [], { dns: [dns('services.example.org', { cname: ['d111111abcdef8.cloudfront.net'] })] }),
      codes: ['cname'],
      subjects: ['Amazon CloudFront / AWS'],
    },
    {
      name: 'Fastly by header',
      evidence: evidence(T, [page(T, 'portal', { headers: { 'x-served-by': 'cache-par-lfpg1960021-PAR' } })], [], { dns: clean }),
      codes: ['header'],
      subjects: ['Fastly'],
    },
    { name: 'no DNS evidence, clean headers', evidence: evidence(T, [page(T)]), outcome: 'needs-review', codes: [] },
  ],
});

describe('gafam-infrastructure', () => {
  it('quotes the header as evidence', () => {
    const ev = evidence(T, [page(T, 'portal', { headers: { 'cf-ray': '8a1b2c3d4e5f-CDG' } })], [], { dns: clean });
    expect(ruleResult('gafam-infrastructure', ev).findings[0]?.message).toBe(
      'The page goes through Cloudflare (header "cf-ray: 8a1b2c3d4e5f-CDG").',
    );
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
