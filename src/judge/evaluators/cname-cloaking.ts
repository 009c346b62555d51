/**
 * cname-cloaking: a first-party name (not the apex, which cannot carry a CNAME) whose CNAME
 * chain ends outside the own domains is a third party in disguise. The party decision itself
 * lives in Derived (so every third-party rule already counts these requests); this rule shows
 * the chain `host → hop → final` and names the tracker behind the final name when known.
 * A first-party host whose DNS could not be read (timeout, SERVFAIL, loop) leaves the rule
 * undecided: needs-review with the hosts and reasons.
 */
import type { DnsRecord, PageEvidence, RequestEvidence } from '../../contracts/evidence.js';
import { registrableDomain } from '../../domains/party.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

const UNDECIDED = new Set(['timeout', 'servfail', 'refused', 'error', 'loop', 'too-long']);

export const cnameCloaking = defineEvaluator<Record<string, never>, 'pages' | 'requests' | 'dns'>({
  id: 'cname-cloaking',
  requires: ['pages', 'requests', 'dns'],
  params: {},
  codes: ['cloaked', 'cloakedTracker', 'noDnsEvidence', 'unresolved'],
  evaluate({ evidence, derived }) {
    if (!evidence.dns) return { outcome: 'needs-review', findings: [], reason: { code: 'noDnsEvidence' } };
    const records = new Map<string, DnsRecord>(evidence.dns.map((r) => [r.host, r]));
    const pagesByUrl = new Map<string, PageEvidence>(evidence.pages.map((p) => [p.url, p]));
    const groups = new Map<string, RequestEvidence[]>();
    const undecided = new Map<string, string>();
    for (const request of evidence.requests) {
      const host = request.host;
      if (!host || !derived.party.isOwnName(host) || registrableDomain(host) === host) continue;
      if (derived.party.cloakedBy(host)) {
        const key = `${request.page}\u0000${host}`;
        groups.set(key, [...(groups.get(key) ?? []), request]);
        continue;
      }
      const record = records.get(host);
      if (record && UNDECIDED.has(record.status)) undecided.set(host, `${host} (${record.error ?? record.status})`);
    }
    const findings: FindingDraft[] = [...groups.values()].map((requests) => {
      const first = requests[0] as RequestEvidence;
      const chain = [first.host, ...derived.party.cnameOf(first.host)];
      const final = chain.at(-1) ?? first.host;
      const tracker = derived.trackerForHost?.(final);
      const urls = [...new Set(requests.map((r) => r.url))];
      return {
        code: tracker ? 'cloakedTracker' : 'cloaked',
        page: pagesByUrl.get(first.page) ?? null,
        host: first.host,
        subject: final,
        urls,
        count: requests.length,
        args: {
          host: first.host,
          chain: chain.join(' → '),
          final,
          count: requests.length,
          ...(tracker ? { tracker: tracker.name, organization: tracker.organization } : {}),
        },
      };
    });
    if (findings.length > 0) return { outcome: 'fail', findings };
    if (undecided.size > 0) {
      return {
        outcome: 'needs-review',
        findings: [],
        reason: { code: 'unresolved', args: { hosts: [...undecided.values()].sort().join('; ') } },
      };
    }
    return { outcome: 'pass', findings: [] };
  },
});
