import { describe, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { expectQuotedPassages, fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const EVERY_ASPECT = 'Nos serveurs nous appartiennent ; ils sont hébergés chez Rezo Libre, dans un datacenter situé à Lyon, en France.';
const at = (body: string) => evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]);

ruleTester('hosting-disclosed', {
  valid: [
    {
      name: 'every aspect quoted',
      evidence: at(EVERY_ASPECT),
      codes: ['passage', 'passage', 'passage'],
      subjects: ['provider', 'control', 'location'],
    },
    {
      name: 'fixture site bonchaton',
      evidence: fixtureSite('bonchaton'),
      codes: ['passage', 'passage', 'passage', 'passage', 'passage', 'passage', 'passage', 'passage'],
      subjects: ['provider', 'provider', 'provider', 'control', 'control', 'location', 'location', 'location'],
    },
  ],
  invalid: [
    {
      name: 'partial evidence names what is missing',
      evidence: at('Le site est hébergé par Rezo Libre.'),
      outcome: 'needs-review',
      codes: ['passage', 'missingAspect', 'missingAspect'],
      subjects: ['provider', 'control', 'location'],
    },
    // Nothing unrelated is quoted.
    { name: 'nothing matches', evidence: at('Nous hébergeons des rencontres conviviales.<br>Accueil chaleureux.'), codes: ['notFound'] },
    {
      name: 'no page loaded',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
  ],
});

describe('hosting-disclosed', () => {
  it('quotes every passage with the page it was read on', () => {
    expectQuotedPassages(ruleResult('hosting-disclosed', at(EVERY_ASPECT)), T);
  });
});
