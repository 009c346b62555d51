/**
 * Page planners: after the portal is visited, each planner proposes more pages to audit (parent
 * domain and www, legal documents, services...). The site collector visits them in order,
 * without duplicates, within --max-pages and the site's time budget.
 */
import type { DnsRecord, PageEvidence, PageRole } from '../../contracts/evidence.js';
import type { DocumentLexicon } from '../../documents/lexicon.js';
import type { HostMapping } from '../../contracts/settings.js';

/** A page to visit, and what it is to the site. */
export interface PlannedPage {
  url: string;
  role: PageRole;
}

interface PlanContext {
  target: URL;
  /** The portal as visited (links, final URL, status). */
  portal: PageEvidence;
  /** The candidate's own registrable domains, as far as known after the portal. */
  ownDomains: readonly string[];
  /** The audit's own resolver: whether a discovered host exists. Absent: no DNS. */
  dns?: { lookup(host: string): Promise<DnsRecord> };
  /** --map-host rules: an explicitly mapped host is visited whatever DNS says. */
  mappings?: readonly HostMapping[];
  /** Every page visited so far, in order (portal first, then what earlier planners added). */
  pages?: readonly PageEvidence[];
  /** The rule set's documents lexicon, so the pages planned are the ones the rules will judge. */
  lexicon?: DocumentLexicon;
}

export interface PagePlanner {
  id: string;
  /**
   * Plans only from the settled portal (not from its early links, while its quiet window runs):
   * for planners whose pages come last in the --max-pages budget.
   */
  afterSettle?: boolean;
  plan(context: PlanContext): PlannedPage[] | Promise<PlannedPage[]>;
}
