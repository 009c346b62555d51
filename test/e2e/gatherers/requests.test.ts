/**
 * The requests gatherer: every request of the page with its type, status or failure, redirect
 * chain and moment of the visit; websockets; a page leaving by itself; and the visit's quiet
 * window waits for what it sees in flight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestsGatherer } from '../../../src/collect/gatherers/requests.js';
import { html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

const THIRD = 'http://collect.pisteur.example';

describe('requests gatherer', () => {
  it('records each request with its type, status, failure, redirect chain and phase', async () => {
    bench.serve({
      '/': {
        body: html(`<img src="/pixel.png"><script src="/old.js"></script><script>
        fetch('${THIRD}/hit', { mode: 'no-cors' });
        fetch('/cut').catch(() => undefined);
        addEventListener('load', () => setTimeout(() => fetch('/late'), 500));
      </script>`),
      },
      '/pixel.png': { headers: { 'content-type': 'image/png' }, body: '' },
      '/old.js': { status: 301, headers: { location: '/new.js' } },
      '/new.js': { headers: { 'content-type': 'text/javascript' }, body: '' },
      '/hit': { status: 204 },
      '/cut': (req) => req.socket.destroy(),
      '/late': { body: 'ok' },
    });
    const { requests } = await bench.visit('/', [requestsGatherer], { timing: { timeoutMs: 10_000, settleCapMs: 4_000, quietMs: 1_000 } });
    const seen = requests.map((r) => ({
      url: r.url,
      type: r.resourceType,
      status: r.status,
      failed: r.failure !== null,
      from: r.redirectedFrom,
      phase: r.phase,
      main: r.isMainFrame,
    }));
    expect(seen).toEqual(
      expect.arrayContaining([
        { url: `${SITE}/`, type: 'document', status: 200, failed: false, from: [], phase: 'load', main: true },
        { url: `${SITE}/pixel.png`, type: 'image', status: 200, failed: false, from: [], phase: 'load', main: true },
        { url: `${SITE}/new.js`, type: 'script', status: 200, failed: false, from: [`${SITE}/old.js`], phase: 'load', main: true },
        { url: `${THIRD}/hit`, type: 'fetch', status: 204, failed: false, from: [], phase: 'load', main: true },
        { url: `${SITE}/cut`, type: 'fetch', status: null, failed: true, from: [], phase: 'load', main: true },
        { url: `${SITE}/late`, type: 'fetch', status: 200, failed: false, from: [], phase: 'late', main: true },
      ]),
    );
    expect([...new Set(requests.map((r) => r.page))]).toEqual([`${SITE}/`]);
    expect(requests.find((r) => r.url === `${THIRD}/hit`)?.host).toBe('collect.pisteur.example');
  });

  it('records a websocket the page opens, even one that never connects', async () => {
    bench.serve({ '/': { body: html(`<script>new WebSocket('ws://site.gatherers.example/socket');</script>`) } });
    const { requests } = await bench.visit('/', [requestsGatherer]);
    expect(requests.filter((r) => r.resourceType === 'websocket').map((r) => [r.url, r.method, r.status])).toEqual([
      ['ws://site.gatherers.example/socket', 'GET', null],
    ]);
  });

  it('notes a page that navigates away by itself, and records where it went', async () => {
    bench.serve({
      '/': { body: html(`<script>addEventListener('load', () => { location.href = '/elsewhere'; });</script>`) },
      '/elsewhere': { body: html('ailleurs') },
    });
    const { incidents, requests } = await bench.visit('/', [requestsGatherer]);
    expect(incidents.map((i) => [i.kind, i.url])).toEqual([['navigatedAway', `${SITE}/elsewhere`]]);
    expect(requests.filter((r) => r.resourceType === 'document').map((r) => r.url)).toEqual([`${SITE}/`, `${SITE}/elsewhere`]);
  });

  it('keeps the quiet window waiting for a request in flight, up to the settle cap', async () => {
    bench.serve({
      '/': { body: html(`<script>fetch('/never');</script>`) },
      '/never': () => undefined,
    });
    const timing = { timeoutMs: 10_000, settleCapMs: 1_500, quietMs: 300 };
    const { page } = await bench.visit('/', [requestsGatherer], { timing });
    expect(page.settleCapped).toBe(true);
    // Without it, nothing is in flight for the visit: the page settles at once.
    const { page: unwatched } = await bench.visit('/', [], { timing });
    expect(unwatched.settleCapped).toBe(false);
  });
});
