/**
 * parent-domain (parent-domain-consistent): the parent domain and www. beside the portal are
 * either used (visited, and then judged by every other rule on their own page) or unused:
 * no DNS name, no address, no answer, an HTTP error or a parking page. An unused one gets the
 * remedy: an HTTP redirect or a DNS CNAME to the portal.
 */
import type { DnsRecord, PageEvidence } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { neighboursOf } from '../../domains/parent-www.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import type { RuleData } from '../../contracts/rule.js';

interface Params {
  parkedPhrases: string;
}

function parkedPhrases(data: RuleData, name: string): string[] {
  const doc = data.document(name) as { phrases?: unknown } | null;
  if (!Array.isArray(doc?.phrases)) throw new Error(`rules/data/${name}.yaml has no "phrases" list`);
  return doc.phrases.map((p) => String(p).toLowerCase());
}

function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export const parentDomain = defineEvaluator<Params, 'pages' | 'dns' | 'target'>({
  id: 'parent-domain',
  requires: ['pages', 'dns', 'target'],
  params: { parkedPhrases: { type: 'string', required: true } },
  codes: ['noDns', 'noAnswer', 'httpError', 'parked', 'dnsFailed', 'notChecked', 'noNeighbour'],
  check(params, data) {
    try {
      parkedPhrases(data, params.parkedPhrases);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
  evaluate({ evidence, params, data }) {
    const portalHost = hostOf(evidence.target) ?? '';
    const neighbours = neighboursOf(portalHost);
    if (neighbours.length === 0) return { outcome: 'not-applicable', findings: [], reason: { code: 'noNeighbour' } };
    const phrases = parkedPhrases(data, params.parkedPhrases);
    const records = new Map<string, DnsRecord>((evidence.dns ?? []).map((r) => [r.host, r]));
    const findings: FindingDraft[] = [];
    const dnsFailed: string[] = [];
    const notVisited: string[] = [];
    for (const { host, role } of neighbours) {
      const page: PageEvidence | undefined = evidence.pages.find((p) => p.role === role && hostOf(p.url) === host);
      const args = { host, portal: portalHost, role };
      if (page) {
        if (page.status === null)
          findings.push({ code: 'noAnswer', page, host, urls: [page.url], args: { ...args, error: page.error ?? '—' } });
        else if (page.status >= 400)
          findings.push({ code: 'httpError', page, host, urls: [page.url], args: { ...args, status: page.status } });
        else {
          const text = textOf(page.html ?? '');
          const phrase = phrases.find((p) => text.includes(p));
          if (phrase) findings.push({ code: 'parked', page, host, urls: [page.finalUrl ?? page.url], args: { ...args, phrase } });
        }
        continue;
      }
      const record = records.get(host);
      if (record && (record.status === 'nxdomain' || record.status === 'nodata')) {
        findings.push({ code: 'noDns', host, subject: role, urls: [], args: { ...args, status: record.status.toUpperCase() } });
      } else if (record && record.status !== 'ok') {
        dnsFailed.push(`${host} (${record.error ?? record.status})`);
      } else {
        // Resolved but not visited: --max-pages or the site's time budget ran out first.
        notVisited.push(host);
      }
    }
    if (findings.length > 0) return { outcome: 'fail', findings };
    if (dnsFailed.length > 0)
      return { outcome: 'needs-review', findings: [], reason: { code: 'dnsFailed', args: { hosts: dnsFailed.join('; ') } } };
    if (notVisited.length > 0)
      return { outcome: 'needs-review', findings: [], reason: { code: 'notChecked', args: { hosts: notVisited.join('; ') } } };
    return { outcome: 'pass', findings: [] };
  },
});
