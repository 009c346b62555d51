/**
 * The AdGuard filter lists, matched by @ghostery/adblocker from the engine precompiled by
 * `npm run update-trackers` (rules/data/trackers/engine.bin): deserialising takes milliseconds,
 * parsing the lists would take a second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FiltersEngine, NetworkFilter, Request, type RequestType } from '@ghostery/adblocker';
import { trackersDataDir } from './data-files.js';

export interface FilterMatch {
  /** The filter's text as written in the list. */
  rule: string;
  /** Id of the list it comes from (lists.json). */
  list: string;
}

interface FilterListsFile {
  defaultList: string;
  lists: Record<string, string[]>;
}

/** Our resource types → the request types filter options ($script, $image...) speak of. */
const REQUEST_TYPES: Readonly<Record<string, RequestType>> = {
  document: 'main_frame',
  stylesheet: 'stylesheet',
  image: 'image',
  media: 'media',
  font: 'font',
  script: 'script',
  texttrack: 'other',
  xhr: 'xmlhttprequest',
  fetch: 'fetch',
  eventsource: 'other',
  websocket: 'websocket',
  manifest: 'other',
  ping: 'ping',
  other: 'other',
};

/** A page's host and registrable domain, as the engine derives them (parsed once per page). */
interface SourceParts {
  sourceHostname: string;
  sourceDomain: string;
}
const MAX_SOURCES = 1_000;
const sources = new Map<string, SourceParts>();

export class FilterMatcher {
  /** Filter id → list id (only filters not from the default list). */
  private readonly listOf = new Map<number, string>();
  /** Merged filter text → its original filters, parsed once. */
  private readonly parts = new Map<string, NetworkFilter[]>();

  constructor(
    private readonly engine: FiltersEngine,
    lists: FilterListsFile,
  ) {
    for (const [list, ids] of Object.entries(lists.lists)) for (const id of ids) this.listOf.set(Number.parseInt(id, 36), list);
    this.defaultList = lists.defaultList;
  }

  private readonly defaultList: string;

  /** The engine's view of a request (parsed once: hostname and registrable domain come with it). */
  static request(url: string, resourceType: string, sourceUrl: string, isFrame = false): Request {
    const type = resourceType === 'document' && isFrame ? 'sub_frame' : (REQUEST_TYPES[resourceType] ?? 'other');
    let source = sources.get(sourceUrl);
    if (!source) {
      const page = Request.fromRawDetails({ url: sourceUrl });
      source = { sourceHostname: page.hostname, sourceDomain: page.domain || page.hostname };
      if (sources.size >= MAX_SOURCES) sources.clear();
      sources.set(sourceUrl, source);
    }
    return Request.fromRawDetails({ url, type, sourceUrl, sourceHostname: source.sourceHostname, sourceDomain: source.sourceDomain });
  }

  match(url: string, resourceType: string, sourceUrl: string, isFrame = false): FilterMatch | undefined {
    return this.matchRequest(FilterMatcher.request(url, resourceType, sourceUrl, isFrame));
  }

  /**
   * FiltersEngine.match's verdict (blocked or not, and by which filter) without its URL rewriting:
   * for a request no filter blocks, match() goes on to parse the query string for $removeparam
   * and asks the exceptions again, which doubled the cost of every ordinary request. Same order
   * as match(): $important, $redirect, the other filters, then exceptions. (No filter is
   * excluded: the engine is built without preprocessors.) A unit test holds it to match().
   */
  private blockingFilter(request: Request): NetworkFilter | undefined {
    if (!request.isSupported) return undefined;
    const important = this.engine.importants.match(request);
    if (important) return important;
    let filter: NetworkFilter | undefined;
    let redirectNone: NetworkFilter | undefined;
    let redirectRule: NetworkFilter | undefined;
    // Most requests match no $redirect filter: ask for one before collecting them all.
    const redirects = this.engine.redirects.match(request) ? this.engine.redirects.matchAll(request) : [];
    if (redirects.length > 1) redirects.sort((a, b) => b.getRedirectPriority() - a.getRedirectPriority());
    for (const candidate of redirects) {
      if (candidate.getRedirectResource() === 'none') redirectNone = candidate;
      else if (candidate.isRedirectRule()) redirectRule ??= candidate;
      else filter ??= candidate;
    }
    if (!filter) {
      filter = this.engine.filters.match(request);
      if (filter && redirectRule) filter = redirectRule;
    }
    if (!filter || this.engine.exceptions.match(request)) return undefined;
    return filter.isRedirect() && redirectNone ? undefined : filter;
  }

  matchRequest(request: Request): FilterMatch | undefined {
    const found = this.blockingFilter(request);
    if (!found) return undefined;
    let filter: NetworkFilter = found;
    const raw = filter.rawLine ?? filter.toString();
    if (raw.includes(' <+> ')) {
      // An optimised (merged) filter: find the original filter that matched, to quote it exactly.
      let parts = this.parts.get(raw);
      if (!parts) {
        parts = raw.split(' <+> ').flatMap((part) => NetworkFilter.parse(part, true) ?? []);
        this.parts.set(raw, parts);
      }
      for (const single of parts) {
        if (single.match(request)) {
          filter = single;
          break;
        }
      }
    }
    return { rule: filter.rawLine ?? filter.toString(), list: this.listOf.get(filter.getId()) ?? this.defaultList };
  }
}

export function loadFilterMatcher(dir = trackersDataDir): FilterMatcher {
  const engine = FiltersEngine.deserialize(readFileSync(join(dir, 'engine.bin')));
  const lists = JSON.parse(readFileSync(join(dir, 'filter-lists.json'), 'utf8')) as FilterListsFile;
  return new FilterMatcher(engine, lists);
}
