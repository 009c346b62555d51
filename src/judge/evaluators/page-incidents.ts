/**
 * What pages did to the visitor (popups, downloads, dialogs, leaving by themselves, a load
 * that never ended) and what the audit refused to visit (private addresses), as findings.
 * Two evaluators over the same evidence, so each rule file carries only its own messages.
 */
import type { EgressPath, IncidentKind, PageIncident } from '../../contracts/evidence.js';
import { defineEvaluator, type FindingDraft, type RegisteredEvaluator } from '../evaluator.js';

/** A refused connection's code says who tried it: the page itself keeps the plain code. */
const PRIVATE_ADDRESS_CODES: Readonly<Record<EgressPath, string>> = {
  page: 'privateAddress',
  frame: 'privateAddressFrame',
  worker: 'privateAddressWorker',
  browser: 'privateAddressBrowser',
  probe: 'privateAddressProbe',
  chatonsinfos: 'privateAddressChatonsInfos',
};

function codeOf(incident: PageIncident): string {
  return incident.kind === 'privateAddress' && incident.via ? PRIVATE_ADDRESS_CODES[incident.via] : incident.kind;
}

function incidentEvaluator(id: string, kinds: readonly IncidentKind[], codes: readonly string[] = kinds): RegisteredEvaluator {
  return defineEvaluator<Record<string, never>, 'pages' | 'incidents'>({
    id,
    requires: ['pages', 'incidents'],
    params: {},
    codes,
    evaluate({ evidence }) {
      const incidents: PageIncident[] = (evidence.incidents ?? []).filter((i) => kinds.includes(i.kind));
      // No incident on pages that never answered says nothing (a refused redirect still counts).
      if (incidents.length === 0 && !evidence.pages.some((p) => p.status !== null)) {
        return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
      }
      const findings = incidents.map((incident): FindingDraft => {
        const url = incident.url ?? incident.page;
        // No `host`: reporters group host findings as request counts; these read as messages.
        return {
          code: codeOf(incident),
          page: evidence.pages.find((p) => p.url === incident.page) ?? null,
          args: { detail: incident.detail, url, count: incident.count },
          urls: [url],
          count: incident.count,
          subject: incident.detail,
        };
      });
      return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
    },
  });
}

export const pageBehaviour = incidentEvaluator('page-behaviour', [
  'dialog',
  'popup',
  'download',
  'navigatedAway',
  'notHtml',
  'loadIncomplete',
  'htmlTruncated',
]);
export const privateAddresses = incidentEvaluator(
  'private-addresses',
  ['privateAddress'],
  [...new Set(Object.values(PRIVATE_ADDRESS_CODES))],
);
