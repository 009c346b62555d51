/**
 * Collects the Evidence of one site: a fresh browser context, the portal first, then the pages
 * the plan adds, all inside the site's time bound. Never throws past this function.
 */
import type { CollectError, Evidence, EvidenceOptions, PageEvidence, RequestEvidence } from '../contracts/evidence.js';
import { packageInfo } from '../paths.js';
import type { BrowserSession } from './browser-session.js';
import { collectPage, type PageTiming, type PlannedPage } from './page.js';
import { planners } from './planners/index.js';
import type { PagePlanner } from './planners/planner.js';
import { ownDomainsOf } from '../domains/party.js';
import { errorText, withTimeout } from './timeout.js';
import { closeSitePack, openSitePack, type SitePack } from './evidence-pack.js';

export interface SiteCollectOptions {
  timing: PageTiming;
  maxPages: number;
  evidenceOptions: EvidenceOptions;
  /** Defaults to the registered planners; tests may pass their own. */
  planners?: readonly PagePlanner[];
  /** Evidence pack root (--evidence-dir). */
  evidenceDir?: string;
}

/** DESIGN.md: a site as a whole is bounded by 4x the per-page timeout. */
export const SITE_BUDGET_FACTOR = 4;

export async function collectSite(session: BrowserSession, target: URL, options: SiteCollectOptions): Promise<Evidence> {
  const startedAt = new Date();
  const deadline = startedAt.getTime() + SITE_BUDGET_FACTOR * options.timing.timeoutMs;
  const pages: PageEvidence[] = [];
  const requests: RequestEvidence[] = [];
  const errors: CollectError[] = [];
  const visited = new Set<string>();

  let pack: SitePack | null = null;
  try {
    if (options.evidenceDir) pack = openSitePack(options.evidenceDir, target);
  } catch (error) {
    errors.push({ stage: 'collect', page: target.href, message: `evidence pack: ${errorText(error)}` });
  }
  let context;
  let harWritten = false;
  try {
    context = await withTimeout(session.newSiteContext(pack?.harPath), options.timing.timeoutMs, 'newContext');
  } catch (error) {
    errors.push({ stage: 'browser', page: target.href, message: errorText(error) });
  }
  if (context) {
    const visit = async (planned: PlannedPage): Promise<PageEvidence | null> => {
      if (visited.has(planned.url) || visited.size >= options.maxPages) return null;
      visited.add(planned.url);
      const left = deadline - Date.now();
      if (left < 1_000) {
        errors.push({ stage: 'plan', page: planned.url, message: 'site time budget exhausted before this page' });
        return null;
      }
      const timing = { ...options.timing, timeoutMs: Math.min(options.timing.timeoutMs, left) };
      const collected = await collectPage(context, planned, timing, pack?.capture);
      pages.push(collected.page);
      requests.push(...collected.requests);
      errors.push(...collected.errors);
      return collected.page;
    };
    const portal = await visit({ url: target.href, role: 'portal' });
    if (portal) {
      const planContext = {
        target, portal, ownDomains: ownDomainsOf(target.href, [portal.finalUrl], options.evidenceOptions.ownDomains),
      };
      for (const planner of options.planners ?? planners) {
        let planned: PlannedPage[] = [];
        try {
          planned = await planner.plan(planContext);
        } catch (error) {
          errors.push({ stage: 'plan', page: target.href, message: `${planner.id}: ${errorText(error)}` });
        }
        for (const page of planned) await visit(page);
      }
    }
    harWritten = await withTimeout(context.close(), 10_000, 'closeContext').then(() => true, () => false);
  }
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
