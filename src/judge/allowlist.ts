/**
 * The allowlist: third parties a reviewer accepted, each with a mandatory justification
 * (e.g. videos embedded from another member's PeerTube). An allowlisted host's findings do
 * not fail their rule, but they stay in every report with the justification, so the
 * exception is visible to whoever reads the review.
 */
import type { AuditResult, RuleResult } from '../contracts/result.js';
import { verdictOf } from './verdict.js';
import type { MessageRef, UsageError } from '../errors.js';
import type { AllowEntry } from '../contracts/settings.js';

const HOST_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function parseAllowlist(raw: unknown, key: string, invalid: (key: string, expected: MessageRef) => UsageError): AllowEntry[] {
  const shape: MessageRef = { key: 'config.expect.allowlist' };
  if (!Array.isArray(raw)) throw invalid(key, shape);
  return raw.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw invalid(`${key}[${i}]`, shape);
    const { host, justification, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw invalid(`${key}[${i}].${extra}`, { key: 'config.expect.key', args: { keys: 'host, justification' } });
    if (typeof host !== 'string' || !HOST_PATTERN.test(host)) throw invalid(`${key}[${i}].host`, { key: 'config.expect.allowHost' });
    if (typeof justification !== 'string' || justification.trim().length < 3) {
      throw invalid(`${key}[${i}].justification`, { key: 'config.expect.justification' });
    }
    return { host: host.toLowerCase(), justification: justification.trim() };
  });
}

export function allowEntryFor(host: string, allowlist: readonly AllowEntry[]): AllowEntry | undefined {
  const h = host.toLowerCase();
  return allowlist.find((e) => (e.host.startsWith('*.') ? h === e.host.slice(2) || h.endsWith(e.host.slice(1)) : h === e.host));
}

function allowRule(rule: RuleResult, allowlist: readonly AllowEntry[]): RuleResult {
  let touched = false;
  const findings = rule.findings.map((f) => {
    const entry = f.host ? allowEntryFor(f.host, allowlist) : undefined;
    if (!entry) return f;
    touched = true;
    return { ...f, allowed: { justification: entry.justification } };
  });
  if (!touched) return rule;
  // Only a failure made entirely of allowed hosts turns into a pass; anything else still fails.
  const outcome = rule.outcome === 'fail' && findings.every((f) => f.allowed) ? 'pass' : rule.outcome;
  return { ...rule, outcome, findings };
}

/** Pure: marks allowlisted findings, re-decides each rule and the verdict. */
export function applyAllowlist(result: AuditResult, allowlist: readonly AllowEntry[]): AuditResult {
  if (allowlist.length === 0) return result;
  const rules = result.rules.map((r) => allowRule(r, allowlist));
  return { ...result, rules, verdict: verdictOf(rules) };
}
