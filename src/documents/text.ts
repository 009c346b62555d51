/**
 * The readable text of a rendered page (PageEvidence.html), cut into sections under their
 * headings, then into sentences: what a reviewer reads, and what the rules quote.
 */
import { load } from 'cheerio';
import type { PageEvidence } from '../contracts/evidence.js';
import { normaliseText } from './normalise.js';

export interface Block {
  /** The nearest heading above this block ('' before the first heading). */
  heading: string;
  /** Heading level of that heading (1–6; 7 for a label such as <dt> or a bold lead-in; 0 when none). */
  level: number;
  /** The block's text, line breaks kept (<br>). */
  text: string;
}

export interface Passage {
  /** The sentence as written on the page (shortened past QUOTE_MAX). */
  quote: string;
  heading: string;
  page: string;
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,address,td,th,blockquote,pre,figcaption,div,section,article,main,footer,header,aside,span';
const HEADINGS = /^h([1-6])$/;
const QUOTE_MAX = 240;
const cache = new Map<string, Block[]>();
const CACHE_SIZE = 64;

const BLOCK_TAGS = new Set(BLOCKS.split(',').filter((t) => t !== 'span'));
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/**
 * The block's own text: its text nodes and inline children (a, strong, em...), not its nested
 * blocks, which are read on their own. A walk rather than clone-and-remove keeps a deeply
 * nested page linear.
 */
/** The few fields of a parsed node we read (domhandler's shape, which cheerio does not re-export). */
interface DomNode {
  type: string;
  data?: string;
  name?: string;
  children?: DomNode[];
}

function ownText(node: DomNode): string {
  let out = '';
  const walk = (n: DomNode): void => {
    if (n.type === 'text') out += n.data ?? '';
    else if (n.type === 'tag') {
      const tag = (n.name ?? '').toLowerCase();
      if (tag === 'br') out += '\n';
      else if (!BLOCK_TAGS.has(tag) && !SKIPPED_TAGS.has(tag)) n.children?.forEach(walk);
    }
  };
  node.children?.forEach(walk);
  return out
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Blocks of a page in document order, each under its heading. */
export function blocksOf(html: string | null): Block[] {
  if (!html) return [];
  const hit = cache.get(html);
  if (hit) return hit;
  const $ = load(html);
  $('script, style, noscript, template, svg, head').remove();
  const blocks: Block[] = [];
  let heading = '';
  let level = 0;
  $('body')
    .find([...BLOCK_TAGS].join(','))
    .each((_i, element) => {
      const tag = element.tagName.toLowerCase();
      const text = ownText(element as unknown as DomNode);
      if (!text) return;
      const h = HEADINGS.exec(tag);
      if (h) {
        heading = text.replace(/\n/g, ' ');
        level = Number(h[1]);
        blocks.push({ heading, level, text });
        return;
      }
      if (tag === 'dt') {
        heading = text.replace(/\n/g, ' ');
        level = 7;
      }
      blocks.push({ heading, level, text });
    });
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(html, blocks);
  return blocks;
}

export interface Section {
  /** The heading's text ('' for what comes before the first heading). */
  heading: string;
  /** The texts of the blocks under it, up to the next heading. */
  texts: string[];
}

/** The page's blocks grouped under their headings (h1-h6), in order. */
export function sectionsOf(page: PageEvidence): Section[] {
  const sections: Section[] = [];
  for (const block of blocksOf(page.html)) {
    const isHeading = block.level > 0 && block.level < 7 && block.text === block.heading;
    const last = sections[sections.length - 1];
    if (isHeading || !last || last.heading !== block.heading)
      sections.push({ heading: block.heading, texts: isHeading ? [] : [block.text] });
    else last.texts.push(block.text);
  }
  return sections;
}

/** Sentences of a text: split at line breaks and after . ! ? followed by a space. */
export function sentencesOf(text: string): string[] {
  // Not after an initial ("Colin P. Kelly"): a single capital letter and a dot end no sentence.
  return text
    .split(/\n|(?<=[.!?;])(?<!(?:^|[\s(])\p{Lu}\.)\s+(?=[\p{Lu}\d«"(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function shorten(text: string, max = QUOTE_MAX): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Sentences of the page that match one of the patterns (over normalised text: lower case,
 * no accents), each once, in page order.
 */
export function findPassages(page: PageEvidence, patterns: readonly RegExp[], limit = 5): Passage[] {
  const out: Passage[] = [];
  const seen = new Set<string>();
  for (const block of blocksOf(page.html)) {
    for (const sentence of sentencesOf(block.text)) {
      const normal = normaliseText(sentence);
      if (!patterns.some((re) => re.test(normal))) continue;
      const quote = shorten(sentence);
      if (seen.has(quote)) continue;
      seen.add(quote);
      out.push({ quote, heading: block.heading, page: page.url });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Compiles data-file patterns (regular expressions over normalised text). */
export function compilePatterns(sources: readonly string[]): RegExp[] {
  return sources.map((s) => new RegExp(s, 'u'));
}
