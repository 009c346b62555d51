import { describe, expect, it } from 'vitest';
import { evidence, httpProbe, page, tls } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const H = 'services.example.org';
const ok = { tls: [tls(H)], httpProbes: [httpProbe(H)] };

describe('https', () => {
  it.each([
    ['HTTPS, valid certificate, HTTP redirects', evidence(T, [page(T)], [], ok), 'pass', []],
    ['HTTP-only site', evidence('http://services.example.org/', [page('http://services.example.org/')], [], {
      tls: [tls(H, { authorized: false, error: 'ECONNREFUSED' })], httpProbes: [httpProbe(H, { status: 200, location: null })],
    }), 'fail', ['notHttps', 'noHttpsRedirect']],
    ['self-signed or unknown CA', evidence(T, [page(T)], [], {
      tls: [tls(H, { authorized: false, error: 'SELF_SIGNED_CERT_IN_CHAIN' })], httpProbes: [httpProbe(H)],
    }), 'fail', ['invalidCertificate']],
    ['HTTP redirects to HTTP elsewhere', evidence(T, [page(T)], [], {
      tls: [tls(H)], httpProbes: [httpProbe(H, { status: 302, location: 'http://example.org/' })],
    }), 'fail', ['noHttpsRedirect']],
    ['port 80 closed is not a failure', evidence(T, [page(T)], [], {
      tls: [tls(H)], httpProbes: [httpProbe(H, { status: null, location: null, error: 'ECONNREFUSED' })],
    }), 'pass', []],
    ['parent redirecting to the portal has its own certificate checked', evidence(T, [page(T), page('https://example.org/', 'parent', { finalUrl: T })], [], {
      tls: [tls(H), tls('example.org', { authorized: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' })], httpProbes: [httpProbe(H), httpProbe('example.org')],
    }), 'fail', ['invalidCertificate']],
    ['expired certificate stopped the browser: still reported', evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CERT_DATE_INVALID' })], [], {
      tls: [tls(H, { authorized: false, error: 'CERT_HAS_EXPIRED' })], httpProbes: [httpProbe(H)],
    }), 'fail', ['invalidCertificate']],
    ['no TLS handshake at all is not a certificate problem', evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_REFUSED' })], [], {
      tls: [tls(H, { authorized: false, error: 'ECONNREFUSED', protocol: null, issuer: null, validTo: null })], httpProbes: [httpProbe(H, { status: null, location: null })],
    }), 'needs-review', []],
    ['evidence without TLS checks', evidence(T, [page(T)]), 'needs-review', []],
    ['nothing loaded', evidence(T, [page(T, 'portal', { status: null })], [], ok), 'needs-review', []],
  ] as const)('%s → %s', (_name, ev, outcome, codes) => {
    const result = ruleResult('https', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('gives the certificate error as evidence', () => {
    const ev = evidence(T, [page(T)], [], { tls: [tls(H, { authorized: false, error: 'CERT_HAS_EXPIRED' })], httpProbes: [httpProbe(H)] });
    expect(ruleResult('https', ev, 'fr').findings[0]?.message).toBe("Le certificat TLS de services.example.org n'est pas valide (CERT_HAS_EXPIRED).");
  });
});
