import { describe, expect, it } from 'vitest';
import { ruleResult } from '../support/rules.js';
import { cdnScript, googleFonts, gravatar, nothingLoaded, ownDomainImage, selfHostedFont, twoPages } from './third-party-cases.js';

describe('no-third-party-requests', () => {
  it.each([
    ['Google Fonts', googleFonts, 'fail', ['fonts.googleapis.com', 'fonts.gstatic.com']],
    ['self-hosted font on a sibling subdomain', selfHostedFont, 'pass', []],
    ['Gravatar', gravatar, 'fail', ['secure.gravatar.com']],
    ['a CDN script', cdnScript, 'fail', ['cdn.jsdelivr.net']],
    ['an image on a declared own domain', ownDomainImage, 'pass', []],
  ] as const)('%s → %s', (_name, ev, outcome, hosts) => {
    const result = ruleResult('no-third-party-requests', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.host).sort()).toEqual([...hosts].sort());
  });

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

  it('says needs-review, not pass, when no page loaded', () => {
    const result = ruleResult('no-third-party-requests', nothingLoaded);
    expect(result.outcome).toBe('needs-review');
    expect(result.reason).toMatch(/No page could be loaded/);
  });
});
