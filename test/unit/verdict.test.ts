import { describe, expect, it } from 'vitest';
import type { Outcome, RuleResult } from '../../src/contracts/result.js';
import type { RuleLevel } from '../../src/contracts/rule.js';
import { failsOn, verdictOf } from '../../src/judge/verdict.js';

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
