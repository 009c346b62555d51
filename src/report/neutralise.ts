/**
 * Site content is data, never markup. Every string a report quotes (titles, link texts, legal
 * passages, dialog messages, headers, cookie names, ChatonsInfos values, host names) was
 * written by the audited candidate, so each output format gets it through one function here:
 *
 * - `siteView` (every human-readable format): C0/C1 controls, DEL and bidi overrides become
 *   visible `\x1B` / `\u202E` notation, line breaks and tabs become spaces. A reporter only
 *   accepts a `SiteView`, so it cannot be handed a raw result by mistake.
 * - `forTerminal`: the same, for any message that echoes input on stderr.
 * - Markdown: `mdText` (prose: every construct escaped, @mentions in code), `mdCode` (a code
 *   span whose fence is longer than any backtick run inside), `mdLink` (the tool's own links
 *   only: an http(s) URL the tool audited or documents).
 * - `htmlText` (text and attribute values), `xmlText` (JUnit), `jsonText` (JSON and SARIF:
 *   the exact value, with every control, DEL, C1 and bidi character written as a \u escape).
 */
import type { AuditResult, MessageArgs } from '../contracts/result.js';

/** Characters a terminal, a log viewer or a bidi-aware renderer would act on rather than show. */
// eslint-disable-next-line no-control-regex
const ACTIVE =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Tab, line feed, vertical tab, form feed, carriage return, line and paragraph separators. */
const BREAKS = /[\t\n\u000B\u000C\r\u2028\u2029]+/g;

function notation(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Controls and bidi overrides shown, not obeyed; line breaks and printable Unicode kept. */
function shown(text: string): string {
  return text.replace(ACTIVE, notation);
}

/** One line of printable text: the same, with line breaks and tabs as spaces. */
export function visible(text: string): string {
  return shown(text.replace(BREAKS, ' '));
}

/** Text for a terminal or a CI log (stderr messages that echo input, progress lines). */
export function forTerminal(value: unknown): string {
  return visible(String(value ?? ''));
}

/** Catalogue arguments made safe for a terminal before `t()` places them in the sentence. */
export function terminalArgs(args: MessageArgs): MessageArgs {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'number' ? v : forTerminal(v)]));
}

declare const NEUTRAL: unique symbol;
/** An AuditResult whose every string went through `visible`: what reporters accept. */
export type SiteView = AuditResult & { readonly [NEUTRAL]: true };

function deep(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((v) => deep(v, change));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [change(k), deep(v, change)]));
  return value;
}

export function siteView(result: AuditResult): SiteView {
  return deep(result, visible) as SiteView;
}

/**
 * The view with every string changed before it is quoted (the Markdown review masks phone
 * numbers): a mask put in after quoting could complete a construct, e.g. `[mask](url)`.
 */
export function changeSiteText(view: SiteView, change: (text: string) => string): SiteView {
  return deep(view, (text) => visible(change(text))) as SiteView;
}

// Markdown ---------------------------------------------------------------------------------

/**
 * ASCII punctuation that opens or closes an inline CommonMark/GFM construct: emphasis, code,
 * links and images, raw HTML, HTML comments and autolinks, tables, headings, strikethrough.
 */
const MD_SPECIAL = /[\\`*_[\]<>|#~]/g;
/** A mention (@staff) goes into a code span: forums notify whoever it names, code spans they leave alone. */
const MENTION = /@[\p{L}\p{N}_.-]*/gu;
/**
 * Bare links: GFM links `scheme://` and `www.`, and forums (Discourse's linkify) also link a bare
 * `example.org`. Escaping the colon of `://` and every dot between two word characters makes
 * none; the text reads the same once rendered.
 */
const BARE_LINK = /:(?=\/\/)|(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
/** An entity (&#27;, &lt;) would be decoded by the renderer. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
/** What makes a block when it starts a line: list items, ordered lists, setext and thematic breaks. */
const LINE_START = /^(?:[-+=]|\d+[.)])/;

/** A code span that nothing inside can close: its fence is one backtick longer than any run inside. */
export function mdCode(value: unknown): string {
  const text = visible(String(value ?? ''));
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side when the text starts or ends with a backtick (or a space) keeps it intact.
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Site text in Markdown prose: read as written, never as a construct. */
export function mdText(value: unknown): string {
  const text = visible(String(value ?? '')).trim();
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    parts.push(escapeProse(text.slice(last, m.index)), m[0].length > 1 ? mdCode(m[0]) : '\\@');
    last = m.index + m[0].length;
  }
  parts.push(escapeProse(text.slice(last)));
  // The punctuation ending an ordered-list number is the one escaped: "1\." stays readable.
  return parts.join('').replace(LINE_START, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`);
}

function escapeProse(text: string): string {
  return text.replace(MD_SPECIAL, '\\$&').replace(BARE_LINK, '\\$&').replace(ENTITY, '\\&');
}

/**
 * A link the tool itself writes (an audited page, the charter, the documentation): an http(s)
 * URL in its normalised form, as an autolink. Anything else is quoted as code, not linked.
 */
export function mdLink(value: unknown): string {
  const text = String(value ?? '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return mdCode(text);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return mdCode(text);
  // The URL parser leaves a few characters a renderer could act on; percent-encode them.
  const href = url.href
    .replace(/[^A-Za-z0-9\-._~:/?#[\]!$&'()*+,;=%]/g, (c) => encodeURIComponent(c))
    .replace(/[@`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `<${href}>`;
}

/** A URL in the tool's own prose, without the punctuation that ends its sentence. */
const TOOL_URL = /https?:\/\/[^\s<>()]*[^\s<>().,;:!?]/g;

/**
 * The tool's own prose (a rule's help, from the rule files): the addresses it names (the
 * charter, documentation) are live links, as the tool writes them; the rest is quoted like
 * site text. Never for text that carries a site's words: a finding's message interpolates them.
 */
export function mdToolText(value: string): string {
  const parts: string[] = [];
  let last = 0;
  const prose = (text: string): string => {
    // mdText trims: keep the spaces that separate the prose from a link.
    const lead = /^\s/.test(text) ? ' ' : '';
    const trail = /\s$/.test(text) && text.trim() !== '' ? ' ' : '';
    return `${lead}${mdText(text)}${trail}`;
  };
  for (const m of value.matchAll(TOOL_URL)) {
    parts.push(prose(value.slice(last, m.index)), mdLink(m[0]));
    last = m.index + m[0].length;
  }
  parts.push(prose(value.slice(last)));
  return parts.join('').trim();
}

// HTML, XML, JSON ----------------------------------------------------------------------------

/** Text or attribute value in HTML: no element, attribute or entity can come from the site. */
export function htmlText(value: unknown): string {
  return shown(String(value ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text or attribute value in XML 1.0 (JUnit): well-formed whatever the site wrote. */
export function xmlText(value: unknown): string {
  return shown(String(value ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * JSON keeps the evidence exact (a reader gets back the site's string), but the bytes written
 * carry no control, DEL, C1, bidi or separator character: those become \u escapes.
 */
export function jsonText(value: unknown, indent?: number): string {
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(value, null, indent).replace(
    /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
