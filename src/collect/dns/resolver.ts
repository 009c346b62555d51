/**
 * The audit's own DNS resolver, over dns2's UDP client (dns2 returns rcodes instead of
 * throwing: they are mapped to statuses here, never to exceptions).
 *
 * CNAME chains are followed hop by hop: an authoritative server only answers with in-zone data,
 * so a chain that leaves the zone comes back partial and the next name is asked again. Loops
 * and over-long chains are detected; each query has its own timeout; answers are cached for
 * the audit; queries run in parallel within a bound.
 */
import DNS from 'dns2';
import { normaliseHost } from '../../domains/party.js';
import type { DnsRecord, DnsStatus } from '../../contracts/evidence.js';
import { limiter, type Limiter } from '../../util/limit.js';
import type { DnsServer } from '../../contracts/settings.js';

export interface ResolverOptions {
  servers: readonly DnsServer[];
  /** Per query, per server (default 2000 ms). */
  timeoutMs?: number;
  /** CNAME hops followed before giving up (default 10, as most stub resolvers). */
  maxHops?: number;
  /** Queries in flight at once (default 16). */
  concurrency?: number;
}

type RecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'TXT';

interface RR {
  name: string;
  type: RecordType | 'other';
  value: string;
}

/** One query's outcome: an rcode with its answers, or no answer at all. */
type QueryResult =
  | { kind: 'answer'; rcode: number; answers: RR[] }
  | { kind: 'timeout'; message: string }
  | { kind: 'error'; message: string };

const SILENT_SERVER_LIMIT = 4;
const RCODE_STATUS: Readonly<Record<number, DnsStatus>> = { 2: 'servfail', 3: 'nxdomain', 5: 'refused' };
const TYPE_NAMES: Readonly<Record<number, RecordType>> = { 1: 'A', 28: 'AAAA', 5: 'CNAME', 15: 'MX', 2: 'NS', 16: 'TXT' };

function toRR(resource: DNS.Packet.Resource): RR {
  const type = TYPE_NAMES[resource.type] ?? 'other';
  const raw =
    type === 'A' || type === 'AAAA'
      ? resource.address
      : type === 'CNAME'
        ? resource.domain
        : type === 'MX'
          ? resource.exchange
          : type === 'NS'
            ? resource.ns
            : type === 'TXT'
              ? [resource.data ?? ''].flat().join('')
              : '';
  const value = type === 'A' || type === 'AAAA' || type === 'TXT' ? String(raw ?? '') : normaliseHost(String(raw ?? ''));
  return { name: normaliseHost(resource.name), type, value };
}

export class DnsResolver {
  readonly servers: readonly DnsServer[];
  private readonly timeoutMs: number;
  private readonly maxHops: number;
  private readonly limit: Limiter;
  private readonly queries = new Map<string, Promise<QueryResult>>();
  private readonly hosts = new Map<string, Promise<DnsRecord>>();
  private answered = 0;
  private unanswered = 0;

  constructor(options: ResolverOptions) {
    this.servers = options.servers;
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.maxHops = options.maxHops ?? 10;
    this.limit = limiter(options.concurrency ?? 16);
  }

  /**
   * No server has answered anything (not even NXDOMAIN or SERVFAIL) and some were asked: the
   * auditor's own network or resolver is down, which says nothing about the audited site.
   */
  get silent(): boolean {
    return this.answered === 0 && this.unanswered > 0;
  }

  /**
   * Whether a server answers anything to a question no audited site controls (the root's name
   * servers). Tells an auditor whose resolver is down from a site whose own name servers never
   * answer: the recursive resolver then times out on the site's names only, and that is the site's.
   */
  async answersControlQuestion(): Promise<boolean> {
    for (const server of this.servers) {
      const client = DNS.UDPClient({ dns: server.address, port: server.port, timeout: this.timeoutMs, retryOverTCP: false });
      try {
        await client('.', 'NS');
        return true;
      } catch {
        // The next server, if any.
      }
    }
    return false;
  }

  /** One question, asked once per audit (cached), to each server in turn until one answers. */
  query(name: string, type: RecordType): Promise<QueryResult> {
    const key = `${type} ${normaliseHost(name)}`;
    let pending = this.queries.get(key);
    if (!pending) {
      pending = this.limit(() => this.ask(normaliseHost(name), type));
      this.queries.set(key, pending);
    }
    return pending;
  }

