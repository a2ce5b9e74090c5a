import { opensslDate } from '../certificate.js';
import { certificateRole, certificateVersionHints } from '../certificate-role.js';
import { hostLikeCommonNames, uniqueNames, windowsDnFromCertificateOrder } from '../distinguished-name.js';
import { signatureHashFromName } from '../signature-algorithms.js';
import type { Evidence, ParsedCertificate, Recognizer, SharedReads } from './evidence.js';
import { recognizePem } from './pem.js';
import { readFieldLines } from './s-client.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * `openssl x509 -text` (with or without -noout, -fingerprint). The text holds no DER, so there is no
 * thumbprint unless `-fingerprint` printed the SHA-1 one (`sha1 Fingerprint=` in 3.x, `SHA1` in 1.x).
 */
const MAX_CERTIFICATES = 100;
const CERTIFICATE_LINE = /^\s*Certificate:\s*$/;
const FINGERPRINT = /^\s*sha-?1 Fingerprint=([0-9A-Fa-f:]{40,80})\s*$/i;
const KEY_ALGORITHMS: readonly [RegExp, string][] = [
  [/rsaEncryption|rsassaPss/i, 'RSA'],
  [/id-ecPublicKey/i, 'ECDSA'],
  [/ED25519/i, 'Ed25519'],
  [/ED448/i, 'Ed448'],
  [/dsaEncryption/i, 'DSA'],
];

export const recognizeOpensslText: Recognizer = (text, shared) => {
  const split = shared?.lines?.() ?? text.split('\n');
  const lines = text.includes('\r') ? split.map((line) => line.replace(/\r$/, '')) : split;
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes(':') && CERTIFICATE_LINE.test(line) && /^\s*Data:\s*$/.test(lines[i + 1] ?? '')) starts.push(i);
  }
  // A paste can start below the `Certificate:` line; Validity with Not After is unmistakable enough.
  if (
    starts.length === 0 &&
    lines.some((l) => /^\s*Validity\s*$/.test(l)) &&
    lines.some((l) => /^\s*Not After\s*:/.test(l))
  ) {
    starts.push(0);
  }
  if (starts.length === 0) return fieldLinesAlone(text, lines);
  // A real paste holds a chain, not thousands of certificates: beyond that it is noise or an attack.
  // The last block kept still ends where the next one began, not at the end of the paste.
  const blocks = starts.slice(0, MAX_CERTIFICATES).map((start, i) => ({
    lines: lines.slice(start, starts[i + 1] ?? lines.length),
    fingerprint: '',
  }));
  starts.splice(MAX_CERTIFICATES);
  // Only -fingerprint prints one: the other pastes skip the scan.
  const fingerprinted = /fingerprint=/i.test(text);
  if (fingerprinted)
    lines.forEach((line, i) => {
      const match = FINGERPRINT.exec(line);
      if (!match) return;
      const block = blocks[fingerprintOwner(lines, starts, i)]!;
      block.fingerprint ||= match[1]!;
    });
  const certificates = blocks
    .map((block) => readBlock(block.lines, block.fingerprint))
    .filter((cert) => cert.subject !== '' || cert.notAfter !== undefined || cert.thumbprint !== undefined);
  const kept = withoutPemDuplicates(text, certificates, shared);
  return { certificates: kept, versionHints: kept.flatMap((cert) => certificateVersionHints(cert)) };
};

/**
 * `openssl x509 -in cert.pem -noout -subject -issuer -dates -fingerprint` alone: its field lines are
 * the certificate. After s_client they are the endpoint's leaf, which the s_client reader keeps.
 */
