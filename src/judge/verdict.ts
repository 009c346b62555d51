/** Verdict and exit codes, exactly as DESIGN.md states them. */
import type { RuleResult, Verdict } from '../contracts/result.js';
import type { FailOn } from '../contracts/settings.js';

export function verdictOf(rules: readonly RuleResult[]): Verdict {
  const blocking = rules.filter((r) => r.level === 'blocking');
  if (blocking.some((r) => r.outcome === 'fail')) return 'non-compliant';
  if (blocking.some((r) => r.outcome === 'error' || r.outcome === 'needs-review')) return 'incomplete';
  return 'compliant';
}

/**
 * Whether one audited site fails under --fail-on. `new` reads the baseline marks that
 * --baseline put on the findings: a blocking rule failing because of a finding absent before.
 */
export function failsOn(failOn: FailOn, verdict: Verdict, rules: readonly RuleResult[]): boolean {
  switch (failOn) {
    case 'never':
      return false;
    case 'blocking':
      return verdict === 'non-compliant';
    case 'incomplete':
      return verdict !== 'compliant';
    case 'suggestion':
      return verdict !== 'compliant' || rules.some((r) => r.level === 'suggestion' && r.outcome === 'fail');
    case 'new':
      return hasNewBlockingFinding(rules);
  }
}

/** --fail-on new: a blocking rule that fails because of a finding the baseline did not have. */
export function hasNewBlockingFinding(rules: readonly RuleResult[]): boolean {
  return rules.some((r) => r.level === 'blocking' && r.outcome === 'fail' && r.findings.some((f) => f.baseline === 'new' && !f.allowed));
}

/**
 * The one exit code of a run: 2 when some site could not be audited at all (the run is
 * incomplete, whatever the others say), else 1 when any judged site fails under --fail-on, else 0.
 */
export function exitCodeFor(
  results: readonly { verdict: Verdict; rules: readonly RuleResult[] }[],
  failOn: FailOn,
  unaudited = 0,
): 0 | 1 | 2 {
  if (unaudited > 0) return 2;
  return results.some((r) => failsOn(failOn, r.verdict, r.rules)) ? 1 : 0;
}
