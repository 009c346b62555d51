/**
 * Which document a link points to, from its text, title, aria-label and URL slug, with a score:
 * a visible link whose words say "Mentions légales" beats a hidden one whose slug only says
 * /legal. Reviewers look at footers; so does this.
 */
import type { LinkEvidence } from '../contracts/evidence.js';
import { DOCUMENT_KINDS, documentLexicon, slugTokens, type DocumentKind, type DocumentLexicon } from './lexicon.js';
import { normaliseText } from './normalise.js';

export interface LinkMatch {
  kind: DocumentKind;
  score: number;
  link: LinkEvidence;
}

const TEXT_SCORE = 4;
const LABEL_SCORE = 3;
const SLUG_SCORE = 2;
const VISIBLE_FACTOR = 2;

function containsTokens(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((token, j) => haystack[i + j] === token)) return true;
  }
  return false;
}

function slugMatches(href: string, slugs: readonly (readonly string[])[]): boolean {
  let path: string;
  try {
    const url = new URL(href);
    path = decodeURIComponent(url.pathname) + (url.hash ? `/${url.hash.slice(1)}` : '');
  } catch {
    return false;
  }
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => slugTokens(s.replace(/\.(html?|php|aspx?)$/i, '')));
  return segments.some((tokens) => slugs.some((slug) => containsTokens(tokens, slug)));
}

/** Score of a link for one kind of document (0: not that document). */
export function linkScore(link: LinkEvidence, kind: DocumentKind, lexicon: DocumentLexicon = documentLexicon()): number {
  const vocabulary = lexicon[kind];
  const says = (value: string | undefined): boolean => {
    if (!value) return false;
    const text = normaliseText(value);
    return text.length <= 120 && vocabulary.texts.some((re) => re.test(text));
  };
  let score = 0;
  if (says(link.text)) score = TEXT_SCORE;
  else if (says(link.title) || says(link.ariaLabel)) score = LABEL_SCORE;
  if (slugMatches(link.href, vocabulary.slugs)) score = score > 0 ? score + 1 : SLUG_SCORE;
  return score > 0 && link.visible ? score * VISIBLE_FACTOR : score;
}

/** Every (link, kind) that matches, best first. */
export function classifyLinks(links: readonly LinkEvidence[], lexicon: DocumentLexicon = documentLexicon()): LinkMatch[] {
  const matches: LinkMatch[] = [];
  for (const link of links) {
    if (!/^https?:/i.test(link.href)) continue;
    for (const kind of DOCUMENT_KINDS) {
      const score = linkScore(link, kind, lexicon);
      if (score > 0) matches.push({ kind, score, link });
    }
  }
  return matches.sort((a, b) => b.score - a.score);
}

/** URL without its fragment: /cgu.html#donnees and /cgu.html are one document. */
export function documentUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}
