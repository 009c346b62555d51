/**
 * A ChatonsInfos federation file as batch input (no browser): members' organisation files read
 * through the auditor's fetcher, each member a target or a problem, hostile files contained.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federationMembers, fetchTargetsText, isFederationText, type FederationNetwork } from '../../src/audit/batch/federation.js';
import type { TargetEntry } from '../../src/audit/batch/targets.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';

const FEDERATION = 'https://collectif.example/chatons.properties';
let internet: FixtureInternet;
let network: FederationNetwork;
beforeAll(async () => {
  internet = await startFixtureInternet();
  network = {
    mappings: [parseHostMapping(internet.mapHost)],
    trust: loadExtraTrust([internet.caCertFile]),
    allowPrivate: false,
    timeoutMs: 5_000,
  };
});
afterAll(async () => internet?.close());

const describeEntry = (e: TargetEntry): string[] =>
  'target' in e
    ? ['target', e.target.url.href, e.target.overrides.chatonsinfos ?? '']
    : ['problem', e.problem.key, e.problem.orgFile, String(e.problem.args.detail ?? e.problem.args.address ?? '')];

describe('federation file', () => {
  it('is told apart from a list of URLs and from a YAML list', () => {
    expect(isFederationText('file.class = federation\nfederation.name = X\n')).toBe(true);
    expect(isFederationText('# hand-made\nsubs.a = https://a.example/organization.properties\n')).toBe(true);
    expect(isFederationText('# members\nhttps://a.example/\nb.example\n')).toBe(false);
    expect(isFederationText('- https://a.example/\n- url: https://b.example/\n  maxPages: 3\n')).toBe(false);
  });

  it("turns each subs.* line into the member's website, with its organisation file, or into the member's problem", async () => {
    const text = await fetchTargetsText(FEDERATION, network);
    const entries = await federationMembers(text, FEDERATION, network);
    expect(entries.map(describeEntry)).toEqual([
      [
        'target',
        'https://services.bonchaton.example/',
        'https://services.bonchaton.example/.well-known/chatonsinfos/organization.properties',
      ],
      // A relative line resolves against the federation's address; a bare host is a website.
      ['target', 'https://google-fonts.example/', 'https://collectif.example/membres/google-fonts.properties'],
      ['problem', 'batch.memberUnreadable', 'https://collectif.example/membres/disparu.properties', 'HTTP 404'],
      ['problem', 'batch.memberNoWebsite', 'https://collectif.example/membres/sans-site.properties', ''],
      ['problem', 'batch.memberPrivateWebsite', 'https://collectif.example/membres/interne.properties', '10.1.2.3'],
      ['target', 'https://google-fonts.example/', 'https://collectif.example/membres/google-fonts.properties'],
    ]);
  });

  it("never lets a member's file lead the auditor to a private address, unless --allow-private", async () => {
    const hostile =
      'file.class = federation\nsubs.a = http://10.9.9.9/organization.properties\nsubs.b = https://collectif.example/membres/interne.properties\n';
    const guarded = await federationMembers(hostile, null, network);
    expect(guarded.map(describeEntry)).toEqual([
      ['problem', 'batch.memberUnreadable', 'http://10.9.9.9/organization.properties', 'refused private address 10.9.9.9'],
      ['problem', 'batch.memberPrivateWebsite', 'https://collectif.example/membres/interne.properties', '10.1.2.3'],
    ]);
    const allowed = await federationMembers(hostile, null, { ...network, allowPrivate: true });
    expect(allowed.map(describeEntry)[1]).toEqual([
      'target',
      'http://10.1.2.3/admin/',
      'https://collectif.example/membres/interne.properties',
    ]);
  });

  it('quotes a hostile website value: no terminal control or bidi override reaches a line or the summary', async () => {
    const [entry] = await federationMembers('subs.h = https://collectif.example/membres/hostile.properties\n', null, network);
    const website = entry && 'problem' in entry ? String(entry.problem.args.website) : '';
    expect(entry && 'problem' in entry ? entry.problem.key : null).toBe('batch.memberBadWebsite');
    expect(website).toContain('pwned');
    expect(website).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(website).toBe('"\\x1B]0;pwned\\x07\\x1B[31mrouge\\x9B2J\\u202Eexample.org"');
  });

  it('reports a relative line in a local federation file (no address to resolve it against), and an HTML answer', async () => {
    const entries = await federationMembers('subs.a = membres/x.properties\nsubs.b = https://services.bonchaton.example/\n', null, network);
    expect(entries.map(describeEntry)).toEqual([
      ['problem', 'batch.memberUnreadable', 'membres/x.properties', 'not an http(s) URL'],
      ['problem', 'batch.memberUnreadable', 'https://services.bonchaton.example/', 'not a properties file'],
    ]);
  });
});
