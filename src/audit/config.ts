/**
 * .chatons-audit.yml or .chatons-audit.yaml (or --config): rule levels, extra own domains, an allowlist of third
 * parties (each with a justification) and per-target overrides. Normalised once, when read
 * (ESLint's severities, Lighthouse CI's assertion levels): the engine only sees valid values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { closest } from '../util/suggest.js';
import { UsageError, type MessageRef } from '../errors.js';
import type { Rule, RuleLevel } from '../contracts/rule.js';
import { parseAllowlist } from '../judge/allowlist.js';
import type { SiteConfig } from '../contracts/settings.js';

export interface AuditConfig extends SiteConfig {
  file: string | null;
  /** `trackerListsNotice: false` silences the notice about old tracker lists (CI logs). */
  trackerListsNotice: boolean;
  /** Keyed by target host name (lower case). */
  targets: Record<string, SiteConfig>;
}

/** Looked for in the working directory when no --config is given; both spellings of YAML. */
const DEFAULT_CONFIG_FILES = ['.chatons-audit.yml', '.chatons-audit.yaml'] as const;
const LEVELS: readonly RuleLevel[] = ['blocking', 'suggestion', 'off'];
const KEYS = ['rules', 'ownDomains', 'allowlist', 'targets', 'trackerListsNotice'] as const;
const TARGET_KEYS = ['rules', 'ownDomains', 'allowlist'] as const;

type Invalid = (key: string, expected: MessageRef) => UsageError;

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSiteConfig(
  raw: Record<string, unknown>,
  prefix: string,
  keys: readonly string[],
  rules: readonly Rule[],
  invalid: Invalid,
): SiteConfig {
  for (const key of Object.keys(raw)) {
    if (keys.includes(key)) continue;
    const like = closest(key, keys);
    throw invalid(
      `${prefix}${key}`,
      like
        ? { key: 'config.expect.keyLike', args: { keys: keys.join(', '), name: like } }
        : { key: 'config.expect.key', args: { keys: keys.join(', ') } },
    );
  }
  const levels: Record<string, RuleLevel> = {};
  const ruleIds = new Set(rules.map((r) => r.id));
  const rawRules = raw.rules ?? {};
  if (!isMapping(rawRules)) throw invalid(`${prefix}rules`, { key: 'config.expect.ruleLevels', args: { levels: LEVELS.join(' | ') } });
  for (const [id, level] of Object.entries(rawRules)) {
    if (!ruleIds.has(id)) {
      const like = closest(id, ruleIds);
      throw invalid(
        `${prefix}rules.${id}`,
        like ? { key: 'config.expect.ruleIdLike', args: { name: like } } : { key: 'config.expect.ruleId' },
      );
    }
    if (!LEVELS.includes(level as RuleLevel))
      throw invalid(`${prefix}rules.${id}`, { key: 'config.expect.literal', args: { values: LEVELS.join(' | ') } });
    levels[id] = level as RuleLevel;
  }
  const ownDomains = raw.ownDomains ?? [];
  if (!Array.isArray(ownDomains) || ownDomains.some((d) => typeof d !== 'string' || !/^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(d))) {
    throw invalid(`${prefix}ownDomains`, { key: 'config.expect.domains' });
  }
  const allowlist = parseAllowlist(raw.allowlist ?? [], `${prefix}allowlist`, invalid);
  return { levels, ownDomains: ownDomains as string[], allowlist };
}

/** The default configuration present in `cwd`, if any; two of them is ambiguous, so refused. */
function defaultConfigFile(cwd: string): string | null {
  const present = DEFAULT_CONFIG_FILES.map((name) => resolve(cwd, name)).filter((file) => existsSync(file));
  if (present.length > 1) throw new UsageError('error.configAmbiguous', { files: present.join(', ') });
  return present[0] ?? null;
}

export function loadConfig(explicit: string | undefined, cwd: string, rules: readonly Rule[]): AuditConfig {
  const file = explicit ? resolve(cwd, explicit) : defaultConfigFile(cwd);
  if (file === null) return { file: null, trackerListsNotice: true, levels: {}, ownDomains: [], allowlist: [], targets: {} };
  let doc: unknown;
  try {
    doc = load(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    throw new UsageError('error.configUnreadable', { file, detail: ((error as Error).message.split('\n')[0] ?? '').trim() });
  }
  const invalid: Invalid = (key, expected) => new UsageError('error.configInvalid', { file, key }, { allowed: expected });
  if (!isMapping(doc)) throw new UsageError('error.configNotMapping', { file, keys: KEYS.join(', ') });
  const top = parseSiteConfig(doc, '', KEYS, rules, invalid);
  const rawTargets = doc.targets ?? {};
  if (!isMapping(rawTargets)) throw invalid('targets', { key: 'config.expect.targets', args: { keys: TARGET_KEYS.join(', ') } });
  const targets: Record<string, SiteConfig> = {};
  for (const [host, override] of Object.entries(rawTargets)) {
    if (!/^[a-z0-9.-]+$/i.test(host)) throw invalid(`targets.${host}`, { key: 'config.expect.hostName' });
    if (!isMapping(override)) throw invalid(`targets.${host}`, { key: 'config.expect.mapping', args: { keys: TARGET_KEYS.join(', ') } });
    targets[host.toLowerCase()] = parseSiteConfig(override, `targets.${host}.`, TARGET_KEYS, rules, invalid);
  }
  const notice = doc.trackerListsNotice ?? true;
  if (typeof notice !== 'boolean') throw invalid('trackerListsNotice', { key: 'config.expect.literal', args: { values: 'true | false' } });
  return { file, trackerListsNotice: notice, ...top, targets };
}

/** The configuration for one target: its override's levels win, domains and allowlist add up. */
export function siteConfigFor(config: SiteConfig & { targets?: Record<string, SiteConfig> }, target: string): SiteConfig {
  let host = '';
  try {
    host = new URL(target).hostname.toLowerCase();
  } catch {
    // Not a URL: no override applies.
  }
  const override = config.targets?.[host];
  if (!override) return { levels: config.levels, ownDomains: config.ownDomains, allowlist: config.allowlist };
  return {
    levels: { ...config.levels, ...override.levels },
    ownDomains: [...config.ownDomains, ...override.ownDomains],
    allowlist: [...config.allowlist, ...override.allowlist],
  };
}
