/**
 * The documents lexicon (rules/data/documents-lexicon.yaml): the words and URL slugs that name
 * a legal notice, terms, privacy policy, about and contact page. Read once, shared by the
 * planners (collection) and the evaluators (judgement).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { rulesDir } from '../util/paths.js';
import { normaliseText, phrasePattern } from './normalise.js';
import { parsedDocument, type DataDocuments } from './vocabulary.js';

export const DOCUMENT_KINDS = ['legal', 'terms', 'privacy', 'about', 'contact'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

interface KindVocabulary {
  texts: readonly RegExp[];
  /** Each slug as its tokens: "mentions-legales" → ["mentions", "legales"]. */
  slugs: readonly (readonly string[])[];
}

export type DocumentLexicon = Readonly<Record<DocumentKind, KindVocabulary>>;

interface RawKind {
  texts?: unknown;
  slugs?: unknown;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function slugTokens(segment: string): string[] {
  return normaliseText(segment)
    .split(/[-_.+\s]+/)
    .filter(Boolean);
}

function parseLexicon(doc: unknown): DocumentLexicon {
  const roles = ((doc ?? {}) as { roles?: Record<string, RawKind> }).roles ?? {};
  const entries = DOCUMENT_KINDS.map((kind) => {
    const raw = roles[kind] ?? {};
    return [
      kind,
      {
        texts: strings(raw.texts).map(phrasePattern),
        slugs: strings(raw.slugs).map(slugTokens),
      },
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as DocumentLexicon;
}

/** The lexicon of a rule set's data: what the rules judge with, and what the planner plans with. */
export function lexiconOf(data: DataDocuments): DocumentLexicon {
  return parsedDocument(data, 'documents-lexicon', parseLexicon);
}

let cached: DocumentLexicon | null = null;

/** The packaged lexicon, for callers given no rule set (the rules and the audit always pass theirs). */
export function documentLexicon(dir: string = rulesDir): DocumentLexicon {
  if (!cached || dir !== rulesDir) {
    const lexicon = parseLexicon(load(readFileSync(join(dir, 'data', 'documents-lexicon.yaml'), 'utf8')));
    if (dir !== rulesDir) return lexicon;
    cached = lexicon;
  }
  return cached;
}
