/**
 * Which sites a run audits: the URLs on the command line, then those of --targets (a list, or
 * a ChatonsInfos federation whose members are read one by one), without duplicates, this
 * shard's share. Everything here is checked before a browser starts.
 */
import { resolve } from 'node:path';
import { parseProperties, subsOf } from '../../chatonsinfos/properties.js';
import { readStatoolSpec, validateProperties } from '../../chatonsinfos/statoolinfos.js';
import { findMapping } from '../../collect/map-host.js';
import { refusePrivateTargets } from '../../collect/target-safety.js';
import type { Settings } from '../../contracts/settings.js';
import { isPrivateAddress, parseTarget } from '../../domains/target.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/catalog.js';
import { forTerminal, terminalArgs } from '../../report/neutralise.js';
import type { CliProcess } from '../../util/io.js';
import { federationMembers, fetchTargetsText, isFederationText, quoted, type FederationNetwork } from './federation.js';
import { selectShard } from './shard.js';
import { dedupeTargets, parseTargetsText, readTargetsText, type BatchTarget, type MemberProblem, type TargetEntry } from './targets.js';

export interface RunPlan {
  /** This run's sites, in the order given. */
  targets: BatchTarget[];
  /** Federation members that cannot be audited, and why. */
  problems: MemberProblem[];
}

type PlanSettings = Pick<Settings, 'lang' | 'mappings' | 'trust' | 'allowPrivate' | 'timing' | 'ruleSet' | 'targetList' | 'shard'>;

/** Organisation files of a federation: small, so a short bound each. */
const MEMBER_FILE_TIMEOUT_MS = 10_000;

export async function planRun(urls: readonly string[], settings: PlanSettings, proc: CliProcess): Promise<RunPlan> {
  if (urls.length === 0 && !settings.targetList) throw new UsageError('error.noTarget');
  const given = urls.map((u): TargetEntry => ({ target: { url: parseTarget(u), overrides: {} } }));
  refuseLiteralPrivate(urls, given, settings);
  const fromList = settings.targetList ? await targetsFrom(settings.targetList, settings, proc) : { entries: [], federation: false };
  // One list in the order given, members that cannot be audited included, so shards split it alike.
  const entries = dedupeTargets([...given, ...fromList.entries]);
  if (entries.length === 0) throw new UsageError('error.noTarget');
  // Every target the user wrote, not only this shard's: a list with an internal address is refused on
  // every runner. A federation's members were checked one by one (a member's address is its problem).
  const written = fromList.federation ? given : [...given, ...fromList.entries];
  await refusePrivateTargets(
    written.flatMap((e) => ('target' in e ? [e.target.url] : [])),
    settings.mappings,
    settings.allowPrivate,
  );
  const mine = selectShard(entries, settings.shard ?? null);
  return {
    targets: mine.flatMap((e) => ('target' in e ? [e.target] : [])),
    problems: mine.flatMap((e) => ('problem' in e ? [e.problem] : [])),
  };
}

/** A literal private address on the command line is refused naming what the user typed. */
function refuseLiteralPrivate(urls: readonly string[], given: readonly TargetEntry[], settings: PlanSettings): void {
  if (settings.allowPrivate) return;
  for (const [i, entry] of given.entries()) {
    if (!('target' in entry)) continue;
    const host = entry.target.url.hostname.replace(/^\[|\]$/g, '');
    // A host the user mapped explicitly is a deliberate choice (a staging server, a test).
    if (isPrivateAddress(host) && !findMapping(settings.mappings, host)) {
      throw new UsageError('error.privateTarget', { input: urls[i] ?? '', address: host });
    }
  }
}

/**
 * `--targets`: a local file or an http(s) URL holding a list of URLs, a YAML list, or a
 * ChatonsInfos federation file (then each member's organisation file is read for its website).
 */
async function targetsFrom(
  source: string,
  settings: PlanSettings,
  proc: CliProcess,
): Promise<{ entries: TargetEntry[]; federation: boolean }> {
  const network: FederationNetwork = {
    mappings: settings.mappings,
    trust: settings.trust,
    allowPrivate: settings.allowPrivate,
    timeoutMs: Math.min(MEMBER_FILE_TIMEOUT_MS, settings.timing.timeoutMs),
  };
  const remote = /^https?:\/\//i.test(source);
  const file = remote ? source : resolve(proc.cwd(), source);
  const text = remote ? await fetchTargetsText(source, network) : readTargetsText(file);
  if (!isFederationText(text)) return { entries: parseTargetsText(text, file).map((target) => ({ target })), federation: false };
  const properties = parseProperties(text).properties;
  for (const line of federationFormatProblems(properties, source, settings)) proc.stderr.write(`${forTerminal(line)}\n`);
  proc.stderr.write(`${t(settings.lang, 'batch.federationReading', terminalArgs({ file: source, total: subsOf(properties).length }))}\n`);
  return { entries: await federationMembers(text, remote ? source : null, network), federation: true };
}

/**
 * The federation file against the StatoolInfos table the `chatonsinfos` rule uses: the
 * collective's own list deserves the check its members get. Mandatory and invalid fields only,
 * as warnings: a flawed list still names its members.
 */
function federationFormatProblems(properties: Readonly<Record<string, string>>, file: string, settings: PlanSettings): string[] {
  const rule = settings.ruleSet.rules.find((r) => r.id === 'chatonsinfos');
  const spec = typeof rule?.params.fields === 'string' ? readStatoolSpec(settings.ruleSet.data.document(rule.params.fields)) : null;
  // A hand-made list of subs.* lines does not claim the format: only a declared file.class is checked.
  if (!spec || typeof spec === 'string' || !properties['file.class']) return [];
  return validateProperties(properties, spec).flatMap((v) => {
    if (v.code === 'missingMandatoryField') return [t(settings.lang, 'batch.federationMissingField', { file, field: v.field })];
    if (v.code === 'invalidFieldValue')
      return [t(settings.lang, 'batch.federationInvalidValue', { file, field: v.field, value: quoted(v.value), expected: v.expected })];
    return [];
  });
}
