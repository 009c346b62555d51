import { describe, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { expectQuotedPassages, fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const EVERY_ASPECT =
  'Les données sont sauvegardées chaque nuit. Les mises à jour de sécurité sont appliquées chaque semaine. Les journaux sont conservés un an.';
const at = (body: string) => evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]);

ruleTester('backups-and-security', {
  valid: [
    {
      name: 'every aspect quoted',
      evidence: at(EVERY_ASPECT),
      codes: ['passage', 'passage', 'passage'],
      subjects: ['backups', 'security', 'logs'],
    },
    {
      name: 'fixture site bonchaton',
      evidence: fixtureSite('bonchaton'),
      codes: ['passage', 'passage', 'passage', 'passage', 'passage'],
      subjects: ['backups', 'backups', 'backups', 'security', 'logs'],
    },
  ],
  invalid: [
    {
      name: 'partial evidence names what is missing',
      evidence: at('Les données sont sauvegardées chaque nuit.'),
      outcome: 'needs-review',
      codes: ['passage', 'missingAspect', 'missingAspect'],
      subjects: ['backups', 'security', 'logs'],
    },
    // Nothing unrelated is quoted.
    { name: 'nothing matches', evidence: at('Bienvenue ! Découvrez nos ateliers.'), codes: ['notFound'] },
    {
      name: 'no page loaded',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
    { name: 'fixture site nuageDuCoin', evidence: fixtureSite('nuageDuCoin'), codes: ['notFound'] },
  ],
});

describe('backups-and-security', () => {
  it('quotes every passage with the page it was read on', () => {
    expectQuotedPassages(ruleResult('backups-and-security', at(EVERY_ASPECT)), T);
  });
});
