/**
 * social-alternative: links to centralised social networks pass only if the same information
 * is reachable another way (RSS/Atom feed, fediverse profile, newsletter, blog). Networks and
 * alternatives are data (rules/data/), so adding one needs no code.
 */
import { load } from 'cheerio';
import type { LinkEvidence, PageEvidence } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import { hostMatchesList } from '../rule-data.js';
import type { RuleData } from '../../contracts/rule.js';

interface Params {
  networks: string;
  alternatives: string;
}

interface NetworksData {
  networks: { name: string; hosts: string[] }[];
}

interface AlternativesData {
  feedTypes: string[];
  feedPaths: string[];
  fediverseHosts: string[];
  fediverseWords: string[];
  otherWords: string[];
}

function networksData(data: RuleData, name: string): NetworksData | null {
  const doc = data.document(name) as Partial<NetworksData> | null;
  return doc && Array.isArray(doc.networks) && doc.networks.every((n) => typeof n.name === 'string' && Array.isArray(n.hosts))
    ? (doc as NetworksData)
    : null;
}

function alternativesData(data: RuleData, name: string): AlternativesData | null {
  const doc = data.document(name) as Partial<AlternativesData> | null;
  const keys: (keyof AlternativesData)[] = ['feedTypes', 'feedPaths', 'fediverseHosts', 'fediverseWords', 'otherWords'];
  return doc && keys.every((k) => Array.isArray(doc[k])) ? (doc as AlternativesData) : null;
}

function linkWords(link: LinkEvidence): string {
  return `${link.text} ${link.title ?? ''} ${link.ariaLabel ?? ''} ${link.href}`.toLowerCase();
}

/** The first alternative channel found on a page, described for the report, or null. */
function alternativeOn(page: PageEvidence, alt: AlternativesData, isNetwork: (host: string) => boolean): string | null {
  if (page.html) {
    const $ = load(page.html);
    const types = new Set(alt.feedTypes.map((t) => t.toLowerCase()));
    const feed = $('link[rel~="alternate"][type]')
      .toArray()
      .find((el) => types.has(($(el).attr('type') ?? '').toLowerCase()));
    if (feed) return `feed ${$(feed).attr('href') ?? ''}`.trim();
  }
  for (const link of page.links) {
    const host = hostOf(link.href);
    if (!host || isNetwork(host)) continue;
    let path = '';
    try {
      path = new URL(link.href).pathname.toLowerCase();
    } catch {
      continue;
    }
    const words = linkWords(link);
    if (alt.feedPaths.some((p) => path.includes(p))) return `feed ${link.href}`;
    if (
      hostMatchesList(host, alt.fediverseHosts) ||
      (link.rel ?? '').split(/\s+/).includes('me') ||
      /^\/@[\w.-]+\/?$/.test(path) ||
      alt.fediverseWords.some((w) => words.includes(w))
    )
      return `fediverse ${link.href}`;
    if (alt.otherWords.some((w) => words.includes(w))) return `${link.text || link.href}`;
  }
  return null;
}

export const socialAlternative = defineEvaluator<Params, 'pages'>({
  id: 'social-alternative',
  requires: ['pages'],
  params: { networks: { type: 'string', required: true }, alternatives: { type: 'string', required: true } },
  codes: ['noAlternative', 'alternativeFound', 'noSocialLinks'],
  check(params, data) {
    if (!networksData(data, params.networks)) return `rules/data/${params.networks}.yaml needs a "networks" list of {name, hosts}`;
    if (!alternativesData(data, params.alternatives))
      return `rules/data/${params.alternatives}.yaml needs feedTypes, feedPaths, fediverseHosts, fediverseWords and otherWords`;
    return null;
  },
  evaluate({ evidence, params, data }) {
    const networks = (networksData(data, params.networks) as NetworksData).networks;
    const alt = alternativesData(data, params.alternatives) as AlternativesData;
    const loaded = evidence.pages.filter((p) => p.status !== null);
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const networkOf = (host: string): string | undefined => networks.find((n) => hostMatchesList(host, n.hosts))?.name;
    const isNetwork = (host: string): boolean => networkOf(host) !== undefined;
    const found = new Map<string, { page: PageEvidence; urls: string[] }>();
    for (const page of loaded) {
      for (const link of page.links) {
        const host = hostOf(link.href);
        const network = host ? networkOf(host) : undefined;
        if (!network) continue;
        const entry = found.get(network) ?? { page, urls: [] };
        entry.urls.push(link.href);
        found.set(network, entry);
      }
    }
    if (found.size === 0) return { outcome: 'not-applicable', findings: [], reason: { code: 'noSocialLinks' } };
    const names = [...found.keys()].join(', ');
    for (const page of loaded) {
      const alternative = alternativeOn(page, alt, isNetwork);
      if (alternative) {
        return {
          outcome: 'pass',
          findings: [{ code: 'alternativeFound', page, subject: 'alternative', urls: [], args: { networks: names, alternative } }],
        };
      }
    }
    const findings: FindingDraft[] = [...found].map(([network, { page, urls }]) => ({
      code: 'noAlternative',
      page,
      subject: network,
      host: hostOf(urls[0] ?? '') ?? undefined,
      urls: [...new Set(urls)],
      count: urls.length,
      args: { network },
    }));
    return { outcome: 'fail', findings };
  },
});
