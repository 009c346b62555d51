/**
 * --baseline previous.json: compares this run's findings with a previous run's, for periodic
 * re-audits. A finding is the same across runs when (rule, pageRole, host or subject, code)
 * match: page URLs and counts may change, the problem is the same one.
 */
import { readFileSync } from 'node:fs';
import type { AuditResult, Finding, ResolvedFinding } from '../contracts/result.js';
import { UsageError } from '../errors.js';

function keyOf(rule: string, f: Pick<Finding, 'code' | 'pageRole' | 'host' | 'subject'>): string {
  return JSON.stringify([rule, f.pageRole ?? '', f.host ?? f.subject ?? '', f.code]);
}

/** Findings that count: a rule that passes keeps no finding worth tracking unless allowed ones. */
function tracked(result: AuditResult): { rule: string; finding: Finding }[] {
  return result.rules.flatMap((r) => r.findings.map((finding) => ({ rule: r.id, finding })));
}

/** Pure: marks each finding new or unchanged and lists the previous findings that are gone. */
export function compareWithBaseline(result: AuditResult, previous: AuditResult | undefined, file: string): AuditResult {
  const before = new Map<string, ResolvedFinding>();
  for (const { rule, finding } of previous ? tracked(previous) : []) {
    const resolved: ResolvedFinding = { rule, code: finding.code, pageRole: finding.pageRole, message: finding.message };
    if (finding.host) resolved.host = finding.host;
    if (finding.subject) resolved.subject = finding.subject;
    before.set(keyOf(rule, finding), resolved);
  }
  const seen = new Set<string>();
  let fresh = 0;
  const rules = result.rules.map((r) => ({
    ...r,
    findings: r.findings.map((f): Finding => {
      const key = keyOf(r.id, f);
      seen.add(key);
      const state = before.has(key) ? 'unchanged' : 'new';
      if (state === 'new') fresh++;
      return { ...f, baseline: state };
    }),
  }));
  const resolved = [...before.entries()].filter(([k]) => !seen.has(k)).map(([, v]) => v);
  return { ...result, rules, baseline: { file, new: fresh, unchanged: seen.size - fresh, resolved } };
}

/** Reads a JSON result, an array of them, or NDJSON (what several targets print). */
export function loadBaseline(path: string): AuditResult[] {
  let results: unknown[];
  try {
    const text = readFileSync(path, 'utf8').trim();
    results = text.startsWith('[')
      ? (JSON.parse(text) as unknown[])
      : text.includes('\n{')
        ? text
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l) as unknown)
        : [JSON.parse(text) as unknown];
  } catch (error) {
    throw new UsageError('error.baselineUnreadable', { file: path, detail: ((error as Error).message.split('\n')[0] ?? '').trim() });
  }
  if (
    results.some(
      (r) => typeof r !== 'object' || r === null || (r as AuditResult).schemaVersion !== 1 || !Array.isArray((r as AuditResult).rules),
    )
  ) {
    throw new UsageError('error.baselineUnreadable', { file: path }, { detail: { key: 'error.notResult' } });
  }
  return results as AuditResult[];
}

export function baselineFor(target: string, baselines: readonly AuditResult[]): AuditResult | undefined {
  return baselines.find((b) => b.target === target) ?? (baselines.length === 1 ? baselines[0] : undefined);
}
