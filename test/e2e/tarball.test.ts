/**
 * The package as a user gets it: `npm pack`, then `npm install --global` of that tarball into a
 * temporary prefix, then the installed command run from an empty folder with no clone on the
 * PATH. Dependencies come from the npm cache (--prefer-offline); nothing else is fetched.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageInfo, packageRoot } from '../../src/util/paths.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** stdin closed: npm waits on an open stdin pipe. */
function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The environment of a user's shell: none of the test run's settings, no clone on the PATH. */
function userEnv(prefixBin: string, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: [prefixBin, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    LANG: 'fr_FR.UTF-8',
    NO_COLOR: '1',
  };
  // The npm cache of this machine, so the install works offline.
  const cache = process.env.npm_config_cache ?? join(process.env.HOME ?? home, '.npm');
  env.npm_config_cache = cache;
  return env;
}

const work = mkdtempSync(join(tmpdir(), 'chatons-audit-tarball-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball, installed into an empty prefix', () => {
  it('installs offline and runs --help, --version, rules, explain and demo from an empty folder', async () => {
    const packDir = join(work, 'pack');
    const prefix = join(work, 'prefix');
    const empty = join(work, 'empty');
    for (const dir of [packDir, prefix, empty]) mkdirSync(dir);
    const env = userEnv(join(prefix, 'bin'), work);
    const npm = join(dirname(process.execPath), 'npm');

    // --ignore-scripts: the test run has built dist/ already; rebuilding it under tests that run it would race them.
    const pack = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir, packageRoot], {
      cwd: empty,
      env,
      timeoutMs: 120_000,
    });
    expect(pack.stderr).not.toMatch(/npm error/i);
    expect(pack.code).toBe(0);
    const packed = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0];
    expect(packed).toBeDefined();
    const shipped = packed?.files.map((f) => f.path) ?? [];
    expect(shipped).toContain('bin/chatons-audit.js');
    expect(shipped.filter((p) => p.endsWith('.map') || /(^|\/)[^/]*\.key$/.test(p) || p.startsWith('fixtures/tls/'))).toEqual([]);
    const tarball = join(packDir, readdirSync(packDir).find((n) => n.endsWith('.tgz')) ?? 'missing.tgz');

    const install = await run(npm, ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {
      cwd: empty,
      env,
      timeoutMs: 300_000,
    });
    expect(install.stderr).not.toMatch(/npm error/i);
    expect(install.code).toBe(0);
    const bin = join(prefix, 'bin', 'chatons-audit');
    expect(realpathSync(bin).startsWith(realpathSync(prefix))).toBe(true);

    const cli = (args: string[], timeoutMs = 60_000): Promise<Run> => run(bin, args, { cwd: empty, env, timeoutMs });

    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/chatons-audit/);
    expect(help.stdout).toMatch(/\bdemo\b/);

    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(packageInfo.version);

    const rules = await cli(['rules', '--format', 'json']);
    expect(rules.code).toBe(0);
    const ids = (JSON.parse(rules.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['site-online', 'no-third-party-requests', 'legal-notice']));

    const explain = await cli(['explain', 'no-third-party-fonts', '--lang', 'en']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/no-third-party-fonts/);
    expect(explain.stdout.length).toBeGreaterThan(100);

    // The demo serves its sites from the installed package, with a CA made for this run, and
    // finds Chromium by discovery (no --browser, no CHATONS_AUDIT_BROWSER).
    const demo = await cli(['demo', '--format', 'json'], 240_000);
    expect(demo.stderr).not.toMatch(/erreur|error/i);
    expect(demo.code).toBe(0);
    const results = demo.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { target: string; verdict: string; rules: { id: string; outcome: string }[] });
    expect(results.map((r) => [r.target, r.verdict])).toEqual([
      ['https://services.bonchaton.example/', 'compliant'],
      ['https://google-fonts.example/', 'non-compliant'],
      ['https://gravatar-cdn.example/', 'non-compliant'],
    ]);
    // Real TLS validation of the demo's certificate, not an ignored error.
    expect(results[0]?.rules.find((r) => r.id === 'https')?.outcome).toBe('pass');
    // Nothing written where the user stood.
    expect(readdirSync(empty)).toEqual([]);
  }, 600_000);
});
