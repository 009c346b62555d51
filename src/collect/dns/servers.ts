/**
 * Which DNS server the audit asks: --dns-server addr[:port], else the nameservers of
 * /etc/resolv.conf. Never dns2's built-in public resolvers: an audit must not send the
 * candidate's host names to a third party the user did not choose.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { UsageError } from '../../errors.js';
import type { DnsServer } from '../../contracts/settings.js';

export function parseDnsServer(spec: string): DnsServer {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:\s]+))(?::(\d{1,5}))?$/i.exec(spec.trim());
  const address = m?.[1] ?? m?.[2] ?? '';
  const port = m?.[3] ? Number(m[3]) : 53;
  // A bare IPv6 address has colons of its own: accept it whole, port 53.
  if (!m && isIP(spec.trim()) === 6) return { address: spec.trim(), port: 53 };
  if (!m || !isIP(address) || port < 1 || port > 65535) throw new UsageError('error.badDnsServer', { value: spec });
  return { address, port };
}

/** Nameservers listed in a resolv.conf text (IPv4 and IPv6; zone ids dropped). */
export function parseResolvConf(text: string): DnsServer[] {
  const servers: DnsServer[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+([0-9a-f:.]+)(?:%\S+)?\s*$/i.exec(line);
    if (m?.[1] && isIP(m[1])) servers.push({ address: m[1], port: 53 });
  }
  return servers;
}

export function systemDnsServers(file = '/etc/resolv.conf'): DnsServer[] {
  try {
    return parseResolvConf(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}
