/**
 * JUnit XML, as GitLab and GitHub read test reports: one <testsuite> per audited site, one
 * <testcase> per rule. fail → <failure>, needs-review and error → <error> (a human must look),
 * not-applicable → <skipped>. The text of each element carries the evidence and the remedy.
 */
import type { AuditResult, RuleResult } from '../contracts/result.js';
import type { Lang } from '../contracts/rule.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import { groupFindings } from './findings-view.js';
import { siteView, xmlText as xml, type SiteView } from './neutralise.js';
import type { Reporter } from './reporter.js';

function evidenceText(rule: RuleResult, lang: Lang): string {
  const lines: string[] = [];
  if (rule.reason) lines.push(rule.reason);
  for (const g of groupFindings(rule.findings)) {
    lines.push(
      `- ${g.key && g.keyIsHost ? `${g.key}: ` : ''}${g.message}${g.pages.length ? ` [${g.pages.join(' ')}]` : ''}${g.baseline === 'new' ? ` (${t(lang, 'baseline.new')})` : ''}`,
    );
    if (g.allowed) lines.push(`  ${t(lang, 'report.allowed', { justification: g.allowed })}`);
  }
  if (rule.outcome === 'fail' && rule.help) lines.push('', t(lang, 'report.help', { help: rule.help }));
  return lines.join('\n');
}

function testcase(rule: RuleResult, result: AuditResult, lang: Lang): string {
  const name = `${rule.level === 'blocking' ? '!' : 'i'} ${rule.id}: ${rule.title}`;
  const open = `    <testcase name="${xml(name)}" classname="${xml(`chatons-audit.${new URL(result.target).hostname}.${rule.section}`)}" file="${xml(result.target)}" time="0">`;
  const message = xml(rule.findings[0]?.message ?? rule.reason ?? t(lang, `outcome.${rule.outcome}` as MessageKey));
  const body = xml(evidenceText(rule, lang));
  switch (rule.outcome) {
    case 'fail':
      return `${open}\n      <failure message="${message}" type="${rule.level}">${body}</failure>\n    </testcase>`;
    case 'needs-review':
    case 'error':
      return `${open}\n      <error message="${message}" type="${rule.outcome}">${body}</error>\n    </testcase>`;
    case 'not-applicable':
      return `${open}\n      <skipped message="${xml(rule.reason ?? '')}"/>\n    </testcase>`;
    case 'pass':
      return body ? `${open}\n      <system-out>${body}</system-out>\n    </testcase>` : `${open}</testcase>`;
  }
}

function suite(result: SiteView, lang: Lang): string[] {
  const count = (...outcomes: string[]): number => result.rules.filter((r) => outcomes.includes(r.outcome)).length;
  const totals = `tests="${result.rules.length}" failures="${count('fail')}" errors="${count('needs-review', 'error')}" skipped="${count('not-applicable')}"`;
  return [
    `  <testsuite name="${xml(result.target)}" ${totals} time="${(result.durationMs / 1000).toFixed(3)}">`,
    `    <properties><property name="verdict" value="${result.verdict}"/><property name="tool" value="${xml(`${result.tool.name} ${result.tool.version}`)}"/></properties>`,
    ...[...result.rules]
      .sort((a, b) => a.section.localeCompare(b.section) || a.id.localeCompare(b.id))
      .map((r) => testcase(r, result, lang)),
    '  </testsuite>',
  ];
}

/** Several audited sites make one document: one <testsuite> each. */
export function renderJunit(results: readonly AuditResult[], lang: Lang): string {
  const sum = (pick: (r: RuleResult) => boolean): number => results.reduce((n, res) => n + res.rules.filter(pick).length, 0);
  const totals = `tests="${sum(() => true)}" failures="${sum((r) => r.outcome === 'fail')}" errors="${sum((r) => r.outcome === 'needs-review' || r.outcome === 'error')}" skipped="${sum((r) => r.outcome === 'not-applicable')}"`;
  const seconds = (results.reduce((n, r) => n + r.durationMs, 0) / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="chatons-audit" ${totals} time="${seconds}">`,
    ...results.flatMap((r) => suite(siteView(r), lang)),
    '</testsuites>',
    '',
  ].join('\n');
}

export const junitReporter: Reporter = (result: AuditResult, { lang }) => renderJunit([result], lang);
