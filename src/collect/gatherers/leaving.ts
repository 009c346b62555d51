/**
 * Leaving gatherer: the visitor leaves the page (hidden, then unloaded: ../visitor.ts), and the
 * network gets a short grace for what the page sends on its way out (beacons, keepalive
 * fetches), recorded by the requests gatherer in the `leave` phase.
 */
import { LEAVE_GRACE, leavePage } from '../visitor.js';
import type { PageGatherer } from './gatherer.js';

export const leavingGatherer: PageGatherer = {
  id: 'leaving',
  beforeNavigation(visit) {
    return {
      async leave() {
        // They are sent at once or not at all: a short cap, whatever is left of the page budget.
        const leaveCap = Math.min(LEAVE_GRACE.capMs, Math.max(LEAVE_GRACE.quietMs, visit.remaining()));
        const leftAt = Date.now();
        await leavePage(visit.page, leaveCap).catch((error: unknown) => visit.fail('settle', error));
        visit.network.touch();
        await visit.network.waitForQuiet({
          quietMs: LEAVE_GRACE.quietMs,
          capMs: Math.max(1, leaveCap - (Date.now() - leftAt)),
          staleMs: 3_000,
        });
      },
    };
  },
};
