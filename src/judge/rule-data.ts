/**
 * Lists and lexicons that rules share, from rules/data/*.yaml: one place for each fact.
 * Loaded lazily and memoised; the rule loader asks for them up front so a missing or broken
 * list is a configuration error before any browser starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { normaliseHost } from '../domains/party.js';
import type { RuleData } from '../contracts/rule.js';

export function hostMatchesList(host: string, list: readonly string[]): boolean {
  const h = normaliseHost(host);
  return list.some((suffix) => h === suffix || h.endsWith(`.${suffix}`));
}

/** A host pattern: a suffix ("cloudfront.net" matches "d1.cloudfront.net") or a glob with * ("ns-*.awsdns-*.org"). */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  if (!p.includes('*')) return h === p || h.endsWith(`.${p}`);
  const re = new RegExp(
    `(^|\\.)${p
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9-]*')}$`,
  );
  return re.test(h);
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
      const doc = this.document(name) as { hosts?: unknown } | null;
      const hosts = doc?.hosts;
      this.lists.set(
        name,
        Array.isArray(hosts) && hosts.every((h) => typeof h === 'string') ? (hosts as string[]).map(normaliseHost) : null,
      );
    }
    return this.lists.get(name) ?? null;
  }
}
