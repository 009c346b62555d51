/**
 * Batch pieces without a browser: targets files, shards, output file names, the runner's
 * concurrency bound and crash recovery (with a fake auditor), unsafe targets.
 */
import type { UsageError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { siteFileName } from '../../src/audit/batch/output-dir.js';
import { runBatch, type SiteAuditor, type SiteOutcome } from '../../src/audit/batch/runner.js';
import { parseShard, selectShard, shardFrom } from '../../src/audit/batch/shard.js';
import { dedupeTargets, parseTargetsText, type BatchTarget } from '../../src/audit/batch/targets.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { BrowserStalled } from '../../src/collect/timeout.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { refusePrivateTargets } from '../../src/collect/target-safety.js';

describe('targets file', () => {
  it('reads one URL per line, with # comments and blank lines', () => {
    const targets = parseTargetsText(
      '# members\nhttps://a.example/\n\nb.example  # no scheme\n   # indented comment\nhttp://c.example:8080/x\n',
      't.txt',
    );
    expect(targets.map((t) => t.url.href)).toEqual(['https://a.example/', 'https://b.example/', 'http://c.example:8080/x']);
  });

  it('reads a YAML list with per-target options', () => {
    const targets = parseTargetsText(
      '# YAML\n- a.example\n- url: https://b.example/\n  maxPages: 3\n  ownDomains: [b-cdn.example]\n  candidate: true\n  chatonsinfos: https://b.example/ci.properties\n',
      't.yml',
    );
    expect(targets[0]).toEqual({ url: new URL('https://a.example/'), overrides: {} });
    expect(targets[1]?.overrides).toEqual({
      maxPages: 3,
      ownDomains: ['b-cdn.example'],
      candidate: true,
      chatonsinfos: 'https://b.example/ci.properties',
    });
  });

  it.each([
    ['a refused scheme, with its line', 'a.example\nfile:///etc/passwd\n', /line 2: "file:/],
    ['an unknown YAML key', '- url: a.example\n  colour: blue\n', /colour/],
    ['a bad maxPages', '- url: a.example\n  maxPages: 0\n', /maxPages/],
    ['a chatonsinfos that is not an http(s) URL', '- url: a.example\n  chatonsinfos: file:///etc/passwd\n', /chatonsinfos/],
  ])('refuses %s', (_name, text, detail) => {
    expect(() => parseTargetsText(text, 't')).toThrow(expect.objectContaining({ key: 'error.targetsInvalid' }));
    try {
      parseTargetsText(text, 't');
    } catch (error) {
      expect((error as UsageError).text('en')).toMatch(detail);
    }
  });

  it('audits the same URL once', () => {
    const t = (u: string): BatchTarget => ({ url: new URL(u), overrides: {} });
    expect(
      dedupeTargets([t('https://a.example/'), t('https://b.example/'), t('https://a.example/')].map((target) => ({ target }))).map(
        (x) => x.target.url.host,
      ),
    ).toEqual(['a.example', 'b.example']);
  });
});

describe('shards', () => {
  const items = Array.from({ length: 10 }, (_, i) => `site${i}`);

  it('puts every target in exactly one shard, balanced, in a stable order', () => {
    const shards = [1, 2, 3].map((index) => selectShard(items, { index, total: 3 }));
    expect(shards.flat().sort()).toEqual([...items].sort());
    expect(shards.map((s) => s.length)).toEqual([4, 3, 3]);
    expect(selectShard(items, { index: 2, total: 3 })).toEqual(shards[1]);
  });

  it('reads --shard, else GitLab CI_NODE_INDEX/CI_NODE_TOTAL', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(shardFrom(undefined, { CI_NODE_INDEX: '3', CI_NODE_TOTAL: '5' })).toEqual({ index: 3, total: 5 });
    expect(shardFrom('1/2', { CI_NODE_INDEX: '3', CI_NODE_TOTAL: '5' })).toEqual({ index: 1, total: 2 });
    expect(shardFrom(undefined, {})).toBeNull();
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2']) expect(() => parseShard(bad)).toThrow();
  });
});

describe('output file names', () => {
  it('is <host>.json for a site root, distinct otherwise', () => {
    expect(siteFileName(new URL('https://services.example.org/'))).toBe('services.example.org.json');
    const names = ['https://a.example/', 'https://a.example:8443/', 'https://a.example/wiki/', 'http://a.example/wiki/'].map((u) =>
      siteFileName(new URL(u)),
    );
    expect(new Set(names).size).toBe(4);
    expect(names.every((n) => /^a\.example[\w.-]*\.json$/.test(n))).toBe(true);
  });

  it('is at most 100 bytes of safe characters, IDN as punycode, the same on every run', () => {
    const label = 'l'.repeat(58);
    const long = new URL(`https://${[label, label, label, label].join('.')}.example/`);
    expect(long.hostname).toHaveLength(243);
    const name = siteFileName(long);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^[a-z0-9._-]+_[0-9a-f]{8}\.json$/);
    expect(siteFileName(new URL(long.href))).toBe(name);
    // Two hosts that share the first 90 characters still get two files.
    expect(siteFileName(new URL(`https://${[label, label, label, 'm'.repeat(58)].join('.')}.example/`))).not.toBe(name);
    expect(siteFileName(new URL('https://café.example/'))).toBe('xn--caf-dma.example.json');
    expect(siteFileName(new URL(`https://${label}.example/${'p'.repeat(300)}?q=<script>`))).toMatch(/^[\w.-]{1,95}\.json$/);
  });
});

