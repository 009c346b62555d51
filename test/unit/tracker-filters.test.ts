/**
 * FilterMatcher decides "blocked, and by which filter" without FiltersEngine.match's URL
 * rewriting work: it must agree with match() on every request, exceptions and redirects included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FiltersEngine, Request } from '@ghostery/adblocker';
import { describe, expect, it } from 'vitest';
import { trackersDataDir } from '../../src/trackers/data-files.js';
import { FilterMatcher, loadFilterMatcher } from '../../src/trackers/filters.js';

/** Example URLs made from the vendored lists' own host-anchored and path filters. */
function urlsFromLists(): string[] {
  const urls = new Set<string>();
  for (const file of ['adguard-tracking-protection.txt', 'adguard-social.txt', 'adguard-french.txt']) {
    const lines = readFileSync(join(trackersDataDir, file), 'utf8').split('\n');
    for (const [i, raw] of lines.entries()) {
      if (i % 7 !== 0 && !raw.includes('redirect') && !raw.startsWith('@@')) continue;
      const line = raw.replace(/^@@/, '').replace(/\$.*$/, '');
      const host = /^\|\|([a-z0-9.-]+\.[a-z]{2,})\^?(\/[^*^|]*)?/i.exec(line);
      if (host) urls.add(`https://${host[1]}${host[2] ?? '/'}t.js?id=${i}&utm_source=x`);
      else if (/^\/[\w./-]+$/.test(line)) urls.add(`https://cdn.shop-${i}.example${line}?v=${i}`);
    }
  }
  return [...urls];
}

describe('FilterMatcher', () => {
  it('agrees with FiltersEngine.match, exceptions and redirects included', () => {
    const engine = FiltersEngine.deserialize(readFileSync(join(trackersDataDir, 'engine.bin')));
    const matcher = loadFilterMatcher();
    let blocked = 0;
    let excepted = 0;
    let redirected = 0;
    let allowed = 0;
    for (const url of urlsFromLists()) {
      for (const [type, page] of [
        ['script', 'https://asso.example.org/'],
        ['image', 'https://www.lemonde.fr/'],
        ['xmlhttprequest', 'https://www.youtube.com/'],
      ] as const) {
        const request = FilterMatcher.request(url, type === 'xmlhttprequest' ? 'xhr' : type, page);
        // The engine's own parse of the same request (no per-page cache).
        const expected = engine.match(Request.fromRawDetails({ url, type, sourceUrl: page }));
        const got = matcher.matchRequest(request);
        expect(Boolean(got), `${url} (${type} on ${page})`).toBe(expected.match);
        if (got && expected.filter) {
          // The exact filter: the one match() found, or the member of a merged filter that matched.
          const raw = expected.filter.rawLine ?? '';
          expect(raw.includes(' <+> ') ? raw.split(' <+> ') : [raw], url).toContain(got.rule);
        }
        if (expected.match) blocked++;
        else allowed++;
        if (expected.filter && expected.exception) excepted++;
        if (expected.match && expected.filter?.isRedirect()) redirected++;
      }
    }
    // The corpus exercises every branch.
    expect(blocked).toBeGreaterThan(500);
    expect(allowed).toBeGreaterThan(100);
    expect(excepted).toBeGreaterThan(0);
    expect(redirected).toBeGreaterThan(0);
  });

  it('names the list each filter comes from', () => {
    const matcher = loadFilterMatcher();
    const text = (file: string): string[] => readFileSync(join(trackersDataDir, file), 'utf8').split('\n');
    const tracking = new Set(text('adguard-tracking-protection.txt'));
    for (const [file, list] of [
      ['adguard-social.txt', 'adguard-social'],
      ['adguard-french.txt', 'adguard-french'],
    ] as const) {
      // A plain host filter only this list has: its match must name this list, not the default one.
      const line = text(file).find((l) => /^\|\|[a-z0-9.-]+\.[a-z]{2,}\^$/.test(l) && !tracking.has(l));
      expect(line, file).toBeDefined();
      const host = (line ?? '').slice(2, -1);
      const got = matcher.match(`https://${host}/x.js`, 'script', 'https://asso.example.org/');
      expect(got?.rule).toBe(line);
      expect(got?.list).toBe(list);
    }
  });
});
