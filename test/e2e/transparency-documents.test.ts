/**
 * Transparency documents end to end (real Chromium): documents and services found from the portal's links,
 * visited with their role and audited like any page; ChatonsInfos read through the browser
 * context without counting as the site's requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteAudit } from '../../src/audit/auditor.js';
import { DEFAULT_TIMING } from '../../src/audit/settings.js';
import { startFixtureWorld, type FixtureWorld } from '../support/fixture-audit.js';
import { schemaErrors } from '../support/schema.js';

// One candidate-mode world: the compliant hoster states a candidacy, never a membership.
let world: FixtureWorld;
const rule = (a: SiteAudit, id: string) => a.result.rules.find((r) => r.id === id);
const roles = (a: SiteAudit) => a.evidence.pages.map((p) => [p.role, new URL(p.url).pathname === '/' ? p.url : new URL(p.url).pathname]);

beforeAll(async () => {
  // A short quiet window: these static pages start nothing late, and there are many of them.
  world = await startFixtureWorld({ candidate: true, timing: { ...DEFAULT_TIMING, quietMs: 400 } });
});
afterAll(async () => world?.close());

describe('transparency documents end to end (real Chromium)', () => {
  it("finds the compliant hoster's documents, services and ChatonsInfos, and keeps it compliant", async () => {
    const a = await world.auditor.audit(new URL('https://services.bonchaton.example/'));
    expect(roles(a)).toEqual(
      expect.arrayContaining([
        ['legal', '/mentions-legales.html'],
        ['terms', '/cgu.html'],
        ['other', '/a-propos.html'],
        ['service', 'https://pad.bonchaton.example/'],
        ['service', 'https://cloud.bonchaton.example/'],
      ]),
    );
    const outcomes = Object.fromEntries(a.result.rules.map((r) => [r.id, r.outcome]));
    expect(a.result.verdict).toBe('compliant');
    expect(outcomes).toMatchObject({
      'legal-notice': 'pass',
      'legal-notice-content': 'pass',
      'terms-of-use': 'pass',
      'privacy-clause': 'pass',
      'service-testable': 'pass',
      'charter-statement': 'pass',
      'no-premature-membership': 'pass',
      chatonsinfos: 'pass',
    });
    expect(a.evidence.chatonsinfos?.files.map((f) => f.url)).toHaveLength(3);
    // Documents are audited like any page: their requests are recorded and judged.
    expect(
      a.evidence.requests.some(
        (r) => r.page === 'https://services.bonchaton.example/mentions-legales.html' && r.resourceType === 'stylesheet',
      ),
    ).toBe(true);
    // The auditor's own ChatonsInfos fetches are not the site's requests.
    expect(a.evidence.requests.some((r) => r.url.includes('chatonsinfos'))).toBe(false);
    expect(a.result.questions).toHaveLength(6);
    expect(schemaErrors(JSON.parse(JSON.stringify(a.result)))).toEqual([]);
  });

  it("fails legal-notice and terms-of-use on a site with neither, without visiting a third party's CGU", async () => {
    const a = await world.auditor.audit(new URL('https://sans-mentions.example/'));
    expect(rule(a, 'legal-notice')?.outcome).toBe('fail');
    expect(rule(a, 'terms-of-use')?.outcome).toBe('fail');
    expect(a.evidence.pages.some((p) => p.url.includes('registrar-exemple'))).toBe(false);
    expect(a.result.verdict).toBe('non-compliant');
  });

  it('discovers an English legal notice, terms of service and privacy policy', async () => {
    const a = await world.auditor.audit(new URL('https://openhost.example/'));
    expect(roles(a)).toEqual(
      expect.arrayContaining([
        ['legal', '/legal-notice.html'],
        ['terms', '/terms-of-service.html'],
        ['privacy', '/privacy-policy.html'],
        ['other', '/about.html'],
        ['service', 'https://chat.openhost.example/'],
      ]),
    );
    expect(
      ['legal-notice', 'legal-notice-content', 'terms-of-use', 'privacy-clause', 'service-testable'].map((id) => rule(a, id)?.outcome),
    ).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    expect(rule(a, 'chatonsinfos')?.findings.map((f) => f.code)).toEqual(['notPublished']);
  });

  it('discovers a German Impressum and Datenschutz', async () => {
    const a = await world.auditor.audit(new URL('https://freie-wolke.example/'));
    expect(roles(a)).toEqual(
      expect.arrayContaining([
        ['legal', '/impressum/'],
        ['privacy', '/datenschutz/'],
        ['terms', '/nutzungsbedingungen/'],
      ]),
    );
    expect(rule(a, 'legal-notice-content')?.outcome).toBe('pass');
    expect(rule(a, 'privacy-clause')?.outcome).toBe('pass');
  });

  it('flags a candidate claiming membership, in its pages and in its ChatonsInfos, and a dead service URL', async () => {
    const a = await world.auditor.audit(new URL('https://futur-chaton.example/'));
    expect(rule(a, 'no-premature-membership')?.outcome).toBe('fail');
    expect(
      rule(a, 'no-premature-membership')
        ?.findings.map((f) => f.code)
        .sort(),
    ).toEqual(['memberBadge', 'membershipClaim']);
    const ci = rule(a, 'chatonsinfos');
    expect(ci?.outcome).toBe('fail');
    // Hand-written files, complete in their mandatory fields: only wished ones are missing.
    expect(
      ci?.findings
        .map((f) => f.code)
        .filter((c) => c !== 'missingWishedField')
        .sort(),
    ).toEqual(['memberWhileCandidate', 'serviceWebsiteDead']);
    expect(ci?.findings.find((f) => f.code === 'serviceWebsiteDead')?.args.url).toBe('https://vieux-pad.futur-chaton.example/');
  });
});
