/**
 * The batch side of `chatons-audit audit`: several targets (arguments and/or --targets FILE),
 * a shard of them, bounded concurrency on one browser, and with --output-dir one JSON file per
 * site written as soon as it is done, `summary.json` and a summary table. A run resumed with
 * the same command skips the sites already written (--force audits them again).
 */
import { join, resolve } from 'node:path';
import { Auditor } from '../auditor.js';
import { findBrowser } from '../../collect/browser-discovery.js';
import type { Evidence } from '../../contracts/evidence.js';
import type { AuditResult } from '../../contracts/result.js';
import { refusePrivateTargets } from '../../collect/target-safety.js';
import { parseTarget } from '../../domains/target.js';
import { UsageError } from '../../errors.js';
import type { CliProcess } from '../../util/io.js';
import type { AuditCommandOptions, RunSettings } from '../run-settings.js';
import { auditSettingsOf } from '../audit-settings.js';
import { exitCodeFor } from '../../judge/verdict.js';
import { withBaseline } from '../report-output.js';
import { parseProperties, subsOf } from '../../chatonsinfos/properties.js';
import { readStatoolSpec, validateProperties } from '../../chatonsinfos/statoolinfos.js';
import { t } from '../../i18n/catalog.js';
import {
  buildSummary, ensureDir, readSiteResult, removeTemporaries, siteFileName, summariseSite, SUMMARY_FILE, writeAtomically, type SiteSummary,
} from './output-dir.js';
import { BatchProgress } from './progress.js';
import { errorLine, runBatch, type SiteAuditor } from './runner.js';
import { shardFrom, selectShard } from './shard.js';
import { renderSummaryTable } from './summary-table.js';
import { federationMembers, fetchTargetsText, isFederationText, quoted, type FederationNetwork } from './federation.js';
import { dedupeTargets, parseTargetsText, readTargetsText, type BatchTarget, type MemberProblem, type TargetEntry } from './targets.js';
import { forTerminal, jsonText, terminalArgs } from '../../report/neutralise.js';

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

/** Organisation files of a federation: small, so a short bound each. */
const MEMBER_FILE_TIMEOUT_MS = 10_000;

/**
 * `--targets`: a local file or an http(s) URL holding a list of URLs, a YAML list, or a
 * ChatonsInfos federation file (then each member's organisation file is read for its website).
 */
async function targetsFrom(source: string, settings: RunSettings, options: AuditCommandOptions, proc: CliProcess): Promise<{
  entries: TargetEntry[]; federation: boolean;
}> {
  const network: FederationNetwork = {
    mappings: settings.mappings, trust: settings.trust, allowPrivate: Boolean(options.allowPrivate),
    timeoutMs: Math.min(MEMBER_FILE_TIMEOUT_MS, settings.timing.timeoutMs),
  };
  const remote = /^https?:\/\//i.test(source);
  const file = remote ? source : resolve(proc.cwd(), source);
  const text = remote ? await fetchTargetsText(source, network) : readTargetsText(file);
  if (!isFederationText(text)) return { entries: parseTargetsText(text, file).map((target) => ({ target })), federation: false };
  const properties = parseProperties(text).properties;
  for (const line of federationFormatProblems(properties, source, settings)) proc.stderr.write(`${forTerminal(line)}\n`);
  proc.stderr.write(`${t(settings.lang, 'batch.federationReading', terminalArgs({ file: source, total: subsOf(properties).length }))}\n`);
  return { entries: await federationMembers(text, remote ? source : null, network), federation: true };
}

/**
 * The federation file against the StatoolInfos table the `chatonsinfos` rule uses: the
 * collective's own list deserves the check its members get. Mandatory and invalid fields only,
 * as warnings: a flawed list still names its members.
 */
function federationFormatProblems(properties: Readonly<Record<string, string>>, file: string, settings: RunSettings): string[] {
  const rule = settings.ruleSet.rules.find((r) => r.id === 'chatonsinfos');
  const spec = typeof rule?.params.fields === 'string' ? readStatoolSpec(settings.ruleSet.data.document(rule.params.fields)) : null;
  // A hand-made list of subs.* lines does not claim the format: only a declared file.class is checked.
  if (!spec || typeof spec === 'string' || !properties['file.class']) return [];
  return validateProperties(properties, spec).flatMap((v) => {
    if (v.code === 'missingMandatoryField') return [t(settings.lang, 'batch.federationMissingField', { file, field: v.field })];
    if (v.code === 'invalidFieldValue') return [t(settings.lang, 'batch.federationInvalidValue', { file, field: v.field, value: quoted(v.value), expected: v.expected })];
    return [];
  });
}

