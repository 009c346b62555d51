/**
 * `chatons-audit merge <dir...>`: the site files of several shard output folders as one
 * summary (table on stdout, `summary.json` and the site files in --output-dir when given),
 * with the entries each folder's summary lists without a site file (not audited, and why).
 * The exit code is the audit's own (runVerdict), --baseline and `--fail-on new` included.
 */
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliProcess } from '../util/io.js';
import type { AuditResult } from '../contracts/result.js';

import { UsageError } from '../errors.js';
import { failOnOption, langOption } from '../audit/settings.js';
import { runVerdict } from '../audit/report-output.js';
import { jsonText } from '../report/neutralise.js';
import {
  buildSummary,
  ensureDir,
  readResultsDir,
  readUnaudited,
  siteFileName,
  summariseSite,
  SUMMARY_FILE,
  writeAtomically,
  type SiteSummary,
} from '../audit/batch/output-dir.js';
import { renderSummaryTable } from '../audit/batch/summary-table.js';

export interface MergeOptions {
  outputDir?: string;
  lang?: string;
  format?: string;
  failOn?: string;
  baseline?: string;
}

export function runMergeCommand(dirs: string[], options: MergeOptions, proc: CliProcess): number {
  const lang = langOption(options.lang, proc.env);
  const format = options.format ?? 'terminal';
  if (format !== 'terminal' && format !== 'json')
    throw new UsageError('error.badOption', { option: '--format', value: format, allowed: 'terminal, json' });
  const failOn = failOnOption(options.failOn, options.baseline);
  const baseline = options.baseline ? resolve(proc.cwd(), options.baseline) : undefined;

  const byTarget = new Map<string, { result: AuditResult; dir: string }>();
  const unaudited = new Map<string, SiteSummary>();
  for (const dir of dirs.map((d) => resolve(proc.cwd(), d))) {
    for (const result of readResultsDir(dir)) byTarget.set(result.target, { result, dir });
    for (const entry of readUnaudited(dir)) unaudited.set(entry.target, entry);
  }
  const entries = [...byTarget.values()].sort((a, b) => a.result.target.localeCompare(b.result.target));
  // A site audited in one folder and failed in another counts as audited.
  const failed = [...unaudited.values()].filter((e) => !byTarget.has(e.target)).sort((a, b) => a.target.localeCompare(b.target));
  const summary = buildSummary([...entries.map((e) => summariseSite(e.result)), ...failed], null);
  if (options.outputDir) {
    const out = resolve(proc.cwd(), options.outputDir);
    ensureDir(out);
    for (const { result, dir } of entries) {
      const name = siteFileName(new URL(result.target));
      if (resolve(dir) !== out) copyFileSync(join(dir, name), join(out, name));
    }
    writeAtomically(join(out, SUMMARY_FILE), `${jsonText(summary, 2)}\n`);
  }
  proc.stdout.write(format === 'json' ? `${jsonText(summary, 2)}\n` : renderSummaryTable(summary, lang));
  // Entries without a result are listed, not counted: summary.json does not tell a site that could
  // not be audited (its shard's job already exited 2) from a federation member file that could not
  // be read (which a batch lists without exiting 2).
  return runVerdict(
    entries.map((e) => e.result),
    { failOn, ...(baseline ? { baseline } : {}) },
  ).exitCode;
}
