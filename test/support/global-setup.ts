/**
 * Once per test run: build (the CLI tests run the real bin/, which runs the built JS), and start
 * a fixture DNS server that every spawned CLI uses through CHATONS_AUDIT_DNS_SERVER, so no test
 * ever asks the machine's resolver about a fixture name.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startFixtureDns } from '../../src/fixture-internet/dns-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
  const dns = await startFixtureDns();
  process.env.CHATONS_AUDIT_DNS_SERVER = dns.server;
  return () => dns.close();
}
