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
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[|\]$/g, '');
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

/**
 * Memoised party decisions for one audit (hosts repeat a lot across requests).
 * CNAME cloaking (DESIGN.md): a first-party name whose CNAME chain ends outside the own domains
 * is third party; `cnames` maps a host to its chain (hops after the host, final name last).
 * The hosts of the audited pages themselves (`pageHosts`) are not uncloaked, as uBlock Origin's
 * cnameIgnoreRootDocument: a portal served through a CDN is a hosting choice, judged by
 * gafam-infrastructure, not a tracker in disguise that would turn all its own files third party.
 */
export class PartyResolver {
  readonly ownDomains: readonly string[];
  private readonly cache = new Map<string, Party>();
  private readonly cnames: ReadonlyMap<string, readonly string[]>;
  private readonly pageHosts: ReadonlySet<string>;

  constructor(ownDomains: Iterable<string>, cnames: ReadonlyMap<string, readonly string[]> = new Map(), pageHosts: Iterable<string> = []) {
    this.ownDomains = [...new Set([...ownDomains].map(normaliseHost).filter(Boolean))].sort();
    this.cnames = cnames;
    this.pageHosts = new Set([...pageHosts].map(normaliseHost));
  }

  /** Whether the name itself is under an own domain, whatever its CNAME says. */
  isOwnName(host: string): boolean {
    const h = normaliseHost(host);
    return this.ownDomains.some((d) => h === d || h.endsWith(`.${d}`));
  }

  /** The CNAME chain of a host as resolved during the audit (empty when none or unknown). */
  cnameOf(host: string): readonly string[] {
    return this.cnames.get(normaliseHost(host)) ?? [];
  }

  /** The final name of a first-party host's chain when it leaves the own domains, else null. */
  cloakedBy(host: string): string | null {
    if (!this.isOwnName(host) || this.pageHosts.has(normaliseHost(host))) return null;
    const final = this.cnameOf(host).at(-1);
    return final && !this.isOwnName(final) ? final : null;
  }

  partyOf(host: string): Party {
    const h = normaliseHost(host);
    let party = this.cache.get(h);
    if (!party) {
      party = this.isOwnName(h) && !this.cloakedBy(h) ? 'first' : 'third';
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
