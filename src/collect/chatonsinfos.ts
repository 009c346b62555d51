/**
 * ChatonsInfos collection: probe the well-known locations (or the --chatonsinfos URL), read the
 * organisation file, follow its subs.* service files, and check the addresses they name.
 *
 * These fetches are the auditor's own, not the site's requests: made from Node (http-fetch.ts,
 * through the site's egress gate, with --ca-cert), they never show up among the
 * pages' requests and load nothing but the documents. Never throws: failures go to errors[].
 */
import { parseProperties, subsOf } from '../chatonsinfos/properties.js';
import type { ChatonsInfosEvidence, ChatonsInfosFile, ChatonsInfosUrlCheck, CollectError } from '../contracts/evidence.js';
import { hostOf, registrableDomain } from '../domains/party.js';
import { fetchUrl, type FetchOptions } from './http-fetch.js';
import type { EgressGate } from './egress-gate.js';
import type { ProbeOptions } from './tls-probe.js';
import { errorText } from './timeout.js';

export interface ChatonsInfosInput {
  /** The portal's final URL (or the target when the portal did not answer). */
  portalUrl: string;
  /** --chatonsinfos: read this file instead of probing. */
  explicitUrl?: string;
  /** Epoch ms after which nothing more is fetched. */
  deadline: number;
  /** Per fetch. */
  timeoutMs: number;
  /** The site's egress gate: a subs.* line must not lead the auditor into its own network. */
  gate: EgressGate;
  /** --ca-cert, as for the pages. */
  network: Pick<ProbeOptions, 'trust'>;
}

const WELL_KNOWN_DIRS = ['.well-known/chatonsinfos', '.well_known/chatonsinfos'];
const MAX_SUBS = 20;
const MAX_CHECKS = 20;
/** Keys whose URL must answer: the legal notice and each service's website. */
const CHECKED_KEYS = ['organization.legal.url', 'organization.website', 'service.website', 'service.legal.url'];

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

function looksLikeProperties(text: string | null): boolean {
  if (!text || /^\s*<(!doctype|html)/i.test(text)) return false;
  return Object.keys(parseProperties(text).properties).some((k) => /^(file|organization|service|software|host|subs)\./.test(k));
}

export async function collectChatonsInfos(input: ChatonsInfosInput): Promise<{ evidence: ChatonsInfosEvidence; errors: CollectError[] }> {
  const evidence: ChatonsInfosEvidence = { probed: [], files: [], checks: [] };
  const errors: CollectError[] = [];
  const left = (): number => Math.min(input.timeoutMs, input.deadline - Date.now());
  const fetch = (url: string, readBody: boolean): ReturnType<typeof fetchUrl> => {
    const options: FetchOptions = { trust: input.network.trust, timeoutMs: left(), gate: input.gate, path: 'chatonsinfos', readBody };
    return fetchUrl(url, options);
  };
  const read = async (url: string, source: ChatonsInfosFile['source']): Promise<ChatonsInfosFile | null> => {
    if (left() < 500) {
      errors.push({ stage: 'fetch', page: url, message: 'chatonsinfos: site time budget exhausted' });
      return null;
    }
    const got = await fetch(url, true);
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
        const got = await fetch(url, true);
        evidence.probed.push({ url, status: got.status, error: got.error });
        if (got.status !== null && got.status < 400 && looksLikeProperties(got.text)) {
          const parsed = parseProperties(got.text ?? '');
          organisation = {
            url,
            source: 'probe',
            status: got.status,
            error: null,
            properties: parsed.properties,
            badLines: parsed.badLines,
          };
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
        const got = await fetch(w.url, false);
        const check: ChatonsInfosUrlCheck = { ...w, status: got.status, error: got.error };
        evidence.checks.push(check);
      }
    }
  } catch (error) {
    errors.push({ stage: 'fetch', page: input.portalUrl, message: `chatonsinfos: ${errorText(error)}` });
  }
  return { evidence, errors };
}
