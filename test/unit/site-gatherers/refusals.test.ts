/**
 * The refusals gatherer turns what the egress gate refused into incidents: a browser refusal is
 * told with the page request that tried it, the auditor's own with the gate's URL and path.
 */
import { describe, expect, it } from 'vitest';
import { refusalsGatherer } from '../../../src/collect/site-gatherers/refusals.js';
import type { RequestEvidence } from '../../../src/contracts/evidence.js';
import { localSite } from './support.js';

const request = (url: string, over: Partial<RequestEvidence> = {}): RequestEvidence => ({
  url,
  host: new URL(url).hostname,
  method: 'GET',
  resourceType: 'image',
  page: 'https://site.example/',
  frameUrl: 'https://site.example/',
  isMainFrame: true,
  status: null,
  failure: 'net::ERR_BLOCKED_BY_CLIENT',
  redirectedFrom: [],
  startMs: 0,
  phase: 'load',
  ...over,
});

describe('refusals gatherer', () => {
  it("reports a refused browser request with its page, and a refused probe as the site's", async () => {
    const local = await localSite('https://site.example/', (_, res) => res.end());
    try {
      const { site } = local;
      site.gate.record('https://intranet.site.example:443/', 'intranet.site.example', 443, '10.0.0.5', 'browser');
      site.gate.record('http://admin.site.example/', 'admin.site.example', 80, '192.168.1.1', 'probe');
      const hooks = refusalsGatherer.start(site);
      await hooks.contextClosed?.({
        pages: [],
        requests: [request('https://intranet.site.example/logo.png'), request('https://intranet.site.example/a.png')],
      });
      expect(site.incidents).toEqual([
        {
          kind: 'privateAddress',
          page: 'https://site.example/',
          url: 'https://intranet.site.example/logo.png',
          detail: '10.0.0.5',
          count: 1,
          via: 'page',
        },
        {
          kind: 'privateAddress',
          page: 'https://site.example/',
          url: 'https://intranet.site.example/a.png',
          detail: '10.0.0.5',
          count: 1,
          via: 'page',
        },
        {
          kind: 'privateAddress',
          page: 'https://site.example/',
          url: 'http://admin.site.example/',
          detail: '192.168.1.1',
          count: 1,
          via: 'probe',
        },
      ]);
    } finally {
      await local.close();
    }
  });
});
