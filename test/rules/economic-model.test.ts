import { describe, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { expectQuotedPassages, fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const EVERY_ASPECT = '<h2>Modèle économique</h2><p>Les services sont financés par les adhésions et les dons.</p>';
const at = (body: string) => evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]);

ruleTester('economic-model', {
  valid: [
    {
      name: 'every aspect quoted',
      evidence: at(EVERY_ASPECT),
      codes: ['passage', 'passage', 'passage'],
      subjects: ['model', 'model', 'means'],
    },
    {
      name: 'fixture site bonchaton',
      evidence: fixtureSite('bonchaton'),
      codes: ['passage', 'passage', 'passage', 'passage'],
      subjects: ['model', 'model', 'means', 'means'],
    },
    {
      name: 'fixture site openhost',
      evidence: fixtureSite('openhost'),
      codes: ['passage', 'passage', 'passage'],
      subjects: ['model', 'model', 'means'],
    },
  ],
  invalid: [
    {
      name: 'partial evidence names what is missing',
      evidence: at('Faites un don !'),
      outcome: 'needs-review',
      codes: ['passage', 'missingAspect'],
      subjects: ['means', 'model'],
    },
    // Nothing unrelated is quoted.
    { name: 'nothing matches', evidence: at('Nos services sont rapides.'), codes: ['notFound'] },
    {
      name: 'no page loaded',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
  ],
});

describe('economic-model', () => {
  it('quotes every passage with the page it was read on', () => {
    expectQuotedPassages(ruleResult('economic-model', at(EVERY_ASPECT)), T);
  });
});
