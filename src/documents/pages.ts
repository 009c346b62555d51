/** Small helpers over audited pages, shared by the transparency evaluators. */
import type { PageEvidence } from '../contracts/evidence.js';
import type { Passage } from './text.js';
import { normaliseUrl } from './site-links.js';

/** A page that answered without an HTTP error and whose DOM was read. */
export function isReadable(page: PageEvidence): boolean {
  return page.status !== null && page.status < 400 && page.html !== null;
}

export function readablePages(pages: readonly PageEvidence[]): PageEvidence[] {
  return pages.filter(isReadable);
}

/** The audited page for a URL (as planned or as finally reached). */
export function pageAt(pages: readonly PageEvidence[], url: string): PageEvidence | undefined {
  const key = normaliseUrl(url);
  return pages.find((p) => normaliseUrl(p.url) === key) ?? pages.find((p) => p.finalUrl !== null && normaliseUrl(p.finalUrl) === key);
}

/** Site pages a visitor lands on (portal, parent, www), one per final address. */
export function sitePages(pages: readonly PageEvidence[]): PageEvidence[] {
  const seen = new Set<string>();
  return readablePages(pages).filter((p) => {
    if (p.role !== 'portal' && p.role !== 'parent' && p.role !== 'www') return false;
    const key = normaliseUrl(p.finalUrl ?? p.url);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Finding arguments for a quoted passage. */
export function passageArgs(passage: Passage, aspect?: string): Record<string, string> {
  return { quote: passage.quote, heading: passage.heading || '—', ...(aspect ? { aspect } : {}) };
}
