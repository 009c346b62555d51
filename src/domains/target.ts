/**
 * Turning what a user typed into an audit target, or refusing it before anything starts.
 */
import { isIP } from 'node:net';
import { UsageError } from '../cli/usage-error.js';
import { normaliseHost } from './party.js';

const AUDITABLE_SCHEMES = new Set(['http:', 'https:']);

/** "example.org" means https://example.org/; explicit http(s) URLs are kept as given. */
export function parseTarget(input: string): URL {
  const raw = input.trim();
  if (!raw) throw new UsageError('error.malformedUrl', { input });
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^[^/:]+:\d+(\/|$)/.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    throw new UsageError('error.malformedUrl', { input });
  }
  if (!AUDITABLE_SCHEMES.has(url.protocol)) {
    throw new UsageError('error.unsupportedScheme', { input, scheme: url.protocol.replace(/:$/, '') });
  }
  const host = normaliseHost(url.hostname);
  if (!host || !(isIP(host) || host === 'localhost' || /^[a-z0-9-_]+(\.[a-z0-9-_]+)+$/i.test(host))) {
    throw new UsageError('error.malformedUrl', { input });
  }
  url.hash = '';
  return url;
}

/**
 * Loopback, private (RFC 1918, ULA), link-local, unspecified and CGNAT addresses: never a
 * candidate's public website, and a way into the auditor's own network when run as a service.
 */
export function isPrivateAddress(address: string): boolean {
  const a = normaliseHost(address);
  if (a === 'localhost' || a.endsWith('.localhost')) return true;
  const family = isIP(a);
  if (family === 4) {
    const [p, q] = a.split('.').map(Number) as [number, number];
    return p === 127 || p === 10 || p === 0 || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168)
      || (p === 169 && q === 254) || (p === 100 && q >= 64 && q <= 127);
  }
  if (family === 6) {
    if (a === '::1' || a === '::') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped?.[1]) return isPrivateAddress(mapped[1]);
    return /^f[cd]/.test(a) || /^fe[89ab]/.test(a);
  }
  return false;
}
