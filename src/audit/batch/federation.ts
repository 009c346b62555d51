/**
 * A ChatonsInfos federation file as batch input. The collective's `chatons.properties`
 * (`file.class = federation`) lists each member's organisation file in `subs.*` lines; each
 * organisation file names the member's website (`organization.website`), which is audited with
 * that very file as its ChatonsInfos. A CI job thus re-audits the whole collective from the
 * collective's own list.
 *
 * The file the user names is trusted like a targets file; every organisation file it lists is
 * hostile input: fetched from Node through the audit's fetcher (the egress gate, --ca-cert,
 * bounded size and time). A member whose file cannot be read, or whose
 * website is unusable or private, becomes an entry with its problem; the others go on.
 */
import { fetchUrl, type FetchOptions } from '../../collect/http-fetch.js';
import { EgressGate } from '../../collect/egress-gate.js';
import { parseProperties, subsOf } from '../../chatonsinfos/properties.js';
import type { MessageArgs } from '../../contracts/result.js';
import type { ExtraTrust, HostMapping } from '../../contracts/settings.js';
import { UsageError } from '../../errors.js';
import { parseTarget } from '../../domains/target.js';
import { visible } from '../../report/neutralise.js';
import type { MemberProblem, TargetEntry } from './targets.js';

export interface FederationNetwork {
  mappings: readonly HostMapping[];
  trust: ExtraTrust;
  allowPrivate: boolean;
  /** Per organisation file. */
  timeoutMs: number;
}

/** Organisation files read at once: small text files, mostly on different hosts. */
const FILES_AT_ONCE = 4;

/** A federation file: `file.class = federation`, or (as hand-made lists are) `subs.*` lines. */
export function isFederationText(text: string): boolean {
  const { properties } = parseProperties(text);
  return properties['file.class']?.trim().toLowerCase() === 'federation' || subsOf(properties).length > 0;
}

function looksLikeProperties(text: string): boolean {
  return !/^\s*<(!doctype|html)/i.test(text) && Object.keys(parseProperties(text).properties).some((k) => k.startsWith('organization.'));
}

/** The gate of the auditor's own fetches: no host is exempt but the ones --map-host names. */
function gateFor(network: FederationNetwork): EgressGate {
  return new EgressGate({ mappings: network.mappings, allowPrivate: network.allowPrivate });
}

function fetchOptions(network: FederationNetwork, gate: EgressGate): FetchOptions {
  return { trust: network.trust, timeoutMs: network.timeoutMs, gate, path: 'chatonsinfos', readBody: true };
}

/** `--targets https://…`: the list itself, fetched like the files it names. Throws a usage error when unreadable. */
export async function fetchTargetsText(url: string, network: FederationNetwork): Promise<string> {
  const got = await fetchUrl(url, fetchOptions(network, gateFor(network)));
  if (got.text === null || got.status === null || got.status >= 400) {
    throw new UsageError('error.targetsUnreadable', { file: url, detail: got.error ?? `HTTP ${got.status ?? '—'}` });
  }
  return got.text;
}

/**
 * A member's value quoted for a terminal line or a summary: every control character and
 * bidirectional override shown as its code (the report's `visible`), and cut to a reasonable
 * length, so a member's file cannot drive the reviewer's terminal or reorder what it shows.
 */
export function quoted(value: string): string {
  return `"${visible(value.length > 200 ? `${value.slice(0, 200)}…` : value)}"`;
}

async function member(orgFile: string, network: FederationNetwork, gate: EgressGate): Promise<TargetEntry> {
  const problem = (key: MemberProblem['key'], args: MessageArgs): TargetEntry => ({
    problem: { orgFile, key, args: { url: orgFile, ...args } },
  });
  const got = await fetchUrl(orgFile, fetchOptions(network, gate));
  if (got.text === null || got.status === null || got.status >= 400 || !looksLikeProperties(got.text)) {
    return problem('batch.memberUnreadable', {
      detail: got.error ?? (got.status !== null && got.status >= 400 ? `HTTP ${got.status}` : 'not a properties file'),
    });
  }
  const website = parseProperties(got.text).properties['organization.website']?.trim() ?? '';
  if (!website) return problem('batch.memberNoWebsite', {});
  let url: URL;
  try {
    url = parseTarget(website);
  } catch {
    return problem('batch.memberBadWebsite', { website: quoted(website) });
  }
  // The audit's own gate, not the command line's: a literal address passes only an explicit --map-host.
  const decision = await gate.decide(url.hostname, url.protocol === 'https:' ? 443 : 80);
  if (!decision.allowed && decision.reason === 'private')
    return problem('batch.memberPrivateWebsite', { website: url.href, address: decision.address });
  return { target: { url, overrides: { chatonsinfos: orgFile } } };
}

/**
 * The members of a federation, in the order of its `subs.*` lines: each audited website with
 * its organisation file, or the problem that keeps a member from being audited.
 * `base`: the federation's URL (relative `subs.*` lines resolve against it), null for a local file.
 */
export async function federationMembers(text: string, base: string | null, network: FederationNetwork): Promise<TargetEntry[]> {
  const subs = subsOf(parseProperties(text).properties);
  const gate = gateFor(network);
  const entries: TargetEntry[] = new Array<TargetEntry>(subs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < subs.length) {
      const k = next++;
      const sub = subs[k] as string;
      let orgFile: string | null = null;
      try {
        const resolved = base ? new URL(sub, base) : new URL(sub);
        if (resolved.protocol === 'http:' || resolved.protocol === 'https:') orgFile = resolved.href;
      } catch {
        orgFile = null;
      }
      entries[k] = orgFile
        ? await member(orgFile, network, gate)
        : { problem: { orgFile: sub, key: 'batch.memberUnreadable', args: { url: sub, detail: 'not an http(s) URL' } } };
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, subs.length) }, worker));
  return entries;
}
