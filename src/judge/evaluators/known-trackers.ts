/**
 * known-trackers: third-party requests that tracker knowledge (src/trackers/) names, one finding
 * per organisation across every audited page ("Google: Google Fonts, Google Analytics — 14
 * requests on 3 pages"), optionally narrowed to some categories (advertising for no-ads).
 */
import { labelArgs } from '../../i18n/catalog.js';
import type { PageEvidence, RequestEvidence } from '../../contracts/evidence.js';
import type { TrackerMatch } from '../../contracts/result.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

interface Params {
  categories?: string[];
}

const MAX_EXAMPLES = 3;

export interface NamedRequest {
  request: RequestEvidence;
  tracker: TrackerMatch;
}

/** Named third-party requests grouped by organisation, in order of first appearance. */
export function byOrganization(named: readonly NamedRequest[]): Map<string, NamedRequest[]> {
  const groups = new Map<string, NamedRequest[]>();
  for (const n of named) groups.set(n.tracker.organization, [...(groups.get(n.tracker.organization) ?? []), n]);
  return groups;
}

/** One finding for an organisation: its services, how many requests on how many pages. */
export function organizationFinding(
  code: string,
  organization: string,
  group: readonly NamedRequest[],
  pages: ReadonlyMap<string, PageEvidence>,
): FindingDraft {
  const first = group[0] as NamedRequest;
  const pageUrls = new Set(group.map((n) => n.request.page));
  const names = [...new Set(group.map((n) => n.tracker.name))];
  const categories = [...new Set(group.map((n) => n.tracker.category))];
  return {
    code,
    page: pages.get(first.request.page) ?? null,
    host: first.request.host,
    subject: organization,
    urls: [...new Set(group.map((n) => n.request.url))].slice(0, MAX_EXAMPLES),
    count: group.length,
    args: {
      organization,
      names: names.join(', '),
      categories: categories.join(', '),
      ...labelArgs('categories', 'category', categories),
      count: group.length,
      pages: pageUrls.size,
      hosts: [...new Set(group.map((n) => n.request.host))].join(', '),
      rule: first.tracker.rule,
    },
  };
}

export const knownTrackers = defineEvaluator<Params, 'pages' | 'requests'>({
  id: 'known-trackers',
  requires: ['pages', 'requests'],
  params: { categories: { type: 'string[]' } },
  codes: ['trackerOrganization'],
  evaluate({ evidence, params, derived }) {
    const loaded = evidence.pages.filter((p) => p.status !== null);
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const wanted = params.categories ? new Set(params.categories) : null;
    const named: NamedRequest[] = [];
    for (const request of evidence.requests) {
      if (!request.host || !derived.party.isThirdParty(request.host)) continue;
      const tracker = derived.trackerOf(request);
      if (tracker && (!wanted || wanted.has(tracker.category))) named.push({ request, tracker });
    }
    const pages = new Map(evidence.pages.map((p) => [p.url, p]));
    const findings = [...byOrganization(named)].map(([org, group]) => organizationFinding('trackerOrganization', org, group, pages));
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
