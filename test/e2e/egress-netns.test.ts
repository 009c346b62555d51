/**
 * The egress gate as in production: no --map-host, names found through the system's resolver
 * (/etc/resolv.conf), a batch of sites, all inside a network namespace this test creates. The
 * fixture web and DNS servers hold documentation addresses there (203.0.113.10, .53, on the
 * namespace's own loopback device); canaries
 * listen on the namespace's loopback and on a private address (10.0.0.5). Nothing here can
 * reach any network outside the namespace (it has no route out).
 *
 * Needs root and iproute2 (`ip`): skipped otherwise, with the reason in the test name.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/contracts/result.js';
import { packageRoot } from '../../src/util/paths.js';

const NS = `chatons-egress-${process.pid}`;
const WEB = '203.0.113.10';
const DNS = '203.0.113.53';
const PRIVATE = '10.0.0.5';
// A .home.arpa name (RFC 8375: never on the Internet) is checked before the audit; .example ones are not.
const TARGETS = ['portal.egress.example', 'rebind-target.egress.example', 'rebind.egress.home.arpa'];
const ZONE = `records:
  portal.egress.example: { A: [${WEB}] }
  egress.example: { A: [${PRIVATE}] }
  www.egress.example: { A: [127.0.0.1] }
  intranet.egress.example: { A: [${PRIVATE}] }
  # Public to the first question, the auditor's own machine afterwards (TTL plays no part here).
  sub-rebind.egress.example: { A: [${WEB}], rebind: { after: 1, A: [127.0.0.1] } }
  rebind-target.egress.example: { A: [${WEB}], rebind: { after: 1, A: [127.0.0.1] } }
  rebind.egress.home.arpa: { A: [${WEB}], rebind: { after: 1, A: [127.0.0.1] } }
`;

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
const hasIp = spawnSync('ip', ['-V']).status === 0;
const reason = !isRoot
  ? ' (skipped: needs root to create a network namespace)'
  : !hasIp
    ? ' (skipped: needs iproute2, the `ip` command)'
    : '';

function ip(...args: string[]): void {
  const run = spawnSync('ip', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ip ${args.join(' ')}: ${run.stderr}`);
}

let world: ChildProcessWithoutNullStreams;
const hits: string[] = [];
const served: string[] = [];
let ready: { canaries: string[]; canaryPort: number; caCertFile: string } | null = null;
let cli: { code: number | null; stderr: string };
const results = new Map<string, AuditResult>();
let work: string;

describe.skipIf(reason !== '')(`egress gate in a network namespace: real name resolution, batch mode${reason}`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'chatons-netns-'));
    ip('netns', 'add', NS);
    ip('-n', NS, 'link', 'set', 'lo', 'up');
    // On the namespace's loopback device: no kernel module needed (dummy, veth), and no route out.
    for (const address of [WEB, DNS, PRIVATE]) ip('-n', NS, 'addr', 'add', `${address}/32`, 'dev', 'lo');
    // `ip netns exec` puts this file in place of /etc/resolv.conf for what runs inside.
    mkdirSync(`/etc/netns/${NS}`, { recursive: true });
    writeFileSync(`/etc/netns/${NS}/resolv.conf`, `nameserver ${DNS}\n`);
    const zones = join(work, 'zones');
    mkdirSync(zones);
    writeFileSync(join(zones, 'egress.yaml'), ZONE);

    const spec = {
      web: [
        { host: WEB, port: 443 },
        { host: WEB, port: 80 },
      ],
      dns: { host: DNS, port: 53, zones },
      canaries: ['127.0.0.1', PRIVATE],
    };
    world = spawn('ip', [
      'netns',
      'exec',
      NS,
      process.execPath,
      join(packageRoot, 'dist/fixture-internet/world-process.js'),
      JSON.stringify(spec),
    ]);
    world.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    await new Promise<void>((resolve, reject) => {
      world.once('exit', (code) => reject(new Error(`fixture world exited (${code})`)));
      createInterface({ input: world.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as { ready?: typeof ready; hit?: string; served?: string };
        if (message.hit) hits.push(message.hit);
        if (message.served) served.push(message.served);
        if (message.ready) {
          ready = message.ready;
          resolve();
        }
      });
    });

    const list = join(work, 'targets.txt');
    writeFileSync(list, `${TARGETS.join('\n')}\n`);
    cli = await new Promise((resolve) => {
      const child = spawn(
        'ip',
        [
          'netns',
          'exec',
          NS,
          process.execPath,
          join(packageRoot, 'bin/chatons-audit.js'),
          '--targets',
          list,
          '--output-dir',
          join(work, 'out'),
          '--ca-cert',
          ready?.caCertFile ?? '',
          '--timeout',
          '10000',
          '--quiet-window',
          '500',
          '--concurrency',
          '2',
          '--max-pages',
          '4',
          '--lang',
          'en',
        ],
        {
          // No --dns-server, no fixture DNS from the test run: the system's resolver, as in production.
          env: { ...process.env, CHATONS_AUDIT_DNS_SERVER: '', NO_COLOR: '1' },
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.resume();
      child.on('close', (code) => resolve({ code, stderr }));
    });
    for (const host of TARGETS) {
      try {
        results.set(host, JSON.parse(readFileSync(join(work, 'out', `${host}.json`), 'utf8')) as AuditResult);
      } catch {
        // Asserted below.
      }
    }
    // Late hits reach the test through the world's output.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }, 240_000);

  afterAll(async () => {
    if (world) {
      const exited = new Promise((resolve) => world.once('exit', resolve));
      world.stdin.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      world.kill();
    }
    spawnSync('ip', ['netns', 'del', NS]);
    rmSync(`/etc/netns/${NS}`, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const findings = (host: string): string[] =>
    (results.get(host)?.rules.find((r) => r.id === 'private-addresses')?.findings ?? []).map(
      (f: Finding) => `${f.code} ${f.url ?? ''} ${f.subject ?? ''}`,
    );

  it('audits the batch, and no canary (namespace loopback, private address) receives anything', () => {
    expect(ready?.canaries).toEqual(
      expect.arrayContaining([`127.0.0.1:443/tcp`, `127.0.0.1:80/tcp`, `${PRIVATE}:443/tcp`, `${PRIVATE}:80/tcp`]),
    );
    expect([...results.keys()], cli.stderr).toEqual(TARGETS);
    expect(hits).toEqual([]);
  });

  it('a rebinding target (public to the check before the audit, loopback afterwards): refused, and it fails site-online', () => {
    const result = results.get('rebind.egress.home.arpa');
    expect(result?.rules.find((r) => r.id === 'site-online')?.findings.map((f) => f.code)).toEqual(['unreachable']);
    expect(findings('rebind.egress.home.arpa')).toContain('privateAddress https://rebind.egress.home.arpa/ 127.0.0.1');
    expect(served).not.toContain('rebind.egress.home.arpa');
  });

  it('a rebinding target whose first answer the gate took: the whole audit stays on that address', () => {
    expect(results.get('rebind-target.egress.example')?.pages[0]?.status).toBe(200);
    // The page, its favicon and the ChatonsInfos probes: all from the public address.
    expect(served.filter((h) => h === 'rebind-target.egress.example').length).toBeGreaterThan(2);
    const refusedHosts = findings('rebind-target.egress.example').map((f) => new URL(f.split(' ')[1] ?? '').hostname);
    expect(refusedHosts).toContain('egress.example');
    expect(refusedHosts).not.toContain('rebind-target.egress.example');
  });

  it('a rebinding subresource: resolved once, loaded from the public address it was checked at', () => {
    expect(served).toContain('sub-rebind.egress.example');
    expect(findings('portal.egress.example').map((f) => new URL(f.split(' ')[1] ?? '').hostname)).not.toContain(
      'sub-rebind.egress.example',
    );
  });

  it('names and literals leading to the private network or loopback: refused, with the path that tried them', () => {
    expect(results.get('portal.egress.example')?.pages[0]?.status).toBe(200);
    expect(findings('portal.egress.example')).toEqual(
      expect.arrayContaining([
        `privateAddress https://intranet.egress.example/pixel.gif ${PRIVATE}`,
        'privateAddress http://127.0.0.1/literal.gif 127.0.0.1',
        `privateAddressProbe https://egress.example/ ${PRIVATE}`,
        `privateAddressProbe http://egress.example/ ${PRIVATE}`,
        'privateAddressProbe https://www.egress.example/ 127.0.0.1',
      ]),
    );
  });
});
