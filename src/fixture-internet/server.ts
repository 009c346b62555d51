/**
 * The fixture internet: static sites under fixtures/web/<hostname>/, served by one local
 * server that dispatches on the Host header, HTTP and HTTPS on one port (the first byte of a
 * TLS connection is 0x16). `--map-host '*=127.0.0.1:PORT'` sends every hostname of an audit here.
 *
 * A sidecar `<file>.headers` sets response headers, one `Name: value` per line; a `Status:`
 * line sets the status (as in CGI), `X-Fixture-Delay: ms` delays the answer. A sidecar alone
 * (no file) answers with an empty body: redirects are written that way.
 * A host folder holding a `.https-only` file answers every plain-HTTP request with a 301 to
 * the same URL over HTTPS, as a well-configured server does.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, isIPv4, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fixturesDir } from '../util/paths.js';
import { dynamicHosts, sniffHost } from './dynamic-hosts.js';
import { makeTestPki } from './test-pki.js';

interface ServedRequest {
  host: string;
  path: string;
  tls: boolean;
  status: number;
}

export interface FixtureInternet {
  port: number;
  /** `*=127.0.0.1:PORT`, ready for --map-host. */
  mapHost: string;
  /** This run's test CA certificate (made at start, removed at close), ready for --ca-cert. */
  caCertFile: string;
  /** Everything served so far (bounded), for tests that assert what was or was not fetched. */
  served: ServedRequest[];
  close(): Promise<void>;
}

export interface FixtureInternetOptions {
  webRoot?: string;
  /** Where the egress fixtures aim (DynamicContext.canary); port 1 (nothing listens) by default. */
  canaryPort?: number;
  /** Listening address (default 127.0.0.1) and port (default: any free one). */
  host?: string;
  port?: number;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.properties': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
};
const MAX_LOG = 5_000;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readSidecar(path: string): { status: number; delayMs: number; headers: [string, string][] } | null {
  let text: string;
  try {
    text = readFileSync(`${path}.headers`, 'utf8');
  } catch {
    return null;
  }
  const result = { status: 200, delayMs: 0, headers: [] as [string, string][] };
  for (const line of text.split('\n')) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line.trim());
    if (!m?.[1]) continue;
    const [name, value = ''] = [m[1], m[2]];
    if (name.toLowerCase() === 'status') result.status = Number.parseInt(value, 10);
    else if (name.toLowerCase() === 'x-fixture-delay') result.delayMs = Number.parseInt(value, 10);
    else result.headers.push([name, value]);
  }
  return result;
}

/** Maps a request to a file under the host's folder, refusing any path that leaves it. */
function resolveFile(webRoot: string, host: string, pathname: string): string | null {
  const hostDir = resolve(webRoot, host);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  let file = resolve(hostDir, `.${decoded}`);
  if (file !== hostDir && !file.startsWith(hostDir + sep)) return null;
  if (decoded.endsWith('/') || file === hostDir) file = join(file, 'index.html');
  else if (!isFile(file) && isFile(join(file, 'index.html'))) file = join(file, 'index.html');
  return file;
}

export async function startFixtureInternet(options: FixtureInternetOptions = {}): Promise<FixtureInternet> {
  const webRoot = options.webRoot ?? join(fixturesDir, 'web');
  // One leaf names every fixture host, so Node-side TLS validation of fixtures is real validation.
  const hosts = readdirSync(webRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const listenIp = options.host && isIPv4(options.host) && options.host !== '127.0.0.1' ? [options.host] : [];
  const pki = makeTestPki(['localhost', '127.0.0.1', ...listenIp, ...hosts]);
  const caDir = mkdtempSync(join(tmpdir(), 'chatons-audit-ca-'));
  const caCertFile = join(caDir, 'ca.crt');
  writeFileSync(caCertFile, pki.caPem);
  const served: ServedRequest[] = [];
  const sockets = new Set<Socket>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const pathname = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
    const dynamic = dynamicHosts.get(host)?.respond;
    if (dynamic) {
      if (served.length < MAX_LOG) served.push({ host, path: pathname, tls: 'encrypted' in req.socket, status: 0 });
      return dynamic(req, res, { port, canary: options.canaryPort ?? 1 });
    }
    const validHost = /^[a-z0-9.-]+$/.test(host);
    if (validHost && !('encrypted' in req.socket) && isFile(join(webRoot, host, '.https-only'))) {
      if (served.length < MAX_LOG) served.push({ host, path: pathname, tls: false, status: 301 });
      res.writeHead(301, { location: `https://${host}${req.url ?? '/'}` });
      return void res.end();
    }
    const file = validHost ? resolveFile(webRoot, host, pathname) : null;
    const sidecar = file ? readSidecar(file) : null;
    const exists = file ? isFile(file) : false;
    const status = sidecar?.status ?? (exists ? 200 : 404);
    if (served.length < MAX_LOG) served.push({ host, path: pathname, tls: 'encrypted' in req.socket, status });
    if (sidecar?.delayMs) await new Promise((r) => setTimeout(r, sidecar.delayMs));
    const headers = new Map<string, string>();
    if (file && exists) headers.set('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    for (const [name, value] of sidecar?.headers ?? []) headers.set(name.toLowerCase(), value);
    if (!exists && !sidecar) headers.set('content-type', 'text/plain; charset=utf-8');
    res.writeHead(status, Object.fromEntries(headers));
    if (req.method === 'HEAD') return void res.end();
    res.end(exists && file ? await readFile(file) : sidecar ? '' : 'not found on the fixture internet\n');
  };

  const http = createHttpServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const tls = createTlsServer({ key: pki.leafKeyPem, cert: pki.chainPem }, (socket) => http.emit('connection', socket));
  tls.on('tlsClientError', () => undefined);
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      socket.pause();
      const takeOver = dynamicHosts.get(sniffHost(chunk) ?? '')?.connect;
      if (takeOver) return takeOver(socket, chunk[0] === 0x16);
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? tls : http).emit('connection', socket);
      // Resuming in the same tick loses the unshifted ClientHello with Chromium.
      process.nextTick(() => socket.resume());
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    mapHost: `*=${host}:${port}`,
    caCertFile,
    served,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }).finally(() => rmSync(caDir, { recursive: true, force: true })),
  };
}
