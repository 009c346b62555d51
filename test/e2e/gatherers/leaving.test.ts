/**
 * The leaving gatherer: the visitor leaves (the tab hidden, then the page unloaded, in every
 * frame), and what the page sends on its way out is recorded in the leave phase.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leavingGatherer } from '../../../src/collect/gatherers/leaving.js';
import { requestsGatherer } from '../../../src/collect/gatherers/requests.js';
import { FAST, html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

const FRAME = 'http://widget.gatherers.example';
const routes = {
  '/': {
    body: html(`<iframe src="${FRAME}/frame"></iframe><script>
    addEventListener('pagehide', () => navigator.sendBeacon('/adieu?from=pagehide', 'x'));
    document.addEventListener('visibilitychange', () => { if (document.hidden) fetch('/adieu?from=hidden', { method: 'POST', keepalive: true }); });
  </script>`),
  },
  '/frame': { body: html(`<script>addEventListener('unload', () => navigator.sendBeacon('/adieu?from=frame', 'x'));</script>`) },
  '/adieu': { status: 204 },
};

describe('leaving gatherer', () => {
  it('hides and unloads the page and its frames, and records what they send on their way out', async () => {
    bench.serve(routes);
    const { requests } = await bench.visit('/', [requestsGatherer, leavingGatherer]);
    const sent = requests
      .filter((r) => r.url.includes('/adieu'))
      .map((r) => [r.url, r.method, r.phase])
      .sort();
    expect(sent).toEqual([
      [`${SITE}/adieu?from=hidden`, 'POST', 'leave'],
      [`${SITE}/adieu?from=pagehide`, 'POST', 'leave'],
      [`${FRAME}/adieu?from=frame`, 'POST', 'leave'],
    ]);
  });

  it('gives the network a grace even when nothing leaves at once', async () => {
    bench.serve({
      '/': {
        body: html(
          `<script>addEventListener('pagehide', () => setTimeout(() => navigator.sendBeacon('/adieu?from=later', 'x'), 150));</script>`,
        ),
      },
      '/adieu': { status: 204 },
    });
    // A quiet window longer than the leaving grace: the page was quiet long before it was left.
    const { requests } = await bench.visit('/', [requestsGatherer, leavingGatherer], { timing: { ...FAST, quietMs: 1_000 } });
    expect(requests.filter((r) => r.url.includes('/adieu')).map((r) => [r.url, r.phase])).toEqual([[`${SITE}/adieu?from=later`, 'leave']]);
  });

  it('without it, the page is closed without being left: nothing is sent', async () => {
    bench.serve(routes);
    const { requests } = await bench.visit('/', [requestsGatherer]);
    expect(requests.filter((r) => r.url.includes('/adieu'))).toEqual([]);
  });
});
