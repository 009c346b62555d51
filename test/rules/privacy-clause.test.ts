import { describe, expect, it } from 'vitest';
import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const portal = htmlPage(T, '<html><body><footer><a href="/cgu">CGU</a></footer></body></html>');
const terms = (body: string) => htmlPage(`${T}cgu`, `<html><body><h1>CGU</h1>${body}</body></html>`, 'terms');

ruleTester('privacy-clause', {
  valid: [
    {
      name: '"Données personnelles" section in the terms',
      evidence: evidence(T, [portal, terms('<h2>Données personnelles</h2><p>Nous ne vendons rien.</p>')]),
      codes: ['passage'],
    },
    {
      name: '"Respect de la vie privée" section',
      evidence: evidence(T, [portal, terms('<h2>Respect de la vie privée</h2><p>Aucun pistage.</p>')]),
      codes: ['passage'],
    },
    { name: 'RGPD section', evidence: evidence(T, [portal, terms('<h3>RGPD</h3><p>Vos droits.</p>')]), codes: ['passage'] },
    {
      name: 'English privacy section',
      evidence: evidence(T, [portal, terms('<h2>Privacy</h2><p>We keep logs for a year.</p>')]),
      codes: ['passage'],
    },
    {
      name: 'a privacy policy page',
      evidence: evidence(T, [
        htmlPage(T, '<html><body><a href="/vie-privee">Vie privée</a></body></html>'),
        htmlPage(
          `${T}vie-privee`,
          '<html><body><h1>Politique de confidentialité</h1><p>Vos données restent chez nous.</p></body></html>',
          'privacy',
        ),
      ]),
      codes: ['passage'],
    },
    { name: 'fixture site bonchaton', evidence: fixtureSite('bonchaton'), codes: ['passage'] },
    { name: 'fixture site libreAtelier', evidence: fixtureSite('libreAtelier'), codes: ['passage'] },
    { name: 'fixture site toilePartagee', evidence: fixtureSite('toilePartagee'), codes: ['passage'] },
    { name: 'fixture site openhost', evidence: fixtureSite('openhost'), codes: ['passage'] },
    { name: 'fixture site freieWolke', evidence: fixtureSite('freieWolke'), codes: ['passage'] },
    { name: 'fixture site futurChaton', evidence: fixtureSite('futurChaton'), codes: ['passage'] },
  ],
  invalid: [
    {
      name: 'only a passing mention',
      evidence: evidence(T, [portal, terms('<h2>Objet</h2><p>Les données personnelles sont traitées avec soin.</p>')]),
      outcome: 'needs-review',
      codes: ['passage'],
    },
    // Negatives
    {
      name: 'terms without any personal-data section',
      evidence: evidence(T, [portal, terms('<h2>Objet</h2><p>Les services sont gratuits.</p><h2>Résiliation</h2><p>À tout moment.</p>')]),
      codes: ['noPrivacySection'],
    },
    {
      name: 'no terms, no privacy policy',
      evidence: evidence(T, [htmlPage(T, '<html><body><p>Bienvenue</p></body></html>')]),
      codes: ['noPrivacyDocument'],
    },
    {
      name: "a third party's privacy policy does not count",
      evidence: evidence(T, [htmlPage(T, '<html><body><a href="https://registrar.example/privacy">Privacy policy</a></body></html>')]),
      codes: ['noPrivacyDocument'],
    },
    { name: 'fixture site nuageDuCoin', evidence: fixtureSite('nuageDuCoin'), codes: ['noPrivacySection'] },
    { name: 'fixture site sansMentions', evidence: fixtureSite('sansMentions'), codes: ['noPrivacyDocument'] },
  ],
});

describe('privacy-clause', () => {
  it('quotes the section it found', () => {
    const result = ruleResult('privacy-clause', fixtureSite('bonchaton'));
    expect(result.outcome).toBe('pass');
    expect(result.findings[0]?.args.quote).toContain('Données personnelles et respect de la vie privée');
    expect(result.findings[0]?.page).toBe('https://services.bonchaton.example/cgu.html');
  });

  // Kinds of miss seen on real sites (issue: real corpus), in our own words and markup.
  describe('sections found by their vocabulary in every language, and by their content', () => {
    const linked = (href: string, text: string) => htmlPage(T, `<html><body><footer><a href="${href}">${text}</a></footer></body></html>`);
    it.each([
      [
        'German terms with a "Datensparsamkeit" section',
        [
          linked('/agb', 'Nutzungsbedingungen'),
          htmlPage(
            `${T}agb`,
            `<html lang="de"><body><h1>Nutzungsbedingungen</h1>
        <h2>Was wir dürfen</h2><p>Die Dienste stehen allen offen.</p>
        <h2>Datensparsamkeit</h2><ul><li>Wir fragen nie nach eurem Namen.</li><li>IP-Adressen werden nicht aufbewahrt.</li><li>Nichts geht an Dritte.</li></ul></body></html>`,
            'terms',
          ),
        ],
        'Datensparsamkeit',
      ],
      [
        'English terms whose section says what it does with data under a heading of its own',
        [
          linked('/tos', 'Terms of service'),
          htmlPage(
            `${T}tos`,
            `<html lang="en"><body><h1>Terms of service</h1>
        <h2>Fair use</h2><p>Do not send spam.</p>
        <h2>Data thrift</h2><ul><li>We never ask who you are.</li><li>No IP address is logged beyond a few hours.</li><li>We hand nothing over to third parties.</li></ul></body></html>`,
            'terms',
          ),
        ],
        'Data thrift',
      ],
      [
        'a Catalan privacy page linked as "Privacitat"',
        [
          linked('/privacitat', 'Privacitat'),
          htmlPage(
            `${T}privacitat`,
            `<html lang="ca"><body><h1>Política de privacitat</h1>
        <p>Les dades que ens doneu només serveixen per respondre-us, i les esborrem al cap d'un any.</p></body></html>`,
            'privacy',
          ),
        ],
        'Política de privacitat',
      ],
    ] as const)('%s → pass, quoting the section', (_name, pages, quoted) => {
      const result = ruleResult('privacy-clause', evidence(T, [...pages]));
      expect(result.outcome).toBe('pass');
      expect(result.findings[0]?.code).toBe('passage');
      expect(result.findings[0]?.args.quote).toContain(quoted);
    });
  });
});
