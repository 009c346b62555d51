/**
 * chatons-audit as a library. `audit(url, options)` runs the command line's own run path
 * (src/audit/run.ts) on one site and returns its result; `reporters` render a result in any of
 * the command line's formats. Options are the command line's, spelled for JavaScript, and are
 * validated the same way: a bad one throws an Error whose message is the CLI's one line.
 */
import type { AuditResult } from './contracts/result.js';
import type { Lang } from './contracts/rule.js';
import { UsageError } from './errors.js';
import { runAudit } from './audit/run.js';
import { resolveSettings, withoutBatch, type CommandOptions } from './audit/settings.js';
import { defaultLang, t } from './i18n/catalog.js';
import type { CliProcess } from './util/io.js';

export { reporters, FORMAT_NAMES } from './report/index.js';
export type { Reporter, ReportOptions } from './report/reporter.js';
export type { FormatName } from './contracts/settings.js';
export type * from './contracts/evidence.js';
export type * from './contracts/result.js';
export type * from './contracts/rule.js';

export interface AuditOptions {
  /** Language of the result's texts (default: from LANG in `env`, else French). */
  lang?: Lang;
  /** A YAML configuration file; without it, `.chatons-audit.yml` in `cwd` is read if present, as the CLI does. */
  config?: string;
  /** Extra first-party domains (--own-domain). */
  ownDomains?: readonly string[];
  /** `pattern=addr[:port]` rules (--map-host): where the audit's connections to matching hosts go. */
  mapHost?: readonly string[];
  /** Extra CA files (PEM) trusted for this audit only (--ca-cert). */
  caCert?: readonly string[];
  /** DNS servers, `addr[:port]` (--dns-server); default: CHATONS_AUDIT_DNS_SERVER, else /etc/resolv.conf. */
  dnsServers?: readonly string[];
  /** Pages visited per site (default DEFAULT_MAX_PAGES, src/audit/settings.ts). */
  maxPages?: number;
  /** Per page, in milliseconds (default DEFAULT_TIMING.timeoutMs). */
  timeoutMs?: number;
  /** The quiet window a page's network must keep before it counts as settled, in milliseconds (default DEFAULT_TIMING.quietMs). */
  quietWindowMs?: number;
  /** The Chromium executable; default: CHATONS_AUDIT_BROWSER, then discovered. */
  browser?: string;
  /** Candidate mode: membership claims are findings. */
  candidate?: boolean;
  /** Allow targets and pages on loopback, private or link-local addresses. */
  allowPrivate?: boolean;
  /** A ChatonsInfos properties file to read instead of probing for one. */
  chatonsinfos?: string;
  /** Write an evidence pack (screenshots, HAR, sources) under this folder. */
  evidenceDir?: string;
  /** Where relative paths are read from (default: process.cwd()). */
  cwd?: string;
  /** The environment read as the CLI reads it (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Audits one site: collect with a browser, judge, and return the result. */
export async function audit(url: string | URL, options: AuditOptions = {}): Promise<AuditResult> {
  const [result] = await auditSites([url], options);
  if (!result) throw new Error(t(options.lang ?? defaultLang(options.env ?? process.env), 'error.noResult', { target: String(url) }));
  return result;
}

/** Audits several sites one after the other on one browser; the results come in the order given. */
export async function auditSites(urls: readonly (string | URL)[], options: AuditOptions = {}): Promise<AuditResult[]> {
  const env = options.env ?? process.env;
  // The run writes its report and progress to the process it is given: here, nowhere.
  const silent = { write: () => true };
  const proc: CliProcess = { argv: [], env, stdout: silent, stderr: silent, cwd: () => options.cwd ?? process.cwd() };
  try {
    const settings = withoutBatch(resolveSettings(commandOptions(options), proc));
    return (await runAudit(urls.map(String), settings, proc)).results;
  } catch (error) {
    if (error instanceof UsageError) throw new Error(error.text(options.lang ?? defaultLang(env)), { cause: error });
    throw error;
  }
}

/** The options as the command line would have given them, so both are validated by one function. */
function commandOptions(options: AuditOptions): CommandOptions {
  const number = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));
  return {
    format: 'json',
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.config ? { config: options.config } : {}),
    ownDomain: [...(options.ownDomains ?? [])],
    mapHost: [...(options.mapHost ?? [])],
    caCert: [...(options.caCert ?? [])],
    dnsServer: [...(options.dnsServers ?? [])],
    maxPages: number(options.maxPages),
    timeout: number(options.timeoutMs),
    quietWindow: number(options.quietWindowMs),
    ...(options.browser ? { browser: options.browser } : {}),
    candidate: Boolean(options.candidate),
    allowPrivate: Boolean(options.allowPrivate),
    ...(options.chatonsinfos ? { chatonsinfos: options.chatonsinfos } : {}),
    ...(options.evidenceDir ? { evidenceDir: options.evidenceDir } : {}),
  };
}
