import { judge } from '../../src/judge/judge.js';
import { loadRuleSet } from '../../src/judge/loader.js';
import { rulesDir } from '../../src/util/paths.js';
import type { Evidence } from '../../src/contracts/evidence.js';
import type { RuleResult } from '../../src/contracts/result.js';
import type { Lang } from '../../src/contracts/rule.js';

export const ruleSet = loadRuleSet(rulesDir);

/** Judges evidence and returns one rule's result (throws if the rule did not run). */
export function ruleResult(id: string, ev: Evidence, lang: Lang = 'en'): RuleResult {
  const result = judge(ev, ruleSet, { lang, levels: {} }).rules.find((r) => r.id === id);
  if (!result) throw new Error(`rule ${id} did not run`);
  return result;
}
