/**
 * `chatons-audit demo`: serve the embedded fixture internet in this process and audit its demo
 * sites. No network needed: every hostname is mapped to the local server, whose test CA is
 * trusted for this run only. Exits 0 when it ran, whatever the verdicts.
 */
import { parseHostMapping } from '../collect/map-host.js';
import { loadExtraTrust } from '../collect/trust.js';
import { startFixtureInternet } from '../fixture-internet/server.js';
import { startFixtureDns } from '../fixture-internet/dns-server.js';
import { demoSites } from '../fixture-internet/demo-sites.js';
import { parseDnsServer } from '../collect/dns/servers.js';
import { t } from '../i18n/catalog.js';
import { noticeOldTrackerLists } from './audit-command.js';
import type { CliProcess } from '../util/io.js';
import { runAudit } from '../audit/run.js';
import { resolveSettings, withoutBatch, type CommandOptions } from '../audit/settings.js';

export async function runDemoCommand(options: CommandOptions, proc: CliProcess): Promise<number> {
  const resolved = resolveSettings(options, proc);
  noticeOldTrackerLists(resolved, proc);
  const sites = demoSites();
  const internet = await startFixtureInternet();
  // The demo's DNS is the fixture zones, so it stays offline and shows the DNS rules at work.
  const fixtureDns = await startFixtureDns();
  try {
    const settings = {
      ...withoutBatch(resolved),
      dnsServers: resolved.dnsServers ?? [parseDnsServer(fixtureDns.server)],
      mappings: [parseHostMapping(internet.mapHost), ...resolved.mappings],
      trust: loadExtraTrust([internet.caCertFile]),
    };
    proc.stderr.write(`${t(settings.lang, 'demo.intro', { count: sites.length })}\n`);
    await runAudit(
      sites.map((s) => s.url),
      settings,
      proc,
    );
    // The demo shows verdicts; it fails only when it could not run.
    return 0;
  } finally {
    await internet.close();
    await fixtureDns.close();
  }
}
