/**
 * `chatons-audit rules [--format json]` and `chatons-audit explain <rule-id>`: what the tool
 * checks, read from the rule files themselves (and the configuration's levels), fr or en.
 */
import type { Rule, RuleLevel, Lang } from '../contracts/rule.js';
import { loadConfig } from '../audit/config.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import { langOption } from '../audit/settings.js';
import { rulesDir } from '../util/paths.js';
import { loadRuleSet } from '../judge/loader.js';
import type { CliProcess } from '../util/io.js';
import { closest } from '../util/suggest.js';
import { UsageError } from '../errors.js';

export interface RulesCommandOptions {
  format?: string;
  lang?: string;
  config?: string;
}

interface RuleRow {
  id: string;
  level: RuleLevel;
  defaultLevel: Rule['level'];
  section: Rule['section'];
  checklist: string;
  evaluator: string;
  title: string;
  help: string;
}

function context(
  options: RulesCommandOptions,
  proc: CliProcess,
): { lang: Lang; rules: readonly Rule[]; levels: Record<string, RuleLevel> } {
  const lang = langOption(options.lang, proc.env);
  const { rules } = loadRuleSet(proc.env.CHATONS_AUDIT_RULES_DIR ?? rulesDir);
  return { lang, rules, levels: loadConfig(options.config, proc.cwd(), rules).levels };
}

function rowOf(rule: Rule, lang: Lang, levels: Record<string, RuleLevel>): RuleRow {
  return {
    id: rule.id,
    level: levels[rule.id] ?? rule.level,
    defaultLevel: rule.level,
    section: rule.section,
    checklist: rule.checklist,
    evaluator: rule.evaluator,
    title: rule.title[lang],
    help: rule.help[lang],
  };
}

export function runRulesCommand(options: RulesCommandOptions, proc: CliProcess): number {
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError('error.badOption', { option: '--format', value: format, allowed: 'table, json' });
  const { lang, rules, levels } = context(options, proc);
  const rows = [...rules].sort((a, b) => a.section.localeCompare(b.section) || a.id.localeCompare(b.id)).map((r) => rowOf(r, lang, levels));
  if (format === 'json') {
    proc.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = t(lang, 'rules.header').split('|');
  const table = [
    header,
    ...rows.map((r) => [
      r.id,
      `${r.level === 'blocking' ? '!' : r.level === 'suggestion' ? 'i' : '-'} ${t(lang, `level.${r.level}` as MessageKey)}`,
      r.section,
      r.title,
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  proc.stdout.write(
    `${table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n')}\n`,
  );
  return 0;
}

/** What a rule checks, in words, from its evaluator and parameters (no per-rule code). */
function describeCheck(rule: Rule): string {
  const params = Object.entries(rule.params)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : JSON.stringify(v)}`)
    .join('; ');
  return `${rule.evaluator}${params ? ` (${params})` : ''}`;
}

export function runExplainCommand(id: string, options: RulesCommandOptions, proc: CliProcess): number {
  const { lang, rules, levels } = context(options, proc);
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const like = closest(
      id,
      rules.map((r) => r.id),
    );
    throw like ? new UsageError('error.unknownRuleLike', { id, like }) : new UsageError('error.unknownRule', { id });
  }
  const level = levels[rule.id] ?? rule.level;
  const codes = Object.entries(rule.messages).map(([code, text]) => `  - ${code}: ${text[lang]}`);
  proc.stdout.write(
    [
      `${rule.level === 'blocking' ? '!' : 'i'} ${rule.id} — ${rule.title[lang]}`,
      t(lang, 'explain.level', {
        level: t(lang, `level.${level}` as MessageKey),
        checklist: t(lang, `section.${rule.section}`),
        file: rule.file.replace(/^.*[\\/](rules[\\/])/, '$1'),
      }),
      '',
      `${t(lang, 'explain.checks')}${lang === 'fr' ? ' :' : ':'}`,
      `  ${rule.title[lang]} — ${describeCheck(rule)}`,
      ...codes,
      '',
      `${t(lang, 'explain.why')}${lang === 'fr' ? ' :' : ':'}`,
      `  ${t(lang, `explain.why.${rule.section}` as MessageKey)}`,
      '',
      `${t(lang, 'explain.fix')}${lang === 'fr' ? ' :' : ':'}`,
      `  ${rule.help[lang]}`,
      '',
    ].join('\n'),
  );
  return 0;
}
