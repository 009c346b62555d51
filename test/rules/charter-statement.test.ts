import { describe, expect, it } from 'vitest';
import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const judge = (body: string) => ruleResult('charter-statement', evidence(T, [htmlPage(T, `<html><body>${body}</body></html>`)]));

describe('charter-statement', () => {
  it.each([
    ['"Nous respectons la charte CHATONS"', '<p>Nous respectons la charte CHATONS.</p>', 'pass'],
    ['"charte du collectif des hébergeurs alternatifs"', '<p>Nous suivons la charte du Collectif des Hébergeurs Alternatifs.</p>', 'pass'],
    ['English', '<p>We follow the CHATONS charter.</p>', 'pass'],
    ['"respecte sa charte" in a sentence naming CHATONS', '<p>Notre association a rejoint les CHATONS et respecte sa charte.</p>', 'pass'],
    ['a mention of CHATONS without the charter', '<p>Découvrez les autres CHATONS sur chatons.org.</p>', 'needs-review'],
    // Negatives: "charte" about something else, "chatons" as animals in another word
    ['a charter of something else', '<p>Nous respectons la charte graphique de la ville.</p><p>Photos de chatonnes.</p>', 'fail'],
    ['nothing', '<p>Bienvenue sur notre site.</p>', 'fail'],
  ])('%s → %s', (_name, body, outcome) => {
    const result = judge(body);
    expect(result.outcome).toBe(outcome);
    if (outcome !== 'fail') expect(result.findings[0]?.args.quote).toBeTruthy();
  });

  it('quotes the statement of the compliant fixture, with its page', () => {
    const result = ruleResult('charter-statement', fixtureSite('bonchaton'));
    expect(result.outcome).toBe('pass');
    expect(result.findings[0]?.args.quote).toContain('charte du Collectif des Hébergeurs Alternatifs');
    expect(result.findings[0]?.pageRole).toBe('portal');
  });
});
