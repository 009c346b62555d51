/**
 * Collects the Evidence of one site: a fresh browser context, the portal first, then the pages
 * the plan adds, all inside the site's time bound. Never throws past this function.
 */
import type { CollectError, Evidence, EvidenceOptions, PageEvidence, PageIncident, RequestEvidence } from '../contracts/evidence.js';
import { packageInfo } from '../util/paths.js';
import type { BrowserContext } from 'playwright-core';
import { FOLLOW_UP_PRIORITY, type BrowserSession } from './browser-session.js';
import { collectChatonsInfos } from './chatonsinfos.js';
import type { ChatonsInfosEvidence } from '../contracts/evidence.js';
import { collectPage, instrumentSiteContext, type CollectedPage, type PlannedPage } from './page.js';
import { limiter } from '../util/limit.js';
import { planners } from './planners/index.js';
import { canonicalHost, EgressGate, resolverLookup, type EgressPath, type GateRefusal } from './egress-gate.js';
import type { Settings } from '../contracts/settings.js';
import type { PagePlanner } from './planners/planner.js';
import { ownDomainsOf } from '../domains/party.js';
import { BrowserStalled, errorText, withTimeout } from './timeout.js';
import type { DnsResolver } from './dns/resolver.js';
import { neighboursOf } from '../domains/parent-www.js';
import type { DocumentLexicon } from '../documents/lexicon.js';
import { runNetworkChecks, type NetworkChecks } from './network-checks.js';
import type { ProbeOptions } from './tls-probe.js';
import { closeSitePack, openSitePack, type SitePack } from './evidence-pack.js';

/** What collectSite reads of the run's settings, and the objects the auditor made for this site. */
export type SiteCollectOptions = Pick<Settings, 'timing' | 'maxPages' | 'evidenceDir'> & {
  evidenceOptions: EvidenceOptions;
  /** Defaults to the registered planners; tests may pass their own. */
  planners?: readonly PagePlanner[];
  /** The audit's DNS resolver (fresh per site: its cache is the audit's). */
  resolver?: DnsResolver | null;
  /** How the auditor's own connections (TLS/HTTP probes, ChatonsInfos) reach hosts: --map-host, --ca-cert. */
  probe: ProbeOptions;
  /** The egress gate's settings: --map-host, and --allow-private (private addresses refused when absent). */
  guard?: NetworkGuard;
  /** The rule set's documents lexicon (CHATONS_AUDIT_RULES_DIR); the packaged one when absent. */
  lexicon?: DocumentLexicon;
};

export type NetworkGuard = Pick<Settings, 'mappings' | 'allowPrivate'>;

/** DESIGN.md: a site as a whole is bounded by 4x the per-page timeout. */
export const SITE_BUDGET_FACTOR = 4;
/**
 * Pages of one planner visited at once in the site's context. A page spends most of its time
 * waiting for the network to go quiet, so overlapping a few shortens a site far more than it
 * loads the CPU (npm run bench measures it).
 */
export const PAGES_AT_ONCE = 3;
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

