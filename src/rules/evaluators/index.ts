/** The evaluator registry: a rule file names one of these by id. One line per evaluator. */
import type { RegisteredEvaluator } from '../evaluator.js';
import { siteOnline } from './site-online.js';
import { thirdPartyResources } from './third-party-resources.js';
// issue 3 imports
// issue 4 imports
// issue 5 imports
// issue 7 imports
import { pageBehaviour, privateAddresses } from './page-incidents.js';

const all: RegisteredEvaluator[] = [
  siteOnline,
  thirdPartyResources,
  // issue 3 evaluators
  // issue 4 evaluators
  // issue 5 evaluators
  // issue 7 evaluators
  pageBehaviour,
  privateAddresses,
];

export const evaluators: ReadonlyMap<string, RegisteredEvaluator> = new Map(all.map((e) => [e.id, e]));
