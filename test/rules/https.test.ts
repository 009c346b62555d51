import { describe, expect, it } from 'vitest';
import { evidence, httpProbe, page, tls } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const H = 'services.example.org';
const ok = { tls: [tls(H)], httpProbes: [httpProbe(H)] };

ruleTester('https', {
  valid: [
    { name: 'HTTPS, valid certificate, HTTP redirects', evidence: evidence(T, [page(T)], [], ok) },
    {
      name: 'port 80 closed is not a failure',
      evidence: evidence(T, [page(T)], [], {
        tls: [tls(H)],
        httpProbes: [httpProbe(H, { status: null, location: null, error: 'ECONNREFUSED' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'HTTP-only site',
      evidence: evidence('http://services.example.org/', [page('http://services.example.org/')], [], {
        tls: [tls(H, { authorized: false, error: 'ECONNREFUSED' })],
        httpProbes: [httpProbe(H, { status: 200, location: null })],
      }),
      codes: ['notHttps', 'noHttpsRedirect'],
    },
    {
      name: 'self-signed or unknown CA',
      evidence: evidence(T, [page(T)], [], {
        tls: [tls(H, { authorized: false, error: 'SELF_SIGNED_CERT_IN_CHAIN' })],
        httpProbes: [httpProbe(H)],
      }),
      codes: ['invalidCertificate'],
    },
    {
      name: 'HTTP redirects to HTTP elsewhere',
      evidence: evidence(T, [page(T)], [], {
        tls: [tls(H)],
        httpProbes: [httpProbe(H, { status: 302, location: 'http://example.org/' })],
      }),
      codes: ['noHttpsRedirect'],
    },
    {
      name: 'parent redirecting to the portal has its own certificate checked',
      evidence: evidence(T, [page(T), page('https://example.org/', 'parent', { finalUrl: T })], [], {
        tls: [tls(H), tls('example.org', { authorized: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' })],
        httpProbes: [httpProbe(H), httpProbe('example.org')],
      }),
      codes: ['invalidCertificate'],
    },
    {
      name: 'expired certificate stopped the browser: still reported',
      evidence: evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CERT_DATE_INVALID' })], [], {
        tls: [tls(H, { authorized: false, error: 'CERT_HAS_EXPIRED' })],
        httpProbes: [httpProbe(H)],
      }),
      codes: ['invalidCertificate'],
    },
    {
      name: 'no TLS handshake at all is not a certificate problem',
      evidence: evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_REFUSED' })], [], {
        tls: [tls(H, { authorized: false, error: 'ECONNREFUSED', protocol: null, issuer: null, validTo: null })],
        httpProbes: [httpProbe(H, { status: null, location: null })],
      }),
      outcome: 'needs-review',
      codes: [],
    },
    { name: 'evidence without TLS checks', evidence: evidence(T, [page(T)]), outcome: 'needs-review', codes: [] },
    { name: 'nothing loaded', evidence: evidence(T, [page(T, 'portal', { status: null })], [], ok), outcome: 'needs-review', codes: [] },
  ],
});

describe('https', () => {
  it('gives the certificate error as evidence', () => {
    const ev = evidence(T, [page(T)], [], { tls: [tls(H, { authorized: false, error: 'CERT_HAS_EXPIRED' })], httpProbes: [httpProbe(H)] });
    expect(ruleResult('https', ev, 'fr').findings[0]?.message).toBe(
      "Le certificat TLS de services.example.org n'est pas valide (CERT_HAS_EXPIRED).",
    );
  });
});
