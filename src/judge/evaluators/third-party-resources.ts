/**
 * third-party-resources: requests leaving the candidate's own domains, on any audited page,
 * optionally narrowed to some resource types (fonts, images...) and/or to the hosts of a
 * named list (font services, whose CSS is a stylesheet but whose purpose is a font).
 * One finding per (page, host), with a count and a few example URLs.
 */
import { labelArgs } from '../../i18n/catalog.js';
import { type PageEvidence, RESOURCE_TYPES, type RequestEvidence, type ResourceType } from '../../contracts/evidence.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import { hostMatchesList } from '../rule-data.js';

interface Params {
  resourceTypes?: ResourceType[];
  hostList?: string;
}

const MAX_EXAMPLES = 3;

export const thirdPartyResources = defineEvaluator<Params, 'pages' | 'requests'>({
  id: 'third-party-resources',
  requires: ['pages', 'requests'],
  params: {
    resourceTypes: { type: 'string[]', enum: RESOURCE_TYPES },
    hostList: { type: 'string' },
  },
  codes: ['thirdPartyRequest'],
  check(params, data) {
    return params.hostList && !data.hasHostList(params.hostList) ? `rules/data/${params.hostList}.yaml has no "hosts" list` : null;
  },
  evaluate({ evidence, params, derived, data }) {
    const loaded = evidence.pages.filter((p) => p.status !== null);
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const listed = params.hostList ? data.hostList(params.hostList) : null;
    const typed = params.resourceTypes ? new Set<ResourceType>(params.resourceTypes) : null;
    const selected = (r: RequestEvidence): boolean => {
      if (!typed && !listed) return true;
      return (typed?.has(r.resourceType) ?? false) || (listed ? hostMatchesList(r.host, listed) : false);
    };
    const pagesByUrl = new Map<string, PageEvidence>(evidence.pages.map((p) => [p.url, p]));
    const groups = new Map<string, RequestEvidence[]>();
    for (const request of evidence.requests) {
      if (!request.host || !derived.party.isThirdParty(request.host) || !selected(request)) continue;
      const key = `${request.page}\u0000${request.host}`;
      groups.set(key, [...(groups.get(key) ?? []), request]);
    }
    const findings: FindingDraft[] = [...groups.values()].map((requests) => {
      const first = requests[0] as RequestEvidence;
      const urls = [...new Set(requests.map((r) => r.url))];
      const types = [...new Set(requests.map((r) => r.resourceType))].sort();
      return {
        code: 'thirdPartyRequest',
        page: pagesByUrl.get(first.page) ?? null,
        host: first.host,
        urls: urls.slice(0, MAX_EXAMPLES),
        count: requests.length,
        args: { host: first.host, count: requests.length, types: types.join(', '), ...labelArgs('types', 'resourceType', types) },
      };
    });
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
