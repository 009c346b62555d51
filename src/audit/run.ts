/**
 * The run path: every audit goes through `runAudit`, whether it names one URL, several, a
 * --targets list, a federation or a shard of one, or is the demo or a library call. A single
 * site is a batch of one. Sites run on one browser with bounded concurrency; with --output-dir
 * each is written as soon as it is done, with `summary.json` and a summary table, and a run
 * resumed with the same command skips the sites already written (--force audits them again).
 * The report and the exit code come last, once, from all the results (report-output.ts).
 *
 * Batch settings change only how the run tells its progress and what a failed site does: in a
 * batch it is listed and the run goes on (exit 2 at the end); otherwise it stops the run, as an
 * audit of one site that cannot be judged is an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from '../collect/browser-discovery.js';
import type { Evidence } from '../contracts/evidence.js';
import type { AuditResult, Verdict } from '../contracts/result.js';
import type { Lang } from '../contracts/rule.js';
import type { Settings } from '../contracts/settings.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import { judge } from '../judge/judge.js';
import { jsonText, forTerminal, terminalArgs } from '../report/neutralise.js';
import type { CliProcess, OutputStream } from '../util/io.js';
import { Auditor } from './auditor.js';
import {
  buildSummary,
  ensureDir,
  readSiteResult,
  removeTemporaries,
  siteFileName,
  summariseSite,
  SUMMARY_FILE,
  unauditedSummary,
  writeAtomically,
  type SiteSummary,
} from './batch/output-dir.js';
import { planRun } from './batch/plan.js';
import { BatchProgress } from './batch/progress.js';
import { errorLine, runBatch, type SiteAuditor } from './batch/runner.js';
import { renderSummaryTable } from './batch/summary-table.js';
import type { BatchTarget } from './batch/targets.js';
import { concludeRun, writeOutput } from './report-output.js';
import { siteSettingsFor } from './settings.js';

export interface RunOutcome {
  /** Every site judged, in the order given (marked against --baseline when given). */
  results: AuditResult[];
  /** 0 nothing to fail on, 1 failed per --fail-on, 2 a site could not be audited. */
  exitCode: number;
}

/** What the run says on stderr as sites start and end. */
interface RunProgress {
  readonly finishedCount: number;
  started(target: string): void;
  finished(target: string, verdict: Verdict | null, seconds: number, error?: string): void;
  skipped(target: string): void;
  end(): void;
  interrupted(message: string): void;
}

/** Without batch options: a line as each site starts and ends, when there are several or a person watches. */
class SiteLines implements RunProgress {
  private done = 0;

  constructor(
    private readonly stream: OutputStream,
    private readonly lang: Lang,
    private readonly shown: boolean,
  ) {}

  get finishedCount(): number {
    return this.done;
  }

  started(target: string): void {
    if (this.shown) this.stream.write(`${t(this.lang, 'progress.auditing', terminalArgs({ target }))}\n`);
  }

  finished(target: string, verdict: Verdict | null, seconds: number): void {
    this.done += 1;
    if (!this.shown || !verdict) return;
    this.stream.write(
      `${t(this.lang, 'progress.done', terminalArgs({ target, verdict: t(this.lang, `verdict.${verdict}`), seconds: seconds.toFixed(1) }))}\n`,
    );
  }

  skipped(): void {
    this.done += 1;
  }

  end(): void {}

  interrupted(message: string): void {
    this.stream.write(`${message}\n`);
  }
}

