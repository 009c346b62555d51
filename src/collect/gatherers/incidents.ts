/**
 * Incidents gatherer: what a hostile page does to its visitor besides loading, answered at once
 * the way a cautious reviewer would: popups (closed; window.open never opens anything),
 * downloads (refused), dialogs (dismissed). A headless audit must not wait on them.
 */
import type { BrowserContext, Download, Page } from 'playwright-core';
import type { IncidentLog } from '../incident-log.js';
import type { PageGatherer } from './gatherer.js';

/** Each audited page's log, for what the context-wide window.open binding reports. */
const logsByPage = new WeakMap<Page, IncidentLog>();

/** Popups, downloads and dialogs: answered at once, the way a cautious reviewer would. */
function watchHostileBehaviour(page: Page, log: IncidentLog): void {
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
async function preventWindowOpen(context: BrowserContext): Promise<void> {
  // Once per site context (not per page: each call is a browser round trip before the visit).
  await context.exposeBinding(WINDOW_OPEN_BINDING, (source, url: unknown) =>
    logsByPage.get(source.page)?.add('popup', 'window.open', String(url)),
  );
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

export const incidentsGatherer: PageGatherer = {
  id: 'incidents',
  instrumentContext: preventWindowOpen,
  beforeNavigation({ page, incidents }) {
    watchHostileBehaviour(page, incidents);
    return {};
  },
};
