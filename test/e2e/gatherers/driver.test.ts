/**
 * collectPage as a driver: the navigation and main response are its own, the moments of the
 * visit come in order with the request phase each one stands in, a failed navigation still
 * lets the gatherers detach, and a gatherer that throws loses only its own part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domGatherer } from '../../../src/collect/gatherers/dom.js';
import type { PageGatherer } from '../../../src/collect/gatherers/gatherer.js';
import { html, SITE, startGathererBench, type GathererBench } from './harness.js';

let bench: GathererBench;
beforeAll(async () => {
  bench = await startGathererBench();
});
afterAll(async () => {
  await bench?.close();
});

/** Notes each moment it is called at, with the phase a request starting then would get. */
function recorder(log: string[]): PageGatherer {
  return {
    id: 'recorder',
    async instrumentContext() {
      log.push('instrumentContext');
    },
    beforeNavigation(visit) {
      log.push(`beforeNavigation:${visit.phase}`);
      return {
        afterLoad: async () => void log.push(`afterLoad:${visit.phase}`),
        beforeLeaving: async () => void log.push(`beforeLeaving:${visit.phase}`),
        leave: async () => void log.push(`leave:${visit.phase}`),
        afterLeaving: () => void log.push(`afterLeaving:${visit.phase}`),
      };
    },
  };
}

describe('page visit driver', () => {
  it('calls each moment in order, the site hooks between them', async () => {
    bench.serve({ '/': { body: html('<a href="/suite">Suite</a>') } });
    const log: string[] = [];
    const hooks = {
      onSettling: (early: { links: unknown[] }) => void log.push(`onSettling:${early.links.length} link`),
      onSettled: () => void log.push('onSettled'),
      capture: async () => void log.push('capture'),
    };
    await bench.visit('/', [recorder(log)], { hooks });
    expect(log).toEqual([
      'instrumentContext',
      'beforeNavigation:load',
      'afterLoad:interaction',
      'onSettling:1 link',
      'beforeLeaving:late',
      'capture',
      'onSettled',
      'leave:leave',
      'afterLeaving:leave',
    ]);
  });

  it('describes the main response: final URL, status, redirect hops, headers', async () => {
    bench.serve({
      '/': { status: 301, headers: { location: '/accueil' } },
      '/accueil': { headers: { link: '<https://fonts.gstatic.example>; rel=preconnect' }, body: html('Accueil') },
    });
    const { page, incidents, errors } = await bench.visit('/', []);
    expect([page.finalUrl, page.status, page.redirects, page.error]).toEqual([
      `${SITE}/accueil`,
      200,
      [{ url: `${SITE}/`, status: 301 }],
      null,
    ]);
    expect(page.headers.link).toBe('<https://fonts.gstatic.example>; rel=preconnect');
    expect([incidents, errors]).toEqual([[], []]);
  });

  it('says when the page is not HTML', async () => {
    bench.serve({ '/': { headers: { 'content-type': 'application/json' }, body: '{}' } });
    const { incidents } = await bench.visit('/', []);
    expect(incidents.map((i) => [i.kind, i.detail, i.url])).toEqual([['notHtml', 'application/json', `${SITE}/`]]);
  });

  it('after a failed navigation, skips to the end: the gatherers still detach', async () => {
    bench.serve({ '/': (req) => req.socket.destroy() });
    const log: string[] = [];
    const { page, errors } = await bench.visit('/', [recorder(log)]);
    expect([page.status, page.error]).toEqual([null, expect.stringMatching(/^net::ERR_/)]);
    expect(errors.map((e) => [e.stage, e.message])).toEqual([['navigate', page.error]]);
    expect(log).toEqual(['instrumentContext', 'beforeNavigation:load', 'afterLeaving:load']);
  });

  it('a gatherer that throws loses its own part only', async () => {
    bench.serve({ '/': { body: html('<p>Bonjour</p>') } });
    const broken: PageGatherer = {
      id: 'broken',
      beforeNavigation: () => ({
        beforeLeaving: async () => {
          throw new Error('boom');
        },
        afterLeaving: () => {
          throw new Error('bang');
        },
      }),
    };
    const unattachable: PageGatherer = {
      id: 'unattachable',
      beforeNavigation: () => {
        throw new Error('no listener');
      },
    };
    const { page, errors } = await bench.visit('/', [broken, unattachable, domGatherer]);
    expect(page.html).toContain('<p>Bonjour</p>');
    expect(errors.map((e) => [e.stage, e.message])).toEqual([
      ['collect', 'unattachable: no listener'],
      ['collect', 'broken: boom'],
      ['collect', 'broken: bang'],
    ]);
  });
});
