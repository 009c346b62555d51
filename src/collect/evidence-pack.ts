/**
 * The evidence pack (--evidence-dir DIR): what a reviewer can show, beside the JSON.
 * Per site, in DIR/<host>/: a top and a full-page screenshot and the rendered source of every
 * page, Playwright's own HAR of the whole visit, the DNS answers when the evidence has them,
 * and provenance.json (tool, browser, tracker list versions, options, start and end times).
 * Paths in the index are relative to DIR, so the pack can be moved as a whole.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import type { Evidence, EvidencePackIndex, PageEvidence } from '../contracts/evidence.js';
import type { AuditResult } from '../contracts/result.js';
import type { Settings } from '../contracts/settings.js';
import type { PageCapture } from './page.js';
import { boundedName } from '../util/paths.js';

export interface SitePack {
  root: string;
  siteDir: string;
  harPath: string;
  index: EvidencePackIndex;
  capture: PageCapture;
}

/** A directory name for a target: its host (and port), nothing a file system would refuse. */
export function siteDirName(target: URL): string {
  return boundedName(`${target.hostname}${target.port ? `_${target.port}` : ''}`, target.host);
}

export function openSitePack(root: string, target: URL): SitePack {
  const siteDir = join(root, siteDirName(target));
  mkdirSync(join(siteDir, 'pages'), { recursive: true });
  const rel = (file: string): string => relative(root, file).split('\\').join('/');
  const harPath = join(siteDir, 'site.har');
  const index: EvidencePackIndex = { dir: root, provenance: rel(join(siteDir, 'provenance.json')), har: null, dns: null, pages: [] };
  const capture: PageCapture = async (page: Page, evidence: PageEvidence) => {
    const n = String(index.pages.length + 1).padStart(2, '0');
    const base = join(siteDir, 'pages', `${n}-${evidence.role}`);
    const entry: EvidencePackIndex['pages'][number] = { url: evidence.url, screenshotTop: null, screenshotFull: null, source: null };
    index.pages.push(entry);
    if (evidence.html !== null) {
      writeFileSync(`${base}.html`, evidence.html);
      entry.source = rel(`${base}.html`);
    }
    // Back to the top: collection scrolled to the bottom so lazy content would load.
    await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
    await page.screenshot({ path: `${base}-top.png` });
    entry.screenshotTop = rel(`${base}-top.png`);
    await page.screenshot({ path: `${base}-full.png`, fullPage: true });
    entry.screenshotFull = rel(`${base}-full.png`);
  };
  return { root, siteDir, harPath, index, capture };
}

/** After the context closed (the HAR is written then): DNS answers and the pack's index. */
export function closeSitePack(pack: SitePack, evidence: Evidence, harWritten: boolean): EvidencePackIndex {
  if (harWritten) pack.index.har = relative(pack.root, pack.harPath).split('\\').join('/');
  writeDnsAnswers(pack.index, evidence, []);
  return pack.index;
}

/**
 * DNS answers are collected by another part of the tool, maybe after the pages: written from the
 * evidence (raw answers) or else the result's summary, whichever exists first. The index object
 * is shared with the result, which therefore points to the file too.
 */
function writeDnsAnswers(index: EvidencePackIndex, evidence: Evidence, summary: readonly unknown[]): void {
  if (index.dns) return;
  const raw = (evidence as unknown as Record<string, unknown>).dns;
  const answers = Array.isArray(raw) && raw.length > 0 ? raw : summary;
  if (answers.length === 0) return;
  const file = join(index.dir, dirname(index.provenance), 'dns.json');
  writeFileSync(file, `${JSON.stringify(answers, null, 2)}\n`);
  index.dns = relative(index.dir, file).split('\\').join('/');
}

/**
 * provenance.json: what produced this evidence, written once the site is judged. Returns the
 * problem instead of throwing, so a full disk costs the pack, never the audit.
 */
/** The settings a site was audited with, as provenance.json records them beside the evidence's own options. */
export type ProvenanceSettings = Pick<Settings, 'maxPages' | 'timing' | 'levels' | 'allowlist'>;

export function writeProvenance(result: AuditResult, evidence: Evidence, options: ProvenanceSettings): string | null {
  const pack = evidence.pack;
  if (!pack) return null;
  try {
    writeDnsAnswers(pack, evidence, result.dns);
    writeFileSync(join(pack.dir, pack.provenance), `${JSON.stringify(provenanceOf(result, evidence, options), null, 2)}\n`);
    return null;
  } catch (error) {
    return `evidence pack: ${(error as Error).message}`;
  }
}

function provenanceOf(result: AuditResult, evidence: Evidence, options: ProvenanceSettings): Record<string, unknown> {
  return {
    tool: { name: result.tool.name, version: result.tool.version },
    browser: result.tool.browser,
    lists: result.tool.lists,
    node: process.version,
    target: result.target,
    startedAt: evidence.startedAt,
    finishedAt: evidence.finishedAt,
    options: { ...evidence.options, ...options },
    // What the browser tried for itself during this site (refused): the run sends nothing else.
    browserOwnTraffic: evidence.browserOwnTraffic ?? [],
    files: evidence.pack,
  };
}
