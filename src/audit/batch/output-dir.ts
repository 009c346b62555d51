/**
 * The batch output folder: `DIR/<host>.json` per site, written as soon as the site is done,
 * and `DIR/summary.json`. Files are written to a temporary name then renamed, so a run killed
 * mid-write never leaves a half file that a resumed run would take for a finished site.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { UsageError } from '../../errors.js';
import { writableDir } from '../output-paths.js';
import { boundedName, MAX_FILE_NAME } from '../../util/paths.js';
import type { AuditResult, Verdict } from '../../contracts/result.js';

export const SUMMARY_FILE = 'summary.json';

/**
 * `<host>.json` for a site root; port and path are added (with a short hash) otherwise. The
 * host is in its ASCII form (an IDN as punycode), and the name is bounded (`boundedName`).
 */
export function siteFileName(url: URL): string {
  const host = (domainToASCII(url.hostname) || url.hostname).replace(/^\[|\]$/g, '');
  const extra = `${url.port ? `_${url.port}` : ''}${url.pathname !== '/' || url.search ? `_${url.pathname}${url.search}` : ''}`;
  const hash = createHash('sha256').update(url.href).digest('hex').slice(0, 8);
  const stem = extra
    ? `${host}${extra
        .replace(/[^a-z0-9.-]+/gi, '_')
        .replace(/_+$/, '')
        .slice(0, 60)}_${hash}`
    : host;
  return `${boundedName(stem, url.href, MAX_FILE_NAME - '.json'.length)}.json`;
}

export function ensureDir(dir: string): void {
  writableDir(dir);
}

/** Leftovers of a run killed mid-write (never taken for finished sites, but clutter). */
export function removeTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) if (/\.json\.\d+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}

export function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** A finished site's result, or null when the file is missing, partial or for another URL. */
export function readSiteResult(dir: string, url: URL): AuditResult | null {
  const result = readResultFile(join(dir, siteFileName(url)));
  return result && result.target === url.href ? result : null;
}

function readResultFile(file: string): AuditResult | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as AuditResult;
    return parsed && parsed.schemaVersion === 1 && typeof parsed.target === 'string' && Array.isArray(parsed.rules) ? parsed : null;
  } catch {
    return null;
  }
}

/** The summary line of a site that could not be audited, or of a member file that could not be read. */
export function unauditedSummary(target: string, error: string): SiteSummary {
  return { target, file: null, verdict: null, durationMs: null, failing: [], error };
}

/**
 * The entries of a folder's summary that have no site file: sites that could not be audited and
 * federation members that could not be read. `merge` carries them, so no shard loses them.
 */
export function readUnaudited(dir: string): SiteSummary[] {
  try {
    const summary = JSON.parse(readFileSync(join(dir, SUMMARY_FILE), 'utf8')) as Partial<BatchSummary> | null;
    const sites = Array.isArray(summary?.sites) ? summary.sites : [];
    return sites
      .filter((s) => s && typeof s.target === 'string' && s.file === null && s.verdict === null && typeof s.error === 'string')
      .map((s) => unauditedSummary(s.target, s.error as string));
  } catch {
    return [];
  }
}

/** Every site result in a folder (shard outputs for `merge`). */
export function readResultsDir(dir: string): AuditResult[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new UsageError('error.outputUnwritable', {
      file: dir,
      detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  }
  return names
    .filter((n) => n.endsWith('.json') && n !== SUMMARY_FILE)
    .sort()
    .map((n) => readResultFile(join(dir, n)))
    .filter((r): r is AuditResult => r !== null);
}

export interface SiteSummary {
  target: string;
  file: string | null;
  verdict: Verdict | null;
  durationMs: number | null;
  /** Blocking rules that failed. */
  failing: string[];
  /** Set when the site could not be audited at all (internal error, twice). */
  error?: string;
}

export interface BatchSummary {
  summaryVersion: 1;
  generatedAt: string;
  shard: string | null;
  total: number;
  counts: Record<Verdict | 'error', number>;
  sites: SiteSummary[];
  /** True while the run is under way and when it was interrupted: `pending` lists the sites not done. */
  partial: boolean;
  pending: string[];
}

export function summariseSite(result: AuditResult): SiteSummary {
  return {
    target: result.target,
    file: siteFileName(new URL(result.target)),
    verdict: result.verdict,
    durationMs: result.durationMs,
    failing: result.rules.filter((r) => r.level === 'blocking' && r.outcome === 'fail').map((r) => r.id),
  };
}

/** `pending`: the sites of the run not done yet (none once the run has finished). */
export function buildSummary(sites: SiteSummary[], shard: string | null, pending: readonly string[] = []): BatchSummary {
  const counts: BatchSummary['counts'] = { compliant: 0, 'non-compliant': 0, incomplete: 0, error: 0 };
  for (const s of sites) counts[s.verdict ?? 'error'] += 1;
  return {
    summaryVersion: 1,
    generatedAt: new Date().toISOString(),
    shard,
    total: sites.length,
    counts,
    sites,
    partial: pending.length > 0,
    pending: [...pending],
  };
}
