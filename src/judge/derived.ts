/**
 * Facts derived from the Evidence once per audit and shared by every evaluator
 * (Lighthouse's computed artifacts): own domains and each host's party.
 */
import type { Evidence, PageEvidence } from '../contracts/evidence.js';
import type { RequestEvidence } from '../contracts/evidence.js';
import type { TrackerMatch } from '../contracts/result.js';
import { hostOf, normaliseHost, ownDomainsOf, PartyResolver } from '../domains/party.js';
import { nameRequest, trackerForHost } from '../trackers/index.js';

export interface Derived {
  party: PartyResolver;
  portal: PageEvidence | undefined;
  /** Who is behind a request (tracker knowledge, src/trackers/), memoised per request. */
  trackerOf(request: RequestEvidence): TrackerMatch | undefined;
  /** Who is behind a host name: no-cname-cloaking names the tracker at the end of a CNAME chain. */
  trackerForHost(host: string): TrackerMatch | undefined;
}

export function derive(evidence: Pick<Evidence, 'target' | 'pages' | 'options' | 'dns'>): Derived {
  const portal = evidence.pages.find((p) => p.role === 'portal');
  const ownDomains = ownDomainsOf(evidence.target, [portal?.finalUrl ?? null], evidence.options.ownDomains);
  // Cloaking is decided here once, so every third-party rule sees it (DESIGN.md).
  const cnames = new Map((evidence.dns ?? []).filter((r) => r.cname.length > 0).map((r) => [normaliseHost(r.host), r.cname]));
  const pageHosts = evidence.pages.flatMap((p) => [p.url, p.finalUrl]).flatMap((u) => (u ? [hostOf(u) ?? ''] : []));
  const trackers = new WeakMap<RequestEvidence, TrackerMatch | null>();
  const trackerOf = (r: RequestEvidence): TrackerMatch | undefined => {
    let match = trackers.get(r);
    if (match === undefined) {
      match = nameRequest(r.url, r.resourceType, r.frameUrl ?? r.page, r.resourceType === 'document' && !r.isMainFrame) ?? null;
      trackers.set(r, match);
    }
    return match ?? undefined;
  };
  return { party: new PartyResolver(ownDomains, cnames, pageHosts), portal, trackerOf, trackerForHost };
}
