/**
 * The audit pipeline for one run: one browser, one fresh context per site, collect → judge.
 * Library entry point as well as the CLI's engine.
 */
import type { Evidence } from '../contracts/evidence.js';
import type { AuditResult } from '../contracts/result.js';
import type { Lang, RuleLevel } from '../contracts/rule.js';
import { BROWSER_PAGES_AT_ONCE, BrowserSession } from '../collect/browser-session.js';
import type { HostMapping } from '../collect/map-host.js';
import type { PageTiming } from '../collect/page.js';
import { collectSite } from '../collect/site.js';
import type { ExtraTrust } from '../collect/trust.js';
import { judge } from '../judge/judge.js';
import { writeProvenance } from '../collect/evidence-pack.js';
import type { RuleSet } from '../judge/loader.js';
import { lexiconOf } from '../documents/lexicon.js';
import { DnsResolver } from '../collect/dns/resolver.js';
import { systemDnsServers, type DnsServer } from '../collect/dns/servers.js';
import type { AllowEntry } from '../judge/allowlist.js';
import { siteConfigFor, type SiteConfig } from './config.js';
import { UsageError } from '../errors.js';

export interface AuditSettings {
  lang: Lang;
  candidate: boolean;
  ownDomains: string[];
  mappings: HostMapping[];
  timing: PageTiming;
  maxPages: number;
  browserPath: string;
  trust: ExtraTrust;
  levels: Readonly<Record<string, RuleLevel>>;
  locale: string;
  /** --dns-server; default: the nameservers of /etc/resolv.conf. */
  dnsServers?: DnsServer[];
  /** --chatonsinfos URL. */
  chatonsinfos?: string;
  /** Accepted third parties (configuration), each with its justification. */
  allowlist?: AllowEntry[];
  /** Per-target configuration overrides, keyed by host name. */
  targets?: Record<string, SiteConfig>;
  /** Evidence pack directory (--evidence-dir): screenshots, HAR, sources, provenance. */
  evidenceDir?: string;
  /** Let pages reach loopback/private/link-local addresses (a redirect there is otherwise refused). */
  allowPrivate?: boolean;
  /** Sites audited at once on this browser (--concurrency): each is given at least one page slot. */
  sitesAtOnce?: number;
}

export interface SiteOverrides {
  maxPages?: number;
  ownDomains?: string[];
  candidate?: boolean;
  /** This site's ChatonsInfos file (a federation's subs.* line), instead of --chatonsinfos or probing. */
  chatonsinfos?: string;
}

export interface SiteAudit {
  evidence: Evidence;
  result: AuditResult;
}

export const DEFAULT_TIMING: PageTiming = { timeoutMs: 30_000, settleCapMs: 8_000, quietMs: 2_000 };
export const DEFAULT_MAX_PAGES = 12;

export class Auditor {
  private constructor(
    private readonly session: BrowserSession,
    private readonly settings: AuditSettings,
    private readonly ruleSet: RuleSet,
  ) {}

  static async start(settings: AuditSettings, ruleSet: RuleSet): Promise<Auditor> {
    const session = await BrowserSession.launch({
      executablePath: settings.browserPath, trust: settings.trust, locale: settings.locale,
      pagesAtOnce: Math.max(BROWSER_PAGES_AT_ONCE, settings.sitesAtOnce ?? 1),
    });
    return new Auditor(session, settings, ruleSet);
  }

  get browser(): string {
    return this.session.description;
  }

  /** False once the browser has crashed or been closed (the batch runner then relaunches). */
  get connected(): boolean {
    return this.session.connected;
  }

  /** `overrides`: per-target options of a batch (`--targets` YAML), on top of the configuration's. */
  async audit(target: URL, overrides: SiteOverrides = {}): Promise<SiteAudit> {
    const site = siteConfigFor({
      levels: { ...this.settings.levels }, ownDomains: [...this.settings.ownDomains, ...(overrides.ownDomains ?? [])],
      allowlist: this.settings.allowlist ?? [], targets: this.settings.targets ?? {},
    }, target.href);
    const chatonsinfos = overrides.chatonsinfos ?? this.settings.chatonsinfos;
    // A fresh resolver per site: its cache is this audit's.
    const resolver = new DnsResolver({ servers: this.settings.dnsServers ?? systemDnsServers() });
    const evidence = await collectSite(this.session, target, {
      timing: this.settings.timing,
      maxPages: overrides.maxPages ?? this.settings.maxPages,
      evidenceOptions: {
        ownDomains: site.ownDomains, candidate: overrides.candidate ?? this.settings.candidate,
        ...(chatonsinfos ? { chatonsinfos } : {}),
      },
      resolver,
      probe: { mappings: this.settings.mappings, trust: this.settings.trust, timeoutMs: Math.min(10_000, this.settings.timing.timeoutMs) },
      ...(this.settings.evidenceDir ? { evidenceDir: this.settings.evidenceDir } : {}),
      guard: { mappings: this.settings.mappings, allowPrivate: Boolean(this.settings.allowPrivate) },
      lexicon: lexiconOf(this.ruleSet.data),
    });
    await refuseOfflineAudit(evidence, resolver);
    const result = judge(evidence, this.ruleSet, { lang: this.settings.lang, levels: site.levels, allowlist: site.allowlist });
    const packProblem = writeProvenance(result, evidence, { maxPages: this.settings.maxPages, timing: this.settings.timing, levels: site.levels, allowlist: site.allowlist });
    if (packProblem) result.errors = [...result.errors, { stage: 'collect', page: target.href, message: packProblem }];
    return { evidence, result };
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}

/**
 * Chromium's errors that say the auditor's machine has no network. A name that does not
 * resolve, a refused connection, a TLS or HTTP error are the site's and stay findings.
 */
const NO_NETWORK = /^net::ERR_(INTERNET_DISCONNECTED|NETWORK_ACCESS_DENIED|NETWORK_IO_SUSPENDED)$/;

/**
 * The auditor's own failures are not the candidate's: when the audit's resolver answered nothing
 * at all, not even a question about no site, or the browser had no network, no verdict is given (one line, exit 2; an error in a batch).
 */
export async function refuseOfflineAudit(evidence: Evidence, resolver: Pick<DnsResolver, 'silent' | 'servers' | 'answersControlQuestion'>): Promise<void> {
  if (resolver.silent && !(await resolver.answersControlQuestion())) {
    throw new UsageError('error.auditorDnsSilent', { servers: resolver.servers.map((s) => `${s.address}:${s.port}`).join(', ') });
  }
  const noNetwork = evidence.pages.find((p) => p.role === 'portal' && p.error && NO_NETWORK.test(p.error));
  if (noNetwork?.error) throw new UsageError('error.auditorNoNetwork', { error: noNetwork.error });
}
