/**
 * The pages of one site: the portal first, then what the planners add, a few at once, within
 * --max-pages and the pages' share of the site budget. Planning starts as soon as the portal's
 * links are known (its quiet window then runs while the planned pages load), and again once it
 * has settled, for the links a script added late and the planners that wait for it.
 */
import type { BrowserContext } from 'playwright-core';
import type { CollectError, PageEvidence } from '../contracts/evidence.js';
import type { HostMapping, PageTiming } from '../contracts/settings.js';
import type { DocumentLexicon } from '../documents/lexicon.js';
import { ownDomainsOf } from '../domains/party.js';
import { limiter } from '../util/limit.js';
import { FOLLOW_UP_PRIORITY, type BrowserSession } from './browser-session.js';
import type { DnsResolver } from './dns/resolver.js';
import type { EgressGate } from './egress-gate.js';
import { collectPage, type CollectedPage, type PageCapture } from './page.js';
import type { PlannedPage } from './planners/planner.js';
import { planners as registeredPlanners } from './planners/index.js';
import type { PagePlanner } from './planners/planner.js';
import { errorText } from './timeout.js';

/**
 * Pages of one planner visited at once in the site's context. A page spends most of its time
 * waiting for the network to go quiet, so overlapping a few shortens a site far more than it
 * loads the CPU (npm run bench measures it).
 */
export const PAGES_AT_ONCE = 3;

export interface SitePagesInput {
  session: BrowserSession;
  context: BrowserContext;
  target: URL;
  timing: PageTiming;
  maxPages: number;
  /** No page starts after this (epoch ms); a page's own bound never goes past it. */
  pagesDeadline: number;
  gate: EgressGate;
  capture: PageCapture | undefined;
  /** --own-domain: with the target and the portal's final URL, the site's own domains. */
  ownDomains: readonly string[];
  planners?: readonly PagePlanner[] | undefined;
  resolver?: DnsResolver | null | undefined;
  mappings: readonly HostMapping[];
  lexicon?: DocumentLexicon | undefined;
  /** Where a page not visited, or lost, is said. */
  errors: CollectError[];
  /** Once the portal is first known (loaded, or its visit over): what needs only its address starts. */
  onPortal(portal: PageEvidence): void;
}

export interface SitePages {
  /** Null when the portal's visit itself was lost (its error is in `errors`). */
  portal: CollectedPage | null;
  /** In planned order, whatever ended first. */
  followUps: CollectedPage[];
}

export async function visitSitePages(input: SitePagesInput): Promise<SitePages> {
  const { session, context, target, errors } = input;
  const visited = new Set<string>();
  /** Claims a planned page (no duplicate, within --max-pages); null when it is not to be visited. */
  const claim = (planned: PlannedPage): PlannedPage | null => {
    if (visited.has(planned.url) || visited.size >= input.maxPages) return null;
    visited.add(planned.url);
    return planned;
  };
  // collectPage records its failures instead of throwing; should that ever change, a page lost
  // is one error, not the site's collection aborted with its context open.
  const visitOne = (
    planned: PlannedPage,
    onSettling?: (early: PageEvidence) => void,
    onSettled?: (settled: PageEvidence) => void,
  ): Promise<CollectedPage | null> =>
    session
      .pageSlots(
        async () => {
          const left = input.pagesDeadline - Date.now();
          if (left < 1_000) {
            errors.push({ stage: 'plan', page: planned.url, message: 'site time budget exhausted before this page' });
            return null;
          }
          const timing = { ...input.timing, timeoutMs: Math.min(input.timing.timeoutMs, left) };
          const collected = await collectPage(context, planned, timing, {
            capture: input.capture,
            gate: input.gate,
            onSettling,
            onSettled,
            locale: session.locale,
          });
          // Not opened within what the site budget left it: the site ran out of time, which says
          // nothing of the browser (relaunching it and retrying the site would gain nothing).
          if (collected.stalled && timing.timeoutMs < input.timing.timeoutMs) {
            errors.push({
              stage: 'plan',
              page: planned.url,
              message: `site time budget exhausted before this page: ${collected.page.error ?? 'no page'}`,
            });
            return null;
          }
          return collected;
        },
        planned.role === 'portal' ? 0 : FOLLOW_UP_PRIORITY,
      )
      .catch((error: unknown) => {
        errors.push({ stage: 'collect', page: planned.url, message: errorText(error) });
        return null;
      });
  const followUps: CollectedPage[] = [];
  /** One planner's pages, a few at once; the evidence keeps the planned order, whatever ends first. */
  const visitAll = async (planned: readonly PlannedPage[]): Promise<void> => {
    const claimed = planned.map(claim).filter((p): p is PlannedPage => p !== null);
    const at = limiter(PAGES_AT_ONCE);
    for (const collected of await Promise.all(claimed.map((p) => at(() => visitOne(p))))) {
      if (collected) followUps.push(collected);
    }
  };
  /**
   * Planner after planner: a later one may build on the pages an earlier one added. Before the
   * portal has settled, only the planners that do not wait for it (the others are the first to
   * give way to --max-pages, so they must not take pages a late link may still claim).
   */
  const planAndVisit = async (portal: PageEvidence, settled: boolean): Promise<void> => {
    const ownDomains = ownDomainsOf(target.href, [portal.finalUrl], input.ownDomains);
    for (const planner of input.planners ?? registeredPlanners) {
      if (!settled && planner.afterSettle) continue;
      let planned: PlannedPage[] = [];
      try {
        planned = await planner.plan({
          target,
          portal,
          pages: [portal, ...followUps.map((c) => c.page)],
          ownDomains,
          ...(input.resolver ? { dns: input.resolver } : {}),
          mappings: input.mappings,
          ...(input.lexicon ? { lexicon: input.lexicon } : {}),
        });
      } catch (error) {
        errors.push({ stage: 'plan', page: target.href, message: `${planner.id}: ${errorText(error)}` });
      }
      await visitAll(planned);
    }
  };

  // The portal's links are known once it has loaded; its quiet window (late requests) then
  // runs while the planned pages load, instead of before them.
  let settling: (early: PageEvidence) => void = () => undefined;
  const early = new Promise<PageEvidence>((resolve) => (settling = resolve));
  const portalPlanned: PlannedPage = { url: target.href, role: 'portal' };
  visited.add(portalPlanned.url);
  let readBeforeLeaving: (settled: PageEvidence) => void = () => undefined;
  const read = new Promise<PageEvidence>((resolve) => (readBeforeLeaving = resolve));
  const portalVisit = visitOne(portalPlanned, settling, readBeforeLeaving);
  const first = await Promise.race([
    early.then((page) => ({ page, settled: false })),
    portalVisit.then((c) => ({ page: c?.page ?? null, settled: true })),
  ]);
  if (first.page) {
    input.onPortal(first.page);
    await planAndVisit(first.page, first.settled);
  }
  // Planned again from the settled portal (read before the visitor leaves it): links a script
  // added late are visited too (the pages already visited are not visited twice), and the
  // planners that wait for it.
  const settledPortal = first.settled ? null : await Promise.race([read, portalVisit.then((c) => c?.page ?? null)]);
  if (settledPortal) await planAndVisit(settledPortal, true);
  return { portal: await portalVisit, followUps };
}
