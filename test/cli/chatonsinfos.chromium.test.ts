/**
 * The CLI with --chatonsinfos, and the reviewer's questions at the very end of the terminal
 * report. A --chatonsinfos value that is not an http(s) URL: bad-input.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { runMain } from '../support/main.js';

let internet: FixtureInternet;
beforeAll(async () => {
  internet = await startFixtureInternet();
});
afterAll(async () => internet?.close());
const world = (): string[] => ['--map-host', internet.mapHost, '--ca-cert', internet.caCertFile, '--quiet-window', '300'];

describe('CLI: transparency documents', () => {
  it('reads the --chatonsinfos file and ends the report with the questions no tool can answer', async () => {
    const file = 'https://futur-chaton.example/.well_known/chatonsinfos/organization.properties';
    const run = await runMain([
      ...world(),
      '--lang',
      'en',
      '--fail-on',
      'never',
      '--chatonsinfos',
      file,
      'https://toile-partagee.example/',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('vieux-pad.futur-chaton.example');
    const tail = run.stdout.trimEnd().split('\n').slice(-7);
    expect(tail[0]).toBe('Questions no tool can answer (to ask the structure)');
    expect(tail.slice(1).every((l) => l.startsWith('  ? '))).toBe(true);
    expect(run.stdout).toMatch(/Name of the publication director not found/);
  });
});
