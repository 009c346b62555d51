/**
 * Facts derived from the Evidence once per audit and shared by every evaluator
 * (Lighthouse's computed artifacts): own domains and each host's party.
 */
import type { Evidence, PageEvidence } from '../contracts/evidence.js';
import { ownDomainsOf, PartyResolver } from '../domains/party.js';

export interface Derived {
  party: PartyResolver;
  portal: PageEvidence | undefined;
}

export function derive(evidence: Pick<Evidence, 'target' | 'pages' | 'options'>): Derived {
  const portal = evidence.pages.find((p) => p.role === 'portal');
  const ownDomains = ownDomainsOf(evidence.target, [portal?.finalUrl ?? null], evidence.options.ownDomains);
  return { party: new PartyResolver(ownDomains), portal };
}
