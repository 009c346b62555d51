import { describe, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { expectQuotedPassages, fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const EVERY_ASPECT = 'Le pad utilise Etherpad, un logiciel libre : <a href="https://github.com/ether/etherpad-lite">code source</a>.';
const at = (body: string) => evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]);

ruleTester('software-sources', {
  valid: [
    {
      name: 'every aspect quoted',
      evidence: at(EVERY_ASPECT),
      codes: ['passage', 'passage', 'passage', 'passage'],
      subjects: ['software', 'software', 'source', 'source'],
    },
    {
      name: 'fixture site bonchaton',
      evidence: fixtureSite('bonchaton'),
      codes: ['passage', 'passage', 'passage', 'passage', 'passage', 'passage'],
      subjects: ['software', 'software', 'software', 'source', 'source', 'source'],
    },
    {
      name: 'fixture site libreAtelier',
      evidence: fixtureSite('libreAtelier'),
      codes: ['passage', 'passage', 'passage', 'passage', 'passage'],
      subjects: ['software', 'software', 'software', 'source', 'source'],
    },
  ],
  invalid: [
    {
      name: 'partial evidence names what is missing',
      evidence: at('Nous utilisons Nextcloud.'),
      outcome: 'needs-review',
      codes: ['passage', 'missingAspect'],
      subjects: ['software', 'source'],
    },
    // Nothing unrelated is quoted.
    { name: 'nothing matches', evidence: at('Nous utilisons des outils simples et efficaces.'), codes: ['notFound'] },
    {
      name: 'no page loaded',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
  ],
});

describe('software-sources', () => {
  it('quotes every passage with the page it was read on', () => {
    expectQuotedPassages(ruleResult('software-sources', at(EVERY_ASPECT)), T);
  });
});
