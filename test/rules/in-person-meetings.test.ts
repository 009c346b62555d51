import { describe, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { expectQuotedPassages, fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const EVERY_ASPECT = 'Permanence tous les mercredis de 18 h à 20 h à la Maison des associations.';
const at = (body: string) => evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]);

ruleTester('in-person-meetings', {
  valid: [
    { name: 'every aspect quoted', evidence: at(EVERY_ASPECT), codes: ['passage', 'passage'], subjects: ['meeting', 'when-where'] },
    {
      name: 'fixture site bonchaton',
      evidence: fixtureSite('bonchaton'),
      codes: ['passage', 'passage'],
      subjects: ['meeting', 'when-where'],
    },
    {
      name: 'fixture site freieWolke',
      evidence: fixtureSite('freieWolke'),
      codes: ['passage', 'passage'],
      subjects: ['meeting', 'when-where'],
    },
  ],
  invalid: [
    {
      name: 'partial evidence names what is missing',
      evidence: at('Venez à nos ateliers !'),
      outcome: 'needs-review',
      codes: ['passage', 'missingAspect'],
      subjects: ['meeting', 'when-where'],
    },
    // Nothing unrelated is quoted.
    { name: 'nothing matches', evidence: at('Contactez-nous par courriel.'), codes: ['notFound'] },
    {
      name: 'no page loaded',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
    { name: 'fixture site nuageDuCoin', evidence: fixtureSite('nuageDuCoin'), codes: ['notFound'] },
  ],
});

describe('in-person-meetings', () => {
  it('quotes every passage with the page it was read on', () => {
    expectQuotedPassages(ruleResult('in-person-meetings', at(EVERY_ASPECT)), T);
  });
});
