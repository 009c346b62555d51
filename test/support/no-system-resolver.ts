/**
 * Unit tests never ask the machine's resolver about a name: every name of a test is a fixture
 * name, answered by a fixture DNS server or settled before any lookup. An IP literal or
 * localhost passes (servers on 127.0.0.1 look those up). Any other name is refused, and the
 * test that asked fails after it, naming the name: the code under test may swallow the refusal
 * (a name that does not resolve is often no error), so throwing alone would prove nothing.
 * syncBuiltinESMExports makes `import { lookup } from 'node:dns/promises'` in src/ see the guard
 * too, whichever test file imported it first.
 */
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import { isIP } from 'node:net';
import { afterEach } from 'vitest';

interface Guard {
  asked: string[];
}
const KEY = Symbol.for('chatons-audit.no-system-resolver');
const holder = globalThis as typeof globalThis & { [KEY]?: Guard };

function install(): Guard {
  const guard: Guard = { asked: [] };
  const refuse = (host: string): Error => {
    guard.asked.push(host);
    return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (unit tests ask no resolver)`), { code: 'ENOTFOUND' });
  };
  const local = (host: string): boolean => isIP(host) !== 0 || host === 'localhost';
  const lookup = dns.lookup as (...args: unknown[]) => unknown;
  const lookupPromise = dns.promises.lookup as (...args: unknown[]) => Promise<unknown>;
  dns.lookup = ((host: string, ...rest: unknown[]) => {
    if (local(host)) return lookup(host, ...rest);
    const callback = rest.at(-1);
    if (typeof callback === 'function') process.nextTick(() => (callback as (error: Error) => void)(refuse(host)));
  }) as typeof dns.lookup;
  dns.promises.lookup = (async (host: string, ...rest: unknown[]) => {
    if (local(host)) return lookupPromise(host, ...rest);
    throw refuse(host);
  }) as typeof dns.promises.lookup;
  syncBuiltinESMExports();
  return guard;
}

const guard = holder[KEY] ?? install();
holder[KEY] = guard;

afterEach(() => {
  const asked = guard.asked.splice(0);
  if (asked.length > 0) throw new Error(`this test asked the machine's resolver about ${asked.join(', ')}: use a fixture name (*.example)`);
});
