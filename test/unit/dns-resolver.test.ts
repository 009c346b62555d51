/**
 * The audit's DNS resolver against the fixture DNS server (dns2 on 127.0.0.1, fixtures/dns/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsResolver } from '../../src/collect/dns/resolver.js';
import { parseDnsServer, parseResolvConf } from '../../src/collect/dns/servers.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';

let server: FixtureDns;
const resolver = (over: Partial<ConstructorParameters<typeof DnsResolver>[0]> = {}): DnsResolver =>
  new DnsResolver({ servers: [parseDnsServer(server.server)], timeoutMs: 1_500, ...over });

beforeAll(async () => {
  server = await startFixtureDns();
});
afterAll(async () => server?.close());

describe('DnsResolver', () => {
  it.each([
    ['A and AAAA', 'services.bonchaton.example', { status: 'ok', cname: [], addresses: ['192.0.2.10', '2001:db8::10'] }],
    [
      'in-zone CNAME (one answer)',
      'www.bonchaton.example',
      { status: 'ok', cname: ['bonchaton.example'], addresses: ['192.0.2.10', '2001:db8::10'] },
    ],
    [
      'chain across zones (partial answers, followed hop by hop)',
      'stats.pistechaton.example',
      { status: 'ok', cname: ['pistechaton.collect.metricsfox.example', 'edge.metricsfox.example'], addresses: ['203.0.113.50'] },
    ],
    ['NXDOMAIN', 'nope.pistechaton.example', { status: 'nxdomain', cname: [], addresses: [] }],
    ['NODATA', 'vide.pannechaton.example', { status: 'nodata', cname: [], addresses: [] }],
    ['SERVFAIL', 'panne.pannechaton.example', { status: 'servfail', cname: [], addresses: [] }],
    ['dangling CNAME', 'orphelin.pannechaton.example', { status: 'nxdomain', cname: ['supprime.pannechaton.example'], addresses: [] }],
    ['loop inside one answer', 'boucle.pannechaton.example', { status: 'loop' }],
    [
      'loop across zones',
      'ricochet.pannechaton.example',
      { status: 'loop', cname: ['ricochet.metricsfox.example', 'ricochet.pannechaton.example'] },
    ],
    ['a name the server never answers', 'lent.pannechaton.example', { status: 'timeout', cname: [], addresses: [] }],
  ] as const)('%s: %s', async (_name, host, expected) => {
    const record = await resolver().lookup(host);
    expect(record).toMatchObject({ host, ...expected });
    expect(record.error === null).toBe(expected.status === 'ok');
  });

  it('explains each failure in words', async () => {
    const r = resolver();
    expect((await r.lookup('boucle.pannechaton.example')).error).toMatch(
      /^CNAME loop: boucle\.pannechaton\.example → boucle2\.pannechaton\.example → boucle\.pannechaton\.example$/,
    );
    expect((await r.lookup('orphelin.pannechaton.example')).error).toBe('supprime.pannechaton.example: NXDOMAIN (dangling CNAME)');
    expect((await r.lookup('panne.pannechaton.example')).error).toBe('panne.pannechaton.example: SERVFAIL');
    expect((await r.lookup('lent.pannechaton.example')).error).toMatch(/no answer from 127\.0\.0\.1:\d+ within 1500 ms/);
  });

  it('bounds the hops', async () => {
    const record = await resolver({ maxHops: 1 }).lookup('stats.pistechaton.example');
    expect(record.status).toBe('too-long');
  });

  it('reads MX and NS of a domain', async () => {
    const record = await resolver().lookupDomain('nuagechaton.example');
    expect(record).toMatchObject({ status: 'ok', mx: ['alt1.aspmx.l.google.com', 'aspmx.l.google.com'], ns: ['ns1.nuagechaton.example'] });
  });

  it('asks each question once per audit (cache)', async () => {
    const r = resolver();
    const before = server.questions.length;
    await Promise.all([r.lookup('cloud.bonchaton.example'), r.lookup('cloud.bonchaton.example')]);
    await r.lookup('cloud.bonchaton.example');
    expect(server.questions.slice(before)).toEqual([
      { name: 'cloud.bonchaton.example', type: 'A' },
      { name: 'cloud.bonchaton.example', type: 'AAAA' },
    ]);
  });

  it('with no server at all, says so instead of asking a public resolver', async () => {
    const record = await new DnsResolver({ servers: [] }).lookup('services.bonchaton.example');
    expect(record).toMatchObject({ status: 'error' });
    expect(record.error).toContain('--dns-server');
  });
});

describe('DNS server settings', () => {
  it.each([
    ['127.0.0.1', { address: '127.0.0.1', port: 53 }],
    ['127.0.0.1:5353', { address: '127.0.0.1', port: 5353 }],
    ['[::1]:5353', { address: '::1', port: 5353 }],
    ['::1', { address: '::1', port: 53 }],
  ] as const)('--dns-server %s', (spec, expected) => {
    expect(parseDnsServer(spec)).toEqual(expected);
  });

  it.each(['dns.example', '127.0.0.1:0', '127.0.0.1:99999', ''])('refuses --dns-server %j', (spec) => {
    expect(() => parseDnsServer(spec)).toThrow();
  });

  it('reads the nameservers of resolv.conf', () => {
    expect(parseResolvConf('# comment\nsearch lan\nnameserver 10.0.0.53\nnameserver fe80::1%eth0\noptions ndots:2\n')).toEqual([
      { address: '10.0.0.53', port: 53 },
      { address: 'fe80::1', port: 53 },
    ]);
  });
});

describe('a DNS server that never answers', () => {
  it('gives up after a few silent queries instead of waiting a timeout per host', async () => {
    const { createSocket } = await import('node:dgram');
    const mute = createSocket('udp4');
    await new Promise<void>((done) => mute.bind(0, '127.0.0.1', done));
    try {
      const r = new DnsResolver({ servers: [{ address: '127.0.0.1', port: mute.address().port }], timeoutMs: 200, concurrency: 4 });
      const records = await Promise.all(Array.from({ length: 30 }, (_, i) => r.lookup(`h${i}.example.org`)));
      expect(records.every((x) => x.status === 'timeout')).toBe(true);
      expect(records.at(-1)?.error).toContain('not asked');
    } finally {
      mute.close();
    }
  });
});
