/**
 * The neighbours of a portal a reviewer also types in: the parent domain and www. (CHARTER.md,
 * parent-domain-consistent). Portal on a subdomain → the apex and www.apex; portal at the apex
 * → www.apex; portal at www.apex → the apex.
 */
import type { PageRole } from '../contracts/evidence.js';
import { normaliseHost, registrableDomain } from './party.js';
import { isIP } from 'node:net';

export interface Neighbour {
  host: string;
  role: Extract<PageRole, 'parent' | 'www'>;
}

export function neighboursOf(portalHost: string): Neighbour[] {
  const host = normaliseHost(portalHost);
  if (isIP(host)) return [];
  const apex = registrableDomain(host);
  if (apex === host && !apex.includes('.')) return [];
  const candidates: Neighbour[] = [
    { host: apex, role: 'parent' },
    { host: `www.${apex}`, role: 'www' },
  ];
  return candidates.filter((c) => c.host !== host);
}
