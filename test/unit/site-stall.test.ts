/**
 * A browser that cannot open a context or a page for a site is the tool's failure: collectSite
 * throws BrowserStalled (the batch relaunches and retries), it never returns evidence to judge.
 * Unless the page was opened late in the site's budget, with less than a page's time left: then
 * the site ran out of time. A fake browser whose calls never settle, so no Chromium is needed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserSession } from '../../src/collect/browser-session.js';
import { collectSite } from '../../src/collect/site.js';
import { BrowserStalled } from '../../src/collect/timeout.js';
import { limiter } from '../../src/util/limit.js';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

function fakeSession(context: () => Promise<BrowserContext>): BrowserSession {
  return {
    newSiteContext: context,
    pageSlots: limiter(2),
    description: 'fake',
    locale: 'fr-FR',
    ownConnectionsSince: () => [],
  } as unknown as BrowserSession;
}

const options = {
  timing: { timeoutMs: 1_000, settleCapMs: 500, quietMs: 100 },
  maxPages: 3,
  planners: [],
  evidenceOptions: { ownDomains: [], candidate: false },
  resolver: null,
  probe: { mappings: [], trust: { pems: [], spkiHashes: [] }, timeoutMs: 500 },
};

describe('collectSite on a stalled browser', () => {
  it('throws BrowserStalled when the context never opens', async () => {
    const session = fakeSession(never);
    await expect(collectSite(session, new URL('https://example.org/'), options)).rejects.toThrow(BrowserStalled);
  });

  it('throws BrowserStalled when a page never opens, after closing the context', async () => {
    const closed: string[] = [];
    const context = {
      exposeBinding: async () => undefined,
      addInitScript: async () => undefined,
      newPage: never,
      close: async () => void closed.push('context'),
    } as unknown as BrowserContext;
    const session = fakeSession(async () => context);
    await expect(collectSite(session, new URL('https://example.org/'), options)).rejects.toThrow(/newPage did not finish/);
    expect(closed).toEqual(['context']);
  });
});

describe('collectSite when a follow-up page never opens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // A literal address: the checks after the pages (DNS, TLS, neighbours) have nothing to ask.
  const target = new URL('https://192.0.2.1/');
  const late = 'https://192.0.2.1/mentions-legales';
  const timing = { timeoutMs: 2_000, settleCapMs: 500, quietMs: 100 };

  /** A portal that does not answer (at once), then pages that never open. */
  function browserWithOnePage(): { session: BrowserSession; closed: string[] } {
    const closed: string[] = [];
    const portal = {
      on: () => undefined,
      off: () => undefined,
      goto: async () => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED')),
      close: async () => void closed.push('portal'),
    } as unknown as Page;
    let opened = 0;
    const context = {
      exposeBinding: async () => undefined,
      addInitScript: async () => undefined,
      on: () => undefined,
      off: () => undefined,
      newCDPSession: async () => ({ send: async () => undefined }),
      newPage: () => (opened++ === 0 ? Promise.resolve(portal) : never()),
      close: async () => void closed.push('context'),
    } as unknown as BrowserContext;
    return { session: fakeSession(async () => context), closed };
  }

  /** Plans one page; `skipMs` is how far the site's clock has gone when it is planned. */
  const planLate = (skipMs: number) => ({
    id: 'late',
    plan: () => {
      vi.setSystemTime(Date.now() + skipMs);
      return [{ url: late, role: 'legal' as const }];
    },
  });

  it('is the site out of time, not a stalled browser, when the page had less than its time left', async () => {
    // Only Date moves: the bound on newPage still runs on real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { session } = browserWithOnePage();
    // The pages stop 7 s into the site's 8 s: planned at 5.6 s, the page gets 1.4 s, not 2 s.
    const evidence = await collectSite(session, target, { ...options, timing, planners: [planLate(5_600)] });
    expect(evidence.pages.map((p) => p.url)).toEqual([target.href]);
    expect(evidence.errors).toContainEqual({
      stage: 'plan',
      page: late,
      message: expect.stringMatching(/^site time budget exhausted before this page: newPage did not finish/),
    });
  });

  it('is a stalled browser when the page had its whole time', async () => {
    const { session, closed } = browserWithOnePage();
    await expect(collectSite(session, target, { ...options, timing, planners: [planLate(0)] })).rejects.toThrow(BrowserStalled);
    expect(closed).toEqual(['portal', 'context']);
  });
});
