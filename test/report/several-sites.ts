/** Several audited sites for the HTML report tests: every verdict and outcome, DNS, a hostile URL. */
import type { AuditResult, RuleResult } from '../../src/contracts/result.js';
import { GOLDEN_SITES, goldenResult } from '../support/golden.js';

const extraRules: RuleResult[] = [
  {
    id: 'legal-notice',
    level: 'blocking',
    outcome: 'needs-review',
    section: 'C',
    title: 'Mentions légales',
    help: 'Publiez-les.',
    reason: 'Page vide.',
    findings: [],
  },
  {
    id: 'chatonsinfos',
    level: 'suggestion',
    outcome: 'not-applicable',
    section: 'D',
    title: 'ChatonsInfos',
    help: '',
    reason: 'Pas un membre.',
    findings: [],
  },
  {
    id: 'https-hardening',
    level: 'suggestion',
    outcome: 'error',
    section: 'D',
    title: 'En-têtes HTTP',
    help: '',
    reason: 'La règle a échoué',
    findings: [],
  },
];

export function severalSites(): AuditResult[] {
  // The four sites without DNS evidence: the one DNS table is the incomplete site's.
  const [compliant, ...others] = GOLDEN_SITES.slice(0, 4).map((site) => goldenResult(site));
  const incomplete: AuditResult = {
    ...(compliant as AuditResult),
    target: 'https://incomplet.example/',
    verdict: 'incomplete',
    rules: [...(compliant as AuditResult).rules, ...extraRules],
    pages: [
      ...(compliant as AuditResult).pages,
      { url: 'javascript:alert(1)', finalUrl: 'data:text/html,<b>x</b>', status: null, role: 'other', error: 'refused' },
      { url: 'https://bank.example@evil.example/', finalUrl: null, status: 200, role: 'other', error: null },
    ],
    dns: [
      {
        host: 'stats.incomplet.example',
        cname: ['a-very-long-cname-target-name.tracker-cloud.example', 'edge-42.cdn-provider.example'],
        addresses: ['192.0.2.7'],
        mx: [],
        ns: [],
        error: null,
        status: 'ok',
      },
      { host: 'missing.incomplet.example', cname: [], addresses: [], mx: [], ns: [], error: 'NXDOMAIN', status: 'nxdomain' },
    ],
  } as AuditResult;
  return [compliant as AuditResult, incomplete, ...others];
}
