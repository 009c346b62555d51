/**
 * What an audited page loads, seen by real Chromium against the fixture internet: third-party
 * fonts, images and scripts, late and lazy requests, frames, an unreachable host, and how the
 * browser presents itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteAudit } from '../../src/audit/auditor.js';
import { CLOSED_PORT, startFixtureWorld, type FixtureWorld } from '../support/fixture-audit.js';
import { schemaErrors } from '../support/schema.js';

let world: FixtureWorld;
const audits = new Map<string, SiteAudit>();
const audit = async (url: string): Promise<SiteAudit> => {
  if (!audits.has(url)) audits.set(url, await world.auditor.audit(new URL(url)));
  return audits.get(url) as SiteAudit;
};
const rule = (a: SiteAudit, id: string) => a.result.rules.find((r) => r.id === id);
const hostsOf = (a: SiteAudit, id: string) => [...new Set(rule(a, id)?.findings.map((f) => f.host))].sort();

beforeAll(async () => {
  world = await startFixtureWorld({}, [`unreachable.example=127.0.0.1:${CLOSED_PORT}`]);
});
afterAll(async () => world?.close());

describe('page requests end to end (real Chromium)', () => {
  it('finds the compliant small hoster compliant', async () => {
    const a = await audit('https://services.bonchaton.example/');
    expect(a.result.verdict).toBe('compliant');
    expect(a.result.rules.map((r) => [r.id, r.outcome])).toEqual(
      expect.arrayContaining([
        ['site-online', 'pass'],
        ['no-third-party-requests', 'pass'],
        ['no-third-party-fonts', 'pass'],
        ['no-third-party-images', 'pass'],
      ]),
    );
    expect(a.result.requests.length).toBeGreaterThanOrEqual(3);
    expect(a.result.requests.every((r) => r.party === 'first')).toBe(true);
  });

  it('names both Google Fonts hosts under no-third-party-fonts', async () => {
    const a = await audit('https://google-fonts.example/');
    expect(a.result.verdict).toBe('non-compliant');
    expect(rule(a, 'no-third-party-fonts')?.outcome).toBe('fail');
    expect(hostsOf(a, 'no-third-party-fonts')).toEqual(['fonts.googleapis.com', 'fonts.gstatic.com']);
    expect(a.evidence.requests.filter((r) => r.host === 'fonts.gstatic.com').map((r) => r.resourceType)).toContain('font');
  });

  it('fails no-third-party-images on Gravatar and reports the CDN script', async () => {
    const a = await audit('https://gravatar-cdn.example/');
    expect(rule(a, 'no-third-party-images')?.outcome).toBe('fail');
    expect(hostsOf(a, 'no-third-party-images')).toEqual(['secure.gravatar.com']);
    expect(rule(a, 'no-third-party-images')?.findings[0]?.count).toBe(2);
    const script = a.evidence.requests.find((r) => r.host === 'cdn.jsdelivr.net');
    expect(script?.resourceType).toBe('script');
    expect(hostsOf(a, 'no-third-party-requests')).toEqual(['cdn.jsdelivr.net', 'secure.gravatar.com']);
  });

  it('catches a tracker injected 1.5 s after load', async () => {
    const a = await audit('https://late-tracker.example/');
    const late = a.evidence.requests.find((r) => r.host === 'www.googletagmanager.com');
    expect(late?.resourceType).toBe('script');
    expect(late?.startMs).toBeGreaterThanOrEqual(1_500);
    expect(hostsOf(a, 'no-third-party-requests')).toContain('www.googletagmanager.com');
  });

  it('scrolls so a lazy image below the fold is requested', async () => {
    const a = await audit('https://lazy-image.example/');
    expect(hostsOf(a, 'no-third-party-images')).toEqual(['images.unsplash.com']);
  });

  it("reports an iframe's own requests, attributed to the audited page and the frame", async () => {
    const a = await audit('https://iframe-embed.example/');
    const frameDoc = a.evidence.requests.find((r) => r.host === 'www.youtube-nocookie.com');
    expect(frameDoc).toMatchObject({ resourceType: 'document', isMainFrame: false });
    const thumb = a.evidence.requests.find((r) => r.host === 'i.ytimg.com');
    expect(thumb).toMatchObject({ resourceType: 'image', page: 'https://iframe-embed.example/', isMainFrame: false });
    expect(thumb?.frameUrl).toContain('youtube-nocookie.com/embed/');
    expect(hostsOf(a, 'no-third-party-requests')).toEqual(['i.ytimg.com', 'www.youtube-nocookie.com']);
  });

  it('turns an unreachable host into a site-online failure with the network error', async () => {
    const a = await audit('https://unreachable.example/');
    expect(rule(a, 'site-online')?.outcome).toBe('fail');
    expect(a.result.verdict).toBe('non-compliant');
    expect(a.result.pages[0]?.error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(rule(a, 'site-online')?.findings[0]?.message).toContain('net::ERR_CONNECTION_REFUSED');
    expect(rule(a, 'no-third-party-requests')?.outcome).toBe('needs-review');
  });

  it('looks like a regular French Chromium to the site', async () => {
    const a = await audit('https://ua.example/');
    expect(a.evidence.pages[0]?.title).toMatch(/Chrome\/\d+/);
    expect(a.evidence.pages[0]?.title).not.toContain('Headless');
    expect(a.evidence.pages[0]?.title).toContain('lang=fr-FR');
  });

  it('produces results that validate against the committed JSON Schema', async () => {
    for (const a of audits.values()) expect(schemaErrors(JSON.parse(JSON.stringify(a.result)))).toEqual([]);
    expect(audits.size).toBeGreaterThanOrEqual(7);
  });
});
