/**
 * Network-checks gatherer: once the pages are visited, DNS of every host seen, TLS validation and
 * plain-HTTP behaviour of every audited page's host (../network-checks.ts), within what the pages
 * left of the site budget and its reserve.
 */
import { neighboursOf } from '../../domains/parent-www.js';
import { ownDomainsOf } from '../../domains/party.js';
import { runNetworkChecks } from '../network-checks.js';
import { errorText, withTimeout } from '../timeout.js';
import type { SiteGatherer } from './gatherer.js';

export const networkChecksGatherer: SiteGatherer = {
  id: 'network-checks',
  start(site) {
    return {
      async contextClosed({ pages, requests }) {
        const { target, options } = site;
        const portal = pages.find((p) => p.role === 'portal');
        const own = ownDomainsOf(target.href, [portal?.finalUrl ?? null], options.evidenceOptions.ownDomains);
        const left = site.leftUntil(site.deadline);
        try {
          const checks = await withTimeout(
            runNetworkChecks(
              pages,
              requests,
              own,
              options.resolver ?? null,
              { ...options.probe, gate: site.gate },
              neighboursOf(target.hostname).map((n) => n.host),
            ),
            left,
            'dns/tls checks',
          );
          return { dns: checks.dns, tls: checks.tls, httpProbes: checks.httpProbes };
        } catch (error) {
          site.errors.push({ stage: 'dns', page: target.href, message: errorText(error) });
          return undefined;
        }
      },
    };
  },
};
