/**
 * Configuration: allowlist entries need a justification, per-target overrides merge on the top
 * level, invalid keys are refused naming the key and the allowed values; an allowlisted host's
 * findings stay visible but do not fail their rule.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAllowlist, allowEntryFor } from '../../src/judge/allowlist.js';
import { UsageError } from '../../src/errors.js';
import { loadConfig, siteConfigFor } from '../../src/audit/config.js';
import type { AuditResult } from '../../src/contracts/result.js';
import { reporters } from '../../src/report/index.js';
import { runMain } from '../support/main.js';
import { GOLDEN_DIR, goldenResult } from '../support/golden.js';
import { ruleSet } from '../support/rules.js';

const dir = mkdtempSync(join(tmpdir(), 'chatons-config-'));
function configFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
function refusal(text: string): string {
  try {
    loadConfig(configFile('bad.yml', text), dir, ruleSet.rules);
  } catch (error) {
    if (error instanceof UsageError) return error.text('en');
    throw error;
  }
  throw new Error('accepted');
}

const PEERTUBE = 'Videos of our workshops, hosted on the PeerTube of another CHATONS member';
const GOOD = `
ownDomains: [tisserands.example]
rules: { no-third-party-images: suggestion }
allowlist:
  - host: video.autre-chaton.example
    justification: "${PEERTUBE}"
targets:
  asso-avant.example:
    rules: { no-third-party-images: off }
    allowlist:
      - host: "*.gravatar.com"
        justification: "Avatars of the forum, to be replaced before the next review"
`;

describe('configuration', () => {
  it('reads the allowlist and per-target overrides, merged for the target', () => {
    const config = loadConfig(configFile('good.yml', GOOD), dir, ruleSet.rules);
    expect(siteConfigFor(config, 'https://other.example/')).toEqual({
      levels: { 'no-third-party-images': 'suggestion' },
      ownDomains: ['tisserands.example'],
      allowlist: [{ host: 'video.autre-chaton.example', justification: PEERTUBE }],
    });
    const site = siteConfigFor(config, 'https://asso-avant.example/');
    expect(site.levels).toEqual({ 'no-third-party-images': 'off' });
    expect(site.allowlist.map((e) => e.host)).toEqual(['video.autre-chaton.example', '*.gravatar.com']);
    expect(allowEntryFor('secure.gravatar.com', site.allowlist)?.host).toBe('*.gravatar.com');
    expect(allowEntryFor('gravatar.com.evil.example', site.allowlist)).toBeUndefined();
  });

  it.each([
    ['allowlist:\n  - host: video.example.org\n', /allowlist\[0\]\.justification.*why this third party is accepted/],
    ['allowlist:\n  - host: video.example.org\n    justification: ""\n', /allowlist\[0\]\.justification/],
    ['allowlist:\n  - host: "http://video.example.org/"\n    justification: ok ok\n', /allowlist\[0\]\.host.*a host name or \*\.domain/],
    ['allowlist:\n  - host: v.example.org\n    justification: fine here\n    rules: [x]\n', /allowlist\[0\]\.rules.*host, justification/],
    ['allowlist: video.example.org\n', /"allowlist".*a list of \{ host/],
    ['targets:\n  a.example:\n    candidate: true\n', /targets\.a\.example\.candidate.*rules, ownDomains, allowlist/],
    [
      'targets:\n  a.example:\n    rules: { no-third-party-fonts: fatal }\n',
      /targets\.a\.example\.rules\.no-third-party-fonts.*blocking \| suggestion \| off/,
    ],
    ['targets: [a.example]\n', /"targets"/],
    ['colour: red\n', /"colour".*rules, ownDomains, allowlist, targets/],
  ])('refuses %j naming the key and the allowed values', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('exits 2 on an invalid allowlist, one line on stderr', async () => {
    const run = await runMain(['--config', configFile('cli.yml', 'allowlist:\n  - host: video.example.org\n'), 'example.org']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/« allowlist\[0\]\.justification »/);
  });
});

describe('allowlist', () => {
  const both = [
    { host: 'video.autre-chaton.example', justification: PEERTUBE },
    { host: '*.gravatar.com', justification: 'Avatars, to be replaced' },
  ];

  it('keeps allowed findings visible with their justification and passes a rule made only of them', () => {
    const result = goldenResult('asso-avant.example', 'en', both);
    expect(result.verdict).toBe('compliant');
    const requests = result.rules.find((r) => r.id === 'no-third-party-requests');
    expect(requests?.outcome).toBe('pass');
    expect(requests?.findings.map((f) => [f.host, f.allowed?.justification])).toEqual([
      ['secure.gravatar.com', 'Avatars, to be replaced'],
      ['video.autre-chaton.example', PEERTUBE],
    ]);
  });

  it('still fails on a host that is not allowed', () => {
    const result = goldenResult('asso-apres.example', 'en', both);
    expect(result.verdict).toBe('non-compliant');
    const requests = result.rules.find((r) => r.id === 'no-third-party-requests');
    expect(requests?.outcome).toBe('fail');
    expect(requests?.findings.filter((f) => !f.allowed).map((f) => f.host)).toEqual(['www.googletagmanager.com']);
  });

  it('shows the justification in every report format', () => {
    const result: AuditResult = goldenResult('asso-avant.example', 'en', both);
    for (const [format, render] of Object.entries(reporters)) {
      expect(render(result, { lang: 'en', color: false }), format).toContain(PEERTUBE);
    }
    expect(applyAllowlist(result, [])).toBe(result);
  });

  it('applies a per-target override when re-judging saved evidence', async () => {
    const config = configFile(
      'targets.yml',
      `targets:\n  asso-avant.example:\n    allowlist:\n${both.map((e) => `      - host: "${e.host}"\n        justification: "${e.justification}"\n`).join('')}`,
    );
    // Judged by every rule, these small fixtures fail others (no legal notice...): the override
    // is shown on the third-party rule it is about.
    const thirdParty = (stdout: string) => (JSON.parse(stdout) as AuditResult).rules.find((r) => r.id === 'no-third-party-requests');
    const run = await runMain(['--from-evidence', join(GOLDEN_DIR, 'asso-avant.example.evidence.json'), '--config', config, '-f', 'json']);
    expect(thirdParty(run.stdout)?.outcome).toBe('pass');
    // Both hosts are there, each allowed (an empty list would not say so).
    expect(thirdParty(run.stdout)?.findings.map((f) => [f.host, Boolean(f.allowed)])).toEqual([
      ['secure.gravatar.com', true],
      ['video.autre-chaton.example', true],
    ]);
    const other = await runMain([
      '--from-evidence',
      join(GOLDEN_DIR, 'asso-apres.example.evidence.json'),
      '--config',
      config,
      '-f',
      'json',
    ]);
    expect(thirdParty(other.stdout)?.outcome).toBe('fail');
    expect(other.code).toBe(1);
  });
});
