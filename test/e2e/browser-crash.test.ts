/**
 * A batch survives its browser being killed mid-site: the browser is relaunched, the site
 * retried once, and the other sites go on.
 */
import { listProcesses } from '../../src/bench/process-tree.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Auditor, type AuditSettings } from '../../src/audit/auditor.js';
import { runBatch, type SiteOutcome } from '../../src/audit/batch/runner.js';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { ruleSet } from '../support/rules.js';

let internet: FixtureInternet;
beforeAll(async () => {
  internet = await startFixtureInternet();
});
afterAll(async () => internet?.close());

/** Chromium's main process: a child of this process whose command line is a browser's. */
function browserPids(): number[] {
  return listProcesses()
    .filter((p) => p.ppid === process.pid && /chrom/i.test(p.cmdline))
    .map((p) => p.pid);
}

describe('browser crash during a batch', () => {
  it('relaunches the browser, retries the site once, and finishes the batch', async () => {
    const settings: AuditSettings = {
      lang: 'en',
      candidate: false,
      ownDomains: [],
      mappings: [parseHostMapping(internet.mapHost)],
      timing: { timeoutMs: 5_000, settleCapMs: 2_500, quietMs: 300 },
      maxPages: 1,
      browserPath: findBrowser(undefined, process.env),
      trust: loadExtraTrust([internet.caCertFile]),
      levels: {},
      locale: 'fr-FR',
    };
    const targets = ['services.bonchaton.example', 'late-tracker.example', 'ua.example'].map((h) => ({
      url: new URL(`https://${h}/`),
      overrides: {},
    }));
    let launches = 0;
    let killed = 0;
    const outcomes: SiteOutcome[] = [];
    await runBatch(targets, {
      concurrency: 1,
      launch: async () => {
        launches += 1;
        return Auditor.start(settings, ruleSet);
      },
      onStart: (target) => {
        // Kill the browser half a second into the second site.
        if (target.url.hostname === 'late-tracker.example' && killed === 0) {
          setTimeout(() => {
            for (const pid of browserPids()) {
              process.kill(pid, 'SIGKILL');
              killed += 1;
            }
          }, 500);
        }
      },
      onSite: (outcome) => void outcomes.push(outcome),
    });
    expect(killed).toBeGreaterThan(0);
    expect(launches).toBe(2);
    expect(outcomes.map((o) => [o.target.url.hostname, 'result' in o, o.retried])).toEqual([
      ['services.bonchaton.example', true, false],
      ['late-tracker.example', true, true],
      ['ua.example', true, false],
    ]);
    const late = outcomes[1];
    // The retried site is a real audit on the new browser, not a failure report.
    expect(late && 'result' in late ? late.result.rules.find((r) => r.id === 'site-online')?.outcome : null).toBe('pass');
  });
});
