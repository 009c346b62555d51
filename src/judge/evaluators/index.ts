/** The evaluator registry: a rule file names one of these by id. One line per evaluator. */
import type { RegisteredEvaluator } from '../evaluator.js';
import { siteOnline } from './site-online.js';
import { thirdPartyResources } from './third-party-resources.js';
// third parties and trackers
import { consentFreeAnalytics } from './consent-free-analytics.js';
import { knownTrackers } from './known-trackers.js';
import { socialAlternative } from './social-alternative.js';
import { thirdPartyMarkup } from './third-party-markup.js';
// domains, DNS, HTTPS, infrastructure
import { cnameCloaking } from './cname-cloaking.js';
import { https } from './https.js';
import { infrastructureProviders } from './infrastructure-providers.js';
import { parentDomain } from './parent-domain.js';
import { securityHeaders } from './security-headers.js';
// transparency documents and services
import { documentLinked } from './document-linked.js';
import { legalNoticeContent } from './legal-notice-content.js';
import { privacyClause } from './privacy-clause.js';
import { topicPassages } from './topic-passages.js';
import { charterStatement } from './charter-statement.js';
import { membershipClaim } from './membership-claim.js';
import { serviceTestable } from './service-testable.js';
import { chatonsInfos } from './chatonsinfos.js';
// page behaviour and private addresses
import { pageBehaviour, privateAddresses } from './page-incidents.js';

const all: RegisteredEvaluator[] = [
  siteOnline,
  thirdPartyResources,
  // third parties and trackers
  knownTrackers,
  consentFreeAnalytics,
  socialAlternative,
  thirdPartyMarkup,
  // domains, DNS, HTTPS, infrastructure
  cnameCloaking,
  https,
  securityHeaders,
  infrastructureProviders,
  parentDomain,
  // transparency documents and services
  documentLinked,
  legalNoticeContent,
  privacyClause,
  topicPassages,
  charterStatement,
  membershipClaim,
  serviceTestable,
  chatonsInfos,
  // page behaviour and private addresses
  pageBehaviour,
  privateAddresses,
];

export const evaluators: ReadonlyMap<string, RegisteredEvaluator> = new Map(all.map((e) => [e.id, e]));
