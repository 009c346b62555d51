/**
 * infrastructure-providers (gafam-infrastructure): the site proxied by or hosted on a provider
 * the charter's spirit excludes, recognised by response headers of the audited pages and by
 * the CNAME chains of their hosts; the own domains' mail (MX) and DNS (NS) handed to one.
 * Signatures live in rules/data/<params.providers>.yaml.
 */
import type { DnsRecord, PageEvidence } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { hostMatchesPattern } from '../rule-data.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import type { RuleData } from '../../contracts/rule.js';

interface HeaderSignature {
  name: string;
  value?: string;
}

export interface Provider {
  name: string;
  headers: HeaderSignature[];
  cnames: string[];
  ns: string[];
  mx: string[];
}

interface Params {
  providers: string;
}

function loadProviders(data: RuleData, name: string): Provider[] {
  const doc = data.document(name) as { providers?: Partial<Provider>[] } | null;
  if (!Array.isArray(doc?.providers)) throw new Error(`rules/data/${name}.yaml has no "providers" list`);
  return doc.providers.map((p) => ({
    name: String(p.name),
    headers: p.headers ?? [],
    cnames: p.cnames ?? [],
    ns: p.ns ?? [],
    mx: p.mx ?? [],
  }));
}

const matchAny = (host: string, patterns: readonly string[]): boolean => patterns.some((p) => hostMatchesPattern(host, p));

export const infrastructureProviders = defineEvaluator<Params, 'pages' | 'dns'>({
  id: 'infrastructure-providers',
  requires: ['pages', 'dns'],
  params: { providers: { type: 'string', required: true } },
  codes: ['header', 'cname', 'mx', 'ns', 'noDnsEvidence'],
  check(params, data) {
    try {
      loadProviders(data, params.providers);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
  evaluate({ evidence, params, derived, data }) {
    const providers = loadProviders(data, params.providers);
    const loaded = evidence.pages.filter((p) => p.status !== null);
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    const push = (key: string, draft: FindingDraft): void => {
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(draft);
    };
    for (const page of loaded) {
      for (const provider of providers) {
        const hit = provider.headers.find((sig) => {
          const value = page.headers[sig.name.toLowerCase()];
          return value !== undefined && (!sig.value || value.toLowerCase().includes(sig.value.toLowerCase()));
        });
        if (hit) {
          const header = `${hit.name}: ${page.headers[hit.name.toLowerCase()] ?? ''}`;
          push(`h ${page.finalUrl} ${provider.name}`, {
            code: 'header',
            page,
            host: hostOf(page.finalUrl ?? page.url) ?? '',
            subject: provider.name,
            urls: [page.finalUrl ?? page.url],
            args: { provider: provider.name, header },
          });
        }
      }
    }
    if (!evidence.dns) {
      return findings.length > 0 ? { outcome: 'fail', findings } : { outcome: 'needs-review', findings, reason: { code: 'noDnsEvidence' } };
    }
    const records = new Map<string, DnsRecord>(evidence.dns.map((r) => [r.host, r]));
    const pageOfHost = new Map<string, PageEvidence>();
    for (const page of loaded) {
      for (const url of [page.url, page.finalUrl]) {
        const host = url ? hostOf(url) : null;
        if (host && !pageOfHost.has(host)) pageOfHost.set(host, page);
      }
    }
    for (const [host, page] of pageOfHost) {
      const chain = records.get(host)?.cname ?? [];
      for (const provider of providers) {
        const hop = chain.find((name) => matchAny(name, provider.cnames));
        if (hop) {
          push(`c ${host} ${provider.name}`, {
            code: 'cname',
            page,
            host,
            subject: provider.name,
            urls: [],
            args: { provider: provider.name, chain: [host, ...chain].join(' → ') },
          });
        }
      }
    }
    for (const domain of derived.party.ownDomains) {
      const record = records.get(domain);
      if (!record) continue;
      for (const provider of providers) {
        const mx = record.mx.filter((h) => matchAny(h, provider.mx));
        if (mx.length > 0) {
          push(`mx ${domain} ${provider.name}`, {
            code: 'mx',
            host: domain,
            subject: provider.name,
            urls: [],
            args: { provider: provider.name, domain, records: mx.join(', ') },
          });
        }
        const ns = record.ns.filter((h) => matchAny(h, provider.ns));
        if (ns.length > 0) {
          push(`ns ${domain} ${provider.name}`, {
            code: 'ns',
            host: domain,
            subject: provider.name,
            urls: [],
            args: { provider: provider.name, domain, records: ns.join(', ') },
          });
        }
      }
    }
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
