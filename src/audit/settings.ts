/**
 * The command line, the configuration file and the environment, resolved once into the run's
 * Settings, or a UsageError naming what is wrong. Everything that can be refused is refused
 * here, before any browser starts. What one site is audited with is a function of these
 * settings and the target (`siteSettingsFor`), never a copy made elsewhere.
 */
import { resolve } from 'node:path';
import { parseHostMapping } from '../collect/map-host.js';
import { loadExtraTrust } from '../collect/trust.js';
import { parseDnsServer } from '../collect/dns/servers.js';
import { LANGS, type Lang } from '../contracts/rule.js';
import { FAIL_ON, type FailOn, type PageTiming, type Settings } from '../contracts/settings.js';
import { UsageError } from '../errors.js';
import { defaultLang, isLang } from '../i18n/catalog.js';
import { loadRuleSet } from '../judge/loader.js';
import { formatFromFileName, isFormatName, FORMAT_NAMES } from '../report/index.js';
import type { CliProcess } from '../util/io.js';
import { rulesDir } from '../util/paths.js';
import { loadConfig, siteConfigFor } from './config.js';
import { writableDir, writableFile } from './output-paths.js';
import { shardFrom } from './batch/shard.js';
import type { TargetOverrides } from './batch/targets.js';

/** The options as commander parses them (strings, repeatable ones as arrays). */
export interface CommandOptions {
  format?: string;
  output?: string;
  lang?: string;
  config?: string;
  ownDomain: string[];
  mapHost: string[];
  maxPages?: string;
  timeout?: string;
  quietWindow?: string;
  browser?: string;
  caCert: string[];
  /** --dns-server addr[:port] (repeatable; tried in order). */
  dnsServer?: string[];
  saveEvidence?: string;
  fromEvidence?: string;
  failOn?: string;
  debug?: boolean;
  candidate?: boolean;
  allowPrivate?: boolean;
  /** A ChatonsInfos properties file to read instead of probing. */
  chatonsinfos?: string;
  baseline?: string;
  evidenceDir?: string;
  /** Commander's --no-redact sets this to false. */
  redact?: boolean;
  targets?: string;
  outputDir?: string;
  concurrency?: string;
  shard?: string;
  force?: boolean;
}

export const DEFAULT_TIMING: PageTiming = { timeoutMs: 30_000, settleCapMs: 8_000, quietMs: 2_000 };
export const DEFAULT_MAX_PAGES = 12;
/** Measured on the 2-core reference machine (npm run bench): 2 sites at once is the sweet spot. */
const DEFAULT_CONCURRENCY = 2;

function integer(option: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError('error.badOption', { option, value: raw, allowed: `${min}–${max}` });
  }
  return value;
}

/** Whether the command line asks for batch behaviour; GitLab's parallel jobs do too. */
function wantsBatch(options: CommandOptions, env: CliProcess['env']): boolean {
  return Boolean(options.targets || options.outputDir || options.concurrency || options.shard || (env.CI_NODE_INDEX && env.CI_NODE_TOTAL));
}

/** --lang, else the environment's language; a language without a catalogue is refused. */
export function langOption(value: string | undefined, env: CliProcess['env']): Lang {
  if (value === undefined) return defaultLang(env);
  if (!isLang(value)) throw new UsageError('error.badOption', { option: '--lang', value, allowed: LANGS.join(', ') });
  return value;
}

const isFailOn = (value: string): value is FailOn => (FAIL_ON as readonly string[]).includes(value);

/** --fail-on (default blocking); `new` compares with a previous run, so it needs --baseline. */
export function failOnOption(value: string | undefined, baseline: string | undefined): FailOn {
  const failOn = value ?? 'blocking';
  if (!isFailOn(failOn)) throw new UsageError('error.badOption', { option: '--fail-on', value: failOn, allowed: FAIL_ON.join(', ') });
  if (failOn === 'new' && !baseline) throw new UsageError('error.failOnNewNeedsBaseline');
  return failOn;
}

