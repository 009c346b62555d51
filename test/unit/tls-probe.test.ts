/**
 * Node-side TLS validation and the plain-HTTP probe against the fixture internet (no browser):
 * real validation, the test CA trusted only through --ca-cert.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { EgressGate } from '../../src/collect/egress-gate.js';
import { probeHttp, probeTls, type GatedProbeOptions } from '../../src/collect/tls-probe.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { CLOSED_PORT } from '../support/fixture-audit.js';

let internet: FixtureInternet;
let withCa: GatedProbeOptions;
let withoutCa: GatedProbeOptions;
beforeAll(async () => {
  internet = await startFixtureInternet();
  const mappings = [parseHostMapping(`closed.example=127.0.0.1:${CLOSED_PORT}`), parseHostMapping(internet.mapHost)];
  withCa = { gate: new EgressGate({ mappings, allowPrivate: false }), trust: loadExtraTrust([internet.caCertFile]), timeoutMs: 3_000 };
  withoutCa = { ...withCa, trust: { pems: [], spkiHashes: [] } };
});
afterAll(async () => internet?.close());

describe('TLS probe', () => {
  it('validates a fixture host with the test CA given by --ca-cert', async () => {
    expect(await probeTls('services.bonchaton.example', withCa)).toMatchObject({
      authorized: true,
      error: null,
      issuer: 'chatons-audit fixtures',
    });
  });

  it('refuses the same certificate without it (no blanket ignore)', async () => {
    const probe = await probeTls('services.bonchaton.example', withoutCa);
    expect(probe.authorized).toBe(false);
    expect(probe.error).toMatch(/UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it('checks the host name', async () => {
    const probe = await probeTls('not-in-the-certificate.example', withCa);
    expect(probe).toMatchObject({ authorized: false });
    expect(probe.error).toMatch(/ALTNAME|Hostname/i);
  });

  it('records a refused connection without a handshake', async () => {
    expect(await probeTls('closed.example', withCa)).toMatchObject({ authorized: false, protocol: null, error: 'ECONNREFUSED' });
  });
});

describe('HTTP probe', () => {
  it.each([
    ['services.bonchaton.example', 301, 'https://services.bonchaton.example/'],
    ['vieuxchaton.example', 200, null],
  ] as const)('http://%s/ → %s', async (host, status, location) => {
    expect(await probeHttp(host, withCa)).toMatchObject({ status, location });
  });

  it('keeps a Location that is not a URL as the site wrote it, instead of crashing', async () => {
    const site = createServer((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 301 Moved\r\nlocation: http://[\r\ncontent-length: 0\r\n\r\n')),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const gate = new EgressGate({
        mappings: [parseHostMapping(`bad-location.example=127.0.0.1:${(site.address() as AddressInfo).port}`)],
        allowPrivate: false,
      });
      expect(await probeHttp('bad-location.example', { ...withCa, gate })).toMatchObject({
        status: 301,
        location: 'http://[',
        error: null,
      });
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});

describe('probes through the egress gate', () => {
  it('never connect to a host whose name leads to a private address, and say why', async () => {
    const served = internet.served.length;
    // No --map-host: the names resolve (stub resolver) to the auditor's own network.
    const answers: Record<string, string[]> = {
      'parent.example': ['127.0.0.1'],
      'www.parent.example': ['10.0.0.5'],
      'meta.parent.example': ['169.254.169.254'],
    };
    const gate = new EgressGate({ mappings: [], allowPrivate: false, lookup: async (host) => answers[host] ?? [] });
    const probe = { ...withCa, gate };
    for (const host of Object.keys(answers)) {
      expect(await probeTls(host, probe)).toMatchObject({
        authorized: false,
        protocol: null,
        error: `refused private address ${answers[host]?.[0]}`,
      });
      expect(await probeHttp(host, probe)).toMatchObject({
        status: null,
        location: null,
        error: `refused private address ${answers[host]?.[0]}`,
      });
    }
    expect(gate.refusals().map((r) => [r.url, r.address, r.path])).toEqual(
      Object.entries(answers).flatMap(([host, [address]]) => [
        [`https://${host}/`, address, 'probe'],
        [`http://${host}/`, address, 'probe'],
      ]),
    );
    expect(internet.served.length).toBe(served);
  });
});
