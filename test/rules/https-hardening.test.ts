import { describe, expect, it } from 'vitest';
import { evidence, page, request } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const hardened = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains', 'content-security-policy': "default-src 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin', 'x-content-type-options': 'nosniff',
};

describe('https-hardening', () => {
  it.each([
    ['all headers, no mixed content', evidence(T, [page(T, 'portal', { headers: hardened })]), 'pass', []],
    ['no header at all', evidence(T, [page(T)]), 'fail', ['noHsts', 'noCsp', 'noReferrerPolicy', 'noNosniff']],
    ['short HSTS', evidence(T, [page(T, 'portal', { headers: { ...hardened, 'strict-transport-security': 'max-age=300' } })]), 'fail', ['weakHsts']],
    ['mixed content', evidence(T, [page(T, 'portal', { headers: hardened })], [request('http://services.example.org/logo.png', 'image', T)]), 'fail', ['mixedContent']],
    ['the http:// navigation of the page itself is not mixed content', evidence('http://services.example.org/', [page('http://services.example.org/', 'portal', { finalUrl: T, headers: hardened })], [
      request('http://services.example.org/', 'document', 'http://services.example.org/'),
    ]), 'pass', []],
    ['HTTP-only site', evidence('http://x.example/', [page('http://x.example/')]), 'not-applicable', []],
  ] as const)('%s → %s', (_name, ev, outcome, codes) => {
    const result = ruleResult('https-hardening', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('keeps the header value as evidence', () => {
    const ev = evidence(T, [page(T, 'portal', { headers: { ...hardened, 'x-content-type-options': 'sniff-away' } })]);
    expect(ruleResult('https-hardening', ev).findings[0]?.message).toContain('value received: sniff-away');
  });
});
