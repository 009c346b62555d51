/**
 * Turns the audit options into validated settings, or a UsageError naming what is wrong.
 * Everything that can be refused is refused here, before any browser starts.
 */
import { resolve } from 'node:path';
import { DEFAULT_MAX_PAGES, DEFAULT_TIMING } from './auditor.js';
import { parseHostMapping, type HostMapping } from '../collect/map-host.js';
import type { PageTiming } from '../collect/page.js';
import { loadExtraTrust, type ExtraTrust } from '../collect/trust.js';
import { loadConfig, type AuditConfig } from './config.js';
import type { Lang } from '../contracts/rule.js';
import { defaultLang, isLang } from '../i18n/catalog.js';
import { rulesDir } from '../util/paths.js';
import { formatFromFileName, isFormatName, FORMAT_NAMES, type FormatName } from '../report/index.js';
import { loadRuleSet, type RuleSet } from '../judge/loader.js';
import { FAIL_ON, type FailOn } from '../judge/verdict.js';
import type { CliProcess } from '../util/io.js';
import { UsageError } from '../errors.js';
import { writableDir, writableFile } from './output-paths.js';
import { parseDnsServer, type DnsServer } from '../collect/dns/servers.js';

export interface AuditCommandOptions {
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
}

export interface RunSettings {
  lang: Lang;
  format: FormatName;
  output: string | null;
  failOn: FailOn;
  ruleSet: RuleSet;
  config: AuditConfig;
  mappings: HostMapping[];
  trust: ExtraTrust;
  timing: PageTiming;
  maxPages: number;
  /** undefined → the nameservers of /etc/resolv.conf. */
  dnsServers?: DnsServer[];
  /** Absolute path of --baseline, or null. */
  baseline: string | null;
  /** Absolute path of --evidence-dir, or null. */
  evidenceDir: string | null;
  redact: boolean;
}

function integer(option: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError('error.badOption', { option, value: raw, allowed: `${min}–${max}` });
  }
  return value;
}

/** --evidence-dir is created up front: a path we cannot write is a usage error, before any browser. */
export function resolveRunSettings(options: AuditCommandOptions, proc: CliProcess): RunSettings {
  if (options.lang !== undefined && !isLang(options.lang)) {
    throw new UsageError('error.badOption', { option: '--lang', value: options.lang, allowed: 'fr, en' });
  }
  const lang: Lang = options.lang && isLang(options.lang) ? options.lang : defaultLang(proc.env);
  const format = options.format ?? (options.output ? formatFromFileName(options.output) : undefined) ?? 'terminal';
  if (!isFormatName(format)) throw new UsageError('error.badOption', { option: '--format', value: format, allowed: FORMAT_NAMES.join(', ') });
  const failOn = options.failOn ?? 'blocking';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UsageError('error.badOption', { option: '--fail-on', value: failOn, allowed: FAIL_ON.join(', ') });
  }
  if (options.chatonsinfos !== undefined && !/^https?:\/\/[^/]/i.test(options.chatonsinfos)) {
    throw new UsageError('error.badOption', { option: '--chatonsinfos', value: options.chatonsinfos, allowed: 'http(s)://… URL' });
  }
  if (failOn === 'new' && !options.baseline) throw new UsageError('error.failOnNewNeedsBaseline');
  if (options.saveEvidence) writableFile(resolve(proc.cwd(), options.saveEvidence));
  const timeoutMs = integer('--timeout', options.timeout, DEFAULT_TIMING.timeoutMs, 1_000, 600_000);
  const timing: PageTiming = {
    timeoutMs,
    settleCapMs: Math.min(DEFAULT_TIMING.settleCapMs, Math.floor(timeoutMs / 2)),
    quietMs: integer('--quiet-window', options.quietWindow, DEFAULT_TIMING.quietMs, 0, 60_000),
  };
  // Rule authors can try a rules folder of their own before proposing it.
  const ruleSet = loadRuleSet(proc.env.CHATONS_AUDIT_RULES_DIR ?? rulesDir);
  return {
    lang,
    format,
    output: options.output ? writableFile(resolve(proc.cwd(), options.output)) : null,
    failOn: failOn as FailOn,
    ruleSet,
    config: loadConfig(options.config, proc.cwd(), ruleSet.rules),
    mappings: options.mapHost.map(parseHostMapping),
    trust: loadExtraTrust(options.caCert.map((f) => resolve(proc.cwd(), f))),
    timing,
    maxPages: integer('--max-pages', options.maxPages, DEFAULT_MAX_PAGES, 1, 100),
    ...dnsServersOf(options.dnsServer, proc.env),
    baseline: options.baseline ? resolve(proc.cwd(), options.baseline) : null,
    evidenceDir: options.evidenceDir ? writableDir(resolve(proc.cwd(), options.evidenceDir)) : null,
    redact: options.redact !== false,
  };
}

/** --dns-server values, else CHATONS_AUDIT_DNS_SERVER (comma-separated), else none (resolv.conf). */
function dnsServersOf(flags: string[] | undefined, env: CliProcess['env']): { dnsServers?: ReturnType<typeof parseDnsServer>[] } {
  const specs = flags && flags.length > 0 ? flags : (env.CHATONS_AUDIT_DNS_SERVER ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return specs.length > 0 ? { dnsServers: specs.map(parseDnsServer) } : {};
}
