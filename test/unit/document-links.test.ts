import { describe, expect, it } from 'vitest';
import type { PlannedPage } from '../../src/collect/planners/planner.js';
import { documentsPlanner } from '../../src/collect/planners/documents.js';
import { servicesPlanner } from '../../src/collect/planners/services.js';
import { linkScore } from '../../src/documents/links.js';
import { fixturePage, htmlPage } from '../support/fixture-pages.js';

const T = 'https://services.example.org/';
const plan = (html: string, own = ['example.org']): PlannedPage[] =>
  documentsPlanner.plan({ target: new URL(T), portal: htmlPage(T, html), ownDomains: own }) as PlannedPage[];

describe('documents planner', () => {
  it('plans legal, terms, privacy, then about and contact, from the compliant fixture', () => {
    const portal = fixturePage('services.bonchaton.example', '');
    expect(documentsPlanner.plan({ target: new URL(portal.url), portal, ownDomains: ['bonchaton.example'] })).toEqual([
      { url: 'https://services.bonchaton.example/mentions-legales.html', role: 'legal' },
      { url: 'https://services.bonchaton.example/cgu.html', role: 'terms' },
      { url: 'https://services.bonchaton.example/a-propos.html', role: 'other' },
    ]);
  });

  it("also follows the parent domain's own legal notice when an earlier planner visited it", () => {
    const portal = htmlPage(T, '<a href="/mentions-legales">Mentions légales</a>');
    const parent = htmlPage('https://example.org/', '<a href="https://example.org/legal">Mentions légales</a>', 'parent');
    expect(documentsPlanner.plan({ target: new URL(T), portal, pages: [portal, parent], ownDomains: ['example.org'] })).toEqual([
      { url: `${T}mentions-legales`, role: 'legal' },
      { url: 'https://example.org/legal', role: 'legal' },
    ]);
  });

  it('prefers a visible footer link to a hidden one', () => {
    const planned = plan(
      '<nav style="display:none"><a href="/old-legal">Mentions légales</a></nav><footer><a href="/mentions-legales">Mentions légales</a></footer>',
    );
    expect(planned[0]).toEqual({ url: `${T}mentions-legales`, role: 'legal' });
  });

  it("does not plan a third party's CGU, nor a text mention", () => {
    expect(plan('<p>Voir les mentions légales de notre hébergeur.</p><a href="https://registrar.example/cgu">CGU</a>')).toEqual([]);
  });

  it.each([
    ['Mentions Légales', 'legal'],
    ['IMPRESSUM', 'legal'],
    ['Aviso legal', 'legal'],
    ['Colofon', 'legal'],
    ['Wettelijke vermeldingen', 'legal'],
    ["Conditions générales d'utilisation", 'terms'],
    ['AGB', 'terms'],
    ["Condizioni d'uso", 'terms'],
    ['Términos y condiciones', 'terms'],
    ['Politique de confidentialité', 'privacy'],
    ['Datenschutz', 'privacy'],
    ['Informativa sulla privacy', 'privacy'],
    ['Privacyverklaring', 'privacy'],
    ['Política de privacidad', 'privacy'],
    ['Qui sommes-nous ?', 'other'],
    ['Kontakt', 'other'],
    ['Over ons', 'other'],
  ])('"%s" → %s', (text, role) => {
    expect(plan(`<a href="/x">${text}</a>`)[0]?.role).toBe(role);
  });

  it('scores text over slug, and visible over hidden', () => {
    const link = { href: `${T}mentions-legales`, text: 'Mentions légales', visible: true };
    expect(linkScore(link, 'legal')).toBeGreaterThan(linkScore({ ...link, text: '' }, 'legal'));
    expect(linkScore(link, 'legal')).toBeGreaterThan(linkScore({ ...link, visible: false }, 'legal'));
    expect(linkScore({ href: `${T}blog/legalize-it`, text: 'Un billet', visible: true }, 'legal')).toBe(0);
  });
});

describe('services planner', () => {
  it('plans service hosts of the own domains, not the portal, parent, www or third parties', () => {
    const portal = htmlPage(
      T,
      `<a href="https://pad.example.org/p/1">Pad</a><a href="https://pad.example.org/">Pad</a><a href="https://example.org/">Asso</a>
      <a href="https://www.example.org/">www</a><a href="${T}cgu">CGU</a><a href="https://framapad.org/">Framapad</a><a href="https://cloud.example.org/">Cloud</a>`,
    );
    expect(servicesPlanner.plan({ target: new URL(T), portal, ownDomains: ['example.org'] })).toEqual([
      { url: 'https://pad.example.org/p/1', role: 'service' },
      { url: 'https://cloud.example.org/', role: 'service' },
    ]);
  });
});
