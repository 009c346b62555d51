/**
 * `chatons-audit rules` and `chatons-audit explain`, through main() with a fake process
 * (no spawn, no browser).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, type CliRun } from '../support/main.js';
import { ruleSet } from '../support/rules.js';

const cli = (args: string[], cwd?: string): Promise<CliRun> => runMain(args, {}, cwd);

describe('chatons-audit rules', () => {
  it('prints a table of every rule with its level marker', async () => {
    const run = await cli(['rules']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^règle\s+niveau\s+section\s+titre$/);
    expect(rows).toHaveLength(ruleSet.rules.length + 1);
    expect(rows.find((r) => r.startsWith('no-third-party-fonts '))).toMatch(/! bloquant\s+B\s+Aucune police/);
  });

  it('prints JSON with the levels the configuration sets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatons-rules-'));
    writeFileSync(join(dir, '.chatons-audit.yml'), 'rules: { no-third-party-images: suggestion }\n');
    const run = await cli(['rules', '--format', 'json', '--lang', 'en'], dir);
    const rows = JSON.parse(run.stdout) as { id: string; level: string; defaultLevel: string; title: string; help: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(ruleSet.rules.map((r) => r.id).sort());
    expect(rows.find((r) => r.id === 'no-third-party-images')).toMatchObject({
      level: 'suggestion',
      defaultLevel: 'blocking',
      title: 'No image loaded from a third party',
    });
  });

  it('refuses an unknown format with exit 2', async () => {
    const run = await cli(['rules', '--format', 'yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format « yaml ».*table, json/);
  });
});

describe('chatons-audit explain', () => {
  it('says what a rule checks, why the charter asks it and how to fix it, in French by default', async () => {
    const run = await cli(['explain', 'no-third-party-fonts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^! no-third-party-fonts — Aucune police/);
    expect(run.stdout).toContain('Ce qui est vérifié :');
    expect(run.stdout).toMatch(/Pourquoi la charte le demande :\n {2}La charte interdit la publicité/);
    expect(run.stdout).toMatch(/Comment corriger :\n {2}\S/);
  });

  it('explains in English, for every rule', async () => {
    for (const rule of ruleSet.rules) {
      const run = await cli(['explain', rule.id, '--lang', 'en']);
      expect(run.code, rule.id).toBe(0);
      expect(run.stdout).toContain(rule.help.en);
      expect(run.stdout).toContain('Why the charter asks it:');
    }
  });

  it('names the list command for an unknown rule (exit 2)', async () => {
    const run = await cli(['explain', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/règle inconnue « no-such-rule ».*chatons-audit rules/);
  });
});
