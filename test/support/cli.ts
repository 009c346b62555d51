/** Runs the real CLI (bin/chatons-audit.js → dist/), as a user or a CI job would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the run was killed for lasting longer than `hardTimeoutMs`. */
  timedOut?: boolean;
}

/**
 * The environment a test CLI sees: the test process's, without colour, in French whatever the
 * developer's own locale (LC_ALL and LC_MESSAGES would win over LANG), then the test's own.
 */
export function cliEnv(env: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8', ...env };
}

/** `hardTimeoutMs`: a run still alive then is killed (SIGKILL) and reported as timed out. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = packageRoot, hardTimeoutMs?: number): Promise<CliRun> {
  // The unit project does not build: dist/ may be missing or last week's.
  if (process.env.CHATONS_AUDIT_TEST_UNBUILT) {
    return Promise.reject(
      new Error(
        'runCli runs the built bin, which the unit project does not build: use runMain (./main.js), or name the file *.chromium.test.ts',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(packageRoot, 'bin/chatons-audit.js'), ...args], {
      cwd,
      env: cliEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer =
      hardTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, hardTimeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
    });
  });
}

export const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');
