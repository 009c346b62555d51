/**
 * A bench for one gatherer at a time: the audit's own browser (BrowserSession, egress gate,
 * desktop presentation) visiting pages of a tiny HTTP server, every host mapped to it, with only
 * the gatherers a test names. Plain HTTP on loopback: a page visit takes well under a second.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findBrowser } from '../../../src/collect/browser-discovery.js';
import { BrowserSession } from '../../../src/collect/browser-session.js';
import { EgressGate } from '../../../src/collect/egress-gate.js';
import type { PageGatherer } from '../../../src/collect/gatherers/gatherer.js';
import { parseHostMapping } from '../../../src/collect/map-host.js';
import { collectPage, instrumentSiteContext, type CollectedPage, type PageHooks } from '../../../src/collect/page.js';
import type { PageTiming } from '../../../src/contracts/settings.js';

/** A response, or a handler for the ones a plain response cannot say (a socket cut, a slow body). */
type Route = { status?: number; headers?: Record<string, string>; body?: string } | ((req: IncomingMessage, res: ServerResponse) => void);

/** The audited site's host (every host goes to the same server, which answers by path). */
export const SITE = 'http://site.gatherers.example';

/** Short enough for a fast test, long enough for the quiet window to see late requests. */
export const FAST: PageTiming = { timeoutMs: 10_000, settleCapMs: 3_000, quietMs: 300 };

export interface GathererBench {
  /** Serves `routes` (path → response, query ignored) for the next visits. */
  serve(routes: Record<string, Route>): void;
  /** Every request the server received (host and path), in order. */
  readonly received: string[];
  visit(path: string, gatherers: readonly PageGatherer[], options?: { timing?: PageTiming; hooks?: PageHooks }): Promise<CollectedPage>;
  close(): Promise<void>;
}

export async function startGathererBench(): Promise<GathererBench> {
  let routes: Record<string, Route> = {};
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    received.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    const route = routes[path];
    if (typeof route === 'function') return route(req, res);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers }).end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const session = await BrowserSession.launch({
    executablePath: findBrowser(undefined, process.env),
    trust: { pems: [], spkiHashes: [] },
    locale: 'fr-FR',
    pagesAtOnce: 2,
  });
  const gate = (): EgressGate => new EgressGate({ mappings: [parseHostMapping(`*=127.0.0.1:${port}`)], allowPrivate: false });
  return {
    serve(next) {
      routes = next;
      received.length = 0;
    },
    received,
    async visit(path, gatherers, { timing = FAST, hooks = {} } = {}) {
      const siteGate = gate();
      const context = await session.newSiteContext(siteGate);
      try {
        await instrumentSiteContext(context, gatherers);
        return await collectPage(
          context,
          { url: `${SITE}${path}`, role: 'portal' },
          timing,
          { locale: session.locale, gate: siteGate, ...hooks },
          gatherers,
        );
      } finally {
        await context.close();
      }
    },
    async close() {
      await session.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTML page with `head` and `body` parts. */
export function html(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Atelier</title>${head}</head><body>${body}</body></html>`;
}
