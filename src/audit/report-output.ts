/**
 * After judging: compare with --baseline, render the chosen format (several sites make one
 * SARIF log, one JUnit document, one HTML page, or NDJSON), write it, and decide the exit code once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineFor, compareWithBaseline, loadBaseline } from './baseline.js';
import type { AuditResult } from '../contracts/result.js';
import { reporters } from '../report/index.js';
import { jsonText } from '../report/neutralise.js';
import { renderHtml } from '../report/html.js';
import { renderJunit } from '../report/junit.js';
import { renderSarif } from '../report/sarif.js';
import { exitCodeFor } from '../judge/verdict.js';
import { wantsColor, type CliProcess } from '../util/io.js';
import type { RunSettings } from './run-settings.js';
import { UsageError } from '../errors.js';

export function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError('error.outputUnwritable', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}

/** Top screenshots of the evidence pack as data: URLs, so the HTML report stays one file. */
export function packScreenshots(result: AuditResult): Record<string, string> {
  const shots: Record<string, string> = {};
  const pack = result.evidencePack;
  for (const page of pack?.pages ?? []) {
    if (!pack || !page.screenshotTop) continue;
    try {
      shots[page.url] = `data:image/png;base64,${readFileSync(join(pack.dir, page.screenshotTop)).toString('base64')}`;
    } catch {
      // A pack moved or pruned since: the report is still useful without the picture.
    }
  }
  return shots;
}

export function withBaseline(results: AuditResult[], baselineFile: string | null): AuditResult[] {
  if (!baselineFile) return results;
  const baselines = loadBaseline(baselineFile);
  return results.map((r) => compareWithBaseline(r, baselineFor(r.target, baselines), baselineFile));
}

export function render(results: readonly AuditResult[], settings: RunSettings, color: boolean): string {
  const { format, lang } = settings;
  if (results.length > 1 && format === 'json') return results.map((r) => `${jsonText(r)}\n`).join('');
  if (format === 'junit') return renderJunit(results, lang);
  if (format === 'sarif') return renderSarif(results, lang);
  if (format === 'html') return renderHtml(results, lang, packScreenshots);
  return results.map((r) => reporters[format](r, {
    lang, color, redact: settings.redact,
  })).join('\n');
}

export function finishReport(judged: AuditResult[], settings: RunSettings, proc: CliProcess): number {
  const results = withBaseline(judged, settings.baseline);
  const color = settings.format === 'terminal' && !settings.output && wantsColor(proc.stdout, proc.env);
  const text = render(results, settings, color);
  if (settings.output) writeOutput(settings.output, text);
  else proc.stdout.write(text);
  return exitCodeFor(results, settings.failOn);
}
