/**
 * ChatonsInfos collection: probe the well-known locations (or the --chatonsinfos URL), read the
 * organisation file, follow its subs.* service files, and check the addresses they name.
 *
 * Fetched through the site's browser context, so --map-host and --ca-cert apply exactly as for
 * the pages, but in a separate page with no listeners: these fetches are the auditor's own, not
 * the site's requests, and must not show up as such. Never throws: failures go to errors[].
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { parseProperties, subsOf } from '../chatonsinfos/properties.js';
import type { ChatonsInfosEvidence, ChatonsInfosFile, ChatonsInfosUrlCheck, CollectError } from '../contracts/evidence.js';
import { hostOf, registrableDomain } from '../domains/party.js';
import { guardPage, type PrivateAddressPolicy } from './private-guard.js';
import { errorText, withTimeout } from './timeout.js';

export interface ChatonsInfosInput {
  /** The portal's final URL (or the target when the portal did not answer). */
  portalUrl: string;
  /** --chatonsinfos: read this file instead of probing. */
  explicitUrl?: string;
  /** Epoch ms after which nothing more is fetched. */
  deadline: number;
  /** Per fetch. */
  timeoutMs: number;
  /** The audit's private-address guard: a subs.* line must not lead the auditor into its own network. */
  policy?: PrivateAddressPolicy | undefined;
}

/**
 * Only the documents themselves are wanted: a host answering HTML at the well-known path must not
 * get its images or scripts loaded by the auditor, outside every guard and record.
 */
async function documentsOnly(page: Page, policy: PrivateAddressPolicy | undefined, errors: CollectError[]): Promise<void> {
  await page.route('**/*', (route) => {
    const request = route.request();
    return request.isNavigationRequest() && request.frame() === page.mainFrame() ? route.continue() : route.abort('blockedbyclient');
  });
  if (policy) {
    // The guard sees redirect hops too, which route() does not.
    await guardPage(page, policy, (url, address) => {
      errors.push({ stage: 'fetch', page: url, message: `chatonsinfos: refused private address ${address}` });
    });
  }
}

const WELL_KNOWN_DIRS = ['.well-known/chatonsinfos', '.well_known/chatonsinfos'];
const MAX_SUBS = 20;
const MAX_CHECKS = 20;
/** Keys whose URL must answer: the legal notice and each service's website. */
const CHECKED_KEYS = ['organization.legal.url', 'organization.website', 'service.website', 'service.legal.url'];

interface Fetched {
  status: number | null;
  text: string | null;
  error: string | null;
}

/** Candidate well-known URLs: the portal's host first, then its registrable domain. */
export function probeUrls(portalUrl: string): string[] {
  const host = hostOf(portalUrl);
  if (!host) return [];
  const scheme = new URL(portalUrl).protocol;
  const domain = registrableDomain(host);
  const hosts = [...new Set([host, domain])];
  const names = [...new Set(['organization.properties', `${domain}.properties`, `${host}.properties`])];
  return hosts.flatMap((h) => WELL_KNOWN_DIRS.flatMap((dir) => names.map((name) => `${scheme}//${h}/${dir}/${name}`)));
}

async function fetchText(page: Page, url: string, timeoutMs: number): Promise<Fetched> {
  // Servers often send .properties as application/octet-stream, which Chromium downloads
  // instead of showing: read the download then.
  const download = page.waitForEvent('download', { timeout: timeoutMs }).catch(() => null);
  try {
    const response = await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    if (!response) return { status: null, text: null, error: 'no response' };
    const text = await withTimeout(response.text(), timeoutMs, 'body').catch(() => null);
    return { status: response.status(), text, error: null };
  } catch (error) {
    const message = errorText(error);
    if (/download is starting/i.test(message)) {
      const d = await download;
      const path = d ? await withTimeout(d.path(), timeoutMs, 'download').catch(() => null) : null;
      const text = path ? await readFile(path, 'utf8').catch(() => null) : null;
      return { status: text === null ? null : 200, text, error: text === null ? message : null };
    }
    return { status: null, text: null, error: message };
  }
}

