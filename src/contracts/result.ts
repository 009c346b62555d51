/**
 * RuleResult and AuditResult: what judgement produces and reporters print.
 * The JSON form is a public contract (schemaVersion; JSON Schema in audit-result.schema.json).
 */
import type { CollectError, DnsRecord, DnsStatus, EvidencePackIndex, PageRole, RequestPhase, ResourceType, ToolInfo } from './evidence.js';
import type { ChecklistSection, Lang, RuleLevel } from './rule.js';

export type Outcome = 'pass' | 'fail' | 'needs-review' | 'not-applicable' | 'error';
export type Verdict = 'compliant' | 'non-compliant' | 'incomplete';
export type Party = 'first' | 'third';

/** Values interpolated into a message ({host}, {count}...). */
export type MessageArgs = Readonly<Record<string, string | number>>;

/**
 * One finding = one (rule, page, host or subject, code), with a count and a few examples,
 * so reports stay short and baselines can match findings across runs.
 */
export interface Finding {
  code: string;
  message: string;
  args: MessageArgs;
  page: string | null;
  pageRole: PageRole | null;
  host?: string;
  subject?: string;
  /** First example URL. */
  url?: string;
  count: number;
  examples: string[];
  /** Set when the host is on the configuration's allowlist: visible, but does not fail the rule. */
  allowed?: { justification: string };
  /** Set when compared with --baseline: absent from the previous run (new) or present in both. */
  baseline?: 'new' | 'unchanged';
}

export interface RuleResult {
  id: string;
  level: RuleLevel;
  outcome: Outcome;
  section: ChecklistSection;
  title: string;
  /** How to fix, in the report language. */
  help: string;
  /** Why the outcome is needs-review, not-applicable or error. */
  reason?: string;
  findings: Finding[];
}

interface PageSummary {
  url: string;
  finalUrl: string | null;
  status: number | null;
  role: PageRole;
  error: string | null;
}

export interface TrackerMatch {
  name: string;
  organization: string;
  category: string;
  /** The filter text that matched, or `<source>: <domain pattern>` when only the host is known. */
  rule: string;
  /** Id of the filter list the rule comes from (absent for a host-only match). */
  list?: string;
}

export interface RequestSummary {
  url: string;
  host: string;
  page: string;
  resourceType: ResourceType;
  party: Party;
  status: number | null;
  failure: string | null;
  /** When in the page visit it started (load, interaction, late, leave). */
  phase?: RequestPhase;
  cname?: string[];
  tracker?: TrackerMatch;
}

export interface ListInfo {
  name: string;
  version: string;
  /** When the list was published (or vendored), ISO date. */
  updated?: string;
}

export interface AuditResult {
  schemaVersion: 1;
  tool: ToolInfo & { lists: ListInfo[] };
  lang: Lang;
  target: string;
  startedAt: string;
  durationMs: number;
  verdict: Verdict;
  ownDomains: string[];
  pages: PageSummary[];
  requests: RequestSummary[];
  dns: DnsSummary[];
  rules: RuleResult[];
  errors: CollectError[];
  /** Questions no tool can answer, for the reviewer (CHARTER.md, last section). */
  questions?: string[];
  /** Where the evidence pack (--evidence-dir) put this site's files. */
  evidencePack?: EvidencePackIndex;
  /** Comparison with --baseline: findings of the previous run that are gone. */
  baseline?: BaselineSummary;
}

export interface ResolvedFinding {
  rule: string;
  code: string;
  pageRole: PageRole | null;
  host?: string;
  subject?: string;
  message: string;
}

interface BaselineSummary {
  file: string;
  new: number;
  unchanged: number;
  resolved: ResolvedFinding[];
}

/** DNS in the result: the evidence's record; `status` is optional in results written before it existed. */
export type DnsSummary = Omit<DnsRecord, 'status'> & { status?: DnsStatus };
