import { describe, expect, it } from 'vitest';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { cdnScript, googleFonts, gravatar, nothingLoaded, selfHostedFont } from './third-party-cases.js';

ruleTester('no-third-party-fonts', {
  valid: [
    { name: 'self-hosted fonts', evidence: selfHostedFont },
    { name: 'a third-party image is not a font', evidence: gravatar },
    { name: 'a third-party script is not a font', evidence: cdnScript },
  ],
  invalid: [
    // The Google Fonts stylesheet counts too: its only purpose is to load the fonts.
    {
      name: 'Google Fonts',
      evidence: googleFonts,
      codes: ['thirdPartyRequest', 'thirdPartyRequest'],
      hosts: ['fonts.googleapis.com', 'fonts.gstatic.com'],
    },
    { name: 'nothing loaded', evidence: nothingLoaded, outcome: 'needs-review', codes: [] },
  ],
});

describe('no-third-party-fonts', () => {
  it('renders the message in French', () => {
    const result = ruleResult('no-third-party-fonts', googleFonts, 'fr');
    expect(result.findings.find((f) => f.host === 'fonts.gstatic.com')?.message).toBe(
      'Police ou feuille de police chargée depuis fonts.gstatic.com : 2 requêtes (police).',
    );
  });
});
