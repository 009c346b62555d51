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
import { auditAndReport, noticeOldTrackerLists } from './audit-command.js';
import type { CliProcess } from '../util/io.js';
import { resolveRunSettings, type AuditCommandOptions } from '../audit/run-settings.js';

export async function runDemoCommand(options: AuditCommandOptions, proc: CliProcess): Promise<number> {
  const settings = resolveRunSettings(options, proc);
  noticeOldTrackerLists(settings, proc);
  const sites = demoSites();
  const internet = await startFixtureInternet();
  // The demo's DNS is the fixture zones, so it stays offline and shows the DNS rules at work.
  const fixtureDns = await startFixtureDns();
  try {
    settings.dnsServers ??= [parseDnsServer(fixtureDns.server)];
    settings.mappings = [parseHostMapping(internet.mapHost), ...settings.mappings];
    settings.trust = loadExtraTrust([internet.caCertFile]);
    proc.stderr.write(`${t(settings.lang, 'demo.intro', { count: sites.length })}\n`);
    await auditAndReport(sites.map((s) => new URL(s.url)), settings, options, proc);
    return 0;
  } finally {
    await internet.close();
    await fixtureDns.close();
  }
}
