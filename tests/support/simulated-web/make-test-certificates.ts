import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** PEM material for the simulated web's HTTPS server. Generated once per process. */
export interface TestCertificates {
  /** The test certificate authority: give it to the client as an extra CA. */
  caCert: string;
  /** Valid for `example.test` and `*.example.test`, signed by the CA. */
  leaf: { cert: string; key: string };
  /** Signed by the CA for `expired.example.test`, but expired a year ago. */
  expired: { cert: string; key: string };
  /** Signed by the CA, valid, but for `other.invalid` only (served for `wrong-host.example.test`). */
  wrongHost: { cert: string; key: string };
  /** Self-signed for `self-signed.example.test`: no CA vouches for it. */
  selfSigned: { cert: string; key: string };
}

let cached: TestCertificates | undefined;

export function makeTestCertificates(): TestCertificates {
  cached ??= generate();
  return cached;
}

const DAY = 24 * 60 * 60 * 1000;

function generate(): TestCertificates {
  // Node's native RSA generation takes ~50 ms; node-forge's pure JS one takes seconds.
  const newKeys = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const key = forge.pki.privateKeyFromPem(pem);
    return { pem, key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
  };
  const ca = newKeys();
  const caCert = certificate({
    subject: 'linkmedic test CA',
    publicKey: ca.publicKey,
    signingKey: ca.key,
    issuer: undefined,
    isCa: true,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    dnsNames: [],
  });
  const leafKeys = newKeys();
  const issued = (subject: string, dnsNames: string[], notBefore: Date, notAfter: Date) => ({
    cert: forge.pki.certificateToPem(
      certificate({ subject, publicKey: leafKeys.publicKey, signingKey: ca.key, issuer: caCert, isCa: false, notBefore, notAfter, dnsNames }),
    ),
    key: leafKeys.pem,
  });
  const now = Date.now();
  const selfKeys = newKeys();
  return {
    caCert: forge.pki.certificateToPem(caCert),
    leaf: issued('example.test', ['example.test', '*.example.test'], new Date(now - DAY), new Date(now + 365 * DAY)),
    expired: issued('expired.example.test', ['expired.example.test'], new Date(now - 730 * DAY), new Date(now - 365 * DAY)),
    wrongHost: issued('other.invalid', ['other.invalid'], new Date(now - DAY), new Date(now + 365 * DAY)),
    selfSigned: {
      cert: forge.pki.certificateToPem(
        certificate({
          subject: 'self-signed.example.test',
          publicKey: selfKeys.publicKey,
          signingKey: selfKeys.key,
          issuer: undefined,
          isCa: false,
          notBefore: new Date(now - DAY),
          notAfter: new Date(now + 365 * DAY),
          dnsNames: ['self-signed.example.test'],
        }),
      ),
      key: selfKeys.pem,
    },
  };
}

let serial = 1;

function certificate(spec: {
  subject: string;
  publicKey: forge.pki.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  issuer: forge.pki.Certificate | undefined;
  isCa: boolean;
  notBefore: Date;
  notAfter: Date;
  dnsNames: string[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [{ name: 'commonName', value: spec.subject }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: spec.isCa, critical: true },
    spec.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    ...(spec.isCa ? [] : [{ name: 'extKeyUsage', serverAuth: true }]),
    ...(spec.dnsNames.length > 0
      ? [{ name: 'subjectAltName', altNames: spec.dnsNames.map((value) => ({ type: 2, value })) }]
      : []),
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(spec.signingKey, forge.md.sha256.create());
  return cert;
}
