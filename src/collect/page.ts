/**
 * Visits one page the way a reviewer would (nothing clicked, no consent given): opens it, navigates
 * (./navigation.ts), waits for the load, lets the visitor look around, waits for the network to go
 * quiet, reads the page, then leaves it (hidden, unloaded) with a short grace for what the page
 * sends on its way out. What is recorded at each of these moments is the registered gatherers'
 * (./gatherers/). Never throws: failures land in the evidence.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { CollectError, PageEvidence, PageIncident, RequestEvidence, RequestPhase } from '../contracts/evidence.js';
import { localizePage, presentAsDesktop } from './desktop.js';
import type { PageTiming } from '../contracts/settings.js';
import type { EgressGate } from './egress-gate.js';
import { readLinksNow } from './gatherers/dom.js';
import type { GathererHooks, PageGatherer, PageVisit } from './gatherers/gatherer.js';
import type { PlannedPage } from './planners/planner.js';
import { pageGatherers } from './gatherers/index.js';
import { IncidentLog } from './incident-log.js';
import { navigate } from './navigation.js';
import { NetworkQuietTracker } from './network-quiet.js';
import { errorText, withTimeout } from './timeout.js';

/** Called once a page has settled, before it closes (the evidence pack's screenshots). */
export type PageCapture = (page: Page, evidence: PageEvidence) => Promise<void>;

export interface CollectedPage {
  page: PageEvidence;
  requests: RequestEvidence[];
  errors: CollectError[];
  incidents: PageIncident[];
  /** The browser did not open the page (the tool's failure: the site was not visited). */
  stalled?: true;
}

/** Optional hooks of a page visit: the evidence pack's capture, the site's egress gate. */
export interface PageHooks {
  capture?: PageCapture | undefined;
  /** The gate the site's connections go through: explains the failures it caused. */
  gate?: EgressGate | undefined;
  /**
   * Called once the page has loaded, before its quiet window, with what is known by then (final
   * URL, status, links; no HTML yet): the site plans its next pages from it meanwhile.
   */
  onSettling?: ((early: PageEvidence) => void) | undefined;
  /**
   * Called once the page has settled and been read, before the visitor leaves it: the site plans
   * the pages that need the settled portal meanwhile, instead of after the leaving grace.
   */
  onSettled?: ((settled: PageEvidence) => void) | undefined;
  /** The page's Intl locale (BrowserSession.locale); Chromium's own when absent. */
  locale?: string | undefined;
}

/**
 * Once per site context, before collectPage: what every page of the site gets before its own
 * scripts run (each gatherer's instrumentation, the desktop presentation). Context-wide, so a
 * page costs no extra browser round trips before its visit.
 */
export async function instrumentSiteContext(context: BrowserContext, gatherers: readonly PageGatherer[] = pageGatherers): Promise<void> {
  await Promise.all([...gatherers.map((g) => g.instrumentContext?.(context)), presentAsDesktop(context)]);
}

/** `gatherers`: the registered ones (./gatherers/index.ts) unless a test passes its own. */
export async function collectPage(
  context: BrowserContext,
  planned: PlannedPage,
  timing: PageTiming,
  { capture, gate, onSettling, onSettled, locale }: PageHooks = {},
  gatherers: readonly PageGatherer[] = pageGatherers,
): Promise<CollectedPage> {
  const startedAt = Date.now();
  const deadline = startedAt + timing.timeoutMs;
  const remaining = (): number => Math.max(1, deadline - Date.now());
  let settleDeadline = deadline;
  const errors: CollectError[] = [];
  const evidence: PageEvidence = {
    url: planned.url,
    finalUrl: null,
    role: planned.role,
    status: null,
    redirects: [],
    headers: {},
    error: null,
    title: null,
    html: null,
    links: [],
    loadMs: 0,
    settleCapped: false,
  };
  const fail = (stage: CollectError['stage'], error: unknown): void => {
    errors.push({ stage, page: planned.url, message: errorText(error) });
  };

  let page: Page;
  try {
    page = await withTimeout(context.newPage(), remaining(), 'newPage');
  } catch (error) {
    fail('browser', error);
    evidence.error = errorText(error);
    return { page: evidence, requests: [], errors, incidents: [], stalled: true };
  }
  if (locale)
    await withTimeout(localizePage(context, page, locale), remaining(), 'locale').catch((error: unknown) => fail('browser', error));

  let phase: RequestPhase = 'load';
  const visit: PageVisit = {
    context,
    page,
    planned,
    startedAt,
    evidence,
    requests: [],
    incidents: new IncidentLog(planned.url),
    network: new NetworkQuietTracker<Request>(),
    gate,
    get phase() {
      return phase;
    },
    remaining,
    settleRemaining: () => Math.max(1, settleDeadline - Date.now()),
    fail,
  };
  const attached = await attach(visit, gatherers);
  try {
    if (await navigate(visit)) {
      settleDeadline = Math.min(deadline - 1_000, Date.now() + timing.settleCapMs);
      await page.waitForLoadState('load', { timeout: visit.settleRemaining() }).catch(() => undefined);
      phase = 'interaction';
      await runHooks(visit, attached, 'afterLoad');
      if (onSettling) {
        // What the site plans from while this page's quiet window runs: no HTML yet.
        const links = await readLinksNow(page, visit.settleRemaining()).catch(() => []);
        onSettling({ ...evidence, finalUrl: evidence.finalUrl ?? page.url(), links });
      }
      phase = 'late';
      const quiet = await visit.network.waitForQuiet({ quietMs: timing.quietMs, capMs: visit.settleRemaining(), staleMs: 3_000 });
      evidence.settleCapped = !quiet;
      await runHooks(visit, attached, 'beforeLeaving');
      if (capture) await withTimeout(capture(page, evidence), remaining(), 'capture').catch((error: unknown) => fail('extract', error));
      onSettled?.({ ...evidence });
      phase = 'leave';
      await runHooks(visit, attached, 'leave');
    }
  } finally {
    evidence.loadMs = Date.now() - startedAt;
    await runHooks(visit, attached, 'afterLeaving');
    await withTimeout(page.close({ runBeforeUnload: false }), 5_000, 'close').catch(() => undefined);
  }
  return { page: evidence, requests: visit.requests, errors, incidents: visit.incidents.all };
}

interface Attached {
  id: string;
  hooks: GathererHooks;
}

/** Each gatherer's listeners, in registry order; one that fails to attach is left out of this visit. */
async function attach(visit: PageVisit, gatherers: readonly PageGatherer[]): Promise<Attached[]> {
  const attached: Attached[] = [];
  for (const gatherer of gatherers) {
    try {
      attached.push({ id: gatherer.id, hooks: await gatherer.beforeNavigation(visit) });
    } catch (error) {
      visit.fail('collect', `${gatherer.id}: ${errorText(error)}`);
    }
  }
  return attached;
}

/** One moment of the visit, gatherer after gatherer: one that throws loses its own part only. */
async function runHooks(
  visit: PageVisit,
  attached: readonly Attached[],
  moment: 'afterLoad' | 'beforeLeaving' | 'leave' | 'afterLeaving',
): Promise<void> {
  for (const { id, hooks } of attached) {
    try {
      await hooks[moment]?.();
    } catch (error) {
      visit.fail('collect', `${id}: ${errorText(error)}`);
    }
  }
}
