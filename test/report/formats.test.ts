/** The registry: every format is reachable by name and by the --output file extension. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatFromFileName } from '../../src/report/index.js';
import { runMain } from '../support/main.js';
import { GOLDEN_DIR } from '../support/golden.js';

describe('report formats', () => {
  it('registers the six formats and infers them from file extensions', () => {
    expect(FORMAT_NAMES).toEqual(['terminal', 'json', 'markdown', 'html', 'sarif', 'junit']);
    expect(['r.json', 'r.txt', 'r.md', 'r.html', 'r.sarif', 'r.xml', 'r.pdf'].map(formatFromFileName)).toEqual([
      'json',
      'terminal',
      'markdown',
      'html',
      'sarif',
      'junit',
      undefined,
    ]);
  });

  it('writes one JUnit document and one HTML page for several re-judged sites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatons-formats-'));
    const evidence = join(dir, 'two.json');
    const both = ['services.bonchaton.example', 'google-fonts.example'].map((s) =>
      readFileSync(join(GOLDEN_DIR, `${s}.evidence.json`), 'utf8').trim(),
    );
    writeFileSync(evidence, `[${both.join(',')}]`);
    const run = await runMain(['--from-evidence', evidence, '-o', join(dir, 'report.xml')]);
    expect(run.code).toBe(1);
    const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
    const html = await runMain(['--from-evidence', evidence, '-o', join(dir, 'report.html')]);
    expect(html.code).toBe(1);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page.match(/<!DOCTYPE html>/g)).toHaveLength(1);
    expect(page.match(/<article class="site" id="site-\d+">/g)).toHaveLength(2);
    expect(page.match(/<nav class="index">/g)).toHaveLength(1);
  });
});
