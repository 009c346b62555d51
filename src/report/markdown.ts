/**
 * A review ready to paste on the collective's forum (Discourse, Markdown): verdict first, the
 * checklist sections A–D with ! / i markers, each failure with its evidence (host, pages,
 * count) and the remedy, then the questions for a human. Long lists fold in <details>.
 */
import type { AuditResult, RuleResult } from '../contracts/result.js';
import type { ChecklistSection, Lang } from '../contracts/rule.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import { allowedHosts, groupFindings, redactPersonal, showsFindings, type FindingGroup } from './findings-view.js';
import { changeSiteText, mdCode as code, mdLink as link, mdText as md } from './neutralise.js';
import { viewing, type Reporter } from './reporter.js';
import { OUTCOME_ICON as ICON, VERDICT_ICON } from './symbols.js';

const SECTIONS: readonly ChecklistSection[] = ['A', 'B', 'C', 'D'];
/** Past this many hosts in a rule, the rest fold in <details>. */
const SHOWN_GROUPS = 5;


function marker(rule: RuleResult): string {
  return rule.level === 'blocking' ? '**!**' : '**i**';
}

function groupLine(g: FindingGroup, lang: Lang): string {
  const parts: string[] = [];
  if (g.key) parts.push(code(g.key));
  parts.push(md(g.message));
  const roles = g.roles.map((r) => t(lang, `role.${r}` as MessageKey)).join(', ');
  // One or two pages: name them, a reviewer clicks through; more: count them by role.
  if (g.pages.length > 0 && g.pages.length <= 2) parts.push(`${roles} ${g.pages.map(link).join(' ')}`);
  else if (g.pages.length > 2) parts.push(t(lang, 'md.onPages', { count: g.pages.length, roles }));
  let line = `- ${parts.join(' — ')}`;
  if (g.baseline === 'new') line += ` ${t(lang, 'md.new')}`;
  if (g.allowed) line += `\n  ${t(lang, 'md.allowed', { justification: md(g.allowed) })}`;
  if (g.examples.length > 0) line += `\n  ${t(lang, 'md.example')} ${code(g.examples[0])}`;
  return line;
}

function ruleDetail(rule: RuleResult, lang: Lang): string[] {
  const out = ['', `#### ${marker(rule)} ${ICON[rule.outcome]} ${md(rule.title)} (${code(rule.id)})`, ''];
  if (rule.reason) out.push(md(rule.reason), '');
  const groups = groupFindings(rule.findings);
  out.push(...groups.slice(0, SHOWN_GROUPS).map((g) => groupLine(g, lang)));
  if (groups.length > SHOWN_GROUPS) {
    out.push('', `<details><summary>${t(lang, 'report.more', { count: groups.length - SHOWN_GROUPS })}</summary>`, '');
    out.push(...groups.slice(SHOWN_GROUPS).map((g) => groupLine(g, lang)));
    out.push('', '</details>');
  }
  if (rule.outcome === 'fail' && rule.help) out.push('', `**${t(lang, 'md.fix')}** ${md(rule.help)}`);
  return out;
}

function summaryLine(result: AuditResult, lang: Lang): string {
  const count = (level: string, outcome: string): number => result.rules.filter((r) => r.level === level && r.outcome === outcome).length;
  return t(lang, 'md.summary', {
    blocking: count('blocking', 'fail'), suggestions: count('suggestion', 'fail'),
    questions: result.rules.filter((r) => r.outcome === 'needs-review' || r.outcome === 'error').length,
  });
}

export const markdownReporter: Reporter = viewing((view, { lang, redact }) => {
  const mask = t(lang, 'md.redacted');
  const result = redact === false ? view : changeSiteText(view, (text) => redactPersonal(text, mask));
  const verdict = t(lang, `verdict.${result.verdict}` as MessageKey);
  const out: string[] = [
    `## ${t(lang, 'report.title', { target: link(result.target) })}`,
    '',
    `**${t(lang, 'report.verdict', { verdict: `${VERDICT_ICON[result.verdict]} ${verdict}` })}** — ${summaryLine(result, lang)}`,
    '',
    `> ${t(lang, 'md.legend')}`,
  ];
  if (result.baseline) {
    const b = result.baseline;
    out.push('', t(lang, 'md.baseline', { new: b.new, unchanged: b.unchanged, resolved: b.resolved.length }));
    if (b.resolved.length > 0) {
      out.push('', `<details><summary>${t(lang, 'md.resolved', { count: b.resolved.length })}</summary>`, '');
      for (const r of b.resolved) out.push(`- ${code(r.rule)} ${r.host ?? r.subject ? `${code(r.host ?? r.subject)} ` : ''}— ${md(r.message)}`);
      out.push('', '</details>');
    }
  }
  for (const section of SECTIONS) {
    const rules = result.rules.filter((r) => r.section === section);
    if (rules.length === 0) continue;
    out.push('', `### ${t(lang, `section.${section}` as MessageKey)}`, '');
    for (const r of rules) {
      out.push(`- ${marker(r)} ${ICON[r.outcome]} ${md(r.title)} — ${t(lang, `outcome.${r.outcome}` as MessageKey)}`);
    }
    for (const r of rules.filter((rule) => showsFindings(rule) && rule.outcome !== 'needs-review')) out.push(...ruleDetail(r, lang));
  }
  const questions = result.rules.filter((r) => r.outcome === 'needs-review' || r.outcome === 'error');
  if (questions.length > 0) {
    out.push('', `### ${t(lang, 'md.questions')}`, '');
    for (const r of questions) {
      out.push(`- ${marker(r)} ${ICON[r.outcome]} **${md(r.title)}** (${code(r.id)}) : ${md(r.reason ?? '')}`);
      for (const g of groupFindings(r.findings).slice(0, SHOWN_GROUPS)) out.push(`  ${groupLine(g, lang).replace(/\n/g, '\n  ')}`);
    }
  }
  const allowed = allowedHosts(result.rules);
  if (allowed.length > 0) {
    out.push('', `### ${t(lang, 'md.allowlist')}`, '');
    for (const a of allowed) out.push(`- ${code(a.host)} (${a.rules.map(code).join(', ')}) : ${md(a.justification)}`);
  }
  out.push('', `### ${t(lang, 'report.pages')}`, '', `<details><summary>${t(lang, 'md.pages', { count: result.pages.length })}</summary>`, '');
  for (const p of result.pages) {
    out.push(`- ${t(lang, `role.${p.role}` as MessageKey)} ${link(p.url)} → ${p.status ?? md(p.error ?? '—')}`);
  }
  out.push('', '</details>');
  const third = result.requests.filter((r) => r.party === 'third').length;
  out.push('', `<sub>${t(lang, 'md.footer', {
    tool: `${result.tool.name} ${result.tool.version}`, browser: result.tool.browser ?? '—',
    requests: result.requests.length, third,
  })}</sub>`, '');
  return out.join('\n');
});
