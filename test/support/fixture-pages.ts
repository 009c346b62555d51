/**
 * PageEvidence built from a fixture HTML file, without a browser: the rule case tables read
 * the same realistic pages the end-to-end tests visit. Links are read as the browser would
 * (absolute href, collapsed text, title, aria-label, rel); hidden = `hidden` attribute or an
 * inline display:none / visibility:hidden on the link or an ancestor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { LinkEvidence, PageEvidence, PageRole } from '../../src/contracts/evidence.js';
import { fixturesDir } from '../../src/util/paths.js';
import { page } from './evidence.js';

const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function linksOf(html: string, base: string): LinkEvidence[] {
  const $ = load(html);
  return $('a[href], area[href]')
    .toArray()
    .map((a) => {
      const el = $(a);
      const hidden = [a, ...el.parents().toArray()].some((n) => $(n).attr('hidden') !== undefined || HIDDEN.test($(n).attr('style') ?? ''));
      const link: LinkEvidence = {
        href: new URL(el.attr('href') ?? '', base).href,
        text: el.text().replace(/\s+/g, ' ').trim(),
        visible: !hidden,
      };
      const title = el.attr('title');
      const aria = el.attr('aria-label');
      const rel = el.attr('rel');
      if (title) link.title = title;
      if (aria) link.ariaLabel = aria;
      if (rel) link.rel = rel;
      return link;
    });
}

/** A page from HTML text, as if visited at `url`. */
export function htmlPage(url: string, html: string, role: PageRole = 'portal', over: Partial<PageEvidence> = {}): PageEvidence {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? null;
  return page(url, role, { html, links: linksOf(html, url), title, ...over });
}

/** fixtures/web/<host>/<path> as visited at https://<host>/<urlPath>. */
export function fixturePage(host: string, urlPath: string, role: PageRole = 'portal', over: Partial<PageEvidence> = {}): PageEvidence {
  const file = urlPath.endsWith('/') || urlPath === '' ? join(urlPath, 'index.html') : urlPath;
  const html = readFileSync(join(fixturesDir, 'web', host, file), 'utf8');
  return htmlPage(`https://${host}/${urlPath}`, html, role, over);
}
