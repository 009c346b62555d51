import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge as judgeWith } from '../../src/judge/judge.js';
import { rulesDir } from '../../src/util/paths.js';
import { loadRuleSet } from '../../src/judge/loader.js';
import type { ChatonsInfosEvidence, ChatonsInfosFile } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const DIR = 'https://services.example.org/.well-known/chatonsinfos/';
const file = (name: string, properties: Record<string, string>, over: Partial<ChatonsInfosFile> = {}): ChatonsInfosFile => ({
  url: `${DIR}${name}`, source: name === 'organization.properties' ? 'probe' : 'subs', status: 200, error: null, properties, badLines: [], ...over,
});
const FILE = { 'file.protocol': 'ChatonsInfos-0.5', 'file.datetime': '2026-10-01T10:00:00', 'file.generator': 'chatonsinfos_ynh', 'file.url': `${DIR}x.properties` };
// Complete StatoolInfos files (mandatory and wished fields), so each case changes one thing.
const ORG = file('organization.properties', {
  ...FILE, 'file.class': 'organization', 'organization.name': 'Exemple', 'organization.description': 'Un chaton', 'organization.type': 'ASSOCIATION',
  'organization.status.level': 'ACTIVE', 'organization.website': T, 'organization.logo': `${T}logo.png`, 'organization.country.name': 'France',
  'organization.country.code': 'FR', 'organization.contact.url': `${T}contact`, 'organization.contact.email': 'contact@example.org',
  'organization.legal.url': `${T}mentions-legales`, 'organization.startdate': '2019-03-02', 'organization.geolocation.latitude': '45,7640',
  'organization.geolocation.longitude': '4.8357', 'subs.pad': 'pad.properties',
});
const PAD = file('pad.properties', {
  ...FILE, 'file.class': 'service', 'service.name': 'Pad', 'service.description': 'Notes', 'service.website': 'https://pad.example.org/',
  'service.logo': 'https://pad.example.org/logo.png', 'service.legal.url': `${T}cgu`, 'service.guide.technical': `${T}doc`, 'service.guide.user': `${T}aide`,
  'service.contact.url': `${T}contact`, 'service.contact.email': 'contact@example.org', 'service.startdate': '2021-09-14T18:02:11',
  'service.status.level': 'OK', 'service.registration': 'Free', 'service.registration.load': 'OPEN', 'service.install.type': 'DISTRIBUTION',
  'software.name': 'Etherpad', 'software.website': 'https://etherpad.org/', 'software.license.url': 'https://spdx.org/licenses/Apache-2.0.html',
  'software.license.name': 'Apache-2.0', 'software.version': '2.0', 'software.source.url': 'https://github.com/ether/etherpad-lite',
  'host.name': 'Serveur', 'host.server.distribution': 'Debian', 'host.server.type': 'VIRTUAL', 'host.provider.type': 'HOME',
  'host.country.name': 'France', 'host.country.code': 'FR',
});
const without = (f: ChatonsInfosFile, ...keys: string[]): ChatonsInfosFile =>
  ({ ...f, properties: Object.fromEntries(Object.entries(f.properties).filter(([k]) => !keys.includes(k))) });
