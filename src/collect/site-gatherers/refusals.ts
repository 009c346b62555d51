/**
 * Refusals gatherer: what the egress gate refused during the site's audit (a private address
 * behind a name, a redirect into the auditor's own network), as incidents, once the probes that
 * may add some are done.
 */
import type { PageIncident, RequestEvidence } from '../../contracts/evidence.js';
import { canonicalHost, type EgressGate, type EgressPath, type GateRefusal } from '../egress-gate.js';
import type { SiteGatherer } from './gatherer.js';

export const refusalsGatherer: SiteGatherer = {
  id: 'refusals',
  start(site) {
    return {
      async contextClosed({ requests }) {
        site.incidents.push(...refusalIncidents(site.gate, requests, site.target.href));
        return undefined;
      },
    };
  },
};

/**
 * What the gate refused, as incidents: a browser connection is reported with the request that
 * tried it (its URL, page, and whether a frame or a worker made it) when a page recorded that
 * request; otherwise, as the Node-side refusals, with the gate's own URL and path.
 */
function refusalIncidents(gate: EgressGate, requests: readonly RequestEvidence[], target: string): PageIncident[] {
  const incidents = new Map<string, PageIncident>();
  const add = (page: string, url: string, address: string, via: EgressPath): void => {
    const key = `${page}\u0000${url}\u0000${via}`;
    const known = incidents.get(key);
    if (known) known.count += 1;
    else incidents.set(key, { kind: 'privateAddress', page, url, detail: address, count: 1, via });
  };
  const byEndpoint = new Map<string, GateRefusal[]>();
  for (const refusal of gate.browserRefusals()) {
    const key = `${refusal.host}:${refusal.port}`;
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), refusal]);
  }
  const reported = new Set<GateRefusal>();
  for (const request of requests) {
    const endpoint = endpointOf(request.url);
    const candidates = endpoint ? (byEndpoint.get(endpoint) ?? []) : [];
    // A plain-HTTP refusal names its request's URL: only that request is it (a worker's request
    // to the same endpoint is another one). A tunnel's (CONNECT) names only the endpoint.
    const refusal = candidates.find((r) => r.url === request.url) ?? candidates.find((r) => r.url.startsWith('https:'));
    if (!refusal || request.status !== null) continue;
    reported.add(refusal);
    add(
      request.page,
      request.url,
      refusal.address,
      request.isMainFrame || request.resourceType === 'websocket' ? 'page' : request.frameUrl ? 'frame' : 'worker',
    );
  }
  for (const refusal of gate.refusals()) {
    if (!reported.has(refusal)) add(target, refusal.url, refusal.address, refusal.path);
  }
  return [...incidents.values()];
}

function endpointOf(url: string): string | null {
  try {
    const u = new URL(url);
    const port = u.port ? Number(u.port) : u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80;
    return `${canonicalHost(u.hostname)}:${port}`;
  } catch {
    return null;
  }
}
