/**
 * The documents rules on the real corpus must not get worse than the committed figures
 * (test/corpus/documents/figures.json, written by `npm run bench:documents -- --write`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HALVES, JUDGED_RULES, loadCorpus, scoreCorpus, type Figures } from '../../src/bench/documents-corpus.js';
import { LEGAL_FIELDS } from '../../src/documents/lcen.js';
import { ruleSet } from '../support/rules.js';

const committed = JSON.parse(readFileSync(join(CORPUS_DIR, 'figures.json'), 'utf8')) as Figures;
const { figures } = scoreCorpus(loadCorpus(), ruleSet);

describe('documents corpus figures do not drop', () => {
  for (const half of HALVES) {
    it(`${half}: LCEN field F1`, () => {
      for (const field of LEGAL_FIELDS)
        expect(figures[half].fields[field].f1, field).toBeGreaterThanOrEqual(committed[half].fields[field].f1);
    });
    it(`${half}: rule agreement`, () => {
      for (const rule of JUDGED_RULES)
        expect(figures[half].rules[rule].agreement, rule).toBeGreaterThanOrEqual(committed[half].rules[rule].agreement);
    });
  }
  it('covers the whole corpus', () => {
    expect(figures.tuning.units + figures.heldBack.units).toBe(new Set(loadCorpus().pages.map((p) => p.site)).size);
    expect(loadCorpus().pages.length).toBeGreaterThanOrEqual(60);
  });
});
