/** The evaluator registry: a rule file names one of these by id. One line per evaluator. */
import type { RegisteredEvaluator } from '../evaluator.js';
import { siteOnline } from './site-online.js';
import { thirdPartyResources } from './third-party-resources.js';
// issue 3 imports
import { consentFreeAnalytics } from './consent-free-analytics.js';
import { knownTrackers } from './known-trackers.js';
import { socialAlternative } from './social-alternative.js';
import { thirdPartyMarkup } from './third-party-markup.js';
// issue 4 imports
import { cnameCloaking } from './cname-cloaking.js';
import { https } from './https.js';
import { infrastructureProviders } from './infrastructure-providers.js';
import { parentDomain } from './parent-domain.js';
import { securityHeaders } from './security-headers.js';
// issue 5 imports
import { documentLinked } from './document-linked.js';
import { legalNoticeContent } from './legal-notice-content.js';
import { privacyClause } from './privacy-clause.js';
import { topicPassages } from './topic-passages.js';
import { charterStatement } from './charter-statement.js';
import { membershipClaim } from './membership-claim.js';
import { serviceTestable } from './service-testable.js';
import { chatonsInfos } from './chatonsinfos.js';
// issue 7 imports
import { pageBehaviour, privateAddresses } from './page-incidents.js';

const all: RegisteredEvaluator[] = [
  siteOnline,
  thirdPartyResources,
  // issue 3 evaluators
  knownTrackers,
  consentFreeAnalytics,
  socialAlternative,
  thirdPartyMarkup,
  // issue 4 evaluators
  cnameCloaking, https, securityHeaders, infrastructureProviders, parentDomain,
  // issue 5 evaluators
  documentLinked,
  legalNoticeContent,
  privacyClause,
  topicPassages,
  charterStatement,
  membershipClaim,
  serviceTestable,
  chatonsInfos,
  // issue 7 evaluators
  pageBehaviour,
  privateAddresses,
];

export const evaluators: ReadonlyMap<string, RegisteredEvaluator> = new Map(all.map((e) => [e.id, e]));
