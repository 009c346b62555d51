import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';

describe('site-online', () => {
  it.each([
    ['answers 200', [page(T)], 'pass', []],
    ['answers after a redirect', [page(T, 'portal', { finalUrl: 'https://services.example.org/fr/', redirects: [{ url: T, status: 301 }] })], 'pass', []],
    ['connection refused', [page(T, 'portal', { status: null, finalUrl: null, error: 'net::ERR_CONNECTION_REFUSED' })], 'fail', ['unreachable']],
    ['HTTP 503', [page(T, 'portal', { status: 503 })], 'fail', ['httpError']],
    ['HTTP 404', [page(T, 'portal', { status: 404 })], 'fail', ['httpError']],
    ['the parent is down but the portal answers', [page(T), page('https://example.org/', 'parent', { status: null, error: 'net::ERR_NAME_NOT_RESOLVED' })], 'pass', []],
  ] as const)('%s → %s', (_name, pages, outcome, codes) => {
    const result = ruleResult('site-online', evidence(T, [...pages]));
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('puts the network error in the message', () => {
    const result = ruleResult('site-online', evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_NAME_NOT_RESOLVED' })]));
    expect(result.findings[0]?.message).toContain('net::ERR_NAME_NOT_RESOLVED');
    expect(result.findings[0]?.pageRole).toBe('portal');
  });

  it('is an error, not a pass, when the portal was never visited', () => {
    const result = ruleResult('site-online', evidence(T, []));
    expect(result.outcome).toBe('error');
    expect(result.reason).toBeTruthy();
  });
});
