/**
 * A real Chromium auditing the fixture internet, shared by the tests of one file.
 */
import { Auditor, type AuditSettings } from '../../src/audit/auditor.js';
import { DEFAULT_TIMING } from '../../src/audit/settings.js';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { ruleSet } from './rules.js';
import { parseDnsServer } from '../../src/collect/dns/servers.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';

export interface FixtureWorld {
  internet: FixtureInternet;
  /** The fixture zones, so DNS in tests never leaves 127.0.0.1. */
  dns: FixtureDns;
  auditor: Auditor;
  close(): Promise<void>;
}

/** A port nothing listens on: connections to it are refused at once. */
export const CLOSED_PORT = 1;

export async function startFixtureWorld(over: Partial<AuditSettings> = {}, extraMappings: string[] = []): Promise<FixtureWorld> {
  const internet = await startFixtureInternet();
  const dns = await startFixtureDns();
  const auditor = await Auditor.start(
    {
      lang: 'en',
      candidate: false,
      ownDomains: [],
      mappings: [...extraMappings, internet.mapHost].map(parseHostMapping),
      timing: DEFAULT_TIMING,
      maxPages: 12,
      browserPath: findBrowser(undefined, process.env),
      trust: loadExtraTrust([internet.caCertFile]),
      levels: {},
      locale: 'fr-FR',
      dnsServers: [parseDnsServer(dns.server)],
      ...over,
    },
    ruleSet,
  );
  return {
    internet,
    dns,
    auditor,
    close: async () => {
      await auditor.close();
      await internet.close();
      await dns.close();
    },
  };
}
