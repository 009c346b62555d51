/**
 * The fixture internet's certificates, made in memory each time it starts: a throw-away CA and
 * one leaf naming every fixture host. No private key is ever written to disk or shipped in the
 * package, and a key made for one run is trusted by that run only (--ca-cert with the CA file,
 * which holds the certificate alone). Node has no API to issue certificates, so the few DER
 * structures of RFC 5280 needed here are encoded below and signed with node:crypto (ECDSA P-256).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';

export interface TestPki {
  /** PEM of the CA certificate (trust anchor for --ca-cert). */
  caPem: string;
  /** PEM of the leaf then the CA: what the server presents. */
  chainPem: string;
  /** PEM of the leaf's private key, kept in memory only. */
  leafKeyPem: string;
}

const SUBJECT_ORG = 'chatons-audit fixtures';
const DAY_MS = 86_400_000;

// --- DER, the subset X.509 needs -------------------------------------------------------------

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);
const octets = (content: Buffer): Buffer => tlv(0x04, content);
const bits = (content: Buffer, unusedBits = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const TRUE = tlv(0x01, Buffer.from([0xff]));

function integer(value: Buffer): Buffer {
  let v = value;
  while (v.length > 1 && v[0] === 0 && (v[1] ?? 0) < 0x80) v = v.subarray(1);
  return tlv(0x02, (v[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

// --- X.509 ------------------------------------------------------------------------------------

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

const name = (commonName: string): Buffer =>
  seq(set(seq(oid(OID.organization), utf8(SUBJECT_ORG))), set(seq(oid(OID.commonName), utf8(commonName))));

const extension = (id: string, critical: boolean, value: Buffer): Buffer => seq(oid(id), ...(critical ? [TRUE] : []), octets(value));

function keyId(key: KeyObject): Buffer {
  const spki = key.export({ type: 'spki', format: 'der' });
  return createHash('sha1').update(spki).digest();
}

function sanOf(names: readonly string[]): Buffer {
  return seq(...names.map((n) => (isIP(n) === 4 ? tlv(0x87, Buffer.from(n.split('.').map(Number))) : tlv(0x82, Buffer.from(n, 'ascii')))));
}

interface CertSpec {
  subject: string;
  publicKey: KeyObject;
  issuer: string;
  issuerPublicKey: KeyObject;
  signingKey: KeyObject;
  extensions: Buffer[];
  now: Date;
}

function certificate(spec: CertSpec): string {
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name(spec.issuer),
    seq(time(new Date(spec.now.getTime() - DAY_MS)), time(new Date(spec.now.getTime() + 30 * DAY_MS))),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        ...spec.extensions,
        extension(OID.subjectKeyId, false, octets(keyId(spec.publicKey))),
        extension(OID.authorityKeyId, false, seq(tlv(0x80, keyId(spec.issuerPublicKey)))),
      ),
    ),
  );
  const der = seq(tbs, algorithm, bits(sign('sha256', tbs, spec.signingKey)));
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}

/** A fresh CA and a leaf for `hosts` (DNS names or IPv4 addresses), valid from yesterday for 30 days. */
export function makeTestPki(hosts: readonly string[], now = new Date()): TestPki {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const leaf = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caName = 'chatons-audit TEST ONLY CA';
  const caPem = certificate({
    subject: caName,
    publicKey: ca.publicKey,
    issuer: caName,
    issuerPublicKey: ca.publicKey,
    signingKey: ca.privateKey,
    now,
    extensions: [
      extension(OID.basicConstraints, true, seq(TRUE)),
      extension(OID.keyUsage, true, bits(Buffer.from([0x06]), 1)), // keyCertSign, cRLSign
    ],
  });
  const leafPem = certificate({
    subject: 'fixture internet',
    publicKey: leaf.publicKey,
    issuer: caName,
    issuerPublicKey: ca.publicKey,
    signingKey: ca.privateKey,
    now,
    extensions: [
      extension(OID.basicConstraints, false, seq()),
      extension(OID.keyUsage, true, bits(Buffer.from([0x80]), 7)), // digitalSignature
      extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))),
      extension(OID.subjectAltName, false, sanOf(hosts)),
    ],
  });
  return { caPem, chainPem: leafPem + caPem, leafKeyPem: leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