describe('batch runner', () => {
  const targets = (n: number): BatchTarget[] =>
    Array.from({ length: n }, (_, i) => ({ url: new URL(`https://s${i}.example/`), overrides: {} }));
  const result = (target: URL): AuditResult => ({ target: target.href, verdict: 'compliant' }) as AuditResult;

  class FakeAuditor implements SiteAuditor {
    connected = true;
    static running = 0;
    static peak = 0;
    constructor(private readonly behaviour: (target: URL, self: FakeAuditor) => Promise<void>) {}
    async audit(target: URL): Promise<{ result: AuditResult }> {
      FakeAuditor.running += 1;
      FakeAuditor.peak = Math.max(FakeAuditor.peak, FakeAuditor.running);
      try {
        await this.behaviour(target, this);
        return { result: result(target) };
      } finally {
        FakeAuditor.running -= 1;
      }
    }
    async close(): Promise<void> {
      this.connected = false;
    }
  }

  it('never runs more sites at once than --concurrency, and reports each site once', async () => {
    FakeAuditor.peak = 0;
    const seen: string[] = [];
    await runBatch(targets(9), {
      concurrency: 3,
      launch: async () => new FakeAuditor(() => new Promise((r) => setTimeout(r, 5))),
      onSite: (o) => void seen.push(o.target.url.host),
    });
    expect(FakeAuditor.peak).toBe(3);
    expect(seen.sort()).toEqual(
      targets(9)
        .map((t) => t.url.host)
        .sort(),
    );
  });

  it('relaunches a crashed browser once for all sites in flight and retries each once', async () => {
    let launches = 0;
    const crashOn = new Set(['s1.example']);
    const outcomes: SiteOutcome[] = [];
    await runBatch(targets(4), {
      concurrency: 2,
      launch: async () => {
        launches += 1;
        return new FakeAuditor(async (target, self) => {
          await new Promise((r) => setTimeout(r, 5));
          if (crashOn.delete(target.host)) self.connected = false;
        });
      },
      onSite: (o) => void outcomes.push(o),
    });
    expect(launches).toBe(2);
    const s1 = outcomes.find((o) => o.target.url.host === 's1.example');
    expect(s1).toMatchObject({ retried: true, result: { target: 'https://s1.example/' } });
    expect(outcomes.filter((o) => 'result' in o)).toHaveLength(4);
  });

  it('gives up on a site after one retry and goes on with the others', async () => {
    const outcomes: SiteOutcome[] = [];
    await runBatch(targets(3), {
      concurrency: 1,
      launch: async () =>
        new FakeAuditor(async (target, self) => {
          if (target.host === 's0.example') self.connected = false;
        }),
      onSite: (o) => void outcomes.push(o),
    });
    expect(outcomes.map((o) => [o.target.url.host, 'error' in o])).toEqual([
      ['s0.example', true],
      ['s1.example', false],
      ['s2.example', false],
    ]);
  });

  it('relaunches a browser that is connected but stalled (no context or page in its bound) and retries the site once', async () => {
    let launches = 0;
    const closed: boolean[] = [];
    const outcomes: SiteOutcome[] = [];
    await runBatch(targets(3), {
      concurrency: 1,
      launch: async () => {
        launches += 1;
        const first = launches === 1;
        const auditor = new FakeAuditor(async (target) => {
          // The first browser stalls on s1; so does the second on s2, which then stays an error.
          if ((first && target.host === 's1.example') || target.host === 's2.example')
            throw new BrowserStalled('newContext did not finish within 6000 ms');
        });
        const close = auditor.close.bind(auditor);
        auditor.close = async () => {
          closed.push(true);
          await close();
        };
        return auditor;
      },
      onSite: (o) => void outcomes.push(o),
    });
    expect(outcomes.map((o) => [o.target.url.host, 'result' in o, o.retried])).toEqual([
      ['s0.example', true, false],
      ['s1.example', true, true],
      ['s2.example', false, true],
    ]);
    expect(outcomes[2]).toMatchObject({ error: 'newContext did not finish within 6000 ms' });
    // s1 and s2 each relaunched the browser once; every browser is closed in the end.
    expect(launches).toBe(4);
    expect(closed).toHaveLength(4);
  });

  it('does not retry a site whose audit threw while the browser is fine', async () => {
    let calls = 0;
    const outcomes: SiteOutcome[] = [];
    await runBatch(targets(2), {
      concurrency: 1,
      launch: async () =>
        new FakeAuditor(async (target) => {
          if (target.host === 's0.example') {
            calls += 1;
            throw new Error('judge failed');
          }
        }),
      onSite: (o) => void outcomes.push(o),
    });
    expect(calls).toBe(1);
    expect(outcomes[0]).toMatchObject({ error: 'judge failed', retried: false });
    expect(outcomes[1]).toHaveProperty('result');
  });
});

