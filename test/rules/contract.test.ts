/**
 * The rule contract (ESLint checkRuleFiles, axe-core validate): every rule file loads, its id is
 * its file name, its evaluator exists, its params validate, fr and en texts exist for its title,
 * help and every code its evaluator emits, and it has a test file of its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesDir } from '../../src/util/paths.js';
import { evaluators } from '../../src/judge/evaluators/index.js';
import { paramProblem } from '../../src/judge/params.js';
import { ruleSet } from '../support/rules.js';

const files = readdirSync(rulesDir).filter((f) => f.endsWith('.yaml'));

describe('rule contract', () => {
  it('loads every rule file', () => {
    expect(ruleSet.rules.map((r) => `${r.id}.yaml`).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(ruleSet.rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has its id as file name', () => expect(rule.file.endsWith(`${id}.yaml`)).toBe(true));
    it('names an existing evaluator with valid params', () => {
      const evaluator = evaluators.get(rule.evaluator);
      expect(evaluator).toBeDefined();
      expect(paramProblem(evaluator?.params ?? {}, rule.params)).toBeNull();
    });
    it('has fr and en title, help and messages', () => {
      for (const lang of ['fr', 'en'] as const) {
        expect(rule.title[lang].trim()).not.toBe('');
        expect(rule.help[lang].trim()).not.toBe('');
        for (const text of Object.values(rule.messages)) expect(text[lang].trim()).not.toBe('');
      }
    });
    it('has a test file that exercises it', () => {
      const testFile = join(import.meta.dirname, `${id}.test.ts`);
      expect(existsSync(testFile), `test/rules/${id}.test.ts`).toBe(true);
      expect(readFileSync(testFile, 'utf8')).toContain(`'${id}'`);
    });
  });

  it('every evaluator is used by at least one rule', () => {
    const used = new Set(ruleSet.rules.map((r) => r.evaluator));
    expect([...evaluators.keys()].filter((e) => !used.has(e))).toEqual([]);
  });
});