function fieldLinesAlone(text: string, lines: readonly string[]): Partial<Evidence> {
  if (/\bs_client\b|^CONNECTED\(/m.test(text)) return {};
  const cert = readFieldLines(lines);
  if (!cert) return {};
  cert.source = 'openssl';
  return { certificates: [cert], versionHints: certificateVersionHints(cert) };
}

/**
 * `openssl x509 -text` without -noout prints the PEM after the text: the PEM recogniser reports that
 * certificate with its thumbprint, so the thumbprint-less copy read from the text is dropped.
 */
function withoutPemDuplicates(
  text: string,
  certificates: ParsedCertificate[],
  shared: SharedReads | undefined,
): ParsedCertificate[] {
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return certificates;
  const pem = shared ? shared.pemCertificates() : (recognizePem(text).certificates ?? []);
  return certificates.filter(
    (cert) =>
      cert.thumbprint !== undefined ||
      !pem.some((other) => other.serialNumber === cert.serialNumber && other.notAfter === cert.notAfter),
  );
}

/** `-fingerprint -text` prints it before `Certificate:`, `-text -fingerprint` after the block. */
function fingerprintOwner(lines: readonly string[], starts: number[], at: number): number {
  let next = at + 1;
  while (next < lines.length && /^\s*(?:$|notBefore=|notAfter=|subject=|issuer=|serial=)/.test(lines[next]!)) next++;
  const following = starts.indexOf(next);
  if (following >= 0) return following;
  const before = starts.filter((start) => start < at).length - 1;
  return Math.max(0, before);
}

function readBlock(lines: string[], fingerprint: string): ParsedCertificate {
  // Every label read here has a ':'. The last block runs to the end of the paste, which can be
  // thousands of lines without one: those are set aside once instead of tried against each label.
  const labelled: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(':')) labelled.push(i);
  const get = (label: RegExp) => {
    for (const i of labelled) {
      const match = label.exec(lines[i]!);
      if (match) return match[1]!.trim();
    }
    return undefined;
  };
  const after = (label: RegExp) => {
    const at = labelled.find((i) => label.test(lines[i]!));
    return at !== undefined ? (lines[at + 1]?.trim() ?? '') : '';
  };
  const subject = windowsDnFromCertificateOrder(get(/^\s*Subject:\s*(.*)$/) ?? '');
  const issuer = windowsDnFromCertificateOrder(get(/^\s*Issuer:\s*(.*)$/) ?? '');
  const sans = after(/X509v3 Subject Alternative Name:/)
    .split(/,\s*/)
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4).trim());
  const cert: ParsedCertificate = {
    subject,
    issuer,
    domains: uniqueNames([...hostLikeCommonNames(subject), ...sans]),
    source: 'openssl',
  };
  const thumbprint = normalizeThumbprint(fingerprint)?.value;
  if (thumbprint) cert.thumbprint = thumbprint;
  const notBefore = opensslDate(get(/^\s*Not Before\s*:\s*(.*)$/) ?? '');
  const notAfter = opensslDate(get(/^\s*Not After\s*:\s*(.*)$/) ?? '');
  if (notBefore) cert.notBefore = notBefore;
  if (notAfter) cert.notAfter = notAfter;
  if (subject && issuer) cert.selfSigned = subject.toLowerCase() === issuer.toLowerCase();
  const keyAlgorithm = get(/^\s*Public Key Algorithm:\s*(.*)$/) ?? '';
  const algorithm = KEY_ALGORITHMS.find(([pattern]) => pattern.test(keyAlgorithm))?.[1];
  if (algorithm) cert.keyAlgorithm = algorithm;
  const keySize = get(/Public-Key:\s*\((\d+) bit\)/);
  if (keySize) cert.keySize = Number(keySize);
  else if (algorithm === 'Ed25519') cert.keySize = 256;
  const signature = get(/^\s*Signature Algorithm:\s*(.*)$/);
  const signatureHash = signature ? signatureHashFromName(signature) : undefined;
  if (signatureHash) cert.signatureHash = signatureHash;
  const serial = serialOf(get(/^\s*Serial Number:\s*(.*)$/) ?? '', after(/^\s*Serial Number:\s*$/));
  if (serial) cert.serialNumber = serial;
  const basic = labelled.map((i) => lines[i]!).find((line) => /^\s*CA:(TRUE|FALSE)/.test(line));
  if (basic) cert.isCA = /CA:TRUE/.test(basic);
  const role = certificateRole(cert);
  if (role) cert.role = role;
  return cert;
}

/** `439041195 (0x1a2b3cab)` on the label line, or colon hex on the next one. */
function serialOf(sameLine: string, nextLine: string): string | undefined {
  const hex = /\(0x([0-9a-f]+)\)/i.exec(sameLine)?.[1] ?? (sameLine === '' ? nextLine : '');
  const clean = hex.replace(/:/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(clean)) return undefined;
  return clean.length % 2 === 1 ? `0${clean}` : clean;
}
