/** The HTML report without a browser: what other issues add to the result shows up, escaped. */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contracts/result.js';
import { htmlReporter } from '../../src/report/html.js';
import { goldenResult } from '../support/golden.js';

describe('html report', () => {
  it('shows DNS chains and documents when the result has them, and escapes what sites wrote', () => {
    const base = goldenResult('asso-apres.example');
    const result = {
      ...base,
      dns: [{ host: 'stats.asso-apres.example', cname: ['asso.eulerian.net'], addresses: ['192.0.2.7'], mx: [], ns: [], error: null }],
      documents: [
        {
          kind: 'legal',
          url: 'https://asso-apres.example/mentions-legales.html',
          quote: 'Directeur de la publication : <script>alert(1)</script> Alix Martin',
        },
      ],
    } as AuditResult;
    const $ = load(htmlReporter(result, { lang: 'fr', color: false }));
    expect(
      $('h2')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(expect.arrayContaining(['DNS (chaînes CNAME)', 'Documents trouvés']));
    expect($('td').filter((_, e) => $(e).text() === 'stats.asso-apres.example → asso.eulerian.net')).toHaveLength(1);
    expect($('blockquote').text()).toContain('<script>alert(1)</script>');
    expect($('script')).toHaveLength(1);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/^default-src 'none'/);
  });

  it('says when in the visit each request was sent (a beacon on leaving the page)', () => {
    const base = goldenResult('asso-apres.example');
    const beacon = {
      url: 'https://collect.example/b',
      host: 'collect.example',
      page: base.target,
      resourceType: 'ping',
      party: 'third',
      status: 204,
      failure: null,
      phase: 'leave',
    } as const;
    const $ = load(htmlReporter({ ...base, requests: [...base.requests, beacon] }, { lang: 'en', color: false }));
    const row = $('table.requests tbody tr').filter((_, e) => $(e).find('td.url').first().text() === beacon.url);
    expect(row.find('td').last().text()).toBe('leaving the page');
    expect($('table.requests thead th').last().text()).toBe('When');
  });

  it('leaves out screenshots that are not data: images', () => {
    const result = goldenResult('asso-apres.example');
    const html = htmlReporter(result, {
      lang: 'en',
      color: false,
      screenshots: { [result.pages[0]?.url ?? '']: 'https://evil.example/x.png' },
    });
    expect(load(html)('img')).toHaveLength(0);
  });
});
