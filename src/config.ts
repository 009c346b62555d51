/**
 * .chatons-audit.yml (or --config): rule levels and extra own domains. Normalised once, when
 * read (ESLint's severities, Lighthouse CI's assertion levels): the engine only sees valid levels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { UsageError } from './cli/usage-error.js';
import type { Rule, RuleLevel } from './contracts/rule.js';

export interface AuditConfig {
  file: string | null;
  levels: Record<string, RuleLevel>;
  ownDomains: string[];
}

export const DEFAULT_CONFIG_FILE = '.chatons-audit.yml';
const LEVELS: readonly RuleLevel[] = ['blocking', 'suggestion', 'off'];
const KEYS = ['rules', 'ownDomains'] as const;

export function loadConfig(explicit: string | undefined, cwd: string, rules: readonly Rule[]): AuditConfig {
  const file = explicit ? resolve(cwd, explicit) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!explicit && !existsSync(file)) return { file: null, levels: {}, ownDomains: [] };
  let doc: unknown;
  try {
    doc = load(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    throw new UsageError('error.configUnreadable', { file, detail: ((error as Error).message.split('\n')[0] ?? '').trim() });
  }
  const invalid = (key: string, allowed: string): UsageError => new UsageError('error.configInvalid', { file, key, allowed });
  if (typeof doc !== 'object' || Array.isArray(doc) || doc === null) throw invalid('(root)', `a mapping with ${KEYS.join(', ')}`);
  const raw = doc as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) throw invalid(key, KEYS.join(', '));
  }
  const levels: Record<string, RuleLevel> = {};
  const ruleIds = new Set(rules.map((r) => r.id));
  const rawRules = raw.rules ?? {};
  if (typeof rawRules !== 'object' || Array.isArray(rawRules) || rawRules === null) throw invalid('rules', 'rule-id: blocking | suggestion | off');
  for (const [id, level] of Object.entries(rawRules)) {
    if (!ruleIds.has(id)) throw invalid(`rules.${id}`, `a rule id (${[...ruleIds].join(', ')})`);
    if (!LEVELS.includes(level as RuleLevel)) throw invalid(`rules.${id}`, LEVELS.join(' | '));
    levels[id] = level as RuleLevel;
  }
  const ownDomains = raw.ownDomains ?? [];
  if (!Array.isArray(ownDomains) || ownDomains.some((d) => typeof d !== 'string' || !/^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(d))) {
    throw invalid('ownDomains', 'a list of domain names');
  }
  return { file, levels, ownDomains: ownDomains as string[] };
}
