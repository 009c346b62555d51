/** The evidence pack's files that need no browser: DNS answers and provenance. */
import { trackerLists } from '../../src/trackers/index.js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEFAULT_TIMING } from '../../src/audit/settings.js';
import { siteDirName, writeProvenance } from '../../src/collect/evidence-pack.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { judge } from '../../src/judge/judge.js';
import { evidence, page } from '../support/evidence.js';
import { ruleSet } from '../support/rules.js';

describe('evidence pack files', () => {
  it('writes DNS answers (from the evidence) and provenance, and the result points to both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatons-pack-unit-'));
    mkdirSync(join(dir, 'asso.example'));
    const ev = evidence('https://asso.example/', [page('https://asso.example/')], [], {
      pack: { dir, provenance: 'asso.example/provenance.json', har: 'asso.example/site.har', dns: null, pages: [] },
    });
    const answers = [{ host: 'asso.example', cname: [], addresses: ['192.0.2.1'] }];
    Object.assign(ev, { dns: answers });
    const result: AuditResult = judge(ev, ruleSet, { lang: 'en', levels: {} });
    expect(writeProvenance(result, ev, { maxPages: 3, timing: DEFAULT_TIMING, levels: {}, allowlist: [] })).toBeNull();
    expect(result.evidencePack?.dns).toBe('asso.example/dns.json');
    expect(JSON.parse(readFileSync(join(dir, 'asso.example/dns.json'), 'utf8'))).toEqual(answers);
    const provenance = JSON.parse(readFileSync(join(dir, 'asso.example/provenance.json'), 'utf8')) as Record<string, unknown>;
    expect(provenance).toMatchObject({
      tool: { name: 'chatons-audit', version: 'test' },
      browser: null,
      lists: trackerLists(),
      target: 'https://asso.example/',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:02.000Z',
      options: { maxPages: 3, candidate: false },
    });
  });

  it('refuses an --evidence-dir it cannot create, before any browser (exit 2)', async () => {
    // A folder under a plain file cannot exist. (Not under /proc: Node 20's recursive mkdir loops there.)
    const file = join(mkdtempSync(join(tmpdir(), 'chatons-pack-file-')), 'a-file');
    writeFileSync(file, '');
    let stderr = '';
    const code = await main({
      argv: ['node', 'chatons-audit', '--evidence-dir', join(file, 'pack'), '--browser', '/nonexistent', 'example.org'],
      env: { LANG: 'en' },
      cwd: () => tmpdir(),
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/a-file\/pack.*ENOTDIR/);
  });

  it('names site folders after the host and port only', () => {
    expect(siteDirName(new URL('https://services.example.org/'))).toBe('services.example.org');
    expect(siteDirName(new URL('https://[::1]:8443/x'))).toBe('___1__8443');
  });
});