  private async ask(name: string, type: RecordType): Promise<QueryResult> {
    if (this.servers.length === 0) return { kind: 'error', message: 'no DNS server configured (empty /etc/resolv.conf; use --dns-server)' };
    // A server that has never answered after a few tries is taken as down: the other questions
    // fail at once instead of each waiting for its own timeout (the audit keeps its time bound).
    if (this.answered === 0 && this.unanswered >= SILENT_SERVER_LIMIT) {
      return { kind: 'timeout', message: `DNS server silent (${this.unanswered} queries unanswered), not asked` };
    }
    let last: QueryResult = { kind: 'error', message: 'no answer' };
    for (const server of this.servers) {
      const client = DNS.UDPClient({ dns: server.address, port: server.port, timeout: this.timeoutMs, retryOverTCP: false });
      try {
        const packet = await client(name, type);
        this.answered++;
        return { kind: 'answer', rcode: packet.header.rcode, answers: packet.answers.map(toRR) };
      } catch (error) {
        const err = error as NodeJS.ErrnoException;
        last =
          err.code === 'ETIMEDOUT'
            ? { kind: 'timeout', message: `no answer from ${server.address}:${server.port} within ${this.timeoutMs} ms` }
            : { kind: 'error', message: `${server.address}:${server.port}: ${err.message}` };
      }
    }
    if (last.kind === 'timeout') this.unanswered++;
    return last;
  }

  /** A, AAAA and the CNAME chain of a host (memoised per audit). */
  lookup(host: string): Promise<DnsRecord> {
    const h = normaliseHost(host);
    let pending = this.hosts.get(h);
    if (!pending) {
      pending = this.resolveHost(h);
      this.hosts.set(h, pending);
    }
    return pending;
  }

  private async resolveHost(host: string): Promise<DnsRecord> {
    const record: DnsRecord = { host, cname: [], addresses: [], mx: [], ns: [], status: 'ok', error: null };
    const seen = new Set([host]);
    let current = host;
    for (let hop = 0; hop <= this.maxHops; hop++) {
      const result = await this.query(current, 'A');
      const failed = failure(result, current, record.cname.length > 0);
      if (failed) return { ...record, ...failed };
      const answers = (result as Extract<QueryResult, { kind: 'answer' }>).answers;
      // Walk the part of the chain this answer carries.
      let moved = false;
      for (;;) {
        const next = answers.find((rr) => rr.type === 'CNAME' && rr.name === current)?.value;
        if (!next) break;
        if (seen.has(next)) {
          return {
            ...record,
            cname: [...record.cname, next],
            status: 'loop',
            error: `CNAME loop: ${[host, ...record.cname, next].join(' → ')}`,
          };
        }
        if (record.cname.length >= this.maxHops) {
          return { ...record, status: 'too-long', error: `CNAME chain longer than ${this.maxHops} hops` };
        }
        record.cname.push(next);
        seen.add(next);
        current = next;
        moved = true;
      }
      const v4 = answers.filter((rr) => rr.type === 'A' && rr.name === current).map((rr) => rr.value);
      if (v4.length === 0 && moved) continue; // partial chain: ask the last name again
      const v6 = await this.query(current, 'AAAA');
      const v6Addresses =
        v6.kind === 'answer' && v6.rcode === 0
          ? v6.answers.filter((rr) => rr.type === 'AAAA' && rr.name === current).map((rr) => rr.value)
          : [];
      record.addresses = [...v4, ...v6Addresses];
      if (record.addresses.length === 0) {
        return {
          ...record,
          status: 'nodata',
          error: record.cname.length > 0 ? `${current}: no address (dangling CNAME)` : 'no address record (NODATA)',
        };
      }
      return record;
    }
    return { ...record, status: 'too-long', error: `CNAME chain longer than ${this.maxHops} hops` };
  }

  /** MX and NS of a domain (usually a registrable domain), added to its host record. */
  async lookupDomain(domain: string): Promise<DnsRecord> {
    const record = { ...(await this.lookup(domain)) };
    const [mx, ns] = await Promise.all([this.query(domain, 'MX'), this.query(domain, 'NS')]);
    record.mx = valuesOf(mx, 'MX', domain);
    record.ns = valuesOf(ns, 'NS', domain);
    const problems = [mx, ns].flatMap((r, i) => (r.kind === 'answer' ? [] : [`${i === 0 ? 'MX' : 'NS'}: ${r.message}`]));
    if (problems.length > 0) record.error = [record.error, ...problems].filter(Boolean).join('; ');
    return record;
  }
}

function valuesOf(result: QueryResult, type: RecordType, name: string): string[] {
  if (result.kind !== 'answer' || result.rcode !== 0) return [];
  return result.answers
    .filter((rr) => rr.type === type && rr.name === normaliseHost(name))
    .map((rr) => rr.value)
    .sort();
}

/** Maps what went wrong with a query to a status and a reason a reviewer can read. */
function failure(result: QueryResult, name: string, inChain: boolean): Pick<DnsRecord, 'status' | 'error'> | null {
  if (result.kind === 'timeout') return { status: 'timeout', error: `${name}: ${result.message}` };
  if (result.kind === 'error') return { status: 'error', error: `${name}: ${result.message}` };
  if (result.rcode === 0) return null;
  const status = RCODE_STATUS[result.rcode] ?? 'error';
  const label = status === 'error' ? `rcode ${result.rcode}` : status.toUpperCase();
  return { status, error: inChain ? `${name}: ${label} (dangling CNAME)` : `${name}: ${label}` };
}
