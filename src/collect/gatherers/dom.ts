/**
 * DOM gatherer: the rendered document once the page has settled (cut past MAX_HTML_CHARS), its
 * title and its links as a visitor sees them. The rules read everything else in the markup from
 * this HTML: resource hints (<link rel=preconnect|dns-prefetch|preload|prefetch>), <a ping>,
 * form actions, the legal notice's text.
 */
import type { Page } from 'playwright-core';
import type { LinkEvidence } from '../../contracts/evidence.js';
import { errorText, withTimeout } from '../timeout.js';
import type { PageGatherer, PageVisit } from './gatherer.js';

/** Past this, the stored DOM is cut: rules need the text, not a 50 MB page. */
const MAX_HTML_CHARS = 2_000_000;
const MAX_LINKS = 2_000;

/** The page's links as they are now (the site plans its next pages from them before the page settles). */
export function readLinksNow(page: Page, ms: number): Promise<LinkEvidence[]> {
  return withTimeout(page.evaluate(readLinks, MAX_LINKS), ms, 'links');
}

async function extract(visit: PageVisit): Promise<void> {
  const { page, evidence } = visit;
  // Cut inside the page: a 50 MB DOM must not cross the DevTools connection whole.
  const { html, length } = await withTimeout(page.evaluate(readHtml, MAX_HTML_CHARS), visit.remaining(), 'content');
  evidence.html = html;
  if (length > MAX_HTML_CHARS) visit.incidents.add('htmlTruncated', `${length} characters, ${MAX_HTML_CHARS} kept`, evidence.url);
  evidence.title = (await withTimeout(page.title(), visit.remaining(), 'title')) || null;
  evidence.links = await readLinksNow(page, visit.remaining());
  if (!evidence.finalUrl) evidence.finalUrl = page.url();
}

export const domGatherer: PageGatherer = {
  id: 'dom',
  beforeNavigation(visit) {
    return {
      async beforeLeaving() {
        await extract(visit).catch((error: unknown) => {
          visit.fail('extract', error);
          // A page too heavy to be read within its budget was not examined in full: say so.
          if ((error as Error | null)?.name === 'TimeoutError') visit.incidents.add('loadIncomplete', errorText(error), visit.planned.url);
        });
      },
    };
  },
};

/** Runs in the page: the serialised document (as page.content() gives it), cut at `max`. */
function readHtml(max: number): { html: string; length: number } {
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
  const html = doctype + (document.documentElement?.outerHTML ?? '');
  return { html: html.length > max ? html.slice(0, max) : html, length: html.length };
}

/** Runs in the page. */
function readLinks(max: number): LinkEvidence[] {
  const anchors = Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')).slice(0, max);
  return anchors.map((a) => {
    const box = a.getBoundingClientRect();
    const style = getComputedStyle(a);
    const text = ((a as HTMLElement).innerText || a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300);
    const link: LinkEvidence = {
      href: a.href,
      text,
      visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
    };
    const title = a.getAttribute('title');
    const ariaLabel = a.getAttribute('aria-label');
    const rel = a.getAttribute('rel');
    if (title) link.title = title;
    if (ariaLabel) link.ariaLabel = ariaLabel;
    if (rel) link.rel = rel;
    return link;
  });
}
