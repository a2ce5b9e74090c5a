import { generateKeyPairSync, sign } from 'node:crypto';
import forge from 'node-forge';

/**
 * Certificates made in the test with explicit dates: expired leaves and intermediates, wrong names,
 * Exchange 2007's self-signed default (1024-bit RSA, SHA-1), an EC key. Keys come from Node's
 * crypto (fast); node-forge builds and signs the certificates.
 */
export interface TestCertificate {
  certPem: string;
  keyPem: string;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

export interface CertificateSpec {
  cn: string;
  sans?: string[];
  notBefore: string;
  notAfter: string;
  /** Signed by this CA; self-signed when absent. */
  issuer?: TestCertificate;
  ca?: boolean;
  bits?: number;
  hash?: 'sha1' | 'sha256';
  serial?: string;
  /** Reuse this certificate's key pair (many certificates, one costly key). */
  keyOf?: TestCertificate;
}

let serials = 1;

export function makeCertificate(spec: CertificateSpec): TestCertificate {
  const keyPem =
    spec.keyOf?.keyPem ??
    generateKeyPairSync('rsa', { modulusLength: spec.bits ?? 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
  const key = spec.keyOf?.key ?? (forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  fillCertificate(cert, spec);
  const signer = spec.issuer?.key ?? key;
  cert.sign(signer, spec.hash === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem, cert, key };
}

function fillCertificate(cert: forge.pki.Certificate, spec: CertificateSpec): void {
  cert.serialNumber = spec.serial ?? (serials++).toString(16).padStart(4, '0');
  cert.validity.notBefore = new Date(spec.notBefore);
  cert.validity.notAfter = new Date(spec.notAfter);
  const subject = [{ name: 'commonName', value: spec.cn }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [{ name: 'basicConstraints', cA: spec.ca === true }];
  if (spec.ca) extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true });
  if (spec.sans?.length) {
    extensions.push({ name: 'subjectAltName', altNames: spec.sans.map((value) => ({ type: 2, value })) });
  }
  cert.setExtensions(extensions);
}

/**
 * node-forge signs only with RSA: for an EC certificate it builds the to-be-signed part, the EC
 * public key is put in, and Node's crypto signs it (ecdsa-with-SHA256).
 */
export function makeEcCertificate(spec: Omit<CertificateSpec, 'issuer' | 'bits' | 'hash'>): {
  certPem: string;
  keyPem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const placeholder = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  const placeholderKey = forge.pki.privateKeyFromPem(
    placeholder.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(placeholderKey.n, placeholderKey.e);
  fillCertificate(cert, spec);
  cert.sign(placeholderKey, forge.md.sha256.create());
  const asn1 = forge.asn1;
  const ecdsaSha256 = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.2.840.10045.4.3.2').getBytes()),
  ]);
  const tbs = (forge.pki.certificateToAsn1(cert).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const spki = asn1.fromDer(
    forge.util.createBuffer(publicKey.export({ type: 'spki', format: 'der' }).toString('binary')),
  );
  // TBSCertificate: [0] version, serial, signature algorithm, issuer, validity, subject, key, [3] extensions.
  fields[2] = ecdsaSha256;
  fields[6] = spki;
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, privateKey);
  const whole = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    ecdsaSha256,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${signature.toString('binary')}`),
  ]);
  const der = Buffer.from(asn1.toDer(whole).getBytes(), 'binary');
  const certPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  return { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
