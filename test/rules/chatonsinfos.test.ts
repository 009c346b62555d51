import { describe, expect, it } from 'vitest';
import type { ChatonsInfosEvidence, ChatonsInfosFile } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const DIR = 'https://services.example.org/.well-known/chatonsinfos/';
const file = (name: string, properties: Record<string, string>, over: Partial<ChatonsInfosFile> = {}): ChatonsInfosFile => ({
  url: `${DIR}${name}`, source: name === 'organization.properties' ? 'probe' : 'subs', status: 200, error: null, properties, badLines: [], ...over,
});
const ORG = file('organization.properties', { 'file.class': 'organization', 'organization.name': 'Exemple', 'organization.legal.url': `${T}mentions-legales`, 'subs.pad': 'pad.properties' });
const PAD = file('pad.properties', { 'file.class': 'service', 'service.website': 'https://pad.example.org/', 'software.name': 'Etherpad', 'software.license.name': 'Apache-2.0' });
const ok = (key: string, url: string, f: ChatonsInfosFile) => ({ key, url, file: f.url, status: 200, error: null });
const judge = (ci: ChatonsInfosEvidence | undefined, candidate = false) =>
  ruleResult('chatonsinfos', evidence(T, [page(T)], [], { options: { ownDomains: [], candidate }, ...(ci ? { chatonsinfos: ci } : {}) }));
const probed = [{ url: `${DIR}organization.properties`, status: 200, error: null }];

describe('chatonsinfos', () => {
  it.each([
    ['organisation and service files, everything answers',
      { probed, files: [ORG, PAD], checks: [ok('organization.legal.url', `${T}mentions-legales`, ORG), ok('service.website', 'https://pad.example.org/', PAD)] }, false, 'pass', ['found']],
    ['one dead service website',
      { probed, files: [ORG, PAD], checks: [{ ...ok('service.website', 'https://pad.example.org/', PAD), status: 404 }] }, false, 'fail', ['serviceWebsiteDead']],
    ['legal URL broken',
      { probed, files: [ORG], checks: [{ ...ok('organization.legal.url', `${T}ml`, ORG), status: null, error: 'net::ERR_NAME_NOT_RESOLVED' }] }, false, 'fail', ['legalUrlBroken']],
    ['a proprietary licence',
      { probed, files: [ORG, file('x.properties', { 'software.name': 'Zoom', 'software.license.name': 'Proprietary' })], checks: [] }, false, 'fail', ['nonFreeLicense']],
    ['an unknown licence needs review',
      { probed, files: [ORG, file('x.properties', { 'software.name': 'Foo', 'software.license.name': 'Licence maison' })], checks: [] }, false, 'needs-review', ['found', 'unknownLicense']],
    ['a candidate declaring itself an active member',
      { probed, files: [file('organization.properties', { ...ORG.properties, 'organization.memberof.chatons.status.level': 'ACTIVE' })], checks: [] }, true, 'fail', ['memberWhileCandidate']],
    // Negatives: a member (not candidate) may say ACTIVE; a candidate saying CANDIDATE is fine
    ['a member declaring ACTIVE, outside candidate mode',
      { probed, files: [file('organization.properties', { ...ORG.properties, 'organization.memberof.chatons.status.level': 'ACTIVE' })], checks: [] }, false, 'pass', ['found']],
    ['a candidate declaring CANDIDATE',
      { probed, files: [file('organization.properties', { ...ORG.properties, 'organization.memberof.chatons.status.level': 'CANDIDATE' })], checks: [] }, true, 'pass', ['found']],
    ['nothing published', { probed: [{ url: `${DIR}organization.properties`, status: 404, error: null }], files: [], checks: [] }, false, 'fail', ['notPublished']],
    ['a sub file that does not answer',
      { probed, files: [ORG, file('pad.properties', {}, { status: 404 })], checks: [] }, false, 'fail', ['fileUnreadable']],
  ] as const)('%s → %s', (_name, ci, candidate, outcome, codes) => {
    const result = judge(ci as unknown as ChatonsInfosEvidence, candidate);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('needs review on evidence saved before ChatonsInfos was collected', () => {
    expect(judge(undefined).outcome).toBe('needs-review');
  });
});
