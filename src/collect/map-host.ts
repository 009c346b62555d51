/**
 * --map-host pattern=addr[:port], like curl --resolve: every access of the audit to a matching
 * host goes to addr:port (the egress gate applies it to the browser's connections and the
 * auditor's own alike).
 */
import { isIP } from 'node:net';
import { UsageError } from '../errors.js';
import { normaliseHost } from '../domains/party.js';
import type { HostMapping } from '../contracts/settings.js';

const HOST_PATTERN = /^(\*|(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*)$/;

export function parseHostMapping(spec: string): HostMapping {
  const eq = spec.indexOf('=');
  const pattern = normaliseHost(spec.slice(0, eq));
  const target = spec.slice(eq + 1).trim();
  const m = /^(\[[0-9a-f:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/i.exec(target);
  const address = m?.[1]?.replace(/^\[|\]$/g, '') ?? '';
  const port = m?.[2] ? Number(m[2]) : null;
  if (
    eq <= 0 ||
    !HOST_PATTERN.test(pattern) ||
    !m ||
    !(isIP(address) || HOST_PATTERN.test(address)) ||
    (port !== null && (port < 1 || port > 65535))
  ) {
    throw new UsageError('error.badMapHost', { value: spec });
  }
  return { pattern, address, port };
}

function mappingMatches(mapping: HostMapping, host: string): boolean {
  const h = normaliseHost(host);
  if (mapping.pattern === '*') return true;
  if (mapping.pattern.startsWith('*.')) return h.endsWith(mapping.pattern.slice(1));
  return h === mapping.pattern;
}

/** First matching mapping wins (as curl --resolve and Chromium's host resolver rules do). */
export function findMapping(mappings: readonly HostMapping[], host: string): HostMapping | undefined {
  return mappings.find((m) => mappingMatches(m, host));
}

/** Hosts named by a pattern other than `*` are visited whatever DNS says (DESIGN.md). */
export function isExplicitlyMapped(mappings: readonly HostMapping[], host: string): boolean {
  return mappings.some((m) => m.pattern !== '*' && mappingMatches(m, host));
}
