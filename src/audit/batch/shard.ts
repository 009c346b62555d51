/**
 * `--shard i/n` (1-based, as GitLab's CI_NODE_INDEX): target k (0-based, in list order after
 * de-duplication) belongs to shard (k mod n) + 1. Stable for a given list, balanced to one
 * site, and every target is in exactly one shard.
 */
import { UsageError } from '../../errors.js';
import type { Shard } from '../../contracts/settings.js';

export function parseShard(raw: string, option = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) {
    throw new UsageError('error.badOption', { option, value: raw, allowed: 'i/n, 1 ≤ i ≤ n (e.g. 2/4)' });
  }
  return { index, total };
}

/** `--shard` wins; otherwise GitLab's parallel jobs (CI_NODE_INDEX/CI_NODE_TOTAL) when both are set. */
export function shardFrom(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Shard | null {
  if (option !== undefined) return parseShard(option);
  const { CI_NODE_INDEX: index, CI_NODE_TOTAL: total } = env;
  if (index && total) return parseShard(`${index}/${total}`, 'CI_NODE_INDEX/CI_NODE_TOTAL');
  return null;
}

export function selectShard<T>(items: readonly T[], shard: Shard | null): T[] {
  if (!shard) return [...items];
  return items.filter((_, k) => k % shard.total === shard.index - 1);
}
