/**
 * Tracker knowledge: the one place that names third parties. Offline and free: third-party-web
 * (MIT) for who is behind a host, AdGuard's Tracking Protection, Social media and French filters
 * (GPL-3.0) for whether a URL is a known tracker, all vendored in rules/data/trackers/.
 *
 *   nameRequest(url, resourceType, pageUrl) → { name, organization, category, rule, list? } | undefined
 *   trackerForHost(host)                    → the same from the host alone (CNAME chain hops)
 *
 * Entities are memoised per host; filter matching runs per URL (options such as $third-party or
 * $domain depend on the page), and judgement memoises per request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDomain } from 'tldts';
import type { ListInfo, TrackerMatch } from '../contracts/result.js';
import { trackersDataDir } from './data-files.js';
import { loadEntityIndex, type Entity, type EntityIndex } from './entities.js';
import { FilterMatcher, loadFilterMatcher } from './filters.js';

interface ListsFile {
  lists: { id: string; name: string; version: string; updated: string; licence: string }[];
}

/** What a filter match means when no entity names the host. */
const LIST_CATEGORY: Readonly<Record<string, string>> = {
  'adguard-tracking-protection': 'tracking',
  'adguard-social': 'social',
  'adguard-french': 'advertising',
};
const MAX_MEMO = 50_000;

class TrackerKnowledge {
  private entityIndex: EntityIndex | undefined;
  private filterMatcher: FilterMatcher | undefined;
  private readonly hostMemo = new Map<string, readonly Entity[]>();
  private cnameVendors: Map<string, string> | undefined;

  constructor(private readonly dir: string) {}

  private get entities(): EntityIndex {
    this.entityIndex ??= loadEntityIndex(this.dir);
    return this.entityIndex;
  }

  private get filters(): FilterMatcher {
    this.filterMatcher ??= loadFilterMatcher(this.dir);
    return this.filterMatcher;
  }

  /** Loads everything now (benchmarks; otherwise loading happens on first use). */
  warm(): void {
    void this.entities;
    void this.filters;
    void this.vendors;
  }

  private get vendors(): Map<string, string> {
    if (!this.cnameVendors) {
      const file = JSON.parse(readFileSync(join(this.dir, 'cname-vendors.json'), 'utf8')) as { vendors: Record<string, string> };
      this.cnameVendors = new Map(Object.entries(file.vendors));
    }
    return this.cnameVendors;
  }

  private candidates(host: string): readonly Entity[] {
    let found = this.hostMemo.get(host);
    if (!found) {
      found = this.entities.candidates(host);
      if (this.hostMemo.size >= MAX_MEMO) this.hostMemo.clear();
      this.hostMemo.set(host, found);
    }
    return found;
  }

  private vendorOf(host: string): { vendor: string; domain: string } | undefined {
    for (let h = host; h; ) {
      const vendor = this.vendors.get(h);
      if (vendor) return { vendor, domain: h };
      const dot = h.indexOf('.');
      h = dot < 0 ? '' : h.slice(dot + 1);
    }
    return undefined;
  }

  /** `url`: null for a host alone; its path is cut out only for the few entities that name paths. */
  private entityFor(host: string, url: string | null): Entity | undefined {
    let path: string | null | undefined;
    return this.candidates(host).find((e) => {
      if (!e.paths) return true;
      path ??= url === null ? null : pathOf(url);
      return path !== null && e.paths.some((p) => (path as string).includes(p));
    });
  }

  forHost(rawHost: string): TrackerMatch | undefined {
    const host = rawHost.toLowerCase().replace(/\.$/, '');
    const entity = this.entityFor(host, null);
    if (entity) return { name: entity.name, organization: entity.organization, category: entity.category, rule: entity.rule };
    const vendor = this.vendorOf(host);
    if (vendor) {
      return {
        name: vendor.vendor,
        organization: vendor.vendor,
        category: 'tracking',
        rule: `||${vendor.domain}^`,
        list: 'adguard-tracking-protection',
      };
    }
    const filter = this.filters.match(`https://${host}/`, 'script', 'https://chatons-audit.invalid/');
    if (filter) {
      const domain = getDomain(host) ?? host;
      return {
        name: domain,
        organization: domain,
        category: LIST_CATEGORY[filter.list] ?? 'tracking',
        rule: filter.rule,
        list: filter.list,
      };
    }
    return undefined;
  }

  forRequest(url: string, resourceType: string, pageUrl: string, isFrame = false): TrackerMatch | undefined {
    const http = url.startsWith('wss:') ? `https:${url.slice(4)}` : url.startsWith('ws:') ? `http:${url.slice(3)}` : url;
    // One parse serves both lookups: the engine's request carries hostname and registrable domain.
    const request = FilterMatcher.request(http, resourceType, pageUrl, isFrame);
    const host = request.hostname;
    if (!host) return undefined;
    const filter = this.filters.matchRequest(request);
    const entity = this.entityFor(host, http);
    let match: TrackerMatch | undefined;
    if (entity) {
      match = { name: entity.name, organization: entity.organization, category: entity.category, rule: filter?.rule ?? entity.rule };
      if (filter) match.list = filter.list;
    } else if (filter) {
      const vendor = this.vendorOf(host);
      const domain = request.domain || host;
      match = {
        name: vendor?.vendor ?? domain,
        organization: vendor?.vendor ?? domain,
        category: LIST_CATEGORY[filter.list] ?? 'tracking',
        rule: filter.rule,
        list: filter.list,
      };
    }
    return match;
  }

  lists(): (ListInfo & { id: string; updated: string; licence: string })[] {
    const file = JSON.parse(readFileSync(join(this.dir, 'lists.json'), 'utf8')) as ListsFile;
    return file.lists.map((l) => ({ id: l.id, name: l.name, version: l.version, updated: l.updated, licence: l.licence }));
  }
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? '/' : url.slice(start);
}

let shared: TrackerKnowledge | undefined;
function knowledge(): TrackerKnowledge {
  shared ??= new TrackerKnowledge(trackersDataDir);
  return shared;
}

/** Who is behind a request, and the filter that matched it if any; undefined when unknown. */
export function nameRequest(url: string, resourceType: string, pageUrl: string, isFrame = false): TrackerMatch | undefined {
  return knowledge().forRequest(url, resourceType, pageUrl, isFrame);
}

/** Who is behind a host (e.g. the last hop of a CNAME chain), from the host alone. */
export function trackerForHost(host: string): TrackerMatch | undefined {
  return knowledge().forHost(host);
}

/** The vendored lists with their versions, as the JSON result reports them. */
export function trackerLists(): ListInfo[] {
  return knowledge()
    .lists()
    .map((l) => ({ name: l.name, version: l.version, updated: l.updated }));
}

/** For tests and benchmarks: a fresh knowledge base from another directory. */
export function createTrackerKnowledge(dir = trackersDataDir): {
  nameRequest: typeof nameRequest;
  trackerForHost: typeof trackerForHost;
  warm(): void;
} {
  const k = new TrackerKnowledge(dir);
  return { nameRequest: (u, t, p, f) => k.forRequest(u, t, p, f), trackerForHost: (h) => k.forHost(h), warm: () => k.warm() };
}
