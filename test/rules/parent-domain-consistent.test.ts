import { describe, expect, it } from 'vitest';
import { dns, evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const parentRedirects = page('https://example.org/', 'parent', { finalUrl: T });
const wwwRedirects = page('https://www.example.org/', 'www', { finalUrl: T });

describe('parent-domain-consistent', () => {
  it.each([
    ['parent and www redirect to the portal', evidence(T, [page(T), parentRedirects, wwwRedirects]), 'pass', []],
    ['parent used with its own site', evidence(T, [page(T), page('https://example.org/', 'parent'), wwwRedirects]), 'pass', []],
    ['NXDOMAIN parent and www', evidence(T, [page(T)], [], {
      dns: [dns('example.org', { status: 'nxdomain', addresses: [] }), dns('www.example.org', { status: 'nxdomain', addresses: [] })],
    }), 'fail', ['noDns:example.org', 'noDns:www.example.org']],
    ['www without an address (NODATA)', evidence(T, [page(T), parentRedirects], [], {
      dns: [dns('www.example.org', { status: 'nodata', addresses: [] })],
    }), 'fail', ['noDns:www.example.org']],
    ['parked parent', evidence(T, [page(T), page('https://example.org/', 'parent', { html: '<h1>This domain is for sale!</h1>' }), wwwRedirects]), 'fail', ['parked:example.org']],
    ['parent does not answer', evidence(T, [page(T), page('https://example.org/', 'parent', { status: null, error: 'net::ERR_CONNECTION_REFUSED' }), wwwRedirects]), 'fail', ['noAnswer:example.org']],
    ['www answers 404', evidence(T, [page(T), parentRedirects, page('https://www.example.org/', 'www', { status: 404 })]), 'fail', ['httpError:www.example.org']],
    ['DNS timeout, not visited', evidence(T, [page(T), parentRedirects], [], {
      dns: [dns('www.example.org', { status: 'timeout', addresses: [], error: 'www.example.org: no answer within 2000 ms' })],
    }), 'needs-review', []],
    ['resolved but not visited (page limit)', evidence(T, [page(T), parentRedirects], [], { dns: [dns('www.example.org')] }), 'needs-review', []],
    ['portal at the apex: only www', evidence('https://example.org/', [page('https://example.org/'), wwwRedirects]), 'pass', []],
    ['portal on an IP address', evidence('https://192.0.2.1/', [page('https://192.0.2.1/')]), 'not-applicable', []],
  ] as const)('%s → %s', (_name, ev, outcome, found) => {
    const result = ruleResult('parent-domain-consistent', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => `${f.code}:${f.host}`)).toEqual(found);
  });

  it('gives the remedy', () => {
    const ev = evidence(T, [page(T), wwwRedirects], [], { dns: [dns('example.org', { status: 'nxdomain', addresses: [] })] });
    expect(ruleResult('parent-domain-consistent', ev).findings[0]?.message).toBe(
      'example.org does not exist in DNS (NXDOMAIN). Add a CNAME record to services.example.org, or an address and an HTTP 301 redirect to https://services.example.org/.',
    );
  });
});
