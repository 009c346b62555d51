/**
 * A review ready to paste on the collective's forum (Discourse, Markdown): verdict first, the
 * checklist sections A–D with ! / i markers, each failure with its evidence (host, pages,
 * count) and the remedy, then the questions for a human. Long lists fold in <details>.
 */
import type { AuditResult, Finding, RuleResult } from '../contracts/result.js';
import type { ChecklistSection, Lang } from '../contracts/rule.js';
import { codeName, t, type MessageKey } from '../i18n/catalog.js';
import { allowedHosts, groupFindings, redactPersonal, thirdPartyHosts, type FindingGroup, type ThirdPartyHost } from './findings-view.js';
import { changeSiteText, mdCode as code, mdLink as link, mdText as md, mdToolText } from './neutralise.js';
import { viewing, type Reporter } from './reporter.js';
import { OUTCOME_ICON as ICON, VERDICT_ICON } from './symbols.js';

const SECTIONS: readonly ChecklistSection[] = ['A', 'B', 'C', 'D'];
/** Past this many hosts in a rule, the rest fold in <details>. */
const SHOWN_GROUPS = 5;
const SHOWN_SUGGESTION_GROUPS = 2;

function marker(rule: RuleResult): string {
  return rule.level === 'blocking' ? '**!**' : '**i**';
}

/** Whether a line already shows this text (a URL quoted in the message is not repeated after it). */
const shows = (line: string, text: string): boolean => line.includes(text);

function groupLine(g: FindingGroup, lang: Lang): string {
  const message = md(g.message);
  const parts: string[] = [];
  // The host or subject as a key only when the message does not already name it.
  if (g.key && g.keyIsHost && !g.message.includes(g.key)) parts.push(code(g.key));
  parts.push(message);
  const roles = g.roles.map((r) => t(lang, `role.${r}` as MessageKey)).join(', ');
  // One or two pages: name them, a reviewer clicks through; more: count them by role.
  const pages = g.pages.filter((p) => !shows(g.message, p));
  if (pages.length > 0 && g.pages.length <= 2) parts.push(`${roles} ${pages.map(link).join(' ')}`);
  else if (g.pages.length > 2) parts.push(t(lang, 'md.onPages', { count: g.pages.length, roles }));
  let line = `- ${parts.join(' — ')}`;
  if (g.baseline === 'new') line += ` ${t(lang, 'md.new')}`;
  if (g.allowed) line += `\n  ${t(lang, 'md.allowed', { justification: md(g.allowed) })}`;
  const example = g.examples[0];
  if (example && !shows(g.message, example) && !g.pages.includes(example)) line += `\n  ${t(lang, 'md.example')} ${code(example)}`;
  return line;
}

/** Indents a block under a list item. */
const nest = (lines: readonly string[]): string[] => lines.map((l) => (l === '' ? '' : `  ${l}`));

function ruleItem(rule: RuleResult, lang: Lang, view: View, alike: readonly RuleResult[] = []): string[] {
  const grouped = new Set([rule, ...alike].flatMap((r) => r.findings.filter(view.isGrouped).flatMap((f) => f.host ?? [])));
  const groups = groupFindings(rule.findings.filter((f) => !view.isGrouped(f)));
  let head = `- ${marker(rule)} ${ICON[rule.outcome]} ${md(rule.title)} (${code(rule.id)})`;
  // Rules failing with the very same sentence (nothing found on a topic) share one item.
  for (const other of alike) head += ` · ${marker(other)} ${ICON[other.outcome]} ${md(other.title)} (${code(other.id)})`;
  // Third parties are listed once, under their own heading, with every rule they break.
  if (grouped.size > 0 && groups.length === 0) head += ` — ${t(lang, 'md.seeHosts', { count: grouped.size })}`;
  // A suggestion shows its first findings; the rest are counted (the HTML report has them all).
  const shown = rule.level === 'blocking' ? SHOWN_GROUPS : SHOWN_SUGGESTION_GROUPS;
  const lines = groups.slice(0, shown).flatMap((g) => groupLine(g, lang).split('\n'));
  if (rule.level !== 'blocking' && groups.length > shown) lines.push(`- ${t(lang, 'md.moreInHtml', { count: groups.length - shown })}`);
  if (grouped.size > 0 && groups.length > 0) lines.push(`- ${t(lang, 'md.seeHosts', { count: grouped.size })}`);
  const more =
    rule.level === 'blocking' && groups.length > SHOWN_GROUPS
      ? [
          '',
          `<details><summary>${t(lang, 'report.more', { count: groups.length - SHOWN_GROUPS })}</summary>`,
          '',
          ...groups.slice(SHOWN_GROUPS).flatMap((g) => groupLine(g, lang).split('\n')),
          '',
          '</details>',
        ]
      : [];
  const fix = view.fixes.has(rule.id) ? `**${t(lang, 'md.fix')}** ${mdToolText(rule.help)}` : null;
  // A tight item (findings right under the title) unless it holds paragraphs.
  if (!rule.reason && !fix && more.length === 0) return [head, ...nest(lines)];
  const body = [
    ...(rule.reason ? ['', md(rule.reason)] : []),
    ...(lines.length > 0 ? ['', ...lines] : []),
    ...more,
    ...(fix ? ['', fix] : []),
  ];
  return [head, ...nest(body), ''];
}

