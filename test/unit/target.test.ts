import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { isPrivateAddress, parseTarget } from '../../src/domains/target.js';
import { isExplicitlyMapped, parseHostMapping } from '../../src/collect/map-host.js';

describe('targets', () => {
  it.each([
    ['example.org', 'https://example.org/'],
    ['services.example.org/path?q=1#frag', 'https://services.example.org/path?q=1'],
    ['http://example.org', 'http://example.org/'],
    ['example.org:8443', 'https://example.org:8443/'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
  ])('%s → %s', (input, href) => expect(parseTarget(input).href).toBe(href));

  it.each([
    ['ftp://example.org', 'error.unsupportedScheme'],
    ['file:///etc/passwd', 'error.unsupportedScheme'],
    ['javascript:alert(1)', 'error.unsupportedScheme'],
    ['data:text/html,hi', 'error.unsupportedScheme'],
    ['http://', 'error.malformedUrl'],
    ['not a url', 'error.malformedUrl'],
    ['https://exa mple.org', 'error.malformedUrl'],
    ['', 'error.malformedUrl'],
  ])('refuses %j (%s)', (input, key) => {
    expect(() => parseTarget(input)).toThrow(UsageError);
    try {
      parseTarget(input);
    } catch (error) {
      expect((error as UsageError).key).toBe(key);
    }
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['8.8.8.8', false],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['2001:db8::1', false],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['example.org', false],
    // IPv4 inside IPv6, as WHATWG URL parsing writes it ([::ffff:127.0.0.1] → [::ffff:7f00:1]).
    [new URL('http://[::ffff:127.0.0.1]/').hostname.slice(1, -1), true],
    ['::ffff:a9fe:a9fe', true],
    ['::ffff:808:808', false],
    ['64:ff9b::a00:1', true],
    ['64:ff9b::808:808', false],
    ['0:0:0:0:0:0:0:1', true],
    ['::', true],
    ['2001:db8::ffff:7f00:1', false],
  ])('%s private: %s', (address, expected) => expect(isPrivateAddress(address)).toBe(expected));
});

describe('--map-host', () => {
  it('parses host, wildcard and catch-all patterns', () => {
    const mappings = ['*.example.org=127.0.0.1:8443', 'staging.example.net=10.0.0.5', '*=[::1]:9000'].map(parseHostMapping);
    expect(mappings.map((m) => [m.pattern, m.address, m.port])).toEqual([
      ['*.example.org', '127.0.0.1', 8443],
      ['staging.example.net', '10.0.0.5', null],
      ['*', '::1', 9000],
    ]);
    expect(isExplicitlyMapped(mappings, 'a.example.org')).toBe(true);
    expect(isExplicitlyMapped(mappings, 'other.example')).toBe(false);
  });

  it.each(['nohost', '=1.2.3.4', 'a.org=', 'a.org=1.2.3.4:99999', 'a b=1.2.3.4'])('refuses %j', (spec) => {
    expect(() => parseHostMapping(spec)).toThrow(UsageError);
  });
});
