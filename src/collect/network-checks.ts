/**
 * After the pages are visited: DNS of every host seen (A/AAAA/CNAME chain; MX/NS of the own
 * domains), Node-side TLS validation and plain-HTTP behaviour of every audited page's host,
 * through the site's egress gate.
 * Never throws: each probe records its own failure.
 */
import type { DnsRecord, HttpProbe, PageEvidence, RequestEvidence, TlsProbe } from '../contracts/evidence.js';
import { hostOf, normaliseHost } from '../domains/party.js';
import type { DnsResolver } from './dns/resolver.js';
import { limiter } from '../util/limit.js';
import { isIP } from 'node:net';
import { probeHttp, probeTls, type GatedProbeOptions } from './tls-probe.js';

export interface NetworkChecks {
  dns: DnsRecord[];
  tls: TlsProbe[];
  httpProbes: HttpProbe[];
}

function pageHosts(pages: readonly PageEvidence[], answeredOnly: boolean): string[] {
  const hosts = new Set<string>();
  for (const page of pages) {
    if (answeredOnly && page.status === null) continue;
    for (const url of [page.url, page.finalUrl]) {
      const host = url ? hostOf(url) : null;
      if (host && !isIP(host)) hosts.add(host);
    }
  }
  return [...hosts].sort();
}

export async function runNetworkChecks(
  pages: readonly PageEvidence[],
  requests: readonly RequestEvidence[],
  ownDomains: readonly string[],
  resolver: DnsResolver | null,
  probe: GatedProbeOptions,
  plannedHosts: readonly string[] = [],
): Promise<NetworkChecks> {
  // Hosts the plan considered (parent, www) are recorded even when DNS kept them from a visit.
  const seen = new Set<string>(plannedHosts.map(normaliseHost));
  for (const r of requests) if (r.host) seen.add(normaliseHost(r.host));
  for (const h of pageHosts(pages, true)) seen.add(h);
  const domains = ownDomains.filter((d) => !isIP(d));
  for (const d of domains) seen.delete(d);
  const hosts = [...seen].filter((h) => h && !isIP(h)).sort();
  const dns = resolver ? await Promise.all([...domains.map((d) => resolver.lookupDomain(d)), ...hosts.map((h) => resolver.lookup(h))]) : [];
  // TLS handshakes and HTTP probes are cheap but not free: a few at a time.
  const limit = limiter(4);
  // Pages that did not load are probed too: an invalid certificate is often why the browser failed.
  const audited = pageHosts(pages, false);
  const [tls, httpProbes] = await Promise.all([
    Promise.all(audited.map((h) => limit(() => probeTls(h, probe)))),
    Promise.all(audited.map((h) => limit(() => probeHttp(h, probe)))),
  ]);
  return { dns: dns.sort((a, b) => a.host.localeCompare(b.host)), tls, httpProbes };
}
