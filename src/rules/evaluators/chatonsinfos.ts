/**
 * chatonsinfos: the structure publishes ChatonsInfos properties, and what they say holds: the
 * legal notice URL resolves, service websites answer, software licences are free (SPDX), and a
 * candidate does not declare itself an active CHATONS member.
 */
import type { ChatonsInfosFile } from '../../contracts/evidence.js';
import { licenseVerdict } from '../../chatonsinfos/licenses.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

const MEMBER_KEYS = ['organization.memberof.chatons.status.level', 'organization.memberof.chatons.status'];

function isMemberActive(file: ChatonsInfosFile): string | null {
  for (const key of MEMBER_KEYS) {
    const value = file.properties[key];
    if (value && /^\s*active\s*$/i.test(value)) return `${key} = ${value}`;
  }
  return null;
}

export const chatonsInfos = defineEvaluator<Record<string, never>, 'chatonsinfos' | 'options'>({
  id: 'chatonsinfos',
  requires: ['chatonsinfos', 'options'],
  params: {},
  codes: ['notPublished', 'fileUnreadable', 'legalUrlBroken', 'serviceWebsiteDead', 'nonFreeLicense', 'unknownLicense', 'memberWhileCandidate', 'notCollected', 'found', 'unknownLicenseReason'],
  evaluate({ evidence }) {
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
      findings.push({ code: 'fileUnreadable', subject: file.url, urls: [file.url], args: { url: file.url, status: file.status ?? file.error ?? '—' } });
    }
    for (const check of ci.checks) {
      if (check.status !== null && check.status < 400) continue;
      const code = check.key.startsWith('service.website') ? 'serviceWebsiteDead' : 'legalUrlBroken';
      findings.push({ code, subject: check.url, urls: [check.url], args: { url: check.url, key: check.key, file: check.file, status: check.status ?? check.error ?? '—' } });
    }
    for (const file of read) {
      const license = file.properties['software.license.name'];
      if (!license) continue;
      const verdict = licenseVerdict(license);
      const name = file.properties['software.name'] ?? file.properties['service.name'] ?? file.url;
      if (verdict === 'non-free') findings.push({ code: 'nonFreeLicense', subject: file.url, urls: [file.url], args: { license, software: name } });
      if (verdict === 'unknown') findings.push({ code: 'unknownLicense', subject: file.url, urls: [file.url], args: { license, software: name } });
    }
    const member = isMemberActive(organisation);
    if (member && evidence.options.candidate) findings.push({ code: 'memberWhileCandidate', urls: [organisation.url], args: { line: member } });
    if (findings.some((f) => f.code !== 'unknownLicense')) return { outcome: 'fail', findings };
    const summary: FindingDraft = {
      code: 'found', subject: organisation.url, urls: [organisation.url],
      args: { url: organisation.url, name: organisation.properties['organization.name'] ?? '—', services: read.length - 1 },
    };
    if (findings.length > 0) return { outcome: 'needs-review', findings: [summary, ...findings], reason: { code: 'unknownLicenseReason' } };
    return { outcome: 'pass', findings: [summary] };
  },
});
