import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFixtureInternet } from '../../src/fixture-internet/server.js';
import { makeTestPki } from '../../src/fixture-internet/test-pki.js';

describe('the fixture internet makes its certificates at run time', () => {
  it('issues a leaf for the given hosts, signed by a fresh CA', () => {
    const pki = makeTestPki(['localhost', '127.0.0.1', 'services.bonchaton.example']);
    const ca = new X509Certificate(pki.caPem);
    const leaf = new X509Certificate(pki.chainPem);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('services.bonchaton.example')).toBe('services.bonchaton.example');
    expect(leaf.checkHost('other.example')).toBeUndefined();
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new Date(leaf.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(leaf.validFrom).getTime()).toBeLessThan(Date.now());
    // Two runs never share a key.
    expect(new X509Certificate(makeTestPki(['localhost']).caPem).publicKey.export({ format: 'jwk' })).not.toEqual(
      ca.publicKey.export({ format: 'jwk' }),
    );
  });

  it('writes only the CA certificate, and removes it at close', async () => {
    const internet = await startFixtureInternet();
    const text = readFileSync(internet.caCertFile, 'utf8');
    expect(text).toMatch(/BEGIN CERTIFICATE/);
    expect(text).not.toMatch(/PRIVATE KEY/);
    await internet.close();
    expect(existsSync(internet.caCertFile)).toBe(false);
  });
});
