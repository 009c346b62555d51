/**
 * What one site is audited with is a function of the run's settings and the target: the
 * configuration's `targets:` entry for its host, then the target's own options (a targets file,
 * a federation member's organisation file).
 */
import { describe, expect, it } from 'vitest';
import { siteSettingsFor } from '../../src/audit/settings.js';

const run = {
  levels: { 'no-ads': 'blocking', 'https-hardening': 'suggestion' } as const,
  ownDomains: ['flag.example'],
  allowlist: [{ host: 'video.autre.example', justification: 'PeerTube of another member' }],
  targets: {
    'chaton.example': {
      levels: { 'https-hardening': 'off' as const },
      ownDomains: ['chaton-cdn.example'],
      allowlist: [{ host: 'carte.example', justification: 'OpenStreetMap tiles of the collective' }],
    },
  },
  maxPages: 12,
  candidate: false,
  chatonsinfos: 'https://run.example/chatonsinfos.properties',
};

describe('siteSettingsFor', () => {
  it('gives a site without an entry or options the run settings', () => {
    expect(siteSettingsFor(run, 'https://other.example/')).toEqual({
      levels: run.levels,
      ownDomains: ['flag.example'],
      allowlist: run.allowlist,
      maxPages: 12,
      candidate: false,
      chatonsinfos: 'https://run.example/chatonsinfos.properties',
    });
  });

  it('applies the configuration entry of the host: its levels win, its domains and allowlist add up', () => {
    expect(siteSettingsFor(run, 'https://Chaton.example/services/')).toMatchObject({
      levels: { 'no-ads': 'blocking', 'https-hardening': 'off' },
      ownDomains: ['flag.example', 'chaton-cdn.example'],
      allowlist: [expect.objectContaining({ host: 'video.autre.example' }), expect.objectContaining({ host: 'carte.example' })],
    });
  });

  it("then the target's own options", () => {
    const site = siteSettingsFor(run, 'https://chaton.example/', {
      maxPages: 3,
      candidate: true,
      ownDomains: ['listed.example'],
      chatonsinfos: 'https://chaton.example/organization.properties',
    });
    expect(site).toMatchObject({
      maxPages: 3,
      candidate: true,
      chatonsinfos: 'https://chaton.example/organization.properties',
      ownDomains: ['flag.example', 'listed.example', 'chaton-cdn.example'],
    });
    // The run's settings are left as they were for the next site.
    expect(run.ownDomains).toEqual(['flag.example']);
    expect(run.levels).toEqual({ 'no-ads': 'blocking', 'https-hardening': 'suggestion' });
  });
});
