import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackersDataDir } from '../../src/trackers/data-files.js';
import { nameRequest, trackerForHost, trackerLists } from '../../src/trackers/index.js';

const PAGE = 'https://services.example.org/';

describe('tracker knowledge', () => {
  it('names a host alone, for CNAME chains', () => {
    expect(trackerForHost('www.google-analytics.com')).toMatchObject({
      name: 'Google Analytics',
      organization: 'Google',
      category: 'analytics',
    });
    // A CNAME-cloaking vendor from the AdGuard "CNAME disguised tracking networks" headings.
    expect(trackerForHost('client-123.eulerian.net')).toMatchObject({
      name: 'Eulerian',
      category: 'tracking',
      list: 'adguard-tracking-protection',
    });
    expect(trackerForHost('STATS.G.DOUBLECLICK.NET.')).toMatchObject({ organization: 'Google', category: 'advertising' });
    expect(trackerForHost('pad.bonchaton.example')).toBeUndefined();
  });

  it('names requests with the exact filter text when a filter matched', () => {
    expect(nameRequest('https://static.hotjar.com/c/hotjar-1.js', 'script', PAGE)).toEqual({
      name: 'Hotjar',
      organization: 'Hotjar (Contentsquare)',
      category: 'session-replay',
      rule: '||hotjar.com^$third-party',
      list: 'adguard-tracking-protection',
    });
    expect(nameRequest('https://www.youtube.com/embed/x', 'document', PAGE, true)).toMatchObject({
      name: 'YouTube',
      rule: 'third-party-web: *.youtube.com',
    });
    expect(nameRequest('wss://ws.unknown-host.example/socket', 'websocket', PAGE)).toBeUndefined();
    expect(nameRequest('not a url', 'script', PAGE)).toBeUndefined();
  });

  it('a filter match without an entity is named after the registrable domain', () => {
    const match = nameRequest('https://cdn.unknown-shop.example/js/fbevents.js', 'script', PAGE);
    expect(match).toMatchObject({ name: 'unknown-shop.example', organization: 'unknown-shop.example' });
    expect(match?.rule).toContain('fbevents');
  });

  it('lists every list with a version and a date', () => {
    const lists = trackerLists();
    expect(lists.map((l) => l.name)).toEqual([
      'third-party-web',
      'AdGuard Tracking Protection filter',
      'AdGuard Social Media filter',
      'AdGuard French filter',
    ]);
    for (const l of lists) expect(l.version).toMatch(/^\d+\.\d+/);
  });

  it('ships free data with its provenance, in a few MB', () => {
    let total = 0;
    for (const file of readdirSync(trackersDataDir)) {
      total += statSync(join(trackersDataDir, file)).size;
      if (file.endsWith('.txt')) {
        const head = readFileSync(join(trackersDataDir, file), 'utf8').slice(0, 1_000);
        expect(head).toMatch(/^! Title: /);
        expect(head).toMatch(/^! Version: /m);
        expect(head).toMatch(/^! Source: @adguard\/dnr-rulesets /m);
        expect(head).toMatch(/^! Licence: GPL-3\.0/m);
      }
    }
    const tpw = JSON.parse(readFileSync(join(trackersDataDir, 'third-party-web.json'), 'utf8')) as {
      provenance: { licence: string; version: string };
    };
    expect(tpw.provenance.licence).toBe('MIT');
    expect(readFileSync(join(trackersDataDir, 'lists.json'), 'utf8')).not.toMatch(/NC|NonCommercial/);
    expect(total).toBeLessThan(5_000_000);
  });
});
