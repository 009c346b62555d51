/**
 * SARIF 2.1.0 (GitHub code scanning, GitLab, IDEs): one reportingDescriptor per rule with its
 * help text, level error for blocking and warning for suggestion, one result per finding with
 * the offending URL as location. Allowlisted findings are results with an external suppression
 * carrying the justification; --baseline maps to SARIF's own baselineState.
 */
import type { AuditResult, Finding, RuleResult } from '../contracts/result.js';
import type { Lang } from '../contracts/rule.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import { jsonText, siteView, type SiteView } from './neutralise.js';
import type { Reporter } from './reporter.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFO_URI = 'https://framagit.org/chatons-audit/chatons-audit';

function levelOf(rule: RuleResult): 'error' | 'warning' | 'note' | 'none' {
  if (rule.outcome === 'needs-review') return 'none';
  return rule.level === 'blocking' ? 'error' : 'warning';
}

function fingerprint(rule: RuleResult, f: Finding): string {
  return [rule.id, f.pageRole ?? '', f.host ?? f.subject ?? '', f.code].join('|');
}

function resultOf(rule: RuleResult, ruleIndex: number, f: Finding, target: string): Record<string, unknown> {
  const uri = f.url ?? f.page ?? target;
  const out: Record<string, unknown> = {
    ruleId: rule.id,
    ruleIndex,
    kind: rule.outcome === 'needs-review' ? 'review' : 'fail',
    level: levelOf(rule),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri } },
        ...(f.page ? { logicalLocations: [{ name: f.page, kind: 'page', fullyQualifiedName: `${f.pageRole ?? 'page'}:${f.page}` }] } : {}),
      },
    ],
    partialFingerprints: { chatonsFinding: fingerprint(rule, f) },
    properties: {
      count: f.count,
      examples: f.examples,
      ...(f.host ? { host: f.host } : {}),
      ...(f.pageRole ? { pageRole: f.pageRole } : {}),
    },
  };
  if (f.allowed) out.suppressions = [{ kind: 'external', status: 'accepted', justification: f.allowed.justification }];
  if (f.baseline) out.baselineState = f.baseline;
  return out;
}

/**
 * `chatons-audit/<host>[<path>]/`, distinct for every run of the log: code scanning (GitHub)
 * refuses several runs of one tool that share a category, and the trailing slash makes the
 * whole id a category (SARIF §3.17.4).
 */
function automationIds(targets: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return targets.map((target) => {
    let key: string;
    try {
      const url = new URL(target);
      key = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      key = target;
    }
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `chatons-audit/${key}${n > 1 ? `-${n}` : ''}/`;
  });
}

function runOf(result: SiteView, lang: Lang, automationId: string): Record<string, unknown> {
  const rules = result.rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: `${t(lang, `section.${r.section}` as MessageKey)} — ${r.title}` },
    help: { text: r.help || r.title },
    helpUri: `${INFO_URI}#rules`,
    defaultConfiguration: { level: r.level === 'blocking' ? 'error' : 'warning' },
    properties: { section: r.section, level: r.level, outcome: r.outcome },
  }));
  const results = result.rules.flatMap((r, i) =>
    r.outcome === 'fail' || r.outcome === 'needs-review' || r.findings.some((f) => f.allowed)
      ? r.findings.map((f) => resultOf(r, i, f, result.target))
      : [],
  );
  const notifications = result.rules
    .filter((r) => r.outcome === 'error' || (r.outcome === 'needs-review' && r.findings.length === 0))
    .map((r) => ({
      level: r.outcome === 'error' ? 'error' : 'note',
      message: { text: `${r.id}: ${r.reason ?? t(lang, `outcome.${r.outcome}` as MessageKey)}` },
      associatedRule: { id: r.id },
    }));
  return {
    tool: { driver: { name: result.tool.name, version: result.tool.version, informationUri: INFO_URI, rules } },
    automationDetails: { id: automationId },
    invocations: [
      {
        executionSuccessful: true,
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    originalUriBaseIds: { TARGET: { uri: result.target } },
    results,
    properties: { target: result.target, verdict: result.verdict, lang: result.lang },
  };
}

/** Several audited sites make one log: one run each. */
export function renderSarif(results: readonly AuditResult[], lang: Lang): string {
  // Ids from the parsed URL (host in ASCII, path percent-encoded), before any quoting of site text.
  const ids = automationIds(results.map((r) => r.target));
  return `${jsonText({ $schema: SCHEMA, version: '2.1.0', runs: results.map((r, i) => runOf(siteView(r), lang, ids[i] ?? '')) }, 2)}\n`;
}

export const sarifReporter: Reporter = (result: AuditResult, { lang }) => renderSarif([result], lang);
