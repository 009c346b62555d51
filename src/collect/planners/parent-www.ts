/**
 * Plans the parent domain and www. beside the portal. The audit's own DNS decides whether they
 * exist (NXDOMAIN / no address → not visited; parent-domain-consistent reports them from the DNS
 * evidence). A host named by an explicit --map-host pattern is visited whatever DNS says.
 */
import { isExplicitlyMapped } from '../map-host.js';
import { neighboursOf } from '../../domains/parent-www.js';
import type { PlannedPage } from './planner.js';
import type { PagePlanner } from './planner.js';

const ABSENT = new Set(['nxdomain', 'nodata']);

export const parentWwwPlanner: PagePlanner = {
  id: 'parent-www',
  async plan({ target, dns, mappings }) {
    // Both names are asked at once: a slow DNS server costs one timeout, not two.
    const planned = await Promise.all(
      neighboursOf(target.hostname).map(async ({ host, role }): Promise<PlannedPage | null> => {
        if (!isExplicitlyMapped(mappings ?? [], host) && dns) {
          const record = await dns.lookup(host);
          // Only a definite "does not exist" skips the visit; a DNS failure leaves it to the browser.
          if (ABSENT.has(record.status)) return null;
        }
        return { url: `${target.protocol}//${host}/`, role };
      }),
    );
    return planned.filter((p): p is PlannedPage => p !== null);
  },
};
