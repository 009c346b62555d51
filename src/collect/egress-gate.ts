/**
 * The egress gate: every connection of a site's audit (the browser's, through the egress proxy,
 * and the auditor's own probes and fetches) asks here where it may go. Each name is resolved
 * once per site with the audit's own resolver (or taken from --map-host), checked, and the
 * connection is made to the very address that was checked: no second resolution anywhere, so a
 * DNS answer that changes between the check and the connection (rebinding) changes nothing.
 *
 * Refused: loopback, private, link-local, CGNAT, unspecified, multicast and reserved addresses,
 * however they are spelt, and `localhost` names, unless --allow-private. A host --map-host sends
 * somewhere goes there (the user's choice); a literal address is admitted only by a pattern
 * that names it, never by `*`.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { EgressPath } from '../contracts/evidence.js';
import type { DnsResolver } from './dns/resolver.js';
import { isPrivateAddress } from '../domains/target.js';
import { normaliseHost } from '../domains/party.js';
import { findMapping } from './map-host.js';
import type { HostMapping } from '../contracts/settings.js';

export type { EgressPath };

export interface Endpoint {
  address: string;
  port: number;
}

export type GateDecision =
  | { allowed: true; endpoint: Endpoint }
  | { allowed: false; reason: 'private'; address: string }
  | { allowed: false; reason: 'unresolved'; error: string };

export interface GateRefusal {
  url: string;
  host: string;
  port: number;
  address: string;
  path: EgressPath;
}

export type AddressLookup = (host: string) => Promise<string[]>;

export interface GateOptions {
  mappings: readonly HostMapping[];
  allowPrivate: boolean;
  /** The audit's resolver; the system's when absent. */
  lookup?: AddressLookup;
}

/** Chromium's own words for a name that does not resolve, so reports read the same either way. */
const NAME_NOT_RESOLVED = 'net::ERR_NAME_NOT_RESOLVED';

export class GateRefusedError extends Error {
  constructor(readonly decision: Exclude<GateDecision, { allowed: true }>) {
    super(decision.reason === 'private' ? `refused private address ${decision.address}` : decision.error);
    this.name = 'GateRefusedError';
  }
}

const systemLookup: AddressLookup = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/** A lookup over the audit's own resolver: the addresses of its (cached) answer, none when it failed. */
export function resolverLookup(resolver: DnsResolver): AddressLookup {
  return async (host) => (await resolver.lookup(host)).addresses;
}

/**
 * The canonical form of a host as a connection would use it: IPv4 written in decimal, octal,
 * hex or short form becomes dotted quad (the WHATWG URL parser, as browsers do), IPv6 loses its
 * brackets and gets its canonical spelling, a trailing dot goes.
 */
