import { describe, expect, it } from 'vitest';
import { ruleResult } from '../support/rules.js';
import { cdnScript, googleFonts, gravatar, nothingLoaded, selfHostedFont } from './third-party-cases.js';

describe('no-third-party-fonts', () => {
  it.each([
    // The Google Fonts stylesheet counts too: its only purpose is to load the fonts.
    ['Google Fonts', googleFonts, 'fail', ['fonts.googleapis.com', 'fonts.gstatic.com']],
    ['self-hosted fonts', selfHostedFont, 'pass', []],
    ['a third-party image is not a font', gravatar, 'pass', []],
    ['a third-party script is not a font', cdnScript, 'pass', []],
    ['nothing loaded', nothingLoaded, 'needs-review', []],
  ] as const)('%s → %s', (_name, ev, outcome, hosts) => {
    const result = ruleResult('no-third-party-fonts', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.host).sort()).toEqual([...hosts].sort());
  });

  it('renders the message in French', () => {
    const result = ruleResult('no-third-party-fonts', googleFonts, 'fr');
    expect(result.findings.find((f) => f.host === 'fonts.gstatic.com')?.message).toBe(
      'Police ou feuille de police chargée depuis fonts.gstatic.com : 2 requêtes (police).',
    );
  });
});
