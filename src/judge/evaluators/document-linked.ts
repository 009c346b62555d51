/**
 * document-linked: a document (legal notice, terms...) is linked from the site's pages, on the
 * candidate's own domains, and answers. With `everySitePage`, every portal-like page (portal,
 * parent, www) must link it (LCEN: the legal notice must be "easily and permanently"
 * accessible); otherwise a link from any audited page is enough. A link to a third party's
 * "CGU" is not the site's terms; a "mentions légales" in running text is not a link.
 */
import type { PageEvidence } from '../../contracts/evidence.js';
import { lexiconOf, type DocumentKind } from '../../documents/lexicon.js';
import { hostOf } from '../../domains/party.js';
import { pageAt, readablePages, sitePages } from '../../documents/pages.js';
import { documentLinks, normaliseUrl } from '../../documents/site-links.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

interface Params {
  kind: DocumentKind;
  everySitePage?: boolean;
}

export const documentLinked = defineEvaluator<Params, 'pages'>({
  id: 'document-linked',
  requires: ['pages'],
  params: {
    kind: { type: 'string', required: true, enum: ['legal', 'terms', 'privacy', 'about', 'contact'] },
    everySitePage: { type: 'boolean' },
  },
  codes: ['notLinked', 'unreachable', 'notVisited'],
  check(_params, data) {
    return data.document('documents-lexicon') === null ? 'rules/data/documents-lexicon.yaml is missing or invalid' : null;
  },
  evaluate({ evidence, params, derived, data }) {
    const own = derived.party.ownDomains;
    const lexicon = lexiconOf(data);
    const landing = sitePages(evidence.pages);
    if (landing.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const findings: FindingDraft[] = [];
    const linked = new Map<string, PageEvidence>();
    for (const page of readablePages(evidence.pages)) {
      for (const d of documentLinks(page, own, lexicon))
        if (d.kind === params.kind && !linked.has(normaliseUrl(d.url))) linked.set(normaliseUrl(d.url), page);
    }
    // A parked parent or www (only links to a registrar or nothing) is not a site of the
    // candidate: parent-domain-consistent judges it; it is not asked for a legal notice.
    const used = (page: PageEvidence): boolean =>
      page.role === 'portal' ||
      page.links.some((l) => {
        const h = hostOf(l.href);
        return h !== null && !derived.party.isThirdParty(h);
      });
    const required = params.everySitePage ? landing.filter(used) : landing.slice(0, 1);
    for (const page of required) {
      const here = documentLinks(page, own, lexicon).some((d) => d.kind === params.kind);
      if (!here && (params.everySitePage || linked.size === 0))
        findings.push({ code: 'notLinked', page, urls: [page.finalUrl ?? page.url] });
    }
    if (linked.size === 0) return { outcome: 'fail', findings };
    let answered = 0;
    let visited = 0;
    for (const [url, from] of linked) {
      const doc = pageAt(evidence.pages, url);
      if (!doc) continue;
      visited++;
      if (doc.status !== null && doc.status < 400) answered++;
      else findings.push({ code: 'unreachable', page: from, urls: [url], args: { url, status: doc.status ?? doc.error ?? '—' } });
    }
    if (visited === 0) {
      if (findings.length > 0) return { outcome: 'fail', findings };
      return { outcome: 'needs-review', findings, reason: { code: 'notVisited', args: { url: [...linked.keys()][0] ?? '' } } };
    }
    if (answered === 0 || findings.length > 0) return { outcome: 'fail', findings };
    return { outcome: 'pass', findings };
  },
});
