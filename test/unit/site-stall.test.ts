/**
 * A browser that cannot open a context or a page for a site is the tool's failure: collectSite
 * throws BrowserStalled (the batch relaunches and retries), it never returns evidence to judge.
 * A fake browser whose calls never settle, so no Chromium is needed.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../src/collect/browser-session.js';
import { collectSite } from '../../src/collect/site.js';
import { BrowserStalled } from '../../src/collect/timeout.js';
import { limiter } from '../../src/util/limit.js';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

function fakeSession(context: () => Promise<BrowserContext>): BrowserSession {
  return { newSiteContext: context, pageSlots: limiter(2), description: 'fake', locale: 'fr-FR' } as unknown as BrowserSession;
}

const options = {
  timing: { timeoutMs: 1_000, settleCapMs: 500, quietMs: 100 }, maxPages: 3, planners: [],
  evidenceOptions: { ownDomains: [], candidate: false }, resolver: null, probe: { mappings: [], trust: { pems: [], spkiHashes: [] }, timeoutMs: 500 },
};

describe('collectSite on a stalled browser', () => {
  it('throws BrowserStalled when the context never opens', async () => {
    const session = fakeSession(never);
    await expect(collectSite(session, new URL('https://example.org/'), options)).rejects.toThrow(BrowserStalled);
  });

  it('throws BrowserStalled when a page never opens, after closing the context', async () => {
    const closed: string[] = [];
    const context = {
      exposeBinding: async () => undefined, addInitScript: async () => undefined,
      newPage: never, close: async () => void closed.push('context'),
    } as unknown as BrowserContext;
    const session = fakeSession(async () => context);
    await expect(collectSite(session, new URL('https://example.org/'), options)).rejects.toThrow(/newPage did not finish/);
    expect(closed).toEqual(['context']);
  });
});
