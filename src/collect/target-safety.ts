/**
 * Targets that resolve to loopback, private or link-local addresses are refused before the
 * audit (exit 2) unless --allow-private, or the host is matched by --map-host (then the user
 * chose where it goes). A name that does not resolve is not refused: the audit reports it.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UsageError } from '../errors.js';
import { findMapping } from './map-host.js';
import { isPrivateAddress } from '../domains/target.js';
import type { HostMapping } from '../contracts/settings.js';

/** RFC 2606 / RFC 6761 names never resolve on the Internet: no lookup (and none from tests). */
const RESERVED_NAME = /\.(example|invalid|test)\.?$/i;

export type AddressLookup = (host: string) => Promise<string[]>;

const systemLookup: AddressLookup = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

export async function refusePrivateTargets(
  targets: readonly URL[],
  mappings: readonly HostMapping[],
  allowPrivate: boolean,
  resolve: AddressLookup = systemLookup,
): Promise<void> {
  if (allowPrivate) return;
  await Promise.all(
    targets.map(async (target) => {
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (findMapping(mappings, host) || RESERVED_NAME.test(host)) return;
      let address: string | undefined;
      if (isIP(host) || isPrivateAddress(host)) {
        address = isPrivateAddress(host) ? host : undefined;
      } else {
        const addresses = await resolve(host).catch(() => [] as string[]);
        address = addresses.find(isPrivateAddress);
      }
      if (address) throw new UsageError('error.privateTarget', { input: target.href, address });
    }),
  );
}
