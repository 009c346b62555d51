/**
 * `chatons-audit <url...>`: validate everything, audit each target with one browser, print
 * each report, and decide the exit code once, here, from the results.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Auditor } from '../audit/auditor.js';
import { auditSettingsOf } from '../audit/audit-settings.js';
import { runBatchCommand, wantsBatch, type BatchOptions } from '../audit/batch/command.js';
import { refusePrivateTargets } from '../collect/target-safety.js';
import { findBrowser } from '../collect/browser-discovery.js';
import { findMapping } from '../collect/map-host.js';
import type { Evidence } from '../contracts/evidence.js';
import type { AuditResult } from '../contracts/result.js';
import { isPrivateAddress, parseTarget } from '../domains/target.js';
import { t } from '../i18n/catalog.js';
import { jsonText, terminalArgs } from '../report/neutralise.js';
import { judge } from '../judge/judge.js';
import { trackerDataState, trackerListsNotice } from '../trackers/staleness.js';
import type { CliProcess } from '../util/io.js';
import { finishReport, writeOutput } from '../audit/report-output.js';
import { judgeConfigFor } from '../audit/site-settings.js';
import { resolveRunSettings, type AuditCommandOptions, type RunSettings } from '../audit/run-settings.js';
import { UsageError } from '../errors.js';

export async function runAuditCommand(urls: string[], options: AuditCommandOptions & BatchOptions, proc: CliProcess): Promise<number> {
  const settings = resolveRunSettings(options, proc);
  noticeOldTrackerLists(settings, proc);
  if (options.fromEvidence) return rejudge(options.fromEvidence, settings, proc);
  if (wantsBatch(options, proc.env)) return runBatchCommand(urls, options, settings, proc, report);
  if (urls.length === 0) throw new UsageError('error.noTarget');
  const targets = urls.map(parseTarget);
  for (const [i, target] of targets.entries()) {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // A host the user mapped explicitly is a deliberate choice (a staging server, a test).
    if (isPrivateAddress(host) && !options.allowPrivate && !findMapping(settings.mappings, host)) {
      throw new UsageError('error.privateTarget', { input: urls[i] ?? '', address: host });
    }
  }
  await refusePrivateTargets(targets, settings.mappings, Boolean(options.allowPrivate));
  return auditAndReport(targets, settings, options, proc);
}

/** Shared by `audit` and `demo`: one browser for every target, reports in order, exit code. */
export async function auditAndReport(targets: URL[], settings: RunSettings, options: AuditCommandOptions, proc: CliProcess): Promise<number> {
  const browserPath = findBrowser(options.browser, proc.env);
  const auditor = await Auditor.start(auditSettingsOf(settings, options, browserPath), settings.ruleSet);
  const evidence: Evidence[] = [];
  const results: AuditResult[] = [];
  const showProgress = targets.length > 1 || Boolean(proc.stderr.isTTY);
  try {
    for (const target of targets) {
      if (showProgress) proc.stderr.write(`${t(settings.lang, 'progress.auditing', terminalArgs({ target: target.href }))}\n`);
      const audit = await auditor.audit(target);
      evidence.push(audit.evidence);
      results.push(audit.result);
      if (showProgress) {
        proc.stderr.write(`${t(settings.lang, 'progress.done', terminalArgs({
          target: target.href, verdict: t(settings.lang, `verdict.${audit.result.verdict}`), seconds: (audit.result.durationMs / 1000).toFixed(1),
        }))}\n`);
      }
    }
  } finally {
    await auditor.close();
  }
  if (options.saveEvidence) writeOutput(resolve(proc.cwd(), options.saveEvidence), `${jsonText(evidence.length === 1 ? evidence[0] : evidence)}\n`);
  return report(results, settings, proc);
}

function rejudge(file: string, settings: RunSettings, proc: CliProcess): number {
  let parsed: unknown;
  const path = resolve(proc.cwd(), file);
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError('error.evidenceUnreadable', { file: path, detail: ((error as Error).message.split('\n')[0] ?? '').trim() });
  }
  const all = (Array.isArray(parsed) ? parsed : [parsed]) as Evidence[];
  if (all.some((e) => !e || e.evidenceVersion !== 1 || !Array.isArray(e.pages) || !Array.isArray(e.requests))) {
    throw new UsageError('error.evidenceUnreadable', { file: path }, { detail: { key: 'error.notEvidence' } });
  }
  const results = all.map((e) => judge(e, settings.ruleSet, { lang: settings.lang, ...judgeConfigFor(settings, e.target) }));
  return report(results, settings, proc);
}

/** Once per run, whatever the number of sites (batch included), unless the configuration silences it. */
export function noticeOldTrackerLists(settings: RunSettings, proc: CliProcess, now = new Date()): void {
  if (!settings.config.trackerListsNotice) return;
  const notice = trackerListsNotice(trackerDataState(), settings.lang, now);
  if (notice) proc.stderr.write(`chatons-audit: ${notice}\n`);
}


export function report(results: AuditResult[], settings: RunSettings, proc: CliProcess): number {
  return finishReport(results, settings, proc);
}
