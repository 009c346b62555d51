/**
 * A fixture world as a process of its own, for tests that place it inside a network namespace
 * (where the audited names resolve through the system's resolver, as in production): web
 * servers, the DNS server and canaries at the addresses given as JSON in argv[2]. Prints one
 * JSON line `{ "ready": ... }` (with the CA certificate file of the first web server, which is
 * the one that serves TLS), then one `{ "hit": ... }` per canary hit and one
 * `{ "served": host }` per request served; exits when its stdin closes.
 */
import { startCanaries } from './canaries.js';
import { startFixtureDns } from './dns-server.js';
import { startFixtureInternet } from './server.js';

interface WorldSpec {
  web: { host: string; port: number }[];
  dns: { host: string; port: number; zones: string };
  canaries: string[];
}

const spec = JSON.parse(process.argv[2] ?? '{}') as WorldSpec;
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const canaries = await startCanaries(spec.canaries);
const webs = await Promise.all(spec.web.map((at) => startFixtureInternet({ ...at, canaryPort: canaries.port })));
const dns = await startFixtureDns(spec.dns.zones, spec.dns);
let reportedHits = 0;
const reported = webs.map(() => 0);
const flush = (): void => {
  for (; reportedHits < canaries.hits.length; reportedHits++) say({ hit: canaries.hits[reportedHits] });
  webs.forEach((web, i) => {
    for (; (reported[i] ?? 0) < web.served.length; reported[i] = (reported[i] ?? 0) + 1)
      say({ served: web.served[reported[i] ?? 0]?.host });
  });
};
const timer = setInterval(flush, 50);
say({
  ready: {
    canaries: canaries.listening,
    canaryPort: canaries.port,
    dns: dns.server,
    web: webs.map((w) => w.port),
    caCertFile: webs[0]?.caCertFile,
  },
});
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  flush();
  void Promise.all([...webs.map((w) => w.close()), dns.close(), canaries.close()]).then(() => process.exit(0));
});
