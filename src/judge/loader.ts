/**
 * Loads and validates every rules/*.yaml up front: a broken rule file is a configuration error
 * (exit 2, naming the file and the problem) before any browser starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import { UsageError } from '../errors.js';
import { LANGS, type ChecklistSection, type LocalizedText, type Rule, type RuleSet } from '../contracts/rule.js';
import { evaluators } from './evaluators/index.js';
import { paramProblem } from './params.js';
import { FileRuleData } from './rule-data.js';
import type { RuleData } from '../contracts/rule.js';

/** Reason codes any evaluator may give; their text lives in the catalogue, not in rule files. */
export const COMMON_REASON_CODES = ['noPageLoaded', 'noPortalEvidence'] as const;

class RuleFileProblem extends Error {}

function localized(value: unknown, field: string): LocalizedText {
  if (!value || typeof value !== 'object') throw new RuleFileProblem(`"${field}" must have ${LANGS.join(' and ')} texts`);
  const texts = value as Record<string, unknown>;
  for (const lang of LANGS) {
    if (typeof texts[lang] !== 'string' || !(texts[lang] as string).trim()) {
      throw new RuleFileProblem(`"${field}.${lang}" is missing or empty`);
    }
  }
  return { fr: texts.fr as string, en: texts.en as string };
}

function parseRule(file: string, text: string, data: RuleData): Rule {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (error) {
    throw new RuleFileProblem(`YAML syntax: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new RuleFileProblem('not a YAML mapping');
  const raw = doc as Record<string, unknown>;
  const expectedId = basename(file, '.yaml');
  if (raw.id !== expectedId) throw new RuleFileProblem(`id "${String(raw.id)}" must equal the file name "${expectedId}"`);
  if (raw.level !== 'blocking' && raw.level !== 'suggestion') throw new RuleFileProblem('"level" must be blocking or suggestion');
  const checklist = typeof raw.checklist === 'string' ? raw.checklist : '';
  const section = /^[ABCD]\b/.exec(checklist)?.[0] as ChecklistSection | undefined;
  if (!section) throw new RuleFileProblem('"checklist" must start with the section letter A, B, C or D');
  const evaluator = typeof raw.evaluator === 'string' ? evaluators.get(raw.evaluator) : undefined;
  if (!evaluator) {
    throw new RuleFileProblem(`unknown evaluator "${String(raw.evaluator)}" (known: ${[...evaluators.keys()].join(', ')})`);
  }
  const params = (raw.params ?? {}) as Record<string, unknown>;
  const problem = paramProblem(evaluator.params, raw.params) ?? evaluator.check?.(params, data) ?? null;
  if (problem) throw new RuleFileProblem(problem);
  const rawMessages = (raw.messages ?? {}) as Record<string, unknown>;
  if (typeof rawMessages !== 'object' || Array.isArray(rawMessages)) throw new RuleFileProblem('"messages" must be a mapping');
  const messages: Record<string, LocalizedText> = {};
  for (const [code, value] of Object.entries(rawMessages)) messages[code] = localized(value, `messages.${code}`);
  const common: readonly string[] = COMMON_REASON_CODES;
  for (const code of evaluator.codes) {
    if (!messages[code] && !common.includes(code))
      throw new RuleFileProblem(`"messages.${code}" is missing (evaluator ${evaluator.id} emits it)`);
  }
  return {
    id: expectedId,
    level: raw.level,
    checklist,
    section,
    evaluator: evaluator.id,
    params,
    title: localized(raw.title, 'title'),
    messages,
    help: localized(raw.help, 'help'),
    file,
  };
}

export function loadRuleSet(dir: string): RuleSet {
  const data = new FileRuleData(join(dir, 'data'));
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    throw new UsageError('error.rulesDirUnreadable', { dir });
  }
  const rules = files.map((name) => {
    const file = join(dir, name);
    try {
      return parseRule(file, readFileSync(file, 'utf8'), data);
    } catch (error) {
      const problem = error instanceof RuleFileProblem ? error.message : (error as Error).message;
      throw new UsageError('error.invalidRule', { file, problem });
    }
  });
  return { rules, data };
}
