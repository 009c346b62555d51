/**
 * Bad input through main(), in-process: one clear line on stderr, exit 2, no stack trace
 * (unless --debug), and never a browser started for it. The real bin's exit code on bad input
 * is checked in audit-cli.chromium.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, runMain } from '../support/main.js';

const tmp = mkdtempSync(join(tmpdir(), 'chatons-cli-'));
const badYaml = join(tmp, 'bad.yml');
writeFileSync(badYaml, 'rules: [unclosed');
const badLevel = join(tmp, 'level.yml');
writeFileSync(badLevel, 'rules:\n  no-third-party-fonts: fatal\n');
const rulesDir = mkdtempSync(join(tmpdir(), 'chatons-rules-'));
writeFileSync(join(rulesDir, 'broken-rule.yaml'), 'id: another-id\nlevel: blocking\n');

describe('bad input → exit 2 and one line', () => {
  it.each([
    ['malformed URL', ['http://'], /adresse invalide/],
    ['spaces in the host', ['https://exa mple.org'], /adresse invalide/],
    ['ftp: scheme', ['ftp://site.example/'], /schéma « ftp: » refusé/],
    ['file: scheme', ['file:///etc/passwd'], /schéma « file: » refusé/],
    ['javascript: scheme', ['javascript:alert(1)'], /schéma « javascript: » refusé/],
    ['unknown flag', ['--frobnicate', 'site.example'], /option inconnue --frobnicate.*--help/],
    ['missing browser', ['--browser', '/nonexistent/chromium', 'site.example'], /navigateur introuvable.*\/nonexistent\/chromium/],
    ['unreadable config', ['--config', join(tmp, 'missing.yml'), 'site.example'], /configuration illisible.*missing\.yml/],
    ['config with a YAML error', ['--config', badYaml, 'site.example'], /configuration illisible.*bad\.yml/],
    ['config with an unknown level', ['--config', badLevel, 'site.example'], /rules\.no-third-party-fonts.*blocking \| suggestion \| off/],
    ['bad --format', ['--format', 'pdf', 'site.example'], /--format « pdf »/],
    ['bad --timeout', ['--timeout', 'soon', 'site.example'], /--timeout « soon »/],
    ['bad --map-host', ['--map-host', 'oops', 'site.example'], /--map-host « oops » invalide/],
    ['bad --dns-server', ['--dns-server', 'dns.example:53', 'site.example'], /--dns-server « dns\.example:53 » invalide/],
    ['loopback target', ['https://127.0.0.1/'], /adresse privée ou locale \(127\.0\.0\.1\).*--allow-private/],
    ['no target', [], /aucune cible/],
    ['--fail-on new without --baseline', ['--fail-on', 'new', 'site.example'], /--baseline/],
    ['an unknown --lang', ['--lang', 'de', 'site.example'], /--lang « de ».*fr, en/],
    ['merge with an unknown --lang', ['merge', '.', '--lang', 'de'], /--lang « de ».*fr, en/],
    ['merge with an unknown --fail-on', ['merge', '.', '--fail-on', 'sometimes'], /--fail-on « sometimes »/],
    ['merge --fail-on new without --baseline', ['merge', '.', '--fail-on', 'new'], /--baseline/],
    ['rules with an unknown --lang', ['rules', '--lang', 'de'], /--lang « de ».*fr, en/],
    ['--chatonsinfos not an http(s) URL', ['--chatonsinfos', 'file:///etc/passwd', 'https://toile-partagee.example/'], /--chatonsinfos/],
  ])('%s', async (_name, args, message) => {
    const run = await runMain([...args]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  it('reports an invalid rule file by name, before looking for a browser', async () => {
    const run = await runMain(['--browser', '/nonexistent/chromium', 'site.example'], { CHATONS_AUDIT_RULES_DIR: rulesDir });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain(join(rulesDir, 'broken-rule.yaml'));
    expect(run.stderr).toContain('must equal the file name');
  });

  // --browser points nowhere: a path checked after the audit started would fail on the browser instead.
  const aFile = join(tmp, 'a-file');
  writeFileSync(aFile, '');
  it.each([
    ['-o in a missing folder', ['-o', join(tmp, 'missing', 'report.md')], join(tmp, 'missing', 'report.md')],
    ['-o on a folder', ['-o', tmp], tmp],
    ['--save-evidence in a missing folder', ['--save-evidence', join(tmp, 'missing', 'e.json')], join(tmp, 'missing', 'e.json')],
    ['--output-dir on a file', ['--output-dir', join(aFile, 'out'), 'other.example'], join(aFile, 'out')],
    ['--evidence-dir under /proc', ['--evidence-dir', '/proc/chatons-audit/pack'], '/proc/chatons-audit/pack'],
  ])('refuses an output path it cannot write before the audit: %s', async (_name, args, path) => {
    const run = await runMain(['--browser', '/nonexistent/chromium', ...args, 'site.example']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringContaining(`impossible d'écrire ${path}`)]);
  });

  it('speaks English with --lang en', async () => {
    const run = await runMain(['--lang', 'en', 'ftp://site.example/']);
    expect(run.stderr).toMatch(/^chatons-audit: error: scheme "ftp:" refused/);
  });

  it('shows the stack with --debug', async () => {
    const run = await runMain(['--debug', '--browser', '/nonexistent/chromium', 'site.example']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^\s+at /m);
  });

  it('prints help and exits 0', async () => {
    const run = await runMain(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('demo');
  });
});
