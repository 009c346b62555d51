/**
 * For the projects that need it (cli, e2e), once per test run: build (tests that spawn the
 * real bin/ run the built JS), and start a fixture DNS server that every CLI, spawned or
 * in-process, uses through CHATONS_AUDIT_DNS_SERVER, so no test ever asks the machine's resolver
 * about a fixture name. The unit project has no global setup: it needs neither.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startFixtureDns } from '../../src/fixture-internet/dns-server.js';

/**
 * Each project loads this file on its own, in the one main process: the first one builds and
 * starts the server, the next ones find it done. Teardowns run after every project's tests.
 */
const DONE = Symbol.for('chatons-audit.test.global-setup');
type WithMark = typeof globalThis & { [DONE]?: true };

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const global = globalThis as WithMark;
  if (global[DONE]) return undefined;
  global[DONE] = true;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
  const dns = await startFixtureDns();
  process.env.CHATONS_AUDIT_DNS_SERVER = dns.server;
  return () => dns.close();
}
