/**
 * charter-statement: the site says it respects the CHATONS charter. A sentence naming the
 * charter is strong evidence (pass, quoted); a mere mention of CHATONS needs a human.
 */
import { normaliseText } from '../../documents/normalise.js';
import { isReadable, passageArgs } from '../../documents/pages.js';
import { findPassages } from '../../documents/text.js';
import { aspectPatterns } from '../../documents/topics.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

export const charterStatement = defineEvaluator<Record<string, never>, 'pages'>({
  id: 'charter-statement',
  requires: ['pages'],
  params: {},
  codes: ['passage', 'noStatement', 'onlyMention'],
  evaluate({ evidence, data }) {
    const pages = evidence.pages.filter(isReadable);
    if (pages.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const chatons = aspectPatterns(data, 'charter', 'chatons');
    const quote = (aspect: 'charter' | 'chatons'): FindingDraft[] =>
      pages.flatMap((page) =>
        findPassages(page, aspectPatterns(data, 'charter', aspect), 5)
          // "la charte" alone may be a graphic charter: the same sentence must name the collective.
          .filter((p) => chatons.some((re) => re.test(normaliseText(p.quote))))
          .slice(0, 2)
          .map((p) => ({ code: 'passage', page, urls: [page.url], args: passageArgs(p) })),
      );
    const charter = quote('charter');
    if (charter.length > 0) return { outcome: 'pass', findings: charter.slice(0, 3) };
    const mentions = quote('chatons');
    if (mentions.length > 0) return { outcome: 'needs-review', findings: mentions.slice(0, 3), reason: { code: 'onlyMention' } };
    return { outcome: 'fail', findings: [{ code: 'noStatement', args: { pages: pages.length } }] };
  },
});
