/**
 * https: every audited page is served over HTTPS with a certificate that validates (decided
 * Node-side against the system store plus --ca-cert: evidence.tls), and plain HTTP sends
 * visitors to HTTPS (evidence.httpProbes). A host whose port 80 is closed is not a failure:
 * nobody is served in clear text there. A page the browser could not load is still checked for
 * its certificate (an invalid one is often why it failed); a host that did not even complete a
 * TLS handshake is site-online's business, not a certificate problem.
 */
import type { PageEvidence } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

export const https = defineEvaluator<Record<string, never>, 'pages' | 'tls' | 'httpProbes'>({
  id: 'https',
  requires: ['pages', 'tls', 'httpProbes'],
  params: {},
  codes: ['notHttps', 'invalidCertificate', 'noHttpsRedirect', 'noTlsEvidence'],
  evaluate({ evidence }) {
    const loaded = evidence.pages.filter((p) => p.status !== null);
    if (!evidence.tls || !evidence.httpProbes) {
      return { outcome: 'needs-review', findings: [], reason: { code: loaded.length === 0 ? 'noPageLoaded' : 'noTlsEvidence' } };
    }
    const tls = new Map(evidence.tls.map((t) => [t.host, t]));
    const http = new Map(evidence.httpProbes.map((h) => [h.host, h]));
    const findings: FindingDraft[] = [];
    const judged = new Set<string>();
    const once = (key: string): boolean => !judged.has(key) && Boolean(judged.add(key));
    for (const page of evidence.pages) {
      const final = page.finalUrl ?? page.url;
      if (page.status !== null && final.startsWith('http:') && once(`clear ${final}`)) {
        findings.push({ code: 'notHttps', page, host: hostOf(final) ?? '', urls: [final], args: { url: final } });
      }
      for (const url of new Set([page.url, final])) {
        const host = hostOf(url);
        if (!host) continue;
        const probe = tls.get(host);
        if (url.startsWith('https:') && probe && !probe.authorized && probe.protocol !== null && once(`tls ${host}`)) {
          findings.push(finding('invalidCertificate', page, host, url, { error: probe.error ?? 'unknown' }));
        }
        const plain = http.get(host);
        if (plain?.status != null && !(plain.location ?? '').startsWith('https://') && once(`http ${host}`)) {
          findings.push(
            finding('noHttpsRedirect', page, host, plain.url, {
              status: plain.status,
              location: plain.location ?? '—',
            }),
          );
        }
      }
    }
    if (findings.length > 0) return { outcome: 'fail', findings };
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    return { outcome: 'pass', findings };
  },
});

function finding(code: string, page: PageEvidence, host: string, url: string, args: Record<string, string | number>): FindingDraft {
  return { code, page, host, urls: [url], args: { host, ...args } };
}
