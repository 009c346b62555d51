import { describe, expect, it } from 'vitest';
import { evidence, page, request } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { T, LEGAL, adNetwork, facebookPixel, ga4, nothingLoaded, quiet } from './tracker-cases.js';

ruleTester('no-known-trackers', {
  valid: [
    { name: 'first-party only', evidence: quiet },
    {
      name: 'an unknown third party is left to no-third-party-requests',
      evidence: evidence(T, [page(T)], [request('https://static.unknown-host.example/x.js', 'script', T)]),
    },
    {
      name: 'a first-party matomo.js is the site itself',
      evidence: evidence(T, [page(T)], [request('https://services.example.org/matomo.js', 'script', T)]),
    },
  ],
  invalid: [
    { name: 'GA4 and Google Fonts', evidence: ga4, codes: ['trackerOrganization'], subjects: ['Google'] },
    { name: 'Facebook pixel', evidence: facebookPixel, codes: ['trackerOrganization'], subjects: ['Meta'] },
    { name: 'an ad network', evidence: adNetwork, codes: ['trackerOrganization'], subjects: ['Google'] },
    { name: 'nothing loaded', evidence: nothingLoaded, outcome: 'needs-review', codes: [] },
  ],
});

describe('no-known-trackers', () => {
  it('reports per organisation, with services, requests and pages', () => {
    const [finding] = ruleResult('no-known-trackers', ga4).findings;
    expect(finding).toMatchObject({ code: 'trackerOrganization', subject: 'Google', count: 5, page: T });
    expect(finding?.message).toBe(
      'Google: Google Tag Manager, Google Analytics, Google Fonts (tag manager, audience measurement, fonts) — 5 requests on 2 pages.',
    );
    expect(ruleResult('no-known-trackers', ga4, 'fr').findings[0]?.message).toContain('5 requêtes sur 2 pages');
    expect(LEGAL).toContain('mentions-legales');
  });

  it('names the Facebook pixel with the filter that matched', () => {
    const [finding] = ruleResult('no-known-trackers', facebookPixel).findings;
    expect(finding?.args).toMatchObject({ organization: 'Meta', names: 'Facebook Pixel', categories: 'advertising' });
    expect(String(finding?.args.rule)).toMatch(/fbevents|facebook/);
  });
});
