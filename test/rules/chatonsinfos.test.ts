import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge as judgeWith } from '../../src/judge/judge.js';
import { rulesDir } from '../../src/util/paths.js';
import { loadRuleSet } from '../../src/judge/loader.js';
import type { ChatonsInfosEvidence, ChatonsInfosFile } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const DIR = 'https://services.example.org/.well-known/chatonsinfos/';
const file = (name: string, properties: Record<string, string>, over: Partial<ChatonsInfosFile> = {}): ChatonsInfosFile => ({
  url: `${DIR}${name}`,
  source: name === 'organization.properties' ? 'probe' : 'subs',
  status: 200,
  error: null,
  properties,
  badLines: [],
  ...over,
});
const FILE = {
  'file.protocol': 'ChatonsInfos-0.5',
  'file.datetime': '2026-10-01T10:00:00',
  'file.generator': 'chatonsinfos_ynh',
  'file.url': `${DIR}x.properties`,
};
// Complete StatoolInfos files (mandatory and wished fields), so each case changes one thing.
const ORG = file('organization.properties', {
  ...FILE,
  'file.class': 'organization',
  'organization.name': 'Exemple',
  'organization.description': 'Un chaton',
  'organization.type': 'ASSOCIATION',
  'organization.status.level': 'ACTIVE',
  'organization.website': T,
  'organization.logo': `${T}logo.png`,
  'organization.country.name': 'France',
  'organization.country.code': 'FR',
  'organization.contact.url': `${T}contact`,
  'organization.contact.email': 'contact@example.org',
  'organization.legal.url': `${T}mentions-legales`,
  'organization.startdate': '2019-03-02',
  'organization.geolocation.latitude': '45,7640',
  'organization.geolocation.longitude': '4.8357',
  'subs.pad': 'pad.properties',
});
const PAD = file('pad.properties', {
  ...FILE,
  'file.class': 'service',
  'service.name': 'Pad',
  'service.description': 'Notes',
  'service.website': 'https://pad.example.org/',
  'service.logo': 'https://pad.example.org/logo.png',
  'service.legal.url': `${T}cgu`,
  'service.guide.technical': `${T}doc`,
  'service.guide.user': `${T}aide`,
  'service.contact.url': `${T}contact`,
  'service.contact.email': 'contact@example.org',
  'service.startdate': '2021-09-14T18:02:11',
  'service.status.level': 'OK',
  'service.registration': 'Free',
  'service.registration.load': 'OPEN',
  'service.install.type': 'DISTRIBUTION',
  'software.name': 'Etherpad',
  'software.website': 'https://etherpad.org/',
  'software.license.url': 'https://spdx.org/licenses/Apache-2.0.html',
  'software.license.name': 'Apache-2.0',
  'software.version': '2.0',
  'software.source.url': 'https://github.com/ether/etherpad-lite',
  'host.name': 'Serveur',
  'host.server.distribution': 'Debian',
  'host.server.type': 'VIRTUAL',
  'host.provider.type': 'HOME',
  'host.country.name': 'France',
  'host.country.code': 'FR',
});
const without = (f: ChatonsInfosFile, ...keys: string[]): ChatonsInfosFile => ({
  ...f,
  properties: Object.fromEntries(Object.entries(f.properties).filter(([k]) => !keys.includes(k))),
});
const withValues = (f: ChatonsInfosFile, values: Record<string, string>): ChatonsInfosFile => ({
  ...f,
  properties: { ...f.properties, ...values },
});
const ok = (key: string, url: string, f: ChatonsInfosFile) => ({ key, url, file: f.url, status: 200, error: null });
const at = (ci: ChatonsInfosEvidence | undefined, candidate = false) =>
  evidence(T, [page(T)], [], { options: { ownDomains: [], candidate }, ...(ci ? { chatonsinfos: ci } : {}) });
const ci = (files: ChatonsInfosFile[], checks: ChatonsInfosEvidence['checks'] = []): ChatonsInfosEvidence => ({ probed, files, checks });
const judge = (evidence: ChatonsInfosEvidence | undefined) => ruleResult('chatonsinfos', at(evidence));
const probed = [{ url: `${DIR}organization.properties`, status: 200, error: null }];

