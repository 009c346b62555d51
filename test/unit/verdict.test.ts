import { describe, expect, it } from 'vitest';
import type { Outcome, RuleResult } from '../../src/contracts/result.js';
import type { RuleLevel } from '../../src/contracts/rule.js';
import { exitCodeFor, failsOn, verdictOf } from '../../src/judge/verdict.js';

const rule = (level: RuleLevel, outcome: Outcome): RuleResult => ({
  id: `${level}-${outcome}`,
  level,
  outcome,
  section: 'B',
  title: '',
  help: '',
  findings: [],
});

describe('verdict', () => {
  it.each([
    [[rule('blocking', 'pass'), rule('suggestion', 'fail')], 'compliant'],
    [[rule('blocking', 'pass'), rule('blocking', 'needs-review')], 'incomplete'],
    [[rule('blocking', 'error'), rule('blocking', 'pass')], 'incomplete'],
    [[rule('blocking', 'fail'), rule('blocking', 'error')], 'non-compliant'],
    [[rule('blocking', 'not-applicable')], 'compliant'],
    [[rule('suggestion', 'needs-review')], 'compliant'],
  ] as const)('%#: %s', (rules, verdict) => expect(verdictOf([...rules])).toBe(verdict));
});

describe('--fail-on ladder', () => {
  const suggestionFails = [rule('blocking', 'pass'), rule('suggestion', 'fail')];
  it.each([
    ['never', 'non-compliant', [], false],
    ['blocking', 'non-compliant', [], true],
    ['blocking', 'incomplete', [], false],
    ['incomplete', 'incomplete', [], true],
    ['incomplete', 'compliant', suggestionFails, false],
    ['suggestion', 'compliant', suggestionFails, true],
    ['suggestion', 'compliant', [rule('blocking', 'pass')], false],
  ] as const)('%s with %s → %s', (failOn, verdict, rules, expected) => {
    expect(failsOn(failOn, verdict, [...rules])).toBe(expected);
  });
});

describe('the exit code of a run', () => {
  const failing = { verdict: 'non-compliant' as const, rules: [rule('blocking', 'fail')] };
  const passing = { verdict: 'compliant' as const, rules: [rule('blocking', 'pass')] };
  it.each([
    ['every site passes', [passing], 0, 0],
    ['a site fails under --fail-on', [passing, failing], 0, 1],
    ['a site could not be audited, the others pass', [passing], 1, 2],
    ['a site could not be audited outranks a failing one', [failing], 1, 2],
    ['no site could be audited', [], 2, 2],
  ] as const)('%s', (_name, results, unaudited, code) => {
    expect(exitCodeFor([...results], 'blocking', unaudited)).toBe(code);
  });
});
