/**
 * The auditor's own failures are not the candidate's. A machine whose DNS server never answers
 * (a UDP socket that reads queries and never replies): one line, exit 2, no verdict, never
 * "non-compliant". A resolver that does answer, even NXDOMAIN for everything, still judges.
 */
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contracts/result.js';
import { lines, runMain } from '../support/main.js';
import { CLOSED_PORT } from '../support/fixture-audit.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';

let deaf: Socket;
let deafServer: string;
let dns: FixtureDns;
let queriesHeard = 0;
/** Answers only a question about the root (empty first label), as a resolver does when the site's own name servers are dead. */
let rootOnly: Socket;
let rootOnlyServer: string;
beforeAll(async () => {
  deaf = createSocket('udp4');
  deaf.on('message', () => {
    queriesHeard += 1;
  });
  await new Promise<void>((done) => deaf.bind(0, '127.0.0.1', done));
  deafServer = `127.0.0.1:${deaf.address().port}`;
  rootOnly = createSocket('udp4');
  rootOnly.on('message', (query, from) => {
    if (query.length < 13 || query[12] !== 0) return;
    const answer = Buffer.from(query);
    answer[2] = 0x81; // a response, recursion desired
    answer[3] = 0x80; // recursion available, NOERROR
    rootOnly.send(answer, from.port, from.address);
  });
  await new Promise<void>((done) => rootOnly.bind(0, '127.0.0.1', done));
  rootOnlyServer = `127.0.0.1:${rootOnly.address().port}`;
  dns = await startFixtureDns();
});
afterAll(async () => {
  deaf?.close();
  rootOnly?.close();
  await dns?.close();
});

/** The browser reaches nothing either: every host maps to a closed port. */
const offline = (server: string): string[] => ['--map-host', `*=127.0.0.1:${CLOSED_PORT}`, '--dns-server', server, '--lang', 'en'];

describe('an auditor without network', () => {
  it('says so in one line and exits 2, without a verdict', async () => {
    const run = await runMain([...offline(deafServer), '--format', 'json', 'https://example.org/']);
    expect(run.code).toBe(2);
    expect(queriesHeard).toBeGreaterThan(0);
    // One error line (a tracker-list staleness warning may precede it).
    expect(lines(run.stderr).filter((l) => !l.includes('warning:'))).toEqual([
      expect.stringContaining(`DNS server (${deafServer}) answered no query at all`),
    ]);
    expect(run.stdout).toBe('');
  });

  it('in a batch: the site is an error without a verdict, and the run exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatons-offline-'));
    writeFileSync(join(dir, 'targets.txt'), 'example.org\n');
    const run = await runMain([...offline(deafServer), '--targets', 'targets.txt', '--output-dir', 'out'], {}, dir);
    expect(run.code).toBe(2);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as {
      sites: { verdict: string | null; error: string | null }[];
    };
    expect(summary.sites.map((s) => [s.verdict, s.error])).toEqual([
      [null, expect.stringContaining(`DNS server (${deafServer}) answered no query at all`)],
    ]);
  });

  it('a site whose own names never get an answer, from a resolver that answers otherwise, is judged', async () => {
    const run = await runMain([...offline(rootOnlyServer), '--format', 'json', 'https://example.org/']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as AuditResult).verdict).toBe('non-compliant');
  });

  it("a resolver that answers (NXDOMAIN) and a refused connection stay the site's: a verdict", async () => {
    const run = await runMain([...offline(dns.server), '--format', 'json', 'https://example.org/']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as AuditResult;
    expect(result.verdict).toBe('non-compliant');
    expect(result.pages[0]?.error).toBe('net::ERR_CONNECTION_REFUSED');
  });
});
