/**
 * The DOM gatherer: the rendered document once settled (what scripts added included, so the
 * resource hints a script inserts reach the hint rules), its title, its links as a visitor sees
 * them, and a cut past 2 million characters, said as an incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domGatherer } from '../../../src/collect/gatherers/dom.js';
import { html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

describe('DOM gatherer', () => {
  it('keeps the rendered document, resource hints added by a script included', async () => {
    bench.serve({
      '/': {
        body: html(`<h1>Atelier vélo</h1><script>
      document.head.append(Object.assign(document.createElement('link'), { rel: 'preconnect', href: 'https://fonts.gstatic.example' }));
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Ajouté par un script' }));
      document.title = 'Atelier vélo participatif';
    </script>`),
      },
    });
    const { page, incidents } = await bench.visit('/', [domGatherer]);
    expect(page.title).toBe('Atelier vélo participatif');
    expect(page.html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(page.html).toContain('<link rel="preconnect" href="https://fonts.gstatic.example">');
    expect(page.html).toContain('<p>Ajouté par un script</p>');
    expect(incidents).toEqual([]);
  });

  it('reads the links as a visitor sees them', async () => {
    bench.serve({
      '/': {
        body: html(`
      <a href="/mentions-legales" title="Mentions" rel="nofollow">Mentions
         légales</a>
      <a href="https://asso.example/" aria-label="Notre association"><span>AC</span></a>
      <a href="/cache" style="display:none">Caché</a>
      <map name="m"><area href="/zone" alt="Zone"></map>`),
      },
    });
    const { page } = await bench.visit('/', [domGatherer]);
    expect(page.links).toEqual([
      { href: `${SITE}/mentions-legales`, text: 'Mentions légales', visible: true, title: 'Mentions', rel: 'nofollow' },
      { href: 'https://asso.example/', text: 'AC', visible: true, ariaLabel: 'Notre association' },
      { href: `${SITE}/cache`, text: 'Caché', visible: false },
      { href: `${SITE}/zone`, text: '', visible: false },
    ]);
  });

  it('cuts a document past 2 million characters and says so', async () => {
    bench.serve({ '/': { body: html(`<script>document.body.append('x'.repeat(2_100_000));</script>`) } });
    const { page, incidents } = await bench.visit('/', [domGatherer]);
    expect(page.html).toHaveLength(2_000_000);
    expect(incidents.map((i) => [i.kind, i.url])).toEqual([['htmlTruncated', `${SITE}/`]]);
    expect(incidents[0]?.detail).toMatch(/^\d+ characters, 2000000 kept$/);
  });
});
