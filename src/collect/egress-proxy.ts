/**
 * The browser's way out: a forward proxy on loopback, owned by the auditor, that Chromium must
 * use for every connection (--proxy-server; loopback not bypassed). Plain HTTP requests are
 * forwarded, TLS and WebSockets go through CONNECT tunnels (no interception: the browser still
 * validates certificates end to end). Each connection is decided by its caller (the egress gate
 * of the site, or the sink that refuses the browser's own traffic) and made to the address that
 * was decided, never to a name resolved again.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Endpoint } from './egress-gate.js';

/** Where a connection to host:port (for url) goes; null: refused (the caller has recorded why). */
export type ProxyDecision = (host: string, port: number, url: string) => Promise<Endpoint | null>;
/** A connection that was allowed but could not be made (the page's failure explained). */
export type ProxyFailure = (host: string, port: number, code: string) => void;

export interface EgressProxy {
  /** http://127.0.0.1:PORT, for --proxy-server or a context's proxy option. */
  url: string;
  close(): Promise<void>;
}

/** A server that accepts and then never answers must not hold a connection slot forever. */
const CONNECT_TIMEOUT_MS = 20_000;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'upgrade',
]);

function endToEnd(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, raw[i + 1] as string);
  }
  return kept;
}

function upstreamSocket(endpoint: Endpoint, onFailure: (code: string) => void): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: endpoint.address, port: endpoint.port });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })), CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      onFailure(error.code ?? 'ECONNREFUSED');
      resolve(null);
    });
  });
}

/** host:port of a CONNECT request line ("example.org:443", "[::1]:443"). */
function authority(target: string, defaultPort: number): { host: string; port: number } | null {
  try {
    const url = new URL(`http://${target}`);
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : defaultPort };
  } catch {
    return null;
  }
}

/** Both ends closed together; a reset upstream is a reset for the browser too. */
function splice(client: Duplex, upstream: Socket): void {
  client.on('error', () => upstream.destroy());
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' && 'resetAndDestroy' in client) (client as Socket).resetAndDestroy();
    else client.destroy();
  });
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  client.pipe(upstream);
  upstream.pipe(client);
}

export async function startEgressProxy(decide: ProxyDecision, failed: ProxyFailure = () => undefined): Promise<EgressProxy> {
  const sockets = new Set<Socket>();

  const tunnel = async (req: IncomingMessage, client: Duplex, head: Buffer, scheme: 'https' | 'http'): Promise<void> => {
    const target = authority(req.url ?? '', 443);
    if (!target) return void client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    const url = `${scheme}://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}/`;
    const endpoint = await decide(target.host, target.port, url).catch(() => null);
    if (!endpoint) return void client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    const upstream = await upstreamSocket(endpoint, (code) => failed(target.host, target.port, code));
    if (!upstream) return void client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
    if (client.destroyed) return void upstream.destroy();
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    splice(client, upstream);
  };

  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
      if (url.protocol !== 'http:') throw new Error('not a proxy request');
    } catch {
      return void res.writeHead(400).end();
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port ? Number(url.port) : 80;
    const endpoint = await decide(host, port, url.href).catch(() => null);
    // No answer at all rather than an error page the browser would take for the site's.
    if (!endpoint) return void req.socket.destroy();
    const upstream = httpRequest({
      host: endpoint.address,
      port: endpoint.port,
      method: req.method,
      path: `${url.pathname}${url.search}`,
      headers: endToEnd(req.rawHeaders),
      setHost: false,
      agent: false,
    });
    const timer = setTimeout(
      () => upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })),
      CONNECT_TIMEOUT_MS,
    );
    upstream.once('socket', (socket: Socket) => socket.once('connect', () => clearTimeout(timer)));
    upstream.on('response', (answer) => {
      answer.on('error', () => res.destroy());
      try {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.rawHeaders));
      } catch {
        // Node's parser accepts status lines and headers that writeHead refuses (a status under
        // 100, a control byte in the reason): the site's answer is unusable, never a crash.
        answer.destroy();
        upstream.destroy();
        failed(host, port, 'ERR_INVALID_HTTP_RESPONSE');
        req.socket.destroy();
        return;
      }
      answer.pipe(res);
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!res.headersSent) failed(host, port, error.code ?? 'ECONNRESET');
      if (error.code === 'ECONNRESET') req.socket.resetAndDestroy();
      else req.socket.destroy();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => void forward(req, res).catch(() => req.socket.destroy()));
  // Node's default timeouts would cut a slow page's long response, which the page budget bounds anyway.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => undefined);
    void tunnel(req, client, head, 'https').catch(() => client.destroy());
  });
  // WebSockets over plain HTTP come as CONNECT from Chromium; an Upgrade request is refused.
  server.on('upgrade', (_req: IncomingMessage, client: Duplex) => client.destroy());
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket: Duplex) => socket.destroy());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
