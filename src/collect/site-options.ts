/** What collectSite (./site.ts) and the site gatherers (./site-gatherers/) read: one type for both. */
import type { EvidenceOptions } from '../contracts/evidence.js';
import type { Settings } from '../contracts/settings.js';
import type { DocumentLexicon } from '../documents/lexicon.js';
import type { DnsResolver } from './dns/resolver.js';
import type { PagePlanner } from './planners/planner.js';
import type { ProbeOptions } from './tls-probe.js';

/** What collectSite reads of the run's settings, and the objects the auditor made for this site. */
/**
 * --map-host is read from `probe.mappings` by the egress gate too: one copy for every connection,
 * the browser's and the auditor's own. `allowPrivate` absent: private addresses are refused.
 */
export type SiteCollectOptions = Pick<Settings, 'timing' | 'maxPages' | 'evidenceDir'> &
  Partial<Pick<Settings, 'allowPrivate'>> & {
    evidenceOptions: EvidenceOptions;
    /** Defaults to the registered planners; tests may pass their own. */
    planners?: readonly PagePlanner[];
    /** The audit's DNS resolver (fresh per site: its cache is the audit's). */
    resolver?: DnsResolver | null;
    /** How the auditor's own connections (TLS/HTTP probes, ChatonsInfos) reach hosts: --map-host, --ca-cert. */
    probe: ProbeOptions;
    /** The rule set's documents lexicon (CHATONS_AUDIT_RULES_DIR); the packaged one when absent. */
    lexicon?: DocumentLexicon;
  };
