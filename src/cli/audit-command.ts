/**
 * `chatons-audit <url...>`: the options become the run's settings, and the run path does the
 * rest (src/audit/run.ts), a single site being a batch of one.
 */
import type { Settings } from '../contracts/settings.js';
import { runAudit } from '../audit/run.js';
import { resolveSettings, type CommandOptions } from '../audit/settings.js';
import { trackerDataState, trackerListsNotice } from '../trackers/staleness.js';
import type { CliProcess } from '../util/io.js';

export async function runAuditCommand(urls: string[], options: CommandOptions, proc: CliProcess): Promise<number> {
  const settings = resolveSettings(options, proc);
  noticeOldTrackerLists(settings, proc);
  return (await runAudit(urls, settings, proc)).exitCode;
}

/** Once per run, whatever the number of sites, unless the configuration silences it. */
export function noticeOldTrackerLists(settings: Pick<Settings, 'trackerListsNotice' | 'lang'>, proc: CliProcess, now = new Date()): void {
  if (!settings.trackerListsNotice) return;
  const notice = trackerListsNotice(trackerDataState(), settings.lang, now);
  if (notice) proc.stderr.write(`chatons-audit: ${notice}\n`);
}
