/** The evaluator registry: a rule file names one of these by id. */
import type { RegisteredEvaluator } from '../evaluator.js';
import { siteOnline } from './site-online.js';
import { thirdPartyResources } from './third-party-resources.js';

export const evaluators: ReadonlyMap<string, RegisteredEvaluator> = new Map(
  [siteOnline, thirdPartyResources].map((e) => [e.id, e]),
);
