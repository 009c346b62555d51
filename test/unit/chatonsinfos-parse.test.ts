import { describe, expect, it } from 'vitest';
import { licenceVocabulary, licenseVerdict } from '../../src/chatonsinfos/licenses.js';
import { ruleSet } from '../support/rules.js';
import { parseProperties, subsOf } from '../../src/chatonsinfos/properties.js';
import { probeUrls } from '../../src/collect/chatonsinfos.js';

describe('ChatonsInfos properties parser (tolerant)', () => {
  it('reads what members write by hand', () => {
    const { properties, badLines } = parseProperties(
      [
        '\uFEFF# comment',
        '! also a comment',
        '',
        'file.class = organization',
        'organization.name="Bon Chaton"',
        "organization.description = 'L\\'hébergeur du quartier'",
        'Organization.Website   =   https://example.org/  ',
        'organization.legal.url:https://example.org/ml',
        'service.name = Pad \\',
        '    collaboratif',
        'emoji = \\u00e9t\\u00e9',
        'subs.pad = pad.properties',
        'subs.empty =',
        'this line is garbage',
      ].join('\r\n'),
    );
    expect(properties).toMatchObject({
      'file.class': 'organization',
      'organization.name': 'Bon Chaton',
      'organization.description': "L'hébergeur du quartier",
      'organization.website': 'https://example.org/',
      'organization.legal.url': 'https://example.org/ml',
      'service.name': 'Pad collaboratif',
      emoji: 'été',
    });
    expect(subsOf(properties)).toEqual(['pad.properties']);
    expect(badLines).toEqual([14]);
  });

  it('probes both well-known spellings, host then registrable domain', () => {
    const urls = probeUrls('https://services.example.org/');
    expect(urls[0]).toBe('https://services.example.org/.well-known/chatonsinfos/organization.properties');
    expect(urls).toContain('https://services.example.org/.well_known/chatonsinfos/organization.properties');
    expect(urls).toContain('https://example.org/.well-known/chatonsinfos/example.org.properties');
  });
});

describe('free licences (SPDX)', () => {
  it.each([
    ['AGPL-3.0-or-later', 'free'],
    ['GPLv3', 'free'],
    ['GPL-2.0+', 'free'],
    ['MIT OR Apache-2.0', 'free'],
    ['apache-2.0', 'free'],
    ['MPL-2.0 AND MIT', 'free'],
    ['CC0-1.0', 'free'],
    ['Proprietary', 'non-free'],
    ['CC-BY-NC-4.0', 'non-free'],
    ['SSPL-1.0', 'non-free'],
    ['Licence maison', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (expression, verdict) => {
    expect(licenseVerdict(expression, licenceVocabulary(ruleSet.data))).toBe(verdict);
  });
});
