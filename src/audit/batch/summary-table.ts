/** The batch summary as a terminal table: one line per site, then the counts. */
import type { Lang } from '../../contracts/rule.js';
import { t } from '../../i18n/catalog.js';
import { forTerminal } from '../../report/neutralise.js';
import type { BatchSummary } from './output-dir.js';

export function renderSummaryTable(summary: BatchSummary, lang: Lang): string {
  const header = [t(lang, 'batch.col.site'), t(lang, 'batch.col.verdict'), t(lang, 'batch.col.failing'), t(lang, 'batch.col.seconds')];
  const rows = summary.sites.map((s) => [
    forTerminal(s.target),
    s.verdict ? t(lang, `verdict.${s.verdict}`) : t(lang, 'batch.error'),
    forTerminal(s.verdict ? s.failing.join(', ') : (s.error ?? '')),
    s.durationMs === null ? '' : (s.durationMs / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const { counts } = summary;
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    t(lang, 'batch.totals', {
      total: summary.total,
      compliant: counts.compliant,
      nonCompliant: counts['non-compliant'],
      incomplete: counts.incomplete,
      error: counts.error,
    }),
    '',
  ].join('\n');
}
