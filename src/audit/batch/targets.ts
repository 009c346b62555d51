/**
 * Batch targets: URLs on the command line and/or a `--targets FILE`, either one URL per line
 * (`#` starts a comment) or a YAML list whose items are URLs or `{ url, ...options }` (a
 * ChatonsInfos federation file is read by federation.ts). Everything is validated here, before
 * any browser starts (a bad line is exit 2, with its line).
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { closest } from '../../util/suggest.js';
import { UsageError } from '../../errors.js';
import type { MessageArgs } from '../../contracts/result.js';
import type { Settings } from '../../contracts/settings.js';
import { parseTarget } from '../../domains/target.js';

/**
 * What one target may override of the run's settings (a federation member's `chatonsinfos` is
 * its organisation file, read instead of probing).
 */
export type TargetOverrides = Partial<Pick<Settings, 'maxPages' | 'ownDomains' | 'candidate' | 'chatonsinfos'>>;

export interface BatchTarget {
  url: URL;
  overrides: TargetOverrides;
}

const OPTION_KEYS = ['url', 'maxPages', 'ownDomains', 'candidate', 'chatonsinfos'] as const;

export function readTargetsText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError('error.targetsUnreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}

/** A YAML list when the first meaningful line starts with `-`; otherwise one URL per line. */
export function parseTargetsText(text: string, file: string): BatchTarget[] {
  const firstLine =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('#')) ?? '';
  return firstLine.startsWith('-') ? parseYamlList(text, file) : parseLines(text, file);
}

function parseLines(text: string, file: string): BatchTarget[] {
  const targets: BatchTarget[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    targets.push({ url: parseAt(line, file, i + 1), overrides: {} });
  }
  return targets;
}

function parseYamlList(text: string, file: string): BatchTarget[] {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (error) {
    throw new UsageError('error.targetsInvalid', { file, line: '?', detail: ((error as Error).message.split('\n')[0] ?? '').trim() });
  }
  if (!Array.isArray(doc)) throw new UsageError('error.targetsInvalid', { file, line: '?' }, { detail: { key: 'targets.expect.list' } });
  return doc.map((item: unknown, i): BatchTarget => {
    const where = `#${i + 1}`;
    if (typeof item === 'string') return { url: parseAt(item, file, where), overrides: {} };
    if (!item || typeof item !== 'object' || typeof (item as { url?: unknown }).url !== 'string') {
      throw new UsageError('error.targetsInvalid', { file, line: where }, { detail: { key: 'targets.expect.entry' } });
    }
    const entry = item as Record<string, unknown>;
    const unknownKey = Object.keys(entry).find((k) => !(OPTION_KEYS as readonly string[]).includes(k));
    if (unknownKey) {
      const like = closest(unknownKey, OPTION_KEYS);
      const keys = OPTION_KEYS.join(', ');
      throw new UsageError(
        'error.targetsInvalid',
        { file, line: `${where} (${unknownKey})` },
        {
          detail: like ? { key: 'config.expect.keyLike', args: { keys, name: like } } : { key: 'config.expect.key', args: { keys } },
        },
      );
    }
    const overrides: TargetOverrides = {};
    if (entry.maxPages !== undefined) {
      if (!Number.isInteger(entry.maxPages) || (entry.maxPages as number) < 1 || (entry.maxPages as number) > 100) {
        throw new UsageError('error.targetsInvalid', { file, line: where }, { detail: { key: 'targets.expect.maxPages' } });
      }
      overrides.maxPages = entry.maxPages as number;
    }
    if (entry.ownDomains !== undefined) {
      if (!Array.isArray(entry.ownDomains) || !entry.ownDomains.every((d) => typeof d === 'string')) {
        throw new UsageError('error.targetsInvalid', { file, line: where }, { detail: { key: 'targets.expect.ownDomains' } });
      }
      overrides.ownDomains = entry.ownDomains as string[];
    }
    if (entry.candidate !== undefined) {
      if (typeof entry.candidate !== 'boolean')
        throw new UsageError('error.targetsInvalid', { file, line: where }, { detail: { key: 'targets.expect.candidate' } });
      overrides.candidate = entry.candidate;
    }
    if (entry.chatonsinfos !== undefined) {
      if (typeof entry.chatonsinfos !== 'string' || !/^https?:\/\/[^/]/i.test(entry.chatonsinfos)) {
        throw new UsageError('error.targetsInvalid', { file, line: where }, { detail: { key: 'targets.expect.chatonsinfos' } });
      }
      overrides.chatonsinfos = entry.chatonsinfos;
    }
    return { url: parseAt(entry.url as string, file, where), overrides };
  });
}

function parseAt(input: string, file: string, line: number | string): URL {
  try {
    return parseTarget(input);
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError('error.targetsInvalid', { file, line: String(line), detail: `"${input}"` });
    }
    throw error;
  }
}

/** A target to audit, or a federation member that cannot be audited and why. */
export type TargetEntry = { target: BatchTarget } | { problem: MemberProblem };

/** A member of a federation that cannot be audited (a catalogue message key and its arguments). */
export interface MemberProblem {
  orgFile: string;
  key: 'batch.memberUnreadable' | 'batch.memberNoWebsite' | 'batch.memberBadWebsite' | 'batch.memberPrivateWebsite';
  args: MessageArgs;
}

/** The same URL twice is audited once (first occurrence wins, with its options); likewise a member's problem. */
export function dedupeTargets<T extends TargetEntry>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = 'target' in e ? e.target.url.href : `problem:${e.problem.orgFile}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
