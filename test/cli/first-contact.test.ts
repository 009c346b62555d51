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
import { packageRoot } from '../../src/util/paths.js';
import { runMain, type CliRun } from '../support/main.js';

const cli = (args: string[], cwd?: string): Promise<CliRun> => runMain(args, {}, cwd);

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
    expect(await levelOf(dirWith({ '.chatons-audit.yaml': 'rules: { no-third-party-images: off }\n' }), 'no-third-party-images')).toBe(
      'off',
    );
    expect(await levelOf(dirWith({ '.chatons-audit.yml': 'rules: { no-third-party-images: off }\n' }), 'no-third-party-images')).toBe(
      'off',
    );
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

describe('chatons-audit --help', () => {
  it('shows the audit arguments and options at the top level, then the commands', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--format',
      '--output',
      '--map-host',
      '--fail-on',
      '--from-evidence',
      '--targets',
      '--output-dir',
      '--version',
      '--help',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/^Utilisation : chatons-audit \[options\] \[urls\.\.\.\]/);
    expect(run.stdout).toMatch(/Arguments :\n {2}urls/);
    expect(run.stdout).toMatch(/Commandes :\n {2}audit /);
    expect(run.stdout.indexOf('--format')).toBeLessThan(run.stdout.indexOf('Commandes :'));
    // The batch options under their own heading, after the others.
    expect(run.stdout).toMatch(/Plusieurs sites \(lots, reprise, tranches\) :\n {2}--targets/);
    expect(run.stdout.indexOf('--version')).toBeLessThan(run.stdout.indexOf('Plusieurs sites'));
  });

  it("speaks French without commander's English, and English without French", async () => {
    const fr = await cli(['--help']);
    for (const english of ['Usage:', 'Options:', 'Commands:', 'output the version', 'display help', '(default:', '<file>', '<name>']) {
      expect(fr.stdout).not.toContain(english);
    }
    const explainFr = await cli(['explain', '--help']);
    expect(explainFr.stdout).toContain('<id-de-règle>');
    expect(explainFr.stdout).not.toContain('display help');
    const en = await cli(['--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: chatons-audit \[options\] \[urls\.\.\.\]/);
    for (const french of ['Utilisation', 'Commandes', 'fichier', 'défaut', 'afficher']) expect(en.stdout).not.toContain(french);
    // A repeatable option starts empty: no "(default: [])".
    expect(en.stdout).not.toContain('[]');
  });
});

describe('help in a terminal', () => {
  /** The longest help line main() writes to a terminal of `columns` columns. */
  const widest = async (columns: number): Promise<number> => {
    let out = '';
    const code = await main({
      argv: ['node', 'chatons-audit', '--help'],
      env: { LANG: 'en_US.UTF-8' },
      cwd: () => packageRoot,
      stdout: { isTTY: true, columns, write: (s: string) => (out += s) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    return Math.max(...out.split('\n').map((l) => l.length));
  };

  it("is laid out for the terminal main() was given, not the test process's", async () => {
    expect(await widest(100)).toBeLessThanOrEqual(100);
    // Wider than the 80 columns commander assumes without a terminal: the given one is read.
    expect(await widest(200)).toBeGreaterThan(100);
  });
});

describe('did you mean', () => {
  it.each([
    [['rule'], /commande inconnue « rule » ; vouliez-vous dire « rules » \?/],
    [['explian', 'no-third-party-fonts'], /commande inconnue « explian » ; vouliez-vous dire « explain » \?/],
    [['--lang', 'fr', 'demi'], /« demi » ; vouliez-vous dire « demo » \?/],
    [['--fromat', 'json', 'example.org'], /option inconnue --fromat ; vouliez-vous dire --format \?/],
    [['explain', 'no-third-party-font'], /règle inconnue « no-third-party-font » ; vouliez-vous dire « no-third-party-fonts » \?/],
  ])('%j → a suggestion, one line, exit 2, not read as an address', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/adresse invalide|unknown|Did you mean/);
  });

  it('leaves a bare word far from every command to the address check', async () => {
    const run = await cli(['--lang', 'en', 'zzqx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/invalid address "zzqx"/);
    expect(run.stderr).not.toMatch(/did you mean/);
  });

  it.each([
    ['rules: { no-third-party-font: off }\n', /« rules\.no-third-party-font ».*vouliez-vous dire « no-third-party-fonts » \?/],
    [
      'ownDomain: [exemple.net]\n',
      /« ownDomain ».*une des clés rules, ownDomains, allowlist, targets, trackerListsNotice ; vouliez-vous dire « ownDomains » \?/,
    ],
    ['alowlist: []\n', /vouliez-vous dire « allowlist » \?/],
    ['targets:\n  a.example:\n    rule: {}\n', /« targets\.a\.example\.rule ».*vouliez-vous dire « rules » \?/],
  ])('configuration %j → the key and a suggestion, in French', async (text, message) => {
    const run = await cli(['rules'], dirWith({ '.chatons-audit.yml': text }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('writes configuration errors without English in French and the other way round', async () => {
    const cases = [
      'rules: { nope: off }\n',
      'ownDomains: 3\n',
      'allowlist:\n  - host: v.example.org\n',
      'allowlist:\n  - host: "http://x/"\n    justification: fine here\n',
      'targets:\n  "a b": {}\n',
      'targets: [a]\n',
      '[1, 2]\n',
    ];
    for (const text of cases) {
      const dir = dirWith({ '.chatons-audit.yml': text });
      const fr = await cli(['rules'], dir);
      expect(fr.code, text).toBe(2);
      expect(fr.stderr, text).not.toMatch(/\b(a rule id|allowed|e\.g\.|a list of|a mapping|a host name|a non-empty|expected|\(root\))\b/);
      const en = await cli(['rules', '--lang', 'en'], dir);
      expect(en.stderr, text).not.toMatch(/clé|attendu|une liste|un dictionnaire|nom d'hôte|vouliez/);
    }
  });
});

describe('explain in English', () => {
  it('names the checklist section in English', async () => {
    const run = await cli(['explain', 'https-hardening', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/section D\. Technical hygiene/);
    expect(run.stdout).not.toMatch(/Hygiène|Publicité|Documents de transparence/);
  });
});
