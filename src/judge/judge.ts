/**
 * Evidence → AuditResult. Pure: the same evidence always gives the same result, which is what
 * makes --from-evidence and golden tests possible.
 */
import type { Evidence } from '../contracts/evidence.js';
import type { AuditResult, DnsSummary, RequestSummary } from '../contracts/result.js';
import type { Lang, RuleLevel, RuleSet } from '../contracts/rule.js';
import { derive, type Derived } from './derived.js';
import { evaluateRules } from './engine.js';
import { verdictOf } from './verdict.js';
import { trackerLists } from '../trackers/index.js';
import { reviewerQuestions } from './questions.js';
import { applyAllowlist } from './allowlist.js';
import type { AllowEntry } from '../contracts/settings.js';

export interface JudgeOptions {
  lang: Lang;
  levels: Readonly<Record<string, RuleLevel>>;
  /** Third parties accepted by configuration, each with its justification. */
  allowlist?: readonly AllowEntry[];
}

function summariseRequests(evidence: Evidence, derived: Derived): RequestSummary[] {
  return evidence.requests.map((r) => {
    const summary: RequestSummary = {
      url: r.url,
      host: r.host,
      page: r.page,
      resourceType: r.resourceType,
      party: r.host ? derived.party.partyOf(r.host) : 'first',
      status: r.status,
      failure: r.failure,
    };
    if (r.phase) summary.phase = r.phase;
    const cname = r.host ? derived.party.cnameOf(r.host) : [];
    if (cname.length > 0) summary.cname = [...cname];
    // Tracker knowledge names third parties only: a first-party matomo.js is the site itself.
    const tracker = summary.party === 'third' ? derived.trackerOf(r) : undefined;
    if (tracker) summary.tracker = tracker;
    return summary;
  });
}

function summariseDns(evidence: Evidence): DnsSummary[] {
  return (evidence.dns ?? []).map((d) => ({
    host: d.host,
    cname: d.cname,
    addresses: d.addresses,
    mx: d.mx,
    ns: d.ns,
    status: d.status,
    error: d.error,
  }));
}

export function judge(evidence: Evidence, ruleSet: RuleSet, options: JudgeOptions): AuditResult {
  const derived = derive(evidence);
  const rules = evaluateRules(evidence, derived, ruleSet, options);
  const result: AuditResult = {
    schemaVersion: 1,
    // Matching runs here, at judgement time, against the lists shipped with this version: the
    // result says which lists (and versions) named the requests, and re-judging saved evidence
    // with newer lists names what the old ones missed.
    tool: { ...evidence.tool, lists: trackerLists() },
    lang: options.lang,
    target: evidence.target,
    startedAt: evidence.startedAt,
    durationMs: Math.max(0, Date.parse(evidence.finishedAt) - Date.parse(evidence.startedAt)),
    verdict: verdictOf(rules),
    ownDomains: [...derived.party.ownDomains],
    pages: evidence.pages.map((p) => ({ url: p.url, finalUrl: p.finalUrl, status: p.status, role: p.role, error: p.error })),
    requests: summariseRequests(evidence, derived),
    dns: summariseDns(evidence),
    rules,
    errors: evidence.errors,
    questions: reviewerQuestions(options.lang),
  };
  if (evidence.pack) result.evidencePack = evidence.pack;
  return applyAllowlist(result, options.allowlist ?? []);
}
