/**
 * What a portal page links to: its documents (legal notice, terms, privacy, about, contact) on
 * the candidate's own domains, and its services (other hosts of the own domains). Used by the
 * planners to choose pages to visit and by the rules to judge what was linked, so both agree.
 */
import type { LinkEvidence, PageEvidence, PageRole } from '../contracts/evidence.js';
import { hostOf, normaliseHost, PartyResolver, registrableDomain } from '../domains/party.js';
import type { DocumentKind, DocumentLexicon } from './lexicon.js';
import { documentLexicon } from './lexicon.js';
import { classifyLinks, documentUrl } from './links.js';

export interface DocumentLink {
  kind: DocumentKind;
  url: string;
  score: number;
  link: LinkEvidence;
}

export interface ServiceLink {
  host: string;
  url: string;
  link: LinkEvidence;
}

/** The page role a document kind gets when visited. */
export const ROLE_OF_KIND: Readonly<Record<DocumentKind, PageRole>> = {
  legal: 'legal',
  terms: 'terms',
  privacy: 'privacy',
  about: 'other',
  contact: 'other',
};

function pageHost(page: PageEvidence): string | null {
  return hostOf(page.finalUrl ?? page.url);
}

/**
 * Document links of a page on own domains, best link per kind first. A "CGU" link to a third
 * party (a registrar's terms) is not the site's terms, whatever it says.
 */
export function documentLinks(
  page: PageEvidence,
  ownDomains: readonly string[],
  lexicon: DocumentLexicon = documentLexicon(),
): DocumentLink[] {
  const party = new PartyResolver(ownDomains);
  const self = normaliseUrl(page.finalUrl ?? page.url);
  const seen = new Set<string>();
  const out: DocumentLink[] = [];
  for (const match of classifyLinks(page.links, lexicon)) {
    const host = hostOf(match.link.href);
    if (!host || party.isThirdParty(host)) continue;
    const url = documentUrl(match.link.href);
    // A "#privacy" anchor on the portal itself is a section of this page, not another document.
    if (normaliseUrl(url) === self && match.kind !== 'privacy') continue;
    const key = `${match.kind} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: match.kind, url, score: match.score, link: match.link });
  }
  return out;
}

/** Best link of each kind (highest score; the first in the page on a tie). */
export function bestDocumentLinks(page: PageEvidence, ownDomains: readonly string[], lexicon?: DocumentLexicon): DocumentLink[] {
  const best = new Map<DocumentKind, DocumentLink>();
  for (const d of documentLinks(page, ownDomains, lexicon)) if (!best.has(d.kind)) best.set(d.kind, d);
  return [...best.values()];
}

/**
 * Service links: links to hosts of the own domains other than the page's own host, the bare
 * registrable domain and its www (those are the parent domain and www, judged elsewhere).
 */
export function serviceLinks(page: PageEvidence, ownDomains: readonly string[]): ServiceLink[] {
  const party = new PartyResolver(ownDomains);
  const self = pageHost(page);
  const out = new Map<string, ServiceLink>();
  for (const link of page.links) {
    if (!/^https?:/i.test(link.href)) continue;
    const host = hostOf(link.href);
    if (!host || host === self || party.isThirdParty(host)) continue;
    const domain = registrableDomain(host);
    if (host === domain || host === `www.${domain}`) continue;
    if (!out.has(host)) out.set(host, { host: normaliseHost(host), url: documentUrl(link.href), link });
  }
  return [...out.values()];
}

export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}
