/**
 * membership-claim: in --candidate mode, the site must not present the structure as a CHATONS
 * member already. A claim is
 * - a sentence such as "membre du collectif CHATONS" or "CHATON depuis 2021";
 * - within a section, "X est membre de ce collectif" when the collective named last before it is
 *   CHATONS (by acronym, by its full name, or by a link to chatons.org);
 * - a heading that claims membership ("Nous sommes membre de") over a list naming CHATONS;
 * - a member badge: an image linking to chatons.org labelled "membre", "member"...
 * unless the same sentence speaks of a candidacy. The quote is the passage that
 * decided. Outside candidate mode the rule does not apply. Vocabulary:
 * rules/data/transparency-topics.yaml (membership, charter, candidacy).
 */
import { load } from 'cheerio';
import type { PageEvidence } from '../../contracts/evidence.js';
import { normaliseText } from '../../documents/normalise.js';
import { isReadable } from '../../documents/pages.js';
import { sectionsOf, sentencesOf, shorten } from '../../documents/text.js';
import { aspectPatterns } from '../../documents/topics.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import type { RuleData } from '../../contracts/rule.js';

interface Vocabulary {
  claim: readonly RegExp[];
  reference: readonly RegExp[];
  collective: readonly RegExp[];
  heading: readonly RegExp[];
  badge: readonly RegExp[];
  chatons: readonly RegExp[];
  candidacy: readonly RegExp[];
}

function vocabularyOf(data: RuleData): Vocabulary {
  const membership = (aspect: string): readonly RegExp[] => aspectPatterns(data, 'membership', aspect);
  return {
    claim: membership('claim'),
    reference: membership('reference'),
    collective: membership('collective'),
    heading: membership('heading'),
    badge: membership('badge'),
    chatons: aspectPatterns(data, 'charter', 'chatons'),
    candidacy: aspectPatterns(data, 'candidacy', 'candidacy'),
  };
}

const any = (patterns: readonly RegExp[], text: string): boolean => patterns.some((re) => re.test(text));

function claims(page: PageEvidence, v: Vocabulary): string[] {
  const out: string[] = [];
  for (const section of sectionsOf(page)) {
    const sentences = section.texts.flatMap((t) => sentencesOf(t));
    const normals = sentences.map(normaliseText);
    const heading = normaliseText(section.heading);
    // A heading that claims, over a list that names the collective.
    if (heading && any(v.heading, heading) && !any(v.candidacy, heading)) {
      const named = sentences.find((_s, i) => any(v.chatons, normals[i] ?? '') && !any(v.candidacy, normals[i] ?? ''));
      if (named) out.push(shorten(`${section.heading} : ${named}`));
    }
    let lastCollective: string | null = null;
    sentences.forEach((sentence, i) => {
      const normal = normals[i] ?? '';
      const candidacy = any(v.candidacy, normal);
      if (any(v.claim, normal) && !candidacy) out.push(shorten(sentence));
      else if (any(v.reference, normal) && lastCollective && !candidacy) out.push(shorten(`${sentence} (${lastCollective})`));
      // The collective a later "ce collectif" refers to: CHATONS, or another one (then no claim).
      if (any(v.chatons, normal)) lastCollective = shorten(sentence, 120);
      // ("ce collectif" itself names no collective: it is taken out before looking.)
      else if (
        any(
          v.collective,
          v.reference.reduce((text, re) => text.replace(re, ''), normal),
        )
      )
        lastCollective = null;
    });
  }
  return [...new Set(out)];
}

function badges(page: PageEvidence, v: Vocabulary): string[] {
  if (!page.html) return [];
  const $ = load(page.html);
  const out: string[] = [];
  $('a[href*="chatons.org"] img').each((_i, img) => {
    const label = [$(img).attr('alt'), $(img).attr('title'), $(img).attr('src')].filter(Boolean).join(' ');
    if (any(v.badge, normaliseText(label))) out.push(shorten(label));
  });
  return out;
}

export const membershipClaim = defineEvaluator<Record<string, never>, 'pages' | 'options'>({
  id: 'membership-claim',
  requires: ['pages', 'options'],
  params: {},
  codes: ['membershipClaim', 'memberBadge', 'notCandidate'],
  check(_params, data) {
    return data.document('transparency-topics') === null ? 'rules/data/transparency-topics.yaml is missing or invalid' : null;
  },
  evaluate({ evidence, data }) {
    if (!evidence.options.candidate) return { outcome: 'not-applicable', findings: [], reason: { code: 'notCandidate' } };
    const pages = evidence.pages.filter(isReadable);
    if (pages.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const v = vocabularyOf(data);
    const findings: FindingDraft[] = pages.flatMap((page) => [
      ...claims(page, v).map((quote) => ({ code: 'membershipClaim', page, urls: [page.url], args: { quote } })),
      ...badges(page, v).map((quote) => ({ code: 'memberBadge', page, urls: [page.url], args: { quote } })),
    ]);
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
