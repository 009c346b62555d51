import { describe, expect, it } from 'vitest';
import { evidence, page, request } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';
import { T, LEGAL, adNetwork, facebookPixel, ga4, nothingLoaded, quiet } from './tracker-cases.js';

describe('no-known-trackers', () => {
  it.each([
    ['GA4 and Google Fonts', ga4, 'fail', ['Google']],
    ['Facebook pixel', facebookPixel, 'fail', ['Meta']],
    ['an ad network', adNetwork, 'fail', ['Google']],
    ['first-party only', quiet, 'pass', []],
    ['an unknown third party is left to no-third-party-requests', evidence(T, [page(T)], [request('https://static.unknown-host.example/x.js', 'script', T)]), 'pass', []],
    ['a first-party matomo.js is the site itself', evidence(T, [page(T)], [request('https://services.example.org/matomo.js', 'script', T)]), 'pass', []],
    ['nothing loaded', nothingLoaded, 'needs-review', []],
  ] as const)('%s', (_name, ev, outcome, orgs) => {
    const result = ruleResult('no-known-trackers', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.subject).sort()).toEqual([...orgs].sort());
  });

  it('reports per organisation, with services, requests and pages', () => {
    const [finding] = ruleResult('no-known-trackers', ga4).findings;
    expect(finding).toMatchObject({ code: 'trackerOrganization', subject: 'Google', count: 5, page: T });
    expect(finding?.message).toBe('Google: Google Tag Manager, Google Analytics, Google Fonts (tag manager, audience measurement, fonts) — 5 requests on 2 pages.');
    expect(ruleResult('no-known-trackers', ga4, 'fr').findings[0]?.message).toContain('5 requêtes sur 2 pages');
    expect(LEGAL).toContain('mentions-legales');
  });

  it('names the Facebook pixel with the filter that matched', () => {
    const [finding] = ruleResult('no-known-trackers', facebookPixel).findings;
    expect(finding?.args).toMatchObject({ organization: 'Meta', names: 'Facebook Pixel', categories: 'advertising' });
    expect(String(finding?.args.rule)).toMatch(/fbevents|facebook/);
  });
});
