/**
 * Facts derived from the Evidence once per audit and shared by every evaluator
 * (Lighthouse's computed artifacts): own domains and each host's party.
 */
import type { Evidence, PageEvidence } from '../contracts/evidence.js';
import type { TrackerMatch } from '../contracts/result.js';
import { hostOf, normaliseHost, ownDomainsOf, PartyResolver } from '../domains/party.js';

export interface Derived {
  party: PartyResolver;
  portal: PageEvidence | undefined;
  /**
   * Names the tracker behind a host (issue 3's tracker knowledge). Optional seam: no-cname-cloaking
   * uses it to name the tracker at the end of a CNAME chain when it is wired.
   */
  trackerForHost?: (host: string) => TrackerMatch | undefined;
}

export function derive(evidence: Pick<Evidence, 'target' | 'pages' | 'options' | 'dns'>): Derived {
  const portal = evidence.pages.find((p) => p.role === 'portal');
  const ownDomains = ownDomainsOf(evidence.target, [portal?.finalUrl ?? null], evidence.options.ownDomains);
  // Cloaking is decided here once, so every third-party rule sees it (DESIGN.md).
  const cnames = new Map((evidence.dns ?? []).filter((r) => r.cname.length > 0).map((r) => [normaliseHost(r.host), r.cname]));
  const pageHosts = evidence.pages.flatMap((p) => [p.url, p.finalUrl]).flatMap((u) => (u ? [hostOf(u) ?? ''] : []));
  return { party: new PartyResolver(ownDomains, cnames, pageHosts), portal };
}
