/**
 * Bench of the transparency text readers on pages of growing size (no browser): block
 * extraction, the LCEN field detector and the S-type topics, as judgement runs them.
 */
import type { PageEvidence } from '../contracts/evidence.js';
import { analyseLegalNotice, legalVocabulary } from '../documents/lcen.js';
import { blocksOf } from '../documents/text.js';
import { topicEvidence } from '../documents/topics.js';
import { rulesDir } from '../util/paths.js';
import { loadRuleSet } from '../judge/loader.js';
import { formatFigures, loadCorpus, pageEvidence, scoreCorpus } from './documents-corpus.js';

const SECTION = `<section><h2>Hébergeur</h2><div><div><p>Le site est hébergé par Exemple SAS, 3 rue de la Paix, 75002 Paris, 01 23 45 67 89.
Les sauvegardes sont faites chaque nuit.</p><ul><li>Permanence tous les mercredis à 18 h.</li></ul></div></div></section>`;

function pageOf(sections: number): PageEvidence {
  const html = `<html lang="fr"><body><main><h1>Mentions légales</h1>${SECTION.repeat(sections)}</main></body></html>`;
  return pageEvidence(`https://bench.example/${sections}`, html, 'legal');
}

export async function run(): Promise<void> {
  console.log('\ntransparency text readers (no browser): ms per page, first run (no cache)');
  const ruleSet = loadRuleSet(rulesDir);
  const vocabulary = legalVocabulary(ruleSet.data);
  console.log('sections  html KB  blocks ms  lcen ms  topics ms');
  for (const sections of [10, 100, 1_000, 5_000]) {
    const page = pageOf(sections);
    let t = performance.now();
    blocksOf(page.html);
    const blocks = performance.now() - t;
    t = performance.now();
    analyseLegalNotice(page, vocabulary);
    const lcen = performance.now() - t;
    t = performance.now();
    for (const topic of ['hosting-disclosed', 'backups-and-security', 'in-person-meetings']) topicEvidence(ruleSet.data, topic, [page]);
    const topics = performance.now() - t;
    const kb = ((page.html ?? '').length / 1024).toFixed(0);
    console.log(
      `${String(sections).padStart(8)}  ${kb.padStart(7)}  ${blocks.toFixed(1).padStart(9)}  ${lcen.toFixed(1).padStart(7)}  ${topics.toFixed(1).padStart(9)}`,
    );
  }
  console.log('\ndocuments corpus (real pages, hand labels): npm run bench:documents -- --disagreements for the cases');
  console.log(formatFigures(scoreCorpus(loadCorpus(), ruleSet).figures));
}