/** Everything checked before a browser starts. */
export async function planBatch(urls: string[], options: AuditCommandOptions & BatchOptions, settings: RunSettings, proc: CliProcess): Promise<{
  targets: BatchTarget[]; problems: MemberProblem[]; shard: string | null; concurrency: number;
}> {
  const shard = shardFrom(options.shard, proc.env);
  const concurrency = options.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(options.concurrency);
  if (!/^\d+$/.test(options.concurrency?.trim() ?? '1') || concurrency < 1 || concurrency > 16) {
    throw new UsageError('error.badOption', { option: '--concurrency', value: options.concurrency ?? '', allowed: '1–16' });
  }
  const given = urls.map((u): TargetEntry => ({ target: { url: parseTarget(u), overrides: {} } }));
  const fromFile = options.targets ? await targetsFrom(options.targets, settings, options, proc) : { entries: [], federation: false };
  // One list in the order given, members that cannot be audited included, so shards split it alike.
  const entries = dedupeTargets([...given, ...fromFile.entries]);
  if (entries.length === 0) throw new UsageError('error.noTarget');
  // Every target the user wrote, not only this shard's: a list with an internal address is refused on
  // every runner. A federation's members were checked one by one (a member's address is its problem).
  const written = fromFile.federation ? given : [...given, ...fromFile.entries];
  await refusePrivateTargets(written.flatMap((e) => ('target' in e ? [e.target.url] : [])), settings.mappings, Boolean(options.allowPrivate));
  const mine = selectShard(entries, shard);
  return {
    targets: mine.flatMap((e) => ('target' in e ? [e.target] : [])),
    problems: mine.flatMap((e) => ('problem' in e ? [e.problem] : [])),
    shard: shard ? `${shard.index}/${shard.total}` : null, concurrency,
  };
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

export async function runBatchCommand(
  urls: string[], options: AuditCommandOptions & BatchOptions, settings: RunSettings, proc: CliProcess,
  report: (results: AuditResult[], settings: RunSettings, proc: CliProcess) => number,
): Promise<number> {
  // The output folder is tried before anything else: a bad one costs no audit.
  const outputDir = options.outputDir ? resolve(proc.cwd(), options.outputDir) : null;
  if (outputDir) ensureDir(outputDir);
  const { targets, problems, shard, concurrency } = await planBatch(urls, options, settings, proc);
  if (outputDir) removeTemporaries(outputDir);
  const browserPath = findBrowser(options.browser, proc.env);
  const progress = new BatchProgress(proc.stderr, targets.length, settings.lang);

  const summaries = new Map<string, SiteSummary>();
  const results = new Map<string, AuditResult>();
  // Members of a federation that cannot be audited: listed with their problem, nothing lost.
  const memberErrors: SiteSummary[] = problems.map((p) => {
    const error = t(settings.lang, p.key, p.args);
    proc.stderr.write(`${forTerminal(error)}\n`);
    return { target: p.orgFile, file: null, verdict: null, durationMs: null, failing: [], error };
  });
  const siteSummaries = (): SiteSummary[] => [
    ...targets.map((target) => summaries.get(target.url.href)).filter((s): s is SiteSummary => s !== undefined), ...memberErrors,
  ];
  // While sites remain, summary.json says so: a run stopped by Ctrl-C, a kill or a crash leaves
  // a summary marked partial, listing the sites not done.
  const writeSummary = (): void => {
    if (!outputDir) return;
    const pending = targets.filter((target) => !summaries.has(target.url.href)).map((target) => target.url.href);
    writeAtomically(join(outputDir, SUMMARY_FILE), `${jsonText(buildSummary(siteSummaries(), shard, pending), 2)}\n`);
  };
  const stopInterrupt = onInterrupt(proc, () => {
    writeSummary();
    progress.interrupted(t(settings.lang, outputDir ? 'batch.interrupted.resume' : 'batch.interrupted.lost', {
      done: progress.finishedCount, total: targets.length,
    }));
  });

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

  writeSummary();
  try {
    await runBatch(todo, {
      concurrency,
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
          summaries.set(href, { target: href, file: null, verdict: null, durationMs: null, failing: [], error: outcome.error });
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
  if (options.saveEvidence) {
    const saved = targets.map((t) => evidence.get(t.url.href)).filter((e): e is Evidence => e !== undefined);
    writeAtomically(resolve(proc.cwd(), options.saveEvidence), `${jsonText(saved)}\n`);
  }

  const ordered = targets.map((t) => results.get(t.url.href)).filter((r): r is AuditResult => r !== undefined);
  let code: number;
  if (outputDir) {
    proc.stdout.write(renderSummaryTable(buildSummary(siteSummaries(), shard), settings.lang));
    // Without -o nothing is rendered, but --fail-on new still needs the baseline's marks.
    code = settings.output ? report(ordered, settings, proc) : exitCodeFor(withBaseline(ordered, settings.baseline), settings.failOn);
  } else {
    code = report(ordered, settings, proc);
  }
  // A site that could not be audited at all (twice): the run is incomplete, rerun to resume.
  return ordered.length < targets.length ? 2 : code;
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

