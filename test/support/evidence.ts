/**
 * Small evidence builders, so each rule case is a few lines (ESLint RuleTester, webhint).
 */
import type { Evidence, PageEvidence, PageRole, RequestEvidence, ResourceType } from '../../src/contracts/evidence.js';

export function page(url: string, role: PageRole = 'portal', over: Partial<PageEvidence> = {}): PageEvidence {
  return {
    url,
    finalUrl: url,
    role,
    status: 200,
    redirects: [],
    headers: {},
    error: null,
    title: null,
    html: '<html><body></body></html>',
    links: [],
    loadMs: 100,
    settleCapped: false,
    ...over,
  };
}

export function request(url: string, resourceType: ResourceType, pageUrl: string, over: Partial<RequestEvidence> = {}): RequestEvidence {
  return {
    url,
    host: new URL(url).hostname,
    method: 'GET',
    resourceType,
    page: pageUrl,
    frameUrl: pageUrl,
    isMainFrame: true,
    status: 200,
    failure: null,
    redirectedFrom: [],
    startMs: 10,
    ...over,
  };
}

export function evidence(target: string, pages: PageEvidence[], requests: RequestEvidence[] = [], over: Partial<Evidence> = {}): Evidence {
  return {
    evidenceVersion: 1,
    tool: { name: 'chatons-audit', version: 'test', browser: null },
    target,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:02.000Z',
    options: { ownDomains: [], candidate: false },
    pages,
    requests,
    errors: [],
    ...over,
  };
}

// — DNS, TLS and HTTP probe builders —
import type { DnsRecord, HttpProbe, TlsProbe } from '../../src/contracts/evidence.js';

export function dns(host: string, over: Partial<DnsRecord> = {}): DnsRecord {
  return { host, cname: [], addresses: ['192.0.2.1'], mx: [], ns: [], status: 'ok', error: null, ...over };
}

export function tls(host: string, over: Partial<TlsProbe> = {}): TlsProbe {
  return {
    host,
    port: 443,
    authorized: true,
    error: null,
    protocol: 'TLSv1.3',
    issuer: 'Test CA',
    validTo: 'Jan 1 00:00:00 2040 GMT',
    ...over,
  };
}

export function httpProbe(host: string, over: Partial<HttpProbe> = {}): HttpProbe {
  return { host, url: `http://${host}/`, status: 301, location: `https://${host}/`, error: null, ...over };
}