/** A rule whose whole story is one sentence (no fix shown): rules telling the same one are merged. */
function soleMessage(rule: RuleResult, fixes: ReadonlySet<string>): string | null {
  if (fixes.has(rule.id)) return null;
  if (rule.outcome !== 'fail' || rule.reason || rule.findings.length !== 1) return null;
  const f = rule.findings[0];
  return f && !f.host && !f.page ? f.message : null;
}

/** A failing rule whose evidence is all in the third-party list, with nothing else to say. */
function onlyHosts(rule: RuleResult, view: View): boolean {
  return !rule.reason && !view.fixes.has(rule.id) && rule.findings.length > 0 && rule.findings.every(view.isGrouped);
}

function sectionItems(rules: readonly RuleResult[], lang: Lang, view: View): string[] {
  const out: string[] = [];
  const merged = new Set<RuleResult>();
  for (const rule of rules.filter((r) => r.outcome === 'fail' || r.outcome === 'needs-review' || r.outcome === 'error')) {
    if (merged.has(rule)) continue;
    const sentence = soleMessage(rule, view.fixes);
    const alike =
      sentence === null
        ? onlyHosts(rule, view)
          ? rules.filter((r) => r !== rule && r.outcome === 'fail' && onlyHosts(r, view))
          : []
        : rules.filter((r) => r !== rule && soleMessage(r, view.fixes) === sentence);
    for (const r of alike) merged.add(r);
    out.push(...ruleItem(rule, lang, view, alike));
  }
  return out;
}

/** Passing and not-applicable rules of a section, on one line each: the review is about the rest. */
function quietLines(rules: readonly RuleResult[], lang: Lang): string[] {
  const line = (outcome: 'pass' | 'not-applicable', key: MessageKey): string[] => {
    const these = rules.filter((r) => r.outcome === outcome);
    return these.length === 0 ? [] : [`- ${ICON[outcome]} ${t(lang, key)} ${these.map((r) => md(r.title)).join(' · ')}`];
  };
  return [...line('pass', 'md.passed'), ...line('not-applicable', 'md.notApplicable')];
}

/** Rules every listed third party fails (any request; any named one): said once, above the list. */
const IMPLIED_RULES = ['no-third-party-requests', 'no-known-trackers'];

/** "Google Fonts (Google)", or the organisation alone when it already names the service. */
function whoIs(h: ThirdPartyHost): string {
  // "Google Fonts" already says Google; "YouTube (Google)" needs it.
  const covers = (name: string, org: string): boolean => `${name.toLowerCase()} `.startsWith(`${org.toLowerCase()} `);
  const orgs = h.organizations.filter((o) => !h.trackers.some((name) => covers(name, o)));
  const names = h.trackers.filter((name) => !orgs.some((o) => o.includes(name)));
  if (names.length === 0) return orgs.join(', ');
  return orgs.length > 0 ? `${names.join(', ')} (${orgs.join(', ')})` : names.join(', ');
}

function hostLine(h: ThirdPartyHost, lang: Lang, manyPages: boolean): string {
  const who = h.trackers.length > 0 ? ` — ${md(whoIs(h))}` : '';
  const what = `${t(lang, 'md.requests', { count: h.count })} (${h.types.map((type) => codeName(lang, 'resourceType', type)).join(', ')})`;
  const where = manyPages
    ? ` ${t(lang, 'md.onPages', { count: h.pages.length, roles: h.roles.map((r) => t(lang, `role.${r}` as MessageKey)).join(', ') })}`
    : '';
  const rules = h.rules
    .filter((id) => !IMPLIED_RULES.includes(id))
    .map(code)
    .join(', ');
  return `- ${code(h.host)}${who} — ${what}${where}${rules ? ` — ${rules}` : ''}${h.baseline === 'new' ? ` ${t(lang, 'md.new')}` : ''}`;
}

function summaryLine(result: AuditResult, lang: Lang): string {
  const count = (level: string, outcome: string): number => result.rules.filter((r) => r.level === level && r.outcome === outcome).length;
  return t(lang, 'md.summary', {
    blocking: count('blocking', 'fail'),
    suggestions: count('suggestion', 'fail'),
    questions: result.rules.filter((r) => r.outcome === 'needs-review' || r.outcome === 'error').length,
  });
}

