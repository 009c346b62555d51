import type { AuditResult } from '../contracts/result.js';
import type { Lang } from '../contracts/rule.js';
import { siteView, type SiteView } from './neutralise.js';

export interface ReportOptions {
  lang: Lang;
  /** Colour is an input, never global state: the CLI decides it from the TTY and NO_COLOR. */
  color: boolean;
  /** Markdown: mask personal phone numbers quoted from sites (default true; --no-redact). */
  redact?: boolean;
  /** HTML: page URL → data: URL of its top screenshot (read from the evidence pack by the CLI). */
  screenshots?: Readonly<Record<string, string>>;
}

/** A reporter is a pure function; the exit code is decided in the CLI, never here. */
export type Reporter = (result: AuditResult, options: ReportOptions) => string;

/**
 * A reporter's body sees the result only as a SiteView (every site string neutralised), so
 * no format can quote a candidate's text raw.
 */
export function viewing(render: (view: SiteView, options: ReportOptions) => string): Reporter {
  return (result, options) => render(siteView(result), options);
}
