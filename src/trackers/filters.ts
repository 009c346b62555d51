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
  document: 'main_frame', stylesheet: 'stylesheet', image: 'image', media: 'media', font: 'font', script: 'script',
  texttrack: 'other', xhr: 'xmlhttprequest', fetch: 'fetch', eventsource: 'other', websocket: 'websocket',
  manifest: 'other', ping: 'ping', other: 'other',
};

export class FilterMatcher {
  private readonly listOf = new Map<string, string>();
  /** Merged filter text → its original filters, parsed once. */
  private readonly parts = new Map<string, NetworkFilter[]>();

  constructor(private readonly engine: FiltersEngine, lists: FilterListsFile) {
    for (const [list, ids] of Object.entries(lists.lists)) for (const id of ids) this.listOf.set(id, list);
    this.defaultList = lists.defaultList;
  }

  private readonly defaultList: string;

  /** The engine's view of a request (parsed once: hostname and registrable domain come with it). */
  static request(url: string, resourceType: string, sourceUrl: string, isFrame = false): Request {
    const type = resourceType === 'document' && isFrame ? 'sub_frame' : (REQUEST_TYPES[resourceType] ?? 'other');
    return Request.fromRawDetails({ url, type, sourceUrl });
  }

  match(url: string, resourceType: string, sourceUrl: string, isFrame = false): FilterMatch | undefined {
    return this.matchRequest(FilterMatcher.request(url, resourceType, sourceUrl, isFrame));
  }

  matchRequest(request: Request): FilterMatch | undefined {
    const result = this.engine.match(request);
    if (!result.match || !result.filter) return undefined;
    let filter: NetworkFilter = result.filter;
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
    return { rule: filter.rawLine ?? filter.toString(), list: this.listOf.get(filter.getId().toString(36)) ?? this.defaultList };
  }
}

export function loadFilterMatcher(dir = trackersDataDir): FilterMatcher {
  const engine = FiltersEngine.deserialize(readFileSync(join(dir, 'engine.bin')));
  const lists = JSON.parse(readFileSync(join(dir, 'filter-lists.json'), 'utf8')) as FilterListsFile;
  return new FilterMatcher(engine, lists);
}
