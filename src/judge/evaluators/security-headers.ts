/**
 * security-headers (https-hardening): on each page served over HTTPS, HSTS, a CSP, a
 * Referrer-Policy and X-Content-Type-Options: nosniff, plus no mixed content (http:// requests
 * from an https page). Header values are kept in the findings as evidence.
 */
import type { PageEvidence } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

/** Six months: the minimum the HSTS preload list asks for. */
const MIN_HSTS_SECONDS = 15_552_000;

export const securityHeaders = defineEvaluator<Record<string, never>, 'pages' | 'requests'>({
  id: 'security-headers',
  requires: ['pages', 'requests'],
  params: {},
  codes: ['noHsts', 'weakHsts', 'noCsp', 'noReferrerPolicy', 'noNosniff', 'mixedContent', 'noHttpsPage'],
  evaluate({ evidence }) {
    const loaded = evidence.pages.filter((p) => p.status !== null);
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const secure = new Map<string, PageEvidence>();
    for (const page of loaded) {
      const final = page.finalUrl ?? page.url;
      if (final.startsWith('https:') && !secure.has(final)) secure.set(final, page);
    }
    if (secure.size === 0) return { outcome: 'not-applicable', findings: [], reason: { code: 'noHttpsPage' } };
    const findings: FindingDraft[] = [];
    for (const [final, page] of secure) {
      const host = hostOf(final) ?? '';
      const h = page.headers;
      const add = (code: string, args: Record<string, string | number> = {}): void => {
        findings.push({ code, page, host, subject: code, urls: [final], args: { url: final, ...args } });
      };
      const hsts = h['strict-transport-security'];
      if (!hsts) add('noHsts');
      else {
        const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(hsts)?.[1] ?? 0);
        if (maxAge < MIN_HSTS_SECONDS) add('weakHsts', { value: hsts });
      }
      if (!h['content-security-policy']) add('noCsp');
      if (!h['referrer-policy']) add('noReferrerPolicy');
      const nosniff = h['x-content-type-options'];
      if (nosniff?.trim().toLowerCase() !== 'nosniff') add('noNosniff', { value: nosniff ?? '—' });
      // The page's own http:// navigation (redirected to https) is not mixed content; anything else is.
      const all = evidence.requests.filter(
        (r) => r.page === page.url && /^(http|ws):/.test(r.url) && !(r.isMainFrame && r.resourceType === 'document'),
      );
      if (all.length > 0) {
        findings.push({
          code: 'mixedContent',
          page,
          host,
          subject: 'mixedContent',
          urls: [...new Set(all.map((r) => r.url))],
          count: all.length,
          args: { url: final, count: all.length },
        });
      }
    }
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