const withValues = (f: ChatonsInfosFile, values: Record<string, string>): ChatonsInfosFile => ({ ...f, properties: { ...f.properties, ...values } });
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
      { probed, files: [ORG, withValues(PAD, { 'software.name': 'Zoom', 'software.license.name': 'Proprietary' })], checks: [] }, false, 'fail', ['nonFreeLicense']],
    ['an unknown licence needs review',
      { probed, files: [ORG, withValues(PAD, { 'software.name': 'Foo', 'software.license.name': 'Licence maison' })], checks: [] }, false, 'needs-review', ['found', 'unknownLicense']],
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
    // The StatoolInfos format: mandatory fields weigh more than wished ones.
    ['a service file without its mandatory service.status.level and host.country.code',
      { probed, files: [ORG, without(PAD, 'service.status.level', 'host.country.code')], checks: [] }, false, 'fail', ['missingMandatoryField', 'missingMandatoryField']],
    ['an organisation file without file.class: only the file section is checked',
      { probed, files: [without(ORG, 'file.class')], checks: [] }, false, 'fail', ['missingMandatoryField']],
    ['a mandatory field with a value outside its type (country code)',
      { probed, files: [withValues(ORG, { 'organization.country.code': 'France' })], checks: [] }, false, 'fail', ['invalidFieldValue']],
    ['a wished field with an invalid value (e-mail) is to review',
      { probed, files: [ORG, withValues(PAD, { 'service.contact.email': 'contact chez example.org' })], checks: [] }, false, 'needs-review', ['found', 'invalidFieldValue']],
    ['an optional field with an invalid date is to review',
      { probed, files: [withValues(ORG, { 'organization.enddate': '31/02/2024' })], checks: [] }, false, 'needs-review', ['found', 'invalidFieldValue']],
    ['missing wished fields are listed but leave the rule passing',
      { probed, files: [without(ORG, 'organization.logo'), without(PAD, 'software.version')], checks: [] }, false, 'pass', ['found', 'missingWishedField', 'missingWishedField']],
  ] as const)('%s → %s', (_name, ci, candidate, outcome, codes) => {
    const result = judge(ci as unknown as ChatonsInfosEvidence, candidate);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('needs review on evidence saved before ChatonsInfos was collected', () => {
    expect(judge(undefined).outcome).toBe('needs-review');
  });

  it('names the file, the field and the expected type, one finding (subject) per file and field', () => {
    const result = judge({ probed, files: [withValues(ORG, { 'organization.country.code': 'France' }), without(PAD, 'service.name')], checks: [] });
    expect(result.findings.map((f) => [f.code, f.subject, f.args.field, f.args.expected ?? null])).toEqual([
      ['invalidFieldValue', `${DIR}organization.properties#organization.country.code`, 'organization.country.code', 'COUNTRY_CODE'],
      ['missingMandatoryField', `${DIR}pad.properties#service.name`, 'service.name', null],
    ]);
    expect(result.findings[0]?.message).toBe(`${DIR}organization.properties: organization.country.code = "France" is not a valid value (expected: COUNTRY_CODE).`);
  });

  it('quotes at most 120 characters of an invalid value (the evidence keeps it whole)', () => {
    const result = judge({ probed, files: [withValues(ORG, { 'organization.country.code': 'x'.repeat(5000) })], checks: [] });
    expect(result.findings[0]?.args.value).toBe(`${'x'.repeat(120)}…`);
  });

  it('lists a file\'s missing wished fields in one finding, with their count', () => {
    const result = judge({ probed, files: [without(ORG, 'organization.logo', 'organization.startdate')], checks: [] });
    const wished = result.findings.find((f) => f.code === 'missingWishedField');
    expect([wished?.count, wished?.args.fields, wished?.subject]).toEqual([2, 'organization.logo, organization.startdate', `${DIR}organization.properties#wished`]);
  });

  it('reads the field table from the rules folder: a copy with one level changed changes the outcome', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statool-rules-'));
    cpSync(rulesDir, dir, { recursive: true });
    const table = join(dir, 'data', 'statoolinfos-fields.yaml');
    const ev = evidence(T, [page(T)], [], { options: { ownDomains: [], candidate: false }, chatonsinfos: { probed, files: [without(ORG, 'organization.logo')], checks: [] } });
    const outcome = (): string | undefined => judgeWith(ev, loadRuleSet(dir), { lang: 'en', levels: {} }).rules.find((r) => r.id === 'chatonsinfos')?.outcome;
    expect(outcome()).toBe('pass');
    writeFileSync(table, readFileSync(table, 'utf8').replace('organization.logo: { type: URL, requirement: wished }', 'organization.logo: { type: URL, requirement: mandatory }'));
    expect(outcome()).toBe('fail');
    writeFileSync(table, 'types: {}\n');
    expect(() => loadRuleSet(dir)).toThrow(/statoolinfos-fields/);
  });
});
