/**
 * Fixture hosts whose behaviour a static file cannot express: a body that never ends, a 50 MB
 * page, a TLS handshake that fails, a connection reset, a redirect into the auditor's own
 * machine. Keyed by host name; the server asks this registry before its static files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { domainToASCII } from 'node:url';
import { HOSTILE_CONTENT_HOST, hostileContent, IDN_HOST, LONG_HOST, plainPortal } from './hostile-content.js';

export interface DynamicContext {
  /** The fixture server's port (for answers that point back at it). */
  port: number;
}

export interface DynamicHost {
  /** Takes over the raw connection before TLS or HTTP (the first bytes have been read). */
  connect?(socket: Socket, tls: boolean): void;
  /** Answers an HTTP request in place of the static files. */
  respond?(req: IncomingMessage, res: ServerResponse, context: DynamicContext): void;
}

const HTML = 'text/html; charset=utf-8';
const HUGE_BYTES = 50 * 1024 * 1024;

/** A TLS alert record: fatal (2), handshake_failure (40). */
const TLS_HANDSHAKE_FAILURE = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}`;

export const dynamicHosts: ReadonlyMap<string, DynamicHost> = new Map<string, DynamicHost>([
  ['never-ends.hostile.example', {
    // Headers and the start of a page, then nothing, ever: the connection stays open.
    respond(_req, res) {
      res.writeHead(200, { 'content-type': HTML });
      res.write(page('Chargement…', '<p>Bienvenue, la suite arrive'));
    },
  }],
  ['huge.hostile.example', {
    respond(req, res) {
      res.writeHead(200, { 'content-type': HTML, 'content-length': String(HUGE_BYTES) });
      if (req.method === 'HEAD') return void res.end();
      const head = Buffer.from(page('Archives complètes', ''));
      const chunk = Buffer.from('<p>Compte rendu de l\'assemblée générale, année après année, sans fin.</p>\n'.padEnd(1024, ' '));
      let sent = 0;
      const pump = (): void => {
        while (sent < HUGE_BYTES) {
          const part = sent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, HUGE_BYTES - sent));
          sent += part.length;
          if (sent >= HUGE_BYTES) return void res.end(part);
          if (!res.write(part)) return void res.once('drain', pump);
        }
      };
      res.on('close', () => (sent = HUGE_BYTES));
      pump();
    },
  }],
  ['tls-failure.hostile.example', {
    connect(socket, tls) {
      if (tls) socket.end(TLS_HANDSHAKE_FAILURE);
      else socket.destroy();
    },
  }],
  ['connection-reset.hostile.example', {
    connect(socket) {
      socket.resetAndDestroy();
    },
  }],
  ['private-redirect.hostile.example', {
    // A candidate's site sending the auditor into its own machine (SSRF when run as a service).
    respond(_req, res, { port }) {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/internal-secret`, 'content-type': HTML });
      res.end();
    },
  }],
  [HOSTILE_CONTENT_HOST, hostileContent],
  [LONG_HOST, plainPortal],
  [domainToASCII(IDN_HOST), plainPortal],
  ['private-resource.hostile.example', {
    respond(_req, res, { port }) {
      res.writeHead(200, { 'content-type': HTML });
      res.end(page('Accueil', `<h1>Accueil</h1><img src="http://127.0.0.1:${port}/internal-pixel.gif" alt=""></body></html>`));
    },
  }],
]);

/** The host a connection is for, from its first bytes: TLS SNI, or the HTTP Host header. */
export function sniffHost(chunk: Buffer): string | null {
  return chunk[0] === 0x16 ? sniName(chunk) : /\r\nhost:\s*([^\r\n:]+)/i.exec(chunk.toString('latin1'))?.[1]?.toLowerCase() ?? null;
}

function sniName(b: Buffer): string | null {
  try {
    let p = 5 + 4 + 2 + 32; // record header, handshake header, version, random
    p += 1 + b.readUInt8(p); // session id
    p += 2 + b.readUInt16BE(p); // cipher suites
    p += 1 + b.readUInt8(p); // compression methods
    const end = p + 2 + b.readUInt16BE(p);
    p += 2;
    while (p + 4 <= end) {
      const type = b.readUInt16BE(p);
      const length = b.readUInt16BE(p + 2);
      if (type === 0) {
        const nameLength = b.readUInt16BE(p + 7);
        return b.toString('latin1', p + 9, p + 9 + nameLength).toLowerCase();
      }
      p += 4 + length;
    }
  } catch {
    // A truncated ClientHello: no name.
  }
  return null;
}
