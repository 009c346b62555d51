/**
 * site-online: the candidate's portal answers (2xx/3xx after redirects) when audited.
 * Parent domain and www are judged elsewhere (parent-domain-consistent).
 */
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

export const siteOnline = defineEvaluator<Record<string, never>, 'pages'>({
  id: 'site-online',
  requires: ['pages'],
  params: {},
  codes: ['unreachable', 'httpError'],
  evaluate({ evidence }) {
    const portals = evidence.pages.filter((p) => p.role === 'portal');
    if (portals.length === 0) return { outcome: 'error', findings: [], reason: { code: 'noPortalEvidence' } };
    const findings = portals.flatMap((page): FindingDraft[] => {
      if (page.status === null) {
        return [{ code: 'unreachable', page, args: { error: page.error ?? 'no response' }, urls: [page.url] }];
      }
      if (page.status >= 400) return [{ code: 'httpError', page, args: { status: page.status }, urls: [page.finalUrl ?? page.url] }];
      return [];
    });
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
