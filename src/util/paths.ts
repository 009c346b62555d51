import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package root, from both src/ (tests) and dist/ (built): this file sits one level down. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
export const rulesDir = join(packageRoot, 'rules');
export const fixturesDir = join(packageRoot, 'fixtures');

interface PackageJson {
  name: string;
  version: string;
}
export const packageInfo: PackageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as PackageJson;

/** Names written from site-chosen text stay well under every file system's limit (255 bytes). */
export const MAX_FILE_NAME = 100;

/**
 * A file or directory name from text a site chose (a host, a path): ASCII letters, digits, dot,
 * dash and underscore only, at most `max` bytes. A longer one is cut and ends with a short hash
 * of `key`, so the same key always gives the same name (a resumed batch finds its files) and two
 * keys sharing a long prefix still get two names.
 */
export function boundedName(text: string, key: string, max = MAX_FILE_NAME): string {
  const safe = text.replace(/[^a-z0-9._-]/gi, '_').replace(/^\.+/, '_');
  if (safe.length <= max) return safe;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return `${safe.slice(0, max - hash.length - 1)}_${hash}`;
}
