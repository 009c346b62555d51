/**
 * Host → entity (name, organisation, category), from third-party-web plus our overrides.
 * Host lookups walk up the labels (a.b.example.com, b.example.com, example.com), so a lookup
 * costs a few Map reads; callers memoise per host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { trackersDataDir } from './data-files.js';

export interface Entity {
  name: string;
  organization: string;
  category: string;
  /** The domain pattern that matched, as written in the source (e.g. "*.google-analytics.com"). */
  pattern: string;
  source: 'third-party-web' | 'chatons-audit';
  /** "source: pattern", as reports quote it (built once: naming runs for every request). */
  rule: string;
  /** Only when the request path contains one of these. */
  paths?: readonly string[];
}

interface TpwFile {
  provenance: { version: string };
  entities: { name: string; company: string | null; category: string; domains: string[] }[];
}

interface OverridesFile {
  organizations?: Record<string, string>;
  categories?: Record<string, string>;
  entities?: { name: string; organization: string; category: string; domains: string[]; paths?: string[] }[];
}

/** third-party-web's categories, renamed for reports where the short name is unclear. */
const CATEGORY_NAMES: Readonly<Record<string, string>> = { ad: 'advertising' };

const NONE: readonly Entity[] = [];

export class EntityIndex {
  /** Exact host → entities (path-specific first). */
  private readonly exact = new Map<string, Entity[]>();
  /** Domain whose subdomains (and itself) belong to the entities. */
  private readonly suffix = new Map<string, Entity[]>();

  constructor(tpw: TpwFile, overrides: OverridesFile) {
    const add = (map: Map<string, Entity[]>, key: string, entity: Entity): void => {
      const list = map.get(key) ?? [];
      list.push(entity);
      map.set(key, list);
    };
    for (const o of overrides.entities ?? []) {
      for (const domain of o.domains) {
        const entity: Entity = {
          name: o.name,
          organization: o.organization,
          category: o.category,
          pattern: domain,
          source: 'chatons-audit',
          rule: `chatons-audit: ${domain}`,
        };
        if (o.paths) entity.paths = o.paths;
        // An override domain covers its subdomains, like third-party-web's "*." patterns.
        add(this.suffix, domain.toLowerCase(), entity);
      }
    }
    for (const e of tpw.entities) {
      const organization = overrides.organizations?.[e.name] ?? e.company ?? e.name;
      const category = overrides.categories?.[e.name] ?? CATEGORY_NAMES[e.category] ?? e.category;
      for (const pattern of e.domains) {
        const entity: Entity = {
          name: e.name,
          organization,
          category,
          pattern,
          source: 'third-party-web',
          rule: `third-party-web: ${pattern}`,
        };
        if (pattern.startsWith('*.')) add(this.suffix, pattern.slice(2).toLowerCase(), entity);
        else add(this.exact, pattern.toLowerCase(), entity);
      }
    }
  }

  /** Candidates for a host, most specific first (path-specific overrides before host-wide entities). */
  candidates(host: string): readonly Entity[] {
    let found: Entity[] | null = null;
    const exact = this.exact.get(host);
    if (exact) found = [...exact];
    for (let h = host; h; ) {
      const suffix = this.suffix.get(h);
      if (suffix) found = found ? found.concat(suffix) : [...suffix];
      const dot = h.indexOf('.');
      h = dot < 0 ? '' : h.slice(dot + 1);
    }
    if (!found) return NONE;
    if (found.length === 1) return found;
    // Path-specific entries first, then overrides, then third-party-web: the first that fits wins.
    return found.sort(
      (a, b) => Number(!a.paths) - Number(!b.paths) || Number(a.source !== 'chatons-audit') - Number(b.source !== 'chatons-audit'),
    );
  }
}

export function loadEntityIndex(dir = trackersDataDir): EntityIndex {
  const tpw = JSON.parse(readFileSync(join(dir, 'third-party-web.json'), 'utf8')) as TpwFile;
  const overrides = (load(readFileSync(join(dir, 'overrides.yaml'), 'utf8')) ?? {}) as OverridesFile;
  return new EntityIndex(tpw, overrides);
}
