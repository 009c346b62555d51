/**
 * How a site's pages are scheduled: planned pages load while the portal waits out its quiet
 * window, a few at once, yet the evidence keeps the planned order, and a link a script adds to
 * the portal late is still followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteAudit } from '../../src/audit/auditor.js';
import { startFixtureWorld, type FixtureWorld } from '../support/fixture-audit.js';

let world: FixtureWorld;
let audit: SiteAudit;
beforeAll(async () => {
  world = await startFixtureWorld();
  audit = await world.auditor.audit(new URL('https://menu-tardif.example/'));
}, 60_000);
afterAll(async () => world?.close());

describe('site schedule', () => {
  it('keeps the planned order although the terms page answers last', () => {
    // cgu.html answers 1.5 s late; a-propos.html, planned after it, ends first.
    expect(audit.evidence.pages.map((p) => [p.role, new URL(p.url).pathname])).toEqual([
      ['portal', '/'],
      ['terms', '/cgu.html'],
      ['other', '/a-propos.html'],
      ['legal', '/mentions-legales.html'],
    ]);
    expect(audit.evidence.requests.map((r) => new URL(r.page).pathname).filter((p, i, all) => p !== all[i - 1])).toEqual([
      '/',
      '/cgu.html',
      '/a-propos.html',
      '/mentions-legales.html',
    ]);
  });

  it('loads the planned pages while the portal waits out its quiet window', () => {
    // Sequential visits would take at least the sum of the pages' own times.
    const { startedAt, finishedAt, pages } = audit.evidence;
    const sum = pages.reduce((total, p) => total + p.loadMs, 0);
    expect(sum).toBeGreaterThan(Date.parse(finishedAt) - Date.parse(startedAt));
  });

  it("follows a link the portal's script adds after load, once the portal has settled", () => {
    const portal = audit.evidence.pages[0];
    expect(portal?.links.map((l) => new URL(l.href).pathname)).toContain('/mentions-legales.html');
    expect(audit.result.rules.find((r) => r.id === 'legal-notice')?.outcome).toBe('pass');
  });
});
