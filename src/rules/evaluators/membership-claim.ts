/**
 * membership-claim: in --candidate mode, the site must not present the structure as a CHATONS
 * member already: sentences such as "membre du collectif CHATONS" or "CHATON depuis 2021"
 * (unless the same sentence speaks of a candidacy), or a member badge image linking to
 * chatons.org. Outside candidate mode the rule does not apply.
 */
import { load } from 'cheerio';
import type { PageEvidence } from '../../contracts/evidence.js';
import { normaliseText } from '../../documents/normalise.js';
import { isReadable } from '../../documents/pages.js';
import { blocksOf, sentencesOf, shorten } from '../../documents/text.js';
import { aspectPatterns } from '../../documents/topics.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

const BADGE_WORDS = /membre|member|badge|mitglied|miembro|membro|lid\b/;

function claims(page: PageEvidence): string[] {
  const claim = aspectPatterns('membership', 'claim');
  const candidacy = aspectPatterns('candidacy', 'candidacy');
  const out: string[] = [];
  for (const block of blocksOf(page.html)) {
    for (const sentence of sentencesOf(block.text)) {
      const normal = normaliseText(sentence);
      if (claim.some((re) => re.test(normal)) && !candidacy.some((re) => re.test(normal))) out.push(shorten(sentence));
    }
  }
  return [...new Set(out)];
}

function badges(page: PageEvidence): string[] {
  if (!page.html) return [];
  const $ = load(page.html);
  const out: string[] = [];
  $('a[href*="chatons.org"] img').each((_i, img) => {
    const label = [$(img).attr('alt'), $(img).attr('title'), $(img).attr('src')].filter(Boolean).join(' ');
    if (BADGE_WORDS.test(normaliseText(label))) out.push(shorten(label));
  });
  return out;
}

export const membershipClaim = defineEvaluator<Record<string, never>, 'pages' | 'options'>({
  id: 'membership-claim',
  requires: ['pages', 'options'],
  params: {},
  codes: ['membershipClaim', 'memberBadge', 'notCandidate'],
  evaluate({ evidence }) {
    if (!evidence.options.candidate) return { outcome: 'not-applicable', findings: [], reason: { code: 'notCandidate' } };
    const pages = evidence.pages.filter(isReadable);
    if (pages.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const findings: FindingDraft[] = pages.flatMap((page) => [
      ...claims(page).map((quote) => ({ code: 'membershipClaim', page, urls: [page.url], args: { quote } })),
      ...badges(page).map((quote) => ({ code: 'memberBadge', page, urls: [page.url], args: { quote } })),
    ]);
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