async function checkUrl(page: Page, url: string, timeoutMs: number): Promise<Fetched> {
  try {
    const response = await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    return { status: response?.status() ?? null, text: null, error: response ? null : 'no response' };
  } catch (error) {
    const message = errorText(error);
    // A download answered: the address works.
    if (/download is starting/i.test(message)) return { status: 200, text: null, error: null };
    return { status: null, text: null, error: message };
  }
}

function looksLikeProperties(text: string | null): boolean {
  if (!text || /^\s*<(!doctype|html)/i.test(text)) return false;
  return Object.keys(parseProperties(text).properties).some((k) => /^(file|organization|service|software|host|subs)\./.test(k));
}

export async function collectChatonsInfos(context: BrowserContext, input: ChatonsInfosInput): Promise<{ evidence: ChatonsInfosEvidence; errors: CollectError[] }> {
  const evidence: ChatonsInfosEvidence = { probed: [], files: [], checks: [] };
  const errors: CollectError[] = [];
  const left = (): number => Math.min(input.timeoutMs, input.deadline - Date.now());
  let page: Page;
  try {
    page = await withTimeout(context.newPage(), Math.max(1, left()), 'newPage');
    await withTimeout(documentsOnly(page, input.policy, errors), Math.max(1, left()), 'guard');
  } catch (error) {
    errors.push({ stage: 'fetch', page: input.portalUrl, message: `chatonsinfos: ${errorText(error)}` });
    return { evidence, errors };
  }
  const read = async (url: string, source: ChatonsInfosFile['source']): Promise<ChatonsInfosFile | null> => {
    if (left() < 500) {
      errors.push({ stage: 'fetch', page: url, message: 'chatonsinfos: site time budget exhausted' });
      return null;
    }
    const got = await fetchText(page, url, left());
    const parsed = got.text && got.status !== null && got.status < 400 ? parseProperties(got.text) : { properties: {}, badLines: [] };
    return { url, source, status: got.status, error: got.error, properties: parsed.properties, badLines: parsed.badLines };
  };
  try {
    let organisation: ChatonsInfosFile | null = null;
    if (input.explicitUrl) {
      organisation = await read(input.explicitUrl, 'option');
      if (organisation) evidence.files.push(organisation);
    } else {
      for (const url of probeUrls(input.portalUrl)) {
        if (left() < 500) break;
        const got = await fetchText(page, url, left());
        evidence.probed.push({ url, status: got.status, error: got.error });
        if (got.status !== null && got.status < 400 && looksLikeProperties(got.text)) {
          const parsed = parseProperties(got.text ?? '');
          organisation = { url, source: 'probe', status: got.status, error: null, properties: parsed.properties, badLines: parsed.badLines };
          evidence.files.push(organisation);
          break;
        }
      }
    }
    if (organisation) {
      const subs = subsOf(organisation.properties).slice(0, MAX_SUBS);
      for (const sub of subs) {
        let url: string;
        try {
          url = new URL(sub, organisation.url).href;
        } catch {
          evidence.files.push({ url: sub, source: 'subs', status: null, error: 'invalid URL', properties: {}, badLines: [] });
          continue;
        }
        const file = await read(url, 'subs');
        if (file) evidence.files.push(file);
      }
      const wanted: { key: string; url: string; file: string }[] = [];
      for (const file of evidence.files) {
        for (const key of CHECKED_KEYS) {
          const value = file.properties[key]?.trim();
          if (value && /^https?:\/\//i.test(value)) wanted.push({ key, url: value, file: file.url });
        }
      }
      for (const w of wanted.slice(0, MAX_CHECKS)) {
        if (left() < 500) break;
        const got = await checkUrl(page, w.url, left());
        const check: ChatonsInfosUrlCheck = { ...w, status: got.status, error: got.error };
        evidence.checks.push(check);
      }
    }
  } catch (error) {
    errors.push({ stage: 'fetch', page: input.portalUrl, message: `chatonsinfos: ${errorText(error)}` });
  } finally {
    await withTimeout(page.close({ runBeforeUnload: false }), 5_000, 'close').catch(() => undefined);
  }
  return { evidence, errors };
}
