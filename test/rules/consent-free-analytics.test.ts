import { describe, expect, it } from 'vitest';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import {
  bannerOnly,
  bannerWithPhrase,
  ga4,
  ga4WithBanner,
  matomoCloud,
  matomoLongCookie,
  nothingLoaded,
  oldEvidenceMatomo,
  quiet,
  selfHostedMatomo,
  selfHostedMatomoCookies,
  thirdPartyCookie,
} from './tracker-cases.js';

ruleTester('consent-free-analytics', {
  valid: [
    { name: 'self-hosted Matomo without cookies', evidence: selfHostedMatomo, codes: ['exemptAnalytics'] },
    {
      name: 'self-hosted Matomo with 13-month cookies on a sibling subdomain',
      evidence: selfHostedMatomoCookies,
      codes: ['exemptAnalytics'],
    },
  ],
  invalid: [
    { name: 'self-hosted Matomo with a 2-year cookie', evidence: matomoLongCookie, codes: ['longLivedCookie'] },
    { name: 'GA4', evidence: ga4, codes: ['thirdPartyAnalytics'] },
    { name: 'GA4 with a consent banner', evidence: ga4WithBanner, codes: ['thirdPartyAnalytics', 'trackingCookie'] },
    { name: 'Matomo Cloud (third party)', evidence: matomoCloud, codes: ['thirdPartyAnalytics'] },
    { name: 'a banner and no tracker', evidence: bannerOnly, codes: ['unnecessaryBanner'] },
    { name: 'banner wording and no tracker', evidence: bannerWithPhrase, codes: ['unnecessaryBanner'] },
    { name: 'a third-party cookie', evidence: thirdPartyCookie, codes: ['thirdPartyCookie'] },
    { name: 'no measurement, no banner', evidence: quiet, outcome: 'not-applicable', codes: [] },
    { name: 'old evidence without cookies', evidence: oldEvidenceMatomo, outcome: 'needs-review', codes: [] },
    { name: 'nothing loaded', evidence: nothingLoaded, outcome: 'needs-review', codes: [] },
  ],
});

describe('consent-free-analytics', () => {
  it('names the organisation of third-party measurement', () => {
    const finding = ruleResult('consent-free-analytics', ga4WithBanner).findings.find((f) => f.code === 'thirdPartyAnalytics');
    expect(finding?.subject).toBe('Google');
    expect(finding?.message).toContain('no CNIL exemption');
  });

  it('says which CNIL conditions the tool checked and which need a human', () => {
    const pass = ruleResult('consent-free-analytics', selfHostedMatomo, 'fr');
    expect(pass.findings[0]?.message).toContain("Conditions vérifiées par l'outil");
    expect(pass.help).toContain('À vérifier par une personne');
    expect(ruleResult('consent-free-analytics', bannerOnly).findings[0]?.message).toContain('tarteaucitron');
    expect(ruleResult('consent-free-analytics', matomoLongCookie).findings[0]?.message).toContain('395 days');
  });
});
