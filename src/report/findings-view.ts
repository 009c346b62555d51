/**
 * What every human-readable report shows of a rule's findings, computed from the generic
 * Finding fields only (never per-rule code), so rules added later render as well.
 */
import type { AuditResult, Finding, RuleResult } from '../contracts/result.js';
import type { PageRole } from '../contracts/evidence.js';

export interface FindingGroup {
  /** Host, else subject, else null (a finding about the site as a whole). */
  key: string | null;
  /** Whether `key` is a host name (a subject is an evaluator's id, not for prose). */
  keyIsHost: boolean;
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
      g = { key, keyIsHost: Boolean(f.host), message: f.message, count: 0, pages: [], roles: [], examples: [], types: [] };
      groups.set(id, g);
      order.push(g);
    }
    g.count += f.count;
    if (f.page && !g.pages.includes(f.page)) g.pages.push(f.page);
    if (f.pageRole && !g.roles.includes(f.pageRole)) g.roles.push(f.pageRole);
    for (const e of f.examples) if (g.examples.length < 3 && !g.examples.includes(e)) g.examples.push(e);
    for (const type of String(f.args.types ?? '')
      .split(', ')
      .filter(Boolean))
      if (!g.types.includes(type)) g.types.push(type);
    if (f.allowed) g.allowed = f.allowed.justification;
    // One new finding makes the group new: that is what a re-audit reader looks for.
    if (f.baseline === 'new' || (f.baseline && !g.baseline)) g.baseline = f.baseline;
  }
  return order.sort(
    (a, b) => Number(Boolean(a.allowed)) - Number(Boolean(b.allowed)) || b.count - a.count || (a.key ?? '').localeCompare(b.key ?? ''),
  );
}

/** A third party the site contacts, once, with every shown rule that names it. */
export interface ThirdPartyHost {
  host: string;
  /** Requests to this host over the audited pages. */
  count: number;
  types: string[];
  /** Tracker names and organisations the lists give for it. */
  trackers: string[];
  organizations: string[];
  categories: string[];
  pages: string[];
  roles: PageRole[];
  /** Ids of the rules (failing or to review) whose findings name this host. */
  rules: string[];
  example?: string;
  baseline?: 'new' | 'unchanged';
}

/** The hosts a finding is about: its own, plus those it sums up (an organisation's hosts). */
function findingHosts(f: Finding): string[] {
  const hosts = typeof f.args.hosts === 'string' ? f.args.hosts.split(', ').filter(Boolean) : [];
  return [...new Set([...(f.host ? [f.host] : []), ...hosts])];
}

/**
 * Third parties named by the shown findings of several rules, one entry per host: a tracker
 * breaks three rules at once, and a review that says so three times buries the rest. Allowed
 * findings stay with their rule (they carry a justification).
 */
export function thirdPartyHosts(result: AuditResult): { hosts: ThirdPartyHost[]; isGrouped: (f: Finding) => boolean } {
  const third = new Set(result.requests.filter((r) => r.party === 'third').map((r) => r.host));
  const isGrouped = (f: Finding): boolean => !f.allowed && findingHosts(f).some((h) => third.has(h));
  const byHost = new Map<string, ThirdPartyHost>();
  const entry = (host: string): ThirdPartyHost => {
    let e = byHost.get(host);
    if (!e) {
      e = { host, count: 0, types: [], trackers: [], organizations: [], categories: [], pages: [], roles: [], rules: [] };
      byHost.set(host, e);
    }
    return e;
  };
  for (const rule of result.rules.filter(showsFindings)) {
    for (const f of rule.findings.filter(isGrouped)) {
      for (const host of findingHosts(f).filter((h) => third.has(h))) {
        const e = entry(host);
        if (!e.rules.includes(rule.id)) e.rules.push(rule.id);
        if (f.baseline === 'new' || (f.baseline && !e.baseline)) e.baseline = f.baseline;
      }
    }
  }
  const add = <T>(list: T[], value: T | undefined): void => {
    if (value !== undefined && !list.includes(value)) list.push(value);
  };
  const roleOf = new Map(result.pages.map((p) => [p.url, p.role]));
  for (const r of result.requests) {
    const e = byHost.get(r.host);
    if (!e) continue;
    e.count++;
    add(e.types, r.resourceType);
    add(e.trackers, r.tracker?.name);
    add(e.organizations, r.tracker?.organization);
    add(e.categories, r.tracker?.category);
    add(e.pages, r.page);
    add(e.roles, roleOf.get(r.page));
    e.example ??= r.url;
  }
  const hosts = [...byHost.values()].sort(
    (a, b) =>
      Number(b.trackers.length > 0) - Number(a.trackers.length > 0) ||
      b.rules.length - a.rules.length ||
      b.count - a.count ||
      a.host.localeCompare(b.host),
  );
  return { hosts, isGrouped };
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
const STREET =
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|route|quai|cours|passage|square)\s[^,\n.;<>]{2,60}/gi;

/**
 * Personal phone numbers and street addresses quoted from legal notices are not for a public
 * forum (DESIGN.md): the markdown review masks them unless --no-redact.
 */
export function redactPersonal(text: string, mask: string): string {
  return text.replace(PHONE, mask).replace(STREET, mask);
}
