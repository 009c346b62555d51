/**
 * Page gatherers: each one records one part of a page's evidence (its requests, its cookies and
 * storage, its DOM, what it did to its visitor) by hooking the moments of a visit, as
 * Lighthouse's gatherers do. collectPage (../page.ts) drives the visit and calls the hooks of
 * every registered gatherer (./index.ts), in registry order, at each moment:
 *
 *   instrumentContext  once per site context, before any page (init scripts, bindings)
 *   beforeNavigation   the page is open, nothing loaded: attach listeners
 *   (navigation)       the driver's: goto, the main response (../navigation.ts)
 *   afterLoad          the load event fired (or its wait gave up): the visitor looks around
 *   (quiet window)     the driver waits for the network to go quiet
 *   beforeLeaving      settled: read the page while it is still there
 *   leave              the visitor leaves the page
 *   afterLeaving       always, even when the page never loaded, before it closes: detach
 *
 * A hook records its own failures (visit.fail) and should not throw; one that does costs only
 * its own part of the evidence (the driver notes it as a `collect` error naming the gatherer).
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { CollectError, PageEvidence, RequestEvidence, RequestPhase } from '../../contracts/evidence.js';
import type { EgressGate } from '../egress-gate.js';
import type { IncidentLog } from '../incident-log.js';
import type { NetworkQuietTracker } from '../network-quiet.js';
import type { PlannedPage } from '../planners/planner.js';

/** One page visit in progress: what the gatherers share, and where their evidence goes. */
export interface PageVisit {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly planned: PlannedPage;
  /** Date.now() when the visit began; request start times count from it. */
  readonly startedAt: number;
  /** The moment of the visit under way: what a request starting now is put down to. */
  readonly phase: RequestPhase;
  /** The page's evidence, filled in as the visit goes. */
  readonly evidence: PageEvidence;
  /** The page's requests, in the order they started. */
  readonly requests: RequestEvidence[];
  readonly incidents: IncidentLog;
  /** The visit's own "network idle": whoever sees requests start and end reports them here. */
  readonly network: NetworkQuietTracker<Request>;
  /** The site's egress gate, when there is one: it explains the failures it caused. */
  readonly gate: EgressGate | undefined;
  /** What is left of the page's budget, in ms (at least 1). */
  remaining(): number;
  /** What is left of the settle window (after the navigation, within the page's budget), in ms. */
  settleRemaining(): number;
  /** Records a failure in the page's errors; the visit goes on. */
  fail(stage: CollectError['stage'], error: unknown): void;
}

/** What a gatherer does at the later moments of one visit (each optional). */
export interface GathererHooks {
  afterLoad?(): Promise<void>;
  beforeLeaving?(): Promise<void>;
  leave?(): Promise<void>;
  afterLeaving?(): void;
}

export interface PageGatherer {
  id: string;
  /** Once per site context, before its pages: context-wide, so a page costs no round trip for it. */
  instrumentContext?(context: BrowserContext): Promise<void>;
  /** The page is open, nothing loaded yet: attach listeners; returns this visit's later hooks. */
  beforeNavigation(visit: PageVisit): GathererHooks | Promise<GathererHooks>;
}
