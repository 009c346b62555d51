/**
 * Output paths (-o, --save-evidence, --output-dir, --evidence-dir) are tried before the audit
 * starts, by really creating a file there, so a missing or unwritable one is one clear line and
 * exit 2 at once rather than an audit thrown away at the end. Checking permissions alone would
 * not do: root passes every permission check, even under /proc.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

function unwritable(path: string, error: unknown): UsageError {
  return new UsageError('error.outputUnwritable', {
    file: path,
    detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
  });
}

/**
 * mkdir -p, one level at a time. Node's own recursive mkdir never returns under /proc (it
 * retries the parent forever); a plain mkdir fails with a code instead.
 */
function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let current = resolve(dir); !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) mkdirSync(level);
}

/** A folder the run will write into: created if missing, then written to once. */
export function writableDir(dir: string): string {
  try {
    makeDir(dir);
    const probe = join(dir, `.chatons-audit-${process.pid}.probe`);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe);
  } catch (error) {
    throw unwritable(dir, error);
  }
  return dir;
}

/** A file the run will write at the end: opened for writing now (and left as it was). */
export function writableFile(file: string): string {
  try {
    if (existsSync(file)) {
      // Append mode: needs write permission only, and changes nothing in the file.
      closeSync(openSync(file, 'a'));
    } else {
      closeSync(openSync(file, 'wx'));
      rmSync(file);
    }
  } catch (error) {
    throw unwritable(file, error);
  }
  return file;
}