ruleTester('chatonsinfos', {
  valid: [
    {
      name: 'organisation and service files, everything answers',
      evidence: at(
        ci([ORG, PAD], [ok('organization.legal.url', `${T}mentions-legales`, ORG), ok('service.website', 'https://pad.example.org/', PAD)]),
      ),
      codes: ['found'],
    },
    // Negatives: a member (not candidate) may say ACTIVE; a candidate saying CANDIDATE is fine
    {
      name: 'a member declaring ACTIVE, outside candidate mode',
      evidence: at(ci([file('organization.properties', { ...ORG.properties, 'organization.memberof.chatons.status.level': 'ACTIVE' })])),
      codes: ['found'],
    },
    {
      name: 'a candidate declaring CANDIDATE',
      evidence: at(
        ci([file('organization.properties', { ...ORG.properties, 'organization.memberof.chatons.status.level': 'CANDIDATE' })]),
        true,
      ),
      codes: ['found'],
    },
    {
      name: 'missing wished fields are listed but leave the rule passing',
      evidence: at(ci([without(ORG, 'organization.logo'), without(PAD, 'software.version')])),
      codes: ['found', 'missingWishedField', 'missingWishedField'],
    },
  ],
  invalid: [
    {
      name: 'one dead service website',
      evidence: at(ci([ORG, PAD], [{ ...ok('service.website', 'https://pad.example.org/', PAD), status: 404 }])),
      codes: ['serviceWebsiteDead'],
    },
    {
      name: 'legal URL broken',
      evidence: at(ci([ORG], [{ ...ok('organization.legal.url', `${T}ml`, ORG), status: null, error: 'net::ERR_NAME_NOT_RESOLVED' }])),
      codes: ['legalUrlBroken'],
    },
    {
      name: 'a proprietary licence',
      evidence: at(ci([ORG, withValues(PAD, { 'software.name': 'Zoom', 'software.license.name': 'Proprietary' })])),
      codes: ['nonFreeLicense'],
    },
    {
      name: 'an unknown licence needs review',
      evidence: at(ci([ORG, withValues(PAD, { 'software.name': 'Foo', 'software.license.name': 'Licence maison' })])),
      outcome: 'needs-review',
      codes: ['found', 'unknownLicense'],
    },
    {
      name: 'a candidate declaring itself an active member',
      evidence: at(
        ci([file('organization.properties', { ...ORG.properties, 'organization.memberof.chatons.status.level': 'ACTIVE' })]),
        true,
      ),
      codes: ['memberWhileCandidate'],
    },
    { name: 'evidence saved before ChatonsInfos was collected', evidence: at(undefined), outcome: 'needs-review', codes: [] },
    {
      name: 'nothing published',
      evidence: at({ probed: [{ url: `${DIR}organization.properties`, status: 404, error: null }], files: [], checks: [] }),
      codes: ['notPublished'],
    },
    {
      name: 'a sub file that does not answer',
      evidence: at(ci([ORG, file('pad.properties', {}, { status: 404 })])),
      codes: ['fileUnreadable'],
    },
    // The StatoolInfos format: mandatory fields weigh more than wished ones.
    {
      name: 'a service file without its mandatory service.status.level and host.country.code',
      evidence: at(ci([ORG, without(PAD, 'service.status.level', 'host.country.code')])),
      codes: ['missingMandatoryField', 'missingMandatoryField'],
    },
    {
      name: 'an organisation file without file.class: only the file section is checked',
      evidence: at(ci([without(ORG, 'file.class')])),
      codes: ['missingMandatoryField'],
    },
    {
      name: 'a mandatory field with a value outside its type (country code)',
      evidence: at(ci([withValues(ORG, { 'organization.country.code': 'France' })])),
      codes: ['invalidFieldValue'],
    },
    {
      name: 'a wished field with an invalid value (e-mail) is to review',
      evidence: at(ci([ORG, withValues(PAD, { 'service.contact.email': 'contact chez example.org' })])),
      outcome: 'needs-review',
      codes: ['found', 'invalidFieldValue'],
    },
    {
      name: 'an optional field with an invalid date is to review',
      evidence: at(ci([withValues(ORG, { 'organization.enddate': '31/02/2024' })])),
      outcome: 'needs-review',
      codes: ['found', 'invalidFieldValue'],
    },
  ],
});

describe('chatonsinfos', () => {
  it('names the file, the field and the expected type, one finding (subject) per file and field', () => {
    const result = judge({
      probed,
      files: [withValues(ORG, { 'organization.country.code': 'France' }), without(PAD, 'service.name')],
      checks: [],
    });
    expect(result.findings.map((f) => [f.code, f.subject, f.args.field, f.args.expected ?? null])).toEqual([
      ['invalidFieldValue', `${DIR}organization.properties#organization.country.code`, 'organization.country.code', 'COUNTRY_CODE'],
      ['missingMandatoryField', `${DIR}pad.properties#service.name`, 'service.name', null],
    ]);
    expect(result.findings[0]?.message).toBe(
      `${DIR}organization.properties: organization.country.code = "France" is not a valid value (expected: COUNTRY_CODE).`,
    );
  });

  it('quotes at most 120 characters of an invalid value (the evidence keeps it whole)', () => {
    const result = judge({ probed, files: [withValues(ORG, { 'organization.country.code': 'x'.repeat(5000) })], checks: [] });
    expect(result.findings[0]?.args.value).toBe(`${'x'.repeat(120)}…`);
  });

  it("lists a file's missing wished fields in one finding, with their count", () => {
    const result = judge({ probed, files: [without(ORG, 'organization.logo', 'organization.startdate')], checks: [] });
    const wished = result.findings.find((f) => f.code === 'missingWishedField');
    expect([wished?.count, wished?.args.fields, wished?.subject]).toEqual([
      2,
      'organization.logo, organization.startdate',
      `${DIR}organization.properties#wished`,
    ]);
  });

  it('reads the field table from the rules folder: a copy with one level changed changes the outcome', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statool-rules-'));
    cpSync(rulesDir, dir, { recursive: true });
    const table = join(dir, 'data', 'statoolinfos-fields.yaml');
    const ev = evidence(T, [page(T)], [], {
      options: { ownDomains: [], candidate: false },
      chatonsinfos: { probed, files: [without(ORG, 'organization.logo')], checks: [] },
    });
    const outcome = (): string | undefined =>
      judgeWith(ev, loadRuleSet(dir), { lang: 'en', levels: {} }).rules.find((r) => r.id === 'chatonsinfos')?.outcome;
    expect(outcome()).toBe('pass');
    writeFileSync(
      table,
      readFileSync(table, 'utf8').replace(
        'organization.logo: { type: URL, requirement: wished }',
        'organization.logo: { type: URL, requirement: mandatory }',
      ),
    );
    expect(outcome()).toBe('fail');
    writeFileSync(table, 'types: {}\n');
    expect(() => loadRuleSet(dir)).toThrow(/statoolinfos-fields/);
  });
});