/** What one rendering needs besides the result: the host grouping and the fixes shown inline. */
interface View {
  isGrouped: (f: Finding) => boolean;
  hosts: ThirdPartyHost[];
  fixes: ReadonlySet<string>;
}

/**
 * A review longer than this is hard to read on the forum. Counted in UTF-8 bytes, so that both
 * its length in characters and its size on disk stay under 8,000.
 */
const REVIEW_BUDGET = 7_800;
const size = (text: string): number => Buffer.byteLength(text, 'utf8');

function render(result: AuditResult, lang: Lang, view: View): string {
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
      for (const r of b.resolved)
        out.push(`- ${code(r.rule)} ${(r.host ?? r.subject) ? `${code(r.host ?? r.subject)} ` : ''}— ${md(r.message)}`);
      out.push('', '</details>');
    }
  }
  for (const section of SECTIONS) {
    const rules = result.rules.filter((r) => r.section === section);
    if (rules.length === 0) continue;
    out.push('', `### ${t(lang, `section.${section}` as MessageKey)}`, '');
    out.push(...sectionItems(rules, lang, view));
    out.push(...quietLines(rules, lang));
  }
  if (fixable(result).some((r) => !view.fixes.has(r.id))) out.push('', t(lang, 'md.moreFixes'));
  const { hosts } = view;
  if (hosts.length > 0) {
    out.push('', `### ${t(lang, 'md.hosts', { count: hosts.length })}`, '');
    const implied = IMPLIED_RULES.filter((id) => hosts.some((h) => h.rules.includes(id)));
    if (implied.length > 0)
      out.push(implied.map((id) => t(lang, id === 'no-known-trackers' ? 'md.impliedTrackers' : 'md.impliedRequests')).join(' '), '');
    const manyPages = result.pages.length > 1;
    out.push(...hosts.map((h) => hostLine(h, lang, manyPages)));
  }
  const allowed = allowedHosts(result.rules);
  if (allowed.length > 0) {
    out.push('', `### ${t(lang, 'md.allowlist')}`, '');
    for (const a of allowed) out.push(`- ${code(a.host)} (${a.rules.map(code).join(', ')}) : ${md(a.justification)}`);
  }
  // One page is the target itself, named in the title; its status is in the footer's count.
  if (result.pages.length > 1 || result.pages.some((p) => p.status === null)) {
    out.push(
      '',
      `### ${t(lang, 'report.pages')}`,
      '',
      `<details><summary>${t(lang, 'md.pages', { count: result.pages.length })}</summary>`,
      '',
    );
    for (const p of result.pages) {
      out.push(`- ${t(lang, `role.${p.role}` as MessageKey)} ${link(p.url)} → ${p.status ?? md(p.error ?? '—')}`);
    }
    out.push('', '</details>');
  }
  const third = result.requests.filter((r) => r.party === 'third').length;
  out.push(
    '',
    `<sub>${t(lang, 'md.footerPages', {
      tool: `${result.tool.name} ${result.tool.version}`,
      browser: result.tool.browser ?? '—',
      pages: result.pages.length,
      requests: result.requests.length,
      third,
    })}</sub>`,
    '',
  );
  return out.join('\n');
}

/**
 * Failing rules with a fix, most useful first: blocking ones, then suggestions; within each, the
 * rule with the most evidence first (no-third-party-requests on a tracker site), then section order.
 */
function fixable(result: AuditResult): RuleResult[] {
  const failing = result.rules.filter((r) => r.outcome === 'fail' && r.help);
  const bySection = (a: RuleResult, b: RuleResult): number =>
    b.findings.length - a.findings.length || SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section);
  return [
    ...failing.filter((r) => r.level === 'blocking').sort(bySection),
    ...failing.filter((r) => r.level !== 'blocking').sort(bySection),
  ];
}

export const markdownReporter: Reporter = viewing((view, { lang, redact }) => {
  // Personal numbers are masked in the site's text before it is quoted, not in the review.
  const mask = t(lang, 'md.redacted');
  const result = redact === false ? view : changeSiteText(view, (text) => redactPersonal(text, mask));
  const { hosts, isGrouped } = thirdPartyHosts(result);
  // Every fix inline when the review stays short; otherwise as many as fit, blocking ones
  // first, and the others one command away (explain) or in the HTML report.
  const candidates = fixable(result);
  let fixes = new Set(candidates.map((r) => r.id));
  let text = render(result, lang, { hosts, isGrouped, fixes });
  if (size(text) > REVIEW_BUDGET) {
    fixes = new Set();
    for (const rule of candidates) {
      const tried = new Set([...fixes, rule.id]);
      if (size(render(result, lang, { hosts, isGrouped, fixes: tried })) <= REVIEW_BUDGET) fixes = tried;
    }
    text = render(result, lang, { hosts, isGrouped, fixes });
  }
  return text;
});
