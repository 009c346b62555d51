import { describe, expect, it } from 'vitest';
import { evidence, page, request } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const hardened = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'content-security-policy': "default-src 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
};

ruleTester('https-hardening', {
  valid: [
    { name: 'all headers, no mixed content', evidence: evidence(T, [page(T, 'portal', { headers: hardened })]) },
    {
      name: 'the http:// navigation of the page itself is not mixed content',
      evidence: evidence(
        'http://services.example.org/',
        [page('http://services.example.org/', 'portal', { finalUrl: T, headers: hardened })],
        [request('http://services.example.org/', 'document', 'http://services.example.org/')],
      ),
    },
  ],
  invalid: [
    { name: 'no header at all', evidence: evidence(T, [page(T)]), codes: ['noHsts', 'noCsp', 'noReferrerPolicy', 'noNosniff'] },
    {
      name: 'short HSTS',
      evidence: evidence(T, [page(T, 'portal', { headers: { ...hardened, 'strict-transport-security': 'max-age=300' } })]),
      codes: ['weakHsts'],
    },
    {
      name: 'mixed content',
      evidence: evidence(T, [page(T, 'portal', { headers: hardened })], [request('http://services.example.org/logo.png', 'image', T)]),
      codes: ['mixedContent'],
    },
    { name: 'HTTP-only site', evidence: evidence('http://x.example/', [page('http://x.example/')]), outcome: 'not-applicable', codes: [] },
  ],
});

describe('https-hardening', () => {
  it('keeps the header value as evidence', () => {
    const ev = evidence(T, [page(T, 'portal', { headers: { ...hardened, 'x-content-type-options': 'sniff-away' } })]);
    expect(ruleResult('https-hardening', ev).findings[0]?.message).toContain('value received: sniff-away');
  });
});
