/**
 * Documents planner: the portal's links to its legal notice, terms, privacy policy, about and
 * contact pages (own domains only), in that order, so the legal ones win the page budget.
 * They are audited like any page: a legal notice with a tracker is still a tracker.
 */
import { DOCUMENT_KINDS } from '../../documents/lexicon.js';
import { bestDocumentLinks, ROLE_OF_KIND } from '../../documents/site-links.js';
import type { PagePlanner } from './planner.js';

export const documentsPlanner: PagePlanner = {
  id: 'documents',
  plan({ portal, ownDomains }) {
    const best = bestDocumentLinks(portal, ownDomains);
    return DOCUMENT_KINDS.flatMap((kind) => best.filter((d) => d.kind === kind))
      .map((d) => ({ url: d.url, role: ROLE_OF_KIND[d.kind] }));
  },
};
