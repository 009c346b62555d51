/**
 * Facts derived from the Evidence once per audit and shared by every evaluator
 * (Lighthouse's computed artifacts): own domains and each host's party.
 */
import type { Evidence, PageEvidence } from '../contracts/evidence.js';
import { ownDomainsOf, PartyResolver } from '../domains/party.js';
import type { RequestEvidence } from '../contracts/evidence.js';
import type { TrackerMatch } from '../contracts/result.js';
import { nameRequest } from '../trackers/index.js';

export interface Derived {
  party: PartyResolver;
  portal: PageEvidence | undefined;
  /** Who is behind a request (tracker knowledge, src/trackers/), memoised per request. */
  trackerOf(request: RequestEvidence): TrackerMatch | undefined;
}

export function derive(evidence: Pick<Evidence, 'target' | 'pages' | 'options'>): Derived {
  const portal = evidence.pages.find((p) => p.role === 'portal');
  const ownDomains = ownDomainsOf(evidence.target, [portal?.finalUrl ?? null], evidence.options.ownDomains);
  const trackers = new WeakMap<RequestEvidence, TrackerMatch | null>();
  const trackerOf = (r: RequestEvidence): TrackerMatch | undefined => {
    let match = trackers.get(r);
    if (match === undefined) {
      match = nameRequest(r.url, r.resourceType, r.frameUrl ?? r.page, r.resourceType === 'document' && !r.isMainFrame) ?? null;
      trackers.set(r, match);
    }
    return match ?? undefined;
  };
  return { party: new PartyResolver(ownDomains), portal, trackerOf };
}