export async function runAudit(urls: readonly string[], settings: Settings, proc: CliProcess): Promise<RunOutcome> {
  if (settings.fromEvidence) return concludeRun(rejudge(settings.fromEvidence, settings), settings, proc);
  // The output folder is tried before anything else: a bad one costs no audit.
  const { outputDir } = settings;
  if (outputDir) ensureDir(outputDir);
  const { targets, problems } = await planRun(urls, settings, proc);
  if (outputDir) removeTemporaries(outputDir);
  const browserPath = findBrowser(settings.browserPath, proc.env);
  const progress: RunProgress = settings.batch
    ? new BatchProgress(proc.stderr, targets.length, settings.lang)
    : new SiteLines(proc.stderr, settings.lang, targets.length > 1 || Boolean(proc.stderr.isTTY));

  const summaries = new Map<string, SiteSummary>();
  const results = new Map<string, AuditResult>();
  // Members of a federation that cannot be audited: listed with their problem, nothing lost.
  const memberErrors: SiteSummary[] = problems.map((p) => {
    const error = t(settings.lang, p.key, p.args);
    proc.stderr.write(`${forTerminal(error)}\n`);
    return unauditedSummary(p.orgFile, error);
  });
  const siteSummaries = (): SiteSummary[] => [
    ...targets.map((target) => summaries.get(target.url.href)).filter((s): s is SiteSummary => s !== undefined),
    ...memberErrors,
  ];
  // While sites remain, summary.json says so: a run stopped by Ctrl-C, a kill or a crash leaves
  // a summary marked partial, listing the sites not done.
  const writeSummary = (): void => {
    if (!outputDir) return;
    const pending = targets.filter((target) => !summaries.has(target.url.href)).map((target) => target.url.href);
    writeAtomically(join(outputDir, SUMMARY_FILE), `${jsonText(buildSummary(siteSummaries(), shardName(settings), pending), 2)}\n`);
  };
  const stopInterrupt = onInterrupt(proc, () => {
    writeSummary();
    progress.interrupted(
      t(settings.lang, outputDir ? 'batch.interrupted.resume' : 'batch.interrupted.lost', {
        done: progress.finishedCount,
        total: targets.length,
      }),
    );
  });

  const todo: BatchTarget[] = [];
  for (const target of targets) {
    const done = outputDir && !settings.force ? readSiteResult(outputDir, target.url) : null;
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
  const launch = async (): Promise<SiteAuditor> => {
    const auditor = await Auditor.start({ ...settings, browserPath }, settings.ruleSet);
    if (!settings.saveEvidence) return auditor;
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

  writeSummary();
  try {
    await runBatch(todo, {
      concurrency: settings.concurrency,
      launch,
      // A failure the user can act on (the auditor's own network is down) is told in their language.
      describeError: (error) => (error instanceof UsageError ? t(settings.lang, error.key, error.args) : errorLine(error)),
      onStart: (target) => progress.started(target.url.href),
      onSite: (outcome) => {
        const href = outcome.target.url.href;
        if ('result' in outcome) {
          results.set(href, outcome.result);
          summaries.set(href, outputDir ? writeSiteFile(outputDir, outcome.target.url, outcome.result) : summariseSite(outcome.result));
          progress.finished(href, outcome.result.verdict, outcome.result.durationMs / 1000);
        } else {
          if (!settings.batch) throw outcome.cause;
          summaries.set(href, unauditedSummary(href, outcome.error));
          progress.finished(href, null, 0, outcome.error);
        }
        writeSummary();
      },
    });
  } finally {
    stopInterrupt();
  }
  progress.end();
  writeSummary();
  if (settings.saveEvidence) {
    const saved = targets.map((target) => evidence.get(target.url.href)).filter((e): e is Evidence => e !== undefined);
    // One site audited on its own saves one evidence object, as --from-evidence reads it back.
    writeOutput(settings.saveEvidence, `${jsonText(!settings.batch && saved.length === 1 ? saved[0] : saved)}\n`);
  }

  const ordered = targets.map((target) => results.get(target.url.href)).filter((r): r is AuditResult => r !== undefined);
  if (outputDir) proc.stdout.write(renderSummaryTable(buildSummary(siteSummaries(), shardName(settings)), settings.lang));
  // With --output-dir and no -o nothing is rendered, but --fail-on new still reads the baseline.
  // A site that could not be audited at all (twice) leaves the run incomplete: rerun to resume.
  return concludeRun(ordered, settings, proc, !outputDir || Boolean(settings.output), targets.length - ordered.length);
}

function shardName(settings: Pick<Settings, 'shard'>): string | null {
  return settings.shard ? `${settings.shard.index}/${settings.shard.total}` : null;
}

/** The site's file, then its summary line: the summary names the file only once it exists. */
function writeSiteFile(dir: string, url: URL, result: AuditResult): SiteSummary {
  const summary = summariseSite(result);
  try {
    writeAtomically(join(dir, siteFileName(url)), `${jsonText(result, 2)}\n`);
    return summary;
  } catch (error) {
    return { ...summary, file: null, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

/** --from-evidence: saved evidence judged again, with each target's levels and allowlist. */
function rejudge(path: string, settings: Settings): AuditResult[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError('error.evidenceUnreadable', { file: path, detail: ((error as Error).message.split('\n')[0] ?? '').trim() });
  }
  const all = (Array.isArray(parsed) ? parsed : [parsed]) as Evidence[];
  if (all.some((e) => e?.evidenceVersion !== 1 || !Array.isArray(e.pages) || !Array.isArray(e.requests))) {
    throw new UsageError('error.evidenceUnreadable', { file: path }, { detail: { key: 'error.notEvidence' } });
  }
  return all.map((e) => {
    const site = siteSettingsFor(settings, e.target);
    return judge(e, settings.ruleSet, { lang: settings.lang, levels: site.levels, allowlist: site.allowlist });
  });
}

/** The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED_EXIT_CODE = 130;

/**
 * Ctrl-C: `report` runs (synchronous writes only), then the process exits 130. Set before the
 * browser starts, so this runs before Playwright's own handler, which would exit silently.
 * Returns the function that removes the handler.
 */
function onInterrupt(proc: CliProcess, report: () => void): () => void {
  if (!proc.once || !proc.exit) return () => undefined;
  const handler = (): void => {
    try {
      report();
    } finally {
      proc.exit?.(INTERRUPTED_EXIT_CODE);
    }
  };
  proc.once('SIGINT', handler);
  return () => proc.off?.('SIGINT', handler);
}
