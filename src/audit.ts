/**
 * The audit pipeline for one run: one browser, one fresh context per site, collect → judge.
 * Library entry point as well as the CLI's engine.
 */
import type { Evidence } from './contracts/evidence.js';
import type { AuditResult } from './contracts/result.js';
import type { Lang, RuleLevel } from './contracts/rule.js';
import { BrowserSession } from './collect/browser-session.js';
import type { HostMapping } from './collect/map-host.js';
import type { PageTiming } from './collect/page.js';
import { collectSite } from './collect/site.js';
import type { ExtraTrust } from './collect/trust.js';
import { judge } from './judge.js';
import { writeProvenance } from './collect/evidence-pack.js';
import type { RuleSet } from './rules/loader.js';
import type { AllowEntry } from './allowlist.js';
import { siteConfigFor, type SiteConfig } from './config.js';

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
  /** Accepted third parties (configuration), each with its justification. */
  allowlist?: AllowEntry[];
  /** Per-target configuration overrides, keyed by host name. */
  targets?: Record<string, SiteConfig>;
  /** Evidence pack directory (--evidence-dir): screenshots, HAR, sources, provenance. */
  evidenceDir?: string;
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
      executablePath: settings.browserPath, mappings: settings.mappings, trust: settings.trust, locale: settings.locale,
    });
    return new Auditor(session, settings, ruleSet);
  }

  get browser(): string {
    return this.session.description;
  }

  async audit(target: URL): Promise<SiteAudit> {
    const site = siteConfigFor({
      levels: { ...this.settings.levels }, ownDomains: this.settings.ownDomains,
      allowlist: this.settings.allowlist ?? [], targets: this.settings.targets ?? {},
    }, target.href);
    const evidence = await collectSite(this.session, target, {
      timing: this.settings.timing,
      maxPages: this.settings.maxPages,
      evidenceOptions: { ownDomains: site.ownDomains, candidate: this.settings.candidate },
      ...(this.settings.evidenceDir ? { evidenceDir: this.settings.evidenceDir } : {}),
    });
    const result = judge(evidence, this.ruleSet, { lang: this.settings.lang, levels: site.levels, allowlist: site.allowlist });
    const packProblem = writeProvenance(result, evidence, { maxPages: this.settings.maxPages, timing: this.settings.timing, levels: site.levels, allowlist: site.allowlist });
    if (packProblem) result.errors = [...result.errors, { stage: 'collect', page: target.href, message: packProblem }];
    return { evidence, result };
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}
