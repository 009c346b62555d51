/**
 * The auditor's own Node-side fetches (ChatonsInfos): through the egress gate (--map-host as the
 * browser's connections), --ca-cert as the browser applies it, every redirect hop through the
 * gate, bounded bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../src/collect/http-fetch.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { EgressGate } from '../../src/collect/egress-gate.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';

let internet: FixtureInternet;
let options: FetchOptions;
beforeAll(async () => {
  internet = await startFixtureInternet();
  const gate = new EgressGate({ mappings: [parseHostMapping(internet.mapHost)], allowPrivate: false });
  options = { gate, path: 'chatonsinfos', trust: loadExtraTrust([internet.caCertFile]), timeoutMs: 5_000, readBody: true };
});
afterAll(async () => internet?.close());

describe('fetchUrl', () => {
  it('reads a file where --map-host sends the host, trusting the --ca-cert CA', async () => {
    const got = await fetchUrl('https://services.bonchaton.example/.well-known/chatonsinfos/organization.properties', options);
    expect(got).toMatchObject({ status: 200, error: null });
    expect(got.text).toMatch(/^organization\./m);
  });

  it("accepts a chain holding the extra CA's key for a name the leaf does not list, as Chromium's SPKI list does", async () => {
    const got = await fetchUrl('https://chaton-99.not-in-the-leaf.example/.well-known/chatonsinfos/organization.properties', options);
    expect(got).toMatchObject({ status: 404, error: null });
  });

  it('refuses a certificate nobody trusts', async () => {
    const got = await fetchUrl('https://services.bonchaton.example/', { ...options, trust: { pems: [], spkiHashes: [] } });
    expect(got.status).toBeNull();
    expect(got.error).toMatch(/certificate|self.signed|issuer/i);
  });

  it('follows redirects, and gives up on a loop', async () => {
    const got = await fetchUrl('https://redirect-loop.hostile.example/', options);
    expect(got).toMatchObject({ status: null, error: 'too many redirects' });
    expect(internet.served.filter((s) => s.host === 'redirect-loop.hostile.example').length).toBeGreaterThan(5);
  });

  it('refuses a redirect hop into a private address before connecting, and records who tried it', async () => {
    // --map-host '*' sends names to the fixture server; the hop is the literal 127.0.0.1, which '*' does not admit.
    const gate = new EgressGate({ mappings: [parseHostMapping(internet.mapHost)], allowPrivate: false });
    const got = await fetchUrl('https://private-redirect.hostile.example/', { ...options, gate });
    expect(got.error).toMatch(/^refused private address 127\.0\.0\.1/);
    // The first hop was served (the log works), the private one never.
    expect(internet.served.some((s) => s.host === 'private-redirect.hostile.example')).toBe(true);
    expect(internet.served.some((s) => s.path === '/internal-secret')).toBe(false);
    expect(gate.refusals()).toEqual([
      expect.objectContaining({ url: `http://127.0.0.1:${internet.port}/internal-secret`, address: '127.0.0.1', path: 'chatonsinfos' }),
    ]);
  });

  it('connects only to addresses the gate checked: a name it could not resolve is not resolved again', async () => {
    const unresolved = new EgressGate({
      mappings: [],
      allowPrivate: false,
      lookup: async () => {
        throw new Error('SERVFAIL');
      },
    });
    const got = await fetchUrl('https://services.bonchaton.example/.well-known/chatonsinfos/organization.properties', {
      ...options,
      gate: unresolved,
    });
    expect(got).toMatchObject({ status: null, error: 'net::ERR_NAME_NOT_RESOLVED' });
    const mixed = new EgressGate({ mappings: [], allowPrivate: false, lookup: async () => ['203.0.113.7', '10.0.0.8'] });
    expect((await fetchUrl('https://services.bonchaton.example/never-fetched', { ...options, gate: mixed })).error).toBe(
      'refused private address 10.0.0.8',
    );
    expect(internet.served.some((s) => s.path === '/never-fetched')).toBe(false);
  });

  it('stops reading a body past its bound, and reads none when only the status is wanted', async () => {
    const huge = await fetchUrl('https://huge.hostile.example/', options);
    expect(huge.status).toBeNull();
    expect(huge.error).toMatch(/^body over/);
    const alive = await fetchUrl('https://huge.hostile.example/', { ...options, readBody: false });
    expect(alive).toMatchObject({ status: 200, text: null, error: null });
  });

  it('reports a failed handshake and an unsupported scheme', async () => {
    // The handshake itself failed: not any error (a name that did not resolve would be one too).
    expect(await fetchUrl('https://tls-failure.hostile.example/', options)).toMatchObject({ status: null, error: 'EPROTO' });
    expect(await fetchUrl('file:///etc/passwd', options)).toMatchObject({ status: null, error: 'unsupported scheme file:' });
  });
});
