/** Verdict and exit codes, exactly as DESIGN.md states them. */
import type { RuleResult, Verdict } from '../contracts/result.js';

export function verdictOf(rules: readonly RuleResult[]): Verdict {
  const blocking = rules.filter((r) => r.level === 'blocking');
  if (blocking.some((r) => r.outcome === 'fail')) return 'non-compliant';
  if (blocking.some((r) => r.outcome === 'error' || r.outcome === 'needs-review')) return 'incomplete';
  return 'compliant';
}

export const FAIL_ON = ['never', 'blocking', 'incomplete', 'suggestion', 'new'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether one audited site fails under --fail-on (`new` is decided against a baseline elsewhere). */
export function failsOn(failOn: Exclude<FailOn, 'new'>, verdict: Verdict, rules: readonly RuleResult[]): boolean {
  switch (failOn) {
    case 'never':
      return false;
    case 'blocking':
      return verdict === 'non-compliant';
    case 'incomplete':
      return verdict !== 'compliant';
    case 'suggestion':
      return verdict !== 'compliant' || rules.some((r) => r.level === 'suggestion' && r.outcome === 'fail');
  }
}
