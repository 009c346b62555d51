/**
 * Golden reports: each format rendered from saved evidence and compared whole with
 * test/golden/expected/. The evidence is fixed, so nothing here depends on time; the JSON
 * comparison leaves out the run's date and duration anyway. UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reporters, type FormatName } from '../../src/report/index.js';
import { GOLDEN_DIR, GOLDEN_SITES, goldenResult } from '../support/golden.js';

const EXT: Record<Exclude<FormatName, 'terminal'>, string> = { markdown: 'md', html: 'html', sarif: 'sarif', junit: 'xml', json: 'json' };
const expectedDir = join(GOLDEN_DIR, 'expected');

function compare(name: string, actual: string): void {
  const file = join(expectedDir, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden reports from saved evidence', () => {
  for (const site of GOLDEN_SITES) {
    for (const [format, ext] of Object.entries(EXT) as [Exclude<FormatName, 'terminal'>, string][]) {
      it(`${site} as ${format}`, () => {
        const result = goldenResult(site, 'fr');
        let text = reporters[format](result, { lang: 'fr', color: false });
        if (format === 'json') {
          const { startedAt: _s, durationMs: _d, ...stable } = JSON.parse(text) as Record<string, unknown>;
          text = `${JSON.stringify(stable, null, 2)}\n`;
        }
        compare(`${site}.${ext}`, text);
      });
    }
  }

  it('renders the English review too', () => {
    compare('google-fonts.example.en.md', reporters.markdown(goldenResult('google-fonts.example', 'en'), { lang: 'en', color: false }));
  });

  it('is the same twice (stable ordering)', () => {
    const a = reporters.sarif(goldenResult('asso-apres.example'), { lang: 'fr', color: false });
    const b = reporters.sarif(goldenResult('asso-apres.example'), { lang: 'fr', color: false });
    expect(a).toBe(b);
  });
});
