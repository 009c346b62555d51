import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const footer = (links: string): string => `<html lang="fr"><body><main><p>Bienvenue.</p></main><footer>${links}</footer></body></html>`;
const portal = htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>'));
const parked = htmlPage(
  'https://example.org/',
  '<html><body><p>Ce domaine est parqué.</p><a href="https://registrar.example/buy">Acheter</a></body></html>',
  'parent',
);
const legal = (url = `${T}mentions-legales`, over = {}) =>
  htmlPage(url, '<html><body><h1>Mentions légales</h1></body></html>', 'legal', over);

ruleTester('legal-notice', {
  valid: [
    {
      name: 'French footer link, page answers',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>')), legal()]),
    },
    { name: 'upper case, no accents', evidence: evidence(T, [htmlPage(T, footer('<a href="/ml">MENTIONS LEGALES</a>')), legal(`${T}ml`)]) },
    {
      name: 'found by slug only (icon link)',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/mentions-legales/"><img src="/i.svg"></a>')), legal(`${T}mentions-legales/`)]),
    },
    {
      name: 'found by aria-label',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/x" aria-label="Informations légales">§</a>')), legal(`${T}x`)]),
    },
    {
      name: 'German Impressum',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/impressum">Impressum</a>')), legal(`${T}impressum`)]),
    },
    { name: 'Spanish aviso legal', evidence: evidence(T, [htmlPage(T, footer('<a href="/aviso">Aviso legal</a>')), legal(`${T}aviso`)]) },
    { name: 'Dutch colofon', evidence: evidence(T, [htmlPage(T, footer('<a href="/colofon">Colofon</a>')), legal(`${T}colofon`)]) },
    {
      name: 'Catalan avís legal',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/avis-legal">Avís legal</a>')), legal(`${T}avis-legal`)]),
    },
    {
      name: 'Italian note legali',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/note-legali">Note legali</a>')), legal(`${T}note-legali`)]),
    },
    {
      name: 'a parked parent domain (only third-party links) is not asked for a legal notice',
      evidence: evidence(T, [portal, parked, legal()]),
    },
    {
      name: 'a parent domain that redirects to the portal is the same page: no second finding',
      evidence: evidence(T, [portal, { ...portal, url: 'https://example.org/', role: 'parent' }, legal()]),
    },
    { name: 'fixture site bonchaton', evidence: fixtureSite('bonchaton') },
    { name: 'fixture site libreAtelier', evidence: fixtureSite('libreAtelier') },
    { name: 'fixture site toilePartagee', evidence: fixtureSite('toilePartagee') },
    { name: 'fixture site openhost', evidence: fixtureSite('openhost') },
    { name: 'fixture site freieWolke', evidence: fixtureSite('freieWolke') },
    { name: 'fixture site nuageDuCoin', evidence: fixtureSite('nuageDuCoin') },
    { name: 'fixture site futurChaton', evidence: fixtureSite('futurChaton') },
  ],
  invalid: [
    // Negatives: words in running text, or a legal notice of another site, are not the site's legal notice.
    {
      name: '"mentions légales" in a paragraph only',
      evidence: evidence(T, [htmlPage(T, '<html><body><p>Les mentions légales de notre registrar sont sur son site.</p></body></html>')]),
      codes: ['notLinked'],
    },
    {
      name: "link to a third party's legal notice",
      evidence: evidence(T, [htmlPage(T, footer('<a href="https://registrar.example/mentions-legales">Mentions légales</a>'))]),
      codes: ['notLinked'],
    },
    {
      name: 'linked page answers 404',
      evidence: evidence(T, [htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>')), legal(undefined, { status: 404 })]),
      codes: ['unreachable'],
    },
    {
      name: 'linked on the portal but not on the used parent domain',
      evidence: evidence(T, [
        htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>')),
        legal(),
        htmlPage('https://example.org/', '<html><body><p>Notre blog : <a href="/articles">articles</a>.</p></body></html>', 'parent'),
      ]),
      codes: ['notLinked'],
    },
    {
      name: 'linked but not visited (page budget)',
      evidence: evidence(T, [portal]),
      outcome: 'needs-review',
      reason: /mentions-legales/,
      codes: [],
    },
    {
      name: 'no page loaded: never pass',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
    { name: 'fixture site sansMentions', evidence: fixtureSite('sansMentions'), codes: ['notLinked'] },
  ],
});
