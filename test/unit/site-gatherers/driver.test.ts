/**
 * collectSite runs the registered site gatherers at each moment of the site's collection, in
 * registry order, and lists their parts in that order; one that throws costs its own part only.
 * A fake browser whose portal does not answer, so no Chromium is needed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../src/collect/browser-session.js';
import type { SiteGatherer } from '../../../src/collect/site-gatherers/gatherer.js';
import { collectSite } from '../../../src/collect/site.js';
import { limiter } from '../../../src/util/limit.js';

const log: string[] = [];

function recorder(id: string, parts: { pagesVisited?: object; contextClosed?: object }): SiteGatherer {
  return {
    id,
    start: () => {
      log.push(`${id}:start`);
      return {
        portalKnown: (portal) => void log.push(`${id}:portalKnown ${portal.url}`),
        pagesVisited: async ({ pages }) => {
          log.push(`${id}:pagesVisited ${pages.length}`);
          return parts.pagesVisited;
        },
        contextClosed: async () => {
          log.push(`${id}:contextClosed`);
          return parts.contextClosed;
        },
      };
    },
  };
}

const gatherers: SiteGatherer[] = [
  recorder('first', { pagesVisited: { chatonsinfos: { probed: [], files: [], checks: [] } }, contextClosed: { tls: [] } }),
  {
    id: 'broken',
    start: () => ({
      pagesVisited: async () => {
        throw new Error('boom');
      },
      contextClosed: async () => ({ dns: [] }),
    }),
  },
  recorder('last', { contextClosed: { httpProbes: [] } }),
];

function fakeBrowser(): BrowserSession {
  const portal = {
    on: () => undefined,
    off: () => undefined,
    goto: async () => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED')),
    close: async () => undefined,
  } as unknown as Page;
  const context = {
    exposeBinding: async () => undefined,
    addInitScript: async () => undefined,
    on: () => undefined,
    off: () => undefined,
    newCDPSession: async () => ({ send: async () => undefined }),
    newPage: async () => portal,
    close: async () => void log.push('context closed'),
  } as unknown as BrowserContext;
  return {
    newSiteContext: async () => context,
    pageSlots: limiter(2),
    description: 'fake',
    locale: 'fr-FR',
    ownConnectionsSince: () => [],
  } as unknown as BrowserSession;
}

describe('site gatherers in collectSite', () => {
  it('runs each moment in order, keeps their parts in registry order, and a throwing one loses its own part only', async () => {
    const target = 'https://192.0.2.1/';
    const evidence = await collectSite(
      fakeBrowser(),
      new URL(target),
      {
        timing: { timeoutMs: 2_000, settleCapMs: 500, quietMs: 100 },
        maxPages: 3,
        planners: [],
        evidenceOptions: { ownDomains: [], candidate: false },
        resolver: null,
        probe: { mappings: [], trust: { pems: [], spkiHashes: [] }, timeoutMs: 500 },
      },
      gatherers,
    );
    expect(log).toEqual([
      'first:start',
      'last:start',
      `first:portalKnown ${target}`,
      `last:portalKnown ${target}`,
      'first:pagesVisited 1',
      'last:pagesVisited 1',
      'context closed',
      'first:contextClosed',
      'last:contextClosed',
    ]);
    const keys = Object.keys(evidence);
    expect(keys.slice(keys.indexOf('errors') + 1, keys.indexOf('incidents'))).toEqual(['chatonsinfos', 'tls', 'dns', 'httpProbes']);
    expect(evidence.errors).toContainEqual({ stage: 'collect', page: target, message: 'broken: boom' });
  });
});
