/**
 * The network-checks gatherer probes TLS and plain HTTP of every audited page's host (the
 * parent and www the plan considered included in DNS), once the context has closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { networkChecksGatherer } from '../../../src/collect/site-gatherers/network-checks.js';
import { localSite, portalPage, type LocalSite } from './support.js';

let local: LocalSite | undefined;
afterEach(async () => {
  await local?.close();
});

describe('network-checks gatherer', () => {
  it('probes the host of every audited page, answered or not', async () => {
    local = await localSite('http://services.bonchaton.example/', (_, res) =>
      res.writeHead(301, { location: 'https://services.bonchaton.example/' }).end(),
    );
    const hooks = networkChecksGatherer.start(local.site);
    const pages = [
      portalPage('http://services.bonchaton.example/', 200),
      { ...portalPage('http://bonchaton.example/', null), role: 'parent' as const },
    ];
    const part = await hooks.contextClosed?.({ pages, requests: [] });
    expect(part?.dns).toEqual([]);
    expect(part?.tls?.map((t) => [t.host, t.authorized])).toEqual([
      ['bonchaton.example', false],
      ['services.bonchaton.example', false],
    ]);
    expect(part?.httpProbes?.map((p) => [p.host, p.status, p.location])).toEqual([
      ['bonchaton.example', 301, 'https://services.bonchaton.example/'],
      ['services.bonchaton.example', 301, 'https://services.bonchaton.example/'],
    ]);
    expect(local.site.errors).toEqual([]);
  });
});
