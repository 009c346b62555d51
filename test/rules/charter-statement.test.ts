import { describe, expect, it } from 'vitest';
import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const at = (body: string) => evidence(T, [htmlPage(T, `<html><body>${body}</body></html>`)]);
const MENTION = '<p>Découvrez les autres CHATONS sur chatons.org.</p>';

ruleTester('charter-statement', {
  valid: [
    { name: '"Nous respectons la charte CHATONS"', evidence: at('<p>Nous respectons la charte CHATONS.</p>'), codes: ['passage'] },
    {
      name: '"charte du collectif des hébergeurs alternatifs"',
      evidence: at('<p>Nous suivons la charte du Collectif des Hébergeurs Alternatifs.</p>'),
      codes: ['passage'],
    },
    { name: 'English', evidence: at('<p>We follow the CHATONS charter.</p>'), codes: ['passage'] },
    {
      name: '"respecte sa charte" in a sentence naming CHATONS',
      evidence: at('<p>Notre association a rejoint les CHATONS et respecte sa charte.</p>'),
      codes: ['passage'],
    },
  ],
  invalid: [
    { name: 'a mention of CHATONS without the charter', evidence: at(MENTION), outcome: 'needs-review', codes: ['passage'] },
    // Negatives: "charte" about something else, "chatons" as animals in another word
    {
      name: 'a charter of something else',
      evidence: at('<p>Nous respectons la charte graphique de la ville.</p><p>Photos de chatonnes.</p>'),
      codes: ['noStatement'],
    },
    { name: 'nothing', evidence: at('<p>Bienvenue sur notre site.</p>'), codes: ['noStatement'] },
  ],
});

describe('charter-statement', () => {
  it('quotes the statement of the compliant fixture, with its page', () => {
    const result = ruleResult('charter-statement', fixtureSite('bonchaton'));
    expect(result.outcome).toBe('pass');
    expect(result.findings[0]?.args.quote).toContain('charte du Collectif des Hébergeurs Alternatifs');
    expect(result.findings[0]?.pageRole).toBe('portal');
  });

  it('quotes a mere mention for the reviewer', () => {
    expect(ruleResult('charter-statement', at(MENTION)).findings[0]?.args.quote).toContain('CHATONS');
  });
});
