/**
 * Whether to tell the user that tracker knowledge may be out of date, and what to do about it.
 *
 * The lists' own publication dates are not the user's business: the newest AdGuard list at
 * hand may be months old, and nobody can fix that. What a user can act on depends on how the
 * tool was installed:
 * - a development clone (the update script is there): newer source packages already in
 *   node_modules than the ones vendored → `npm run update-trackers`; otherwise, data vendored
 *   more than STALE_AFTER_DAYS ago → look for newer source packages, then update;
 * - an installed package: its data was vendored when the package was built; more than
 *   STALE_AFTER_DAYS ago → install a newer chatons-audit.
 * Shown once per run, and silenced by `trackerListsNotice: false` in the configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../contracts/rule.js';
import { t } from '../i18n/catalog.js';
import { packageRoot } from '../util/paths.js';
import { trackersDataDir } from './data-files.js';

/** The devDependencies `npm run update-trackers` vendors from. */
export const TRACKER_SOURCES = ['third-party-web', '@adguard/dnr-rulesets'] as const;
/** Six months: past this, trackers that appeared since are likely to go unnamed. */
const STALE_AFTER_DAYS = 183;
const DAY_MS = 86_400_000;

export interface TrackerDataState {
  /** When the lists were vendored into rules/data/trackers (YYYY-MM-DD). */
  vendored: string;
  /** The source package versions they were vendored from. */
  sources: Readonly<Record<string, string>>;
  /** In a development clone, the source package versions in node_modules; null for an installed package. */
  installed: Readonly<Record<string, string>> | null;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function trackerDataState(root = packageRoot, dataDir = trackersDataDir): TrackerDataState {
  const lists = readJson(join(dataDir, 'lists.json')) as
    | { provenance?: { vendored?: string; sources?: Record<string, string> } }
    | undefined;
  const clone = existsSync(join(root, 'src', 'trackers', 'update.ts'));
  const installed: Record<string, string> = {};
  if (clone) {
    for (const name of TRACKER_SOURCES) {
      const version = (readJson(join(root, 'node_modules', name, 'package.json')) as { version?: string } | undefined)?.version;
      if (version) installed[name] = version;
    }
  }
  return { vendored: lists?.provenance?.vendored ?? '', sources: lists?.provenance?.sources ?? {}, installed: clone ? installed : null };
}

/** Dotted numeric versions: whether `a` is newer than `b` (prerelease tags are not used by these packages). */
function newer(a: string, b: string): boolean {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return a !== b;
    if (x !== y) return x > y;
  }
  return false;
}

/** The notice to print, or null when there is nothing true and useful to say. */
export function trackerListsNotice(state: TrackerDataState, lang: Lang, now: Date = new Date()): string | null {
  if (state.installed) {
    const ahead = Object.entries(state.installed).filter(
      ([name, version]) => state.sources[name] && newer(version, state.sources[name] ?? ''),
    );
    if (ahead.length > 0) {
      return t(lang, 'trackers.newerSources', {
        sources: ahead.map(([name, version]) => `${name} ${state.sources[name]} → ${version}`).join(', '),
      });
    }
  }
  const vendored = Date.parse(state.vendored);
  if (Number.isNaN(vendored)) return null;
  const days = Math.floor((now.getTime() - vendored) / DAY_MS);
  if (days <= STALE_AFTER_DAYS) return null;
  return t(lang, state.installed ? 'trackers.oldInClone' : 'trackers.oldPackage', { date: state.vendored, days });
}
