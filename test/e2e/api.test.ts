/**
 * The programmatic API as a user's program gets it: `import('chatons-audit')` resolved by Node
 * through package.json (exports, main, types) to the built files, in a process of its own, auditing
 * the fixture internet hermetically (its mappings, its CA, its DNS).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contracts/result.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { packageRoot } from '../../src/util/paths.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';

let internet: FixtureInternet;
let dns: FixtureDns;
beforeAll(async () => {
  internet = await startFixtureInternet();
  dns = await startFixtureDns();
});
afterAll(async () => {
  await internet?.close();
  await dns?.close();
});

/** Runs an ES module in a new Node process from the package root, where `chatons-audit` names this package. */
function runModule(code: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', code],
      {
        cwd: packageRoot,
        env: { ...process.env, LANG: 'en_GB.UTF-8' },
        timeout: 90_000,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('the package entry', () => {
  it('points at files the build produces', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
      main: string;
      types: string;
      exports: Record<string, { types: string; default: string }>;
    };
    const entry = pkg.exports['.'];
    for (const file of [pkg.main, pkg.types, entry?.types ?? 'missing', entry?.default ?? 'missing']) {
      expect(existsSync(join(packageRoot, file)), file).toBe(true);
    }
    expect(readFileSync(join(packageRoot, pkg.types), 'utf8')).toMatch(
      /export declare function audit\(url: string \| URL, options\?: AuditOptions\): Promise<AuditResult>/,
    );
  });

  it('audits a site with audit(url, options) and renders it with reporters', async () => {
    const options = { mapHost: [internet.mapHost], caCert: [internet.caCertFile], dnsServers: [dns.server], lang: 'en' };
    const run = await runModule(`
      const { audit, reporters } = await import('chatons-audit');
      const result = await audit(new URL('https://google-fonts.example/'), ${JSON.stringify(options)});
      const markdown = reporters.markdown(result, { lang: 'en', color: false });
      process.stdout.write(JSON.stringify({ result, markdown }));
    `);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { result, markdown } = JSON.parse(run.stdout) as { result: AuditResult; markdown: string };
    expect(result.target).toBe('https://google-fonts.example/');
    expect(result.verdict).toBe('non-compliant');
    expect(result.rules.find((r) => r.id === 'no-third-party-fonts')?.findings.map((f) => f.host)).toContain('fonts.gstatic.com');
    expect(markdown).toContain('fonts.gstatic.com');
  });

  it("refuses a bad option with the command line's message", async () => {
    const run = await runModule(`
      const { audit } = await import('chatons-audit');
      await audit('https://google-fonts.example/', { lang: 'en', timeoutMs: 5 }).catch((error) => process.stdout.write(error.message));
    `);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('invalid --timeout "5"; allowed values: 1000–600000');
  });
});
