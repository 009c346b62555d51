import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProperties } from '../../src/chatonsinfos/properties.js';
import { readStatoolSpec, validateProperties, type StatoolSpec } from '../../src/chatonsinfos/statoolinfos.js';
import { rulesDir } from '../../src/util/paths.js';
import { FileRuleData } from '../../src/judge/rule-data.js';

const shipped = readStatoolSpec(new FileRuleData(join(rulesDir, 'data')).document('statoolinfos-fields'));
if (typeof shipped === 'string') throw new Error(shipped);
const spec: StatoolSpec = shipped;

const props = (text: string): Record<string, string> => parseProperties(text).properties;
const codes = (p: Record<string, string>, s: StatoolSpec = spec) => validateProperties(p, s).map((v) => `${v.code} ${v.field}`);

/** The file section the YunoHost generator writes. */
const fileSection = (fileClass: string, name: string): string =>
  [
    `file.class = ${fileClass}`,
    'file.protocol = ChatonsInfos-0.5',
    'file.datetime = 2026-10-01T10:00:00',
    'file.generator = chatonsinfos_ynh',
    `file.url = https://example.org/.well-known/chatonsinfos/${name}.properties`,
  ].join('\n');

/** A complete, valid service file as the collective's tooling writes one. */
const SERVICE = props(`${fileSection('service', 'pad')}
service.name = Pad
service.description = Notes
service.website = https://pad.example.org/
service.logo = https://pad.example.org/logo.png
service.legal.url = https://example.org/cgu
service.guide.technical = https://example.org/doc
service.guide.user = https://example.org/aide
service.contact.url = https://example.org/contact
service.contact.email = contact@example.org
service.startdate = 2021-09-14T18:02:11
service.status.level = OK
service.registration = Free;Member
service.registration.load = OPEN
service.install.type = DISTRIBUTION
software.name = Etherpad
software.website = https://etherpad.org/
software.license.url = https://spdx.org/licenses/Apache-2.0.html
software.license.name = Apache-2.0
software.version = 2.0
software.source.url = https://github.com/ether/etherpad-lite
host.name = Serveur
host.server.distribution = Debian
host.server.type = VIRTUAL
host.provider.type = HOSTEDSERVER
host.country.name = France
host.country.code = FR
`);

