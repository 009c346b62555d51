/** The HTML report of several sites, read without a browser: index, order, links, tables, legend. */
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { OUTCOME_ICON } from '../../src/report/symbols.js';
import { severalSites } from './several-sites.js';

const results = severalSites();
const $: CheerioAPI = load(renderHtml(results, 'fr'));
const VERDICT_ORDER = ['non-compliant', 'incomplete', 'compliant'];
/** Outcome → group: failures, then what a human must check (error or needs-review), passes, the rest. */
const GROUP: Record<string, number> = { fail: 0, error: 1, 'needs-review': 1, pass: 2, 'not-applicable': 3 };

describe('html report of several sites', () => {
  it('opens on an index of every site, failing sites first, each linked to its article', () => {
    const entries = $('nav.index li a')
      .map((_, a) => ({ href: $(a).attr('href') ?? '', text: $(a).text() }))
      .get();
    expect(entries.map((e) => e.text).sort()).toEqual(results.map((r) => r.target).sort());
    const verdicts = entries.map((e) => results.find((r) => r.target === e.text)?.verdict ?? '');
    expect(verdicts.map((v) => VERDICT_ORDER.indexOf(v))).toEqual([...verdicts.map((v) => VERDICT_ORDER.indexOf(v))].sort((a, b) => a - b));
    expect(new Set(verdicts)).toEqual(new Set(['non-compliant', 'incomplete', 'compliant']));
    // Every anchor names one article, in the index's order.
    expect(
      $('article.site')
        .map((_, a) => `#${$(a).attr('id') ?? ''}`)
        .get(),
    ).toEqual(entries.map((e) => e.href));
    for (const e of entries) expect($(`article${e.href} h1`).text()).toContain(e.text);
  });

  it('shows failures first, then what needs a human, then passes, in every article', () => {
    expect($('article.site')).toHaveLength(results.length);
    $('article.site').each((_, article) => {
      const outcomes = $(article)
        .find('details.rule')
        .map((__, d) => $(d).attr('data-outcome') ?? '')
        .get();
      const ranks = outcomes.map((o) => GROUP[o] ?? -1);
      expect(ranks.length).toBeGreaterThan(0);
      expect(ranks.filter((r) => r < 0)).toEqual([]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
    const incomplete = $('article.site').filter((_, a) => $(a).find('h1').text().includes('incomplet.example'));
    expect(
      incomplete
        .find('details.rule')
        .map((_, d) => $(d).attr('data-outcome'))
        .get(),
    ).toEqual(expect.arrayContaining(['error', 'needs-review', 'pass', 'not-applicable']));
  });

  it('links http(s) URLs only, with no referrer', () => {
    const links = $('a[href]')
      .map((_, a) => $(a).attr('href') ?? '')
      .get();
    const outside = links.filter((h) => !h.startsWith('#'));
    expect(outside.length).toBeGreaterThan(10);
    for (const href of outside) expect(new URL(href).protocol).toMatch(/^https?:$/);
    expect($('a[href^="http"]').filter((_, a) => !/\bnoreferrer\b/.test($(a).attr('rel') ?? ''))).toHaveLength(0);
    // A page URL a site pointed at javascript: or data: stays text.
    expect(
      $('td')
        .filter((_, td) => $(td).text() === 'javascript:alert(1)')
        .find('a'),
    ).toHaveLength(0);
    expect($('td').filter((_, td) => $(td).text() === 'javascript:alert(1)')).toHaveLength(1);
    expect(
      $('td')
        .filter((_, td) => $(td).text() === 'data:text/html,<b>x</b>')
        .find('a, b'),
    ).toHaveLength(0);
    // Nor one whose user info poses as another host.
    expect($('td').filter((_, td) => $(td).text() === 'https://bank.example@evil.example/')).toHaveLength(1);
    expect($('a[href*="evil.example"]')).toHaveLength(0);
  });

  it('gives every table a header per column', () => {
    const tables = $('table');
    expect(tables.filter('.dns')).toHaveLength(1);
    expect(tables.filter('.pages')).toHaveLength(results.length);
    tables.each((_, table) => {
      const headers = $(table).find('thead th');
      expect(headers.length).toBeGreaterThan(0);
      expect(headers.filter((__, th) => $(th).text().trim() === '')).toHaveLength(0);
      $(table)
        .find('tbody tr')
        .each((__, tr) => expect($(tr).children('td')).toHaveLength(headers.length));
    });
  });

  it('uses in the rows the symbols its legend explains, and explains every one it uses', () => {
    const legend = $('p.legend').first().text();
    const used = new Set(
      $('details.rule summary .icon')
        .map((_, e) => $(e).text())
        .get(),
    );
    expect(used.size).toBeGreaterThanOrEqual(4);
    for (const icon of used) expect(legend).toContain(icon);
    for (const icon of Object.values(OUTCOME_ICON)) expect(legend).toContain(icon);
    const markers = new Set(
      $('details.rule summary .marker')
        .map((_, e) => $(e).text())
        .get(),
    );
    expect([...markers].sort()).toEqual(['!', 'i']);
    for (const m of markers) expect(legend).toMatch(new RegExp(`(^|\\s)${m === '!' ? '!' : 'i'} `));
  });
});