export function canonicalHost(raw: string): string {
  const host = normaliseHost(raw);
  try {
    return normaliseHost(new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}/`).hostname);
  } catch {
    return host;
  }
}

function isLocalName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/** Chromium's words for what the proxy met when it connected (the browser itself only sees the proxy fail). */
const NET_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  EADDRNOTAVAIL: 'net::ERR_ADDRESS_INVALID',
  ERR_INVALID_HTTP_RESPONSE: 'net::ERR_INVALID_HTTP_RESPONSE',
};
/** What Chromium said when the page's own requests were refused before the gate existed, kept for reports. */
const BLOCKED = 'net::ERR_BLOCKED_BY_CLIENT';

export class EgressGate {
  private readonly decisions = new Map<string, Promise<GateDecision>>();
  private readonly settled = new Map<string, GateDecision>();
  private readonly failures = new Map<string, string>();
  private readonly refused: GateRefusal[] = [];
  private readonly lookup: AddressLookup;

  constructor(private readonly options: GateOptions) {
    this.lookup = options.lookup ?? systemLookup;
  }

  /** Where a connection to host:port goes, or why it may not. Names are resolved once per gate. */
  decide(rawHost: string, port: number): Promise<GateDecision> {
    const host = canonicalHost(rawHost);
    let decision = this.decisions.get(host);
    if (!decision) {
      decision = this.decideHost(host).then((d) => {
        this.settled.set(host, d);
        return d;
      });
      this.decisions.set(host, decision);
    }
    return decision.then((d) =>
      d.allowed ? { allowed: true, endpoint: { address: d.endpoint.address, port: d.endpoint.port || port } } : d,
    );
  }

  /**
   * For a connection about to be made: its endpoint, or a GateRefusedError. A refusal is
   * recorded with the URL and the path that tried it.
   */
  async open(url: URL | string, path: EgressPath): Promise<Endpoint> {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? 443 : 80;
    const decision = await this.decide(parsed.hostname, port);
    if (decision.allowed) return decision.endpoint;
    if (decision.reason === 'private') this.record(parsed.href, parsed.hostname, port, decision.address, path);
    throw new GateRefusedError(decision);
  }

  record(url: string, rawHost: string, port: number, address: string, path: EgressPath): void {
    const host = canonicalHost(rawHost);
    if (this.refused.some((r) => r.url === url && r.path === path)) return;
    // A hostile page can try thousands: the report needs the first few of each host.
    if (this.refused.length < 500) this.refused.push({ url, host, port, address, path });
  }

  /** Every refusal so far, in order. */
  refusals(): readonly GateRefusal[] {
    return this.refused;
  }

  /** An allowed connection that could not be made (connection refused, reset, timed out). */
  noteFailure(rawHost: string, port: number, code: string): void {
    this.failures.set(`${canonicalHost(rawHost)}:${port}`, NET_ERRORS[code] ?? 'net::ERR_CONNECTION_FAILED');
  }

  /**
   * What really happened to a browser request to host:port that the proxy did not carry (the
   * browser itself only sees a failed tunnel or an empty answer), in Chromium's own words, with
   * the refused address; null when the gate did not stop it.
   */
  explain(rawHost: string, port: number): { error: string; address: string | null } | null {
    const host = canonicalHost(rawHost);
    const decision = this.settled.get(host);
    if (decision && !decision.allowed) {
      return decision.reason === 'private' ? { error: BLOCKED, address: decision.address } : { error: decision.error, address: null };
    }
    const failure = this.failures.get(`${host}:${port}`);
    return failure ? { error: failure, address: null } : null;
  }

  /** Refusals of the browser's connections to host:port (a page's requests are matched against them). */
  browserRefusals(): readonly GateRefusal[] {
    return this.refused.filter((r) => r.path === 'browser');
  }

  private async decideHost(host: string): Promise<GateDecision> {
    const literal = isIP(host) !== 0;
    const mapping = literal ? this.options.mappings.find((m) => m.pattern === host) : findMapping(this.options.mappings, host);
    if (mapping) {
      // Where the user said, whatever it is: a staging server, the fixture internet.
      const address = isIP(mapping.address) ? mapping.address : (await this.lookup(mapping.address).catch(() => []))[0];
      if (!address) return { allowed: false, reason: 'unresolved', error: NAME_NOT_RESOLVED };
      return { allowed: true, endpoint: { address, port: mapping.port ?? 0 } };
    }
    if (literal) {
      return isPrivateAddress(host) && !this.options.allowPrivate
        ? { allowed: false, reason: 'private', address: host }
        : { allowed: true, endpoint: { address: host, port: 0 } };
    }
    if (isLocalName(host) && !this.options.allowPrivate) return { allowed: false, reason: 'private', address: host };
    const addresses = (await this.lookup(host).catch(() => [] as string[])).map(canonicalHost).filter((a) => isIP(a) !== 0);
    if (addresses.length === 0) return { allowed: false, reason: 'unresolved', error: NAME_NOT_RESOLVED };
    // One private answer among public ones is enough to refuse: which one a client would
    // pick is not ours to guess.
    const privateOne = addresses.find(isPrivateAddress);
    if (privateOne && !this.options.allowPrivate) return { allowed: false, reason: 'private', address: privateOne };
    const address = addresses.find((a) => isIP(a) === 4) ?? (addresses[0] as string);
    return { allowed: true, endpoint: { address, port: 0 } };
  }
}
