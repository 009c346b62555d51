/**
 * Visits one page the way a reviewer would (nothing clicked, no consent given), records every
 * request of every frame and worker with the moment of the visit it started in, looks around
 * (pointer, wheel, Tab, scroll to the bottom), waits for the network to go quiet, then leaves
 * (hidden, unloaded) with a short grace for what the page sends on its way out. Never throws:
 * failures land in the evidence.
 */
import type { BrowserContext, Page, Request, Response, WebSocket } from 'playwright-core';
import type { CollectError, LinkEvidence, PageEvidence, PageIncident, PageRole, RedirectHop, RequestEvidence, RequestPhase, ResourceType } from '../contracts/evidence.js';
import { hostOf } from '../domains/party.js';
import { spyOnCookieWrites, watchCookiesAndStorage, type CookieStorageWatch } from './cookies-storage.js';
import { NetworkQuietTracker } from './network-quiet.js';
import { describeContentType, IncidentLog, preventWindowOpen, watchHostileBehaviour } from './page-incidents.js';
import type { EgressGate } from './egress-gate.js';
import { errorText, withTimeout } from './timeout.js';
import { LEAVE_GRACE, leavePage, lookAround } from './visitor.js';
import { localizePage, presentAsDesktop } from './desktop.js';
import type { PageTiming } from '../contracts/settings.js';

export interface PlannedPage {
  url: string;
  role: PageRole;
}

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

/** Past this, the stored DOM is cut: rules need the text, not a 50 MB page. */
const MAX_HTML_CHARS = 2_000_000;
const MAX_LINKS = 2_000;
const NETWORK_SCHEMES = /^(https?|wss?):/i;
const RESOURCE_TYPES = new Set<ResourceType>([
  'document', 'stylesheet', 'image', 'media', 'font', 'script', 'texttrack', 'xhr', 'fetch',
  'eventsource', 'websocket', 'manifest', 'ping', 'other',
]);

function resourceTypeOf(request: Request): ResourceType {
  const type = request.resourceType() as ResourceType;
  return RESOURCE_TYPES.has(type) ? type : 'other';
}

