/**
 * The egress gate's decisions, without a network: every spelling of a private address refused,
 * --map-host and --allow-private as documented, each name resolved once and the checked address
 * pinned (a later, different answer changes nothing).
 */
import { describe, expect, it } from 'vitest';
import { canonicalHost, EgressGate, GateRefusedError } from '../../src/collect/egress-gate.js';
import { parseHostMapping } from '../../src/collect/map-host.js';

const table: Record<string, string[]> = {
  'public.example': ['203.0.113.7'],
  'intranet.example': ['10.0.0.5'],
  'mixed.example': ['203.0.113.7', 'fe80::1'],
  'cgnat.example': ['100.64.0.1'],
  'multicast.example': ['224.0.0.251'],
  'v6.example': ['2001:db8::7'],
};
const lookup = async (host: string): Promise<string[]> => table[host] ?? [];

describe('egress gate', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['[::1]', '::1'],
    ['::1', '::1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['[::127.0.0.1]', '::7f00:1'],
    ['[::ffff:a9fe:a9fe]', '::ffff:a9fe:a9fe'],
    ['0.0.0.0', '0.0.0.0'],
    ['[::]', '::'],
    ['169.254.169.254', '169.254.169.254'],
    ['10.1.2.3', '10.1.2.3'],
    ['172.16.0.1', '172.16.0.1'],
    ['192.168.1.1', '192.168.1.1'],
    ['100.100.100.100', '100.100.100.100'],
    ['224.0.0.1', '224.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
    ['[fd00::1]', 'fd00::1'],
    ['[fe80::1]', 'fe80::1'],
    ['[ff02::1]', 'ff02::1'],
    ['localhost', 'localhost'],
    ['LOCALHOST.', 'localhost'],
    ['admin.localhost', 'admin.localhost'],
    ['intranet.example', '10.0.0.5'],
    ['mixed.example', 'fe80::1'],
    ['cgnat.example', '100.64.0.1'],
    ['multicast.example', '224.0.0.251'],
  ])('refuses %s (%s)', async (host, address) => {
    const gate = new EgressGate({ mappings: [], allowPrivate: false, lookup });
    expect(await gate.decide(host, 80)).toEqual({ allowed: false, reason: 'private', address });
  });

  it('lets public addresses and names through, to the address it checked', async () => {
    const gate = new EgressGate({ mappings: [], allowPrivate: false, lookup });
    expect(await gate.decide('public.example', 443)).toEqual({ allowed: true, endpoint: { address: '203.0.113.7', port: 443 } });
    expect(await gate.decide('v6.example', 80)).toEqual({ allowed: true, endpoint: { address: '2001:db8::7', port: 80 } });
    expect(await gate.decide('8.8.8.8', 53)).toEqual({ allowed: true, endpoint: { address: '8.8.8.8', port: 53 } });
    expect(await gate.decide('nxdomain.example', 443)).toEqual({
      allowed: false,
      reason: 'unresolved',
      error: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });

  it('resolves each name once: a rebinding answer is never asked for, the first address stays pinned', async () => {
    const answers = [['203.0.113.7'], ['127.0.0.1']];
    let asked = 0;
    const gate = new EgressGate({ mappings: [], allowPrivate: false, lookup: async () => answers[Math.min(asked++, 1)] ?? [] });
    for (let i = 0; i < 3; i++)
      expect(await gate.decide('rebind.example', 443)).toMatchObject({ allowed: true, endpoint: { address: '203.0.113.7' } });
    expect(asked).toBe(1);
    // And the other way round: refused once, refused for the whole site.
    let second = 0;
    const late = new EgressGate({
      mappings: [],
      allowPrivate: false,
      lookup: async () => (second++ === 0 ? ['127.0.0.1'] : ['203.0.113.7']),
    });
    expect(await late.decide('rebind.example', 443)).toMatchObject({ allowed: false, address: '127.0.0.1' });
    expect(await late.decide('REBIND.example.', 443)).toMatchObject({ allowed: false, address: '127.0.0.1' });
    expect(second).toBe(1);
  });

  it('sends a mapped host where --map-host says; a literal only when a pattern names it', async () => {
    const gate = new EgressGate({
      mappings: ['intranet.example=10.0.0.5:8080', '127.0.0.2=127.0.0.3', '*=127.0.0.1:8443'].map(parseHostMapping),
      allowPrivate: false,
      lookup,
    });
    expect(await gate.decide('intranet.example', 443)).toEqual({ allowed: true, endpoint: { address: '10.0.0.5', port: 8080 } });
    expect(await gate.decide('anything.example', 443)).toEqual({ allowed: true, endpoint: { address: '127.0.0.1', port: 8443 } });
    expect(await gate.decide('127.0.0.2', 80)).toEqual({ allowed: true, endpoint: { address: '127.0.0.3', port: 80 } });
    expect(await gate.decide('127.0.0.1', 8443)).toMatchObject({ allowed: false, address: '127.0.0.1' });
    expect(await gate.decide('2130706433', 8443)).toMatchObject({ allowed: false, address: '127.0.0.1' });
  });

  it('--allow-private lets private addresses through, still pinned to one answer', async () => {
    const gate = new EgressGate({ mappings: [], allowPrivate: true, lookup });
    expect(await gate.decide('intranet.example', 80)).toEqual({ allowed: true, endpoint: { address: '10.0.0.5', port: 80 } });
    expect(await gate.decide('127.0.0.1', 80)).toEqual({ allowed: true, endpoint: { address: '127.0.0.1', port: 80 } });
  });

  it('records each refusal with its URL, address and path, and explains a browser failure', async () => {
    const gate = new EgressGate({ mappings: [], allowPrivate: false, lookup });
    await expect(gate.open('https://intranet.example/admin', 'chatonsinfos')).rejects.toBeInstanceOf(GateRefusedError);
    await expect(gate.open('http://nxdomain.example/', 'probe')).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
    expect(gate.refusals()).toEqual([
      { url: 'https://intranet.example/admin', host: 'intranet.example', port: 443, address: '10.0.0.5', path: 'chatonsinfos' },
    ]);
    expect(gate.explain('intranet.example', 443)).toEqual({ error: 'net::ERR_BLOCKED_BY_CLIENT', address: '10.0.0.5' });
    expect(gate.explain('nxdomain.example', 443)).toEqual({ error: 'net::ERR_NAME_NOT_RESOLVED', address: null });
    expect(gate.explain('public.example', 443)).toBeNull();
    gate.noteFailure('public.example', 443, 'ECONNREFUSED');
    expect(gate.explain('public.example', 443)).toEqual({ error: 'net::ERR_CONNECTION_REFUSED', address: null });
    expect(canonicalHost('[::FFFF:127.0.0.1]')).toBe('::ffff:7f00:1');
  });
});
