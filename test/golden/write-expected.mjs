// Writes the golden reports (test/golden/expected/) from the golden evidence, with the BUILT code:
//   npm run golden:update        (builds, then runs this file)
// One file per evidence file × language × format, judged by every rule of rules/. The comparing
// test (test/report/golden.test.ts) never writes: a change of output is a reviewed diff of this
// directory, made by this script in a commit of its own.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../../dist/contracts/rule.js';
import { judge } from '../../dist/judge/judge.js';
import { rulesDir } from '../../dist/util/paths.js';
import { FILE_EXTENSIONS, FORMAT_NAMES, reporters } from '../../dist/report/index.js';
import { loadRuleSet } from '../../dist/judge/loader.js';

const goldenDir = fileURLToPath(new URL('.', import.meta.url));
const expectedDir = join(goldenDir, 'expected');
const ruleSet = loadRuleSet(rulesDir);
rmSync(expectedDir, { recursive: true, force: true });
mkdirSync(expectedDir, { recursive: true });
for (const file of readdirSync(goldenDir)
  .filter((f) => f.endsWith('.evidence.json'))
  .sort()) {
  const site = file.slice(0, -'.evidence.json'.length);
  const evidence = JSON.parse(readFileSync(join(goldenDir, file), 'utf8'));
  for (const lang of LANGS) {
    const result = judge(evidence, ruleSet, { lang, levels: {}, allowlist: [] });
    for (const format of FORMAT_NAMES) {
      writeFileSync(join(expectedDir, `${site}.${lang}${FILE_EXTENSIONS[format]}`), reporters[format](result, { lang, color: false }));
    }
  }
}
console.log(`wrote ${readdirSync(expectedDir).length} files in ${expectedDir}`);
