/**
 * Ctrl-C during a batch (SIGINT sent to the real CLI): a line of its own saying what was done
 * and how to resume, exit 130, summary.json marked partial with the sites not done, and no
 * Chromium left behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/audit/batch/output-dir.js';
import { processTree } from '../../src/bench/process-tree.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { packageRoot } from '../../src/util/paths.js';

const SITES = [
  'services.bonchaton.example',
  'google-fonts.example',
  'gravatar-cdn.example',
  'lazy-image.example',
  'iframe-embed.example',
  'ua.example',
].map((h) => `https://${h}/`);

let internet: FixtureInternet;
beforeAll(async () => {
  internet = await startFixtureInternet();
});
afterAll(async () => internet?.close());

const siteFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'summary.json');
  } catch {
    return [];
  }
};

describe('a batch interrupted by Ctrl-C', () => {
  it('says so on a line of its own, exits 130 and leaves a partial summary', async () => {
    const work = mkdtempSync(join(tmpdir(), 'chatons-interrupt-'));
    writeFileSync(join(work, 'sites.txt'), `${SITES.join('\n')}\n`);
    const out = join(work, 'out');
    const child = spawn(
      process.execPath,
      [
        join(packageRoot, 'bin/chatons-audit.js'),
        '--map-host',
        internet.mapHost,
        '--ca-cert',
        internet.caCertFile,
        '--targets',
        'sites.txt',
        '--output-dir',
        'out',
        '--concurrency',
        '1',
        '--timeout',
        '5000',
        '--quiet-window',
        '300',
        '--lang',
        'en',
      ],
      { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );

    // Once one site is written and the browser is running the next one.
    let browsers: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        browsers = processTree(child.pid ?? -1)
          .filter((p) => /chrom/i.test(p.cmdline))
          .map((p) => p.pid);
        if (siteFiles(out).length >= 1 && browsers.length > 0) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error(`the batch ended before it could be interrupted: ${stderr}`));
      });
    });
    child.kill('SIGINT');
    const { code, signal } = await exited;

    expect(signal).toBeNull();
    expect(code).toBe(130);
    const done = siteFiles(out).length;
    expect(done).toBeLessThan(SITES.length);
    const last = stderr.trimEnd().split('\n').at(-1);
    expect(last).toBe(
      `Interrupted: ${done}/${SITES.length} sites done, saved in the output folder. Run the same command again to audit the rest.`,
    );

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.partial).toBe(true);
    expect(summary.sites).toHaveLength(done);
    expect([...summary.sites.map((s) => s.target), ...summary.pending].sort()).toEqual([...SITES].sort());

    // The browser went with the process.
    for (let i = 0; i < 100 && browsers.some((pid) => existsSync(`/proc/${pid}`)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(browsers.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  }, 120_000);
});
