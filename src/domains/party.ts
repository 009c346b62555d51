/**
 * First party or third party. Own domains are registrable domains (public suffix list via tldts)
 * of the target and of its final URL, plus the user's --own-domain values.
 *
 * Private suffixes count (allowPrivateDomains): alice.github.io and bob.github.io are two
 * different parties, as are two *.cloudfront.net distributions. A candidate hosted on a shared
 * platform owns its own name there, not the whole platform.
 */
import { parse } from 'tldts';
import type { Party } from '../contracts/result.js';

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
}

export function registrableDomain(host: string): string {
  const h = normaliseHost(host);
  const parsed = parse(h, { allowPrivateDomains: true });
  if (parsed.isIp) return h;
  return parsed.domain ?? h;
}

export function hostOf(url: string): string | null {
  try {
    return normaliseHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** Memoised party decisions for one audit (hosts repeat a lot across requests). */
export class PartyResolver {
  readonly ownDomains: readonly string[];
  private readonly cache = new Map<string, Party>();

  constructor(ownDomains: Iterable<string>) {
    this.ownDomains = [...new Set([...ownDomains].map(normaliseHost).filter(Boolean))].sort();
  }

  partyOf(host: string): Party {
    const h = normaliseHost(host);
    let party = this.cache.get(h);
    if (!party) {
      party = this.ownDomains.some((d) => h === d || h.endsWith(`.${d}`)) ? 'first' : 'third';
      this.cache.set(h, party);
    }
    return party;
  }

  isThirdParty(host: string): boolean {
    return this.partyOf(host) === 'third';
  }
}

/** Own domains of an audit: target, portal's final URL, and the user's extra domains. */
export function ownDomainsOf(target: string, finalUrls: Iterable<string | null>, extra: Iterable<string>): string[] {
  const domains = new Set<string>();
  for (const url of [target, ...finalUrls]) {
    const host = url ? hostOf(url) : null;
    if (host) domains.add(registrableDomain(host));
  }
  for (const d of extra) domains.add(normaliseHost(d));
  return [...domains].sort();
}
