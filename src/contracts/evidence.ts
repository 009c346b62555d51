/**
 * Evidence: everything the collector saw, once, as plain serialisable data.
 * Judgement (src/rules/) reads it and never touches the network; `--save-evidence` writes it
 * as JSON and `--from-evidence` reads it back, so every field must survive JSON.stringify.
 */

/** Why a page is part of the audit. */
export type PageRole = 'portal' | 'parent' | 'www' | 'legal' | 'terms' | 'privacy' | 'service' | 'other';

export interface RedirectHop {
  url: string;
  status: number;
}

export interface LinkEvidence {
  /** Absolute URL (resolved against the page). */
  href: string;
  /** Visible text, whitespace-collapsed. */
  text: string;
  title?: string;
  ariaLabel?: string;
  rel?: string;
  /** False when the link is not rendered (display:none, zero size...). */
  visible: boolean;
}

export interface PageEvidence {
  /** The URL the audit asked for. */
  url: string;
  /** Where the browser ended up after redirects (null when nothing answered). */
  finalUrl: string | null;
  role: PageRole;
  /** HTTP status of the final main-frame response (null when nothing answered). */
  status: number | null;
  redirects: RedirectHop[];
  /** Final main-frame response headers, names lower-cased. */
  headers: Record<string, string>;
  /** Network or navigation error text (e.g. net::ERR_CONNECTION_REFUSED). */
  error: string | null;
  title: string | null;
  /** Rendered DOM after settling (outerHTML of the document). */
  html: string | null;
  links: LinkEvidence[];
  /** Milliseconds from navigation start to settled. */
  loadMs: number;
  /** True when the settle cap was reached before the network went quiet. */
  settleCapped: boolean;
}

/** Playwright's resource types, plus the ones we add (websocket). */
export type ResourceType =
  | 'document' | 'stylesheet' | 'image' | 'media' | 'font' | 'script' | 'texttrack' | 'xhr'
  | 'fetch' | 'eventsource' | 'websocket' | 'manifest' | 'ping' | 'other';

export interface RequestEvidence {
  url: string;
  /** Lower-case hostname of `url`. */
  host: string;
  method: string;
  resourceType: ResourceType;
  /** URL of the audited page (PageEvidence.url) this request belongs to. */
  page: string;
  /** URL of the frame that issued it (null for workers). */
  frameUrl: string | null;
  isMainFrame: boolean;
  /** Response status, or null when it failed or never answered. */
  status: number | null;
  /** Chromium's failure text (net::ERR_...), when it failed. */
  failure: string | null;
  /** URLs this request was redirected from, oldest first. */
  redirectedFrom: string[];
  /** Milliseconds after the page's navigation started. */
  startMs: number;
}

export interface CollectError {
  stage: 'plan' | 'browser' | 'navigate' | 'settle' | 'extract' | 'dns' | 'fetch' | 'collect';
  page: string | null;
  message: string;
}

/**
 * Something a page did to the visitor, or that the audit refused, recorded so the report says
 * what happened (issue 7: hostile and broken sites).
 */
export type IncidentKind =
  | 'privateAddress' | 'dialog' | 'popup' | 'download' | 'navigatedAway' | 'notHtml' | 'loadIncomplete' | 'htmlTruncated';

export interface PageIncident {
  kind: IncidentKind;
  /** PageEvidence.url of the audited page. */
  page: string;
  /** The URL concerned (popup, download, destination, refused request), when there is one. */
  url?: string;
  /** e.g. the dialog type and text, the content type, the refused address. */
  detail: string;
  /** How many times it happened on this page (popup storms, repeated dialogs). */
  count: number;
}

export interface ToolInfo {
  name: string;
  version: string;
  /** Browser name and version, e.g. "Chromium 156.0.8078.79" (null when re-judged offline). */
  browser: string | null;
}

/** What the user asked for that changes how evidence is read. */
export interface EvidenceOptions {
  /** Extra first-party registrable domains (from --own-domain and config). */
  ownDomains: string[];
  candidate: boolean;
}

export interface Evidence {
  evidenceVersion: 1;
  tool: ToolInfo;
  /** Normalised target URL. */
  target: string;
  startedAt: string;
  finishedAt: string;
  options: EvidenceOptions;
  pages: PageEvidence[];
  requests: RequestEvidence[];
  errors: CollectError[];
  /** Absent in evidence saved before issue 7: read as []. */
  incidents?: PageIncident[];
}
