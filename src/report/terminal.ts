/**
 * The terminal report: verdict first, then the checklist sections, each rule with its level
 * marker (! blocking, i suggestion) and outcome, failures grouped by host with counts rather
 * than one line per request.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Outcome, RuleResult, Verdict } from '../contracts/result.js';
import type { ChecklistSection, Lang } from '../contracts/rule.js';
import { codeName, t, type MessageKey } from '../i18n/catalog.js';
import { viewing, type Reporter } from './reporter.js';
import { allowedHosts } from './findings-view.js';

const SECTIONS: readonly ChecklistSection[] = ['A', 'B', 'C', 'D'];
const MAX_HOSTS = 12;

interface HostGroup {
  host: string;
  count: number;
  pages: Set<string>;
  types: Set<string>;
  example: string | undefined;
}

function outcomeColour(c: ChalkInstance, outcome: Outcome): (s: string) => string {
  return { pass: c.green, fail: c.red, 'needs-review': c.yellow, 'not-applicable': c.gray, error: c.magenta }[outcome];
}

function verdictColour(c: ChalkInstance, verdict: Verdict): (s: string) => string {
  return { compliant: c.green.bold, 'non-compliant': c.red.bold, incomplete: c.yellow.bold }[verdict];
}

function groupByHost(findings: readonly Finding[]): { groups: HostGroup[]; others: Finding[] } {
  const groups = new Map<string, HostGroup>();
  const others: Finding[] = [];
  for (const f of findings) {
    // Only request findings (third-party-resources: args.types) aggregate by host; the others
    // (DNS, HTTPS, parent domain...) say what they are in their own message.
    if (!f.host || f.args.types === undefined) {
      others.push(f);
      continue;
    }
    const g = groups.get(f.host) ?? { host: f.host, count: 0, pages: new Set<string>(), types: new Set<string>(), example: f.url };
    g.count += f.count;
    if (f.page) g.pages.add(f.page);
    for (const type of String(f.args.types ?? '')
      .split(', ')
      .filter(Boolean))
      g.types.add(type);
    groups.set(f.host, g);
  }
  return { groups: [...groups.values()].sort((a, b) => b.count - a.count || a.host.localeCompare(b.host)), others };
}

function ruleLines(rule: RuleResult, lang: Lang, c: ChalkInstance): string[] {
  const marker = rule.level === 'blocking' ? c.bold('!') : 'i';
  const outcome = outcomeColour(c, rule.outcome)(t(lang, `outcome.${rule.outcome}` as MessageKey).padEnd(10));
  const lines = [`  ${marker} ${outcome} ${rule.title} ${c.gray(`(${rule.id})`)}`];
  if (rule.reason) lines.push(`      ${c.gray(rule.reason)}`);
  if (rule.outcome !== 'fail' && rule.outcome !== 'needs-review') return lines;
  const { groups, others } = groupByHost(rule.findings);
  for (const g of groups.slice(0, MAX_HOSTS)) {
    lines.push(
      `      ${t(lang, 'report.findingLine', { host: c.bold(g.host), count: g.count, pages: g.pages.size, types: [...g.types].map((type) => codeName(lang, 'resourceType', type)).join(', ') })}`,
    );
    if (g.example) lines.push(`        ${c.gray(g.example)}`);
  }
  if (groups.length > MAX_HOSTS) lines.push(`      ${t(lang, 'report.more', { count: groups.length - MAX_HOSTS })}`);
  for (const f of others) lines.push(`      ${f.message}`);
  if (rule.outcome === 'fail') lines.push(`      ${c.cyan(t(lang, 'report.help', { help: rule.help }))}`);
  return lines;
}

export const terminalReporter: Reporter = viewing((result, { lang, color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const verdict = t(lang, `verdict.${result.verdict}` as MessageKey);
  const out: string[] = [
    c.bold(t(lang, 'report.title', { target: result.target })),
    t(lang, 'report.verdict', { verdict: verdictColour(c, result.verdict)(verdict) }),
    c.gray(t(lang, 'report.legend')),
  ];
  if (result.baseline) {
    out.push(
      t(lang, 'md.baseline', { new: result.baseline.new, unchanged: result.baseline.unchanged, resolved: result.baseline.resolved.length }),
    );
  }
  for (const section of SECTIONS) {
    const rules = result.rules.filter((r) => r.section === section);
    if (rules.length === 0) continue;
    out.push('', c.underline(t(lang, `section.${section}` as MessageKey)));
    for (const rule of rules) out.push(...ruleLines(rule, lang, c));
  }
  const allowed = allowedHosts(result.rules);
  if (allowed.length > 0) {
    out.push('', c.underline(t(lang, 'md.allowlist')));
    for (const a of allowed) out.push(`  ${c.bold(a.host)} (${a.rules.join(', ')}) : ${a.justification}`);
  }
  out.push('', c.underline(t(lang, 'report.pages')));
  for (const page of result.pages) {
    out.push(
      `  ${t(lang, 'report.pageLine', {
        role: t(lang, `role.${page.role}` as MessageKey),
        url: page.url,
        status: page.status ?? page.error ?? '—',
      })}`,
    );
  }
  if (result.errors.length > 0) {
    out.push('', c.underline(t(lang, 'report.errors')));
    for (const e of result.errors) out.push(`  ${c.gray(`[${e.stage}]`)} ${e.page ?? ''} ${e.message}`);
  }
  const third = result.requests.filter((r) => r.party === 'third').length;
  out.push(
    '',
    c.gray(
      t(lang, 'report.summary', {
        pages: result.pages.length,
        requests: result.requests.length,
        third,
        seconds: (result.durationMs / 1000).toFixed(1),
      }),
    ),
  );
  // What no tool can answer comes last, so no clean audit reads as a complete one.
  if (result.questions && result.questions.length > 0) {
    out.push('', c.underline(t(lang, 'report.questions')));
    for (const q of result.questions) out.push(`  ? ${q}`);
  }
  return `${out.join('\n')}\n`;
});
