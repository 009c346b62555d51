/** DESIGN.md, Packaging: a tracker list older than 6 months gives a warning with the update command. */
import type { Lang } from '../contracts/rule.js';
import { t } from '../i18n/catalog.js';
import { STALE_AFTER_DAYS, UPDATE_COMMAND, staleTrackerLists } from './index.js';

export function staleListsWarning(lang: Lang, now: Date = new Date()): string | null {
  const stale = staleTrackerLists(now);
  if (stale.length === 0) return null;
  return t(lang, 'trackers.staleLists', {
    days: STALE_AFTER_DAYS,
    lists: stale.map((l) => `${l.name} ${l.updated}`).join(', '),
    command: `npm install -D third-party-web@latest @adguard/dnr-rulesets@latest && ${UPDATE_COMMAND}`,
  });
}
