/**
 * Turning what a user typed into an audit target, or refusing it before anything starts.
 */
import { isIP } from 'node:net';
import { UsageError } from '../errors.js';
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
 * Loopback, private (RFC 1918, ULA), link-local, unspecified, CGNAT, multicast and reserved
 * addresses: never a candidate's public website, and a way into the auditor's own network.
 */
export function isPrivateAddress(address: string): boolean {
  const a = normaliseHost(address);
  if (a === 'localhost' || a.endsWith('.localhost')) return true;
  const family = isIP(a);
  if (family === 4) {
    const [p, q] = a.split('.').map(Number) as [number, number];
    return (
      p === 127 ||
      p === 10 ||
      p === 0 ||
      (p === 172 && q >= 16 && q <= 31) ||
      (p === 192 && q === 168) ||
      (p === 169 && q === 254) ||
      (p === 100 && q >= 64 && q <= 127) ||
      // 224/4 multicast, 240/4 reserved and the broadcast address.
      p >= 224
    );
  }
  if (family === 6) {
    const words = ipv6Words(a);
    if (!words) return true;
    if (words.every((w) => w === 0)) return true;
    if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return true;
    // An IPv4 address inside an IPv6 one reaches that IPv4 address: IPv4-mapped (::ffff:0:0/96,
    // written ::ffff:127.0.0.1 or ::ffff:7f00:1), NAT64 (64:ff9b::/96), deprecated compatible (::/96).
    const embedded =
      (words.slice(0, 5).every((w) => w === 0) && (words[5] === 0xffff || words[5] === 0)) ||
      (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0));
    if (embedded) {
      const [hi = 0, lo = 0] = words.slice(6);
      return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    const first = words[0] ?? 0;
    // ULA fc00::/7, link-local fe80::/10, the former site-local fec0::/10, multicast ff00::/8.
    return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00;
  }
  return false;
}

/** The eight 16-bit words of an IPv6 address (a trailing dotted IPv4 part included); null if malformed. */
function ipv6Words(address: string): number[] | null {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [b1, b2, b3, b4] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const words = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}
