/**
 * Golden reports: every golden evidence file (test/golden/*.evidence.json), judged by every rule
 * of rules/, rendered in every format and language, compared whole with test/golden/expected/.
 * The evidence is fixed, so nothing here depends on time. This test only reads: the expected
 * files are written by `npm run golden:update` (test/golden/write-expected.mjs), never by a
 * comparing run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/contracts/rule.js';
import { FILE_EXTENSIONS, FORMAT_NAMES, reporters } from '../../src/report/index.js';
import { GOLDEN_DIR, GOLDEN_SITES, judgedByEveryRule } from '../support/golden.js';
import { ruleSet } from '../support/rules.js';

const expectedDir = join(GOLDEN_DIR, 'expected');
const expectedFiles = readdirSync(expectedDir).sort();
const cases = GOLDEN_SITES.flatMap((site) =>
  LANGS.flatMap((lang) => FORMAT_NAMES.map((format) => ({ site, lang, format, file: `${site}.${lang}${FILE_EXTENSIONS[format]}` }))),
);

describe('golden reports from saved evidence', () => {
  it('has one expected file per golden site, language and format, and no other', () => {
    const evidenceSites = readdirSync(GOLDEN_DIR)
      .filter((f) => f.endsWith('.evidence.json'))
      .map((f) => f.slice(0, -'.evidence.json'.length))
      .sort();
    expect(evidenceSites).toEqual([...GOLDEN_SITES].sort());
    expect(expectedFiles).toEqual(cases.map((c) => c.file).sort());
  });

  it('gives every rule of rules/ a real outcome on some golden site, not only not-applicable', () => {
    // judge() runs every rule, so "judged" alone could not fail: a golden pins a rule only
    // where the rule had something to say.
    const applied = new Set(
      GOLDEN_SITES.flatMap((site) =>
        judgedByEveryRule(site)
          .rules.filter((r) => r.outcome !== 'not-applicable')
          .map((r) => r.id),
      ),
    );
    expect(ruleSet.rules.length).toBeGreaterThan(25);
    expect(ruleSet.rules.filter((r) => !applied.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  for (const { site, lang, format, file } of cases) {
    it(`${site} in ${lang} as ${format}`, () => {
      const actual = reporters[format](judgedByEveryRule(site, lang), { lang, color: false });
      expect(actual).toBe(readFileSync(join(expectedDir, file), 'utf8'));
    });
  }

  it('is the same twice (stable ordering)', () => {
    const a = reporters.sarif(judgedByEveryRule('asso-apres.example'), { lang: 'fr', color: false });
    const b = reporters.sarif(judgedByEveryRule('asso-apres.example'), { lang: 'fr', color: false });
    expect(a).toBe(b);
  });
});
