/** The evaluator registry: a rule file names one of these by id. One line per evaluator. */
import type { RegisteredEvaluator } from '../evaluator.js';
import { siteOnline } from './site-online.js';
import { thirdPartyResources } from './third-party-resources.js';
// issue 3 imports
// issue 4 imports
// issue 5 imports
import { documentLinked } from './document-linked.js';
import { legalNoticeContent } from './legal-notice-content.js';
import { privacyClause } from './privacy-clause.js';
import { topicPassages } from './topic-passages.js';
import { charterStatement } from './charter-statement.js';
import { membershipClaim } from './membership-claim.js';
import { serviceTestable } from './service-testable.js';
import { chatonsInfos } from './chatonsinfos.js';

const all: RegisteredEvaluator[] = [
  siteOnline,
  thirdPartyResources,
  // issue 3 evaluators
  // issue 4 evaluators
  // issue 5 evaluators
  documentLinked,
  legalNoticeContent,
  privacyClause,
  topicPassages,
  charterStatement,
  membershipClaim,
  serviceTestable,
  chatonsInfos,
];

export const evaluators: ReadonlyMap<string, RegisteredEvaluator> = new Map(all.map((e) => [e.id, e]));
