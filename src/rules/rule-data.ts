/**
 * Lists and lexicons that rules share, from rules/data/*.yaml: one place for each fact.
 * Loaded lazily and memoised; the rule loader asks for them up front so a missing or broken
 * list is a configuration error before any browser starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { normaliseHost } from '../domains/party.js';

export interface RuleData {
  /** Host suffixes of a named list (`hosts:` in rules/data/<name>.yaml). */
  hostList(name: string): readonly string[];
  hasHostList(name: string): boolean;
  /** The whole parsed YAML document of rules/data/<name>.yaml (null when missing or invalid). */
  document(name: string): unknown;
}

export function hostMatchesList(host: string, list: readonly string[]): boolean {
  const h = normaliseHost(host);
  return list.some((suffix) => h === suffix || h.endsWith(`.${suffix}`));
}

export class FileRuleData implements RuleData {
  private readonly lists = new Map<string, readonly string[] | null>();
  private readonly documents = new Map<string, unknown>();

  constructor(private readonly dataDir: string) {}

  hasHostList(name: string): boolean {
    return this.read(name) !== null;
  }

  hostList(name: string): readonly string[] {
    const list = this.read(name);
    if (!list) throw new Error(`host list "${name}" not found in ${this.dataDir}`);
    return list;
  }

  document(name: string): unknown {
    if (!this.documents.has(name)) {
      let doc: unknown = null;
      if (/^[a-z0-9-]+$/.test(name)) {
        try {
          doc = load(readFileSync(join(this.dataDir, `${name}.yaml`), 'utf8')) ?? null;
        } catch {
          doc = null;
        }
      }
      this.documents.set(name, doc);
    }
    return this.documents.get(name) ?? null;
  }

  private read(name: string): readonly string[] | null {
    if (!this.lists.has(name)) {
      let list: readonly string[] | null = null;
      if (/^[a-z0-9-]+$/.test(name)) {
        try {
          const doc = load(readFileSync(join(this.dataDir, `${name}.yaml`), 'utf8')) as { hosts?: unknown };
          if (Array.isArray(doc?.hosts) && doc.hosts.every((h) => typeof h === 'string')) {
            list = (doc.hosts as string[]).map(normaliseHost);
          }
        } catch {
          list = null;
        }
      }
      this.lists.set(name, list);
    }
    return this.lists.get(name) ?? null;
  }
}