/** Output paths are tried now (-o, --save-evidence, --evidence-dir): a path we cannot write costs no audit. */
export function resolveSettings(options: CommandOptions, proc: CliProcess): Settings {
  const lang = langOption(options.lang, proc.env);
  const format = options.format ?? (options.output ? formatFromFileName(options.output) : undefined) ?? 'terminal';
  if (!isFormatName(format))
    throw new UsageError('error.badOption', { option: '--format', value: format, allowed: FORMAT_NAMES.join(', ') });
  const failOn = failOnOption(options.failOn, options.baseline);
  if (options.chatonsinfos !== undefined && !/^https?:\/\/[^/]/i.test(options.chatonsinfos)) {
    throw new UsageError('error.badOption', { option: '--chatonsinfos', value: options.chatonsinfos, allowed: 'http(s)://… URL' });
  }
  const cwd = proc.cwd();
  const saveEvidence = options.saveEvidence ? writableFile(resolve(cwd, options.saveEvidence)) : undefined;
  const timeoutMs = integer('--timeout', options.timeout, DEFAULT_TIMING.timeoutMs, 1_000, 600_000);
  const timing: PageTiming = {
    timeoutMs,
    settleCapMs: Math.min(DEFAULT_TIMING.settleCapMs, Math.floor(timeoutMs / 2)),
    quietMs: integer('--quiet-window', options.quietWindow, DEFAULT_TIMING.quietMs, 0, 60_000),
  };
  // Rule authors can try a rules folder of their own before proposing it.
  const ruleSet = loadRuleSet(proc.env.CHATONS_AUDIT_RULES_DIR ?? rulesDir);
  const output = options.output ? writableFile(resolve(cwd, options.output)) : undefined;
  const config = loadConfig(options.config, cwd, ruleSet.rules);
  const mappings = options.mapHost.map(parseHostMapping);
  const trust = loadExtraTrust(options.caCert.map((f) => resolve(cwd, f)));
  const maxPages = integer('--max-pages', options.maxPages, DEFAULT_MAX_PAGES, 1, 100);
  const dnsServers = dnsServersOf(options.dnsServer, proc.env);
  const evidenceDir = options.evidenceDir ? writableDir(resolve(cwd, options.evidenceDir)) : undefined;
  const batch = wantsBatch(options, proc.env);
  const concurrency = integer('--concurrency', options.concurrency, batch ? DEFAULT_CONCURRENCY : 1, 1, 16);
  const shard = shardFrom(options.shard, proc.env) ?? undefined;
  return {
    lang,
    ruleSet,
    ...(config.file ? { configFile: config.file } : {}),
    trackerListsNotice: config.trackerListsNotice,
    levels: config.levels,
    ownDomains: [...config.ownDomains, ...options.ownDomain],
    allowlist: config.allowlist,
    targets: config.targets,
    candidate: Boolean(options.candidate),
    ...(options.chatonsinfos ? { chatonsinfos: options.chatonsinfos } : {}),
    timing,
    maxPages,
    mappings,
    trust,
    ...(dnsServers ? { dnsServers } : {}),
    allowPrivate: Boolean(options.allowPrivate),
    ...(options.browser ? { browserPath: options.browser } : {}),
    locale: 'fr-FR',
    ...(evidenceDir ? { evidenceDir } : {}),
    batch,
    ...(options.targets ? { targetList: options.targets } : {}),
    concurrency,
    ...(shard ? { shard } : {}),
    ...(options.outputDir ? { outputDir: resolve(cwd, options.outputDir) } : {}),
    force: Boolean(options.force),
    ...(options.fromEvidence ? { fromEvidence: resolve(cwd, options.fromEvidence) } : {}),
    format,
    ...(output ? { output } : {}),
    ...(saveEvidence ? { saveEvidence } : {}),
    failOn,
    ...(options.baseline ? { baseline: resolve(cwd, options.baseline) } : {}),
    redact: options.redact !== false,
  };
}

/** --dns-server values, else CHATONS_AUDIT_DNS_SERVER (comma-separated), else none (resolv.conf). */
function dnsServersOf(flags: string[] | undefined, env: CliProcess['env']): Settings['dnsServers'] {
  const specs =
    flags && flags.length > 0
      ? flags
      : (env.CHATONS_AUDIT_DNS_SERVER ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  return specs.length > 0 ? specs.map(parseDnsServer) : undefined;
}

/** A run that audits its targets one by one as the single-site command does: no batch, whatever the environment says. */
export function withoutBatch(settings: Settings): Settings {
  const { shard: _shard, targetList: _list, outputDir: _dir, ...rest } = settings;
  return { ...rest, batch: false, concurrency: 1, force: false };
}

/** What one site is audited and judged with. */
export type SiteSettings = Pick<Settings, 'levels' | 'ownDomains' | 'allowlist' | 'maxPages' | 'candidate' | 'chatonsinfos'>;

/**
 * The run's settings for one target: the configuration's `targets:` entry for its host (levels
 * win, own domains and allowlist add up), then the target's own options from a targets file
 * or a federation.
 */
export function siteSettingsFor(
  settings: Pick<Settings, 'levels' | 'ownDomains' | 'maxPages' | 'candidate'> &
    Partial<Pick<Settings, 'allowlist' | 'targets' | 'chatonsinfos'>>,
  target: string,
  overrides: TargetOverrides = {},
): SiteSettings {
  const site = siteConfigFor(
    {
      levels: { ...settings.levels },
      ownDomains: [...settings.ownDomains, ...(overrides.ownDomains ?? [])],
      allowlist: settings.allowlist ?? [],
      targets: { ...settings.targets },
    },
    target,
  );
  const chatonsinfos = overrides.chatonsinfos ?? settings.chatonsinfos;
  return {
    ...site,
    maxPages: overrides.maxPages ?? settings.maxPages,
    candidate: overrides.candidate ?? settings.candidate,
    ...(chatonsinfos ? { chatonsinfos } : {}),
  };
}
