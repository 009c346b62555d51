import { describe, expect, it } from 'vitest';
import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const portal = (links: string) => htmlPage(T, `<html><body><p>Accueil</p><footer>${links}</footer></body></html>`);
const doc = (path: string, role: 'terms' | 'legal' = 'terms', over = {}) => htmlPage(`${T}${path}`, '<html><body><h1>Conditions</h1></body></html>', role, over);

describe('terms-of-use', () => {
  it.each([
    ['CGU link', [portal('<a href="/cgu">CGU</a>'), doc('cgu')], 'pass', []],
    ['conditions générales d’utilisation (typographic apostrophe)', [portal('<a href="/c">Conditions générales d’utilisation</a>'), doc('c')], 'pass', []],
    ['Terms of service', [portal('<a href="/tos">Terms of service</a>'), doc('tos')], 'pass', []],
    ['Nutzungsbedingungen', [portal('<a href="/nb">Nutzungsbedingungen</a>'), doc('nb')], 'pass', []],
    ['términos y condiciones', [portal('<a href="/tyc">Términos y condiciones</a>'), doc('tyc')], 'pass', []],
    ['gebruiksvoorwaarden', [portal('<a href="/gv">Gebruiksvoorwaarden</a>'), doc('gv')], 'pass', []],
    ['charte d’utilisation by slug', [portal('<a href="/charte-utilisation.html">Nos règles</a>'), doc('charte-utilisation.html')], 'pass', []],
    ['one page linked both as legal notice and terms', [portal('<a href="/legal">Mentions légales et CGU</a>'), doc('legal', 'legal')], 'pass', []],
    // Negatives
    ['a "CGU" link to a third party (registrar) is not the site\'s terms', [portal('<a href="https://registrar.example/cgu">CGU</a>')], 'fail', ['notLinked']],
    ['"CGU" only in running text', [htmlPage(T, '<html><body><p>Consultez les CGU de votre fournisseur.</p></body></html>')], 'fail', ['notLinked']],
    ['terms page answers 500', [portal('<a href="/cgu">CGU</a>'), doc('cgu', 'terms', { status: 500 })], 'fail', ['unreachable']],
  ] as const)('%s → %s', (_name, pages, outcome, codes) => {
    const result = ruleResult('terms-of-use', evidence(T, [...pages]));
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('needs review when linked but not visited', () => {
    expect(ruleResult('terms-of-use', evidence(T, [portal('<a href="/cgu">CGU</a>')])).outcome).toBe('needs-review');
  });

  it.each([
    ['bonchaton', 'pass'], ['openhost', 'pass'], ['freieWolke', 'pass'], ['nuageDuCoin', 'pass'], ['sansMentions', 'fail'],
  ])('fixture site %s → %s', (name, outcome) => {
    expect(ruleResult('terms-of-use', fixtureSite(name)).outcome).toBe(outcome);
  });
});
