/**
 * Evidence → AuditResult. Pure: the same evidence always gives the same result, which is what
 * makes --from-evidence and golden tests possible.
 */
import type { Evidence } from './contracts/evidence.js';
import type { AuditResult, RequestSummary } from './contracts/result.js';
import type { Lang, RuleLevel } from './contracts/rule.js';
import { derive, type Derived } from './rules/derived.js';
import { evaluateRules } from './rules/engine.js';
import type { RuleSet } from './rules/loader.js';
import { verdictOf } from './rules/verdict.js';
import { applyAllowlist, type AllowEntry } from './allowlist.js';

export interface JudgeOptions {
  lang: Lang;
  levels: Readonly<Record<string, RuleLevel>>;
  /** Third parties accepted by configuration, each with its justification. */
  allowlist?: readonly AllowEntry[];
}

function summariseRequests(evidence: Evidence, derived: Derived): RequestSummary[] {
  return evidence.requests.map((r) => ({
    url: r.url, host: r.host, page: r.page, resourceType: r.resourceType,
    party: r.host ? derived.party.partyOf(r.host) : 'first',
    status: r.status, failure: r.failure,
  }));
}

export function judge(evidence: Evidence, ruleSet: RuleSet, options: JudgeOptions): AuditResult {
  const derived = derive(evidence);
  const rules = evaluateRules(evidence, derived, ruleSet, options);
  const result: AuditResult = {
    schemaVersion: 1,
    tool: { ...evidence.tool, lists: [] },
    lang: options.lang,
    target: evidence.target,
    startedAt: evidence.startedAt,
    durationMs: Math.max(0, Date.parse(evidence.finishedAt) - Date.parse(evidence.startedAt)),
    verdict: verdictOf(rules),
    ownDomains: [...derived.party.ownDomains],
    pages: evidence.pages.map((p) => ({ url: p.url, finalUrl: p.finalUrl, status: p.status, role: p.role, error: p.error })),
    requests: summariseRequests(evidence, derived),
    dns: [],
    rules,
    errors: evidence.errors,
  };
  if (evidence.pack) result.evidencePack = evidence.pack;
  return applyAllowlist(result, options.allowlist ?? []);
}
