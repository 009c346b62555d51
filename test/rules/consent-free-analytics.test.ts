import { describe, expect, it } from 'vitest';
import { ruleResult } from '../support/rules.js';
import {
  bannerOnly, bannerWithPhrase, ga4, ga4WithBanner, matomoCloud, matomoLongCookie, nothingLoaded, oldEvidenceMatomo, quiet,
  selfHostedMatomo, selfHostedMatomoCookies, thirdPartyCookie,
} from './tracker-cases.js';

describe('consent-free-analytics', () => {
  it.each([
    ['self-hosted Matomo without cookies', selfHostedMatomo, 'pass', ['exemptAnalytics']],
    ['self-hosted Matomo with 13-month cookies on a sibling subdomain', selfHostedMatomoCookies, 'pass', ['exemptAnalytics']],
    ['self-hosted Matomo with a 2-year cookie', matomoLongCookie, 'fail', ['longLivedCookie']],
    ['GA4', ga4, 'fail', ['thirdPartyAnalytics']],
    ['GA4 with a consent banner', ga4WithBanner, 'fail', ['thirdPartyAnalytics', 'trackingCookie']],
    ['Matomo Cloud (third party)', matomoCloud, 'fail', ['thirdPartyAnalytics']],
    ['a banner and no tracker', bannerOnly, 'fail', ['unnecessaryBanner']],
    ['banner wording and no tracker', bannerWithPhrase, 'fail', ['unnecessaryBanner']],
    ['a third-party cookie', thirdPartyCookie, 'fail', ['thirdPartyCookie']],
    ['no measurement, no banner', quiet, 'not-applicable', []],
    ['old evidence without cookies', oldEvidenceMatomo, 'needs-review', []],
    ['nothing loaded', nothingLoaded, 'needs-review', []],
  ] as const)('%s', (_name, ev, outcome, codes) => {
    const result = ruleResult('consent-free-analytics', ev);
    expect(result.outcome).toBe(outcome);
    expect([...new Set(result.findings.map((f) => f.code))].sort()).toEqual([...codes].sort());
  });

  it('names the organisation of third-party measurement', () => {
    const finding = ruleResult('consent-free-analytics', ga4WithBanner).findings.find((f) => f.code === 'thirdPartyAnalytics');
    expect(finding?.subject).toBe('Google');
    expect(finding?.message).toContain('no CNIL exemption');
  });

  it('says which CNIL conditions the tool checked and which need a human', () => {
    const pass = ruleResult('consent-free-analytics', selfHostedMatomo, 'fr');
    expect(pass.findings[0]?.message).toContain('Conditions vérifiées par l\'outil');
    expect(pass.help).toContain('À vérifier par une personne');
    expect(ruleResult('consent-free-analytics', bannerOnly).findings[0]?.message).toContain('tarteaucitron');
    expect(ruleResult('consent-free-analytics', matomoLongCookie).findings[0]?.message).toContain('395 days');
  });
});
