/**
 * Look-around gatherer: once the page has loaded, the visitor moves the pointer, turns the
 * wheel, tabs to the first link and scrolls to the bottom (../visitor.ts), within the settle
 * window. It records nothing itself: what the page loads on these gestures is recorded by the
 * requests gatherer, in the `interaction` phase.
 */
import { lookAround } from '../visitor.js';
import type { PageGatherer } from './gatherer.js';

export const lookAroundGatherer: PageGatherer = {
  id: 'look-around',
  beforeNavigation(visit) {
    return {
      async afterLoad() {
        await lookAround(visit.page, visit.settleRemaining()).catch((error: unknown) => visit.fail('settle', error));
      },
    };
  },
};
