/**
 * A table of cases per rule, in the spirit of ESLint's RuleTester: one `it` per case, each
 * judged by the real rule set. A valid case passes; an invalid one ends with the outcome it
 * names (fail by default), and an outcome other than pass or fail must say why (a reason).
 * Findings are compared as multisets: every code listed, and no other, whatever the order.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/contracts/evidence.js';
import type { Finding, Outcome, RuleResult } from '../../src/contracts/result.js';
import type { Lang } from '../../src/contracts/rule.js';
import { ruleResult } from './rules.js';

interface RuleCase {
  name: string;
  evidence: Evidence;
  /** The language the result is rendered in (default en). */
  lang?: Lang;
  /** The finding codes, as a multiset. Default for a valid case: no finding at all. */
  codes?: string[];
  /** When given, the findings' hosts (null for a finding without one), as a multiset. */
  hosts?: (string | null)[];
  /** When given, the findings' subjects (null for a finding without one), as a multiset. */
  subjects?: (string | null)[];
}

type ValidCase = RuleCase;

interface InvalidCase extends RuleCase {
  codes: string[];
  /** Default fail. */
  outcome?: Exclude<Outcome, 'pass'>;
  /** What the reason of a needs-review, not-applicable or error outcome must match. */
  reason?: RegExp;
}

export interface RuleCases {
  valid?: ValidCase[];
  invalid?: InvalidCase[];
}

const sorted = <T>(values: readonly T[]): T[] => [...values].sort((a, b) => String(a).localeCompare(String(b)));

function expectFindings(result: RuleResult, c: RuleCase, codes: readonly string[]): void {
  const what = (f: Finding): string => `${f.code} ${f.host ?? f.subject ?? ''}`.trim();
  const context = `findings: ${result.findings.map(what).join(', ') || 'none'}`;
  expect(sorted(result.findings.map((f) => f.code)), context).toEqual(sorted(codes));
  if (c.hosts) expect(sorted(result.findings.map((f) => f.host ?? null)), context).toEqual(sorted(c.hosts));
  if (c.subjects) expect(sorted(result.findings.map((f) => f.subject ?? null)), context).toEqual(sorted(c.subjects));
}

function checkNames(id: string, cases: readonly RuleCase[]): void {
  const seen = new Set<string>();
  for (const { name } of cases) {
    // Two cases with one name would hide each other in the report.
    if (seen.has(name)) throw new Error(`ruleTester('${id}'): two cases are named "${name}"`);
    seen.add(name);
  }
}

export function ruleTester(id: string, { valid = [], invalid = [] }: RuleCases): void {
  if (valid.length + invalid.length === 0) throw new Error(`ruleTester('${id}'): no case`);
  checkNames(id, [...valid, ...invalid]);
  describe(id, () => {
    describe('valid', () => {
      for (const c of valid) {
        it(c.name, () => {
          const result = ruleResult(id, c.evidence, c.lang);
          expect(result.outcome, result.reason).toBe('pass');
          expectFindings(result, c, c.codes ?? []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of invalid) {
        const outcome = c.outcome ?? 'fail';
        it(`${c.name} → ${outcome}`, () => {
          const result = ruleResult(id, c.evidence, c.lang);
          expect(result.outcome, result.reason).toBe(outcome);
          if (outcome === 'fail') {
            // A failing rule says what failed: at least one finding, never an empty fail.
            expect(c.codes.length, 'an invalid case that fails names its findings').toBeGreaterThan(0);
          } else {
            expect(result.reason?.trim() ?? '', `a ${outcome} outcome says why`).not.toBe('');
          }
          if (c.reason) expect(result.reason).toMatch(c.reason);
          expectFindings(result, c, c.codes);
        });
      }
    });
  });
}
