/**
 * Batches through main() in-process, without a browser: merge of shard folders, and batch input
 * refused before any browser starts. Audits in batches: batch-cli.chromium.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/audit/batch/output-dir.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { judge } from '../../src/judge/judge.js';
import { evidence, page, request } from '../support/evidence.js';
import { lines, runMain } from '../support/main.js';
import { ruleSet } from '../support/rules.js';

const siteFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'summary.json')
    .sort();

describe('merge', () => {
  it('combines shard folders into one summary and exits 1 when a site fails', async () => {
    const work = mkdtempSync(join(tmpdir(), 'chatons-merge-'));
    const write = (dir: string, result: AuditResult): void => {
      mkdirSync(join(work, dir), { recursive: true });
      writeFileSync(join(work, dir, `${new URL(result.target).hostname}.json`), JSON.stringify(result));
    };
    const ok = 'https://ok.example/';
    const bad = 'https://bad.example/';
    const okResult = judge(evidence(ok, [page(ok)]), ruleSet, { lang: 'en', levels: {} });
    const badResult = judge(evidence(bad, [page(bad)], [request('https://fonts.gstatic.com/x.woff2', 'font', bad)]), ruleSet, {
      lang: 'en',
      levels: {},
    });
    write('shard-1', okResult);
    write('shard-2', badResult);
    // A member of a federation that shard 2 could not read: listed in its summary only.
    const gone = 'https://collectif.example/membres/disparu.properties';
    writeFileSync(
      join(work, 'shard-2', 'summary.json'),
      JSON.stringify({
        summaryVersion: 1,
        shard: '2/2',
        sites: [
          {
            target: gone,
            file: null,
            verdict: null,
            durationMs: null,
            failing: [],
            error: `${gone}: organisation file unreadable (HTTP 404)`,
          },
        ],
      }),
    );
    const merged = await runMain(['merge', 'shard-1', 'shard-2', '--output-dir', 'all', '--lang', 'en'], {}, work);
    expect(merged.code, merged.stderr).toBe(1);
    expect(merged.stdout).toMatch(/bad\.example.*non-compliant.*no-third-party-fonts/);
    expect(merged.stdout).toMatch(/^3 sites: /m);
    const summary = JSON.parse(readFileSync(join(work, 'all', 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary.sites.map((s) => s.target)).toEqual([bad, ok, gone]);
    expect(summary.sites.map((s) => s.verdict)).toEqual([badResult.verdict, okResult.verdict, null]);
    expect(summary.sites[2]?.error).toContain('HTTP 404');
    expect(siteFiles(join(work, 'all'))).toEqual(['bad.example.json', 'ok.example.json']);
    const never = await runMain(['merge', 'shard-1', 'shard-2', '--fail-on', 'never'], {}, work);
    expect(never.code).toBe(0);
  });
});

describe('batch input refused before any browser starts', () => {
  const work = mkdtempSync(join(tmpdir(), 'chatons-batch-bad-'));
  const file = (name: string, text: string): string => {
    writeFileSync(join(work, name), text);
    return join(work, name);
  };
  it.each([
    [
      'a private address in the targets file',
      ['--targets', file('private.txt', 'chaton.example\nhttp://10.0.0.1/\n')],
      /10\.0\.0\.1.*--allow-private/,
    ],
    ['a link-local address (cloud metadata)', ['--output-dir', join(work, 'o'), 'http://169.254.169.254/latest/'], /169\.254\.169\.254/],
    ['localhost', ['--concurrency', '2', 'http://localhost:8080/'], /localhost/],
    ['a data: URL in the targets file', ['--targets', file('data.txt', 'data:text/html,<h1>x</h1>\n')], /data\.txt.*line 1/],
    ['a missing targets file', ['--targets', join(work, 'missing.txt')], /missing\.txt/],
    ['a bad shard', ['--shard', '4/3', 'chaton.example'], /--shard/],
    ['a bad concurrency', ['--concurrency', '0', 'chaton.example'], /--concurrency/],
    [
      'GitLab variables out of range',
      ['--output-dir', join(work, 'o2'), 'chaton.example'],
      /CI_NODE_INDEX/,
      { CI_NODE_INDEX: '5', CI_NODE_TOTAL: '2' },
    ],
  ] as [string, string[], RegExp, Record<string, string>?][])('%s → exit 2', async (_name, args, message, env = {}) => {
    const run = await runMain([...args, '--lang', 'en', '--browser', '/nonexistent/chromium'], env);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('browser not found');
  });
});
