/**
 * Node-side TLS validation of a host, the way a visitor's browser would judge it: the system's
 * trust store plus the --ca-cert CAs, host name checked, connecting where the egress gate says
 * (--map-host, or the address it resolved and checked; a refused host is never contacted).
 * rejectUnauthorized is off only so that the reason can be recorded; `authorized` is Node's
 * own verdict (chain and host name), never overridden.
 */
import { connect } from 'node:tls';
import type { HttpProbe, TlsProbe } from '../contracts/evidence.js';
import type { EgressGate, Endpoint } from './egress-gate.js';
import type { Settings } from '../contracts/settings.js';
import { errorText } from './timeout.js';
import { secureContextFor } from './trust.js';
import { request } from 'node:http';

/** How the auditor's own connections are made: --map-host, --ca-cert, a time bound. */
export type ProbeOptions = Pick<Settings, 'mappings' | 'trust'> & { timeoutMs: number };

/** A probe's connection: through the site's egress gate. */
export type GatedProbeOptions = Pick<ProbeOptions, 'trust' | 'timeoutMs'> & { gate: EgressGate };

function urlOf(scheme: 'https' | 'http', host: string): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}/`;
}

/** The gate's endpoint for a probe, or the reason it gave (the gate records the refusal). */
async function gated(url: string, gate: EgressGate): Promise<Endpoint | string> {
  try {
    return await gate.open(url, 'probe');
  } catch (error) {
    return errorText(error);
  }
}

export async function probeTls(host: string, options: GatedProbeOptions): Promise<TlsProbe> {
  const probe: TlsProbe = { host, port: 443, authorized: false, error: null, protocol: null, issuer: null, validTo: null };
  const endpoint = await gated(urlOf('https', host), options.gate);
  if (typeof endpoint === 'string') return { ...probe, error: endpoint };
  const { address, port } = endpoint;
  return new Promise((resolve) => {
    let done = false;
    const finish = (error: string | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...probe, error: probe.error ?? error });
    };
    const socket = connect(
      {
        host: address,
        port,
        servername: host,
        secureContext: secureContextFor(options.trust),
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      },
      () => {
        probe.authorized = socket.authorized;
        probe.error = socket.authorized ? null : String(socket.authorizationError ?? 'certificate not trusted');
        probe.protocol = socket.getProtocol();
        const cert = socket.getPeerCertificate();
        if (cert && Object.keys(cert).length > 0) {
          probe.issuer = [cert.issuer?.O ?? cert.issuer?.CN ?? []].flat()[0] ?? null;
          probe.validTo = cert.valid_to ?? null;
        }
        finish(null);
      },
    );
    const timer = setTimeout(() => finish(`no TLS handshake within ${options.timeoutMs} ms`), options.timeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
  });
}

/** A Location header as an absolute URL; one that does not parse is kept as the site wrote it. */
function locationOf(header: string | undefined, base: string): string | null {
  if (!header) return null;
  try {
    return new URL(header, base).href;
  } catch {
    return header;
  }
}

/** GET http://host/ without following redirects: does plain HTTP send visitors to HTTPS? */
export async function probeHttp(host: string, options: GatedProbeOptions): Promise<HttpProbe> {
  const url = urlOf('http', host);
  const endpoint = await gated(url, options.gate);
  if (typeof endpoint === 'string') return { host, url, status: null, location: null, error: endpoint };
  const { address, port } = endpoint;
  return new Promise((resolve) => {
    const req = request({ host: address, port, path: '/', method: 'GET', headers: { host, 'user-agent': 'chatons-audit' } }, (res) => {
      clearTimeout(timer);
      res.destroy();
      resolve({ host, url, status: res.statusCode ?? null, location: locationOf(res.headers.location, url), error: null });
    });
    // A bound on the whole answer, not on idleness: headers sent a byte at a time (slowloris)
    // would keep an idle timeout from ever firing, and the open socket would keep the run alive.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ host, url, status: null, location: null, error: error.code ?? error.message });
    });
    req.end();
  });
}
