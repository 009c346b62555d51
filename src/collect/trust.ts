/**
 * --ca-cert: an extra CA trusted for this audit only (an internal PKI, or the test CA).
 * Node side it joins the default trust store; the browser is told to accept chains containing
 * that CA's key (--ignore-certificate-errors-spki-list), never to ignore certificate errors at large.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { UsageError } from '../errors.js';
import type { ExtraTrust } from '../contracts/settings.js';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function loadExtraTrust(files: readonly string[]): ExtraTrust {
  const pems: string[] = [];
  const spkiHashes: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError('error.caCertUnreadable', { file });
    }
    const blocks = text.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0) throw new UsageError('error.caCertInvalid', { file });
    for (const pem of blocks) {
      try {
        spkiHashes.push(spkiHashOf(new X509Certificate(pem)));
        pems.push(pem);
      } catch {
        throw new UsageError('error.caCertInvalid', { file });
      }
    }
  }
  return { pems, spkiHashes };
}

/** base64(sha256(SPKI)) of a certificate's key: how Chromium's SPKI list names a key. */
export function spkiHashOf(cert: X509Certificate): string {
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/**
 * Node-side TLS context trusting the system's roots plus the extra CAs, built once per trust set
 * (~150 roots to parse).
 */
const secureContexts = new WeakMap<ExtraTrust, SecureContext>();
export function secureContextFor(trust: ExtraTrust): SecureContext {
  const known = secureContexts.get(trust);
  if (known) return known;
  const context = createSecureContext({ ca: [...rootCertificates, ...trust.pems] });
  secureContexts.set(trust, context);
  return context;
}
