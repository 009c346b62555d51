/**
 * Structured data files of rules/data/ beyond host lists (provider signatures, lexicons),
 * read once and memoised. Kept apart from RuleData's host lists so their shapes stay simple.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { rulesDir } from '../paths.js';

const cache = new Map<string, unknown>();

export function readDataFile(name: string): unknown {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad data file name "${name}"`);
  if (!cache.has(name)) cache.set(name, load(readFileSync(join(rulesDir, 'data', `${name}.yaml`), 'utf8')));
  return cache.get(name);
}

/** A host pattern: a suffix ("cloudfront.net" matches "d1.cloudfront.net") or a glob with * ("ns-*.awsdns-*.org"). */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  if (!p.includes('*')) return h === p || h.endsWith(`.${p}`);
  const re = new RegExp(`(^|\\.)${p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[a-z0-9-]*')}$`);
  return re.test(h);
}
