/**
 * Requests gatherer: every request of every frame and worker of the page, websockets included,
 * with the moment of the visit it started in, its status or failure (in the egress gate's words
 * when the gate stopped it). Also feeds the visit's quiet tracker, and notes a page that
 * navigates away by itself.
 */
import type { BrowserContext, Request, Response } from 'playwright-core';
import { RESOURCE_TYPES, type RequestEvidence, type ResourceType } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { explainFailure } from '../proxy-failure.js';
import type { PageGatherer } from './gatherer.js';

const NETWORK_SCHEMES = /^(https?|wss?):/i;
const KNOWN_TYPES: ReadonlySet<string> = new Set(RESOURCE_TYPES);
const isKnownType = (type: string): type is ResourceType => KNOWN_TYPES.has(type);

function resourceTypeOf(request: Request): ResourceType {
  const type = request.resourceType();
  return isKnownType(type) ? type : 'other';
}

function redirectChain(request: Request): string[] {
  const chain: string[] = [];
  for (let r = request.redirectedFrom(); r; r = r.redirectedFrom()) chain.unshift(r.url());
  return chain;
}

/** The visits in progress in each context, oldest first (Set keeps insertion order). */
const visitsByContext = new WeakMap<BrowserContext, Set<object>>();
function visitsIn(context: BrowserContext): Set<object> {
  const visits = visitsByContext.get(context) ?? new Set<object>();
  visitsByContext.set(context, visits);
  return visits;
}

export const requestsGatherer: PageGatherer = {
  id: 'requests',
  beforeNavigation(visit) {
    const { context, page, planned, network } = visit;
    const records = new Map<Request, RequestEvidence>();
    let ownNavigationSeen = false;
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
        if (ownNavigationSeen && url !== planned.url) visit.incidents.add('navigatedAway', planned.url, url);
        ownNavigationSeen = true;
      }
      const evidence: RequestEvidence = {
        url,
        host: hostOf(url) ?? '',
        method: request.method(),
        resourceType: resourceTypeOf(request),
        page: planned.url,
        frameUrl,
        isMainFrame,
        status: null,
        failure: null,
        redirectedFrom: redirectChain(request),
        startMs: Date.now() - visit.startedAt,
        phase: visit.phase,
      };
      records.set(request, evidence);
      visit.requests.push(evidence);
      network.started(request);
    };
    const onResponse = (response: Response): void => {
      const rec = records.get(response.request());
      if (rec) rec.status = response.status();
      network.done(response.request());
    };
    const onFailed = (request: Request): void => {
      const rec = records.get(request);
      if (rec) rec.failure = explainFailure(visit.gate, request.url(), request.failure()?.errorText ?? 'failed').error;
      network.done(request);
    };
    const onFinished = (request: Request): void => network.done(request);
    // Service workers belong to the context, not the page: what they fetch is put on the account
    // of the oldest page still being visited in it (a site visits a few pages at once), once.
    const key = {};
    const inContext = visitsIn(context);
    inContext.add(key);
    const onContextRequest = (request: Request): void => {
      if (request.serviceWorker() && inContext.values().next().value === key) record(request);
    };

    page.on('request', record);
    page.on('response', onResponse);
    page.on('requestfailed', onFailed);
    page.on('requestfinished', onFinished);
    page.on('websocket', (ws) => {
      visit.requests.push({
        url: ws.url(),
        host: hostOf(ws.url()) ?? '',
        method: 'GET',
        resourceType: 'websocket',
        page: planned.url,
        frameUrl: null,
        isMainFrame: false,
        status: null,
        failure: null,
        redirectedFrom: [],
        startMs: Date.now() - visit.startedAt,
        phase: visit.phase,
      });
    });
    context.on('request', onContextRequest);
    context.on('response', onResponse);
    context.on('requestfailed', onFailed);
    return {
      afterLeaving() {
        inContext.delete(key);
        context.off('request', onContextRequest);
        context.off('response', onResponse);
        context.off('requestfailed', onFailed);
      },
    };
  },
};
