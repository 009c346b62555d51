/**
 * The settings of one run, resolved once from the command line, the configuration file and the
 * environment (src/audit/settings.ts), then read as they are all the way down to the collector.
 * Each stage takes a `Pick<Settings, …>` of what it reads, so this type lives in the base layer.
 */
import type { Lang, RuleLevel, RuleSet } from './rule.js';

/** `--map-host pattern=addr[:port]`: every access of the audit to a matching host goes there. */
export interface HostMapping {
  /** "host", "*.host" or "*". */
  pattern: string;
  address: string;
  port: number | null;
}

/** `--ca-cert`: extra CAs trusted for this audit only. */
export interface ExtraTrust {
  /** PEM texts of the extra CAs. */
  pems: string[];
  /** base64(sha256(SPKI)) of each extra CA, for Chromium. */
  spkiHashes: string[];
}

export interface PageTiming {
  /** Whole page budget: navigation, settle and extraction. */
  timeoutMs: number;
  /** Cap on waiting for the network to go quiet, inside the page budget. */
  settleCapMs: number;
  /** Quiet window: long enough to catch a tracker injected a second or two after load. */
  quietMs: number;
}

export interface DnsServer {
  address: string;
  port: number;
}

/** A third party a reviewer accepted (configuration), with its justification. */
export interface AllowEntry {
  /** A host name, or `*.domain` for every subdomain of domain (and domain itself). */
  host: string;
  justification: string;
}

/** What the configuration sets for every site, or for one target (`targets:` section). */
export interface SiteConfig {
  levels: Record<string, RuleLevel>;
  ownDomains: string[];
  allowlist: AllowEntry[];
}

/** `--shard i/n`, 1-based. */
export interface Shard {
  index: number;
  total: number;
}

export const FAIL_ON = ['never', 'blocking', 'incomplete', 'suggestion', 'new'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The report formats (src/report/index.ts registers one reporter for each). */
export type FormatName = 'terminal' | 'json' | 'markdown' | 'html' | 'sarif' | 'junit';

export interface Settings {
  lang: Lang;

  // What is judged, and how.
  ruleSet: RuleSet;
  /** The configuration file read, if any. */
  configFile?: string;
  /** Configuration `trackerListsNotice: false` silences the notice about old tracker lists. */
  trackerListsNotice: boolean;
  /** Rule levels set by configuration. */
  levels: Readonly<Record<string, RuleLevel>>;
  /** Extra first-party domains: the configuration's, then --own-domain. */
  ownDomains: string[];
  allowlist: AllowEntry[];
  /** Per-target configuration, keyed by host name (lower case). */
  targets: Readonly<Record<string, SiteConfig>>;
  candidate: boolean;
  /** --chatonsinfos: the ChatonsInfos file to read instead of probing for it. */
  chatonsinfos?: string;

  // How sites are visited.
  timing: PageTiming;
  maxPages: number;
  mappings: readonly HostMapping[];
  trust: ExtraTrust;
  /** --dns-server; absent: the nameservers of /etc/resolv.conf. */
  dnsServers?: DnsServer[];
  /** Let pages reach loopback, private or link-local addresses. */
  allowPrivate: boolean;
  /** --browser, else discovered when a browser is needed (re-judging needs none). */
  browserPath?: string;
  locale: string;
  /** Evidence pack root (--evidence-dir), absolute. */
  evidenceDir?: string;

  // Which sites, and how many at once.
  /** Batch behaviour (progress bar, per-site errors, summary): asked by a batch option or GitLab's parallel jobs. */
  batch: boolean;
  /** --targets: a file or an http(s) URL listing targets, or a ChatonsInfos federation file. */
  targetList?: string;
  /** Sites audited at once on one browser. */
  concurrency: number;
  shard?: Shard;
  /** --output-dir, absolute: one JSON file per site and summary.json. */
  outputDir?: string;
  /** Audit again the sites already written in the output folder. */
  force: boolean;
  /** --from-evidence, absolute: judge saved evidence instead of visiting. */
  fromEvidence?: string;

  // What is written, and when the run fails.
  format: FormatName;
  /** -o, absolute; absent: stdout. */
  output?: string;
  /** --save-evidence, absolute. */
  saveEvidence?: string;
  failOn: FailOn;
  /** --baseline, absolute. */
  baseline?: string;
  /** Mask personal phone numbers and addresses in public reports (--no-redact turns it off). */
  redact: boolean;
}
