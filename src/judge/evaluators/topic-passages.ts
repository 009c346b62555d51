/**
 * topic-passages: S-type criteria (hosting disclosed, backups and security, software sources,
 * economic model, in-person meetings). Looks for each aspect of a topic of
 * rules/data/transparency-topics.yaml in the audited pages and quotes what it finds, where.
 * Every aspect found → pass (strong evidence); some → needs-review; none → fail. A human
 * still reads the quotes: a pattern is not a policy.
 */
import { isReadable, passageArgs } from '../../documents/pages.js';
import { aspectLabelArgs, topicEvidence, transparencyTopics } from '../../documents/topics.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

interface Params {
  topic: string;
  /** Also read link texts and addresses (a link to a forge shows where the source is). */
  links?: boolean;
}

export const topicPassages = defineEvaluator<Params, 'pages'>({
  id: 'topic-passages',
  requires: ['pages'],
  params: { topic: { type: 'string', required: true }, links: { type: 'boolean' } },
  codes: ['passage', 'missingAspect', 'notFound', 'partial'],
  check(params, data) {
    return transparencyTopics(data).has(params.topic) ? null : `rules/data/transparency-topics.yaml has no topic "${params.topic}"`;
  },
  evaluate({ evidence, params, data }) {
    const pages = evidence.pages.filter(isReadable);
    if (pages.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const byUrl = new Map(pages.map((p) => [p.url, p]));
    const aspects = topicEvidence(data, params.topic, pages, Boolean(params.links));
    const findings: FindingDraft[] = [];
    for (const { aspect, passages } of aspects) {
      for (const passage of passages) {
        const page = byUrl.get(passage.page) ?? null;
        findings.push({
          code: 'passage',
          page,
          subject: aspect,
          urls: [passage.page],
          args: { ...passageArgs(passage, aspect), ...aspectLabelArgs(data, params.topic, 'aspect', [aspect], true) },
        });
      }
    }
    const missing = aspects.filter((a) => a.passages.length === 0).map((a) => a.aspect);
    if (missing.length === aspects.length) return { outcome: 'fail', findings: [{ code: 'notFound', args: { pages: pages.length } }] };
    if (missing.length === 0) return { outcome: 'pass', findings };
    for (const aspect of missing)
      findings.push({
        code: 'missingAspect',
        subject: aspect,
        args: { aspect, ...aspectLabelArgs(data, params.topic, 'aspect', [aspect], true) },
      });
    return {
      outcome: 'needs-review',
      findings,
      reason: { code: 'partial', args: { missing: missing.join(', '), ...aspectLabelArgs(data, params.topic, 'missing', missing, false) } },
    };
  },
});
