/**
 * Ctrl-C during a single-site audit (SIGINT sent to the real CLI): a single site runs the batch's
 * path, so it ends as a batch does, with the line saying what was done and that nothing was
 * saved, exit 130, no report, and no Chromium left behind.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTree } from '../../src/bench/process-tree.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { packageRoot } from '../../src/util/paths.js';

let internet: FixtureInternet;
beforeAll(async () => {
  internet = await startFixtureInternet();
});
afterAll(async () => internet?.close());

describe('a single-site audit interrupted by Ctrl-C', () => {
  it('says what was done on a line of its own and exits 130, as a batch does', async () => {
    const child = spawn(
      process.execPath,
      [
        `${packageRoot}/bin/chatons-audit.js`,
        '--map-host',
        internet.mapHost,
        '--ca-cert',
        internet.caCertFile,
        '--lang',
        'en',
        'https://services.bonchaton.example/',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );

    // Once the browser runs, the site is being audited.
    let browsers: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        browsers = processTree(child.pid ?? -1)
          .filter((p) => /chrom/i.test(p.cmdline))
          .map((p) => p.pid);
        if (browsers.length > 0) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error(`the audit ended before it could be interrupted: ${stderr}`));
      });
    });
    child.kill('SIGINT');
    const { code, signal } = await exited;

    expect(signal).toBeNull();
    expect(code).toBe(130);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      'Interrupted: 0/1 sites done. Without --output-dir nothing is saved: run with --output-dir to be able to resume.',
    );
    expect(stdout).toBe('');

    for (let i = 0; i < 100 && browsers.some((pid) => existsSync(`/proc/${pid}`)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(browsers.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  }, 120_000);
});
