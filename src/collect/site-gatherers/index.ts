/**
 * Site gatherers, in this order at each moment of a site's collection (./gatherer.ts); the
 * evidence lists their parts in this order too. One line per gatherer.
 */
import { chatonsInfosGatherer } from './chatonsinfos.js';
import type { SiteGatherer } from './gatherer.js';
import { networkChecksGatherer } from './network-checks.js';
import { refusalsGatherer } from './refusals.js';

export const siteGatherers: readonly SiteGatherer[] = [
  // DNS, TLS and plain-HTTP probes once the context closed
  networkChecksGatherer,
  // fetched while the pages load, awaited before the context closes
  chatonsInfosGatherer,
  // last: the probes may add refusals of their own
  refusalsGatherer,
];
