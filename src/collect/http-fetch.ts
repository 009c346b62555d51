/**
 * The auditor's own HTTP fetches (ChatonsInfos files, the addresses they name), made from Node
 * rather than from a browser page: a page costs the browser a navigation per URL and would
 * render whatever a host answers. Every hop of a redirect goes through the site's egress gate
 * (the same endpoints as the browser's: --map-host, or the address the gate checked), and
 * --ca-cert applies as it does for the browser (the extra CA's key accepted in a chain, as
 * Chromium's SPKI list does).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions as HttpsRequestOptions } from 'node:https';
import type { SecureContext, TLSSocket } from 'node:tls';
import { packageInfo } from '../util/paths.js';
import { GateRefusedError, type EgressGate, type EgressPath, type Endpoint } from './egress-gate.js';
import { errorText, withTimeout } from './timeout.js';
import { secureContextFor, spkiHashOf } from './trust.js';
import type { ExtraTrust } from '../contracts/settings.js';

export interface FetchOptions {
  trust: ExtraTrust;
  timeoutMs: number;
  gate: EgressGate;
  /** Who fetches, for the finding when the gate refuses. */
  path: EgressPath;
  /** false: stop at the status line (is the address alive?). */
  readBody: boolean;
}

export interface Fetched {
  /** Of the last hop; null when nothing answered. */
  status: number | null;
  text: string | null;
  error: string | null;
}

const MAX_REDIRECTS = 5;
/** ChatonsInfos files are a few KiB; a host streaming more is not sending one. */
const MAX_BODY_BYTES = 1024 * 1024;
const USER_AGENT = `${packageInfo.name}/${packageInfo.version} (ChatonsInfos reader)`;

export async function fetchUrl(url: string, options: FetchOptions): Promise<Fetched> {
  const deadline = Date.now() + options.timeoutMs;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { status: null, text: null, error: 'invalid URL' };
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      return { status: null, text: null, error: `unsupported scheme ${current.protocol}` };
    let answer: Answer;
    try {
      const endpoint = await withTimeout(options.gate.open(current, options.path), Math.max(1, deadline - Date.now()), 'DNS');
      const left = deadline - Date.now();
      if (left <= 0) return { status: null, text: null, error: `no answer within ${options.timeoutMs} ms` };
      answer = await get(current, options, left, endpoint);
    } catch (error) {
      return {
        status: null,
        text: null,
        error: error instanceof GateRefusedError ? error.message : ((error as NodeJS.ErrnoException).code ?? errorText(error)),
      };
    }
    if (answer.location && answer.status >= 300 && answer.status < 400) {
      try {
        current = new URL(answer.location, current);
      } catch {
        return { status: answer.status, text: null, error: 'invalid redirect' };
      }
      continue;
    }
    return { status: answer.status, text: answer.text, error: null };
  }
  return { status: null, text: null, error: 'too many redirects' };
}

interface Answer {
  status: number;
  location: string | null;
  text: string | null;
}

function get(url: URL, options: FetchOptions, timeoutMs: number, endpoint: Endpoint): Promise<Answer> {
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const common = {
    // No pooled connection: one made under another trust set or to another address must not serve.
    agent: false,
    host: endpoint.address,
    port: endpoint.port,
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: { host: url.host, 'user-agent': USER_AGENT, accept: 'text/plain, */*;q=0.8' },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const onResponse = (res: IncomingMessage): void => {
      if (https && !trusted(res.socket as TLSSocket, options.trust)) {
        req.destroy(new Error(String((res.socket as TLSSocket).authorizationError ?? 'certificate not trusted')));
        return;
      }
      const status = res.statusCode ?? 0;
      const location = res.headers.location ?? null;
      if (!options.readBody || (location && status >= 300 && status < 400)) {
        clearTimeout(timer);
        res.destroy();
        resolve({ status, location, text: null });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy(new Error(`body over ${MAX_BODY_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status, location, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    };
    const req = https
      ? httpsRequest(tlsOptions({ ...common, servername: host, rejectUnauthorized: false }, options.trust), onResponse)
      : httpRequest(common, onResponse);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/**
 * What the browser accepts: a chain valid for the name, or (as Chromium's
 * --ignore-certificate-errors-spki-list, which the audit gives it) a chain holding an extra CA's key.
 */
function trusted(socket: TLSSocket, trust: ExtraTrust): boolean {
  if (socket.authorized) return true;
  if (trust.spkiHashes.length === 0) return false;
  const seen = new Set<string>();
  let cert = socket.getPeerX509Certificate();
  while (cert && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    if (trust.spkiHashes.includes(spkiHashOf(cert))) return true;
    // Each link up to that key must really be signed by the next: a chain that merely carries
    // the CA's certificate proves nothing.
    const issuer = cert.issuerCertificate;
    if (!issuer || !cert.verify(issuer.publicKey)) return false;
    cert = issuer;
  }
  return false;
}

/** https.request hands secureContext on to tls.connect, though its options type does not list it. */
function tlsOptions(base: HttpsRequestOptions, trust: ExtraTrust): HttpsRequestOptions {
  const withContext: HttpsRequestOptions & { secureContext: SecureContext } = { ...base, secureContext: secureContextFor(trust) };
  return withContext;
}
