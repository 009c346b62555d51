import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadRuleSet } from '../../src/judge/loader.js';

const valid = `id: NAME
level: blocking
checklist: "B. Publicité / pisteurs / appels tiers"
evaluator: third-party-resources
params: { resourceTypes: [font] }
title: { fr: "Titre", en: "Title" }
messages: { thirdPartyRequest: { fr: "{host}", en: "{host}" } }
help: { fr: "Aide", en: "Help" }
`;

function problemOf(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  writeFileSync(join(dir, `${name}.yaml`), text);
  try {
    loadRuleSet(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const args = (error as UsageError).args;
    expect(args.file).toBe(join(dir, `${name}.yaml`));
    return String(args.problem);
  }
  return 'loaded';
}

describe('rule loader', () => {
  it.each([
    ['a valid rule', valid, /^loaded$/],
    ['id differs from file name', valid.replace('id: NAME', 'id: other'), /must equal the file name/],
    ['unknown evaluator', valid.replace('third-party-resources', 'nope'), /unknown evaluator "nope"/],
    ['unknown resource type', valid.replace('[font]', '[fonts]'), /has "fonts"; allowed/],
    ['unknown param', valid.replace('{ resourceTypes: [font] }', '{ colour: red }'), /unknown param "colour"/],
    ['missing English title', valid.replace(', en: "Title"', ''), /title\.en/],
    ['missing message for an emitted code', valid.replace(/messages: .*\n/, ''), /messages\.thirdPartyRequest/],
    ['bad level', valid.replace('level: blocking', 'level: fatal'), /"level"/],
    ['missing host list', valid.replace('{ resourceTypes: [font] }', '{ hostList: nowhere }'), /nowhere\.yaml/],
    ['YAML syntax error', 'id: [unclosed', /YAML syntax/],
  ])('%s', (_name, text, expected) => {
    expect(problemOf('NAME', text.replace('id: NAME', 'id: NAME'))).toMatch(expected);
  });
});
