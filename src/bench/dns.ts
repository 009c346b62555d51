/**
 * DNS bench: the CNAME resolution of 50 hosts (each a two-hop chain that crosses zones, so the
 * resolver must ask twice, plus the AAAA question) against the local fixture DNS server, with a
 * cold cache each round, the way one audit resolves the hosts it saw. Target: < 1 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { DnsResolver } from '../collect/dns/resolver.js';
import { parseDnsServer } from '../collect/dns/servers.js';
import { startFixtureDns } from '../fixture-internet/dns-server.js';

const HOSTS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chatons-audit-dns-bench-'));
  const own: Record<string, unknown> = {};
  const vendor: Record<string, unknown> = {};
  for (let i = 0; i < HOSTS; i++) {
    own[`h${i}.bench-own.example`] = { CNAME: `c${i}.bench-cdn.example` };
    vendor[`c${i}.bench-cdn.example`] = { CNAME: `edge${i % 5}.bench-cdn.example` };
  }
  for (let i = 0; i < 5; i++) vendor[`edge${i}.bench-cdn.example`] = { A: [`203.0.113.${i + 1}`] };
  writeFileSync(join(dir, 'own.yaml'), dump({ records: own }));
  writeFileSync(join(dir, 'vendor.yaml'), dump({ records: vendor }));
  const server = await startFixtureDns(dir);
  const rows: string[][] = [];
  try {
    for (const concurrency of [1, 4, 16]) {
      const times: number[] = [];
      let ok = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const resolver = new DnsResolver({ servers: [parseDnsServer(server.server)], concurrency });
        const started = performance.now();
        const records = await Promise.all(Array.from({ length: HOSTS }, (_, i) => resolver.lookup(`h${i}.bench-own.example`)));
        times.push(performance.now() - started);
        ok = records.filter((r) => r.status === 'ok' && r.cname.length === 2).length;
      }
      times.sort((a, b) => a - b);
      rows.push([
        String(concurrency),
        `${ok}/${HOSTS}`,
        (times[Math.floor(times.length / 2)] ?? 0).toFixed(1),
        (times.at(-1) ?? 0).toFixed(1),
      ]);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['concurrency', 'chains ok', 'median ms', 'max ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(
    `\nDNS: CNAME resolution of ${HOSTS} hosts (2-hop chains across zones, A + AAAA), cold cache, ${ROUNDS} rounds, local dns2 server; default concurrency 16`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
