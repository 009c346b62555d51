import { describe, expect, it } from 'vitest';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { cdnScript, googleFonts, gravatar, nothingLoaded, ownDomainImage, selfHostedFont, twoPages } from './third-party-cases.js';

ruleTester('no-third-party-requests', {
  valid: [
    { name: 'self-hosted font on a sibling subdomain', evidence: selfHostedFont },
    { name: 'an image on a declared own domain', evidence: ownDomainImage },
  ],
  invalid: [
    {
      name: 'Google Fonts',
      evidence: googleFonts,
      codes: ['thirdPartyRequest', 'thirdPartyRequest'],
      hosts: ['fonts.googleapis.com', 'fonts.gstatic.com'],
    },
    { name: 'Gravatar', evidence: gravatar, codes: ['thirdPartyRequest'], hosts: ['secure.gravatar.com'] },
    { name: 'a CDN script', evidence: cdnScript, codes: ['thirdPartyRequest'], hosts: ['cdn.jsdelivr.net'] },
    { name: 'nothing loaded', evidence: nothingLoaded, outcome: 'needs-review', reason: /No page could be loaded/, codes: [] },
  ],
});

describe('no-third-party-requests', () => {
  it('gives one finding per (page, host) with a count', () => {
    const result = ruleResult('no-third-party-requests', googleFonts);
    const gstatic = result.findings.find((f) => f.host === 'fonts.gstatic.com');
    expect(gstatic?.count).toBe(2);
    expect(gstatic?.examples).toHaveLength(2);
    expect(gstatic?.args.types).toBe('font');
  });

  it('names the page and its role for each finding', () => {
    const result = ruleResult('no-third-party-requests', twoPages);
    expect(result.findings.map((f) => [f.pageRole, f.page])).toEqual([
      ['portal', 'https://services.example.org/'],
      ['legal', 'https://services.example.org/mentions-legales'],
    ]);
  });
});