describe('unsafe targets', () => {
  const lookup =
    (table: Record<string, string[]>) =>
    async (host: string): Promise<string[]> => {
      const found = table[host];
      if (!found) throw new Error('ENOTFOUND');
      return found;
    };
  const table = {
    'intranet.chaton-test.org': ['10.0.0.5'],
    'public.chaton-test.org': ['93.184.216.34'],
    'mixed.chaton-test.org': ['93.184.216.34', 'fe80::1'],
  };
  const dns = lookup({ ...table, 'intranet.example': ['10.0.0.5'], 'public.example': ['93.184.216.34'] });
  const url = (s: string): URL => new URL(s);

  it.each([
    ['a name resolving to a private address', 'https://intranet.chaton-test.org/', '10.0.0.5'],
    ['a name with one link-local address', 'https://mixed.chaton-test.org/', 'fe80::1'],
    ['a loopback literal', 'http://127.0.0.1:8080/', '127.0.0.1'],
    ['a link-local literal', 'http://169.254.169.254/', '169.254.169.254'],
  ])('refuses %s', async (_name, target, address) => {
    await expect(refusePrivateTargets([url(target)], [], false, dns)).rejects.toMatchObject({
      key: 'error.privateTarget',
      args: { address },
    });
  });

  it('accepts public and unresolvable names, --allow-private, and hosts mapped by --map-host', async () => {
    await expect(
      refusePrivateTargets([url('https://public.chaton-test.org/'), url('https://nxdomain.chaton-test.org/')], [], false, dns),
    ).resolves.toBeUndefined();
    await expect(refusePrivateTargets([url('https://intranet.chaton-test.org/')], [], true, dns)).resolves.toBeUndefined();
    await expect(
      refusePrivateTargets([url('https://intranet.chaton-test.org/')], [parseHostMapping('intranet.chaton-test.org=10.0.0.5')], false, dns),
    ).resolves.toBeUndefined();
  });
});
