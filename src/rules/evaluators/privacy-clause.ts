/**
 * privacy-clause: the terms or a privacy policy have a "données personnelles et respect de la
 * vie privée" clause. A privacy policy page on the own domains, or a section of the terms under a personal-data heading, passes; a mere mention in a sentence needs a
 * human; terms without any such section fail.
 */
import type { PageEvidence } from '../../contracts/evidence.js';
import { normaliseText } from '../../documents/normalise.js';
import { isReadable, pageAt, passageArgs } from '../../documents/pages.js';
import { documentLinks } from '../../documents/site-links.js';
import { blocksOf, findPassages, shorten, type Passage } from '../../documents/text.js';
import { aspectPatterns } from '../../documents/topics.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

function headingPassage(page: PageEvidence, patterns: readonly RegExp[]): Passage | null {
  const blocks = blocksOf(page.html);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as (typeof blocks)[number];
    if (block.level === 0 || block.text !== block.heading) continue;
    if (!patterns.some((re) => re.test(normaliseText(block.heading)))) continue;
    const body = blocks[i + 1];
    const quote = body && body.heading === block.heading ? `${block.heading} — ${body.text}` : block.heading;
    return { quote: shorten(quote), heading: block.heading, page: page.url };
  }
  return null;
}

export const privacyClause = defineEvaluator<Record<string, never>, 'pages'>({
  id: 'privacy-clause',
  requires: ['pages'],
  params: {},
  codes: ['passage', 'noPrivacySection', 'noPrivacyDocument', 'onlyMentions'],
  evaluate({ evidence, derived }) {
    const patterns = aspectPatterns('privacy', 'privacy');
    const readable = evidence.pages.filter(isReadable);
    if (readable.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const pass = (page: PageEvidence, passage: Passage): { outcome: 'pass'; findings: FindingDraft[] } => ({
      outcome: 'pass', findings: [{ code: 'passage', page, urls: [page.url], args: passageArgs(passage) }],
    });
    // A privacy policy page of its own.
    const linkedAs = (kind: 'privacy' | 'terms'): string[] => [...new Set(readable.flatMap((p) => documentLinks(p, derived.party.ownDomains).filter((d) => d.kind === kind).map((d) => d.url)))];
    const privacyLinks = linkedAs('privacy');
    const termsLinks = linkedAs('terms');
    const policies = readable.filter((p) => p.role === 'privacy' || privacyLinks.some((u) => pageAt([p], u)));
    for (const page of policies) {
      const passage = headingPassage(page, patterns) ?? findPassages(page, patterns, 1)[0];
      if (passage) return pass(page, passage);
    }
    // A section of the terms (a page visited as the legal notice may be linked as terms too).
    const documents = readable.filter((p) => p.role === 'terms' || termsLinks.some((u) => pageAt([p], u)));
    for (const page of documents) {
      const passage = headingPassage(page, patterns);
      if (passage) return pass(page, passage);
    }
    const mentions = documents.flatMap((page) => findPassages(page, patterns, 2).map((passage) => ({ page, passage })));
    if (mentions.length > 0) {
      return {
        outcome: 'needs-review',
        findings: mentions.map(({ page, passage }) => ({ code: 'passage', page, urls: [page.url], args: passageArgs(passage) })),
        reason: { code: 'onlyMentions' },
      };
    }
    if (documents.length > 0) return { outcome: 'fail', findings: documents.map((page) => ({ code: 'noPrivacySection', page, urls: [page.url] })) };
    return { outcome: 'fail', findings: [{ code: 'noPrivacyDocument', page: derived.portal ?? null }] };
  },
});
