/**
 * The driver's navigation (Lighthouse's gotoURL): the planned URL until DOMContentLoaded, and the
 * main document's response, even when goto() then fails (a body that never ends, a download: the
 * site did answer, and the report should say so): final URL, status, headers, redirect hops,
 * content type. A navigation the egress gate stopped is told in the gate's words.
 */
import type { Response } from 'playwright-core';
import type { PageEvidence, RedirectHop } from '../contracts/evidence.js';
import type { PageVisit } from './gatherers/gatherer.js';
import type { IncidentLog } from './incident-log.js';
import { explainFailure } from './proxy-failure.js';
import { errorText, withTimeout } from './timeout.js';

/** Navigates; true when the page loaded far enough to be looked at and read. */
export async function navigate(visit: PageVisit): Promise<boolean> {
  const { page, planned, evidence, incidents } = visit;
  let mainResponse: Response | null = null;
  const onResponse = (response: Response): void => {
    try {
      if (
        !mainResponse &&
        response.request().isNavigationRequest() &&
        response.frame() === page.mainFrame() &&
        !isRedirect(response.status())
      )
        mainResponse = response;
    } catch {
      // Worker responses have no frame.
    }
  };
  page.on('response', onResponse);
  let response: Response | null = null;
  try {
    response = await page.goto(planned.url, { waitUntil: 'domcontentloaded', timeout: visit.remaining() });
  } catch (error) {
    evidence.error = errorText(error);
    // Answered but never finished (a body that never ends, a page whose script never yields).
    if (mainResponse && /timeout/i.test(evidence.error)) incidents.add('loadIncomplete', evidence.error, planned.url);
    // The navigation's last hop, when the gate stopped it: what the gate saw, not the proxy's failure.
    const lastHop = visit.requests.filter((r) => r.isMainFrame && r.resourceType === 'document').at(-1);
    if (!mainResponse && lastHop) {
      const explained = explainFailure(visit.gate, lastHop.url, evidence.error);
      evidence.error = explained.address
        ? `${explained.error} (${lastHop.url}: private address ${explained.address}, not visited)`
        : explained.error;
    }
    visit.fail('navigate', evidence.error);
  }
  page.off('response', onResponse);
  const answered = response ?? mainResponse;
  if (answered) {
    await withTimeout(describeMainResponse(answered, evidence), Math.max(500, visit.remaining()), 'response').catch((error: unknown) =>
      visit.fail('navigate', error),
    );
    describeContentType(answered, incidents, evidence.headers);
  }
  return !evidence.error || response !== null;
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

async function describeMainResponse(response: Response, evidence: PageEvidence): Promise<void> {
  evidence.finalUrl = response.url();
  evidence.status = response.status();
  evidence.headers = await response.allHeaders().catch(() => ({}));
  const hops: RedirectHop[] = [];
  for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom()) {
    const hopResponse = await r.response().catch(() => null);
    hops.unshift({ url: r.url(), status: hopResponse?.status() ?? 0 });
  }
  evidence.redirects = hops;
}

function describeContentType(response: Response, log: IncidentLog, headers: Record<string, string>): void {
  const type = headers['content-type'] ?? '';
  if (type && !/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type))
    log.add('notHtml', type.split(';')[0]?.trim() ?? type, response.url());
}