export async function collectSite(session: BrowserSession, target: URL, options: SiteCollectOptions): Promise<Evidence> {
  const startedAt = new Date();
  const budget = SITE_BUDGET_FACTOR * options.timing.timeoutMs;
  const deadline = startedAt.getTime() + budget;
  // Pages stop early enough to leave the closing work (context, DNS and TLS checks) its share.
  const pagesDeadline = deadline - Math.min(POST_PAGES_RESERVE_MS, budget / 8);
  const leftUntil = (end: number): number => Math.max(1_000, end - Date.now());
  const pages: PageEvidence[] = [];
  const requests: RequestEvidence[] = [];
  const errors: CollectError[] = [];
  const incidents: PageIncident[] = [];
  // Every connection of this site's audit, the browser's and the auditor's own, passes here.
  const gate = new EgressGate({
    mappings: options.guard?.mappings ?? options.probe.mappings,
    allowPrivate: options.guard?.allowPrivate ?? false,
    ...(options.resolver && options.resolver.servers.length > 0 ? { lookup: resolverLookup(options.resolver) } : {}),
  });
  const visited = new Set<string>();
  let chatonsinfos: ChatonsInfosEvidence | undefined;

  let pack: SitePack | null = null;
  try {
    if (options.evidenceDir) pack = openSitePack(options.evidenceDir, target);
  } catch (error) {
    errors.push({ stage: 'collect', page: target.href, message: `evidence pack: ${errorText(error)}` });
  }
  let context;
  let harWritten = false;
  try {
    context = await withTimeout(openSiteContext(session, gate, pack?.harPath), options.timing.timeoutMs, 'newContext');
  } catch (error) {
    // No context, no visit: the browser's failure, not the site's, which is never judged on it.
    throw new BrowserStalled(errorText(error));
  }
  if (context) {
    const siteContext = context;
    /** Claims a planned page (no duplicate, within --max-pages); null when it is not to be visited. */
    const claim = (planned: PlannedPage): PlannedPage | null => {
      if (visited.has(planned.url) || visited.size >= options.maxPages) return null;
      visited.add(planned.url);
      return planned;
    };
    // collectPage records its failures instead of throwing; should that ever change, a page lost
    // is one error, not the site's collection aborted with its context open.
    const visitOne = (planned: PlannedPage, onSettling?: (early: PageEvidence) => void, onSettled?: (settled: PageEvidence) => void): Promise<CollectedPage | null> => session.pageSlots(async () => {
      const left = pagesDeadline - Date.now();
      if (left < 1_000) {
        errors.push({ stage: 'plan', page: planned.url, message: 'site time budget exhausted before this page' });
        return null;
      }
      const timing = { ...options.timing, timeoutMs: Math.min(options.timing.timeoutMs, left) };
      const collected = await collectPage(siteContext, planned, timing, { capture: pack?.capture, gate, onSettling, onSettled, locale: session.locale });
      // Not opened within what the site budget left it: the site ran out of time, which says
      // nothing of the browser (relaunching it and retrying the site would gain nothing).
      if (collected.stalled && timing.timeoutMs < options.timing.timeoutMs) {
        errors.push({ stage: 'plan', page: planned.url, message: `site time budget exhausted before this page: ${collected.page.error ?? 'no page'}` });
        return null;
      }
      return collected;
    }, planned.role === 'portal' ? 0 : FOLLOW_UP_PRIORITY).catch((error: unknown) => {
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
      const ownDomains = ownDomainsOf(target.href, [portal.finalUrl], options.evidenceOptions.ownDomains);
      for (const planner of options.planners ?? planners) {
        if (!settled && planner.afterSettle) continue;
        let planned: PlannedPage[] = [];
        try {
          planned = await planner.plan({
            target, portal, pages: [portal, ...followUps.map((c) => c.page)], ownDomains,
            ...(options.resolver ? { dns: options.resolver } : {}), mappings: options.probe.mappings,
            ...(options.lexicon ? { lexicon: options.lexicon } : {}),
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
    let infos: Promise<Awaited<ReturnType<typeof collectChatonsInfos>> | null> | null = null;
    if (first.page) {
      const portalSoFar = first.page;
      // ChatonsInfos files, fetched by the auditor itself while the pages load (all it
      // needs is the portal's address).
      if (portalSoFar.status !== null || options.evidenceOptions.chatonsinfos) {
        // Never left rejecting unobserved while the pages load: failures become errors here.
        infos = collectChatonsInfos({
          portalUrl: portalSoFar.finalUrl ?? target.href, explicitUrl: options.evidenceOptions.chatonsinfos, deadline: pagesDeadline, timeoutMs: options.timing.timeoutMs, gate,
          network: options.probe,
        }).catch((error: unknown) => {
          errors.push({ stage: 'fetch', page: target.href, message: `chatonsinfos: ${errorText(error)}` });
          return null;
        });
      }
      await planAndVisit(portalSoFar, first.settled);
    }
    // Planned again from the settled portal (read before the visitor leaves it): links a script
    // added late are visited too (the pages already visited are not visited twice), and the
    // planners that wait for it.
    const settledPortal = first.settled ? null : await Promise.race([read, portalVisit.then((c) => c?.page ?? null)]);
    if (settledPortal) await planAndVisit(settledPortal, true);
    const portal = await portalVisit;
    const stalled = [portal, ...followUps].find((c) => c?.stalled);
    if (stalled) {
      await withTimeout(context.close(), 5_000, 'closeContext').catch(() => undefined);
      throw new BrowserStalled(`${stalled.page.url}: ${stalled.page.error ?? 'no page'}`);
    }
    for (const collected of portal ? [portal, ...followUps] : followUps) {
      incidents.push(...collected.incidents);
      pages.push(collected.page);
      requests.push(...collected.requests);
      errors.push(...collected.errors);
    }
    if (infos) {
      const found = await withTimeout(infos, leftUntil(pagesDeadline), 'chatonsinfos').catch((error: unknown) => {
        errors.push({ stage: 'fetch', page: target.href, message: `chatonsinfos: ${errorText(error)}` });
        return null;
      });
      if (found) {
        chatonsinfos = found.evidence;
        errors.push(...found.errors);
      }
    }
    harWritten = await withTimeout(context.close(), Math.min(10_000, leftUntil(deadline)), 'closeContext').then(() => true, () => false);
  }
  let checks: NetworkChecks | null = null;
  const portal = pages.find((p) => p.role === 'portal');
  const own = ownDomainsOf(target.href, [portal?.finalUrl ?? null], options.evidenceOptions.ownDomains);
  // DNS and TLS are part of the site's time bound: what the pages left of it, and the reserve.
  const left = leftUntil(deadline);
  try {
    checks = await withTimeout(runNetworkChecks(pages, requests, own, options.resolver ?? null, { ...options.probe, gate }, neighboursOf(target.hostname).map((n) => n.host)), left, 'dns/tls checks');
  } catch (error) {
    errors.push({ stage: 'dns', page: target.href, message: errorText(error) });
  }
  incidents.push(...refusalIncidents(gate, requests, target.href));
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
    ...(checks ? { dns: checks.dns, tls: checks.tls, httpProbes: checks.httpProbes } : {}),
    ...(chatonsinfos ? { chatonsinfos } : {}),
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
    const candidates = endpoint ? byEndpoint.get(endpoint) ?? [] : [];
    // A plain-HTTP refusal names its request's URL: only that request is it (a worker's request
    // to the same endpoint is another one). A tunnel's (CONNECT) names only the endpoint.
    const refusal = candidates.find((r) => r.url === request.url) ?? candidates.find((r) => r.url.startsWith('https:'));
    if (!refusal || request.status !== null) continue;
    reported.add(refusal);
    add(request.page, request.url, refusal.address, request.isMainFrame || request.resourceType === 'websocket' ? 'page' : request.frameUrl ? 'frame' : 'worker');
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
