/**
 * chatonsinfos: the structure publishes ChatonsInfos properties, and what they say holds: the
 * legal notice URL resolves, service websites answer, software licences are free (SPDX), a
 * candidate does not declare itself an active CHATONS member, and every file follows the
 * StatoolInfos format (the field table of the `fields` data file).
 *
 * How violations weigh: a mandatory field missing or invalid fails the rule (the collective's
 * statistics cannot use the file as it is); an invalid wished or optional value is to review (it
 * is published but unusable, a human judges whether it matters); a missing wished field is
 * listed for information and leaves the outcome alone. The rule is a suggestion: none of this
 * changes the verdict.
 */
import type { ChatonsInfosFile } from '../../contracts/evidence.js';
import { licenceVocabulary, licenseVerdict } from '../../chatonsinfos/licenses.js';
import { readStatoolSpec, validateProperties, type StatoolSpec } from '../../chatonsinfos/statoolinfos.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import type { RuleData } from '../../contracts/rule.js';

const MEMBER_KEYS = ['organization.memberof.chatons.status.level', 'organization.memberof.chatons.status'];

function isMemberActive(file: ChatonsInfosFile): string | null {
  for (const key of MEMBER_KEYS) {
    const value = file.properties[key];
    if (value && /^\s*active\s*$/i.test(value)) return `${key} = ${value}`;
  }
  return null;
}

const specs = new WeakMap<object, StatoolSpec | string>();

/** The field table, parsed once per loaded document. */
function statoolSpec(data: RuleData, name: string): StatoolSpec | string {
  const doc = data.document(name);
  if (typeof doc !== 'object' || doc === null) return `rules/data/${name}.yaml is missing or not YAML`;
  let spec = specs.get(doc);
  if (!spec) {
    spec = readStatoolSpec(doc);
    specs.set(doc, spec);
  }
  return spec;
}

/** A published value as a finding quotes it: the evidence keeps it whole, a report line needs no more. */
const shortened = (value: string): string => (value.length > 120 ? `${value.slice(0, 120)}…` : value);

/**
 * One finding per mandatory or invalid field (the subject names file and field, so baselines
 * tell a fixed field from a new one). Missing wished fields are information: one finding per
 * file lists them, so a review pasted on the forum does not grow a line per template field.
 */
function formatFindings(file: ChatonsInfosFile, spec: StatoolSpec): FindingDraft[] {
  const violations = validateProperties(file.properties, spec);
  const findings: FindingDraft[] = violations
    .filter((v) => v.code !== 'missingWishedField')
    .map((v) => ({
      code: v.code,
      subject: `${file.url}#${v.field}`,
      urls: [file.url],
      args: {
        file: file.url,
        field: v.field,
        requirement: v.requirement,
        ...(v.code === 'invalidFieldValue' ? { value: shortened(v.value), expected: v.expected } : {}),
      },
    }));
  const wished = violations.filter((v) => v.code === 'missingWishedField').map((v) => v.field);
  if (wished.length > 0) {
    findings.push({
      code: 'missingWishedField',
      subject: `${file.url}#wished`,
      urls: [file.url],
      count: wished.length,
      args: { file: file.url, fields: wished.join(', '), count: wished.length },
    });
  }
  return findings;
}

const blocksPass = (f: FindingDraft): boolean =>
  !['unknownLicense', 'missingWishedField', 'invalidFieldValue'].includes(f.code) ||
  (f.code === 'invalidFieldValue' && f.args?.requirement === 'mandatory');

export const chatonsInfos = defineEvaluator<{ fields: string }, 'chatonsinfos' | 'options'>({
  id: 'chatonsinfos',
  requires: ['chatonsinfos', 'options'],
  params: { fields: { type: 'string', required: true } },
  codes: [
    'notPublished',
    'fileUnreadable',
    'legalUrlBroken',
    'serviceWebsiteDead',
    'nonFreeLicense',
    'unknownLicense',
    'memberWhileCandidate',
    'notCollected',
    'found',
    'unknownLicenseReason',
    'missingMandatoryField',
    'missingWishedField',
    'invalidFieldValue',
    'invalidValueReason',
  ],
  check(params, data) {
    const spec = statoolSpec(data, params.fields);
    return typeof spec === 'string' ? `rules/data/${params.fields}.yaml: ${spec}` : null;
  },
  evaluate({ evidence, params, data }) {
    const spec = statoolSpec(data, params.fields) as StatoolSpec;
    const ci = evidence.chatonsinfos;
    if (!ci) return { outcome: 'needs-review', findings: [], reason: { code: 'notCollected' } };
    const read = ci.files.filter((f) => Object.keys(f.properties).length > 0);
    const organisation = read.find((f) => f.source !== 'subs');
    if (!organisation) {
      const tried = ci.files[0]?.url ?? ci.probed[0]?.url ?? '';
      return { outcome: 'fail', findings: [{ code: 'notPublished', args: { url: tried, count: ci.probed.length || ci.files.length } }] };
    }
    const findings: FindingDraft[] = [];
    for (const file of ci.files.filter((f) => Object.keys(f.properties).length === 0)) {
      findings.push({
        code: 'fileUnreadable',
        subject: file.url,
        urls: [file.url],
        args: { url: file.url, status: file.status ?? file.error ?? '—' },
      });
    }
    for (const check of ci.checks) {
      if (check.status !== null && check.status < 400) continue;
      const code = check.key.startsWith('service.website') ? 'serviceWebsiteDead' : 'legalUrlBroken';
      findings.push({
        code,
        subject: check.url,
        urls: [check.url],
        args: { url: check.url, key: check.key, file: check.file, status: check.status ?? check.error ?? '—' },
      });
    }
    for (const file of read) {
      const license = file.properties['software.license.name'];
      if (!license) continue;
      const verdict = licenseVerdict(license, licenceVocabulary(data));
      const name = file.properties['software.name'] ?? file.properties['service.name'] ?? file.url;
      if (verdict === 'non-free')
        findings.push({ code: 'nonFreeLicense', subject: file.url, urls: [file.url], args: { license, software: name } });
      if (verdict === 'unknown')
        findings.push({ code: 'unknownLicense', subject: file.url, urls: [file.url], args: { license, software: name } });
    }
    const member = isMemberActive(organisation);
    if (member && evidence.options.candidate)
      findings.push({ code: 'memberWhileCandidate', urls: [organisation.url], args: { line: member } });
    for (const file of read) findings.push(...formatFindings(file, spec));
    if (findings.some(blocksPass)) return { outcome: 'fail', findings };
    const summary: FindingDraft = {
      code: 'found',
      subject: organisation.url,
      urls: [organisation.url],
      args: { url: organisation.url, name: organisation.properties['organization.name'] ?? '—', services: read.length - 1 },
    };
    const toReview = findings.filter((f) => f.code !== 'missingWishedField');
    if (toReview.length > 0) {
      const reason = toReview.some((f) => f.code === 'unknownLicense') ? 'unknownLicenseReason' : 'invalidValueReason';
      return { outcome: 'needs-review', findings: [summary, ...findings], reason: { code: reason } };
    }
    return { outcome: 'pass', findings: [summary, ...findings] };
  },
});
