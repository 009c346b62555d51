/**
 * Gatherers run in this order at every moment of a visit (./gatherer.ts). One line per gatherer:
 * adding a kind of page evidence is adding a file and a line here.
 */
import { cookiesStorageGatherer } from './cookies-storage.js';
import { domGatherer } from './dom.js';
import type { PageGatherer } from './gatherer.js';
import { incidentsGatherer } from './incidents.js';
import { leavingGatherer } from './leaving.js';
import { lookAroundGatherer } from './look-around.js';
import { requestsGatherer } from './requests.js';

export const pageGatherers: readonly PageGatherer[] = [
  // every request of the visit, from before the navigation to the leaving grace
  requestsGatherer,
  // popups, downloads, dialogs (its window.open guard goes in before the cookie spy)
  incidentsGatherer,
  // the visitor's gestures once loaded
  lookAroundGatherer,
  // read once settled, in this order, within what is left of the page budget
  cookiesStorageGatherer,
  domGatherer,
  // last: the visitor leaves
  leavingGatherer,
];
