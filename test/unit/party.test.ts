import { describe, expect, it } from 'vitest';
import { ownDomainsOf, PartyResolver, registrableDomain } from '../../src/domains/party.js';

describe('registrable domains', () => {
  it.each([
    ['services.example.org', 'example.org'],
    ['WWW.Example.ORG.', 'example.org'],
    ['a.b.example.co.uk', 'example.co.uk'],
    // Private suffixes count: each GitHub Pages site or CloudFront distribution is its own party.
    ['alice.github.io', 'alice.github.io'],
    ['d111111abcdef8.cloudfront.net', 'd111111abcdef8.cloudfront.net'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));
});

describe('party', () => {
  const party = new PartyResolver(ownDomainsOf('https://alice.github.io/', [], ['cdn.alice.example']));
  it.each([
    ['alice.github.io', 'first'],
    ['bob.github.io', 'third'],
    ['github.io', 'third'],
    ['cdn.alice.example', 'first'],
    ['img.cdn.alice.example', 'first'],
    ['alice.example', 'third'],
    ['fonts.googleapis.com', 'third'],
  ])('%s is %s party', (host, expected) => expect(party.partyOf(host)).toBe(expected));

  it('owns the final URL after redirects', () => {
    expect(ownDomainsOf('https://services.old.example/', ['https://new.example/'], [])).toEqual(['new.example', 'old.example']);
  });

  it('does not confuse a suffix with a subdomain', () => {
    expect(new PartyResolver(['example.org']).partyOf('notexample.org')).toBe('third');
  });
});
