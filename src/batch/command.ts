/**
 * The batch side of `chatons-audit audit`: several targets (arguments and/or --targets FILE),
 * a shard of them, bounded concurrency on one browser, and with --output-dir one JSON file per
 * site written as soon as it is done, `summary.json` and a summary table. A run resumed with
 * the same command skips the sites already written (--force audits them again).
 */
import { join, resolve } from 'node:path';
import { Auditor } from '../audit.js';
import { findBrowser } from '../collect/browser-discovery.js';
import type { Evidence } from '../contracts/evidence.js';
import type { AuditResult } from '../contracts/result.js';
import { refusePrivateTargets } from '../domains/target-safety.js';
import { parseTarget } from '../domains/target.js';
import { UsageError } from '../cli/usage-error.js';
import type { CliProcess } from '../cli/io.js';
import type { AuditCommandOptions, RunSettings } from '../cli/run-settings.js';
import { auditSettingsOf } from '../cli/audit-settings.js';
import { exitCodeFor } from '../rules/verdict.js';
import { withBaseline } from '../cli/report-output.js';
import {
  buildSummary, ensureDir, readSiteResult, removeTemporaries, siteFileName, summariseSite, SUMMARY_FILE, writeAtomically, type SiteSummary,
} from './output-dir.js';
import { BatchProgress } from './progress.js';
import { runBatch, type SiteAuditor } from './runner.js';
import { shardFrom, selectShard } from './shard.js';
import { renderSummaryTable } from './summary-table.js';
import { dedupeTargets, readTargetsFile, type BatchTarget } from './targets.js';

/** Measured on the 2-core reference machine (npm run bench): 2 pages at once is the sweet spot. */
export const DEFAULT_CONCURRENCY = 2;

export interface BatchOptions {
  targets?: string;
  outputDir?: string;
  concurrency?: string;
  shard?: string;
  force?: boolean;
}

/** Whether the command line asks for batch behaviour (otherwise the one-site path runs). */
export function wantsBatch(options: BatchOptions, env: CliProcess['env']): boolean {
  return Boolean(options.targets || options.outputDir || options.concurrency || options.shard || (env.CI_NODE_INDEX && env.CI_NODE_TOTAL));
}

/** Everything checked before a browser starts. */
export async function planBatch(urls: string[], options: AuditCommandOptions & BatchOptions, settings: RunSettings, proc: CliProcess): Promise<{
  targets: BatchTarget[]; shard: string | null; concurrency: number;
}> {
  const fromFile = options.targets ? readTargetsFile(resolve(proc.cwd(), options.targets)) : [];
  const all = dedupeTargets([...urls.map((u) => ({ url: parseTarget(u), overrides: {} })), ...fromFile]);
  if (all.length === 0) throw new UsageError('error.noTarget');
  const shard = shardFrom(options.shard, proc.env);
  const concurrency = options.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(options.concurrency);
  if (!/^\d+$/.test(options.concurrency?.trim() ?? '1') || concurrency < 1 || concurrency > 16) {
    throw new UsageError('error.badOption', { option: '--concurrency', value: options.concurrency ?? '', allowed: '1–16' });
  }
  // Every target, not only this shard's: a list with an internal address is refused on every runner.
  await refusePrivateTargets(all.map((t) => t.url), settings.mappings, Boolean(options.allowPrivate));
  return { targets: selectShard(all, shard), shard: shard ? `${shard.index}/${shard.total}` : null, concurrency };
}

export async function runBatchCommand(
  urls: string[], options: AuditCommandOptions & BatchOptions, settings: RunSettings, proc: CliProcess,
  report: (results: AuditResult[], settings: RunSettings, proc: CliProcess) => number,
): Promise<number> {
  const { targets, shard, concurrency } = await planBatch(urls, options, settings, proc);
  const outputDir = options.outputDir ? resolve(proc.cwd(), options.outputDir) : null;
  if (outputDir) {
    ensureDir(outputDir);
    removeTemporaries(outputDir);
  }
  const browserPath = findBrowser(options.browser, proc.env);
  const progress = new BatchProgress(proc.stderr, targets.length, settings.lang);

  const summaries = new Map<string, SiteSummary>();
  const results = new Map<string, AuditResult>();
  const writeSummary = (): void => {
    if (!outputDir) return;
    const ordered = targets.map((t) => summaries.get(t.url.href)).filter((s): s is SiteSummary => s !== undefined);
    writeAtomically(join(outputDir, SUMMARY_FILE), `${JSON.stringify(buildSummary(ordered, shard), null, 2)}\n`);
  };

  const todo: BatchTarget[] = [];
  for (const target of targets) {
    const done = outputDir && !options.force ? readSiteResult(outputDir, target.url) : null;
    if (done) {
      results.set(target.url.href, done);
      summaries.set(target.url.href, summariseSite(done));
      progress.skipped(target.url.href);
    } else {
      todo.push(target);
    }
  }

  // --save-evidence: the evidence of the sites audited by this run (resumed ones have none).
  const evidence = new Map<string, Evidence>();
  const start = async (): Promise<Auditor> => Auditor.start({ ...auditSettingsOf(settings, options, browserPath), sitesAtOnce: concurrency }, settings.ruleSet);
  const launch = async (): Promise<SiteAuditor> => {
    const auditor = await start();
    if (!options.saveEvidence) return auditor;
    return {
      audit: async (url, overrides) => {
        const audit = await auditor.audit(url, overrides);
        evidence.set(url.href, audit.evidence);
        return audit;
      },
      get connected() {
        return auditor.connected;
      },
      close: () => auditor.close(),
    };
  };

  await runBatch(todo, {
    concurrency,
    launch,
    onStart: (target) => progress.started(target.url.href),
    onSite: (outcome) => {
      const href = outcome.target.url.href;
      if ('result' in outcome) {
        results.set(href, outcome.result);
        summaries.set(href, summariseSite(outcome.result));
        if (outputDir) writeAtomically(join(outputDir, siteFileName(outcome.target.url)), `${JSON.stringify(outcome.result, null, 2)}\n`);
        progress.finished(href, outcome.result.verdict, outcome.result.durationMs / 1000);
      } else {
        summaries.set(href, { target: href, file: null, verdict: null, durationMs: null, failing: [], error: outcome.error });
        progress.finished(href, null, 0, outcome.error);
      }
      writeSummary();
    },
  });
  progress.end();
  writeSummary();
  if (options.saveEvidence) {
    const saved = targets.map((t) => evidence.get(t.url.href)).filter((e): e is Evidence => e !== undefined);
    writeAtomically(resolve(proc.cwd(), options.saveEvidence), `${JSON.stringify(saved)}\n`);
  }

  const ordered = targets.map((t) => results.get(t.url.href)).filter((r): r is AuditResult => r !== undefined);
  let code: number;
  if (outputDir) {
    const ordSummaries = targets.map((t) => summaries.get(t.url.href)).filter((s): s is SiteSummary => s !== undefined);
    proc.stdout.write(renderSummaryTable(buildSummary(ordSummaries, shard), settings.lang));
    // Without -o nothing is rendered, but --fail-on new still needs the baseline's marks.
    code = settings.output ? report(ordered, settings, proc) : exitCodeFor(withBaseline(ordered, settings.baseline), settings.failOn);
  } else {
    code = report(ordered, settings, proc);
  }
  // A site that could not be audited at all (twice): the run is incomplete, rerun to resume.
  return ordered.length < targets.length ? 2 : code;
}
