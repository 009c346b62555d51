/**
 * All vocabulary lives in rules/data and is read through the rule set's data: a copy of the rules
 * directory with one word changed (what CHATONS_AUDIT_RULES_DIR points at) changes the outcome.
 * One case per pattern file the documents and licence readers use.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatonsInfosFile, Evidence } from '../../src/contracts/evidence.js';
import type { RuleResult } from '../../src/contracts/result.js';
import { judge } from '../../src/judge/judge.js';
import { rulesDir } from '../../src/util/paths.js';
import { loadRuleSet } from '../../src/judge/loader.js';
import { runMain } from '../support/main.js';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the rules directory whose data file `file` has its first `from` replaced by `to`. */
function replacedRulesDir(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chatons-rules-'));
  copies.push(dir);
  cpSync(rulesDir, dir, { recursive: true });
  const path = join(dir, 'data', `${file}.yaml`);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file}.yaml contains ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
  return dir;
}

function resultWith(dir: string, id: string, ev: Evidence): RuleResult {
  const result = judge(ev, loadRuleSet(dir), { lang: 'en', levels: {} }).rules.find((r) => r.id === id);
  if (!result) throw new Error(`rule ${id} did not run`);
  return result;
}

const ES = 'https://red-vecinal.es/';
const avisoLegal = evidence(ES, [
  htmlPage(ES, '<html><body><a href="/aviso-legal">Aviso legal</a></body></html>'),
  htmlPage(
    `${ES}aviso-legal`,
    `<html lang="es"><body><h1>Aviso legal</h1><p>Esta web es de la Asociación Red Vecinal.
    Puedes encontrarnos en Carrer del Pi 7, 2n 08002 Barcelona o escribir a hola@red-vecinal.example.</p></body></html>`,
    'legal',
  ),
]);

const T = 'https://nuvol.example.org/';
const catalanPrivacy = evidence(T, [
  htmlPage(T, '<html><body><footer><a href="/privacitat">Privacitat</a></footer></body></html>'),
  htmlPage(
    `${T}privacitat`,
    '<html lang="ca"><body><h1>Política de privacitat</h1><p>Només guardem el que cal per respondre-us.</p></body></html>',
    'privacy',
  ),
]);

const legalsLink = evidence(T, [
  htmlPage(T, '<html><body><footer><a href="/p/12">Legals</a></footer></body></html>'),
  htmlPage(`${T}p/12`, '<html><body><h1>Legals</h1><p>Published by Nuvol.</p></body></html>', 'legal'),
]);

const fullName = evidence(
  T,
  [
    htmlPage(
      T,
      `<html><body><p>Nuvol respecte la charte du Collectif des Hébergeurs Alternatifs, Transparents, Ouverts, Neutres et Solidaires.</p>
  <p>Nuvol est membre de ce collectif.</p></body></html>`,
    ),
  ],
  [],
  { options: { ownDomains: [], candidate: true } },
);

const DIR = `${T}.well-known/chatonsinfos/`;
const infos = (license: string): Evidence => {
  const file = (name: string, properties: Record<string, string>): ChatonsInfosFile => ({
    url: `${DIR}${name}`,
    source: 'probe',
    status: 200,
    error: null,
    properties,
    badLines: [],
  });
  return evidence(T, [page(T)], [], {
    chatonsinfos: {
      probed: [{ url: `${DIR}organization.properties`, status: 200, error: null }],
      checks: [],
      files: [
        file('organization.properties', { 'file.class': 'organization', 'organization.name': 'Nuvol' }),
        file('pad.properties', { 'software.name': 'Etherpad', 'software.license.name': license }),
      ],
    },
  });
};

describe('a replaced rules directory replaces the vocabulary', () => {
  it.each([
    [
      'legal-notice-fields: a street type',
      'legal-notice-content',
      avisoLegal,
      'legal-notice-fields',
      '- "carrer"',
      '- "carrerz"',
      'pass',
      'fail',
    ],
    [
      'transparency-topics: a privacy word',
      'privacy-clause',
      catalanPrivacy,
      'transparency-topics',
      '- "privacitat"',
      '- "privacitatz"',
      'pass',
      'fail',
    ],
    [
      'transparency-topics: a reference to the collective',
      'no-premature-membership',
      fullName,
      'transparency-topics',
      '- "membres? de ce collectif"',
      '- "membres? de cette chose"',
      'fail',
      'pass',
    ],
    [
      'documents-lexicon: a legal-notice link text',
      'legal-notice',
      legalsLink,
      'documents-lexicon',
      '- legals',
      '- legalz',
      'pass',
      'fail',
    ],
  ] as const)('%s', (_name, rule, ev, file, from, to, before, after) => {
    expect(ruleResult(rule, ev).outcome).toBe(before);
    expect(resultWith(replacedRulesDir(file, from, to), rule, ev).outcome).toBe(after);
  });

  it('free-licenses: a free licence identifier', () => {
    // The files carry no other StatoolInfos fields: the outcome also weighs those, so the licence
    // finding is what this case looks at.
    const licenceCodes = (result: RuleResult): string[] => result.findings.map((f) => f.code).filter((c) => /License$/.test(c));
    expect(licenceCodes(ruleResult('chatonsinfos', infos('MIT')))).toEqual([]);
    expect(licenceCodes(resultWith(replacedRulesDir('free-licenses', '  - MIT\n', '  - MIT-Z\n'), 'chatonsinfos', infos('MIT')))).toEqual([
      'unknownLicense',
    ]);
  });

  it('CHATONS_AUDIT_RULES_DIR is the rules directory a re-judged audit uses', async () => {
    const dir = replacedRulesDir('transparency-topics', '- "privacitat"', '- "privacitatz"');
    const file = join(dir, 'evidence.json');
    writeFileSync(file, JSON.stringify(catalanPrivacy));
    const outcome = async (env: Record<string, string>): Promise<string | undefined> => {
      const run = await runMain(['--from-evidence', file, '--format', 'json', '--fail-on', 'never'], env);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { rules: { id: string; outcome: string }[] }).rules.find((r) => r.id === 'privacy-clause')?.outcome;
    };
    expect(await outcome({})).toBe('pass');
    expect(await outcome({ CHATONS_AUDIT_RULES_DIR: dir })).toBe('fail');
  });
});
