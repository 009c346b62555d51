import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const footer = (links: string): string => `<html lang="fr"><body><main><p>Bienvenue.</p></main><footer>${links}</footer></body></html>`;
const legal = (url = `${T}mentions-legales`, over = {}) => htmlPage(url, '<html><body><h1>Mentions légales</h1></body></html>', 'legal', over);

describe('legal-notice', () => {
  it.each([
    ['French footer link, page answers', [htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>')), legal()], 'pass', []],
    ['upper case, no accents', [htmlPage(T, footer('<a href="/ml">MENTIONS LEGALES</a>')), legal(`${T}ml`)], 'pass', []],
    ['found by slug only (icon link)', [htmlPage(T, footer('<a href="/mentions-legales/"><img src="/i.svg"></a>')), legal(`${T}mentions-legales/`)], 'pass', []],
    ['found by aria-label', [htmlPage(T, footer('<a href="/x" aria-label="Informations légales">§</a>')), legal(`${T}x`)], 'pass', []],
    ['German Impressum', [htmlPage(T, footer('<a href="/impressum">Impressum</a>')), legal(`${T}impressum`)], 'pass', []],
    ['Spanish aviso legal', [htmlPage(T, footer('<a href="/aviso">Aviso legal</a>')), legal(`${T}aviso`)], 'pass', []],
    ['Dutch colofon', [htmlPage(T, footer('<a href="/colofon">Colofon</a>')), legal(`${T}colofon`)], 'pass', []],
    ['Catalan avís legal', [htmlPage(T, footer('<a href="/avis-legal">Avís legal</a>')), legal(`${T}avis-legal`)], 'pass', []],
    ['Italian note legali', [htmlPage(T, footer('<a href="/note-legali">Note legali</a>')), legal(`${T}note-legali`)], 'pass', []],
    // Negatives: words in running text, or a legal notice of another site, are not the site's legal notice.
    ['"mentions légales" in a paragraph only', [htmlPage(T, '<html><body><p>Les mentions légales de notre registrar sont sur son site.</p></body></html>')], 'fail', ['notLinked']],
    ['link to a third party\'s legal notice', [htmlPage(T, footer('<a href="https://registrar.example/mentions-legales">Mentions légales</a>'))], 'fail', ['notLinked']],
    ['linked page answers 404', [htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>')), legal(undefined, { status: 404 })], 'fail', ['unreachable']],
    ['linked on the portal but not on the used parent domain', [
      htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>')), legal(),
      htmlPage('https://example.org/', '<html><body><p>Notre blog : <a href="/articles">articles</a>.</p></body></html>', 'parent'),
    ], 'fail', ['notLinked']],
  ] as const)('%s → %s', (_name, pages, outcome, codes) => {
    const result = ruleResult('legal-notice', evidence(T, [...pages]));
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('does not ask a parked parent domain (only third-party links) for a legal notice', () => {
    const portal = htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>'));
    const parked = htmlPage('https://example.org/', '<html><body><p>Ce domaine est parqué.</p><a href="https://registrar.example/buy">Acheter</a></body></html>', 'parent');
    expect(ruleResult('legal-notice', evidence(T, [portal, parked, legal()])).outcome).toBe('pass');
  });

  it('a parent domain that redirects to the portal is the same page: no second finding', () => {
    const portal = htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>'));
    const parent = { ...portal, url: 'https://example.org/', role: 'parent' as const };
    expect(ruleResult('legal-notice', evidence(T, [portal, parent, legal()])).outcome).toBe('pass');
  });

  it('needs review when the notice is linked but was not visited (page budget)', () => {
    const result = ruleResult('legal-notice', evidence(T, [htmlPage(T, footer('<a href="/mentions-legales">Mentions légales</a>'))]));
    expect(result.outcome).toBe('needs-review');
    expect(result.reason).toContain('mentions-legales');
  });

  it('needs review, never pass, when no page loaded', () => {
    expect(ruleResult('legal-notice', evidence(T, [page(T, 'portal', { status: null, html: null })])).outcome).toBe('needs-review');
  });

  it.each([
    ['bonchaton', 'pass'], ['libreAtelier', 'pass'], ['toilePartagee', 'pass'], ['openhost', 'pass'], ['freieWolke', 'pass'],
    ['nuageDuCoin', 'pass'], ['futurChaton', 'pass'], ['sansMentions', 'fail'],
  ])('fixture site %s → %s', (name, outcome) => {
    expect(ruleResult('legal-notice', fixtureSite(name)).outcome).toBe(outcome);
  });
});
