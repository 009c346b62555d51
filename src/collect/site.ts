/**
 * Collects the Evidence of one site: a fresh browser context, its pages (./site-pages.ts: the
 * portal first, then what the plan adds), and what the site gatherers (./site-gatherers/) add
 * around them, all inside the site's time bound. Never throws past this function, but for a
 * browser that cannot open the site's context or pages (BrowserStalled: the tool's failure).
 */
import type { CollectError, Evidence, PageEvidence, PageIncident, RequestEvidence } from '../contracts/evidence.js';
import { packageInfo } from '../util/paths.js';
import type { BrowserContext } from 'playwright-core';
import type { BrowserSession } from './browser-session.js';
import { instrumentSiteContext } from './page.js';
import { EgressGate, resolverLookup } from './egress-gate.js';
import { BrowserStalled, errorText, withTimeout } from './timeout.js';
import type { SiteCollectOptions } from './site-options.js';
import { closeSitePack, openSitePack, type SitePack } from './evidence-pack.js';
import { visitSitePages } from './site-pages.js';
import type { SiteGatherer, SiteGathererHooks, SitePart, SiteVisit, VisitedPages } from './site-gatherers/gatherer.js';
import { siteGatherers } from './site-gatherers/index.js';

/** DESIGN.md: a site as a whole is bounded by 4x the per-page timeout. */
const SITE_BUDGET_FACTOR = 4;
/** At most this much of the site budget is kept for what follows the pages. */
const POST_PAGES_RESERVE_MS = 5_000;

async function openSiteContext(session: BrowserSession, gate: EgressGate, harPath: string | undefined): Promise<BrowserContext> {
  const context = await session.newSiteContext(gate, harPath);
  try {
    await instrumentSiteContext(context);
    return context;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** `registered`: the site gatherers of ./site-gatherers/index.ts unless a test passes its own. */
export async function collectSite(
  session: BrowserSession,
  target: URL,
  options: SiteCollectOptions,
  registered: readonly SiteGatherer[] = siteGatherers,
): Promise<Evidence> {
  const startedAt = new Date();
  const budget = SITE_BUDGET_FACTOR * options.timing.timeoutMs;
  const deadline = startedAt.getTime() + budget;
  // Pages stop early enough to leave the closing work (context, DNS and TLS checks) its share.
  const pagesDeadline = deadline - Math.min(POST_PAGES_RESERVE_MS, budget / 8);
  const errors: CollectError[] = [];
  const incidents: PageIncident[] = [];
  // Every connection of this site's audit, the browser's and the auditor's own, passes here.
  const gate = new EgressGate({
    mappings: options.probe.mappings,
    allowPrivate: options.allowPrivate ?? false,
    ...(options.resolver && options.resolver.servers.length > 0 ? { lookup: resolverLookup(options.resolver) } : {}),
  });

  let pack: SitePack | null = null;
  try {
    if (options.evidenceDir) pack = openSitePack(options.evidenceDir, target);
  } catch (error) {
    errors.push({ stage: 'collect', page: target.href, message: `evidence pack: ${errorText(error)}` });
  }
  let context: BrowserContext;
  try {
    context = await withTimeout(openSiteContext(session, gate, pack?.harPath), options.timing.timeoutMs, 'newContext');
  } catch (error) {
    // No context, no visit: the browser's failure, not the site's, which is never judged on it.
    throw new BrowserStalled(errorText(error));
  }

  const site: SiteVisit = {
    target,
    options,
    gate,
    pagesDeadline,
    deadline,
    errors,
    incidents,
    leftUntil: (end) => Math.max(1_000, end - Date.now()),
  };
  const gatherers = registered.map((g) => ({ id: g.id, hooks: startGatherer(site, g.id, () => g.start(site)), part: {} as SitePart }));
  const { portal, followUps } = await visitSitePages({
    session,
    context,
    target,
    timing: options.timing,
    maxPages: options.maxPages,
    pagesDeadline,
    gate,
    capture: pack?.capture,
    ownDomains: options.evidenceOptions.ownDomains,
    planners: options.planners,
    resolver: options.resolver,
    mappings: options.probe.mappings,
    lexicon: options.lexicon,
    errors,
    onPortal: (early) => {
      for (const { id, hooks } of gatherers) void guarded(site, id, () => hooks.portalKnown?.(early));
    },
  });
  const stalled = [portal, ...followUps].find((c) => c?.stalled);
  if (stalled) {
    await withTimeout(context.close(), 5_000, 'closeContext').catch(() => undefined);
    throw new BrowserStalled(`${stalled.page.url}: ${stalled.page.error ?? 'no page'}`);
  }
  const pages: PageEvidence[] = [];
  const requests: RequestEvidence[] = [];
  for (const collected of portal ? [portal, ...followUps] : followUps) {
    incidents.push(...collected.incidents);
    pages.push(collected.page);
    requests.push(...collected.requests);
    errors.push(...collected.errors);
  }
  const visited: VisitedPages = { pages, requests };
  const at = async (moment: 'pagesVisited' | 'contextClosed'): Promise<void> => {
    for (const gatherer of gatherers) {
      const part = await guarded(site, gatherer.id, () => gatherer.hooks[moment]?.(visited));
      if (part) Object.assign(gatherer.part, part);
    }
  };
  await at('pagesVisited');
  const harWritten = await withTimeout(context.close(), Math.min(10_000, site.leftUntil(deadline)), 'closeContext').then(
    () => true,
    () => false,
  );
  await at('contextClosed');

  const ownTraffic = session.ownConnectionsSince(startedAt.getTime()).map((c) => c.url);
  const evidence: Evidence = {
    evidenceVersion: 1,
    tool: { name: packageInfo.name, version: packageInfo.version, browser: session.description },
    target: target.href,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: options.evidenceOptions,
    pages,
    requests,
    errors,
    ...(Object.assign({}, ...gatherers.map((g) => g.part)) as SitePart),
    incidents,
    ...(ownTraffic.length > 0 ? { browserOwnTraffic: [...new Set(ownTraffic)] } : {}),
  };
  if (pack) {
    try {
      evidence.pack = closeSitePack(pack, evidence, harWritten);
    } catch (error) {
      errors.push({ stage: 'collect', page: target.href, message: `evidence pack: ${errorText(error)}` });
    }
  }
  return evidence;
}

/** A site gatherer's step: one that throws loses its own part, said as an error of the site. */
async function guarded<T>(site: SiteVisit, id: string, step: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    gathererFailed(site, id, error);
    return undefined;
  }
}

function startGatherer(site: SiteVisit, id: string, start: () => SiteGathererHooks): SiteGathererHooks {
  try {
    return start();
  } catch (error) {
    gathererFailed(site, id, error);
    return {};
  }
}

function gathererFailed(site: SiteVisit, id: string, error: unknown): void {
  site.errors.push({ stage: 'collect', page: site.target.href, message: `${id}: ${errorText(error)}` });
}
