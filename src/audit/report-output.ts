/**
 * After judging: compare with --baseline, render the chosen format (several sites make one
 * SARIF log, one JUnit document, one HTML page, or NDJSON), write it, and decide the exit code:
 * `runVerdict`, through exitCodeFor, is the one place a run's exit code comes from.
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
import type { Settings } from '../contracts/settings.js';
import { UsageError } from '../errors.js';

export function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError('error.outputUnwritable', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}

/** Top screenshots of the evidence pack as data: URLs, so the HTML report stays one file. */
function packScreenshots(result: AuditResult): Record<string, string> {
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

function withBaseline(results: readonly AuditResult[], baselineFile: string | undefined): AuditResult[] {
  if (!baselineFile) return [...results];
  const baselines = loadBaseline(baselineFile);
  return results.map((r) => compareWithBaseline(r, baselineFor(r.target, baselines), baselineFile));
}

/**
 * The results as reported (findings marked against --baseline, which `--fail-on new` reads) and
 * the run's exit code (exitCodeFor): `unaudited` sites could not be audited at all. Every command
 * that judged sites (audit, demo, re-judge, merge) ends here.
 */
export function runVerdict(
  judged: readonly AuditResult[],
  settings: Pick<Settings, 'baseline' | 'failOn'>,
  unaudited = 0,
): { results: AuditResult[]; exitCode: 0 | 1 | 2 } {
  const results = withBaseline(judged, settings.baseline);
  return { results, exitCode: exitCodeFor(results, settings.failOn, unaudited) };
}

type ReportSettings = Pick<Settings, 'format' | 'lang' | 'redact' | 'output' | 'baseline' | 'failOn'>;

function render(results: readonly AuditResult[], settings: Pick<Settings, 'format' | 'lang' | 'redact'>, color: boolean): string {
  const { format, lang } = settings;
  if (results.length > 1 && format === 'json') return results.map((r) => `${jsonText(r)}\n`).join('');
  if (format === 'junit') return renderJunit(results, lang);
  if (format === 'sarif') return renderSarif(results, lang);
  if (format === 'html') return renderHtml(results, lang, packScreenshots);
  return results
    .map((r) =>
      reporters[format](r, {
        lang,
        color,
        redact: settings.redact,
      }),
    )
    .join('\n');
}

/** `report: false`: a batch with --output-dir and no -o writes no report, but still decides its exit code. */
export function concludeRun(
  judged: readonly AuditResult[],
  settings: ReportSettings,
  proc: CliProcess,
  report = true,
  unaudited = 0,
): { results: AuditResult[]; exitCode: 0 | 1 | 2 } {
  const verdict = runVerdict(judged, settings, unaudited);
  if (!report) return verdict;
  const color = settings.format === 'terminal' && !settings.output && wantsColor(proc.stdout, proc.env);
  const text = render(verdict.results, settings, color);
  if (settings.output) writeOutput(settings.output, text);
  else proc.stdout.write(text);
  return verdict;
}
