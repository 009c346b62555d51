/**
 * Services planner: the portal's links to service hosts of the own domains (pad.example.org,
 * cloud.example.org...). Reviewers must be able to try at least one service.
 */
import { serviceLinks } from '../../documents/site-links.js';
import type { PagePlanner } from './planner.js';

/** Enough to show that services answer without spending the whole page budget on them. */
const MAX_SERVICE_PAGES = 6;

export const servicesPlanner: PagePlanner = {
  id: 'services',
  // Last in the page budget: planned once the portal has settled, so the early pass cannot give
  // the budget to services before a late legal-notice link is seen.
  afterSettle: true,
  plan({ portal, ownDomains }) {
    return serviceLinks(portal, ownDomains)
      .slice(0, MAX_SERVICE_PAGES)
      .map((s) => ({ url: s.url, role: 'service' as const }));
  },
};
