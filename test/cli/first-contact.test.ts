/**
 * What a new user meets first: the default configuration file under either YAML spelling, a
 * --browser that is not a Chromium, help that shows the audit options, and "did you mean" for
 * mistyped commands, options, rule ids and configuration keys. Through main() with a fake
 * process (no spawn); the only browser started is /bin/true, which exits at once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function cli(args: string[], cwd = process.cwd(), lang = 'fr_FR.UTF-8'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: ['node', 'chatons-audit', ...args], env: { LANG: lang }, cwd: () => cwd,
    stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const oneLine = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chatons-first-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const levelOf = async (dir: string, id: string): Promise<string | undefined> => {
  const run = await cli(['rules', '--format', 'json'], dir);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { id: string; level: string }[]).find((r) => r.id === id)?.level;
};

describe('default configuration file', () => {
  it('reads .chatons-audit.yaml as it reads .chatons-audit.yml', async () => {
    expect(await levelOf(dirWith({ '.chatons-audit.yaml': 'rules: { no-third-party-images: off }\n' }), 'no-third-party-images')).toBe('off');
    expect(await levelOf(dirWith({ '.chatons-audit.yml': 'rules: { no-third-party-images: off }\n' }), 'no-third-party-images')).toBe('off');
    expect(await levelOf(dirWith({}), 'no-third-party-images')).toBe('blocking');
  });

  it('refuses two default files, naming both, rather than silently picking one', async () => {
    const dir = dirWith({ '.chatons-audit.yml': 'rules: {}\n', '.chatons-audit.yaml': 'rules: { no-third-party-images: off }\n' });
    const run = await cli(['rules'], dir);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain(join(dir, '.chatons-audit.yml'));
    expect(run.stderr).toContain(join(dir, '.chatons-audit.yaml'));
    expect(run.stderr).toMatch(/--config/);
    // An explicit --config settles it.
    const chosen = await cli(['rules', '--format', 'json', '--config', '.chatons-audit.yaml'], dir);
    expect(chosen.code).toBe(0);
  });
});

describe('--browser that is not a Chromium', () => {
  it('says so in one line, exit 2, instead of an internal protocol error', async () => {
    const run = await cli(['--browser', '/bin/true', '--map-host', '*=127.0.0.1:9', 'https://example.org/']);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/navigateur \/bin\/true n'a pas pu être lancé.*Chromium.*--browser/);
    expect(run.stderr).not.toMatch(/erreur interne|Protocol error/);
    expect(run.stdout).toBe('');
  });
});
