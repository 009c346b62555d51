/**
 * One browser, one fresh context per site, collect → judge. The run path (run.ts) drives it;
 * benchmarks and browser tests start one directly.
 */
import type { Evidence } from '../contracts/evidence.js';
import type { AuditResult } from '../contracts/result.js';
import type { RuleSet } from '../contracts/rule.js';
import type { Settings } from '../contracts/settings.js';
import { BROWSER_PAGES_AT_ONCE, BrowserSession } from '../collect/browser-session.js';
import { collectSite } from '../collect/site.js';
import { judge } from '../judge/judge.js';
import { writeProvenance } from '../collect/evidence-pack.js';
import { lexiconOf } from '../documents/lexicon.js';
import { DnsResolver } from '../collect/dns/resolver.js';
import { systemDnsServers } from '../collect/dns/servers.js';
import { UsageError } from '../errors.js';
import { siteSettingsFor } from './settings.js';
import type { TargetOverrides } from './batch/targets.js';

/** What an Auditor reads of the run's settings, with the browser found. */
export type AuditSettings = Pick<
  Settings,
  'lang' | 'candidate' | 'ownDomains' | 'mappings' | 'timing' | 'maxPages' | 'trust' | 'levels' | 'locale'
> &
  Partial<Pick<Settings, 'dnsServers' | 'chatonsinfos' | 'allowlist' | 'targets' | 'evidenceDir' | 'allowPrivate' | 'concurrency'>> &
  Required<Pick<Settings, 'browserPath'>>;

export interface SiteAudit {
  evidence: Evidence;
  result: AuditResult;
}

export class Auditor {
  private constructor(
    private readonly session: BrowserSession,
    private readonly settings: AuditSettings,
    private readonly ruleSet: RuleSet,
  ) {}

  static async start(settings: AuditSettings, ruleSet: RuleSet): Promise<Auditor> {
    const session = await BrowserSession.launch({
      executablePath: settings.browserPath,
      trust: settings.trust,
      locale: settings.locale,
      // Sites audited at once each get at least one page slot.
      pagesAtOnce: Math.max(BROWSER_PAGES_AT_ONCE, settings.concurrency ?? 1),
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

  /** `overrides`: the target's own options (a targets file, a federation), on top of the configuration's. */
  async audit(target: URL, overrides: TargetOverrides = {}): Promise<SiteAudit> {
    const site = siteSettingsFor(this.settings, target.href, overrides);
    // A fresh resolver per site: its cache is this audit's.
    const resolver = new DnsResolver({ servers: this.settings.dnsServers ?? systemDnsServers() });
    const evidence = await collectSite(this.session, target, {
      timing: this.settings.timing,
      maxPages: site.maxPages,
      evidenceOptions: {
        ownDomains: site.ownDomains,
        candidate: site.candidate,
        ...(site.chatonsinfos ? { chatonsinfos: site.chatonsinfos } : {}),
      },
      resolver,
      probe: { mappings: this.settings.mappings, trust: this.settings.trust, timeoutMs: Math.min(10_000, this.settings.timing.timeoutMs) },
      ...(this.settings.evidenceDir ? { evidenceDir: this.settings.evidenceDir } : {}),
      allowPrivate: Boolean(this.settings.allowPrivate),
      lexicon: lexiconOf(this.ruleSet.data),
    });
    await refuseOfflineAudit(evidence, resolver);
    const result = judge(evidence, this.ruleSet, { lang: this.settings.lang, levels: site.levels, allowlist: site.allowlist });
    const packProblem = writeProvenance(result, evidence, {
      maxPages: site.maxPages,
      timing: this.settings.timing,
      levels: site.levels,
      allowlist: site.allowlist,
    });
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
export async function refuseOfflineAudit(
  evidence: Evidence,
  resolver: Pick<DnsResolver, 'silent' | 'servers' | 'answersControlQuestion'>,
): Promise<void> {
  if (resolver.silent && !(await resolver.answersControlQuestion())) {
    throw new UsageError('error.auditorDnsSilent', { servers: resolver.servers.map((s) => `${s.address}:${s.port}`).join(', ') });
  }
  const noNetwork = evidence.pages.find((p) => p.role === 'portal' && p.error && NO_NETWORK.test(p.error));
  if (noNetwork?.error) throw new UsageError('error.auditorNoNetwork', { error: noNetwork.error });
}
