/**
 * No SSRF through a candidate's site: a request of the audited page (a redirect hop included)
 * to a loopback, private or link-local address is failed before it leaves the browser, unless
 * --allow-private, the host is the target itself (already accepted), or the host is mapped by
 * --map-host (the user chose where it goes). Playwright's page.route() is not enough: it is not
 * called for redirect hops, so this uses the DevTools Fetch domain, which pauses every hop.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { isPrivateAddress } from '../domains/target.js';
import { normaliseHost } from '../domains/party.js';
import { findMapping, type HostMapping } from './map-host.js';

export interface NetworkGuard {
  mappings: readonly HostMapping[];
  allowPrivate: boolean;
}

export type AddressLookup = (host: string) => Promise<string[]>;

const systemLookup: AddressLookup = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/**
 * The private address a host leads to, or null when it may be visited. Host names are resolved
 * (cached per site); a name that does not resolve is left to the browser, which fails on it.
 */
export class PrivateAddressPolicy {
  private readonly cache = new Map<string, Promise<string[]>>();
  private readonly targetHost: string;

  constructor(
    private readonly guard: NetworkGuard,
    targetHost: string,
    private readonly resolve: AddressLookup = systemLookup,
  ) {
    this.targetHost = normaliseHost(targetHost);
  }

  refusedAddress(rawHost: string): Promise<string | null> {
    const host = normaliseHost(rawHost);
    if (this.exempt(host)) return Promise.resolve(null);
    if (isLiteral(host)) {
      // A literal address is not a name --map-host '*' is about: only an explicit pattern admits it.
      const explicit = this.guard.mappings.some((m) => m.pattern === host);
      return Promise.resolve(isPrivateAddress(host) && !explicit ? host : null);
    }
    return this.addresses(host).then((addresses) => addresses.find(isPrivateAddress) ?? null);
  }

  /**
   * For the auditor's own connections to a guarded name: the addresses this policy checked, to
   * connect to instead of resolving the name again (a second answer could be a private one: DNS
   * rebinding). Empty when the name did not resolve; null when the host is not a guarded name.
   */
  checkedAddresses(rawHost: string): Promise<string[]> | null {
    const host = normaliseHost(rawHost);
    return this.exempt(host) || isLiteral(host) ? null : this.addresses(host);
  }

  /** --allow-private, the target itself (already accepted), or a host --map-host sends somewhere. */
  private exempt(host: string): boolean {
    return this.guard.allowPrivate || host === this.targetHost
      || (!isLiteral(host) && findMapping(this.guard.mappings, host) !== undefined);
  }

  private addresses(host: string): Promise<string[]> {
    let answer = this.cache.get(host);
    if (!answer) {
      answer = this.resolve(host).catch(() => []);
      this.cache.set(host, answer);
    }
    return answer;
  }
}

function isLiteral(host: string): boolean {
  return isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost');
}

interface RequestPaused {
  requestId: string;
  request: { url: string };
}

/** Starts guarding a page before its navigation; `onRefused` records each refused request. */
export async function guardPage(page: Page, policy: PrivateAddressPolicy, onRefused: (url: string, address: string) => void): Promise<void> {
  const session: CDPSession = await page.context().newCDPSession(page);
  session.on('Fetch.requestPaused', (event: RequestPaused) => {
    void (async () => {
      let address: string | null = null;
      try {
        const url = new URL(event.request.url);
        if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') {
          address = await policy.refusedAddress(url.hostname);
        }
      } catch {
        address = null;
      }
      if (address) {
        onRefused(event.request.url, address);
        await session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' });
      } else {
        await session.send('Fetch.continueRequest', { requestId: event.requestId });
      }
    })().catch(() => undefined);
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
}
