/**
 * The incidents gatherer: what a hostile page does to its visitor is answered at once and
 * recorded: dialogs dismissed, window.open blocked before it sends anything, downloads refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsGatherer } from '../../../src/collect/gatherers/incidents.js';
import { html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

describe('incidents gatherer', () => {
  it('dismisses dialogs and counts a repeated one once', async () => {
    bench.serve({
      '/': { body: html(`<script>alert('Bonjour'); alert('Bonjour'); document.title = String(confirm('Cookies ?'));</script>`) },
    });
    const { incidents, page } = await bench.visit('/', [incidentsGatherer]);
    expect(incidents.map((i) => [i.kind, i.detail, i.count])).toEqual([
      ['dialog', 'alert: Bonjour', 2],
      ['dialog', 'confirm: Cookies ?', 1],
    ]);
    expect(page.error).toBeNull();
  });

  it('blocks window.open before it sends anything, as a popup blocker does', async () => {
    bench.serve({
      '/': { body: html(`<p id="got"></p><script>document.getElementById('got').textContent = String(window.open('/pub?x=1'));</script>`) },
      '/pub': { body: html('publicité') },
    });
    const { incidents } = await bench.visit('/', [incidentsGatherer]);
    expect(incidents.map((i) => [i.kind, i.url])).toEqual([['popup', `${SITE}/pub?x=1`]]);
    expect(bench.received.filter((r) => r.includes('/pub'))).toEqual([]);
  });

  it('refuses a download the page starts', async () => {
    bench.serve({
      '/': {
        body: html(`<script>
        const a = Object.assign(document.createElement('a'), { href: '/rapport.zip', download: 'rapport.zip' });
        document.body.append(a);
        a.click();
      </script>`),
      },
      '/rapport.zip': {
        headers: { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="rapport.zip"' },
        body: 'PK',
      },
    });
    const { incidents } = await bench.visit('/', [incidentsGatherer]);
    expect(incidents.map((i) => [i.kind, i.detail, i.url])).toEqual([['download', 'rapport.zip', `${SITE}/rapport.zip`]]);
  });
});
