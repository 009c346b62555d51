/**
 * Is a ChatonsInfos software.license.name a free licence? SPDX identifiers and expressions
 * ("AGPL-3.0-or-later", "MIT OR Apache-2.0", "GPLv3", "GPL-3.0+"), against
 * rules/data/free-licenses.yaml. "free" when every alternative of an OR, and every part of an
 * AND, is free... an OR needs only one free branch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { rulesDir } from '../paths.js';

export type LicenseVerdict = 'free' | 'non-free' | 'unknown';

let cached: ReadonlySet<string> | null = null;

function freeIds(): ReadonlySet<string> {
  if (!cached) {
    const doc = load(readFileSync(join(rulesDir, 'data', 'free-licenses.yaml'), 'utf8')) as { licenses?: unknown };
    const list = Array.isArray(doc?.licenses) ? doc.licenses.filter((l): l is string => typeof l === 'string') : [];
    cached = new Set(list.map((l) => l.toLowerCase()));
  }
  return cached;
}

const NON_FREE = /\b(proprietary|propri[ée]taire|commercial|non-?free|all rights reserved|tous droits r[ée]serv[ée]s|cc-by-nc|cc-by-nd|by-nc|by-nd|sspl|bsl-1\.1|busl|elastic-license|commons-clause)\b/i;

function canonical(id: string): string {
  let s = id.trim().toLowerCase().replace(/[()]/g, '');
  s = s.replace(/^(a|l)?gplv(\d)/, (_m, p: string | undefined, v: string) => `${p ?? ''}gpl-${v}`);
  s = s.replace(/-(only|or-later)$/, '').replace(/\+$/, '');
  if (/^(a|l)?gpl-\d$/.test(s)) s = `${s}.0`;
  if (s === 'lgpl-2.1.0') s = 'lgpl-2.1';
  return s;
}

function single(id: string): LicenseVerdict {
  if (NON_FREE.test(id)) return 'non-free';
  return freeIds().has(canonical(id)) ? 'free' : 'unknown';
}

export function licenseVerdict(expression: string): LicenseVerdict {
  const text = expression.trim();
  if (!text) return 'unknown';
  if (NON_FREE.test(text) && !/\bor\b/i.test(text)) return 'non-free';
  const alternatives = text.split(/\s+or\s+|\s*\/\s*|\s*,\s*/i);
  const verdicts = alternatives.map((alt) => {
    const parts = alt.split(/\s+and\s+/i).map((p) => single(p.replace(/\s+with\s+.*$/i, '')));
    if (parts.includes('non-free')) return 'non-free';
    return parts.every((p) => p === 'free') ? 'free' : 'unknown';
  });
  if (verdicts.includes('free')) return 'free';
  return verdicts.includes('unknown') ? 'unknown' : 'non-free';
}
