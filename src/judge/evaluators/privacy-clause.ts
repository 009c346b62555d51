/**
 * privacy-clause: the terms or a privacy policy have a "données personnelles et respect de la
 * vie privée" clause. A privacy policy page on the own domains passes; so does a section of the
 * terms or of the legal notice that is about personal data, found by its heading (the privacy
 * vocabulary of every language) or by its content (a section whose text speaks of two of:
 * personal data, IP addresses and logs, third parties, data-protection rights). A mere mention in
 * a sentence needs a human; terms without any such section fail. The quoted passage is the
 * section that decided.
 */
import type { PageEvidence } from '../../contracts/evidence.js';
import { lexiconOf } from '../../documents/lexicon.js';
import { normaliseText } from '../../documents/normalise.js';
import { isReadable, pageAt, passageArgs } from '../../documents/pages.js';
import { documentLinks } from '../../documents/site-links.js';
import { findPassages, sectionsOf, shorten, type Passage } from '../../documents/text.js';
import { aspectPatterns, topic } from '../../documents/topics.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import type { RuleData } from '../../contracts/rule.js';

/** A section needs this many aspects of personal-data content to count without a privacy heading. */
const CONTENT_ASPECTS = 2;

function privacySection(page: PageEvidence, data: RuleData): Passage | null {
  const headings = aspectPatterns(data, 'privacy', 'privacy');
  const content = [...topic(data, 'privacy-content').aspects.values()];
  for (const section of sectionsOf(page)) {
    if (!section.heading) continue;
    const text = section.texts.join('\n');
    const byHeading = headings.some((re) => re.test(normaliseText(section.heading)));
    const body = normaliseText(text);
    const byContent =
      !byHeading && body.length > 0 && content.filter((patterns) => patterns.some((re) => re.test(body))).length >= CONTENT_ASPECTS;
    if (!byHeading && !byContent) continue;
    const quote = text ? `${section.heading} — ${text.replace(/\n/g, ' ')}` : section.heading;
    return { quote: shorten(quote), heading: section.heading, page: page.url };
  }
  return null;
}

export const privacyClause = defineEvaluator<Record<string, never>, 'pages'>({
  id: 'privacy-clause',
  requires: ['pages'],
  params: {},
  codes: ['passage', 'noPrivacySection', 'noPrivacyDocument', 'onlyMentions'],
  check(_params, data) {
    return data.document('transparency-topics') === null ? 'rules/data/transparency-topics.yaml is missing or invalid' : null;
  },
  evaluate({ evidence, derived, data }) {
    const patterns = aspectPatterns(data, 'privacy', 'privacy');
    const lexicon = lexiconOf(data);
    const readable = evidence.pages.filter(isReadable);
    if (readable.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const pass = (page: PageEvidence, passage: Passage): { outcome: 'pass'; findings: FindingDraft[] } => ({
      outcome: 'pass',
      findings: [{ code: 'passage', page, urls: [page.url], args: passageArgs(passage) }],
    });
    const linkedAs = (kind: 'privacy' | 'terms' | 'legal'): string[] => [
      ...new Set(
        readable.flatMap((p) =>
          documentLinks(p, derived.party.ownDomains, lexicon)
            .filter((d) => d.kind === kind)
            .map((d) => d.url),
        ),
      ),
    ];
    const documentsOf = (kind: 'privacy' | 'terms' | 'legal'): PageEvidence[] => {
      const links = linkedAs(kind);
      return readable.filter((p) => p.role === kind || links.some((u) => pageAt([p], u)));
    };
    // A privacy policy page of its own.
    for (const page of documentsOf('privacy')) {
      const passage = privacySection(page, data) ?? findPassages(page, patterns, 1)[0];
      if (passage) return pass(page, passage);
    }
    // A section of the terms, or of the legal notice (a page may be linked as both).
    const terms = documentsOf('terms');
    const documents = [...terms, ...documentsOf('legal').filter((p) => !terms.includes(p))];
    for (const page of documents) {
      const passage = privacySection(page, data);
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
    if (terms.length > 0) return { outcome: 'fail', findings: terms.map((page) => ({ code: 'noPrivacySection', page, urls: [page.url] })) };
    return { outcome: 'fail', findings: [{ code: 'noPrivacyDocument', page: derived.portal ?? null }] };
  },
});
