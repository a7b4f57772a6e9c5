import {
  constants,
  generateKeyPairSync,
  privateEncrypt,
  randomBytes,
} from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** A CA and a server certificate signed by it, all PEM. */
export interface TlsMaterial {
  caCert: string;
  serverCert: string;
  serverKey: string;
}

/** DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256. */
const SHA256_DIGEST_INFO = Buffer.from(
  '3031300d060960864801650304020105000420',
  'hex',
);

/**
 * An RSA key pair made by Node's crypto. Certificates are assembled with node-forge, but signed
 * by Node (RSASSA-PKCS1-v1_5 over forge's SHA-256 digest): much faster than forge's JS RSA.
 */
function rsaKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const privatePem = privateKey
    .export({ type: 'pkcs1', format: 'pem' })
    .toString();
  const signer = {
    sign(md: forge.md.MessageDigest): string {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const signature = privateEncrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
      return signature.toString('binary');
    },
  } as unknown as forge.pki.rsa.PrivateKey;
  return {
    privatePem,
    signer,
    publicKey: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
  };
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

/** Generates a fresh CA and a server certificate for the given host names and addresses. */
export function generateTlsMaterial(hosts: string[]): TlsMaterial {
  const now = new Date();
  const notAfter = new Date(now.getTime() + 365 * 86_400_000);
  const notBefore = new Date(now.getTime() - 3_600_000);

  const caKeys = rsaKeys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  ca.validity.notBefore = notBefore;
  ca.validity.notAfter = notAfter;
  const caSubject = [{ name: 'commonName', value: 'kube-sim-ca' }];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    {
      name: 'keyUsage',
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: true,
      critical: true,
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.signer, forge.md.sha256.create());

  const serverKeys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = serverKeys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(caSubject);
  const altNames = [
    ...new Set(['localhost', '127.0.0.1', '::1', ...hosts]),
  ].map(h => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(caKeys.signer, forge.md.sha256.create());

  return {
    caCert: forge.pki.certificateToPem(ca),
    serverCert: forge.pki.certificateToPem(cert),
    serverKey: serverKeys.privatePem,
  };
}
