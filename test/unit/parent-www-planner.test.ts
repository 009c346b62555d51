import { describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../src/contracts/evidence.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { parentWwwPlanner } from '../../src/collect/planners/parent-www.js';
import { neighboursOf } from '../../src/domains/parent-www.js';
import { dns, page } from '../support/evidence.js';

const fakeDns = (records: Record<string, Partial<DnsRecord>>) => ({
  lookup: async (host: string) => dns(host, records[host] ?? { status: 'nxdomain', addresses: [] }),
});

const plan = (target: string, records: Record<string, Partial<DnsRecord>>, mappings: string[] = []) =>
  parentWwwPlanner.plan({
    target: new URL(target),
    portal: page(target),
    ownDomains: [],
    dns: fakeDns(records),
    mappings: mappings.map(parseHostMapping),
  });

describe('parent and www planner', () => {
  it.each([
    [
      'services.example.org',
      [
        ['example.org', 'parent'],
        ['www.example.org', 'www'],
      ],
    ],
    ['example.org', [['www.example.org', 'www']]],
    ['www.example.org', [['example.org', 'parent']]],
    ['alice.github.io', [['www.alice.github.io', 'www']]],
    [
      'services.example.co.uk',
      [
        ['example.co.uk', 'parent'],
        ['www.example.co.uk', 'www'],
      ],
    ],
    ['192.0.2.1', []],
  ] as const)('neighbours of %s', (host, expected) => {
    expect(neighboursOf(host).map((n) => [n.host, n.role])).toEqual(expected);
  });

  it('visits what DNS says exists, skips NXDOMAIN and NODATA, leaves DNS failures to the browser', async () => {
    expect(await plan('https://services.example.org/', { 'example.org': {} })).toEqual([{ url: 'https://example.org/', role: 'parent' }]);
    expect(
      await plan('https://services.example.org/', {
        'example.org': { status: 'nodata', addresses: [] },
        'www.example.org': { status: 'timeout', addresses: [] },
      }),
    ).toEqual([{ url: 'https://www.example.org/', role: 'www' }]);
  });

  it('visits a host named by an explicit --map-host whatever DNS says, but not through "*"', async () => {
    expect(await plan('https://services.example.org/', {}, ['www.example.org=127.0.0.1:8443', '*=127.0.0.1:9'])).toEqual([
      { url: 'https://www.example.org/', role: 'www' },
    ]);
  });
});
