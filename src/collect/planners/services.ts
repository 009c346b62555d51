/**
 * Services planner: the portal's links to service hosts of the own domains (pad.example.org,
 * cloud.example.org...). Reviewers must be able to try at least one service.
 */
import { serviceLinks } from '../../documents/site-links.js';
import type { PagePlanner } from './planner.js';

/** Enough to show that services answer without spending the whole page budget on them. */
export const MAX_SERVICE_PAGES = 6;

export const servicesPlanner: PagePlanner = {
  id: 'services',
  plan({ portal, ownDomains }) {
    return serviceLinks(portal, ownDomains).slice(0, MAX_SERVICE_PAGES).map((s) => ({ url: s.url, role: 'service' as const }));
  },
};
