/** Evidence of whole fixture sites, read from fixtures/web without a browser, for rule tables. */
import { expect } from 'vitest';
import type { Evidence, PageEvidence, PageRole } from '../../src/contracts/evidence.js';
import type { RuleResult } from '../../src/contracts/result.js';
import { evidence } from '../support/evidence.js';
import { fixturePage } from '../support/fixture-pages.js';

export type PageSpec = [host: string, path: string, role: PageRole];

function site(pages: PageSpec[], over: Partial<Evidence> = {}): Evidence {
  const built: PageEvidence[] = pages.map(([host, path, role]) => fixturePage(host, path, role));
  const portal = built[0] as PageEvidence;
  return evidence(portal.url, built, [], over);
}

export const SITES: Readonly<Record<string, PageSpec[]>> = {
  bonchaton: [
    ['services.bonchaton.example', '', 'portal'],
    ['services.bonchaton.example', 'mentions-legales.html', 'legal'],
    ['services.bonchaton.example', 'cgu.html', 'terms'],
    ['services.bonchaton.example', 'a-propos.html', 'other'],
    ['pad.bonchaton.example', '', 'service'],
    ['cloud.bonchaton.example', '', 'service'],
  ],
  libreAtelier: [
    ['libre-atelier.example', '', 'portal'],
    ['libre-atelier.example', 'mentions-legales.html', 'legal'],
    ['libre-atelier.example', 'cgu.html', 'terms'],
    ['libre-atelier.example', 'contact.html', 'other'],
    ['visio.libre-atelier.example', '', 'service'],
  ],
  toilePartagee: [
    ['toile-partagee.example', '', 'portal'],
    ['toile-partagee.example', 'mentions-legales/', 'legal'],
    ['toile-partagee.example', 'conditions-utilisation/', 'terms'],
    ['toile-partagee.example', 'a-propos/', 'other'],
    ['pad.toile-partagee.example', '', 'service'],
  ],
  sansMentions: [
    ['sans-mentions.example', '', 'portal'],
    ['sans-mentions.example', 'contact.html', 'other'],
    ['pad.sans-mentions.example', '', 'service'],
  ],
  openhost: [
    ['openhost.example', '', 'portal'],
    ['openhost.example', 'legal-notice.html', 'legal'],
    ['openhost.example', 'terms-of-service.html', 'terms'],
    ['openhost.example', 'privacy-policy.html', 'privacy'],
    ['openhost.example', 'about.html', 'other'],
    ['chat.openhost.example', '', 'service'],
  ],
  freieWolke: [
    ['freie-wolke.example', '', 'portal'],
    ['freie-wolke.example', 'impressum/', 'legal'],
    ['freie-wolke.example', 'datenschutz/', 'privacy'],
    ['freie-wolke.example', 'nutzungsbedingungen/', 'terms'],
    ['cloud.freie-wolke.example', '', 'service'],
  ],
  nuageDuCoin: [
    ['nuage-du-coin.example', '', 'portal'],
    ['nuage-du-coin.example', 'mentions-legales.html', 'legal'],
    ['nuage-du-coin.example', 'cgu.html', 'terms'],
    ['framadate.nuage-du-coin.example', '', 'service'],
  ],
  futurChaton: [
    ['futur-chaton.example', '', 'portal'],
    ['futur-chaton.example', 'mentions-legales.html', 'legal'],
    ['futur-chaton.example', 'cgu.html', 'terms'],
    ['pad.futur-chaton.example', '', 'service'],
  ],
};

export function fixtureSite(name: keyof typeof SITES | string, over: Partial<Evidence> = {}): Evidence {
  const pages = SITES[name];
  if (!pages) throw new Error(`no fixture site ${name}`);
  return site(pages, over);
}

/** Every finding is a passage quoted from the page at `url`; no finding at all fails too. */
export function expectQuotedPassages(result: RuleResult, url: string): void {
  expect(result.findings.length, 'findings').toBeGreaterThan(0);
  for (const f of result.findings) {
    const quote = f.args.quote;
    expect([f.code, f.page, typeof quote === 'string' && quote.trim() !== ''], JSON.stringify(f.args)).toEqual(['passage', url, true]);
  }
}
