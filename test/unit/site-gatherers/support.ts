/** A site as the site gatherers see it, every host mapped to a tiny local HTTP server. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EgressGate } from '../../../src/collect/egress-gate.js';
import { parseHostMapping } from '../../../src/collect/map-host.js';
import type { SiteVisit } from '../../../src/collect/site-gatherers/gatherer.js';
import type { SiteCollectOptions } from '../../../src/collect/site-options.js';
import type { PageEvidence } from '../../../src/contracts/evidence.js';

export interface LocalSite {
  site: SiteVisit;
  /** Paths the server was asked for, with their host. */
  received: string[];
  close(): Promise<void>;
}

export async function localSite(
  target: string,
  answer: (req: IncomingMessage, res: ServerResponse) => void,
  over: Partial<SiteCollectOptions> = {},
): Promise<LocalSite> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const mappings = [parseHostMapping(`*=127.0.0.1:${(server.address() as AddressInfo).port}`)];
  const options: SiteCollectOptions = {
    timing: { timeoutMs: 2_000, settleCapMs: 500, quietMs: 100 },
    maxPages: 3,
    evidenceOptions: { ownDomains: [], candidate: false },
    resolver: null,
    probe: { mappings, trust: { pems: [], spkiHashes: [] }, timeoutMs: 2_000 },
    ...over,
  };
  const now = Date.now();
  const site: SiteVisit = {
    target: new URL(target),
    options,
    gate: new EgressGate({ mappings, allowPrivate: false }),
    pagesDeadline: now + 7_000,
    deadline: now + 8_000,
    errors: [],
    incidents: [],
    leftUntil: (end) => Math.max(1_000, end - Date.now()),
  };
  return { site, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export function portalPage(url: string, status: number | null): PageEvidence {
  return {
    url,
    finalUrl: status === null ? null : url,
    role: 'portal',
    status,
    redirects: [],
    headers: {},
    error: status === null ? 'net::ERR_CONNECTION_REFUSED' : null,
    title: null,
    html: null,
    links: [],
    loadMs: 0,
    settleCapped: false,
  };
}
