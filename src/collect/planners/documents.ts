/**
 * Documents planner: the portal's links to its legal notice, terms, privacy policy, about and
 * contact pages (own domains only), in that order, so the legal ones win the page budget.
 * They are audited like any page: a legal notice with a tracker is still a tracker.
 */
import { DOCUMENT_KINDS } from '../../documents/lexicon.js';
import { bestDocumentLinks, ROLE_OF_KIND } from '../../documents/site-links.js';
import type { PlannedPage } from './planner.js';
import type { PagePlanner } from './planner.js';

export const documentsPlanner: PagePlanner = {
  id: 'documents',
  plan({ portal, ownDomains, pages, lexicon }) {
    // The portal first; then the parent domain and www when an earlier planner visited them
    // (they may link their own legal notice).
    const homes = [
      portal,
      ...(pages ?? []).filter((p) => (p.role === 'parent' || p.role === 'www') && p.status !== null && p.status < 400),
    ];
    const best = homes.flatMap((home) => bestDocumentLinks(home, ownDomains, lexicon));
    const planned = new Map<string, PlannedPage>();
    for (const kind of DOCUMENT_KINDS) {
      for (const d of best) if (d.kind === kind && !planned.has(d.url)) planned.set(d.url, { url: d.url, role: ROLE_OF_KIND[kind] });
    }
    return [...planned.values()];
  },
};
