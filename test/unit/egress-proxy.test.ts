/**
 * The egress proxy without a browser: plain HTTP forwarded and CONNECT tunnelled to the address
 * the gate decided (never to the name), refusals answered without contacting anything, and a
 * failed connection reported to the gate in Chromium's words.
 */
import { request, type IncomingMessage } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressGate } from '../../src/collect/egress-gate.js';
import { startEgressProxy, type EgressProxy } from '../../src/collect/egress-proxy.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { CLOSED_PORT } from '../support/fixture-audit.js';

let internet: FixtureInternet;
let gate: EgressGate;
let proxy: EgressProxy;
const asked: string[] = [];

beforeAll(async () => {
  internet = await startFixtureInternet();
  gate = new EgressGate({
    mappings: [`closed.example=127.0.0.1:${CLOSED_PORT}`, internet.mapHost].map(parseHostMapping),
    allowPrivate: false,
  });
  proxy = await startEgressProxy(
    async (host, port, url) => {
      asked.push(url);
      const decision = await gate.decide(host, port);
      if (decision.allowed) return decision.endpoint;
      if (decision.reason === 'private') gate.record(url, host, port, decision.address, 'browser');
      return null;
    },
    (host, port, code) => gate.noteFailure(host, port, code),
  );
});
afterAll(async () => {
  await proxy?.close();
  await internet?.close();
});

const proxyPort = (): number => Number(new URL(proxy.url).port);

function viaProxy(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort(), path: url, headers: { host: new URL(url).host } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

function tunnel(authority: string): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect(proxyPort(), '127.0.0.1', () =>
      socket.write(`CONNECT ${authority} HTTP/1.1\r\nhost: ${authority}\r\n\r\n`),
    );
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.on('error', () => resolve('error'));
  });
}

describe('egress proxy', () => {
  it('forwards a plain HTTP request where the gate says, with its status and headers', async () => {
    const before = internet.served.length;
    const answer = await viaProxy('http://services.bonchaton.example/');
    answer.resume();
    expect(answer.statusCode).toBe(301);
    expect(answer.headers.location).toBe('https://services.bonchaton.example/');
    expect(internet.served.slice(before).map((s) => s.host)).toEqual(['services.bonchaton.example']);
  });

  it('tunnels CONNECT to the mapped address, and refuses a private literal without connecting', async () => {
    expect(await tunnel('services.bonchaton.example:443')).toBe('HTTP/1.1 200 Connection Established');
    const before = internet.served.length;
    expect(await tunnel(`127.0.0.1:${internet.port}`)).toBe('HTTP/1.1 403 Forbidden');
    expect(await tunnel(`2130706433:${internet.port}`)).toBe('HTTP/1.1 403 Forbidden');
    expect(internet.served.length).toBe(before);
    // Both spellings are one address: one refusal recorded, under its canonical form.
    expect(gate.refusals().map((r) => [r.url, r.address])).toEqual([[`https://127.0.0.1:${internet.port}/`, '127.0.0.1']]);
  });

  it("closes a refused plain HTTP request without an answer the browser could take for the site's", async () => {
    await expect(viaProxy(`http://127.0.0.1:${internet.port}/internal-secret`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(internet.served.map((s) => s.path)).not.toContain('/internal-secret');
  });

  it('reports a connection the gate allowed but nothing accepted', async () => {
    expect(await tunnel('closed.example:443')).toBe('HTTP/1.1 502 Bad Gateway');
    expect(gate.explain('closed.example', 443)).toEqual({ error: 'net::ERR_CONNECTION_REFUSED', address: null });
  });

  it('survives an answer Node parses but cannot pass on (status under 100, control byte in the reason)', async () => {
    for (const statusLine of ['HTTP/1.1 099 OK', 'HTTP/1.1 200 O\x01K']) {
      const site = createServer((socket) => socket.once('data', () => socket.end(`${statusLine}\r\ncontent-length: 2\r\n\r\nhi`)));
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      const sitePort = (site.address() as AddressInfo).port;
      const hostileGate = new EgressGate({ mappings: [parseHostMapping(`bad-answer.example=127.0.0.1:${sitePort}`)], allowPrivate: false });
      const hostile = await startEgressProxy(
        async (host, port) => {
          const decision = await hostileGate.decide(host, port);
          return decision.allowed ? decision.endpoint : null;
        },
        (host, port, code) => hostileGate.noteFailure(host, port, code),
      );
      try {
        const answer = await new Promise<string>((resolve) => {
          const req = request({ host: '127.0.0.1', port: Number(new URL(hostile.url).port), path: 'http://bad-answer.example/' }, (res) => {
            res.resume();
            resolve(`status ${res.statusCode}`);
          });
          req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
          req.end();
        });
        // The browser sees a connection that ended without an answer, never the auditor crashing.
        expect(answer, statusLine).toMatch(/ECONNRESET|socket hang up/);
        expect(hostileGate.explain('bad-answer.example', 80)).toEqual({ error: 'net::ERR_INVALID_HTTP_RESPONSE', address: null });
      } finally {
        await hostile.close();
        await new Promise((resolve) => site.close(resolve));
      }
    }
  });
});
