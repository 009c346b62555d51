/**
 * `npm run bench:documents`: the documents corpus figures (precision, recall, F1, agreement) for
 * both halves. `--write` records them as the floor the regression test holds them to;
 * `--disagreements` lists every case where the tool and the labels differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDir } from '../util/paths.js';
import { loadRuleSet } from '../judge/loader.js';
import { CORPUS_DIR, formatFigures, loadCorpus, scoreCorpus } from './documents-corpus.js';

const { figures, disagreements } = scoreCorpus(loadCorpus(), loadRuleSet(process.env.CHATONS_AUDIT_RULES_DIR ?? rulesDir));
console.log(`documents corpus (${CORPUS_DIR}): labels against the tool`);
console.log(formatFigures(figures));
if (process.argv.includes('--disagreements')) {
  for (const d of disagreements) console.log(`[${d.half}] ${d.unit} ${d.subject}: expected ${d.expected} / tool ${d.actual}`);
}
if (process.argv.includes('--write')) {
  writeFileSync(join(CORPUS_DIR, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('\nfigures written to test/corpus/documents/figures.json');
}
