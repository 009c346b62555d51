/**
 * The cookies-and-storage gatherer: every cookie present once the page settled (nothing
 * clicked), who set it (a Set-Cookie header or a script, and which), and the storage keys and
 * IndexedDB names of each frame's origin. Names and lifetimes only, never values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesStorageGatherer } from '../../../src/collect/gatherers/cookies-storage.js';
import { requestsGatherer } from '../../../src/collect/gatherers/requests.js';
import { html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

// Same site, another origin: Chromium denies a third-party frame its storage altogether.
const WIDGET = 'http://widget.gatherers.example';

describe('cookies-and-storage gatherer', () => {
  it('says who set each cookie, and which keys each frame stored, without their values', async () => {
    bench.serve({
      '/': {
        headers: { 'set-cookie': 'sid=secret-session-id; Max-Age=86400; HttpOnly' },
        body: html(`<iframe src="${WIDGET}/frame"></iframe>`, '<script src="/consent.js"></script>'),
      },
      '/consent.js': {
        headers: { 'content-type': 'text/javascript' },
        body: `document.cookie = 'prefs=secret-choice; max-age=3600';
          localStorage.setItem('theme', 'secret-dark');
          sessionStorage.setItem('visit', 'secret-1');
          indexedDB.open('cache-db');`,
      },
      '/frame': { body: html(`<script>localStorage.setItem('widget-id', 'secret-w');</script>`) },
    });
    // The requests gatherer keeps the quiet window open until the frame has loaded.
    const { page } = await bench.visit('/', [requestsGatherer, cookiesStorageGatherer]);
    const cookies = [...(page.cookies ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    expect(cookies.map((c) => [c.name, c.domain, c.setBy, c.source, c.httpOnly])).toEqual([
      ['prefs', 'site.gatherers.example', 'script', `${SITE}/consent.js`, false],
      ['sid', 'site.gatherers.example', 'http', `${SITE}/`, true],
    ]);
    expect(cookies.map((c) => Math.round(c.lifetimeDays))).toEqual([0, 1]);
    expect(page.storage).toEqual(
      expect.arrayContaining([
        { origin: SITE, localStorage: ['theme'], sessionStorage: ['visit'], indexedDB: ['cache-db'] },
        { origin: WIDGET, localStorage: ['widget-id'], sessionStorage: [], indexedDB: [] },
      ]),
    );
    expect(page.storage).toHaveLength(2);
    expect(JSON.stringify([page.cookies, page.storage])).not.toContain('secret');
  });

  it('records nothing for a page that writes nothing', async () => {
    bench.serve({ '/': { body: html('<p>Bonjour</p>') } });
    const { page } = await bench.visit('/', [cookiesStorageGatherer]);
    expect(page.cookies).toEqual([]);
    expect(page.storage).toEqual([{ origin: SITE, localStorage: [], sessionStorage: [], indexedDB: [] }]);
  });
});
