/**
 * Evidence: everything the collector saw, once, as plain serialisable data.
 * Judgement (src/judge/) reads it and never touches the network; `--save-evidence` writes it
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
  /** Cookies in the browser after this page settled, nothing clicked (absent in old evidence). */
  cookies?: CookieEvidence[];
  /** Web storage keys and IndexedDB names per frame origin, nothing clicked (absent in old evidence). */
  storage?: StorageEvidence[];
}

/** A cookie present before any consent was given. */
export interface CookieEvidence {
  name: string;
  /** As the browser stores it: "example.org" (host-only) or ".example.org" (domain cookie). */
  domain: string;
  path: string;
  /** Expiry in seconds since the epoch; -1 for a session cookie. */
  expires: number;
  /** Days from when it was seen to its expiry (0 for a session cookie). */
  lifetimeDays: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  /** How it was set, when seen: a Set-Cookie header or document.cookie. */
  setBy?: 'http' | 'script';
  /** The response (http) or the script (script) that set it, when known. */
  source?: string;
}

export interface StorageEvidence {
  /** Origin of the frame whose storage this is. */
  origin: string;
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
}

/** Playwright's resource types, plus the ones we add (websocket). */
/** Chromium's resource types as the evidence records them (others become 'other'). */
export const RESOURCE_TYPES = [
  'document',
  'stylesheet',
  'image',
  'media',
  'font',
  'script',
  'texttrack',
  'xhr',
  'fetch',
  'eventsource',
  'websocket',
  'manifest',
  'ping',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

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
  /** When in the visit it started; absent in evidence saved before phases were recorded. */
  phase?: RequestPhase;
}

/**
 * The moment of a page visit a request started in: `load` (until the load event), `interaction`
 * (while the visitor moves, scrolls and tabs), `late` (the quiet window after), `leave` (the
 * page hidden, then navigated away: beacons and keepalive requests).
 */
export type RequestPhase = 'load' | 'interaction' | 'late' | 'leave';

export interface CollectError {
  stage: 'plan' | 'browser' | 'navigate' | 'settle' | 'extract' | 'dns' | 'fetch' | 'collect';
  page: string | null;
  message: string;
}

/**
 * Something a page did to the visitor, or that the audit refused, recorded so the report says
 * what happened (hostile and broken sites).
 */
export type IncidentKind =
  | 'privateAddress'
  | 'dialog'
  | 'popup'
  | 'download'
  | 'navigatedAway'
  | 'notHtml'
  | 'loadIncomplete'
  | 'htmlTruncated';

/**
 * Who tried a connection the egress gate refused: the audited page itself (its document and
 * resources), a frame in it, a worker, the browser (a connection no page event reported), or
 * the auditor's own probes and ChatonsInfos reader.
 */
export type EgressPath = 'page' | 'frame' | 'worker' | 'browser' | 'probe' | 'chatonsinfos';

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
  /** privateAddress: who tried the refused connection. */
  via?: EgressPath;
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
  /** URL of a ChatonsInfos properties file given with --chatonsinfos. */
  chatonsinfos?: string;
}

/** One fetched ChatonsInfos properties file. */
export interface ChatonsInfosFile {
  url: string;
  /** How it was found: a well-known location, --chatonsinfos, or a subs.* line of another file. */
  source: 'probe' | 'option' | 'subs';
  status: number | null;
  error: string | null;
  /** Parsed key/values (keys lower-cased); empty when nothing was read. */
  properties: Record<string, string>;
  /** Lines that are neither comments nor key = value. */
  badLines: number[];
}

/** An address named in a ChatonsInfos file, and whether it answered. */
export interface ChatonsInfosUrlCheck {
  /** Property key, e.g. organization.legal.url or service.website. */
  key: string;
  url: string;
  /** The properties file naming it. */
  file: string;
  status: number | null;
  error: string | null;
}

/** ChatonsInfos as collected: what was probed, read and checked. */
export interface ChatonsInfosEvidence {
  /** Well-known URLs tried, in order, with what they answered. */
  probed: { url: string; status: number | null; error: string | null }[];
  files: ChatonsInfosFile[];
  checks: ChatonsInfosUrlCheck[];
}

/** How a host's DNS resolution ended. */
export type DnsStatus = 'ok' | 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'loop' | 'too-long' | 'error';

/** The audit's own resolution of one host (A/AAAA at the end of its CNAME chain; MX/NS for domains). */
export interface DnsRecord {
  host: string;
  /** CNAME hops after `host`, the final name last (empty: no CNAME). */
  cname: string[];
  addresses: string[];
  mx: string[];
  ns: string[];
  status: DnsStatus;
  /** Why the status is not ok, readable by a reviewer (null when ok). */
  error: string | null;
}

/** Node-side TLS handshake to a page's host, validated against the system store plus --ca-cert. */
export interface TlsProbe {
  host: string;
  port: number;
  /** Chain and host name validated. */
  authorized: boolean;
  /** OpenSSL/Node reason when not authorized or not connected (e.g. CERT_HAS_EXPIRED). */
  error: string | null;
  protocol: string | null;
  issuer: string | null;
  validTo: string | null;
}

/** What http://host/ answers, redirects not followed. */
export interface HttpProbe {
  host: string;
  url: string;
  status: number | null;
  location: string | null;
  error: string | null;
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
  /** DNS of every host seen (absent in evidence from older versions). */
  dns?: DnsRecord[];
  /** TLS validation of every audited page's host. */
  tls?: TlsProbe[];
  /** plain-HTTP answer of every audited page's host. */
  httpProbes?: HttpProbe[];
  /** ChatonsInfos files and checks; absent in evidence saved before it existed. */
  chatonsinfos?: ChatonsInfosEvidence;
  /** Set when --evidence-dir was given: the files written for this site. */
  pack?: EvidencePackIndex;
  /** Absent in evidence saved by older versions: read as []. */
  incidents?: PageIncident[];
  /**
   * Connections the browser tried for itself (component updates and the like) while this site
   * was audited: refused at the gate, never the site's requests. Absent when there were none.
   */
  browserOwnTraffic?: string[];
}

/** Files of the evidence pack, relative to the pack directory. */
export interface EvidencePackIndex {
  dir: string;
  provenance: string;
  har: string | null;
  dns: string | null;
  pages: { url: string; screenshotTop: string | null; screenshotFull: string | null; source: string | null }[];
}
