import { describe, expect, it } from 'vitest';
import { ruleResult } from '../support/rules.js';
import { adNetwork, facebookPixel, ga4, nothingLoaded, quiet } from './tracker-cases.js';

describe('no-ads', () => {
  it.each([
    ['Google ad manager', adNetwork, 'fail', ['Google']],
    ['Facebook pixel (advertising)', facebookPixel, 'fail', ['Meta']],
    ['analytics is not advertising', ga4, 'pass', []],
    ['first-party only', quiet, 'pass', []],
    ['nothing loaded', nothingLoaded, 'needs-review', []],
  ] as const)('%s', (_name, ev, outcome, orgs) => {
    const result = ruleResult('no-ads', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.subject).sort()).toEqual([...orgs].sort());
  });

  it('says what it found', () => {
    expect(ruleResult('no-ads', adNetwork).findings[0]?.message).toBe('Advertising: Google (Google/Doubleclick Ads) — 1 request on 1 page.');
  });
});
