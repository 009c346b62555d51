/**
 * Fixture hosts whose behaviour a static file cannot express: a body that never ends, headers
 * sent one byte at a time (slowloris), a 50 MB page, a TLS handshake that fails, a connection reset, a redirect into the auditor's own
 * machine. Keyed by host name; the server asks this registry before its static files.
 */
import { domainToASCII } from 'node:url';
import { HOSTILE_CONTENT_HOST, hostileContent, IDN_HOST, LONG_HOST, plainPortal } from './hostile-content.js';
import type { DynamicHost } from './dynamic-host.js';

const HTML = 'text/html; charset=utf-8';
const HUGE_BYTES = 50 * 1024 * 1024;

/** A TLS alert record: fatal (2), handshake_failure (40). */
const TLS_HANDSHAKE_FAILURE = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}`;

const behaviours = new Map<string, DynamicHost>([
  [
    'never-ends.hostile.example',
    {
      // Headers and the start of a page, then nothing, ever: the connection stays open.
      respond(_req, res) {
        res.writeHead(200, { 'content-type': HTML });
        res.write(page('Chargement…', '<p>Bienvenue, la suite arrive'));
      },
    },
  ],
  [
    'slowloris.hostile.example',
    {
      // The status line and headers one byte at a time, never finished: the connection stays busy.
      respond(req, res) {
        const head = Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\nx-padding: ${'a'.repeat(10_000)}`);
        let sent = 0;
        const drip = setInterval(() => {
          if (sent >= head.length || req.socket.destroyed) return void clearInterval(drip);
          req.socket.write(head.subarray(sent, ++sent));
        }, 200);
        res.on('close', () => clearInterval(drip));
      },
    },
  ],
  [
    'huge.hostile.example',
    {
      respond(req, res) {
        res.writeHead(200, { 'content-type': HTML, 'content-length': String(HUGE_BYTES) });
        if (req.method === 'HEAD') return void res.end();
        const head = Buffer.from(page('Archives complètes', ''));
        const chunk = Buffer.from("<p>Compte rendu de l'assemblée générale, année après année, sans fin.</p>\n".padEnd(1024, ' '));
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
    },
  ],
  [
    'tls-failure.hostile.example',
    {
      connect(socket, tls) {
        if (tls) socket.end(TLS_HANDSHAKE_FAILURE);
        else socket.destroy();
      },
    },
  ],
  [
    'connection-reset.hostile.example',
    {
      connect(socket) {
        socket.resetAndDestroy();
      },
    },
  ],
  [
    'private-redirect.hostile.example',
    {
      // A candidate's site sending the auditor into its own machine (SSRF when run as a service).
      respond(_req, res, { port }) {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/internal-secret`, 'content-type': HTML });
        res.end();
      },
    },
  ],
  [HOSTILE_CONTENT_HOST, hostileContent],
  [LONG_HOST, plainPortal],
  [domainToASCII(IDN_HOST), plainPortal],
  [
    'private-resource.hostile.example',
    {
      respond(_req, res, { port }) {
        res.writeHead(200, { 'content-type': HTML });
        res.end(page('Accueil', `<h1>Accueil</h1><img src="http://127.0.0.1:${port}/internal-pixel.gif" alt=""></body></html>`));
      },
    },
  ],
]);

/** A static answer of an egress fixture: body and content type, or a redirect. */
type EgressAnswer = { type: string; body: string } | { location: string };

/** The pages of one egress fixture host, by path, given the canary port. */
type EgressSite = (canary: number, path: string) => EgressAnswer | undefined;

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const html = (body: string): EgressAnswer => ({ type: HTML, body: `${page('Accueil', body)}</body></html>` });
const js = (body: string): EgressAnswer => ({ type: JS, body });
/** Gives pages time to try their late paths (workers, sockets) within the audit's quiet window. */
const KEEP_BUSY = '<img src="/slow.gif" alt="">';

/**
 * Hostile pages, one per path a connection can take out of a browser, each aiming at the
 * auditor's own machine (the canary port on loopback). Cross-site frames live on
 * *.egress-other.example and *.egress-third.example; names resolving to private addresses come
 * from fixtures/dns/egress.yaml.
 */
const EGRESS_SITES: Readonly<Record<string, EgressSite>> = {
  'frames.egress.hostile.example': (_c, path) =>
    ({
      '/': html('<h1>Cadres</h1><iframe src="https://frame.egress-other.example/"></iframe>'),
    })[path],
  'frame.egress-other.example': (c, path) =>
    ({
      '/': html(`<img src="http://127.0.0.1:${c}/frame-image" alt=""><iframe src="https://nested.egress-third.example/"></iframe>`),
    })[path],
  'nested.egress-third.example': (c, path) =>
    ({
      '/': html(
        `<img src="http://127.0.0.2:${c}/nested-frame-image" alt=""><script>fetch('http://127.0.0.1:${c}/nested-frame-fetch').catch(() => {});</script>`,
      ),
    })[path],
  'workers.egress.hostile.example': (c, path) =>
    ({
      '/': html(`<h1>Workers</h1>${KEEP_BUSY}<script>
new Worker('/dedicated.js');
try { new SharedWorker('/shared.js'); } catch (e) {}
navigator.serviceWorker.register('/sw.js').catch(() => {});
</script>`),
      '/dedicated.js': js(`fetch('http://127.0.0.1:${c}/dedicated-worker').catch(() => {});`),
      '/shared.js': js(`fetch('http://127.0.0.1:${c}/shared-worker').catch(() => {});`),
      '/sw.js': js(`self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(fetch('http://127.0.0.1:${c}/service-worker').catch(() => {})));
fetch('https://127.0.0.2:${c}/service-worker-script').catch(() => {});`),
    })[path],
  'sockets.egress.hostile.example': (c, path) =>
    ({
      '/': html(`<h1>Flux</h1>${KEEP_BUSY}<script>
try { new WebSocket('ws://127.0.0.1:${c}/websocket'); } catch (e) {}
try { new WebSocket('wss://127.0.0.2:${c}/websocket-tls'); } catch (e) {}
try { new EventSource('http://127.0.0.1:${c}/event-source'); } catch (e) {}
navigator.sendBeacon('http://127.0.0.1:${c}/beacon', 'x');
</script>`),
    })[path],
  'hints.egress.hostile.example': (c, path) =>
    ({
      '/': html(`<link rel="prefetch" href="http://127.0.0.1:${c}/prefetch"><link rel="preconnect" href="https://127.0.0.2:${c}">
<link rel="preload" as="image" href="http://127.0.0.1:${c}/preload.png"><link rel="dns-prefetch" href="//127.0.0.2:${c}">
<link rel="modulepreload" href="http://127.0.0.1:${c}/modulepreload.js"><h1>Indices</h1>`),
    })[path],
  'css.egress.hostile.example': (c, path) =>
    ({
      '/': html('<link rel="stylesheet" href="/style.css"><h1 class="f">Styles</h1><div class="bg">fond</div>'),
      '/style.css': {
        type: CSS,
        body: `@import url("http://127.0.0.1:${c}/import.css");
@font-face { font-family: Canari; src: url("http://127.0.0.1:${c}/font.woff2") format("woff2"); }
.f { font-family: Canari, serif; }
.bg { background-image: url("http://127.0.0.2:${c}/background.png"); min-height: 20px; }`,
      },
    })[path],
  'redirects.egress.hostile.example': (_c, path) =>
    ({
      '/': { location: 'https://hop.egress-other.example/next' },
    })[path],
  'hop.egress-other.example': (c, path) =>
    ({
      '/next': { location: `http://127.0.0.1:${c}/redirect-target` },
    })[path],
  'meta-refresh.egress.hostile.example': (c, path) =>
    ({
      '/': html(`<meta http-equiv="refresh" content="0;url=http://127.0.0.1:${c}/meta-refresh"><h1>Redirection</h1>`),
    })[path],
  'spellings.egress.hostile.example': (c, path) =>
    ({
      '/': html(
        [
          '2130706433',
          '0x7f000001',
          '0177.0.0.1',
          '127.1',
          '017700000001',
          '127.0.0.1.',
          '[::ffff:127.0.0.1]',
          '[::1]',
          '[::ffff:7f00:2]',
          '127.0.0.2',
          'localhost',
          'admin.localhost',
          '0.0.0.0',
        ]
          .map((host, i) => `<img src="http://${host}:${c}/spelling-${i}" alt="">`)
          .join(''),
      ),
    })[path],
  'dns.egress.hostile.example': (c, path) =>
    ({
      // Names that fixtures/dns/egress.yaml resolves into the auditor's machine.
      '/': html(`<img src="http://intranet.egress-dns.example:${c}/resolved-loopback" alt="">
<script>fetch('https://second.egress-dns.example:${c}/resolved-second-loopback').catch(() => {});</script>`),
    })[path],
  'webrtc.egress.hostile.example': (c, path) =>
    ({
      '/': html(`<h1>WebRTC</h1>${KEEP_BUSY}<script>
const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${c}' }, { urls: 'turn:127.0.0.2:${c}?transport=udp', username: 'u', credential: 'p' }] });
pc.createDataChannel('x');
pc.createOffer().then((o) => pc.setLocalDescription(o)).catch(() => {});
</script>`),
    })[path],
  'www.egress-probe.example': (_c, path) =>
    ({
      // Its parent (egress-probe.example) and its service host resolve into the auditor's machine:
      // the pages are refused, and so are the auditor's own TLS and HTTP probes of those hosts.
      '/': html('<h1>Sonde</h1><a href="https://cloud.egress-probe.example/">Notre cloud</a>'),
    })[path],
  // Served in a network namespace, found through real name resolution (no --map-host):
  // egress-netns.test.ts gives the names their (changing) answers.
  'portal.egress.example': (_c, path) =>
    ({
      '/': html(`<h1>Portail</h1><img src="https://sub-rebind.egress.example/logo.png" alt="">
<img src="https://intranet.egress.example/pixel.gif" alt=""><img src="http://127.0.0.1/literal.gif" alt="">`),
      '/logo.png': { type: 'image/png', body: '' },
    })[path],
  'rebind-target.egress.example': (_c, path) =>
    ({
      '/': html('<h1>Accueil</h1><link rel="icon" href="/favicon.ico">'),
    })[path],
  'infos.egress.hostile.example': (c, path) =>
    ({
      '/': html('<h1>Infos</h1>'),
      '/.well-known/chatonsinfos/organization.properties': {
        type: 'text/plain; charset=utf-8',
        body: [
          'file.class = organization',
          'organization.name = Canari',
          `organization.website = http://127.0.0.2:${c}/website`,
          `subs.one = http://127.0.0.1:${c}/service.properties`,
          `subs.two = https://intranet.egress-dns.example:${c}/service.properties`,
          '',
        ].join('\n'),
      },
    })[path],
};

function egressHost(site: EgressSite): DynamicHost {
  return {
    respond(req, res, { canary }) {
      const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
      if (path === '/slow.gif') {
        setTimeout(() => res.writeHead(404).end(), 1_500);
        return;
      }
      const answer = site(canary, path);
      if (!answer) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if ('location' in answer) return void res.writeHead(302, { location: answer.location }).end();
      res.writeHead(200, { 'content-type': answer.type }).end(answer.body);
    },
  };
}

/** The egress fixture hosts (the frames and redirect hops they use included). */
export const EGRESS_HOSTS: readonly string[] = Object.keys(EGRESS_SITES);

export const dynamicHosts: ReadonlyMap<string, DynamicHost> = new Map([
  ...behaviours,
  ...Object.entries(EGRESS_SITES).map(([host, site]) => [host, egressHost(site)] as const),
]);

/** The host a connection is for, from its first bytes: TLS SNI, or the HTTP Host header. */
export function sniffHost(chunk: Buffer): string | null {
  return chunk[0] === 0x16 ? sniName(chunk) : (/\r\nhost:\s*([^\r\n:]+)/i.exec(chunk.toString('latin1'))?.[1]?.toLowerCase() ?? null);
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
