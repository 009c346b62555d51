/**
 * Layers only point down (test/support/layers.ts): checked on src/ itself, and on a small tree
 * written for the test, which proves the check finds each kind of wrong import.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, importsOf, layerOf } from '../support/layers.js';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));

describe('layers of src/', () => {
  it('only point down, and nothing outside src/cli imports src/cli', () => {
    expect(checkLayers(srcDir)).toEqual([]);
  });
});

describe('the layer check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('reads every form of import', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "export * from './c.js';",
      "export type { D } from './d.js';",
      "const e = await import('./e.js');",
      "let f: import('./f.js').F;",
      "import './g.js';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      ...['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js', './g.js'].map((specifier, i) => ({ specifier, line: i + 1 })),
      { specifier: 'node:fs', line: 8 },
    ]);
  });

  it('places nested folders in their layer', () => {
    expect(layerOf('collect/dns/resolver.ts')).toBe('collect');
    expect(layerOf('judge/evaluators/https.ts')).toBe('judge');
    expect(layerOf('audit/batch/runner.ts')).toBe('audit');
    expect(layerOf('errors.ts')).toBe('base');
    expect(layerOf('trackers/index.ts')).toBe('knowledge');
    expect(layerOf('loose.ts')).toBeUndefined();
  });

  it('reports upward, sideways and cli imports, and files in no layer', () => {
    write('cli/main.ts', "import { run } from '../audit/auditor.js';\n");
    write('audit/auditor.ts', "import { collect } from '../collect/site.js';\nimport { judge } from '../judge/judge.js';\n");
    write('collect/dns/resolver.ts', "import type { Settings } from '../../audit/auditor.js';\n");
    write('collect/site.ts', "import { io } from '../util/io.js';\nexport { judge } from '../judge/judge.js';\n");
    write('judge/judge.ts', "import { Lang } from '../contracts/index.js';\nimport { questions } from '../report/questions.js';\n");
    write('report/questions.ts', "const m = await import('../cli/main.js');\n");
    write('bench/index.ts', "import { demoSites } from '../cli/demo-command.js';\nimport { Auditor } from '../audit/auditor.js';\n");
    write('fixture-internet/server.ts', "import { partyOf } from '../domains/party.js';\nimport { t } from '../i18n/catalog.js';\n");
    write('domains/party.ts', "import { lexicon } from '../documents/lexicon.js';\nimport { io } from '../util/io.js';\n");
    write('util/io.ts', "import { UsageError } from '../errors.js';\nimport { ruleSet } from '../judge/loader.js';\n");
    write('errors.ts', "import type { MessageKey } from './i18n/catalog.js';\n");
    write('loose.ts', 'export const x = 1;\n');

    expect(checkLayers(dir).sort()).toEqual([
      'bench/index.ts:1 → cli/demo-command.ts (only src/cli imports src/cli)',
      'collect/dns/resolver.ts:1 → audit/auditor.ts (upward: collect is below audit)',
      'collect/site.ts:2 → judge/judge.ts (sideways: collect and judge are peers)',
      'fixture-internet/server.ts:1 → domains/party.ts (fixture-internet imports only base)',
      'judge/judge.ts:2 → report/questions.ts (sideways: judge and report are peers)',
      'loose.ts: in no layer (place it in LAYERS, test/support/layers.ts)',
      'report/questions.ts:1 → cli/main.ts (only src/cli imports src/cli)',
      'util/io.ts:2 → judge/loader.ts (upward: base is below judge)',
    ]);
  });
});