function redirectChain(request: Request): string[] {
  const chain: string[] = [];
  for (let r = request.redirectedFrom(); r; r = r.redirectedFrom()) chain.unshift(r.url());
  return chain;
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
 * scripts run (window.open blocked, cookie writes noted). Context-wide, so a page costs no
 * extra browser round trips before its visit.
 */
export async function instrumentSiteContext(context: BrowserContext): Promise<void> {
  await Promise.all([preventWindowOpen(context), spyOnCookieWrites(context), presentAsDesktop(context)]);
}

export async function collectPage(
  context: BrowserContext, planned: PlannedPage, timing: PageTiming, { capture, gate, onSettling, onSettled, locale }: PageHooks = {},
): Promise<CollectedPage> {
  const startedAt = Date.now();
  const deadline = startedAt + timing.timeoutMs;
  const remaining = (): number => Math.max(1, deadline - Date.now());
  const errors: CollectError[] = [];
  const incidents = new IncidentLog(planned.url);
  const records = new Map<Request | WebSocket, RequestEvidence>();
  const tracker = new NetworkQuietTracker<Request>();
  const pageEvidence: PageEvidence = {
    url: planned.url, finalUrl: null, role: planned.role, status: null, redirects: [], headers: {},
    error: null, title: null, html: null, links: [], loadMs: 0, settleCapped: false,
  };
  const fail = (stage: CollectError['stage'], error: unknown): void => {
    errors.push({ stage, page: planned.url, message: errorText(error) });
  };

  let page: Page;
  try {
    page = await withTimeout(context.newPage(), remaining(), 'newPage');
  } catch (error) {
    fail('browser', error);
    pageEvidence.error = errorText(error);
    return { page: pageEvidence, requests: [], errors, incidents: [], stalled: true };
  }

  const cookieWatch: CookieStorageWatch = watchCookiesAndStorage(page);
  if (locale) await withTimeout(localizePage(context, page, locale), remaining(), 'locale').catch((error: unknown) => fail('browser', error));

  let ownNavigationSeen = false;
  let phase: RequestPhase = 'load';
  const record = (request: Request): void => {
    const url = request.url();
    if (!NETWORK_SCHEMES.test(url)) return;
    let frameUrl: string | null = null;
    let isMainFrame = false;
    try {
      const frame = request.frame();
      frameUrl = frame.url() || null;
      isMainFrame = frame === page.mainFrame();
    } catch {
      // Service-worker requests and early navigations have no frame.
    }
    // The first main-frame navigation is ours (its redirect hops have a redirectedFrom); any
    // later one is the page leaving by itself. Told apart here, not after goto() returns: a
    // page may leave before the audit gets control back.
    if (isMainFrame && request.isNavigationRequest() && !request.redirectedFrom()) {
      if (ownNavigationSeen && url !== planned.url) incidents.add('navigatedAway', planned.url, url);
      ownNavigationSeen = true;
    }
    records.set(request, {
      url, host: hostOf(url) ?? '', method: request.method(), resourceType: resourceTypeOf(request),
      page: planned.url, frameUrl, isMainFrame, status: null, failure: null,
      redirectedFrom: redirectChain(request), startMs: Date.now() - startedAt, phase,
    });
    tracker.started(request);
  };
  // The main document's response, even when goto() then fails (a body that never ends, a
  // download): the site did answer, and the report should say so.
  let mainResponse: Response | null = null;
  const onResponse = (response: Response): void => {
    try {
      if (!mainResponse && response.request().isNavigationRequest() && response.frame() === page.mainFrame()
          && !isRedirect(response.status())) mainResponse = response;
    } catch {
      // Worker responses have no frame.
    }
    const rec = records.get(response.request());
    if (rec) rec.status = response.status();
    tracker.done(response.request());
  };
  const onFailed = (request: Request): void => {
    const rec = records.get(request);
    if (rec) rec.failure = explainFailure(gate, request.url(), request.failure()?.errorText ?? 'failed').error;
    tracker.done(request);
  };
  const onFinished = (request: Request): void => tracker.done(request);
  // Service workers belong to the context, not the page: what they fetch is put on the account
  // of the oldest page still being visited in it (a site visits a few pages at once), once.
  const visit = {};
  const inContext = visitsIn(context);
  inContext.add(visit);
  const onContextRequest = (request: Request): void => {
    if (request.serviceWorker() && inContext.values().next().value === visit) record(request);
  };

  page.on('request', record);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  page.on('requestfinished', onFinished);
  page.on('websocket', (ws) => {
    records.set(ws, {
      url: ws.url(), host: hostOf(ws.url()) ?? '', method: 'GET', resourceType: 'websocket', page: planned.url,
      frameUrl: null, isMainFrame: false, status: null, failure: null, redirectedFrom: [], startMs: Date.now() - startedAt, phase,
    });
  });
  // A reviewer's browser would show dialogs; a headless audit must not wait on them, nor open
  // popups or save downloads (hostile pages).
  watchHostileBehaviour(page, incidents);
  context.on('request', onContextRequest);
  context.on('response', onResponse);
  context.on('requestfailed', onFailed);

  try {
    let response: Response | null = null;
    try {
      response = await page.goto(planned.url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    } catch (error) {
      pageEvidence.error = errorText(error);
      // Answered but never finished (a body that never ends, a page whose script never yields).
      if (mainResponse && /timeout/i.test(pageEvidence.error)) incidents.add('loadIncomplete', pageEvidence.error, planned.url);
      // The navigation's last hop, when the gate stopped it: what the gate saw, not the proxy's failure.
      const lastHop = [...records.values()].filter((r) => r.isMainFrame && r.resourceType === 'document').at(-1);
      if (!mainResponse && lastHop) {
        const explained = explainFailure(gate, lastHop.url, pageEvidence.error);
        pageEvidence.error = explained.address ? `${explained.error} (${lastHop.url}: private address ${explained.address}, not visited)` : explained.error;
      }
      fail('navigate', pageEvidence.error);
    }
    const answered = response ?? mainResponse;
    if (answered) {
      await withTimeout(describeMainResponse(answered, pageEvidence), Math.max(500, remaining()), 'response').catch((error: unknown) => fail('navigate', error));
      describeContentType(answered, incidents, pageEvidence.headers);
    }

    if (!pageEvidence.error || response) {
      const settleDeadline = Math.min(deadline - 1_000, Date.now() + timing.settleCapMs);
      const settleLeft = (): number => Math.max(1, settleDeadline - Date.now());
      await page.waitForLoadState('load', { timeout: settleLeft() }).catch(() => undefined);
      phase = 'interaction';
      await lookAround(page, settleLeft()).catch((error: unknown) => fail('settle', error));
      if (onSettling) {
        const links = await withTimeout(page.evaluate(readLinks, MAX_LINKS), settleLeft(), 'links').catch(() => []);
        onSettling({ ...pageEvidence, finalUrl: pageEvidence.finalUrl ?? page.url(), links });
      }
      phase = 'late';
      const quiet = await tracker.waitForQuiet({ quietMs: timing.quietMs, capMs: settleLeft(), staleMs: 3_000 });
      pageEvidence.settleCapped = !quiet;
      Object.assign(pageEvidence, await cookieWatch.collect(context, Math.min(5_000, remaining())).catch((error: unknown) => {
        fail('extract', error);
        return {};
      }));
      await extract(page, pageEvidence, remaining, incidents).catch((error: unknown) => {
        fail('extract', error);
        // A page too heavy to be read within its budget was not examined in full: say so.
        if ((error as Error | null)?.name === 'TimeoutError') incidents.add('loadIncomplete', errorText(error), planned.url);
      });
      if (capture) await withTimeout(capture(page, pageEvidence), remaining(), 'capture').catch((error: unknown) => fail('extract', error));
      onSettled?.({ ...pageEvidence });
      phase = 'leave';
      const leaveCap = Math.min(LEAVE_GRACE.capMs, Math.max(LEAVE_GRACE.quietMs, remaining()));
      const leftAt = Date.now();
      await leavePage(page, leaveCap).catch((error: unknown) => fail('settle', error));
      tracker.touch();
      await tracker.waitForQuiet({ quietMs: LEAVE_GRACE.quietMs, capMs: Math.max(1, leaveCap - (Date.now() - leftAt)), staleMs: 3_000 });
    }
  } finally {
    pageEvidence.loadMs = Date.now() - startedAt;
    inContext.delete(visit);
    context.off('request', onContextRequest);
    context.off('response', onResponse);
    context.off('requestfailed', onFailed);
    await withTimeout(page.close({ runBeforeUnload: false }), 5_000, 'close').catch(() => undefined);
  }
  return { page: pageEvidence, requests: [...records.values()], errors, incidents: incidents.all };
}

/** Chromium's failures when its proxy refuses or cannot connect: the gate knows what really happened. */
const PROXY_FAILURES = /ERR_(TUNNEL_CONNECTION_FAILED|EMPTY_RESPONSE|PROXY_CONNECTION_FAILED|CONNECTION_CLOSED)$/;

function explainFailure(gate: EgressGate | undefined, url: string, failure: string): { error: string; address: string | null } {
  if (!gate || !PROXY_FAILURES.test(failure)) return { error: failure, address: null };
  try {
    const u = new URL(url);
    const port = u.port ? Number(u.port) : u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80;
    return gate.explain(u.hostname, port) ?? { error: failure, address: null };
  } catch {
    return { error: failure, address: null };
  }
}

/** The visits in progress in each context, oldest first (Set keeps insertion order). */
const visitsByContext = new WeakMap<BrowserContext, Set<object>>();
function visitsIn(context: BrowserContext): Set<object> {
  let visits = visitsByContext.get(context);
  if (!visits) visitsByContext.set(context, (visits = new Set()));
  return visits;
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

async function describeMainResponse(response: Response, evidence: PageEvidence): Promise<void> {
  evidence.finalUrl = response.url();
  evidence.status = response.status();
  evidence.headers = await response.allHeaders().catch(() => ({}));
  const hops: RedirectHop[] = [];
  for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom()) {
    const hopResponse = await r.response().catch(() => null);
    hops.unshift({ url: r.url(), status: hopResponse?.status() ?? 0 });
  }
  evidence.redirects = hops;
}

async function extract(page: Page, evidence: PageEvidence, remaining: () => number, incidents: IncidentLog): Promise<void> {
  // Cut inside the page: a 50 MB DOM must not cross the DevTools connection whole.
  const { html, length } = await withTimeout(page.evaluate(readHtml, MAX_HTML_CHARS), remaining(), 'content');
  evidence.html = html;
  if (length > MAX_HTML_CHARS) incidents.add('htmlTruncated', `${length} characters, ${MAX_HTML_CHARS} kept`, evidence.url);
  evidence.title = (await withTimeout(page.title(), remaining(), 'title')) || null;
  evidence.links = await withTimeout(page.evaluate(readLinks, MAX_LINKS), remaining(), 'links');
  if (!evidence.finalUrl) evidence.finalUrl = page.url();
}

/** Runs in the page: the serialised document (as page.content() gives it), cut at `max`. */
function readHtml(max: number): { html: string; length: number } {
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
  const html = doctype + (document.documentElement?.outerHTML ?? '');
  return { html: html.length > max ? html.slice(0, max) : html, length: html.length };
}

/** Runs in the page. */
function readLinks(max: number): LinkEvidence[] {
  const anchors = Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')).slice(0, max);
  return anchors.map((a) => {
    const box = a.getBoundingClientRect();
    const style = getComputedStyle(a);
    const text = ((a as HTMLElement).innerText || a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300);
    const link: LinkEvidence = {
      href: a.href, text,
      visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
    };
    const title = a.getAttribute('title');
    const ariaLabel = a.getAttribute('aria-label');
    const rel = a.getAttribute('rel');
    if (title) link.title = title;
    if (ariaLabel) link.ariaLabel = ariaLabel;
    if (rel) link.rel = rel;
    return link;
  });
}
