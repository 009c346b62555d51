import { describe, expect, it } from 'vitest';
import { dns, evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const parentRedirects = page('https://example.org/', 'parent', { finalUrl: T });
const wwwRedirects = page('https://www.example.org/', 'www', { finalUrl: T });

ruleTester('parent-domain-consistent', {
  valid: [
    { name: 'parent and www redirect to the portal', evidence: evidence(T, [page(T), parentRedirects, wwwRedirects]) },
    { name: 'parent used with its own site', evidence: evidence(T, [page(T), page('https://example.org/', 'parent'), wwwRedirects]) },
    { name: 'portal at the apex: only www', evidence: evidence('https://example.org/', [page('https://example.org/'), wwwRedirects]) },
  ],
  invalid: [
    {
      name: 'NXDOMAIN parent and www',
      evidence: evidence(T, [page(T)], [], {
        dns: [dns('example.org', { status: 'nxdomain', addresses: [] }), dns('www.example.org', { status: 'nxdomain', addresses: [] })],
      }),
      codes: ['noDns', 'noDns'],
      hosts: ['example.org', 'www.example.org'],
    },
    {
      name: 'www without an address (NODATA)',
      evidence: evidence(T, [page(T), parentRedirects], [], {
        dns: [dns('www.example.org', { status: 'nodata', addresses: [] })],
      }),
      codes: ['noDns'],
      hosts: ['www.example.org'],
    },
    {
      name: 'parked parent',
      evidence: evidence(T, [page(T), page('https://example.org/', 'parent', { html: '<h1>This domain is for sale!</h1>' }), wwwRedirects]),
      codes: ['parked'],
      hosts: ['example.org'],
    },
    {
      name: 'parent does not answer',
      evidence: evidence(T, [
        page(T),
        page('https://example.org/', 'parent', { status: null, error: 'net::ERR_CONNECTION_REFUSED' }),
        wwwRedirects,
      ]),
      codes: ['noAnswer'],
      hosts: ['example.org'],
    },
    {
      name: 'www answers 404',
      evidence: evidence(T, [page(T), parentRedirects, page('https://www.example.org/', 'www', { status: 404 })]),
      codes: ['httpError'],
      hosts: ['www.example.org'],
    },
    {
      name: 'DNS timeout, not visited',
      evidence: evidence(T, [page(T), parentRedirects], [], {
        dns: [dns('www.example.org', { status: 'timeout', addresses: [], error: 'www.example.org: no answer within 2000 ms' })],
      }),
      outcome: 'needs-review',
      codes: [],
    },
    {
      name: 'resolved but not visited (page limit)',
      evidence: evidence(T, [page(T), parentRedirects], [], { dns: [dns('www.example.org')] }),
      outcome: 'needs-review',
      codes: [],
    },
    {
      name: 'portal on an IP address',
      evidence: evidence('https://192.0.2.1/', [page('https://192.0.2.1/')]),
      outcome: 'not-applicable',
      codes: [],
    },
  ],
});

describe('parent-domain-consistent', () => {
  it('gives the remedy', () => {
    const ev = evidence(T, [page(T), wwwRedirects], [], { dns: [dns('example.org', { status: 'nxdomain', addresses: [] })] });
    expect(ruleResult('parent-domain-consistent', ev).findings[0]?.message).toBe(
      'example.org does not exist in DNS (NXDOMAIN). Add a CNAME record to services.example.org, or an address and an HTTP 301 redirect to https://services.example.org/.',
    );
  });
});
