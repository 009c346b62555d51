/**
 * What a hostile or broken page does to its visitor, recorded as incidents of the audited page:
 * popups (closed at once), downloads (refused), dialogs (dismissed), leaving by itself, content
 * that is not HTML, a load that never ends. One entry per (kind, URL), with a count, so a
 * window.open storm is one line, not a thousand.
 */
import type { BrowserContext, Download, Page, Response } from 'playwright-core';
import type { IncidentKind, PageIncident } from '../contracts/evidence.js';

const MAX_DETAIL = 200;
/** A storm is still one incident; past this many distinct ones, the rest are dropped. */
const MAX_INCIDENTS = 50;

export class IncidentLog {
  private readonly byKey = new Map<string, PageIncident>();

  constructor(private readonly pageUrl: string) {}

  add(kind: IncidentKind, detail: string, url?: string): void {
    const key = `${kind}\u0000${url ?? detail}`;
    const existing = this.byKey.get(key);
    if (existing) {
      existing.count += 1;
      return;
    }
    if (this.byKey.size >= MAX_INCIDENTS) return;
    const incident: PageIncident = { kind, page: this.pageUrl, detail: detail.replace(/\s+/g, ' ').trim().slice(0, MAX_DETAIL), count: 1 };
    if (url) incident.url = url;
    this.byKey.set(key, incident);
  }

  get all(): PageIncident[] {
    return [...this.byKey.values()];
  }
}

/** Each audited page's log, for what the context-wide window.open binding reports. */
const logsByPage = new WeakMap<Page, IncidentLog>();

/** Popups, downloads and dialogs: answered at once, the way a cautious reviewer would. */
export function watchHostileBehaviour(page: Page, log: IncidentLog): void {
  logsByPage.set(page, log);
  page.on('popup', (popup: Page) => {
    log.add('popup', 'window.open', popup.url() || 'about:blank');
    void popup.close({ runBeforeUnload: false }).catch(() => undefined);
  });
  page.on('download', (download: Download) => {
    log.add('download', download.suggestedFilename(), download.url());
    void download.cancel().catch(() => undefined);
  });
  page.on('dialog', (dialog) => {
    log.add('dialog', `${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

const WINDOW_OPEN_BINDING = '__chatonsAuditWindowOpen';

/**
 * window.open() never opens anything: the call is recorded and returns null, as when a
 * browser's popup blocker steps in. Closing popups once open is too late, their first
 * request is already sent. (Popups from target=_blank links are closed by the 'popup' handler.)
 */
export async function preventWindowOpen(context: BrowserContext): Promise<void> {
  // Once per site context (not per page: each call is a browser round trip before the visit).
  await context.exposeBinding(WINDOW_OPEN_BINDING, (source, url: unknown) => logsByPage.get(source.page)?.add('popup', 'window.open', String(url)));
  await context.addInitScript((binding: string) => {
    const scope = window as unknown as Record<string, unknown>;
    const notify = scope[binding] as (url: string) => void;
    delete scope[binding];
    window.open = function open(url?: string | URL): null {
      let href = 'about:blank';
      try {
        if (url !== undefined && String(url) !== '') href = new URL(String(url), location.href).href;
      } catch {
        href = String(url);
      }
      notify(href);
      return null;
    };
  }, WINDOW_OPEN_BINDING);
}

export function describeContentType(response: Response, log: IncidentLog, headers: Record<string, string>): void {
  const type = headers['content-type'] ?? '';
  if (type && !/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) log.add('notHtml', type.split(';')[0]?.trim() ?? type, response.url());
}
