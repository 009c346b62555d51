import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const portal = (links: string) => htmlPage(T, `<html><body><p>Accueil</p><footer>${links}</footer></body></html>`);
const doc = (path: string, role: 'terms' | 'legal' = 'terms', over = {}) =>
  htmlPage(`${T}${path}`, '<html><body><h1>Conditions</h1></body></html>', role, over);

ruleTester('terms-of-use', {
  valid: [
    { name: 'CGU link', evidence: evidence(T, [portal('<a href="/cgu">CGU</a>'), doc('cgu')]) },
    {
      name: 'conditions générales d’utilisation (typographic apostrophe)',
      evidence: evidence(T, [portal('<a href="/c">Conditions générales d’utilisation</a>'), doc('c')]),
    },
    { name: 'Terms of service', evidence: evidence(T, [portal('<a href="/tos">Terms of service</a>'), doc('tos')]) },
    { name: 'Nutzungsbedingungen', evidence: evidence(T, [portal('<a href="/nb">Nutzungsbedingungen</a>'), doc('nb')]) },
    { name: 'términos y condiciones', evidence: evidence(T, [portal('<a href="/tyc">Términos y condiciones</a>'), doc('tyc')]) },
    { name: 'gebruiksvoorwaarden', evidence: evidence(T, [portal('<a href="/gv">Gebruiksvoorwaarden</a>'), doc('gv')]) },
    {
      name: 'charte d’utilisation by slug',
      evidence: evidence(T, [portal('<a href="/charte-utilisation.html">Nos règles</a>'), doc('charte-utilisation.html')]),
    },
    {
      name: 'one page linked both as legal notice and terms',
      evidence: evidence(T, [portal('<a href="/legal">Mentions légales et CGU</a>'), doc('legal', 'legal')]),
    },
    { name: 'fixture site bonchaton', evidence: fixtureSite('bonchaton') },
    { name: 'fixture site openhost', evidence: fixtureSite('openhost') },
    { name: 'fixture site freieWolke', evidence: fixtureSite('freieWolke') },
    { name: 'fixture site nuageDuCoin', evidence: fixtureSite('nuageDuCoin') },
  ],
  invalid: [
    // Negatives
    {
      name: 'a "CGU" link to a third party (registrar) is not the site\'s terms',
      evidence: evidence(T, [portal('<a href="https://registrar.example/cgu">CGU</a>')]),
      codes: ['notLinked'],
    },
    {
      name: '"CGU" only in running text',
      evidence: evidence(T, [htmlPage(T, '<html><body><p>Consultez les CGU de votre fournisseur.</p></body></html>')]),
      codes: ['notLinked'],
    },
    {
      name: 'terms page answers 500',
      evidence: evidence(T, [portal('<a href="/cgu">CGU</a>'), doc('cgu', 'terms', { status: 500 })]),
      codes: ['unreachable'],
    },
    {
      name: 'linked but not visited',
      evidence: evidence(T, [portal('<a href="/cgu">CGU</a>')]),
      outcome: 'needs-review',
      reason: /cgu/,
      codes: [],
    },
    { name: 'fixture site sansMentions', evidence: fixtureSite('sansMentions'), codes: ['notLinked'] },
  ],
});
