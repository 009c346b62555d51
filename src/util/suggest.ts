/**
 * "Did you mean …?": the closest known name to a mistyped one, or nothing when none is close
 * enough to be a plausible typo (commander's own rule: at most 3 edits and 40 % of the name).
 */
const MAX_EDITS = 3;
const MIN_SIMILARITY = 0.4;

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    if (name.length <= 1) continue;
    const distance = editDistance(typed, name.toLowerCase());
    const similarity = (Math.max(typed.length, name.length) - distance) / Math.max(typed.length, name.length);
    if (distance > MAX_EDITS || similarity <= MIN_SIMILARITY) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}
