/**
 * What every human-readable report shows of a rule's findings, computed from the generic
 * Finding fields only (never per-rule code), so rules added later render as well.
 */
import type { Finding, RuleResult } from '../contracts/result.js';
import type { PageRole } from '../contracts/evidence.js';

export interface FindingGroup {
  /** Host, else subject, else null (a finding about the site as a whole). */
  key: string | null;
  message: string;
  count: number;
  pages: string[];
  roles: PageRole[];
  examples: string[];
  types: string[];
  allowed?: string;
  baseline?: 'new' | 'unchanged';
}

/** Findings of one host (or subject) across pages become one line: reports stay short. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const order: FindingGroup[] = [];
  for (const f of findings) {
    const key = f.host ?? f.subject ?? null;
    const id = key === null ? `\u0000${f.message}` : `${key}\u0000${f.code}`;
    let g = groups.get(id);
    if (!g) {
      g = { key, message: f.message, count: 0, pages: [], roles: [], examples: [], types: [] };
      groups.set(id, g);
      order.push(g);
    }
    g.count += f.count;
    if (f.page && !g.pages.includes(f.page)) g.pages.push(f.page);
    if (f.pageRole && !g.roles.includes(f.pageRole)) g.roles.push(f.pageRole);
    for (const e of f.examples) if (g.examples.length < 3 && !g.examples.includes(e)) g.examples.push(e);
    for (const type of String(f.args.types ?? '').split(', ').filter(Boolean)) if (!g.types.includes(type)) g.types.push(type);
    if (f.allowed) g.allowed = f.allowed.justification;
    // One new finding makes the group new: that is what a re-audit reader looks for.
    if (f.baseline === 'new' || (f.baseline && !g.baseline)) g.baseline = f.baseline;
  }
  return order.sort((a, b) => Number(Boolean(a.allowed)) - Number(Boolean(b.allowed)) || b.count - a.count || (a.key ?? '').localeCompare(b.key ?? ''));
}

/** Rules whose findings are shown: failures and questions, plus any rule with allowed findings. */
export function showsFindings(rule: RuleResult): boolean {
  return rule.outcome === 'fail' || rule.outcome === 'needs-review' || rule.findings.some((f) => f.allowed);
}

/** Every allowlisted host of the result with its justification, once each. */
export function allowedHosts(rules: readonly RuleResult[]): { host: string; justification: string; rules: string[] }[] {
  const byHost = new Map<string, { host: string; justification: string; rules: string[] }>();
  for (const r of rules) {
    for (const f of r.findings) {
      if (!f.allowed || !f.host) continue;
      const entry = byHost.get(f.host) ?? { host: f.host, justification: f.allowed.justification, rules: [] };
      if (!entry.rules.includes(r.id)) entry.rules.push(r.id);
      byHost.set(f.host, entry);
    }
  }
  return [...byHost.values()].sort((a, b) => a.host.localeCompare(b.host));
}

const PHONE = /(?:\+33[\s.]?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g;
/** A French street address: number, way type, name (up to the next comma, line or sentence end). */
const STREET = /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|route|quai|cours|passage|square)\s[^,\n.;<>]{2,60}/gi;

/**
 * Personal phone numbers and street addresses quoted from legal notices are not for a public
 * forum (DESIGN.md): the markdown review masks them unless --no-redact.
 */
export function redactPersonal(text: string, mask: string): string {
  return text.replace(PHONE, mask).replace(STREET, mask);
}
