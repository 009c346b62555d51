import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';

ruleTester('site-online', {
  valid: [
    { name: 'answers 200', evidence: evidence(T, [page(T)]) },
    {
      name: 'answers after a redirect',
      evidence: evidence(T, [page(T, 'portal', { finalUrl: 'https://services.example.org/fr/', redirects: [{ url: T, status: 301 }] })]),
    },
    {
      name: 'the parent is down but the portal answers',
      evidence: evidence(T, [page(T), page('https://example.org/', 'parent', { status: null, error: 'net::ERR_NAME_NOT_RESOLVED' })]),
    },
  ],
  invalid: [
    {
      name: 'connection refused',
      evidence: evidence(T, [page(T, 'portal', { status: null, finalUrl: null, error: 'net::ERR_CONNECTION_REFUSED' })]),
      codes: ['unreachable'],
    },
    { name: 'HTTP 503', evidence: evidence(T, [page(T, 'portal', { status: 503 })]), codes: ['httpError'] },
    { name: 'HTTP 404', evidence: evidence(T, [page(T, 'portal', { status: 404 })]), codes: ['httpError'] },
    { name: 'the portal never visited is an error, not a pass', evidence: evidence(T, []), outcome: 'error', codes: [] },
  ],
});

describe('site-online', () => {
  it('puts the network error in the message', () => {
    const result = ruleResult('site-online', evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_NAME_NOT_RESOLVED' })]));
    expect(result.findings[0]?.message).toContain('net::ERR_NAME_NOT_RESOLVED');
    expect(result.findings[0]?.pageRole).toBe('portal');
  });
});
