/**
 * The notice about old tracker lists: true and actionable for the way the tool was installed,
 * never about the age of the newest lists available, once per run, silenced by configuration.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/util/paths.js';
import { trackerDataState, trackerListsNotice, type TrackerDataState } from '../../src/trackers/staleness.js';
import { GOLDEN_DIR } from '../support/golden.js';

const SOURCES = { 'third-party-web': '0.30.0', '@adguard/dnr-rulesets': '3.3.20260320140136' };
const packaged: TrackerDataState = { vendored: '2026-11-24', sources: SOURCES, installed: null };
const clone: TrackerDataState = { ...packaged, installed: SOURCES };

describe('trackerListsNotice', () => {
  it('says nothing while the data is recent, however old the lists themselves are', () => {
    // The real data: AdGuard lists published in March 2026, vendored in November 2026.
    const real = trackerDataState();
    expect(real.vendored).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(trackerListsNotice({ ...real, installed: null }, 'fr', new Date(Date.parse(real.vendored) + 30 * 86_400_000))).toBeNull();
    expect(trackerListsNotice(packaged, 'en', new Date('2027-05-20T00:00:00Z'))).toBeNull();
  });

  it('tells an installed package to install a newer chatons-audit, never to run a clone script', () => {
    const fr = trackerListsNotice(packaged, 'fr', new Date('2027-07-01T00:00:00Z'));
    expect(fr).toMatch(/^attention : ce chatons-audit contient des listes de pisteurs intégrées le 2026-11-24, il y a 219 jours/);
    expect(fr).toMatch(/version plus récente de chatons-audit/);
    expect(fr).toMatch(/trackerListsNotice: false/);
    expect(fr).not.toMatch(/npm run|npm install -D/);
    expect(trackerListsNotice(packaged, 'en', new Date('2027-07-01T00:00:00Z'))).toMatch(
      /^warning: this chatons-audit carries .*Install a newer chatons-audit/,
    );
  });

  it('tells a development clone to vendor the newer lists it already has, whatever the date', () => {
    const ahead = { ...clone, installed: { ...SOURCES, '@adguard/dnr-rulesets': '3.4.20270101000000' } };
    expect(trackerListsNotice(ahead, 'en', new Date('2026-11-25T00:00:00Z'))).toBe(
      'warning: newer tracker lists are installed but not yet vendored (@adguard/dnr-rulesets 3.3.20260320140136 → 3.4.20270101000000); vendor them with: npm run update-trackers',
    );
    // An older package in node_modules is no reason to re-vendor.
    expect(
      trackerListsNotice({ ...clone, installed: { ...SOURCES, 'third-party-web': '0.29.0' } }, 'en', new Date('2026-11-25T00:00:00Z')),
    ).toBeNull();
    expect(trackerListsNotice(clone, 'fr', new Date('2027-07-01T00:00:00Z'))).toMatch(
      /^attention : listes de pisteurs intégrées le 2026-11-24.*npm install -D third-party-web@latest @adguard\/dnr-rulesets@latest && npm run update-trackers/,
    );
  });

  it('knows a clone (the update script is there) from an installed package', () => {
    expect(trackerDataState(packageRoot).installed).not.toBeNull();
    const installed = mkdtempSync(join(tmpdir(), 'chatons-installed-'));
    mkdirSync(join(installed, 'dist'));
    expect(trackerDataState(installed).installed).toBeNull();
  });
});

describe('the notice in a run', () => {
  afterEach(() => vi.useRealTimers());

  async function rejudge(cwd: string, extra: string[] = []): Promise<string> {
    let stderr = '';
    const evidence = join(cwd, 'two.evidence.json');
    await main({
      argv: ['node', 'chatons-audit', '--from-evidence', evidence, '-f', 'json', '--fail-on', 'never', ...extra],
      env: { LANG: 'fr_FR.UTF-8' },
      cwd: () => cwd,
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
    });
    return stderr;
  }

  function workDir(config?: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'chatons-notice-'));
    const one = (site: string): unknown => JSON.parse(readFileSync(join(GOLDEN_DIR, `${site}.evidence.json`), 'utf8'));
    writeFileSync(join(dir, 'two.evidence.json'), JSON.stringify([one('google-fonts.example'), one('asso-avant.example')]));
    if (config) writeFileSync(join(dir, '.chatons-audit.yml'), config);
    return dir;
  }

  it('is printed once for several sites, and not at all when the configuration says so', async () => {
    // A year after the data was vendored: the notice is due (this clone's node_modules are not ahead).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.parse(trackerDataState().vendored) + 365 * 86_400_000));
    const stderr = await rejudge(workDir());
    expect(stderr.match(/listes de pisteurs intégrées/g)).toHaveLength(1);
    expect(await rejudge(workDir('trackerListsNotice: false\n'))).not.toMatch(/pisteurs/);
  });

  it('is printed once by a batch too, before its sites', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.parse(trackerDataState().vendored) + 365 * 86_400_000));
    let stderr = '';
    const cwd = workDir();
    // /bin/true stops the batch right after its planning: the notice must already be out, once.
    await main({
      argv: [
        'node',
        'chatons-audit',
        '--browser',
        '/bin/true',
        '--map-host',
        '*=127.0.0.1:9',
        '--concurrency',
        '2',
        'a.example',
        'b.example',
      ],
      env: { LANG: 'fr_FR.UTF-8' },
      cwd: () => cwd,
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(stderr.match(/listes de pisteurs intégrées/g)).toHaveLength(1);
  });
});
