/**
 * Is a ChatonsInfos software.license.name a free licence? SPDX identifiers and expressions
 * ("AGPL-3.0-or-later", "MIT OR Apache-2.0", "GPLv3", "GPL-3.0+"), against
 * rules/data/free-licenses.yaml. "free" when every alternative of an OR, and every part of an
 * AND, is free... an OR needs only one free branch. Both lists (free identifiers, words of
 * non-free licences) come from the rule set's data, so CHATONS_AUDIT_RULES_DIR replaces them.
 */
import { alternation, mapping, parsedDocument, stringList, type DataDocuments } from '../documents/vocabulary.js';

export type LicenseVerdict = 'free' | 'non-free' | 'unknown';

export interface LicenceVocabulary {
  /** Canonical lower-case SPDX identifiers of free licences. */
  free: ReadonlySet<string>;
  /** Words that make a licence non-free (proprietary, CC BY-NC...). */
  nonFree: RegExp;
}

function parseLicences(doc: unknown): LicenceVocabulary {
  const root = mapping(doc);
  return {
    free: new Set(stringList(root.licenses).map((l) => l.toLowerCase())),
    nonFree: new RegExp(`\\b(?:${alternation(stringList(root.nonFree))})\\b`, 'iu'),
  };
}

/** The licence lists of a rule set's data (rules/data/free-licenses.yaml). */
export function licenceVocabulary(data: DataDocuments): LicenceVocabulary {
  return parsedDocument(data, 'free-licenses', parseLicences);
}

function canonical(id: string): string {
  let s = id.trim().toLowerCase().replace(/[()]/g, '');
  s = s.replace(/^(a|l)?gplv(\d)/, (_m, p: string | undefined, v: string) => `${p ?? ''}gpl-${v}`);
  s = s.replace(/-(only|or-later)$/, '').replace(/\+$/, '');
  if (/^(a|l)?gpl-\d$/.test(s)) s = `${s}.0`;
  if (s === 'lgpl-2.1.0') s = 'lgpl-2.1';
  return s;
}

function single(id: string, vocabulary: LicenceVocabulary): LicenseVerdict {
  if (vocabulary.nonFree.test(id)) return 'non-free';
  return vocabulary.free.has(canonical(id)) ? 'free' : 'unknown';
}

export function licenseVerdict(expression: string, vocabulary: LicenceVocabulary): LicenseVerdict {
  const text = expression.trim();
  if (!text) return 'unknown';
  if (vocabulary.nonFree.test(text) && !/\bor\b/i.test(text)) return 'non-free';
  const alternatives = text.split(/\s+or\s+|\s*\/\s*|\s*,\s*/i);
  const verdicts = alternatives.map((alt) => {
    const parts = alt.split(/\s+and\s+/i).map((p) => single(p.replace(/\s+with\s+.*$/i, ''), vocabulary));
    if (parts.includes('non-free')) return 'non-free';
    return parts.every((p) => p === 'free') ? 'free' : 'unknown';
  });
  if (verdicts.includes('free')) return 'free';
  return verdicts.includes('unknown') ? 'unknown' : 'non-free';
}
