/**
 * service-testable: the portal links to service hosts of the own domains, and at least one of
 * them answers, so reviewers can try a service. Every service is listed with its status.
 */
import { pageAt } from '../../documents/pages.js';
import { serviceLinks } from '../../documents/site-links.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

export const serviceTestable = defineEvaluator<Record<string, never>, 'pages'>({
  id: 'service-testable',
  requires: ['pages'],
  params: {},
  codes: ['serviceUp', 'serviceDown', 'serviceNotVisited', 'noServiceLink', 'notVisited'],
  evaluate({ evidence, derived }) {
    const portals = evidence.pages.filter((p) => p.role === 'portal' && p.status !== null && p.status < 400);
    if (portals.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const services = portals.flatMap((portal) => serviceLinks(portal, derived.party.ownDomains).map((s) => ({ portal, ...s })));
    if (services.length === 0) return { outcome: 'fail', findings: [{ code: 'noServiceLink', page: portals[0] ?? null }] };
    const findings: FindingDraft[] = [];
    let up = 0;
    let visited = 0;
    for (const service of services) {
      const page = pageAt(evidence.pages, service.url);
      // subject, not host: the terminal groups host findings as requests, and these are not requests.
      const base = { page: service.portal, subject: service.host, urls: [service.url] };
      if (!page) {
        findings.push({ ...base, code: 'serviceNotVisited', args: { url: service.url, text: service.link.text || service.host } });
        continue;
      }
      visited++;
      const ok = page.status !== null && page.status < 400;
      if (ok) up++;
      findings.push({
        ...base,
        code: ok ? 'serviceUp' : 'serviceDown',
        args: { url: service.url, text: service.link.text || service.host, status: page.status ?? page.error ?? '—' },
      });
    }
    if (up > 0) return { outcome: 'pass', findings };
    if (visited === 0) return { outcome: 'needs-review', findings, reason: { code: 'notVisited' } };
    return { outcome: 'fail', findings };
  },
});