describe('StatoolInfos validation (rules/data/statoolinfos-fields.yaml)', () => {
  it("accepts a complete service file written by the collective's tooling", () => {
    expect(codes(SERVICE)).toEqual([]);
  });

  it('reports every missing mandatory field of each class, one violation per field', () => {
    expect(codes({ 'file.class': 'organization' }).filter((c) => c.startsWith('missingMandatory'))).toEqual([
      'missingMandatoryField organization.name',
      'missingMandatoryField organization.type',
      'missingMandatoryField organization.status.level',
      'missingMandatoryField organization.country.code',
    ]);
    expect(codes({ 'file.class': 'Federation' }).filter((c) => c.startsWith('missingMandatory'))).toEqual([
      'missingMandatoryField federation.name',
      'missingMandatoryField federation.description',
      'missingMandatoryField federation.website',
      'missingMandatoryField federation.contact.email',
    ]);
    // The file section's protocol, date and generator are wished (the ontology says "recommandé").
    expect(codes({ 'file.class': 'service' })).toEqual(
      expect.arrayContaining([
        'missingWishedField file.protocol',
        'missingWishedField file.datetime',
        'missingWishedField file.generator',
        'missingMandatoryField service.name',
        'missingMandatoryField service.startdate',
        'missingMandatoryField service.status.level',
        'missingMandatoryField software.name',
        'missingMandatoryField software.license.name',
        'missingMandatoryField host.name',
      ]),
    );
    const { 'service.name': _name, 'host.country.code': _cc, ...rest } = SERVICE;
    expect(codes(rest)).toEqual(['missingMandatoryField service.name', 'missingMandatoryField host.country.code']);
    // An empty value counts as missing: the templates ship with empty lines.
    expect(codes({ ...SERVICE, 'software.name': '  ' })).toEqual(['missingMandatoryField software.name']);
  });

  it('reports missing wished fields apart from mandatory ones, and leaves optional ones alone', () => {
    const { 'service.logo': _logo, 'service.enddate': _none, ...rest } = SERVICE;
    expect(validateProperties(rest, spec)).toEqual([{ code: 'missingWishedField', field: 'service.logo', requirement: 'wished' }]);
  });

  it('checks only the file section when file.class is missing or unknown', () => {
    expect(
      codes({ 'file.protocol': 'x', 'file.datetime': '2020-01-01T00:00:00', 'file.generator': 'x', 'file.url': 'https://a.example.org/' }),
    ).toEqual(['missingMandatoryField file.class']);
    const unknown = validateProperties({ ...SERVICE, 'file.class': 'chaton' }, spec);
    expect(unknown).toEqual([
      {
        code: 'invalidFieldValue',
        field: 'file.class',
        requirement: 'mandatory',
        value: 'chaton',
        expected: 'Federation | Organization | Service | Device',
      },
    ]);
  });

  // One row per field type: [type, field, valid values, invalid values].
  it.each([
    [
      'URL',
      'service.website',
      ['https://pad.example.org/', 'http://pad.example.org/x?y=1', 'https://example.org/mentions-legales'],
      ['pad.example.org', 'ftp://pad.example.org/', 'https://localhost/', 'https://', 'javascript:alert(1)'],
    ],
    [
      'EMAIL',
      'service.contact.email',
      ['contact@example.org', 'a.b+c@sub.example.fr'],
      ['contact', 'contact@', '@example.org', 'a@b', 'a b@example.org'],
    ],
    [
      'DATE',
      'service.startdate',
      ['2020-07-06', '06/07/2020', '2021-09-14T18:02:11'],
      ['2020-13-01', '31/02/2020', '2020/07/06', 'juillet 2020', '20-07-06'],
    ],
    [
      'DATETIME',
      'file.datetime',
      ['2020-07-06T14:23:20', '2020-07-06T14:23', '2020-07-06T14:23:20.5+02:00', '2020-07-06T14:23:20Z'],
      ['2020-07-06', '2020-07-06 14:23:20', '2020-02-30T10:00:00', 'hier'],
    ],
    ['COUNTRY_CODE', 'host.country.code', ['FR', 'be'], ['FRA', 'France', 'F']],
    ['STRING', 'software.version', ['2.0', "n'importe quoi"], []],
    ['ENUM', 'service.status.level', ['OK', 'alert', 'VOID'], ['ON', 'UP', 'OK!']],
    ['ENUM list', 'service.registration', ['None', 'Free;Member', 'free, client'], ['Free;Anyone', 'Tout le monde', ';']],
    ['ENUM', 'host.provider.type', ['HOME', 'HostedBay', 'OUTSOURCED'], ['CLOUD', 'chez moi']],
  ] as const)('%s values (%s)', (_type, field, valid, invalid) => {
    for (const value of valid) expect(codes({ ...SERVICE, [field]: value }), `${field} = ${value}`).toEqual([]);
    for (const value of invalid)
      expect(codes({ ...SERVICE, [field]: value }), `${field} = ${value}`).toEqual([`invalidFieldValue ${field}`]);
  });

  /** A complete organisation file, as the YunoHost configuration panel fills one. */
  const ORGANIZATION = props(`${fileSection('organization', 'organization')}
organization.name = Exemple
organization.description = Un chaton
organization.type = INFORMAL
organization.status.level = ACTIVE
organization.website = https://example.org/
organization.logo = https://example.org/logo.png
organization.country.name = France
organization.country.code = FR
organization.contact.url = https://example.org/contact
organization.contact.email = contact@example.org
organization.legal.url = https://example.org/mentions-legales
organization.startdate = 2019-03-02
organization.geolocation.latitude = 45,76404
organization.geolocation.longitude = -4.8357
organization.socialnetworks.mastodon = https://mastodon.example.org/@exemple
organization.chatrooms.xmpp = xmpp:salon@conference.example.org?join
`);

  it.each([
    ['DECIMAL_DEGREE', 'organization.geolocation.latitude', ['45,76404', '-4.8357', '+12', '0'], ['45,123456789', "45°45'N", 'N45.7', '']],
    [
      'URL under an open prefix',
      'organization.socialnetworks.peertube',
      ['https://video.example.org/c/exemple'],
      ['@exemple@video.example.org'],
    ],
    ['URL under an open prefix', 'organization.funding.liberapay', ['https://liberapay.com/exemple/'], ['liberapay.com/exemple']],
  ] as const)('organisation: %s values (%s)', (_type, field, valid, invalid) => {
    expect(codes(ORGANIZATION)).toEqual([]);
    for (const value of valid) expect(codes({ ...ORGANIZATION, [field]: value }), `${field} = ${value}`).toEqual([]);
    for (const value of invalid.filter(Boolean))
      expect(codes({ ...ORGANIZATION, [field]: value }), `${field} = ${value}`).toEqual([`invalidFieldValue ${field}`]);
  });

  it('says what was expected: the type name, or the allowed values', () => {
    const [bad] = validateProperties({ ...SERVICE, 'service.contact.email': 'nobody' }, spec);
    expect(bad).toMatchObject({ code: 'invalidFieldValue', requirement: 'wished', value: 'nobody', expected: 'EMAIL' });
    const [enumBad] = validateProperties({ ...SERVICE, 'service.registration.load': 'CLOSED' }, spec);
    expect(enumBad).toMatchObject({ requirement: 'mandatory', expected: 'OPEN | FULL' });
  });

  it('types declared only in the table (STATUS, NUMERIC) work for any field that names them', () => {
    const custom = readStatoolSpec({
      types: { STATUS: { values: ['ON', 'MAINTENANCE', 'DOWN', 'OFF', 'DRAFT'] }, NUMERIC: { pattern: '^[+-]?\\d+([.,]\\d+)?$' } },
      classes: { service: ['file'] },
      sections: {
        file: {
          fields: {
            'file.class': { type: 'STATUS', values: ['service'], requirement: 'mandatory' },
            'x.status': { type: 'STATUS', requirement: 'optional' },
            'x.count': { type: 'NUMERIC', requirement: 'wished' },
          },
        },
      },
    });
    if (typeof custom === 'string') throw new Error(custom);
    expect(codes({ 'file.class': 'service', 'x.status': 'MAINTENANCE', 'x.count': '-12,5' }, custom)).toEqual([]);
    expect(codes({ 'file.class': 'service', 'x.status': 'BROKEN', 'x.count': 'douze' }, custom)).toEqual([
      'invalidFieldValue x.status',
      'invalidFieldValue x.count',
    ]);
    expect(codes({ 'file.class': 'service', 'x.status': 'off' }, custom)).toEqual(['missingWishedField x.count']);
  });

  it('refuses a broken table with a sentence naming what is wrong', () => {
    expect(readStatoolSpec(null)).toMatch(/types, classes and sections/);
    expect(
      readStatoolSpec({
        types: {},
        classes: {},
        sections: { file: { fields: { 'file.class': { type: 'NOPE', requirement: 'mandatory' } } } },
      }),
    ).toMatch(/unknown type NOPE/);
    expect(
      readStatoolSpec({
        types: {},
        classes: {},
        sections: { file: { fields: { 'file.class': { type: 'X', values: ['a'], requirement: 'sometimes' } } } },
      }),
    ).toMatch(/requirement/);
    expect(readStatoolSpec({ types: { X: { pattern: '(' } }, classes: {}, sections: { file: { fields: {} } } })).toMatch(/invalid pattern/);
    expect(readStatoolSpec({ types: {}, classes: { service: ['nowhere'] }, sections: { file: { fields: {} } } })).toMatch(
      /unknown section nowhere/,
    );
    expect(
      readStatoolSpec({
        types: { URL: { check: 'url' } },
        classes: {},
        sections: { file: { fields: { 'x.*': { type: 'URL', requirement: 'wished' } } } },
      }),
    ).toMatch(/only be optional/);
  });
});
