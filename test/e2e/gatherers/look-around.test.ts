/**
 * The look-around gatherer: once the page has loaded, the visitor moves the pointer, turns the
 * wheel, presses Tab and scrolls to the bottom; never clicks. What the page loads on these
 * gestures is recorded (by the requests gatherer) in the interaction phase.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookAroundGatherer } from '../../../src/collect/gatherers/look-around.js';
import { requestsGatherer } from '../../../src/collect/gatherers/requests.js';
import { html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

const PAGE = html(`<a href="/suite">Suite</a><div style="height:6000px"></div><img loading="lazy" src="/bas.png" width="10" height="10">
  <script>
    for (const type of ['mousemove', 'wheel', 'keydown', 'click']) addEventListener(type, () => fetch('/geste?on=' + type), { once: true });
  </script>`);

describe('look-around gatherer', () => {
  it('moves, scrolls and tabs once loaded, never clicks', async () => {
    bench.serve({ '/': { body: PAGE }, '/bas.png': { headers: { 'content-type': 'image/png' } }, '/geste': { body: 'ok' } });
    const { requests } = await bench.visit('/', [requestsGatherer, lookAroundGatherer]);
    const later = requests
      .filter((r) => r.url !== `${SITE}/`)
      .map((r) => [r.url, r.phase])
      .sort();
    expect(later).toEqual([
      [`${SITE}/bas.png`, expect.stringMatching(/^(interaction|late)$/)],
      [`${SITE}/geste?on=keydown`, 'interaction'],
      [`${SITE}/geste?on=mousemove`, 'interaction'],
      [`${SITE}/geste?on=wheel`, 'interaction'],
    ]);
  });

  it('without it, the page only loads', async () => {
    bench.serve({ '/': { body: PAGE }, '/bas.png': { headers: { 'content-type': 'image/png' } }, '/geste': { body: 'ok' } });
    const { requests } = await bench.visit('/', [requestsGatherer]);
    expect(requests.map((r) => r.url)).toEqual([`${SITE}/`]);
  });
});
