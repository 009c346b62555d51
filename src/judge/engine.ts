/**
 * Runs every active rule over the Evidence. Pure. An evaluator that throws gives its rule the
 * outcome `error` with the reason; every other rule still reports (Lighthouse, axe-core).
 */
import type { Evidence } from '../contracts/evidence.js';
import type { Finding, MessageArgs, RuleResult } from '../contracts/result.js';
import type { Lang, Rule, RuleLevel, RuleSet } from '../contracts/rule.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import { interpolate } from '../i18n/format.js';
import type { Derived } from './derived.js';
import type { EvaluatorOutput, FindingDraft } from './evaluator.js';
import { evaluators } from './evaluators/index.js';
import { COMMON_REASON_CODES } from './loader.js';

export interface EngineOptions {
  lang: Lang;
  /** Level overrides from configuration (already validated). */
  levels: Readonly<Record<string, RuleLevel>>;
}

const MAX_EXAMPLES = 3;

/** `name_fr` / `name_en` arguments (labels an evaluator gives in both languages) become `name`. */
function argsFor(args: MessageArgs, lang: Lang): MessageArgs {
  const suffix = `_${lang}`;
  const local = Object.entries(args)
    .filter(([name]) => name.endsWith(suffix))
    .map(([name, value]) => [name.slice(0, -suffix.length), value]);
  return local.length === 0 ? args : { ...args, ...Object.fromEntries(local) };
}

function renderMessage(rule: Rule, code: string, rawArgs: MessageArgs, lang: Lang): string {
  const args = argsFor(rawArgs, lang);
  const own = rule.messages[code];
  if (own) return interpolate(own[lang], args, lang);
  if ((COMMON_REASON_CODES as readonly string[]).includes(code)) return t(lang, `reason.${code}` as MessageKey, args);
  return code;
}

function toFinding(rule: Rule, draft: FindingDraft, lang: Lang): Finding {
  const examples = [...new Set(draft.urls ?? [])].slice(0, MAX_EXAMPLES);
  const page = draft.page ?? null;
  const args: MessageArgs = { page: page?.url ?? '', ...(draft.host ? { host: draft.host } : {}), ...draft.args };
  const finding: Finding = {
    code: draft.code,
    message: renderMessage(rule, draft.code, args, lang),
    args,
    page: page?.url ?? null,
    pageRole: page?.role ?? null,
    count: draft.count ?? Math.max(1, draft.urls?.length ?? 1),
    examples,
  };
  if (draft.host) finding.host = draft.host;
  if (draft.subject) finding.subject = draft.subject;
  if (examples[0]) finding.url = examples[0];
  return finding;
}

function project(evidence: Evidence, keys: readonly (keyof Evidence)[]): Evidence {
  // Only what the evaluator declared: a rule reading undeclared evidence fails loudly in tests.
  return Object.fromEntries(keys.map((k) => [k, evidence[k]])) as unknown as Evidence;
}

export function evaluateRules(evidence: Evidence, derived: Derived, ruleSet: RuleSet, options: EngineOptions): RuleResult[] {
  const results: RuleResult[] = [];
  for (const rule of ruleSet.rules) {
    const level = options.levels[rule.id] ?? rule.level;
    if (level === 'off') continue;
    const evaluator = evaluators.get(rule.evaluator);
    let output: EvaluatorOutput;
    try {
      if (!evaluator) throw new Error(`unknown evaluator ${rule.evaluator}`);
      output = evaluator.evaluate({ evidence: project(evidence, evaluator.requires), params: rule.params, derived, data: ruleSet.data });
    } catch (error) {
      output = { outcome: 'error', findings: [], reason: { code: 'evaluatorError', args: { error: (error as Error).message } } };
    }
    const result: RuleResult = {
      id: rule.id,
      level,
      outcome: output.outcome,
      section: rule.section,
      title: rule.title[options.lang],
      help: rule.help[options.lang],
      findings: output.findings.map((d) => toFinding(rule, d, options.lang)),
    };
    if (output.reason) {
      result.reason =
        output.reason.code === 'evaluatorError'
          ? t(options.lang, 'reason.evaluatorError', output.reason.args)
          : renderMessage(rule, output.reason.code, output.reason.args ?? {}, options.lang);
    }
    results.push(result);
  }
  return results;
}
