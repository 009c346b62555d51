/**
 * Transparency topics (rules/data/transparency-topics.yaml): for each topic, named aspects and
 * the patterns that show them. The passages found are what a reviewer would quote.
 */
import type { PageEvidence } from '../contracts/evidence.js';
import type { Lang } from '../contracts/rule.js';
import { normaliseText } from './normalise.js';
import { compilePatterns, findPassages, shorten, type Passage } from './text.js';
import { parsedDocument, type DataDocuments } from './vocabulary.js';

export interface Topic {
  /** Aspect name → patterns, in file order. */
  aspects: ReadonlyMap<string, readonly RegExp[]>;
  /** Aspect name → what reports call it, per language (an aspect name is an id, not prose). */
  labels: ReadonlyMap<string, Readonly<Record<Lang, string>>>;
}

function parseTopics(doc: unknown): ReadonlyMap<string, Topic> {
  const raw =
    ((doc ?? {}) as { topics?: Record<string, { aspects?: Record<string, unknown>; labels?: Record<string, unknown> }> }).topics ?? {};
  const topics = new Map<string, Topic>();
  for (const [name, topic] of Object.entries(raw)) {
    const aspects = new Map<string, RegExp[]>();
    for (const [aspect, patterns] of Object.entries(topic.aspects ?? {})) {
      const sources = Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : [];
      aspects.set(aspect, compilePatterns(sources));
    }
    const labels = new Map<string, Record<Lang, string>>();
    for (const [aspect, label] of Object.entries(topic.labels ?? {})) {
      const { fr, en } = (label ?? {}) as Partial<Record<Lang, unknown>>;
      if (typeof fr === 'string' && typeof en === 'string') labels.set(aspect, { fr, en });
    }
    topics.set(name, { aspects, labels });
  }
  return topics;
}

/** The topics of a rule set's data (rules/data/transparency-topics.yaml). */
export function transparencyTopics(data: DataDocuments): ReadonlyMap<string, Topic> {
  return parsedDocument(data, 'transparency-topics', parseTopics);
}

export function topic(data: DataDocuments, name: string): Topic {
  const found = transparencyTopics(data).get(name);
  if (!found) throw new Error(`rules/data/transparency-topics.yaml has no topic "${name}"`);
  return found;
}

/**
 * Message arguments naming aspects in both languages (`<name>_fr`, `<name>_en`): the engine
 * renders `{name}` with the report language's one. Capitalised for the start of a sentence,
 * else in lower case ("manque : lieu et fréquence").
 */
export function aspectLabelArgs(
  data: DataDocuments,
  topicName: string,
  name: string,
  aspects: readonly string[],
  capitalised: boolean,
): Record<string, string> {
  const labels = topic(data, topicName).labels;
  const label = (aspect: string, lang: Lang, i: number): string => {
    const text = labels.get(aspect)?.[lang] ?? aspect;
    return capitalised && i === 0 ? text : text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
  };
  return {
    [`${name}_fr`]: aspects.map((a, i) => label(a, 'fr', i)).join(', '),
    [`${name}_en`]: aspects.map((a, i) => label(a, 'en', i)).join(', '),
  };
}

export function aspectPatterns(data: DataDocuments, topicName: string, aspect: string): readonly RegExp[] {
  return topic(data, topicName).aspects.get(aspect) ?? [];
}

/** Links whose address or text shows the aspect (a link to a forge shows "source"). */
function linkPassages(page: PageEvidence, patterns: readonly RegExp[], limit = 3): Passage[] {
  const out: Passage[] = [];
  for (const link of page.links) {
    const normal = normaliseText(`${link.text} ${link.href}`);
    if (!patterns.some((re) => re.test(normal))) continue;
    out.push({ quote: shorten(`${link.text} → ${link.href}`), heading: '', page: page.url });
    if (out.length >= limit) break;
  }
  return out;
}

export interface AspectEvidence {
  aspect: string;
  passages: Passage[];
}

/** Passages of each aspect of a topic over some pages (pages in audit order). */
export function topicEvidence(
  data: DataDocuments,
  topicName: string,
  pages: readonly PageEvidence[],
  withLinks = false,
  perAspect = 3,
): AspectEvidence[] {
  return [...topic(data, topicName).aspects.entries()].map(([aspect, patterns]) => {
    const passages: Passage[] = [];
    // A site header repeated on every page is one passage, not one per page.
    const quoted = new Set<string>();
    for (const page of pages) {
      if (passages.length >= perAspect) break;
      const found = [...findPassages(page, patterns, perAspect), ...(withLinks ? linkPassages(page, patterns, perAspect) : [])];
      for (const p of found) {
        if (quoted.has(p.quote) || passages.length >= perAspect) continue;
        quoted.add(p.quote);
        passages.push(p);
      }
    }
    return { aspect, passages };
  });
}
