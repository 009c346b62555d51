import { describe, expect, it } from 'vitest';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { adNetwork, facebookPixel, ga4, nothingLoaded, quiet } from './tracker-cases.js';

ruleTester('no-ads', {
  valid: [
    { name: 'analytics is not advertising', evidence: ga4 },
    { name: 'first-party only', evidence: quiet },
  ],
  invalid: [
    { name: 'Google ad manager', evidence: adNetwork, codes: ['trackerOrganization'], subjects: ['Google'] },
    { name: 'Facebook pixel (advertising)', evidence: facebookPixel, codes: ['trackerOrganization'], subjects: ['Meta'] },
    { name: 'nothing loaded', evidence: nothingLoaded, outcome: 'needs-review', codes: [] },
  ],
});

describe('no-ads', () => {
  it('says what it found', () => {
    expect(ruleResult('no-ads', adNetwork).findings[0]?.message).toBe(
      'Advertising: Google (Google/Doubleclick Ads) — 1 request on 1 page.',
    );
  });
});
