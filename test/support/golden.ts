/**
 * Golden evidence (test/golden/*.evidence.json, made by test/golden/make-evidence.mjs with the
 * real audit on the fixture internet) judged without a browser.
 * - `judgedByEveryRule`: every rule of rules/, the input of the golden reports (test/report/golden.test.ts).
 * - `goldenResult`: the four oldest rules only, a small and stable input for the format unit tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence } from '../../src/contracts/evidence.js';
import type { AuditResult } from '../../src/contracts/result.js';
import type { Lang, RuleSet } from '../../src/contracts/rule.js';
import { judge } from '../../src/judge/judge.js';
import { packageRoot } from '../../src/util/paths.js';
import { ruleSet } from './rules.js';
import type { AllowEntry } from '../../src/contracts/settings.js';

export const GOLDEN_DIR = join(packageRoot, 'test/golden');
export const GOLDEN_SITES = [
  'services.bonchaton.example',
  'google-fonts.example',
  'asso-avant.example',
  'asso-apres.example',
  'gravatar-cdn.example',
  'pisteurs.example',
  'toile-partagee.example',
  'futur-chaton.example',
] as const;
export type GoldenSite = (typeof GOLDEN_SITES)[number];
const GOLDEN_RULES = ['site-online', 'no-third-party-fonts', 'no-third-party-images', 'no-third-party-requests'];

const goldenRuleSet: RuleSet = { rules: ruleSet.rules.filter((r) => GOLDEN_RULES.includes(r.id)), data: ruleSet.data };

function goldenEvidence(site: GoldenSite): Evidence {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, `${site}.evidence.json`), 'utf8')) as Evidence;
}

export function goldenResult(site: GoldenSite, lang: Lang = 'fr', allowlist: AllowEntry[] = []): AuditResult {
  return judge(goldenEvidence(site), goldenRuleSet, { lang, levels: {}, allowlist });
}

export function judgedByEveryRule(site: GoldenSite, lang: Lang = 'fr'): AuditResult {
  return judge(goldenEvidence(site), ruleSet, { lang, levels: {}, allowlist: [] });
}
