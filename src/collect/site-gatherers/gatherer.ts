/**
 * Site gatherers: the parts of a site's evidence that are not a page's (ChatonsInfos files, DNS,
 * TLS and plain-HTTP probes, what the egress gate refused), each hooking the moments of the
 * site's collection, as page gatherers (../gatherers/) hook a page visit. collectSite (../site.ts)
 * calls them in registry order (./index.ts):
 *
 *   portalKnown     the portal is first known (loaded, or its visit over), the other pages to come
 *   pagesVisited    every page visited, the browser context still open
 *   contextClosed   the context closed; what is left of the site budget
 *
 * A hook returns its part of the Evidence (the evidence keeps the registry order), and records
 * its failures in `errors`; one that throws costs its own part only.
 */
import type { CollectError, Evidence, PageEvidence, PageIncident, RequestEvidence } from '../../contracts/evidence.js';
import type { EgressGate } from '../egress-gate.js';
import type { SiteCollectOptions } from '../site-options.js';

export interface SiteVisit {
  readonly target: URL;
  readonly options: SiteCollectOptions;
  /** Every connection of the site's audit passes here, the auditor's own included. */
  readonly gate: EgressGate;
  /** Epoch ms: when the pages' share of the site budget ends, and when the site's does. */
  readonly pagesDeadline: number;
  readonly deadline: number;
  /** Time left until `end` (epoch ms), never under a second: closing work gets its chance. */
  leftUntil(end: number): number;
  readonly errors: CollectError[];
  readonly incidents: PageIncident[];
}

export interface VisitedPages {
  pages: readonly PageEvidence[];
  requests: readonly RequestEvidence[];
}

/** What a site gatherer adds to the Evidence. */
export type SitePart = Partial<Pick<Evidence, 'dns' | 'tls' | 'httpProbes' | 'chatonsinfos'>>;

export interface SiteGathererHooks {
  portalKnown?(portal: PageEvidence): void;
  pagesVisited?(visited: VisitedPages): Promise<SitePart | undefined>;
  contextClosed?(visited: VisitedPages): Promise<SitePart | undefined>;
}

export interface SiteGatherer {
  id: string;
  /** Before the site's first page: returns this site's hooks. */
  start(site: SiteVisit): SiteGathererHooks;
}
